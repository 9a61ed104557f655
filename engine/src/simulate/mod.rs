//! Virtual patients from a population model, as NONMEM's `$SIM` makes
//! them: for each patient η drawn from Ω, κ drawn from the between-
//! occasion matrix for every occasion of the design, the concentrations
//! predicted at the design's observation rows, and the residual error of
//! the model's error model drawn at each of them. Seeded (ChaCha8, no OS
//! randomness): the same question gives the same patients, byte for byte.
//!
//! - [`design`]: the design CSV (the first subject's rows as the template)
//!   read for a model: covariates with the model's stated defaults,
//!   occasions from `OCC`, the rows that get a simulated level.
//! - [`write`]: the virtual patients as a NONMEM CSV (IDs 1..N, the
//!   design's columns, DV simulated).
//! - [`forecast`]: the forecast benchmark — each patient's first levels
//!   fitted by every model of the drug and by their average, the next
//!   level forecast and scored.
//! - [`designs`]: the benchmark's two designs (tacrolimus, cyclosporine).
//! - [`patients`]: covariates per virtual patient from a table of
//!   patients (row (i − 1) mod n for patient i), instead of the design's.
//!
//! Levels below 0 (possible with an additive error part) are kept as
//! drawn, as `$SIM` writes them; a level below the row's `LLOQ` is
//! reported below the limit (BLQ = 1, the M3 convention the reader takes).

pub mod design;
pub mod designs;
pub mod forecast;
pub mod patients;
pub mod write;

use crate::catalog::ModelDef;
use crate::estimate::{EstimateError, Problem};
use crate::tdm::Assumption;
pub use design::Design;
use nalgebra::{DMatrix, DVector};
pub use patients::CovariateTable;
use rand_chacha::rand_core::SeedableRng;
use rand_chacha::ChaCha8Rng;
use rand_distr::{Distribution, StandardNormal};
use serde::Serialize;

/// The most virtual patients one question may ask for.
pub const MAX_PATIENTS: usize = 100_000;

/// Which random effects are drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Variability {
    /// η, κ and the residual error (what `$SIM` does).
    #[default]
    Full,
    /// η and κ, no residual error: each level is the patient's own
    /// concentration.
    Parameters,
    /// Nothing: every patient is the typical patient (η = κ = 0, no
    /// error), i.e. `dmip predict`'s population predictions.
    None,
}

/// N virtual patients of `model` on `design`.
#[derive(Debug)]
pub struct SimulateQuestion<'a> {
    pub model: &'a ModelDef,
    /// The design read for this model ([`Design::read`]).
    pub design: &'a Design,
    /// 1..=[`MAX_PATIENTS`].
    pub n: usize,
    pub seed: u64,
    pub variability: Variability,
    /// Covariates per patient ([`CovariateTable`], read for this model);
    /// `None`: the design's for every patient.
    pub patients: Option<&'a CovariateTable>,
}

/// One simulated level.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct SimLevel {
    /// The measurement as drawn (may be ≤ 0 with an additive error part).
    pub value: f64,
    /// Below the row's LLOQ: reported as BLQ with the limit.
    pub blq: bool,
    /// The row's LLOQ, if it has one.
    pub lloq: Option<f64>,
}

/// One virtual patient.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct VirtualPatient {
    /// 1-based.
    pub id: usize,
    /// The covariates the table gave this patient (model's name, value);
    /// empty without a table.
    pub covariates: Vec<(String, f64)>,
    /// η in the order of the model's `[omega]`.
    pub eta: Vec<f64>,
    /// κ of each occasion, in the order of the model's `[iov]`.
    pub kappa: Vec<Vec<f64>>,
    /// The patient's concentration (no residual error) at each observation
    /// row of the design.
    pub ipred: Vec<f64>,
    /// The simulated level at each observation row (None where the design
    /// says MDV = 1).
    pub levels: Vec<Option<SimLevel>>,
}

/// The virtual patients and what was assumed to make them.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Simulation {
    pub model: String,
    pub seed: u64,
    pub variability: Variability,
    pub patients: Vec<VirtualPatient>,
    /// Covariates the design and the table lack, with the value used for
    /// every patient.
    pub assumptions: Vec<Assumption>,
    /// What the user should know (the template, occasions, levels ≤ 0).
    pub notes: Vec<String>,
}

/// Why no patient could be simulated, in words naming the input.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum SimulateError {
    #[error("design: {0}")]
    Design(String),
    #[error("covariate table: {0}")]
    Patients(String),
    #[error("the design has no observation row to simulate (an EVID 0 row without MDV = 1)")]
    NoObservation,
    #[error("the number of virtual patients must be at least 1 (got 0)")]
    NoPatients,
    #[error("at most {MAX_PATIENTS} virtual patients can be simulated at once (got {0})")]
    TooManyPatients(usize),
    #[error("{0}")]
    Model(#[from] EstimateError),
    #[error("the model's {0} matrix is not positive definite")]
    Matrix(&'static str),
}

/// The lower Cholesky factor of a variance matrix (empty for none).
fn factor(
    m: Option<&crate::catalog::Omega>,
    name: &'static str,
) -> Result<DMatrix<f64>, SimulateError> {
    match m {
        None => Ok(DMatrix::zeros(0, 0)),
        Some(o) => o
            .matrix
            .clone()
            .cholesky()
            .map(|c| c.unpack())
            .ok_or(SimulateError::Matrix(name)),
    }
}

/// A draw of N(0, L·Lᵀ).
fn normal(l: &DMatrix<f64>, rng: &mut ChaCha8Rng) -> Vec<f64> {
    let z = DVector::from_fn(l.nrows(), |_, _| StandardNormal.sample(rng));
    (l * z).as_slice().to_vec()
}

/// Simulates the patients. Draw order (the stream is one ChaCha8 seeded
/// by `seed`): for each patient in turn, η, then κ of each occasion, then
/// one residual draw per simulated row — so patient k is the same
/// whatever N ≥ k.
pub fn simulate(q: &SimulateQuestion) -> Result<Simulation, SimulateError> {
    match q.n {
        0 => return Err(SimulateError::NoPatients),
        n if n > MAX_PATIENTS => return Err(SimulateError::TooManyPatients(n)),
        _ => {}
    }
    let design = q.design;
    if !design.simulated.iter().any(|s| *s) {
        return Err(SimulateError::NoObservation);
    }
    let build =
        |covariates: &std::collections::BTreeMap<String, crate::dosing::CovariateSeries>| {
            Problem::for_simulation(
                q.model,
                design.subject.events.clone(),
                covariates,
                &design.occasions,
            )
            .map_err(|e| match e {
                EstimateError::MissingCovariate(m) => {
                    SimulateError::Design(format!("{m}; add its column to the design"))
                }
                other => other.into(),
            })
        };
    // One problem per row of the table that a patient takes (the design's
    // covariates for all without one).
    let problems: Vec<Problem> = match q.patients {
        None => vec![build(&design.covariates)?],
        Some(t) => (0..t.rows.len().min(q.n))
            .map(|row| build(&t.apply(q.model, row, &design.covariates)))
            .collect::<Result<_, _>>()?,
    };
    let problem = &problems[0];
    let l_omega = factor(q.model.omega.as_ref(), "Ω")?;
    let l_iov = factor(q.model.iov.as_ref(), "between-occasion Ω")?;
    let occasions = problem.occasions.len();
    let mut rng = ChaCha8Rng::seed_from_u64(q.seed);
    let mut patients = Vec::with_capacity(q.n);
    let mut non_positive = 0usize;
    for id in 1..=q.n {
        let (problem, covariates) = match q.patients {
            None => (problem, Vec::new()),
            Some(t) => {
                let row = t.row_of(id);
                let values = t.rows.get(row).map_or(&[][..], |r| &r[..]);
                (
                    problems.get(row).unwrap_or(problem),
                    t.names
                        .iter()
                        .cloned()
                        .zip(values.iter().copied())
                        .collect(),
                )
            }
        };
        let (eta, kappa) = match q.variability {
            Variability::None => (
                vec![0.0; problem.n_eta],
                vec![vec![0.0; problem.n_iov]; occasions],
            ),
            Variability::Full | Variability::Parameters => {
                let eta = normal(&l_omega, &mut rng);
                let kappa: Vec<Vec<f64>> =
                    (0..occasions).map(|_| normal(&l_iov, &mut rng)).collect();
                (eta, kappa)
            }
        };
        let theta: Vec<f64> = eta.iter().chain(kappa.iter().flatten()).copied().collect();
        let ipred = problem
            .predict(&theta, &problem.events)
            .map_err(EstimateError::from)?;
        let levels: Vec<Option<SimLevel>> = ipred
            .iter()
            .zip(&design.simulated)
            .zip(&problem.levels)
            .map(|((&f, &simulated), level)| {
                if !simulated {
                    return None;
                }
                let value = match q.variability {
                    Variability::Full => q.model.error.observe(f, StandardNormal.sample(&mut rng)),
                    Variability::Parameters | Variability::None => f,
                };
                let blq = level.lloq.is_some_and(|l| value < l);
                if value <= 0.0 && !blq {
                    non_positive += 1;
                }
                Some(SimLevel {
                    value,
                    blq,
                    lloq: level.lloq,
                })
            })
            .collect();
        patients.push(VirtualPatient {
            id,
            covariates,
            eta,
            kappa,
            ipred,
            levels,
        });
    }
    let mut notes = design.notes.clone();
    let mut assumptions = design.assumptions.clone();
    if let Some(t) = q.patients {
        assumptions.retain(|a| match a {
            Assumption::Typical { covariate, .. } | Assumption::Genotype { covariate, .. } => {
                !t.gives(covariate) && !t.rederived(q.model, covariate, &design.covariates)
            }
        });
        notes.push(format!(
            "covariates per patient from the table ({}): {} row(s), patient i takes row (i − 1) mod {}; they replace the design's",
            t.names.join(", "),
            t.rows.len(),
            t.rows.len()
        ));
        if !t.ignored.is_empty() {
            notes.push(format!(
                "the table's column(s) {} are not covariates of {}: left out",
                t.ignored.join(", "),
                q.model.id()
            ));
        }
    }
    if non_positive > 0 {
        notes.push(format!(
            "{non_positive} simulated level(s) ≤ 0 (the additive part of the residual error) are written as drawn, as NONMEM's $SIM does (the engine's fit refuses a negative DV); give the rows an LLOQ to have them reported below the limit"
        ));
    }
    Ok(Simulation {
        model: q.model.id().to_owned(),
        seed: q.seed,
        variability: q.variability,
        patients,
        assumptions,
        notes,
    })
}

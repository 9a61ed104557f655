//! One patient's estimation problem: the model, the history, covariates
//! over time and occasions, turned into an objective of η.
//!
//! Objective (NONMEM POSTHOC, no 2π term):
//! `Σ_obs [(y − f)²/Var + ln Var] + Σ_BLQ −2·ln Φ((LLOQ − f)/sd) + ηᵀΩ⁻¹η + Σ_occ κᵀΠ⁻¹κ`
//! with y and f on the log scale for a log-additive error (M3 for BLQ:
//! Beal 2001).
//!
//! A prediction of 0 (a level drawn before the lag time, or before a
//! transit chain delivers anything) makes a proportional or log error
//! degenerate (SD 0, ln 0). Where the error model needs it, the likelihood
//! reads such a prediction as the problem's [floor](Problem::floor), a
//! millionth of its smallest reported value: the objective stays finite,
//! and continuous where predictions rise from 0, and no optimum of a
//! level the model can explain ever sits below the floor.

use crate::catalog::{CovariateIssue, Covariates, ModelDef, ResidualError, Typical};
use crate::dosing::{CovariateSeries, Event};
use crate::model::{run, Method, ModelError, Schedule, Segment};
use nalgebra::DMatrix;
use std::cell::RefCell;
use std::collections::BTreeMap;

/// Why a problem cannot be set up, in words a clinician understands.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum EstimateError {
    #[error("{0}")]
    MissingCovariate(String),
    #[error("{0}")]
    Model(#[from] ModelError),
    #[error("the model's {0} matrix cannot be inverted")]
    SingularOmega(&'static str),
}

/// A level as the objective sees it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Level {
    pub time: f64,
    pub dv: Option<f64>,
    pub lloq: Option<f64>,
    pub blq: bool,
}

impl Level {
    /// Whether this record carries information (a value or a BLQ report).
    pub fn informative(&self) -> bool {
        self.blq || self.dv.is_some()
    }
}

/// The problem, ready for the optimiser.
#[derive(Debug, Clone)]
pub struct Problem {
    pub def: ModelDef,
    pub events: Vec<Event>,
    pub levels: Vec<Level>,
    seg_from: Vec<f64>,
    seg_typical: Vec<Typical>,
    /// Free occasion (index among occasions with levels) of each segment.
    seg_occasion: Vec<Option<usize>>,
    pub n_eta: usize,
    pub n_iov: usize,
    /// Occasions that have levels, by start time.
    pub occasions: Vec<f64>,
    omega_inv: DMatrix<f64>,
    iov_inv: DMatrix<f64>,
    /// Covariates outside the source population (missing ones are errors).
    pub covariate_issues: Vec<CovariateIssue>,
    /// The schedule of `events`, reused across objective evaluations.
    schedule: RefCell<Option<Schedule>>,
    /// Smallest prediction the likelihood takes at face value (see the
    /// module's header): [`FLOOR_FRACTION`] × the smallest positive DV or
    /// LLOQ of the levels.
    pub floor: f64,
}

/// What [`Problem::prediction_identity`] returns.
#[derive(Debug, Clone, PartialEq)]
pub struct PredictionIdentity {
    events: Vec<Event>,
    seg_from: Vec<f64>,
    seg_typical: Vec<Typical>,
    seg_occasion: Vec<Option<usize>>,
    n_eta: usize,
    n_iov: usize,
    error: ResidualError,
}

/// The floor of predictions as a fraction of the smallest reported value
/// (a level predicted a million times below every measurement is, for the
/// fit, not there).
pub const FLOOR_FRACTION: f64 = 1e-6;

fn inverse(
    m: &Option<crate::catalog::Omega>,
    name: &'static str,
) -> Result<DMatrix<f64>, EstimateError> {
    match m {
        None => Ok(DMatrix::zeros(0, 0)),
        Some(o) => o
            .matrix
            .clone()
            .try_inverse()
            .ok_or(EstimateError::SingularOmega(name)),
    }
}

/// How far from the typical patient (Mahalanobis distance of η and κ, in
/// prior SDs) the objective is computed; beyond, it is +∞. No level makes a
/// mode there credible (prior density e^−200 of the typical value's), and
/// a level 1000 times the prediction drove the fit to η ≈ 50 on KA
/// (e^50 h⁻¹), where each prediction took milliseconds and the fit minutes
/// (found by fuzzing, `engine/fuzz` target `estimate`).
pub const MAX_PRIOR_DISTANCE: f64 = 20.0;

fn quad(inv: &DMatrix<f64>, v: &[f64]) -> f64 {
    let n = v.len();
    let mut s = 0.0;
    for i in 0..n {
        for j in 0..n {
            s += v[i] * inv[(i, j)] * v[j];
        }
    }
    s
}

/// Standard normal CDF, accurate in the tails (via erfc).
pub fn normal_cdf(z: f64) -> f64 {
    0.5 * libm::erfc(-z / std::f64::consts::SQRT_2)
}

impl Problem {
    /// Sets up the problem. `covariates` may change over time (last value
    /// carried forward); `occasion_starts` are the start times of occasions
    /// (for models with between-occasion variability; empty = one occasion).
    pub fn new(
        def: &ModelDef,
        events: Vec<Event>,
        covariates: &BTreeMap<String, CovariateSeries>,
        occasion_starts: &[f64],
    ) -> Result<Problem, EstimateError> {
        Problem::build(def, events, covariates, occasion_starts, false)
    }

    /// [`Problem::new`] with a κ for *every* occasion, levels or not: what
    /// a simulation draws (a dose of an occasion without a sample still
    /// carries its κ on F into later levels).
    pub fn for_simulation(
        def: &ModelDef,
        events: Vec<Event>,
        covariates: &BTreeMap<String, CovariateSeries>,
        occasion_starts: &[f64],
    ) -> Result<Problem, EstimateError> {
        Problem::build(def, events, covariates, occasion_starts, true)
    }

    fn build(
        def: &ModelDef,
        events: Vec<Event>,
        covariates: &BTreeMap<String, CovariateSeries>,
        occasion_starts: &[f64],
        every_occasion: bool,
    ) -> Result<Problem, EstimateError> {
        let levels: Vec<Level> = events
            .iter()
            .filter_map(|e| match e {
                Event::Observation(o) => Some(Level {
                    time: o.time,
                    dv: o.dv,
                    lloq: o.lloq,
                    blq: o.blq,
                }),
                Event::Dose(_) | Event::Reset { .. } => None,
            })
            .collect();
        let n_iov = def.n_iov();
        let mut starts: Vec<f64> = occasion_starts.to_vec();
        starts.sort_by(f64::total_cmp);
        if n_iov > 0 && starts.is_empty() {
            starts.push(f64::NEG_INFINITY);
        }
        let occasion_of = |t: f64| starts.partition_point(|s| *s <= t).checked_sub(1);
        // Occasions that hold at least one informative level get a free κ
        // (in a simulation, every occasion).
        let mut occasions: Vec<f64> = Vec::new();
        if n_iov > 0 && every_occasion {
            occasions.clone_from(&starts);
            occasions.dedup();
        } else if n_iov > 0 {
            for l in levels.iter().filter(|l| l.informative()) {
                if let Some(k) = occasion_of(l.time) {
                    if !occasions.contains(&starts[k]) {
                        occasions.push(starts[k]);
                    }
                }
            }
        }
        // Segment boundaries: covariate changes and occasion starts.
        let mut bounds: Vec<f64> = covariates
            .values()
            .flat_map(|s| s.change_times().collect::<Vec<_>>())
            .collect();
        bounds.extend(starts.iter().copied().filter(|s| s.is_finite()));
        bounds.sort_by(f64::total_cmp);
        bounds.dedup();
        let first_time = events.first().map_or(0.0, Event::time);
        let mut seg_from = vec![f64::NEG_INFINITY];
        seg_from.extend(bounds.into_iter().filter(|b| *b > first_time));
        let mut seg_typical = Vec::with_capacity(seg_from.len());
        let mut seg_occasion = Vec::with_capacity(seg_from.len());
        let mut covariate_issues: Vec<CovariateIssue> = Vec::new();
        for &from in &seg_from {
            let at = if from.is_finite() { from } else { first_time };
            let cov: Covariates = covariates
                .iter()
                .map(|(k, s)| (k.clone(), s.at(at)))
                .collect();
            seg_typical.push(def.typical(&cov).map_err(EstimateError::MissingCovariate)?);
            let occ = occasion_of(at).and_then(|k| occasions.iter().position(|o| *o == starts[k]));
            seg_occasion.push(occ);
            // Each value in force somewhere in the history is checked once.
            for issue in def.check_covariates(&cov) {
                if !covariate_issues.contains(&issue) {
                    covariate_issues.push(issue);
                }
            }
        }
        let smallest = levels
            .iter()
            .filter_map(|l| if l.blq { l.lloq } else { l.dv })
            .filter(|v| v.is_finite() && *v > 0.0)
            .fold(f64::INFINITY, f64::min);
        let floor = if smallest.is_finite() {
            FLOOR_FRACTION * smallest
        } else {
            FLOOR_FRACTION
        };
        Ok(Problem {
            floor,
            omega_inv: inverse(&def.omega, "Ω")?,
            iov_inv: inverse(&def.iov, "between-occasion Ω")?,
            def: def.clone(),
            events,
            levels,
            seg_from,
            seg_typical,
            seg_occasion,
            n_eta: def.n_eta(),
            n_iov,
            occasions,
            covariate_issues,
            schedule: RefCell::new(None),
        })
    }

    /// Number of free parameters: η, then κ for each occasion with levels.
    pub fn n_params(&self) -> usize {
        self.n_eta + self.n_iov * self.occasions.len()
    }

    /// The prior variance of each free parameter (Ω and Π diagonals).
    pub fn prior_variances(&self) -> Vec<f64> {
        let mut v: Vec<f64> = self
            .def
            .omega
            .as_ref()
            .map_or(vec![], |o| o.matrix.diagonal().iter().copied().collect());
        if let Some(iov) = &self.def.iov {
            for _ in &self.occasions {
                v.extend(iov.matrix.diagonal().iter());
            }
        }
        v
    }

    /// The prior precision of the free parameters: Ω⁻¹, then Π⁻¹ for
    /// each occasion with levels (block diagonal).
    pub fn prior_precision(&self) -> DMatrix<f64> {
        let n = self.n_params();
        let mut p = DMatrix::zeros(n, n);
        p.view_mut((0, 0), (self.n_eta, self.n_eta))
            .copy_from(&self.omega_inv);
        for k in 0..self.occasions.len() {
            let s = self.n_eta + k * self.n_iov;
            p.view_mut((s, s), (self.n_iov, self.n_iov))
                .copy_from(&self.iov_inv);
        }
        p
    }

    /// The model over time for free parameters `theta`.
    pub fn segments(&self, theta: &[f64]) -> Vec<Segment> {
        let eta = &theta[..self.n_eta.min(theta.len())];
        self.seg_from
            .iter()
            .zip(&self.seg_typical)
            .zip(&self.seg_occasion)
            .map(|((&from, typical), occ)| {
                let kappa = occ
                    .map(|k| {
                        let start = self.n_eta + k * self.n_iov;
                        theta.get(start..start + self.n_iov).unwrap_or(&[])
                    })
                    .unwrap_or(&[]);
                Segment {
                    from,
                    model: typical.model(eta, kappa),
                }
            })
            .collect()
    }

    /// What the predictions at `times` depend on besides θ: the events
    /// they are predicted from, the segments' typical values and occasions,
    /// and the residual error (equal identities, equal predictions).
    pub fn prediction_identity(&self, times: &[f64]) -> PredictionIdentity {
        PredictionIdentity {
            events: self.prediction_events(times),
            seg_from: self.seg_from.clone(),
            seg_typical: self.seg_typical.clone(),
            seg_occasion: self.seg_occasion.clone(),
            n_eta: self.n_eta,
            n_iov: self.n_iov,
            error: self.def.error,
        }
    }

    /// Typical values at the time of the last event (for reports).
    pub fn current_typical(&self) -> &Typical {
        // seg_from is never empty.
        &self.seg_typical[self.seg_typical.len() - 1]
    }

    /// Predictions at the observation records of `events` for `theta`.
    pub fn predict(&self, theta: &[f64], events: &[Event]) -> Result<Vec<f64>, ModelError> {
        self.predict_on(theta, &mut None, events)
    }

    /// [`Problem::predict`] reusing (and refreshing when F or ALAG moved)
    /// a schedule of `events` kept by the caller.
    pub fn predict_on(
        &self,
        theta: &[f64],
        schedule: &mut Option<Schedule>,
        events: &[Event],
    ) -> Result<Vec<f64>, ModelError> {
        let segments = self.segments(theta);
        if !schedule.as_ref().is_some_and(|s| s.fits(&segments)) {
            *schedule = Some(Schedule::new(&segments, events)?);
        }
        let Some(s) = schedule.as_ref() else {
            return Ok(Vec::new());
        };
        Ok(run(s, &segments, false, Method::Auto)?
            .iter()
            .map(|p| p.conc)
            .collect())
    }

    /// Predictions at this problem's own records (schedule kept inside).
    fn predict_own(&self, theta: &[f64]) -> Result<Vec<f64>, ModelError> {
        let mut cache = self.schedule.borrow_mut();
        self.predict_on(theta, &mut cache, &self.events)
    }

    /// −2·log-likelihood contribution of one level at prediction `f`.
    pub fn level_term(error: &ResidualError, level: &Level, f: f64) -> f64 {
        let log = error.is_log();
        let sd = error.variance(f).sqrt();
        if level.blq {
            let Some(lloq) = level.lloq else { return 0.0 };
            let z = if log {
                if f <= 0.0 {
                    return 0.0;
                }
                (lloq.ln() - f.ln()) / sd
            } else {
                (lloq - f) / sd
            };
            return -2.0 * normal_cdf(z).max(f64::MIN_POSITIVE).ln();
        }
        let Some(y) = level.dv else { return 0.0 };
        let var = sd * sd;
        let r = if log {
            if f <= 0.0 || y <= 0.0 {
                return f64::INFINITY;
            }
            y.ln() - f.ln()
        } else {
            y - f
        };
        r * r / var + var.ln()
    }

    /// The prediction `f` as the likelihood reads it: raised to the floor
    /// for error models whose SD vanishes at 0 (proportional, log), as is.
    pub fn likelihood_prediction(&self, f: f64) -> f64 {
        if self.def.error.degenerate_at_zero() {
            f.max(self.floor)
        } else {
            f
        }
    }

    /// Whether a measured positive level is predicted at or below the
    /// floor (nothing of the dose has arrived by its time).
    pub fn at_floor(&self, level: &Level, f: f64) -> bool {
        !level.blq && level.dv.is_some_and(|y| y > 0.0) && (f.is_nan() || f <= self.floor)
    }

    /// −2·log-likelihood contribution of one level at prediction `f`, the
    /// floor applied.
    pub fn term(&self, level: &Level, f: f64) -> f64 {
        Problem::level_term(&self.def.error, level, self.likelihood_prediction(f))
    }

    /// The objective at `theta`; +∞ when the model cannot be computed or
    /// `theta` lies beyond [`MAX_PRIOR_DISTANCE`].
    pub fn objective(&self, theta: &[f64]) -> f64 {
        let mut prior = quad(&self.omega_inv, &theta[..self.n_eta]);
        for k in 0..self.occasions.len() {
            let start = self.n_eta + k * self.n_iov;
            prior += quad(&self.iov_inv, &theta[start..start + self.n_iov]);
        }
        // Checked before predicting: far out, rate constants of e^η make
        // each prediction slow.
        if prior.is_nan() || prior > MAX_PRIOR_DISTANCE * MAX_PRIOR_DISTANCE {
            return f64::INFINITY;
        }
        let Ok(pred) = self.predict_own(theta) else {
            return f64::INFINITY;
        };
        let obj: f64 = prior
            + self
                .levels
                .iter()
                .zip(&pred)
                .map(|(l, f)| self.term(l, *f))
                .sum::<f64>();
        if obj.is_finite() {
            obj
        } else {
            f64::INFINITY
        }
    }
}

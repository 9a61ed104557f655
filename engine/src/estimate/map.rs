//! MAP-Bayesian estimation: multi-start quasi-Newton on the POSTHOC
//! objective, a simplex fallback, the Laplace posterior covariance, each η's
//! shrinkage, predictions and warnings in plain words.

use super::optimize::{bfgs, nelder_mead, Minimum, Tolerances};
use super::problem::{Level, Problem};
use crate::catalog::{CovariateIssue, ResidualError};
use crate::dosing::{Event, Observation};
use nalgebra::DMatrix;
use serde::Serialize;

/// |IWRES| above which a level is reported as not explained (a 3-SD
/// statistical convention, not a clinical cut-off).
pub const IWRES_LIMIT: f64 = 3.0;
/// |η|/ω above which a parameter is reported as far from the population
/// (same convention).
pub const ETA_SD_LIMIT: f64 = 3.0;

/// Something the user must know about a fit.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum FitWarning {
    NoLevels,
    FewLevels {
        levels: usize,
        parameters: usize,
    },
    NotConverged,
    MultipleModes {
        objective_difference: f64,
    },
    LevelUnexplained {
        time: f64,
        observed: f64,
        predicted: f64,
        iwres: f64,
    },
    ParameterExtreme {
        eta: String,
        sd_units: f64,
    },
    UncertaintyUnavailable,
    BelowLimit {
        levels: usize,
    },
    Covariate(CovariateIssue),
}

impl std::fmt::Display for FitWarning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FitWarning::NoLevels => write!(f, "No measured level: these are population (a-priori) predictions from the covariates alone."),
            FitWarning::FewLevels { levels, parameters } => write!(f, "Only {levels} level(s) for {parameters} individual parameters: the estimate leans on the population model."),
            FitWarning::NotConverged => write!(f, "The estimate did not converge: it is shown, but do not base a dose on it."),
            FitWarning::MultipleModes { objective_difference } => write!(f, "Different starting points gave different estimates (objective differs by {objective_difference:.3}); the best one is shown."),
            FitWarning::LevelUnexplained { time, observed, predicted, iwres } => write!(f, "The level at {time:.2} h ({observed}) is far from what the model can explain ({predicted:.4}; {iwres:+.1} SD): check the sample time, the dose times and the unit."),
            FitWarning::ParameterExtreme { eta, sd_units } => write!(f, "This patient's {eta} is {sd_units:+.1} SD from the population: outside what the model has seen."),
            FitWarning::UncertaintyUnavailable => write!(f, "The uncertainty of the estimate could not be computed (flat or ill-defined objective)."),
            FitWarning::BelowLimit { levels } => write!(f, "{levels} level(s) below the limit of quantification were used as censored (M3)."),
            FitWarning::Covariate(issue) => write!(f, "{issue}"),
        }
    }
}

/// How hard to try.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MapOptions {
    pub tolerances: Tolerances,
    /// Extra starting points besides η = 0 (alternately +½ and −½ prior SD,
    /// then ±1 SD); two more are added when the first fit looks troubled
    /// (not converged, or a level it cannot explain).
    pub extra_starts: usize,
}

impl Default for MapOptions {
    fn default() -> Self {
        MapOptions {
            tolerances: Tolerances::default(),
            extra_starts: 1,
        }
    }
}

/// The estimate for one patient.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MapFit {
    /// Names of the free parameters: η of the model, then κ per occasion.
    pub names: Vec<String>,
    pub eta: Vec<f64>,
    pub objective: f64,
    pub converged: bool,
    pub method: &'static str,
    pub starts: usize,
    pub iterations: usize,
    pub evaluations: usize,
    /// Posterior covariance of the free parameters (Laplace: 2·H⁻¹).
    pub eta_cov: Option<Vec<Vec<f64>>>,
    /// Individual shrinkage: posterior variance / prior variance of each
    /// parameter (0 = the levels determine it, 1 = they tell nothing).
    pub shrinkage: Vec<Option<f64>>,
    /// Individual parameters at the last covariate values.
    pub params: Vec<(String, f64)>,
    /// Typical (population) parameters at the same covariates.
    pub typical_params: Vec<(String, f64)>,
    pub ipred: Vec<f64>,
    pub pred: Vec<f64>,
    pub iwres: Vec<Option<f64>>,
    pub warnings: Vec<FitWarning>,
}

fn iwres(error: &ResidualError, level: &Level, f: f64) -> Option<f64> {
    let y = level.dv.filter(|_| !level.blq)?;
    let sd = error.variance(f).sqrt();
    let r = if error.is_log() {
        if y <= 0.0 || f <= 0.0 {
            return None;
        }
        (y.ln() - f.ln()) / sd
    } else {
        (y - f) / sd
    };
    r.is_finite().then_some(r)
}

/// Central-difference Hessian of `f` at `x`.
fn hessian<F: Fn(&[f64]) -> f64>(f: &F, x: &[f64], fx: f64) -> DMatrix<f64> {
    let n = x.len();
    let h = 1e-3;
    let mut hm = DMatrix::zeros(n, n);
    let mut p = x.to_vec();
    let at = |p: &mut Vec<f64>, i: usize, di: f64, j: usize, dj: f64| {
        p[i] += di;
        p[j] += dj;
        let v = f(p);
        p[i] -= di;
        p[j] -= dj;
        v
    };
    for i in 0..n {
        hm[(i, i)] = (at(&mut p, i, h, i, 0.0) - 2.0 * fx + at(&mut p, i, -h, i, 0.0)) / (h * h);
        for j in 0..i {
            let v = (at(&mut p, i, h, j, h) - at(&mut p, i, h, j, -h) - at(&mut p, i, -h, j, h)
                + at(&mut p, i, -h, j, -h))
                / (4.0 * h * h);
            hm[(i, j)] = v;
            hm[(j, i)] = v;
        }
    }
    hm
}

fn best(a: Minimum, b: Minimum) -> Minimum {
    if b.f < a.f {
        b
    } else {
        a
    }
}

impl Problem {
    /// Names of the free parameters.
    pub fn parameter_names(&self) -> Vec<String> {
        let mut names: Vec<String> = self.def.omega.as_ref().map_or(vec![], |o| {
            o.names.iter().map(|n| format!("η {n}")).collect()
        });
        if let Some(iov) = &self.def.iov {
            for k in 0..self.occasions.len() {
                names.extend(
                    iov.names
                        .iter()
                        .map(|n| format!("κ {n} occasion {}", k + 1)),
                );
            }
        }
        names
    }

    /// The MAP estimate.
    pub fn fit(&self, options: &MapOptions) -> MapFit {
        let n = self.n_params();
        let f = |x: &[f64]| self.objective(x);
        let prior_sd: Vec<f64> = self.prior_variances().iter().map(|v| v.sqrt()).collect();
        // The objective's curvature is at least 2Ω⁻¹: start BFGS from Ω/2.
        let h0: Vec<f64> = self.prior_variances().iter().map(|v| v / 2.0).collect();
        let informative = self.levels.iter().filter(|l| l.informative()).count();
        let mut starts = 1;
        let mut method = "bfgs";
        let mut m = bfgs(&f, &vec![0.0; n], &h0, options.tolerances);
        let mut warnings = Vec::new();
        if informative > 0 {
            let troubled = !m.converged
                || self.predict(&m.x, &self.events).is_ok_and(|f| {
                    self.levels.iter().zip(&f).any(|(l, f)| {
                        iwres(&self.def.error, l, *f).is_some_and(|r| r.abs() > IWRES_LIMIT)
                    })
                });
            let extra = options.extra_starts + if troubled { 2 } else { 0 };
            for s in 0..extra {
                let sign = [0.5, -0.5, 1.0, -1.0][s % 4];
                let x0: Vec<f64> = prior_sd.iter().map(|sd| sign * sd).collect();
                let other = bfgs(&f, &x0, &h0, options.tolerances);
                starts += 1;
                let diff = (other.f - m.f).abs();
                let apart = other.x.iter().zip(&m.x).any(|(a, b)| (a - b).abs() > 1e-3);
                if other.converged && m.converged && apart && diff > 1e-6 {
                    warnings.push(FitWarning::MultipleModes {
                        objective_difference: diff,
                    });
                }
                m = best(m, other);
            }
            if !m.converged {
                let simplex = nelder_mead(&f, &m.x, 0.1, 4000);
                let polished = bfgs(&f, &simplex.x, &h0, options.tolerances);
                starts += 1;
                if polished.converged && polished.f <= m.f + 1e-9 {
                    m = polished;
                    method = "nelder-mead + bfgs";
                }
            }
        }
        let converged = m.converged && m.f.is_finite();
        if !converged {
            warnings.push(FitWarning::NotConverged);
        }
        let (eta_cov, shrinkage) = self.uncertainty(&m, &prior_sd, &mut warnings);
        self.finish(
            m,
            converged,
            method,
            starts,
            eta_cov,
            shrinkage,
            informative,
            warnings,
        )
    }

    fn uncertainty(
        &self,
        m: &Minimum,
        prior_sd: &[f64],
        warnings: &mut Vec<FitWarning>,
    ) -> (Option<Vec<Vec<f64>>>, Vec<Option<f64>>) {
        let n = m.x.len();
        let cov = if m.f.is_finite() && n > 0 {
            let h = hessian(&|x: &[f64]| self.objective(x), &m.x, m.f);
            (h * 0.5).cholesky().map(|c| c.inverse())
        } else {
            None
        };
        match cov {
            Some(c) => {
                let shrink = (0..n)
                    .map(|i| Some(c[(i, i)] / (prior_sd[i] * prior_sd[i])))
                    .collect();
                let rows = (0..n)
                    .map(|i| (0..n).map(|j| c[(i, j)]).collect())
                    .collect();
                (Some(rows), shrink)
            }
            None => {
                if n > 0 {
                    warnings.push(FitWarning::UncertaintyUnavailable);
                }
                (None, vec![None; n])
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn finish(
        &self,
        m: Minimum,
        converged: bool,
        method: &'static str,
        starts: usize,
        eta_cov: Option<Vec<Vec<f64>>>,
        shrinkage: Vec<Option<f64>>,
        informative: usize,
        mut warnings: Vec<FitWarning>,
    ) -> MapFit {
        let zeros = vec![0.0; m.x.len()];
        let ipred = self.predict(&m.x, &self.events).unwrap_or_default();
        let pred = self.predict(&zeros, &self.events).unwrap_or_default();
        let error = &self.def.error;
        let iwres: Vec<Option<f64>> = self
            .levels
            .iter()
            .zip(&ipred)
            .map(|(l, f)| iwres(error, l, *f))
            .collect();
        if informative == 0 {
            warnings.push(FitWarning::NoLevels);
        } else if informative < self.n_eta.min(2) {
            warnings.push(FitWarning::FewLevels {
                levels: informative,
                parameters: self.n_eta,
            });
        }
        let blq = self.levels.iter().filter(|l| l.blq).count();
        if blq > 0 {
            warnings.push(FitWarning::BelowLimit { levels: blq });
        }
        for ((l, f), r) in self.levels.iter().zip(&ipred).zip(&iwres) {
            if let (Some(r), Some(y)) = (r, l.dv) {
                if r.abs() > IWRES_LIMIT {
                    warnings.push(FitWarning::LevelUnexplained {
                        time: l.time,
                        observed: y,
                        predicted: *f,
                        iwres: *r,
                    });
                }
            }
        }
        let names = self.parameter_names();
        for (i, v) in self.prior_variances().iter().enumerate() {
            let z = m.x[i] / v.sqrt();
            if z.abs() > ETA_SD_LIMIT {
                warnings.push(FitWarning::ParameterExtreme {
                    eta: names[i].clone(),
                    sd_units: z,
                });
            }
        }
        warnings.extend(
            self.covariate_issues
                .iter()
                .cloned()
                .map(FitWarning::Covariate),
        );
        let typical = self.current_typical();
        let last_kappa = self.occasions.len().checked_sub(1).map(|k| {
            let s = self.n_eta + k * self.n_iov;
            m.x[s..s + self.n_iov].to_vec()
        });
        let named = |eta: &[f64], kappa: &[f64]| {
            typical
                .named(eta, kappa)
                .into_iter()
                .map(|(k, v)| (k.to_string(), v))
                .collect()
        };
        MapFit {
            params: named(&m.x[..self.n_eta], last_kappa.as_deref().unwrap_or(&[])),
            typical_params: named(&[], &[]),
            names,
            eta: m.x,
            objective: m.f,
            converged,
            method,
            starts,
            iterations: m.iterations,
            evaluations: m.evaluations,
            eta_cov,
            shrinkage,
            ipred,
            pred,
            iwres,
            warnings,
        }
    }

    /// This problem's doses with prediction records at `times` (central
    /// compartment); a time equal to a dose time gives the pre-dose value.
    pub fn prediction_events(&self, times: &[f64]) -> Vec<Event> {
        let central = self
            .current_typical()
            .model(&[], &[])
            .layout(false)
            .central_cmt();
        let mut events: Vec<Event> = times
            .iter()
            .map(|&t| Event::Observation(Observation::prediction(t, central)))
            .collect();
        events.extend(
            self.events
                .iter()
                .filter(|e| matches!(e, Event::Dose(_)))
                .cloned(),
        );
        events.sort_by(|a, b| a.time().total_cmp(&b.time()));
        events
    }

    /// Concentration predictions at `times` for `theta`, with this
    /// problem's doses.
    pub fn predict_times(
        &self,
        theta: &[f64],
        times: &[f64],
    ) -> Result<Vec<f64>, crate::model::ModelError> {
        self.predict(theta, &self.prediction_events(times))
    }
}

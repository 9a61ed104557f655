//! MAP-Bayesian estimation: multi-start quasi-Newton on the POSTHOC
//! objective (more starts from prior quantiles only when the first answer
//! is suspicious: [`search`]), a simplex fallback, the Laplace posterior
//! covariance, each η's shrinkage, predictions and warnings in plain words.

mod search;

use super::optimize::{Minimum, Tolerances};
use super::problem::{Level, Problem};
use crate::catalog::{CovariateIssue, ResidualError};
use crate::dosing::{Event, Observation};
use nalgebra::DMatrix;
use search::Search;
pub use search::{Suspicion, GRADIENT_SUSPECT, MODE_TOLERANCE};
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

/// How hard to try.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MapOptions {
    pub tolerances: Tolerances,
    /// Extra starting points besides the first (alternately +½ and −½
    /// prior SD, then ±1 SD), always made when there are levels.
    pub extra_starts: usize,
    /// Starts from prior quantiles added when the best of those is
    /// suspicious ([`Suspicion`]): the ones with the lowest objective.
    pub rescue_starts: usize,
}

/// How the optimum was searched for.
struct SearchReport {
    starts: usize,
    start_objectives: Vec<f64>,
    suspicions: Vec<Suspicion>,
}

impl Default for MapOptions {
    fn default() -> Self {
        MapOptions {
            tolerances: Tolerances::default(),
            extra_starts: 1,
            rescue_starts: 4,
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
    /// BFGS runs made (each from its own starting point).
    pub starts: usize,
    /// The objective where each run ended, in the order run (+∞ where it
    /// found nothing finite); the best is `objective`.
    pub start_objectives: Vec<f64>,
    /// Why starts from prior quantiles were added (empty for an ordinary
    /// fit).
    pub restarted_because: Vec<Suspicion>,
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

    /// The MAP estimate (the search: [`search`]).
    pub fn fit(&self, options: &MapOptions) -> MapFit {
        let f = |x: &[f64]| self.objective(x);
        let prior_sd: Vec<f64> = self.prior_variances().iter().map(|v| v.sqrt()).collect();
        let informative = self.levels.iter().filter(|l| l.informative()).count();
        let first = self.first_start(&prior_sd);
        let (mut s, method) =
            search::minimise(&f, &prior_sd, options, informative > 0, first, |x| {
                self.level_suspicions(x)
            });
        let mut warnings = Vec::new();
        if let Some(d) = s.disagreement() {
            warnings.push(FitWarning::MultipleModes {
                objective_difference: d,
            });
        }
        let m = s.best().clone();
        let converged = m.converged && m.f.is_finite();
        if !converged {
            warnings.push(FitWarning::NotConverged);
        }
        let (eta_cov, shrinkage) = self.uncertainty(&mut s, &prior_sd, &mut warnings);
        let search = SearchReport {
            starts: s.runs.len(),
            start_objectives: s.runs.iter().map(|r| r.f).collect(),
            suspicions: s.suspicions.clone(),
        };
        self.finish(
            m,
            converged,
            method,
            search,
            eta_cov,
            shrinkage,
            informative,
            warnings,
        )
    }

    /// η = 0, unless a measured level is predicted at the floor there
    /// (drawn before the lag, or before anything is absorbed): then the
    /// prior quantile with the lowest objective among those that put every
    /// level above the floor (else the lowest of all).
    fn first_start(&self, prior_sd: &[f64]) -> Vec<f64> {
        let zero = vec![0.0; prior_sd.len()];
        if self.floor_levels(&zero).is_empty() {
            return zero;
        }
        let ranked = search::rank(
            &|x: &[f64]| self.objective(x),
            search::quantile_starts(prior_sd),
        );
        ranked
            .iter()
            .find(|x| self.floor_levels(x).is_empty())
            .or(ranked.first())
            .cloned()
            .unwrap_or(zero)
    }

    /// Times of measured levels predicted at or below the floor at `theta`
    /// (all of them when the model cannot be computed there).
    fn floor_levels(&self, theta: &[f64]) -> Vec<f64> {
        let pred = self.predict(theta, &self.events).unwrap_or_default();
        self.levels
            .iter()
            .enumerate()
            .filter(|(i, l)| self.at_floor(l, pred.get(*i).copied().unwrap_or(0.0)))
            .map(|(_, l)| l.time)
            .collect()
    }

    /// The levels' part of what makes an optimum suspicious: a level at
    /// the floor, a level beyond [`IWRES_LIMIT`].
    fn level_suspicions(&self, theta: &[f64]) -> Vec<Suspicion> {
        let Ok(pred) = self.predict(theta, &self.events) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for (l, f) in self.levels.iter().zip(&pred) {
            if self.at_floor(l, *f) {
                out.push(Suspicion::LevelAtFloor { time: l.time });
            } else if let Some(r) = self.iwres(l, *f).filter(|r| r.abs() > IWRES_LIMIT) {
                out.push(Suspicion::LevelUnexplained {
                    time: l.time,
                    iwres: r,
                });
            }
        }
        out
    }

    /// Individual weighted residual of a level at prediction `f` (the
    /// floor applied, as in the objective).
    fn iwres(&self, level: &Level, f: f64) -> Option<f64> {
        iwres(&self.def.error, level, self.likelihood_prediction(f))
    }

    fn uncertainty<F: Fn(&[f64]) -> f64>(
        &self,
        s: &mut Search<'_, F>,
        prior_sd: &[f64],
        warnings: &mut Vec<FitWarning>,
    ) -> (Option<Vec<Vec<f64>>>, Vec<Option<f64>>) {
        let n = s.best().x.len();
        let cov = s
            .hessian_at_best()
            .and_then(|h| (h * 0.5).cholesky().map(|c| c.inverse()));
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
        search: SearchReport,
        eta_cov: Option<Vec<Vec<f64>>>,
        shrinkage: Vec<Option<f64>>,
        informative: usize,
        mut warnings: Vec<FitWarning>,
    ) -> MapFit {
        let zeros = vec![0.0; m.x.len()];
        let ipred = self.predict(&m.x, &self.events).unwrap_or_default();
        let pred = self.predict(&zeros, &self.events).unwrap_or_default();
        let iwres: Vec<Option<f64>> = self
            .levels
            .iter()
            .zip(&ipred)
            .map(|(l, f)| self.iwres(l, *f))
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
            starts: search.starts,
            start_objectives: search.start_objectives,
            restarted_because: search.suspicions,
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

    /// This problem's doses (and resets) with prediction records at `times` (central
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
                .filter(|e| matches!(e, Event::Dose(_) | Event::Reset { .. }))
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

//! The multi-start search behind a MAP fit: BFGS from η = 0 (or, when a
//! level is predicted at 0 there, from the prior quantile that best puts
//! every level in reach), the ordinary extra start, and — only when that
//! answer is suspicious — more starts from prior quantiles.
//!
//! Suspicious: not converged (gradient not small), Hessian not positive
//! definite, an η beyond [`ETA_SD_LIMIT`] prior SDs, or what the problem
//! adds (a level predicted at the floor, a level it cannot explain). An
//! ordinary fit pays for none of it: the Hessian it checks is the one the
//! Laplace covariance needs anyway.
//!
//! Starts are generic over the objective, so the logic is tested on a
//! constructed objective as well as on models.

use super::super::optimize::{bfgs, nelder_mead, Minimum, Tolerances};
use super::{hessian, MapOptions, ETA_SD_LIMIT};
use nalgebra::DMatrix;
use serde::Serialize;

/// Objectives of two optima further apart than this are reported as
/// different estimates.
pub const MODE_TOLERANCE: f64 = 0.01;
/// ‖gradient‖∞ above which an optimum is suspicious even when the
/// optimiser stopped.
pub const GRADIENT_SUSPECT: f64 = 1e-3;

/// Why the first answer was not trusted and more starts were made.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Suspicion {
    NotConverged { gradient_norm: f64 },
    HessianNotPositive,
    EtaBeyond { index: usize, sd_units: f64 },
    LevelAtFloor { time: f64 },
    LevelUnexplained { time: f64, iwres: f64 },
}

impl std::fmt::Display for Suspicion {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Suspicion::NotConverged { gradient_norm } => write!(
                f,
                "the first optimum did not converge (largest gradient {gradient_norm:.2e})"
            ),
            Suspicion::HessianNotPositive => write!(
                f,
                "the objective's curvature at the first optimum is not positive definite"
            ),
            Suspicion::EtaBeyond { index, sd_units } => write!(
                f,
                "parameter {} is {sd_units:+.1} prior SD from the population at the first optimum",
                index + 1
            ),
            Suspicion::LevelAtFloor { time } => write!(
                f,
                "the level at {time:.2} h is predicted as 0 at the first optimum"
            ),
            Suspicion::LevelUnexplained { time, iwres } => write!(
                f,
                "the level at {time:.2} h is {iwres:+.1} SD from the first optimum"
            ),
        }
    }
}

/// The runs so far, the best one and the Hessian at it (when computed).
pub struct Search<'a, F: Fn(&[f64]) -> f64> {
    f: &'a F,
    sd: Vec<f64>,
    h0: Vec<f64>,
    tol: Tolerances,
    /// Where each run ended, in the order run.
    pub runs: Vec<Minimum>,
    best: usize,
    /// The Hessian at the best run's end, and that point.
    pub hessian: Option<(Vec<f64>, DMatrix<f64>)>,
    pub suspicions: Vec<Suspicion>,
    /// Runs that ended with a level still at the floor (stuck where the
    /// objective is flat): not optima to compare.
    pub stranded: Vec<bool>,
}

/// Prior quantiles to start from: each parameter alone at ±1 and ±2 prior
/// SD (the 15.9/84.1 % and 2.3/97.7 % quantiles), and all at +1 and at −1.
pub fn quantile_starts(sd: &[f64]) -> Vec<Vec<f64>> {
    let n = sd.len();
    let mut out = Vec::with_capacity(4 * n + 2);
    for z in [-1.0, 1.0, -2.0, 2.0] {
        for i in 0..n {
            let mut x = vec![0.0; n];
            x[i] = z * sd[i];
            out.push(x);
        }
    }
    for z in [1.0, -1.0] {
        out.push(sd.iter().map(|s| z * s).collect());
    }
    out
}

/// The rest of the prior's 4-SD box, searched only when no quantile start
/// has a finite objective: each parameter alone at ±3 and ±4 SD, and every
/// corner at ±2, ±3 and ±4 SD (corners for up to 10 parameters).
pub fn box_starts(sd: &[f64]) -> Vec<Vec<f64>> {
    let n = sd.len();
    let mut out = Vec::new();
    for z in [-3.0, 3.0, -4.0, 4.0] {
        for i in 0..n {
            let mut x = vec![0.0; n];
            x[i] = z * sd[i];
            out.push(x);
        }
    }
    if n <= 10 {
        for z in [2.0, 3.0, 4.0] {
            for signs in 0u32..(1 << n) {
                out.push(
                    (0..n)
                        .map(|i| if signs >> i & 1 == 1 { -z } else { z } * sd[i])
                        .collect(),
                );
            }
        }
    }
    out
}

impl<'a, F: Fn(&[f64]) -> f64> Search<'a, F> {
    /// A search of `f` with prior SDs `sd` (BFGS starts from Ω/2).
    pub fn new(f: &'a F, sd: &[f64], tol: Tolerances) -> Self {
        Search {
            f,
            sd: sd.to_vec(),
            h0: sd.iter().map(|s| s * s / 2.0).collect(),
            tol,
            runs: Vec::new(),
            best: 0,
            hessian: None,
            suspicions: Vec::new(),
            stranded: Vec::new(),
        }
    }

    /// BFGS from `x0`, kept if it is the best so far.
    pub fn run(&mut self, x0: Vec<f64>) {
        let end = bfgs(self.f, &x0, &self.h0, self.tol);
        self.push(end);
    }

    /// Records a run made elsewhere (the simplex polish).
    pub fn push(&mut self, run: Minimum) {
        let better = self.runs.get(self.best).is_none_or(|b| run.f < b.f);
        self.runs.push(run);
        if better {
            self.best = self.runs.len() - 1;
        }
    }

    pub fn best(&self) -> &Minimum {
        &self.runs[self.best]
    }

    /// The Hessian at the best point (computed once per point).
    pub fn hessian_at_best(&mut self) -> Option<&DMatrix<f64>> {
        let m = self.runs.get(self.best)?;
        if !m.f.is_finite() || m.x.is_empty() {
            return None;
        }
        if self.hessian.as_ref().is_none_or(|(x, _)| *x != m.x) {
            self.hessian = Some((m.x.clone(), hessian(self.f, &m.x, m.f)));
        }
        self.hessian.as_ref().map(|(_, h)| h)
    }

    /// What makes the best answer suspicious, with `more` (the problem's
    /// own checks at a point).
    pub fn judge(&mut self, more: &impl Fn(&[f64]) -> Vec<Suspicion>) -> Vec<Suspicion> {
        let mut out = Vec::new();
        let m = self.best().clone();
        if !m.converged || m.gradient_norm > GRADIENT_SUSPECT {
            out.push(Suspicion::NotConverged {
                gradient_norm: m.gradient_norm,
            });
        }
        let positive = self
            .hessian_at_best()
            .is_some_and(|h| h.clone().cholesky().is_some());
        if !positive && !m.x.is_empty() {
            out.push(Suspicion::HessianNotPositive);
        }
        for (i, (x, s)) in m.x.iter().zip(&self.sd).enumerate() {
            let z = x / s;
            if z.abs() > ETA_SD_LIMIT {
                out.push(Suspicion::EtaBeyond {
                    index: i,
                    sd_units: z,
                });
            }
        }
        if m.f.is_finite() {
            out.extend(more(&m.x));
        }
        out
    }

    /// Up to `count` more runs from the prior quantiles with the lowest
    /// objective (the rest of the 4-SD box when none is finite). When a
    /// level sits at the floor at the best point, only quantiles already
    /// below it are run: the others are on the same flat floor (the level's
    /// term there is one constant), where BFGS cannot move.
    pub fn rescue(&mut self, count: usize) {
        let mut ranked = scored(self.f, quantile_starts(&self.sd));
        if ranked.is_empty() && !self.best().f.is_finite() {
            ranked = scored(self.f, box_starts(&self.sd));
        }
        let floor = self
            .suspicions
            .iter()
            .any(|s| matches!(s, Suspicion::LevelAtFloor { .. }));
        let best = self.best().f;
        ranked.retain(|(v, _)| !floor || *v < best);
        for (_, x) in ranked.into_iter().take(count) {
            self.run(x);
        }
    }

    /// The largest objective difference between the best optimum and
    /// another converged one, when above [`MODE_TOLERANCE`].
    pub fn disagreement(&self) -> Option<f64> {
        let best = self.best().f;
        self.runs
            .iter()
            .enumerate()
            .filter(|(i, _)| !self.stranded.get(*i).copied().unwrap_or(false))
            .map(|(_, r)| r)
            .filter(|r| r.converged && r.f.is_finite())
            .map(|r| r.f - best)
            .fold(None, |m: Option<f64>, d| Some(m.map_or(d, |m| m.max(d))))
            .filter(|d| *d > MODE_TOLERANCE)
    }
}

/// The search of a MAP fit: BFGS from `first`; with levels (`data`), the
/// ordinary extra starts, then — when the best so far is suspicious (by
/// [`Search::judge`] with the problem's `more`) — the rescue starts, and a
/// simplex polish when nothing converged. Returns the search and the
/// method that found the best point.
pub fn minimise<'a, F: Fn(&[f64]) -> f64>(
    f: &'a F,
    sd: &[f64],
    options: &MapOptions,
    data: bool,
    first: Vec<f64>,
    more: impl Fn(&[f64]) -> Vec<Suspicion>,
) -> (Search<'a, F>, &'static str) {
    let mut s = Search::new(f, sd, options.tolerances);
    s.run(first.clone());
    let mut method = "bfgs";
    if !data {
        return (s, method);
    }
    // Around the first start (η = 0 in an ordinary fit).
    for k in 0..options.extra_starts {
        let sign = [0.5, -0.5, 1.0, -1.0][k % 4];
        s.run(first.iter().zip(sd).map(|(x, v)| x + sign * v).collect());
    }
    s.suspicions = s.judge(&more);
    if !s.suspicions.is_empty() {
        s.rescue(options.rescue_starts);
    }
    if !s.best().converged {
        let simplex = nelder_mead(f, &s.best().x, 0.1, 4000);
        let polished = bfgs(f, &simplex.x, &s.h0, options.tolerances);
        if polished.converged && polished.f <= s.best().f + 1e-9 {
            method = "nelder-mead + bfgs";
        }
        s.push(polished);
    }
    // Only a run that ended above the best can be a second estimate; an
    // ordinary fit (both starts at one optimum) skips these predictions.
    let best = s.best().f;
    if s.runs
        .iter()
        .any(|r| r.converged && r.f - best > MODE_TOLERANCE)
    {
        s.stranded = s
            .runs
            .iter()
            .map(|r| {
                more(&r.x)
                    .iter()
                    .any(|w| matches!(w, Suspicion::LevelAtFloor { .. }))
            })
            .collect();
    }
    (s, method)
}

/// Points with a finite objective, lowest first.
pub fn rank<F: Fn(&[f64]) -> f64>(f: &F, points: Vec<Vec<f64>>) -> Vec<Vec<f64>> {
    scored(f, points).into_iter().map(|(_, x)| x).collect()
}

/// Points with a finite objective and their objective, lowest first.
fn scored<F: Fn(&[f64]) -> f64>(f: &F, points: Vec<Vec<f64>>) -> Vec<(f64, Vec<f64>)> {
    let mut scored: Vec<(f64, Vec<f64>)> = points
        .into_iter()
        .map(|x| (f(&x), x))
        .filter(|(v, _)| v.is_finite())
        .collect();
    scored.sort_by(|a, b| a.0.total_cmp(&b.0));
    scored
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A constructed bimodal objective (prior SD 1): a wide shallow well
    /// whose minimum is at x = 3.18 (objective −3.44), beyond 3 SD, which
    /// the first starts (0 and +½) fall into, and a narrow deeper one at
    /// x = −1.99 (−5.89) that only the −1 and −2 SD starts reach.
    fn double_well(x: &[f64]) -> f64 {
        let t = x[0];
        0.05 * t * t
            - 4.0 * (-(t - 3.5f64).powi(2) / 8.0).exp()
            - 6.0 * (-(t + 2.0f64).powi(2) / 0.5).exp()
    }

    #[test]
    fn the_fit_search_finds_the_better_mode_and_reports_the_disagreement() {
        let f = double_well;
        let (s, method) = minimise(&f, &[1.0], &MapOptions::default(), true, vec![0.0], |_| {
            Vec::new()
        });
        assert_eq!(method, "bfgs");
        // 0 and +½ SD end at 3.18; then the 4 best-ranked quantiles.
        assert_eq!(s.runs.len(), 2 + 4);
        assert!((s.runs[0].f + 3.4435).abs() < 1e-3, "{:?}", s.runs[0]);
        assert!((s.best().x[0] + 1.986).abs() < 1e-2, "{:?}", s.best());
        let d = s.disagreement().expect("two optima");
        assert!((d - (5.8932 - 3.4435)).abs() < 2e-3, "{d}");
        // Without the suspicion (a prior wide enough that 3.18 is within
        // 3 SD), the first answer stands: no rescue, no warning.
        let (calm, _) = minimise(&f, &[2.0], &MapOptions::default(), true, vec![0.0], |_| {
            Vec::new()
        });
        assert_eq!(calm.runs.len(), 2);
        assert!(calm.suspicions.is_empty() && calm.disagreement().is_none());
    }

    #[test]
    fn a_suspicious_first_optimum_leads_to_the_better_one() {
        let f = double_well;
        let mut s = Search::new(&f, &[1.0], Tolerances::default());
        s.run(vec![0.0]);
        s.run(vec![0.5]);
        let first = s.best().clone();
        assert!((first.x[0] - 3.178).abs() < 1e-2, "{first:?}");
        assert!((first.f + 3.4435).abs() < 1e-3, "{first:?}");
        let why = s.judge(&|_| Vec::new());
        assert!(
            matches!(why[..], [Suspicion::EtaBeyond { index: 0, sd_units }] if sd_units > 3.0),
            "{why:?}"
        );
        s.rescue(4);
        let best = s.best().clone();
        assert!(
            best.converged && (best.x[0] + 1.986).abs() < 1e-2,
            "{best:?}"
        );
        assert!((best.f + 5.8932).abs() < 1e-3, "{best:?}");
        let d = s.disagreement().expect("two optima");
        assert!((d - (first.f - best.f)).abs() < 1e-9, "{d}");
    }

    #[test]
    fn the_quantile_and_box_starts_are_where_the_prior_says() {
        let q = quantile_starts(&[0.3, 0.5]);
        assert_eq!(q.len(), 10);
        assert_eq!(q[0], vec![-0.3, 0.0]);
        assert_eq!(q[7], vec![0.0, 1.0]);
        assert_eq!(q[8], vec![0.3, 0.5]);
        let b = box_starts(&[1.0, 2.0]);
        assert_eq!(b.len(), 4 * 2 + 3 * 4);
        assert!(b.iter().all(|x| x[0].abs() <= 4.0 && x[1].abs() <= 8.0));
        assert!(b.contains(&vec![-4.0, -8.0]));
    }

    #[test]
    fn an_objective_finite_only_far_out_is_still_found() {
        // Finite only where x > 2.5 SD: no quantile start reaches it.
        let f = |x: &[f64]| {
            if x[0] > 2.5 {
                x[0] * x[0]
            } else {
                f64::INFINITY
            }
        };
        let mut s = Search::new(&f, &[1.0], Tolerances::default());
        s.run(vec![0.0]);
        assert!(!s.best().f.is_finite());
        s.rescue(4);
        assert!(s.best().f.is_finite(), "{:?}", s.best());
    }
}

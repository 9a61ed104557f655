//! The 5–95 % prediction band: parameters drawn from the Laplace posterior
//! N(η̂, Σ) with a seeded ChaCha generator (reproducible, no OS randomness),
//! concentrations predicted for each draw, quantiles taken per time. The band
//! shows parameter uncertainty; residual (assay) error is not added. The
//! predictive interval of a measurement adds it. Of a model average, both
//! are a mixture's: each model's posterior gives its share of the draws
//! (`mixture::shares`), pooled before the quantiles.

use super::band_memo::{ColumnMemo, Percentiles};
use super::map::MapFit;
use super::mixture::{shares, weighted_sum, Part};
use super::problem::Problem;
use nalgebra::{DMatrix, DVector};
use rand_chacha::rand_core::SeedableRng;
use rand_chacha::ChaCha8Rng;
use rand_distr::{Distribution, StandardNormal};
use serde::Serialize;
use std::rc::Rc;

/// One time of the band.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct BandPoint {
    pub time: f64,
    pub p05: f64,
    pub p50: f64,
    pub p95: f64,
    /// The individual prediction at the estimate.
    pub ipred: f64,
}

/// Linear-interpolation quantile (type 7) at `q` of `values`, searching
/// only `values[from..to]`, which must hold ranks `from..to` of the whole
/// (as after a selection); reorders that part.
fn quantile_in(values: &mut [f64], from: usize, to: usize, q: f64) -> f64 {
    let pos = q * (values.len() - 1) as f64;
    let lo = pos.floor() as usize;
    let part = &mut values[from..to];
    let (_, &mut at_lo, above) = part.select_nth_unstable_by(lo - from, f64::total_cmp);
    let next = above.iter().copied().fold(f64::INFINITY, f64::min);
    let next = if next.is_finite() {
        next
    } else {
        values.get(to).copied().unwrap_or(at_lo)
    };
    at_lo + (pos - lo as f64) * (next - at_lo)
}

/// The 5th, 50th and 95th percentiles (type 7) of `values` (non-empty,
/// reordered): one selection for the median, then each tail only within
/// its half.
fn percentiles(values: &mut [f64]) -> (f64, f64, f64) {
    let n = values.len();
    if n < 20 {
        // Too few for the tails to lie strictly inside the halves.
        return (
            quantile_in(values, 0, n, 0.05),
            quantile_in(values, 0, n, 0.5),
            quantile_in(values, 0, n, 0.95),
        );
    }
    let mid = (0.5 * (n - 1) as f64).floor() as usize;
    let p50 = quantile_in(values, 0, n, 0.5);
    // Now ranks ≤ mid are left of mid + 1 and ranks > mid right of it.
    let p05 = quantile_in(values, 0, mid + 1, 0.05);
    let p95 = quantile_in(values, mid + 1, n, 0.95);
    (p05, p50, p95)
}

/// Concentrations at `times` for each of `draws` posterior draws (one
/// column per time; a draw that cannot be computed is left out), and the
/// individual prediction at the estimate; with `residual`, each value also
/// gets a draw of the residual (assay) error.
fn draw_columns(
    problem: &Problem,
    fit: &MapFit,
    times: &[f64],
    draws: usize,
    seed: u64,
    residual: bool,
) -> Option<(Vec<Vec<f64>>, Vec<f64>)> {
    let n = fit.eta.len();
    let cov = fit.eta_cov.as_ref()?;
    let sigma = DMatrix::from_fn(n, n, |i, j| cov[i][j]);
    let l = sigma.cholesky()?.unpack();
    let events = problem.prediction_events(times);
    let mut schedule = None;
    let ipred = problem.predict_on(&fit.eta, &mut schedule, &events).ok()?;
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut columns: Vec<Vec<f64>> = vec![Vec::with_capacity(draws); times.len()];
    let mean = DVector::from_column_slice(&fit.eta);
    let error = &problem.def.error;
    for _ in 0..draws {
        let z = DVector::from_fn(n, |_, _| StandardNormal.sample(&mut rng));
        let theta = &mean + &l * z;
        let Ok(c) = problem.predict(theta.as_slice(), &events) else {
            continue;
        };
        if c.iter().all(|v| v.is_finite()) {
            for (col, f) in columns.iter_mut().zip(c) {
                let y = if residual {
                    error.observe(f, StandardNormal.sample(&mut rng))
                } else {
                    f
                };
                col.push(y);
            }
        }
    }
    Some((columns, ipred))
}

/// The parts' draws pooled (each part its share of `draws`), and Σ w·the
/// individual prediction; `None` when a part with weight has no fit or no
/// posterior covariance, or no draw could be computed.
fn mixture_columns(
    parts: &[Part<'_>],
    times: &[f64],
    draws: usize,
    seed: u64,
    residual: bool,
) -> Option<(Vec<Vec<f64>>, Vec<f64>)> {
    let counts = shares(parts, draws);
    let mut columns: Vec<Vec<f64>> = vec![Vec::with_capacity(draws); times.len()];
    let mut ipreds = Vec::with_capacity(parts.len());
    for (p, &n) in parts.iter().zip(&counts) {
        if p.weight == 0.0 {
            ipreds.push(None);
            continue;
        }
        let (own, ipred) = draw_columns(p.problem, p.fit?, times, n, seed, residual)?;
        for (all, col) in columns.iter_mut().zip(own) {
            all.extend(col);
        }
        ipreds.push(Some(ipred));
    }
    if columns.first().is_some_and(|c| c.is_empty()) {
        return None;
    }
    Some((columns, weighted_sum(parts, &ipreds)?))
}

/// The pooled draws' percentiles at each time and Σ w·the individual
/// prediction, kept in `memo` when one is given.
fn mixture_percentiles(
    parts: &[Part<'_>],
    times: &[f64],
    (draws, seed, residual): (usize, u64, bool),
    memo: Option<&ColumnMemo>,
) -> Rc<Option<Percentiles>> {
    let make = || {
        let (mut columns, ipred) = mixture_columns(parts, times, draws, seed, residual)?;
        Some((columns.iter_mut().map(|c| percentiles(c)).collect(), ipred))
    };
    match memo {
        Some(memo) => memo.get(parts, times, (draws, seed, residual), make),
        None => Rc::new(make()),
    }
}

/// The band at `times`, from `draws` posterior draws seeded by `seed`.
/// `None` when the fit has no posterior covariance or no draw could be
/// computed.
pub fn prediction_band(
    problem: &Problem,
    fit: &MapFit,
    times: &[f64],
    draws: usize,
    seed: u64,
) -> Option<Vec<BandPoint>> {
    mixture_band(&Part::one(problem, Some(fit)), times, (draws, seed), None)
}

/// The band of a mixture of models' posteriors (one part: that model's
/// band); `ipred` is Σ w·each model's individual prediction. `memo` keeps
/// it for the next call with the same models, times and draws.
pub fn mixture_band(
    parts: &[Part<'_>],
    times: &[f64],
    (draws, seed): (usize, u64),
    memo: Option<&ColumnMemo>,
) -> Option<Vec<BandPoint>> {
    let kept = mixture_percentiles(parts, times, (draws, seed, false), memo);
    let (quantiles, ipred) = kept.as_ref().as_ref()?;
    Some(
        times
            .iter()
            .zip(quantiles)
            .zip(ipred)
            .map(|((&time, &(p05, p50, p95)), &ipred)| BandPoint {
                time,
                p05,
                p50,
                p95,
                ipred,
            })
            .collect(),
    )
}

/// The 5–95 % interval of a new *measurement* at each of `times`: the
/// posterior draws with the residual (assay) error added (a posterior
/// predictive check: a measured level outside it is one the fitted model
/// does not explain). `(p05, p95)` per time.
pub fn predictive_interval(
    problem: &Problem,
    fit: &MapFit,
    times: &[f64],
    draws: usize,
    seed: u64,
) -> Option<Vec<(f64, f64)>> {
    mixture_interval(&Part::one(problem, Some(fit)), times, (draws, seed), None)
}

/// The predictive interval of a measurement under a mixture of models'
/// posteriors, each with its own residual error; `memo` as for
/// [`mixture_band`].
pub fn mixture_interval(
    parts: &[Part<'_>],
    times: &[f64],
    (draws, seed): (usize, u64),
    memo: Option<&ColumnMemo>,
) -> Option<Vec<(f64, f64)>> {
    let kept = mixture_percentiles(parts, times, (draws, seed, true), memo);
    let (quantiles, _) = kept.as_ref().as_ref()?;
    Some(quantiles.iter().map(|&(p05, _, p95)| (p05, p95)).collect())
}

#[cfg(test)]
mod tests {
    use super::percentiles;

    #[test]
    fn percentiles_match_a_full_sort() {
        // Type 7 on 0..=100 shuffled: p05 = 5, p50 = 50, p95 = 95; on 0..=9: 0.45, 4.5, 8.55.
        let mut v: Vec<f64> = (0..=100).map(|i| ((i * 37) % 101) as f64).collect();
        assert_eq!(percentiles(&mut v), (5.0, 50.0, 95.0));
        let mut w: Vec<f64> = [7.0, 2.0, 9.0, 0.0, 5.0, 1.0, 8.0, 3.0, 6.0, 4.0].to_vec();
        let (a, b, c) = percentiles(&mut w);
        assert!(
            (a - 0.45).abs() < 1e-12 && (b - 4.5).abs() < 1e-12 && (c - 8.55).abs() < 1e-12,
            "{a} {b} {c}"
        );
    }
}

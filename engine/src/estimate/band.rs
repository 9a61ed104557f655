//! The 5–95 % prediction band: parameters drawn from the Laplace posterior
//! N(η̂, Σ) with a seeded ChaCha generator (reproducible, no OS randomness),
//! concentrations predicted for each draw, quantiles taken per time. The band
//! shows parameter uncertainty; residual (assay) error is not added.

use super::map::MapFit;
use super::problem::Problem;
use nalgebra::{DMatrix, DVector};
use rand_chacha::rand_core::SeedableRng;
use rand_chacha::ChaCha8Rng;
use rand_distr::{Distribution, StandardNormal};
use serde::Serialize;

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

/// Linear-interpolation quantile (type 7) of `values`, which it reorders
/// (selection, not a full sort).
fn quantile(values: &mut [f64], q: f64) -> f64 {
    let pos = q * (values.len() - 1) as f64;
    let lo = pos.floor() as usize;
    let (_, &mut at_lo, above) = values.select_nth_unstable_by(lo, f64::total_cmp);
    let next = above.iter().copied().fold(f64::INFINITY, f64::min);
    if next.is_finite() {
        at_lo + (pos - lo as f64) * (next - at_lo)
    } else {
        at_lo
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
    for _ in 0..draws {
        let z = DVector::from_fn(n, |_, _| StandardNormal.sample(&mut rng));
        let theta = &mean + &l * z;
        let Ok(c) = problem.predict(theta.as_slice(), &events) else {
            continue;
        };
        if c.iter().all(|v| v.is_finite()) {
            for (col, v) in columns.iter_mut().zip(c) {
                col.push(v);
            }
        }
    }
    if columns.first().is_some_and(|c| c.is_empty()) {
        return None;
    }
    Some(
        times
            .iter()
            .zip(columns.iter_mut())
            .zip(ipred)
            .map(|((&time, col), ipred)| BandPoint {
                time,
                p05: quantile(col, 0.05),
                p50: quantile(col, 0.5),
                p95: quantile(col, 0.95),
                ipred,
            })
            .collect(),
    )
}

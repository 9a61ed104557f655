//! Properties of the MAP estimate and its prediction band, on random
//! histories for the mapbayr 001 reference model (one compartment, first
//! order absorption, η on CL, V and KA with ω² = 0.2, proportional error
//! σ² = 0.05): levels are the typical prediction times a random factor
//! e^ε, |ε| ≤ 0.5 (within about two residual SDs of it).

use dmip_engine::dosing::{Dose, Event, Observation};
use dmip_engine::estimate::{prediction_band, MapFit, MapOptions, Problem};
use dmip_engine::selfcheck::mapbayr001_problem;
use proptest::prelude::*;
use std::collections::BTreeMap;

const DEPOT: usize = 1;
const CENTRAL: usize = 2;

/// Doses of `amounts` into the depot every 24 h from 0, and levels at
/// `levels` (time, ε): the typical prediction at that time times e^ε.
fn problem(amounts: &[f64], levels: &[(f64, f64)]) -> Problem {
    let reference = mapbayr001_problem().expect("the reference problem builds");
    let doses: Vec<Event> = amounts
        .iter()
        .enumerate()
        .map(|(i, &a)| Event::Dose(Dose::bolus(24.0 * i as f64, a, DEPOT)))
        .collect();
    let times: Vec<f64> = levels.iter().map(|l| l.0).collect();
    let typical = reference
        .predict_times(&[0.0; 3], &times)
        .expect("typical prediction");
    let mut events = doses;
    events.extend(levels.iter().zip(typical).map(|(&(t, eps), c)| {
        Event::Observation(Observation::measured(t, CENTRAL, c * eps.exp()))
    }));
    events.sort_by(|a, b| a.time().total_cmp(&b.time()));
    Problem::new(&reference.def, events, &BTreeMap::new(), &[]).expect("a valid problem")
}

fn arb_amounts() -> impl Strategy<Value = Vec<f64>> {
    prop::collection::vec(5_000.0f64..15_000.0, 1..=3)
}

/// 3–6 levels between 0.5 and 72 h.
fn arb_levels() -> impl Strategy<Value = Vec<(f64, f64)>> {
    prop::collection::vec((0.5f64..72.0, -0.5f64..0.5), 3..=6)
}

/// Levels that identify CL, V and KA: 2–3 in the absorption phase (0.25–2
/// h), 2–4 later (4–72 h).
fn arb_rich_levels() -> impl Strategy<Value = Vec<(f64, f64)>> {
    (
        prop::collection::vec((0.25f64..2.0, -0.5f64..0.5), 2..=3),
        prop::collection::vec((4.0f64..72.0, -0.5f64..0.5), 2..=4),
    )
        .prop_map(|(early, late)| [early, late].concat())
}

/// Central-difference gradient of the objective at `eta`, in units of the
/// prior SD: component i is ∂OFV/∂u_i = g_i·sd_i with η_i = u_i·sd_i, the
/// step 10⁻⁴ prior SD.
fn scaled_gradient(p: &Problem, eta: &[f64]) -> Vec<f64> {
    let sd: Vec<f64> = p.prior_variances().iter().map(|v| v.sqrt()).collect();
    (0..eta.len())
        .map(|i| {
            let h = 1e-4 * sd[i];
            let at = |d: f64| {
                let mut x = eta.to_vec();
                x[i] += d;
                p.objective(&x)
            };
            (at(h) - at(-h)) / (2.0 * h) * sd[i]
        })
        .collect()
}

fn largest(v: &[f64]) -> f64 {
    v.iter().fold(0.0, |m, x| m.max(x.abs()))
}

fn converged_fit(p: &Problem) -> Result<MapFit, TestCaseError> {
    let fit = p.fit(&MapOptions::default());
    prop_assert!(fit.converged, "{:?}", fit.warnings);
    Ok(fit)
}

/// Band times: every 4 h over 96 h (0 is a dose time: the pre-dose value).
fn band_times() -> Vec<f64> {
    (0..=24).map(|i| 4.0 * f64::from(i)).collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// The MAP estimate is a stationary point of the objective (OFV =
    /// −2 log posterior + const). Why |∂OFV/∂u_i| < 10⁻⁴ is the right test:
    /// in prior-SD units u the prior term Σu_i² alone has curvature 2 on
    /// each axis and the data term adds curvature ≥ 0 to first order
    /// (Gauss–Newton; exactly, it can be slightly negative for an η the
    /// levels barely inform), so a point with scaled gradient g lies within
    /// about |g|/2 of the mode — here 5·10⁻⁵ prior SD, far below anything
    /// visible in a dose decision. The optimiser stops at |∂OFV/∂η_i| <
    /// 10⁻⁶ (≈ 4.5·10⁻⁷ scaled), and the check's own error is far smaller
    /// than the bound (truncation ≈ h²·f‴/6 ≈ 10⁻⁸·f‴ with h = 10⁻⁴,
    /// rounding ≈ 10⁻¹⁶·OFV/h ≈ 10⁻¹⁰). The control shows it can fail:
    /// 0.1 prior SD away from the mode along η CL the scaled gradient is
    /// ≈ 0.2 or more.
    #[test]
    fn the_map_estimate_has_zero_gradient(amounts in arb_amounts(), levels in arb_levels()) {
        let p = problem(&amounts, &levels);
        let fit = converged_fit(&p)?;
        let g = scaled_gradient(&p, &fit.eta);
        prop_assert!(largest(&g) < 1e-4, "scaled gradient {g:?} at η {:?}", fit.eta);
        let mut off = fit.eta.clone();
        off[0] += 0.1 * p.prior_variances()[0].sqrt();
        let g_off = scaled_gradient(&p, &off);
        prop_assert!(largest(&g_off) > 0.1, "control: scaled gradient {g_off:?} off the mode");
    }

    /// The band's percentiles are ordered at every time (p05 ≤ p50 ≤ p95:
    /// quantiles of one sample), and the band holds the individual
    /// prediction at the mode when the levels identify the parameters
    /// (every shrinkage < 0.5, i.e. posterior variance under half the
    /// prior's). Why: the draws are N(η̂, Σ); where the prediction c(η) is
    /// close to linear over a few posterior SDs, c(draw) is close to normal
    /// with median c(η̂) = ipred, and p05/p95 lie 1.645 SD of c(draw) on
    /// either side. With 1000 draws the sampling error of p05 and p95 is
    /// ≈ 0.07 of that SD, and the curvature of c over a small Σ moves the
    /// median far less than 1.6 SD; at t = 0 (before any dose) every draw,
    /// the band and ipred are 0, which the inclusive bounds allow. (Seen on
    /// these histories: |ipred − p50| ≤ 0.13·(p95 − p05).)
    #[test]
    fn the_band_is_ordered_and_holds_the_individual_prediction(
        amounts in arb_amounts(),
        levels in arb_rich_levels(),
    ) {
        let p = problem(&amounts, &levels);
        let fit = converged_fit(&p)?;
        let band = prediction_band(&p, &fit, &band_times(), 1000, 11);
        let band = band.ok_or_else(|| TestCaseError::fail("no band for a converged fit"))?;
        prop_assert_eq!(band.len(), band_times().len());
        for b in &band {
            prop_assert!(b.p05 <= b.p50 && b.p50 <= b.p95, "{b:?}");
        }
        // About 4 in 10 of these histories identify all three (KA is the
        // last); the others are skipped here (too many skips fail the test).
        prop_assume!(fit.shrinkage.iter().all(|s| s.is_some_and(|s| s < 0.5)));
        for b in &band {
            prop_assert!(b.p05 <= b.ipred && b.ipred <= b.p95, "{b:?}, shrinkage {:?}", fit.shrinkage);
        }
    }
}

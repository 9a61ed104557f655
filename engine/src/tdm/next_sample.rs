//! The best next sampling time: which level of the clinic grid (C0, C1, C2,
//! C3, C4, C6 of the next dose due after now) would most narrow the
//! forecast of the decision metric (the target's C0, C2 or AUC at steady
//! state on the current regimen).
//!
//! Linearised at the MAP estimate θ̂ (Bayesian optimal design: PopED
//! `evaluate_fim_map`; Combes 2013 Pharm Res 30:2355):
//!
//! - `M = Σ_j J_jᵀ R_j⁻¹ J_j + Ω⁻¹` over the measured levels (the Bayesian
//!   information matrix), `J_j = ∂f(t_j)/∂θ` by central differences, `R_j`
//!   the residual variance at the prediction; for a log-additive error `f`
//!   is `ln f` and `R` the log-scale variance. Below-LLOQ levels are left
//!   out (their information is less than a measured level's: leaving them
//!   out can only overstate the remaining uncertainty).
//! - For a candidate time `t`: `j = J(t)`, `r = R(t)`, and with
//!   `g = ∂metric/∂θ` (Sherman–Morrison)
//!   `Var(metric | sample at t) = gᵀM⁻¹g − (gᵀM⁻¹j)² / (r + jᵀM⁻¹j)`.
//! - The metric is forecast as the dose advice forecasts it: at the
//!   estimate's η with a fresh between-occasion κ, so a model with
//!   between-occasion variability adds `g_κᵀ Π g_κ` to every variance — a
//!   part no sample of the present occasion can narrow.
//!
//! With no level, `M = Ω⁻¹` at η = 0.

use super::fit_check::{row_at, Computed};
use super::input::SampleLabel;
use crate::dose::{per_mg, Metric};
use crate::dosing::{Dose, Event, Observation, SteadyState};
use crate::estimate::{MapFit, Problem};
use nalgebra::{DMatrix, DVector};
use serde::Serialize;

/// The clinic grid: labels and hours after the dose.
pub const GRID: [(SampleLabel, f64); 6] = [
    (SampleLabel::C0, 0.0),
    (SampleLabel::C1, 1.0),
    (SampleLabel::C2, 2.0),
    (SampleLabel::C3, 3.0),
    (SampleLabel::C4, 4.0),
    (SampleLabel::C6, 6.0),
];

/// Step of the central differences in θ (η units: 0.01 % of a parameter).
const STEP: f64 = 1e-4;

/// The question: the estimate, the metric and the current regimen.
#[derive(Clone, Copy)]
pub struct SampleQuestion<'a> {
    pub problem: &'a Problem,
    /// The MAP fit; `None` without levels (the prior at η = 0).
    pub fit: Option<&'a MapFit>,
    /// The decision metric (the target's).
    pub metric: Metric,
    /// The current regimen: `amount_mg` every `interval_h` hours.
    pub amount_mg: f64,
    pub interval_h: f64,
    /// The present, model hours.
    pub now_h: f64,
}

/// One candidate sampling time.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SampleTime {
    pub label: SampleLabel,
    /// Hours after the next dose.
    pub after_dose_h: f64,
    /// Model hours.
    pub time_h: f64,
    /// Clock time (RFC 3339), when the question has a clock.
    pub at: Option<String>,
    /// Forecast variance of the metric after one more level at this time.
    pub variance: f64,
    /// `100 · (1 − SD after / SD now)`.
    pub narrowing_pct: f64,
}

/// The answer.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NextSample {
    /// The metric's short name (C0, C2, AUC0-4 …).
    pub metric: String,
    /// The metric at the estimate on the current regimen.
    pub forecast: f64,
    /// Its forecast variance now (no further level) and SD.
    pub variance_now: f64,
    pub sd_now: f64,
    /// The part of the variance from between-occasion variability (no
    /// sample narrows it).
    pub between_occasion_variance: f64,
    /// The next dose due after now (model hours; clock time).
    pub next_dose_h: f64,
    pub next_dose_at: Option<String>,
    /// Every grid time, in grid order.
    pub times: Vec<SampleTime>,
    /// Index in `times` of the best one (the smallest variance; the
    /// earliest on a tie).
    pub best: usize,
}

impl NextSample {
    pub fn best_time(&self) -> &SampleTime {
        &self.times[self.best]
    }
}

/// Why the question has no answer.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum NextSampleError {
    #[error("the dosing interval must be > 0 h (got {0})")]
    BadInterval(f64),
    #[error("the model cannot predict the metric or the levels: {0}")]
    Model(String),
    #[error("the metric does not depend on the individual parameters")]
    NoUncertainty,
    #[error("the information matrix cannot be inverted")]
    Singular,
}

fn model_error(e: impl std::fmt::Display) -> NextSampleError {
    NextSampleError::Model(e.to_string())
}

/// The observation scale of the residual error: ln f for a log-additive
/// error (`None` when f ≤ 0 there), else f.
fn scaled(log: bool, f: f64) -> Option<f64> {
    match log {
        true => (f > 0.0).then(|| f.ln()),
        false => f.is_finite().then_some(f),
    }
}

/// Central-difference gradient of `value` at `x` (each component).
fn gradient<F>(x: &[f64], value: F) -> Result<Vec<DVector<f64>>, NextSampleError>
where
    F: Fn(&[f64]) -> Result<Vec<f64>, NextSampleError>,
{
    let n = x.len();
    let mut columns: Vec<Vec<f64>> = Vec::with_capacity(n);
    let mut p = x.to_vec();
    for k in 0..n {
        p[k] = x[k] + STEP;
        let up = value(&p)?;
        p[k] = x[k] - STEP;
        let down = value(&p)?;
        p[k] = x[k];
        columns.push(
            up.iter()
                .zip(&down)
                .map(|(u, d)| (u - d) / (2.0 * STEP))
                .collect(),
        );
    }
    // One gradient vector per output.
    let outputs = columns.first().map_or(0, Vec::len);
    Ok((0..outputs)
        .map(|i| DVector::from_fn(n, |k, _| columns[k][i]))
        .collect())
}

/// Predictions at `events`' observation records on the error's scale.
fn predictions(
    problem: &Problem,
    events: &[Event],
    theta: &[f64],
) -> Result<Vec<f64>, NextSampleError> {
    let log = problem.def.error.is_log();
    problem
        .predict(theta, events)
        .map_err(model_error)?
        .into_iter()
        .map(|f| Ok(scaled(log, f).unwrap_or(0.0)))
        .collect()
}

/// The doses of the problem (each ADDL repeat as its own record) and the
/// next dose due after `now`: the first recorded one, else the regimen
/// continued from the last dose given (its amount every `interval`).
fn doses_with_next(q: &SampleQuestion<'_>) -> Option<(Vec<Dose>, f64)> {
    let mut doses: Vec<Dose> = Vec::new();
    for e in &q.problem.events {
        if let Event::Dose(d) = e {
            for (k, t) in d.times().enumerate() {
                let mut one = d.clone();
                one.time = t;
                one.addl = 0;
                if k > 0 {
                    one.ss = SteadyState::No;
                }
                doses.push(one);
            }
        }
    }
    doses.sort_by(|a, b| a.time.total_cmp(&b.time));
    if let Some(next) = doses.iter().find(|d| d.time > q.now_h) {
        return Some((doses.clone(), next.time));
    }
    let last = doses.last()?.clone();
    let tau = q.interval_h;
    let first = ((q.now_h - last.time) / tau).floor().max(0.0) + 1.0;
    let next = last.time + first * tau;
    let end = next + GRID[GRID.len() - 1].1;
    let mut t = next;
    while t <= end + 1e-9 {
        let mut d = last.clone();
        d.time = t;
        d.amount = q.amount_mg;
        d.ii = 0.0;
        d.addl = 0;
        d.ss = SteadyState::No;
        doses.push(d);
        t += tau;
    }
    Some((doses, next))
}

/// `aᵀ B c`.
fn form(a: &DVector<f64>, b: &DMatrix<f64>, c: &DVector<f64>) -> f64 {
    (a.transpose() * b * c)[(0, 0)]
}

/// The answer on model time (no clock: `at` fields are `None`).
pub fn next_sample(q: &SampleQuestion<'_>) -> Result<NextSample, NextSampleError> {
    let tau = q.interval_h;
    if !(tau.is_finite() && tau > 0.0) {
        return Err(NextSampleError::BadInterval(tau));
    }
    let problem = q.problem;
    let n = problem.n_params();
    let n_eta = problem.n_eta;
    let theta: Vec<f64> = q
        .fit
        .map(|f| f.eta.clone())
        .filter(|e| e.len() == n)
        .unwrap_or_else(|| vec![0.0; n]);
    let error = &problem.def.error;
    let log = error.is_log();
    // M: the prior, plus each measured level.
    let mut m = problem.prior_precision();
    let f_hat = problem
        .predict(&theta, &problem.events)
        .map_err(model_error)?;
    let jacobian = gradient(&theta, |x| predictions(problem, &problem.events, x))?;
    for ((level, f), j) in problem.levels.iter().zip(&f_hat).zip(&jacobian) {
        if level.blq || level.dv.is_none() || scaled(log, *f).is_none() {
            continue;
        }
        let r = error.variance(*f);
        m += j * j.transpose() / r;
    }
    let m_inv = m.cholesky().ok_or(NextSampleError::Singular)?.inverse();
    // g: the metric at steady state on the current regimen, κ = 0.
    let typical = problem.current_typical();
    let metric_at = |eta: &[f64], kappa: &[f64]| -> Result<Vec<f64>, NextSampleError> {
        let unit = per_mg(&typical.model(eta, kappa), tau, &[q.metric]).map_err(model_error)?;
        Ok(vec![q.amount_mg * unit[0]])
    };
    let forecast = metric_at(&theta[..n_eta], &[])?[0];
    let g_eta = gradient(&theta[..n_eta], |e| metric_at(e, &[]))?
        .pop()
        .unwrap_or_else(|| DVector::zeros(n_eta));
    let g = DVector::from_fn(n, |k, _| if k < n_eta { g_eta[k] } else { 0.0 });
    let between_occasion_variance = match &problem.def.iov {
        Some(iov) if problem.n_iov > 0 => {
            let zero = vec![0.0; problem.n_iov];
            let g_kappa = gradient(&zero, |k| metric_at(&theta[..n_eta], k))?
                .pop()
                .unwrap_or_else(|| DVector::zeros(problem.n_iov));
            form(&g_kappa, &iov.matrix, &g_kappa)
        }
        _ => 0.0,
    };
    let variance_now = form(&g, &m_inv, &g) + between_occasion_variance;
    if !(variance_now.is_finite() && variance_now > 0.0) {
        return Err(NextSampleError::NoUncertainty);
    }
    // The candidates.
    let (doses, next_dose_h) = doses_with_next(q).ok_or(NextSampleError::BadInterval(tau))?;
    let central = typical.model(&[], &[]).layout(false).central_cmt();
    let times: Vec<f64> = GRID.iter().map(|(_, h)| next_dose_h + h).collect();
    let mut events: Vec<Event> = times
        .iter()
        .map(|&t| Event::Observation(Observation::prediction(t, central)))
        .collect();
    // Observations first: a sample at a dose time is drawn before it.
    events.extend(doses.into_iter().map(Event::Dose));
    events.sort_by(|a, b| a.time().total_cmp(&b.time()));
    let f_t = problem.predict(&theta, &events).map_err(model_error)?;
    let j_t = gradient(&theta, |x| predictions(problem, &events, x))?;
    let candidates: Vec<SampleTime> = GRID
        .iter()
        .zip(&times)
        .zip(f_t.iter().zip(&j_t))
        .map(|((&(label, after), &time_h), (&f, j))| {
            let variance = match scaled(log, f) {
                Some(_) => {
                    let r = error.variance(f);
                    let gmj = form(&g, &m_inv, j);
                    variance_now - gmj * gmj / (r + form(j, &m_inv, j))
                }
                None => variance_now,
            };
            SampleTime {
                label,
                after_dose_h: after,
                time_h,
                at: None,
                variance,
                narrowing_pct: 100.0 * (1.0 - (variance.max(0.0) / variance_now).sqrt()),
            }
        })
        .collect();
    let best = (0..candidates.len())
        .reduce(|a, b| {
            if candidates[b].variance < candidates[a].variance {
                b
            } else {
                a
            }
        })
        .unwrap_or(0);
    Ok(NextSample {
        metric: q.metric.label(),
        forecast,
        variance_now,
        sd_now: variance_now.sqrt(),
        between_occasion_variance,
        next_dose_h,
        next_dose_at: None,
        times: candidates,
        best,
    })
}

/// The answer for a drug screen: the target's metric, the regimen of the
/// last dose given (or of the first one, before any dose), clock times.
pub fn best_next_sample(c: Computed<'_>) -> Option<NextSample> {
    let Computed {
        input,
        base,
        problem,
        fit,
        ..
    } = c;
    let now_h = base.hours(input.now);
    let dose_times: Vec<f64> = problem
        .events
        .iter()
        .filter_map(|e| match e {
            Event::Dose(d) => Some(d.time),
            _ => None,
        })
        .collect();
    let reference = dose_times
        .iter()
        .copied()
        .filter(|t| *t <= now_h)
        .reduce(f64::max)
        .or_else(|| dose_times.first().copied())?;
    let (amount_mg, interval_h) = row_at(input, base, reference)?;
    let question = SampleQuestion {
        problem,
        fit,
        metric: input.target.metric,
        amount_mg,
        interval_h,
        now_h,
    };
    let mut answer = next_sample(&question).ok()?;
    let clock = |h: f64| base.clock(h).map(|c| c.to_rfc3339());
    answer.next_dose_at = clock(answer.next_dose_h);
    for t in &mut answer.times {
        t.at = clock(t.time_h);
    }
    Some(answer)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One η (on CL), log-additive error, IV bolus every 12 h: the formula
    /// reduces to scalars. ln f(t) = ln(D/V) − (CL·e^η/V)·t after a single
    /// dose, so ∂ln f/∂η = −k·t at η = 0.
    const ONE_ETA: &str = r#"
format = 1
id = "one_eta"
drug = "test"
name = "one η"
citation = "test"
population = "test"
[structure]
compartments = 1
absorption = "iv"
[units]
dose = "mg"
concentration = "mg/L"
scale = 1
[parameters]
CL = { typical = 5.0, eta = "CL" }
V1 = { typical = 50.0 }
[omega]
eta = ["CL"]
variance = [0.09]
[error]
model = "log_additive"
log_sd = 0.2
"#;

    #[test]
    fn one_eta_reduces_to_the_scalar_formula() {
        let def = crate::catalog::ModelDef::from_toml(ONE_ETA).expect("valid model");
        // One dose of 100 mg at 0 h, a level at 4 h equal to the typical
        // prediction (so η̂ = 0), now = 5 h; regimen 100 mg every 12 h.
        let k: f64 = 0.1;
        let c4 = 100.0 / 50.0 * (-k * 4.0).exp();
        let events = vec![
            Event::Dose(Dose::bolus(0.0, 100.0, 1)),
            Event::Observation(Observation::measured(4.0, 1, c4)),
        ];
        let problem = Problem::new(&def, events, &Default::default(), &[]).expect("problem");
        let fit = problem.fit(&crate::estimate::MapOptions::default());
        assert!(fit.eta[0].abs() < 1e-6, "η̂ = {}", fit.eta[0]);
        let q = SampleQuestion {
            problem: &problem,
            fit: Some(&fit),
            metric: Metric::C0,
            amount_mg: 100.0,
            interval_h: 12.0,
            now_h: 5.0,
        };
        let a = next_sample(&q).expect("answer");
        // Hand calculation. M = 1/ω² + (k·4)²/σ² = 11.111 + 0.16/0.04 = 15.111.
        let (omega2, sigma2, tau) = (0.09, 0.04, 12.0);
        let m = 1.0 / omega2 + (k * 4.0).powi(2) / sigma2;
        // C0,ss = (D/V)·e^{−kτ}/(1 − e^{−kτ}); g = dC0/dη = C0·(−kτ)/(1 − e^{−kτ}).
        let e = (-k * tau).exp();
        let c0 = 2.0 * e / (1.0 - e);
        let g = c0 * (-k * tau) / (1.0 - e);
        assert!((a.forecast - c0).abs() < 1e-9 * c0);
        assert!((a.variance_now - g * g / m).abs() < 1e-6 * g * g / m);
        // Next dose at 12 h; a sample Δ h after it: ln f = ln(2(e^{−k(12+Δ)} + e^{−kΔ})),
        // ∂ln f/∂η = −k·(12+Δ)·w − k·Δ·(1 − w) with w the first dose's share.
        assert_eq!(a.next_dose_h, 12.0);
        for t in &a.times {
            let d = t.after_dose_h;
            // C0 at 12 h is drawn before the dose: only the first dose.
            let (first, second) = if d == 0.0 {
                ((-k * 12.0).exp(), 0.0)
            } else {
                ((-k * (12.0 + d)).exp(), (-k * d).exp())
            };
            let w = first / (first + second);
            let j = -k * (12.0 + d) * w - k * d * (1.0 - w);
            let expected = g * g / m - (g / m * j).powi(2) / (sigma2 + j * j / m);
            assert!(
                (t.variance - expected).abs() < 1e-6 * expected,
                "{:?}: {} vs {expected}",
                t.label,
                t.variance
            );
            let pct = 100.0 * (1.0 - (expected / (g * g / m)).sqrt());
            assert!((t.narrowing_pct - pct).abs() < 1e-4);
        }
        // |∂ln f/∂η| is largest at the trough (k·12 = 1.2, against 0.88 at
        // C6 and 0.38 at C1, where the fresh dose dominates): C0 is best,
        // and narrows the SD by the hand figure.
        assert_eq!(a.best_time().label, SampleLabel::C0);
        let c0_pct = {
            let j: f64 = -k * 12.0;
            let v = g * g / m - (g / m * j).powi(2) / (sigma2 + j * j / m);
            100.0 * (1.0 - (v / (g * g / m)).sqrt())
        };
        assert!((a.times[0].narrowing_pct - c0_pct).abs() < 1e-4);
        // V = 50 L, CL = 5 L/h: M = 15.111, gᵀM⁻¹g and the C0 figure.
        assert!((m - 15.1111).abs() < 1e-4);
        assert!((c0_pct - 45.626).abs() < 0.001, "{c0_pct}");
    }

    #[test]
    fn without_levels_the_prior_is_the_information() {
        let def = crate::catalog::ModelDef::from_toml(ONE_ETA).expect("valid model");
        let events = vec![Event::Dose(Dose::bolus(0.0, 100.0, 1))];
        let problem = Problem::new(&def, events, &Default::default(), &[]).expect("problem");
        let q = SampleQuestion {
            problem: &problem,
            fit: None,
            metric: Metric::C0,
            amount_mg: 100.0,
            interval_h: 12.0,
            now_h: 1.0,
        };
        let a = next_sample(&q).expect("answer");
        let k: f64 = 0.1;
        let e = (-k * 12.0).exp();
        let g = 2.0 * e / (1.0 - e) * (-k * 12.0) / (1.0 - e);
        assert!((a.variance_now - g * g * 0.09).abs() < 1e-6 * g * g * 0.09);
        // C0 of the next dose (12 h): j = −1.2, Var = g²ω²σ²/(σ² + j²ω²).
        let j: f64 = -1.2;
        let v = g * g * 0.09 * 0.04 / (0.04 + j * j * 0.09);
        assert!((a.times[0].variance - v).abs() < 1e-6 * v);
        assert_eq!(a.times[0].label, SampleLabel::C0);
    }
}

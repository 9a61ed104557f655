//! A plan for a high level: when the latest level is above the toxicity
//! limit (or a trough above its target), the doses are held until the
//! individual prediction (the MAP fit, no further dose) falls back to the
//! limit (of a model average: Σ w·each model's prediction); then the
//! advised dose resumes at the next due time. posologyr's `poso_time_cmin`
//! answers the same question.

use super::fit_check::{latest_of, row_at, Computed};
use super::input::TdmInput;
use super::levels::LevelTiming;
use super::predict::individual;
use crate::dose::{Metric, Range, Recommendation};
use crate::dosing::{Dose, Event, SteadyState};
use crate::estimate::{Part, Problem};
use serde::Serialize;

/// How far ahead the fall is looked for, hours (14 days).
pub const HORIZON_H: f64 = 14.0 * 24.0;
/// Step of the search grid, hours.
const STEP_H: f64 = 0.25;

/// The plan.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HoldPlan {
    /// The level the concentration must fall to (ng/mL) and its metric.
    pub threshold: f64,
    pub metric: String,
    /// Hours from now until the prediction is at or below the threshold
    /// (within `STEP_H`); `None` if not within `HORIZON_H`.
    pub hours_to_range: Option<f64>,
    /// That moment as a clock time (RFC 3339).
    pub in_range_at: Option<String>,
    /// Doses of the current regimen due before then: to hold.
    pub doses_to_hold: u32,
    /// The first due dose after it, when the advised dose resumes.
    pub resume_at: Option<String>,
    /// The advised amount (mg) and regimen to resume with.
    pub resume_mg: Option<f64>,
    pub resume_regimen: Option<String>,
}

/// Which level is too high, and the threshold it must fall to: the limit
/// (a toxicity bound) first, else a trough above its target. `latest`
/// gives the value of the latest level of a range's metric.
pub fn too_high(
    target: &Range,
    limit: Option<&Range>,
    latest: impl Fn(&Range) -> Option<f64>,
) -> Option<(f64, Metric)> {
    let above = |r: &Range| {
        let v = latest(r)?;
        r.high.filter(|h| v > *h).map(|h| (h, r.metric))
    };
    limit.and_then(above).or_else(|| {
        (target.metric == Metric::C0)
            .then(|| above(target))
            .flatten()
    })
}

/// The latest level of `r`'s metric on a drug screen.
fn latest_value(input: &TdmInput, timing: &[LevelTiming], r: &Range) -> Option<f64> {
    let i = latest_of(r, &input.levels, timing)?;
    input.levels[i].value_ng_ml
}

/// The question on model time: what a drug screen ([`hold_plan`]) and the
/// CLI (`dmip dose`) both ask.
#[derive(Clone, Copy)]
pub struct HoldQuestion<'a> {
    /// The fitted models (one, or the average's, each with its fit).
    pub parts: &'a [Part<'a>],
    /// The present, model hours: doses after it are held.
    pub now_h: f64,
    /// The level to fall to (ng/mL) and its metric.
    pub threshold: f64,
    pub metric: Metric,
    /// The interval of the current regimen, hours.
    pub interval_h: f64,
    pub advice: Option<&'a Recommendation>,
}

/// The plan, when the latest level of a drug screen is too high and the
/// fit exists.
pub fn hold_plan(c: Computed<'_>) -> Option<HoldPlan> {
    let Computed {
        input,
        base,
        problem,
        parts,
        timing,
        advice,
        ..
    } = c;
    let (threshold, metric) = too_high(&input.target, input.limit.as_ref(), |r| {
        latest_value(input, timing, r)
    })?;
    let now_h = base.hours(input.now);
    let last = given(problem, now_h).last()?.time;
    let (_, interval_h) = row_at(input, base, last)?;
    let q = HoldQuestion {
        parts,
        now_h,
        threshold,
        metric,
        interval_h,
        advice,
    };
    plan(&q, |h| base.clock(h).map(|c| c.to_rfc3339()))
}

/// The doses given up to `now` (each ADDL repeat as its own record).
pub fn given(problem: &Problem, now: f64) -> Vec<Dose> {
    let mut doses = Vec::new();
    for e in &problem.events {
        if let Event::Dose(d) = e {
            for (k, t) in d.times().enumerate().filter(|(_, t)| *t <= now) {
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
    doses
}

/// The plan on model time; `clock` writes a model time as a clock time
/// (`None` where there is no clock).
pub fn plan(q: &HoldQuestion<'_>, clock: impl Fn(f64) -> Option<String>) -> Option<HoldPlan> {
    let HoldQuestion {
        parts,
        now_h: now,
        threshold,
        metric,
        interval_h: interval,
        advice,
    } = *q;
    if !(interval.is_finite() && interval > 0.0) {
        return None;
    }
    // Every model of the plan must have been fitted to the levels.
    if parts.iter().any(|p| p.weight > 0.0 && p.fit.is_none()) {
        return None;
    }
    let given = given(parts.first()?.problem, now);
    let last = given.last()?.time;
    let steps = (HORIZON_H / STEP_H) as usize;
    let times: Vec<f64> = (0..=steps).map(|k| now + k as f64 * STEP_H).collect();
    let conc = individual(parts, &given, &times)?;
    let reached = times
        .iter()
        .zip(&conc)
        .find(|(_, c)| **c <= threshold)
        .map(|(t, _)| *t);
    // The doses the current regimen has due after now (a due time already
    // past was not given: it is not counted as held).
    let first = ((now - last) / interval).floor().max(0.0) + 1.0;
    let due = |k: f64| last + (first + k) * interval;
    let (doses_to_hold, resume) = match reached {
        Some(t) => {
            let k = ((t - 1e-9 - due(0.0)) / interval).ceil().max(0.0);
            (k as u32, Some(due(k)))
        }
        None => ((HORIZON_H / interval) as u32, None),
    };
    let resume_with = advice.and_then(Recommendation::suggested);
    Some(HoldPlan {
        threshold,
        metric: metric.label(),
        hours_to_range: reached.map(|t| t - now),
        in_range_at: reached.and_then(&clock),
        doses_to_hold,
        resume_at: resume.and_then(&clock),
        resume_mg: resume_with.map(|c| c.dose.amount_mg),
        resume_regimen: resume_with.map(|c| c.regimen.label.clone()),
    })
}

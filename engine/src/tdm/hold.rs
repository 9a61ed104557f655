//! A plan for a high level: when the latest level is above the toxicity
//! limit (or a trough above its target), the doses are held until the
//! individual prediction (the MAP fit, no further dose) falls back to the
//! limit; then the advised dose resumes at the next due time. posologyr's
//! `poso_time_cmin` answers the same question.

use super::fit_check::{latest_of, row_at, Computed};
use super::input::TdmInput;
use super::levels::LevelTiming;
use crate::dose::{Metric, Range, Recommendation};
use crate::dosing::{Event, Observation};
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
/// (a toxicity bound) first, else a trough above its target.
fn too_high(input: &TdmInput, timing: &[LevelTiming]) -> Option<(f64, Metric)> {
    let above = |r: &Range| {
        let i = latest_of(r, &input.levels, timing)?;
        let v = input.levels[i].value_ng_ml?;
        r.high.filter(|h| v > *h).map(|h| (h, r.metric))
    };
    input.limit.as_ref().and_then(above).or_else(|| {
        (input.target.metric == Metric::C0)
            .then(|| above(&input.target))
            .flatten()
    })
}

/// The plan, when the latest level is too high and the fit exists.
pub fn hold_plan(c: Computed<'_>) -> Option<HoldPlan> {
    let Computed {
        input,
        base,
        problem,
        fit,
        timing,
        advice,
    } = c;
    let (threshold, metric) = too_high(input, timing)?;
    let fit = fit?;
    let now = base.hours(input.now);
    let given: Vec<&crate::dosing::Dose> = problem
        .events
        .iter()
        .filter_map(|e| match e {
            Event::Dose(d) if d.time <= now => Some(d),
            _ => None,
        })
        .collect();
    let last = given.last()?.time;
    let (_, interval) = row_at(input, base, last)?;
    let central = problem
        .current_typical()
        .model(&[], &[])
        .layout(false)
        .central_cmt();
    let steps = (HORIZON_H / STEP_H) as usize;
    let times: Vec<f64> = (0..=steps).map(|k| now + k as f64 * STEP_H).collect();
    let mut events: Vec<Event> = times
        .iter()
        .map(|&t| Event::Observation(Observation::prediction(t, central)))
        .collect();
    events.extend(given.iter().map(|d| Event::Dose((*d).clone())));
    events.sort_by(|a, b| a.time().total_cmp(&b.time()));
    let conc = problem.predict(&fit.eta, &events).ok()?;
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
    let clock = |h: f64| base.clock(h).map(|c| c.to_rfc3339());
    let resume_with = advice.and_then(Recommendation::suggested);
    Some(HoldPlan {
        threshold,
        metric: metric.label(),
        hours_to_range: reached.map(|t| t - now),
        in_range_at: reached.and_then(clock),
        doses_to_hold,
        resume_at: resume.and_then(clock),
        resume_mg: resume_with.map(|c| c.dose.amount_mg),
        resume_regimen: resume_with.map(|c| c.regimen.label.clone()),
    })
}

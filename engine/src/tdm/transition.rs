//! The next three days from now under each option: continue the current
//! dose, each advised regimen as "Apply" would write it (from the dose due
//! next, at the regimen's clock times), and the hold plan for a high level
//! (hold, then resume). For each, the individual prediction (the MAP fit,
//! else the typical patient; of a model average, Σ w·each model's) of the
//! target's and the limit's levels at
//! every dose of the plan within the window: C0 just before the dose, C2
//! two hours after it.

use super::apply::{
    apply, breakfast_or_default, continue_current, end_before, ApplyArgs, Prescription,
};
use super::fit_check::Computed;
use super::hold::HoldPlan;
use super::input::DoseRow;
use super::predict::individual;
use super::products::product_in_use;
use super::rows::{apply_changes, dose_schedule, plan_end};
use super::session::PlanCurve;
use crate::dose::{Metric, Recommendation};
use crate::dosing::Dose;
use crate::estimate::Part;
use chrono::DateTime;
use serde::Serialize;

/// The window, hours after now.
pub const WINDOW_H: f64 = 72.0;

/// Which option.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "plan", rename_all = "snake_case")]
pub enum Plan {
    /// The current regimen, going on.
    Continue,
    /// An advised regimen (its label) at its advised amount.
    Advice { regimen: String, amount_mg: f64 },
    /// Hold the due doses, resume with the advised dose.
    Hold { held: u32, resume_mg: f64 },
}

/// A predicted level of the window.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NextLevel {
    /// Clock time (RFC 3339).
    pub at: String,
    /// "C0", "C2".
    pub metric: String,
    /// ng/mL.
    pub value: f64,
}

/// One option over the window.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Transition {
    pub plan: Plan,
    /// The option's first changed dose (RFC 3339), if it changes any.
    pub first_dose: Option<String>,
    pub levels: Vec<NextLevel>,
    /// The option's doses (for the plot).
    #[serde(skip)]
    pub doses: Vec<Dose>,
}

/// The concentration metrics the window reports: the target's and the
/// limit's, when they are levels (C0, C2, …).
fn metrics(c: &Computed<'_>) -> Vec<Metric> {
    let mut out: Vec<Metric> = std::iter::once(c.input.target.metric)
        .chain(c.input.limit.map(|l| l.metric))
        .filter(|m| matches!(m, Metric::C0 | Metric::C { .. }))
        .collect();
    out.sort_by(|a, b| offset(*a).total_cmp(&offset(*b)));
    out.dedup();
    out
}

fn offset(m: Metric) -> f64 {
    match m {
        Metric::C { hours } => hours,
        _ => 0.0,
    }
}

/// The option's doses from its rows, in model hours.
fn doses_of(c: &Computed<'_>, rows: &[DoseRow]) -> Option<Vec<Dose>> {
    let end = plan_end(rows, c.input.now, c.input.horizon_h.max(WINDOW_H));
    let mut schedule = dose_schedule(rows, end).ok()?;
    apply_changes(&mut schedule, &c.input.dose_changes);
    Some(schedule.to_doses(c.base))
}

/// The predicted levels of the window for these doses.
fn window(c: &Computed<'_>, doses: &[Dose]) -> Vec<NextLevel> {
    let now = c.base.hours(c.input.now);
    let metrics = metrics(c);
    let mut wanted: Vec<(f64, Metric)> = doses
        .iter()
        .filter(|d| d.time >= now - 1e-9 && d.time < now + WINDOW_H)
        .flat_map(|d| metrics.iter().map(move |m| (d.time + offset(*m), *m)))
        .collect();
    wanted.sort_by(|a, b| a.0.total_cmp(&b.0));
    if wanted.is_empty() {
        return Vec::new();
    }
    // A trough is read just before its dose.
    let at = |(t, m): &(f64, Metric)| if offset(*m) == 0.0 { t - 1e-6 } else { *t };
    let times: Vec<f64> = wanted.iter().map(at).collect();
    let Some(values) = individual(c.parts, doses, &times) else {
        return Vec::new();
    };
    wanted
        .iter()
        .zip(values)
        .filter_map(|((t, m), v)| {
            Some(NextLevel {
                at: c.base.clock(*t)?.to_rfc3339(),
                metric: m.label(),
                value: v,
            })
        })
        .collect()
}

/// The next level of the target's metric on the current regimen (the
/// first of the "continue" option's window): the model's forecast of the
/// next sample of the target.
pub fn next_level(c: Computed<'_>) -> Option<NextLevel> {
    let current = continue_current(&c.input.doses).unwrap_or_else(|| c.input.doses.clone());
    let doses = doses_of(&c, &current)?;
    let metric = c.input.target.metric.label();
    window(&c, &doses).into_iter().find(|l| l.metric == metric)
}

/// The options over the next three days.
pub fn transitions(c: Computed<'_>, hold: Option<&HoldPlan>) -> Vec<Transition> {
    let input = c.input;
    let breakfast = breakfast_or_default(input.prescribing.breakfast);
    let product = product_in_use(input);
    let mut options: Vec<(Plan, Option<String>, Vec<DoseRow>)> = Vec::new();
    let current = continue_current(&input.doses).unwrap_or_else(|| input.doses.clone());
    options.push((Plan::Continue, None, current.clone()));
    for cand in c.advice.map_or(&[][..], |a| &a.candidates[..]) {
        // From the current regimen as it goes on (as "continue" reads it),
        // so every option shares the days before its first change.
        let applied = apply(ApplyArgs {
            rows: &current,
            now: input.now,
            prescription: Prescription {
                amount_mg: cand.dose.amount_mg,
                interval_h: cand.regimen.interval_h,
                formulation: product,
                meal: None,
                first_of_day: breakfast,
            },
        });
        if let Ok(a) = applied {
            options.push((
                Plan::Advice {
                    regimen: cand.regimen.label.clone(),
                    amount_mg: cand.dose.amount_mg,
                },
                Some(a.start.to_rfc3339()),
                a.rows,
            ));
        }
    }
    if let Some(rows) = hold.and_then(|h| hold_rows(c, h, &current)) {
        let h = hold.map_or(0, |h| h.doses_to_hold);
        let resume = hold.and_then(|h| h.resume_mg).unwrap_or(0.0);
        let first = hold.and_then(|h| h.resume_at.clone());
        options.push((
            Plan::Hold {
                held: h,
                resume_mg: resume,
            },
            first,
            rows,
        ));
    }
    options
        .into_iter()
        .filter_map(|(plan, first_dose, rows)| {
            let doses = doses_of(&c, &rows)?;
            Some(Transition {
                levels: window(&c, &doses),
                doses,
                plan,
                first_dose,
            })
        })
        .collect()
}

/// The hold plan's rows: the current regimen ends before the first held
/// dose; the advised amount goes on from the resume time.
fn hold_rows(c: Computed<'_>, h: &HoldPlan, current: &[DoseRow]) -> Option<Vec<DoseRow>> {
    let resume_at = DateTime::parse_from_rfc3339(h.resume_at.as_deref()?).ok()?;
    let amount = h.resume_mg?;
    let interval = c
        .advice?
        .candidates
        .iter()
        .find(|x| Some(&x.regimen.label) == h.resume_regimen.as_ref())?
        .regimen
        .interval_h;
    let mut rows = end_before(current, c.input.now, resume_at).rows;
    let product = current
        .iter()
        .max_by_key(|r| r.start)
        .and_then(|r| r.formulation);
    rows.push(DoseRow {
        start: resume_at,
        amount_mg: amount,
        interval_h: Some(interval),
        count: 1,
        ongoing: true,
        at_steady_state: false,
        formulation: product,
        meal: None,
    });
    Some(rows)
}

/// The option the plot shows: the hold plan, else the suggested regimen.
pub(super) fn plan_to_draw<'a>(
    transitions: &'a [Transition],
    advice: Option<&Recommendation>,
) -> Option<&'a Transition> {
    let suggested = advice.and_then(Recommendation::suggested);
    transitions
        .iter()
        .find(|t| matches!(t.plan, Plan::Hold { .. }))
        .or_else(|| {
            let s = suggested?;
            transitions.iter().find(|t| {
                matches!(&t.plan, Plan::Advice { regimen, amount_mg }
                    if *regimen == s.regimen.label && *amount_mg == s.dose.amount_mg)
            })
        })
}

/// The plan's prediction on the plot's grid.
pub(super) fn plan_curve(
    parts: &[Part<'_>],
    plan: &Transition,
    time_h: &[f64],
) -> Option<PlanCurve> {
    let values = individual(parts, &plan.doses, time_h)?;
    Some(PlanCurve {
        plan: plan.plan.clone(),
        values,
        dose_times_h: plan.doses.iter().map(|d| d.time).collect(),
        dose_amounts_mg: plan.doses.iter().map(|d| d.amount).collect(),
    })
}

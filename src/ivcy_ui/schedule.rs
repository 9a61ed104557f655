//! Planned pulse dates: first date, spacing, number of pulses; each pulse's
//! dose after the rules (age, creatinine, previous nadir, the counts of the
//! next pulse's day), the rules named per row and listed with their sources.

use super::calc::Derived;
use super::plan::{from_value, parse_count, parse_date, PlanInputs, REGIMENS, SPACINGS};
use super::rules::{applied_cell, RuleList};
use super::text::why;
use crate::format::significant;
use crate::i18n::{fill, use_i18n, IvcyKey};
use crate::tdm_ui::{Choice, Field, Unit};
use crate::widgets::{bound_number, data_table};
use dmip_engine::clinical::cyclophosphamide::Spacing;
use leptos::prelude::*;

fn spacing_key(s: Spacing) -> IvcyKey {
    match s {
        Spacing::Days { days: 14 } => IvcyKey::Every2Weeks,
        Spacing::Days { days: 21 } => IvcyKey::Every3Weeks,
        Spacing::Days { .. } => IvcyKey::Every4Weeks,
        Spacing::CalendarMonths { .. } => IvcyKey::Monthly,
    }
}

#[component]
pub fn SchedulePanel(inputs: PlanInputs, derived: Derived) -> impl IntoView {
    let i18n = use_i18n();
    let options = Signal::derive(move || {
        SPACINGS
            .iter()
            .map(|(s, v)| ((*v).to_owned(), i18n.t(spacing_key(*s)).to_owned()))
            .collect()
    });
    let start_error = Signal::derive(move || {
        let t = inputs.start.get();
        (!t.trim().is_empty() && parse_date(&t).is_none())
            .then(|| i18n.t(IvcyKey::ErrDate).to_owned())
    });
    let count_error = Signal::derive(move || {
        let t = inputs.count.get();
        (!t.trim().is_empty() && parse_count(&t).is_none())
            .then(|| fill(i18n.t(IvcyKey::ErrCount), &[("value", t.trim())]))
    });
    // A spacing the chosen regimen does not publish is said so.
    let off_interval = move || {
        let p = from_value(&REGIMENS, &inputs.preset.get())?
            .preset()
            .available()?;
        let s = from_value(&SPACINGS, &inputs.spacing.get())?;
        (!p.interval.allows(s)).then(|| i18n.t(IvcyKey::OutsideInterval))
    };
    let rows = move || match derived.adjusted.get() {
        Ok(plan) => {
            let total: f64 = plan
                .pulses
                .iter()
                .filter(|p| !p.held)
                .map(|p| p.dose_mg)
                .sum();
            let next = plan
                .next
                .and_then(|n| plan.pulses.iter().find(|p| p.number == n).cloned());
            let later = plan
                .next
                .map(|n| n + 1)
                .filter(|n| plan.pulses.iter().any(|p| p.number == *n));
            view! {
                {data_table(
                    "ivcy-schedule",
                    "tdm-table stack",
                    &[IvcyKey::ColPulse, IvcyKey::ColDate, IvcyKey::ColPlanned, IvcyKey::ColDose, IvcyKey::ColRules],
                    0,
                    view! {
                        {plan
                            .pulses
                            .into_iter()
                            .map(|p| {
                                let rules = applied_cell(i18n, &p);
                                let reduced = p.given_mg.is_none() && p.dose_mg < p.planned_mg;
                                view! {
                                    <tr class:held=p.held class:reduced=reduced data-pulse=p.number>
                                        <td>{p.number}</td>
                                        <td class="num" data-label=i18n.t(IvcyKey::ColDate)>{p.date.to_string()}</td>
                                        <td class="num" data-label=i18n.t(IvcyKey::ColPlanned)>{format!("{:.1} mg", p.planned_mg)}</td>
                                        <td class="num ivcy-adjusted" data-label=i18n.t(IvcyKey::ColDose)>{format!("{:.1} mg", p.dose_mg)}</td>
                                        <td class="ivcy-applied" data-label=i18n.t(IvcyKey::ColRules)>{rules}</td>
                                    </tr>
                                }
                            })
                            .collect_view()}
                    },
                )}
                <p id="ivcy-schedule-total">
                    {fill(i18n.t(IvcyKey::PlannedTotal), &[("grams", &significant(total / 1000.0, 3))])}
                </p>
                {next.map(|p| view! {
                    <h4 id="ivcy-rules-title">{fill(i18n.t(IvcyKey::RulesTitle), &[("pulse", &p.number.to_string())])}</h4>
                    <RuleList pulse=p />
                })}
                {later.map(|n| view! {
                    <p class="note" id="ivcy-rules-later">{fill(i18n.t(IvcyKey::RulesLater), &[("pulse", &n.to_string())])}</p>
                })}
            }
            .into_any()
        }
        Err(w) => {
            view! { <p class="missing" id="ivcy-schedule-missing">{why(i18n, &w)}</p> }.into_any()
        }
    };
    // Counts on the day of the next pulse (a guard against typing slips,
    // not a clinical range).
    let day = view! {
        <h4>{i18n.tx(IvcyKey::DayCountsTitle)}</h4>
        <div class="fields">
            {bound_number(
                "ivcy-day-wbc",
                IvcyKey::DayWbc,
                Unit::Symbol("/µL"),
                (0.0, 500_000.0),
                |r| r.ivcy.next_pulse_day.wbc_per_ul,
                |r, v| r.ivcy.next_pulse_day.wbc_per_ul = v,
            )}
            {bound_number(
                "ivcy-day-neutrophils",
                IvcyKey::DayNeutrophils,
                Unit::Symbol("/µL"),
                (0.0, 500_000.0),
                |r| r.ivcy.next_pulse_day.neutrophils_per_ul,
                |r, v| r.ivcy.next_pulse_day.neutrophils_per_ul = v,
            )}
        </div>
    };
    view! {
        <section class="panel" aria-labelledby="ivcy-schedule-title">
            <h3 id="ivcy-schedule-title">{i18n.tx(IvcyKey::ScheduleTitle)}</h3>
            <div class="fields">
                <Field id="ivcy-start".to_owned() label=IvcyKey::FirstPulseLabel kind="date" value=inputs.start error=start_error />
                <Choice id="ivcy-spacing".to_owned() label=IvcyKey::Spacing options=options value=inputs.spacing />
                <Field id="ivcy-count".to_owned() label=IvcyKey::Count value=inputs.count error=count_error />
            </div>
            <p class="warning" id="ivcy-off-interval">{off_interval}</p>
            {day}
            {rows}
        </section>
    }
}

//! Planned pulse dates: first date, spacing, number of pulses.

use super::calc::Derived;
use super::plan::{from_value, parse_count, parse_date, PlanInputs, REGIMENS, SPACINGS};
use super::text::why;
use crate::format::significant;
use crate::i18n::{fill, use_i18n, IvcyKey};
use crate::tdm_ui::{Choice, Field};
use crate::widgets::data_table;
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
    let rows = move || match derived.schedule.get() {
        Ok(pulses) => {
            let total: f64 = pulses.iter().map(|p| p.dose_mg).sum();
            view! {
                {data_table(
                    "ivcy-schedule",
                    "tdm-table",
                    &[IvcyKey::ColPulse, IvcyKey::ColDate, IvcyKey::ColDose],
                    0,
                    view! {
                        {pulses
                            .into_iter()
                            .map(|p| view! {
                                <tr>
                                    <td>{p.number}</td>
                                    <td class="num">{p.date.to_string()}</td>
                                    <td class="num">{format!("{} mg", significant(p.dose_mg, 5))}</td>
                                </tr>
                            })
                            .collect_view()}
                    },
                )}
                <p id="ivcy-schedule-total">
                    {fill(i18n.t(IvcyKey::PlannedTotal), &[("grams", &significant(total / 1000.0, 3))])}
                </p>
            }
            .into_any()
        }
        Err(w) => {
            view! { <p class="missing" id="ivcy-schedule-missing">{why(i18n, &w)}</p> }.into_any()
        }
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
            {rows}
        </section>
    }
}

//! The next three days under each option (the engine's transitions):
//! continue the current dose, each advised regimen from the dose due next,
//! the hold plan — the predicted C0/C2 at each dose, by day from now.

use super::clock::display;
use super::session::Session;
use super::summary::CONC_UNIT;
use crate::format::{significant, tick};
use crate::i18n::{fill, use_i18n, DoseKey, I18n};
use crate::widgets::data_table;
use dmip_engine::tdm::view::DateTime;
use dmip_engine::tdm::{Plan, Transition};
use leptos::prelude::*;

const COLUMNS: [DoseKey; 5] = [
    DoseKey::ColOption,
    DoseKey::ColFirstDose,
    DoseKey::ColDay1,
    DoseKey::ColDay2,
    DoseKey::ColDay3,
];

/// The option in words ("hold 4 dose(s), resume with 1 mg").
pub fn plan_text(i18n: I18n, spec: &super::spec::DrugSpec, plan: &Plan) -> String {
    match plan {
        Plan::Continue => i18n.t(DoseKey::Continue).to_owned(),
        Plan::Advice { regimen, amount_mg } => fill(
            i18n.t(DoseKey::PlanAdvice),
            &[
                (
                    "regimen",
                    spec.regimen(regimen)
                        .map_or(regimen.as_str(), |r| i18n.t(r.name)),
                ),
                ("amount", &tick(*amount_mg)),
            ],
        ),
        Plan::Hold { held, resume_mg } => fill(
            i18n.t(DoseKey::PlanHold),
            &[("held", &held.to_string()), ("amount", &tick(*resume_mg))],
        ),
    }
}

/// The levels of day `day` (0, 1, 2 from now): "11/04 08:00 C0 152 ng/mL".
fn day_levels(t: &Transition, now: DateTime<chrono::FixedOffset>, day: i64) -> Vec<String> {
    t.levels
        .iter()
        .filter_map(|l| {
            let at = DateTime::parse_from_rfc3339(&l.at).ok()?;
            let hours = (at - now).num_minutes() / 60;
            (hours / 24 == day).then(|| {
                format!(
                    "{} {} {} {CONC_UNIT}",
                    at.format("%m/%d %H:%M"),
                    l.metric,
                    significant(l.value, 3)
                )
            })
        })
        .collect()
}

/// The table of the options `rows` from `now`.
fn table(
    i18n: I18n,
    spec: &super::spec::DrugSpec,
    id: String,
    rows: Vec<Transition>,
    now: Option<DateTime<chrono::FixedOffset>>,
) -> impl IntoView {
    let body = rows
        .into_iter()
        .map(|t| {
            let name = plan_text(i18n, spec, &t.plan);
            let first = t
                .first_dose
                .as_deref()
                .and_then(|f| DateTime::parse_from_rfc3339(f).ok())
                .map_or_else(|| i18n.t(DoseKey::NoLevel).to_owned(), |f| display(&f));
            let days = (0..3)
                .map(|d| {
                    let items = now.map(|n| day_levels(&t, n, d)).unwrap_or_default();
                    view! {
                        <td data-label=i18n.t(COLUMNS[2 + d as usize])>
                            <ul class="plain">{items.into_iter().map(|i| view! { <li>{i}</li> }).collect_view()}</ul>
                        </td>
                    }
                })
                .collect_view();
            view! {
                <tr>
                    <td class="lead" data-label=i18n.t(COLUMNS[0])>{name}</td>
                    <td data-label=i18n.t(COLUMNS[1])>{first}</td>
                    {days}
                </tr>
            }
        })
        .collect_view();
    data_table(id, "tdm-table stack next-days", &COLUMNS, 0, body)
}

#[component]
pub fn NextDays(session: Session) -> impl IntoView {
    let i18n = use_i18n();
    let slug = session.spec.slug;
    let rows = Memo::new(move |_| {
        session.output.with(|o| {
            o.as_ref()
                .map(|o| o.transitions.clone())
                .unwrap_or_default()
        })
    });
    view! {
        <section class="panel" aria-labelledby=format!("{slug}-next-title")>
            <h3 id=format!("{slug}-next-title")>{i18n.tx(DoseKey::NextDaysTitle)}</h3>
            <p class="note">{i18n.tx(DoseKey::NextDaysNote)}</p>
            {move || table(i18n, &session.spec, format!("{slug}-next"), rows.get(), session.now.get())}
        </section>
    }
}

//! What changes over time on the drug screen: the covariates of the model
//! in use that the record gives as steps (the prednisolone taper, an
//! azole's period). The engine's notes on them (a change of meal timing
//! starting an absorption occasion, a covariate read from the
//! co-medication list, a co-medication's quantified effect the model
//! leaves out) are in its own words: `dmip_engine::text`.

use super::session::Session;
use crate::format::tick;
use crate::i18n::{covariate_description, fill, use_i18n, I18n, Key, Lang, TimeKey};
use dmip_engine::catalog::builtin;
use dmip_engine::tdm::view::display;
use dmip_engine::tdm::{CovariateStep, TdmInput};
use leptos::prelude::*;

/// A unit of a model file in the UI language.
fn unit(i18n: I18n, unit: &str) -> String {
    match unit {
        "mg/day" => i18n.t(Key::TdmUnitMgPerDay).to_owned(),
        other => other.to_owned(),
    }
}

/// One line per covariate of the model in use that the input gives as
/// steps: "description (NAME): value since before the first dose; value
/// from …".
pub fn lines(i18n: I18n, input: &TdmInput) -> Vec<String> {
    let Some(Ok(def)) = builtin(&input.model_id) else {
        return Vec::new();
    };
    def.file
        .covariates
        .iter()
        .filter_map(|c| {
            let steps = input.covariate_steps.get(&c.name)?;
            let u = unit(i18n, &c.unit);
            let parts: Vec<String> = steps
                .iter()
                .map(|s: &CovariateStep| {
                    let value = tick(s.value);
                    match s.from {
                        None => fill(
                            i18n.t(TimeKey::OverTimeBefore),
                            &[("value", &value), ("unit", &u)],
                        ),
                        Some(t) => fill(
                            i18n.t(TimeKey::OverTimeFrom),
                            &[("value", &value), ("unit", &u), ("start", &display(&t))],
                        ),
                    }
                })
                .collect();
            let sep = match i18n.lang() {
                Lang::Ja => "、",
                Lang::En => "; ",
            };
            Some(format!(
                "{} ({}): {}",
                covariate_description(i18n.lang(), &c.description),
                c.name,
                parts.join(sep)
            ))
        })
        .collect()
}

#[component]
pub fn CovariatesOverTime(session: Session) -> impl IntoView {
    let i18n = use_i18n();
    let slug = session.spec.slug;
    let shown = move || {
        session.prepared.with(|p| match p {
            Ok((input, _)) => lines(i18n, input),
            Err(_) => Vec::new(),
        })
    };
    view! {
        <section class="panel" aria-labelledby=format!("{slug}-over-time-title")>
            <h3 id=format!("{slug}-over-time-title")>{i18n.tx(TimeKey::OverTimeTitle)}</h3>
            <ul id=format!("{slug}-over-time")>
                {move || {
                    let lines = shown();
                    if lines.is_empty() {
                        return view! { <li class="muted">{i18n.t(TimeKey::OverTimeNone)}</li> }.into_any();
                    }
                    lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view().into_any()
                }}
            </ul>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::fixed_i18n;
    use dmip_engine::record::CoMedication;
    use dmip_engine::tdm::view::DateTime;

    fn input() -> TdmInput {
        let at = |s: &str| DateTime::parse_from_rfc3339(s).expect("time");
        let patient = dmip_engine::record::PatientInfo {
            weight_kg: Some(60.0),
            prednisolone: vec![
                dmip_engine::record::PrednisoloneRow {
                    start: None,
                    mg_day: 30.0,
                },
                dmip_engine::record::PrednisoloneRow {
                    start: Some(at("2026-11-08T08:00:00+09:00")),
                    mg_day: 15.0,
                },
            ],
            comedications: vec![CoMedication::named("itraconazole")],
            ..Default::default()
        };
        let (input, _) = super::super::session::build_input(
            super::super::spec::CYCLOSPORINE,
            &Default::default(),
            &patient,
            at("2026-11-10T08:00:00+09:00"),
            20.0,
            10,
            dmip_engine::tdm::Market::Japan,
        )
        .expect("input");
        assert!(input.covariate_steps.contains_key("AZOLE"));
        input
    }

    #[test]
    fn the_taper_is_said_for_the_model_that_reads_it_in_both_languages() {
        // AZOLE is not a covariate of Press 2010: not shown.
        assert_eq!(
            lines(fixed_i18n(Lang::Ja), &input()),
            ["プレドニゾロン投与量 (PSL): 30 mg/日（初回投与より前から）、15 mg/日（2026-11-08 08:00 から）"]
        );
        assert_eq!(
            lines(fixed_i18n(Lang::En), &input()),
            ["prednisolone dose (PSL): 30 mg/day since before the first dose; 15 mg/day from 2026-11-08 08:00"]
        );
    }
}

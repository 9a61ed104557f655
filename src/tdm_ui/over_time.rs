//! What changes over time on the drug screen: the covariates of the model
//! in use that the record gives as steps (the prednisolone taper, an
//! azole's period), and the engine's notes on them in words — a change of
//! meal timing starting an absorption occasion, a covariate read from the
//! co-medication list, a co-medication's quantified effect the model
//! leaves out.

use super::session::Session;
use crate::format::tick;
use crate::i18n::{covariate_description, fill, use_i18n, DoseKey, I18n, Key, Lang, TimeKey};
use crate::safety_ui::comedication_text;
use dmip_engine::catalog::builtin;
use dmip_engine::record::CoMedication;
use dmip_engine::tdm::view::{display, DateTime};
use dmip_engine::tdm::{CovariateStep, MealTiming, TdmInput, TdmNote};
use leptos::prelude::*;

fn meal(i18n: I18n, m: MealTiming) -> &'static str {
    i18n.t(match m {
        MealTiming::BeforeMeal => DoseKey::MealBefore,
        MealTiming::AfterMeal => DoseKey::MealAfter,
    })
}

/// A clock time of a note (RFC 3339) as the tables show it.
fn when(text: &str) -> String {
    DateTime::parse_from_rfc3339(text).map_or_else(|_| text.to_owned(), |t| display(&t))
}

/// A note of this module's kind in the UI language (`text::note` passes
/// them on); `None` for the others.
pub fn note(i18n: I18n, n: &TdmNote) -> Option<String> {
    let lang = i18n.lang();
    Some(match n {
        TdmNote::AbsorptionOccasion {
            row,
            from,
            before,
            after,
            parameters,
            levels,
        } => {
            let key = if *levels == 0 {
                TimeKey::NoteOccasionNoLevel
            } else {
                TimeKey::NoteOccasionLevels
            };
            fill(
                i18n.t(key),
                &[
                    ("row", &(row + 1).to_string()),
                    ("from", &when(from)),
                    ("before", meal(i18n, *before)),
                    ("after", meal(i18n, *after)),
                    ("parameters", &parameters.join(", ")),
                    ("levels", &levels.to_string()),
                ],
            )
        }
        TdmNote::FromComedications {
            covariate,
            names,
            after_stop_h,
        } => fill(
            i18n.t(TimeKey::NoteFromComeds),
            &[
                ("covariate", covariate),
                ("names", &names.join(list_gap(lang))),
                ("days", &tick(after_stop_h / 24.0)),
            ],
        ),
        TdmNote::Unmodelled {
            name,
            drug_en,
            drug_ja,
            start,
            stop,
            effect,
        } => {
            let clock = |t: &Option<String>| {
                t.as_deref()
                    .and_then(|t| DateTime::parse_from_rfc3339(t).ok())
            };
            let entry = CoMedication {
                name: name.clone(),
                start: clock(start),
                stop: clock(stop),
            };
            let (drug, text) = match lang {
                Lang::Ja => (drug_ja, &effect.ja),
                Lang::En => (drug_en, &effect.en),
            };
            fill(
                i18n.t(TimeKey::NoteUnmodelled),
                &[
                    ("name", &comedication_text(i18n, &entry)),
                    ("drug", drug),
                    ("effect", text),
                    ("source", effect.source.citation()),
                ],
            )
        }
        _ => return None,
    })
}

fn list_gap(lang: Lang) -> &'static str {
    match lang {
        Lang::Ja => "、",
        Lang::En => ", ",
    }
}

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
    use dmip_engine::clinical::interactions::{effects::quantified, Subject};

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

    #[test]
    fn notes_read_in_both_languages() {
        let occasion = TdmNote::AbsorptionOccasion {
            row: 1,
            from: "2026-11-03T08:00:00+09:00".into(),
            before: MealTiming::AfterMeal,
            after: MealTiming::BeforeMeal,
            parameters: vec!["CL".into(), "KA".into(), "ALAG".into()],
            levels: 0,
        };
        assert_eq!(
            note(fixed_i18n(Lang::Ja), &occasion).as_deref(),
            Some("投与歴 2 行目（2026-11-03 08:00 から）で服用タイミングが食後から食前に変わります。CL, KA, ALAG の機会間変動は新しい機会として扱い、変更前の測定値から推定した吸収は引き継ぎません。新しいタイミングでの測定値がないため、変更後は集団の値で予測しています。")
        );
        let effect = quantified(Subject::Tacrolimus, "itraconazole").expect("figure");
        let unmodelled = TdmNote::Unmodelled {
            name: "イトリゾール".into(),
            drug_en: "itraconazole".into(),
            drug_ja: "イトラコナゾール".into(),
            start: Some("2026-11-02T08:00:00+09:00".into()),
            stop: None,
            effect: effect.clone(),
        };
        assert_eq!(
            note(fixed_i18n(Lang::Ja), &unmodelled),
            Some(format!(
                "イトリゾール（2026-11-02 08:00 から）（イトラコナゾール）：このモデルには対応する共変量がなく、予測には次の影響が含まれていません：{}（{}）。",
                effect.ja,
                effect.source.citation()
            ))
        );
        assert!(
            note(fixed_i18n(Lang::En), &unmodelled).is_some_and(|t| t.starts_with(
                "イトリゾール (from 2026-11-02 08:00) (itraconazole): the model has no covariate"
            ))
        );
        let from = TdmNote::FromComedications {
            covariate: "AZOLE".into(),
            names: vec!["イトリゾール".into(), "VRCZ".into()],
            after_stop_h: 168.0,
        };
        assert_eq!(
            note(fixed_i18n(Lang::En), &from).as_deref(),
            Some("AZOLE is set from the co-medication list: イトリゾール, VRCZ; 1 from the start until 7 days after the stop (the model's definition).")
        );
        assert!(note(
            fixed_i18n(Lang::En),
            &TdmNote::Implausible {
                level: 0,
                value: 1.0
            }
        )
        .is_none());
    }
}

//! The tacrolimus starting dose before any level, beside the screen's own
//! advice: the Japanese label regimen, the models' average a priori and the
//! Japanese DM-ILD formula as a small-sample check
//! (`dmip_engine::tdm::starting_dose`).

use super::session::Session;
use crate::format::{significant, tick};
use crate::i18n::{fill, use_i18n, I18n, Key, PopKey};
use dmip_engine::dose::{Metric, Range};
use dmip_engine::record::{Cyp3a5, PatientInfo};
use dmip_engine::tdm::starting_dose::{StartingDose, TwiceDaily};
use dmip_engine::tdm::{defaults, starting_dose, Drug, StartQuestion};
use leptos::prelude::*;

/// The three answers for the record (`None` without a usable weight).
pub fn start_for(p: &PatientInfo, target: Option<Range>, models: &[&str]) -> Option<StartingDose> {
    let weight = p.weight_kg.filter(|w| w.is_finite() && *w > 0.0)?;
    let target = target
        .filter(|t| t.metric == Metric::C0)
        .unwrap_or(defaults(Drug::Tacrolimus).aim.range);
    starting_dose(&StartQuestion {
        weight_kg: weight,
        height_cm: p.height_cm,
        sex: p.sex,
        cyp3a5: match p.cyp3a5 {
            Cyp3a5::Expresser => Some(1.0),
            Cyp3a5::NonExpresser => Some(0.0),
            Cyp3a5::Unknown => None,
        },
        target,
        models,
    })
    .ok()
}

fn capped(i18n: I18n, d: &TwiceDaily) -> &'static str {
    if d.capped {
        i18n.t(PopKey::StartCapped)
    } else {
        ""
    }
}

/// The sentences, in order: label, average, formula (each genotype).
pub fn sentences(i18n: I18n, s: &StartingDose) -> Vec<String> {
    let mut out = vec![fill(
        i18n.t(PopKey::StartLabel),
        &[
            ("dose", &tick(s.label.amount_mg)),
            ("exact", &significant(s.label.exact_mg, 3)),
            ("capped", capped(i18n, &s.label)),
        ],
    )];
    if let Some(a) = &s.averaged {
        let models: Vec<String> = a
            .models
            .iter()
            .filter_map(|m| {
                let d = m.dose.as_ref()?;
                Some(fill(
                    i18n.t(PopKey::StartModel),
                    &[("name", &m.name), ("dose", &tick(d.amount_mg))],
                ))
            })
            .collect();
        out.push(fill(
            i18n.t(PopKey::StartAveraged),
            &[
                ("dose", &tick(a.dose.amount_mg)),
                ("c0", &significant(a.predicted_c0, 3)),
                ("aim", &tick(s.aim)),
                ("models", &models.join(i18n.t(Key::ListSeparator))),
                ("capped", capped(i18n, &a.dose)),
            ],
        ));
        if s.cyp3a5_assumed {
            out.push(i18n.t(PopKey::StartGenotypeAssumed).to_owned());
        }
    }
    for f in &s.formula {
        let genotype = if f.cyp3a5 == 0.0 {
            i18n.t(PopKey::NonExpresser)
        } else {
            i18n.t(PopKey::Expresser)
        };
        out.push(fill(
            i18n.t(PopKey::StartFormula),
            &[
                ("genotype", genotype),
                ("dose", &tick(f.dose.amount_mg)),
                ("daily", &significant(f.daily_mg, 3)),
                ("aim", &tick(s.aim)),
                ("divisor", &f.divisor.to_string()),
                ("capped", capped(i18n, &f.dose)),
            ],
        ));
    }
    out
}

/// Shown on the tacrolimus screen while the record has no level.
#[component]
pub fn StartingDosePanel(session: Session) -> impl IntoView {
    let i18n = use_i18n();
    let spec = session.spec;
    let slug = spec.slug;
    let shown = Memo::new(move |_| {
        if spec.drug != Drug::Tacrolimus || session.drug.with(|d| !d.levels.is_empty()) {
            return None;
        }
        let target = session
            .prepared
            .with(|p| p.as_ref().ok().map(|(input, _)| input.target));
        Some(
            session
                .patient
                .with(|p| start_for(p, target, spec.models())),
        )
    });
    move || {
        shown.get().map(|start| {
            let body = match &start {
                Some(s) => {
                    let items = sentences(i18n, s)
                        .into_iter()
                        .map(|l| view! { <li>{l}</li> })
                        .collect_view();
                    view! {
                        <ul id=format!("{slug}-start")>{items}</ul>
                        <p class="note">{fill(i18n.t(PopKey::Source), &[("source", s.label_source)])}</p>
                        <p class="note">{fill(i18n.t(PopKey::Source), &[("source", s.formula_source)])}</p>
                    }
                    .into_any()
                }
                None => view! { <p class="muted" id=format!("{slug}-start")>{i18n.t(PopKey::StartNoWeight)}</p> }.into_any(),
            };
            view! {
                <section class="panel" aria-labelledby=format!("{slug}-start-title")>
                    <h3 id=format!("{slug}-start-title")>{i18n.tx(PopKey::StartTitle)}</h3>
                    {body}
                </section>
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{fixed_i18n, Lang};
    use dmip_engine::clinical::body::Sex;

    const TAC: [&str; 3] = [
        "woillard2011_tac",
        "monchaud2012_tac",
        "kirubakaran2022_tac",
    ];

    fn woman_55(cyp3a5: Cyp3a5) -> PatientInfo {
        PatientInfo {
            weight_kg: Some(55.0),
            height_cm: Some(158.0),
            sex: Some(Sex::Female),
            cyp3a5,
            ..PatientInfo::default()
        }
    }

    #[test]
    fn the_three_starting_doses_in_both_languages() {
        let s = start_for(&woman_55(Cyp3a5::NonExpresser), None, &TAC).expect("weight given");
        let en = sentences(fixed_i18n(Lang::En), &s);
        assert_eq!(
            en[0],
            "Label: 2 mg twice daily after breakfast and dinner (0.0375 mg/kg = 2.06 mg, in 0.5-mg \
             steps, at most 0.3 mg/kg/day)."
        );
        assert!(
            en[1].starts_with("Models' average a priori (no level, equal weights): ")
                && en[1].contains("for the aim 7.5 ng/mL; Woillard 2011 "),
            "{}",
            en[1]
        );
        assert_eq!(
            en[2],
            "Japanese DM-ILD dose formula (a check from a small sample): non-expresser (*3/*3): \
             1.5 mg every 12 h (2.73 mg/day = aim 7.5 × weight ÷ 151.1)."
        );
        assert_eq!(en.len(), 3, "genotype known: no assumption, one formula");
        let ja = sentences(fixed_i18n(Lang::Ja), &s);
        assert_eq!(
            ja[2],
            "日本人 DM-ILD の用量式（少数例での確認用）：非発現型（*3/*3）：1回 1.5 mg、12 時間ごと\
             （1日 2.73 mg = 目標 7.5 × 体重 ÷ 151.1）。"
        );
        // Unknown genotype: the assumption said, both formulas.
        let s = start_for(&woman_55(Cyp3a5::Unknown), None, &TAC).expect("weight given");
        let en = sentences(fixed_i18n(Lang::En), &s);
        assert_eq!(en.len(), 5, "{en:?}");
        assert!(en[2].starts_with("CYP3A5 unknown"));
        assert!(
            en[4].contains("expresser (*1 carrier): 2.5 mg every 12 h"),
            "{}",
            en[4]
        );
        // No weight: nothing to compute.
        assert!(start_for(&PatientInfo::default(), None, &TAC).is_none());
    }
}

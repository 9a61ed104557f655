//! The engine's fit check in words, for the headline: keep the dose of an
//! in-range patient (or why the model would change it), and, when the
//! model does not fit the levels, why, with the patient's own-level dose;
//! for a high level, the plan: hold, until when, and what to resume with.

use super::clock::display;
use super::spec::DrugSpec;
use super::text::label_text;
use crate::format::{percent, significant, tick};
use crate::i18n::{fill, AvgKey, I18n, Key};
use dmip_engine::tdm::fit_check::CHANGE_AT_PROBABILITY;
use dmip_engine::tdm::view::DateTime;
use dmip_engine::tdm::{
    FitCheck, FitCheckWarning, HoldPlan, LevelRow, ModelAnswer, Plan, TdmOutput,
};

/// The regimen of a dosing interval in words (the drug's regimen of that
/// interval, else "every N h").
fn regimen_name(i18n: I18n, spec: DrugSpec, interval_h: f64) -> String {
    spec.regimens
        .iter()
        .find(|r| (r.choice.interval_h - interval_h).abs() < 1e-9)
        .map_or_else(
            || fill(i18n.t(Key::TdmEveryHours), &[("hours", &tick(interval_h))]),
            |r| i18n.t(r.name).to_owned(),
        )
}

/// "C2 900 ng/mL" of level `i`.
fn level_text(i18n: I18n, levels: &[LevelRow], i: usize, value: f64) -> String {
    let label = levels.get(i).map_or("", |l| label_text(i18n, l.label));
    format!("{label} {} ng/mL", significant(value, 3))
}

/// Whether the headline should say "keep the current dose" instead of the
/// model's suggestion.
pub fn keeps(check: &FitCheck) -> bool {
    check.keep.as_ref().is_some_and(|k| k.keep)
}

/// The sentence on an in-range patient's dose: keep it, or why the model
/// (fitting the levels; `averaged`: the models' average) would change it.
pub fn keep_sentence(
    i18n: I18n,
    spec: DrugSpec,
    check: &FitCheck,
    averaged: bool,
) -> Option<String> {
    let k = check.keep.as_ref()?;
    let probability = percent(k.probability_in_range);
    let below = percent(k.probability_below);
    let above = percent(k.probability_above);
    let at = percent(Some(CHANGE_AT_PROBABILITY));
    let (keep, change): (&str, &str) = if averaged {
        (i18n.t(AvgKey::Keep), i18n.t(AvgKey::Change))
    } else {
        (i18n.t(Key::TdmCheckKeep), i18n.t(Key::TdmCheckChange))
    };
    Some(if k.keep {
        fill(
            keep,
            &[
                ("dose", &tick(k.current_mg)),
                ("regimen", &regimen_name(i18n, spec, k.interval_h)),
                ("probability", &probability),
                ("below", &below),
                ("above", &above),
                ("at", &at),
            ],
        )
    } else {
        fill(change, &[("below", &below), ("above", &above), ("at", &at)])
    })
}

/// Why the model (`averaged`: the models' average) does not fit, and the
/// dose by the patient's own levels.
pub fn misfit_sentences(
    i18n: I18n,
    spec: DrugSpec,
    check: &FitCheck,
    levels: &[LevelRow],
    averaged: bool,
) -> Vec<String> {
    if !check.misfit() {
        return vec![];
    }
    let reasons: Vec<String> = check
        .warnings
        .iter()
        .map(|w| match w {
            FitCheckWarning::OutsideBand {
                level,
                value,
                p05,
                p95,
            } => fill(
                i18n.t(Key::TdmCheckOutsideBand),
                &[
                    ("level", &level_text(i18n, levels, *level, *value)),
                    ("low", &significant(*p05, 3)),
                    ("high", &significant(*p95, 3)),
                ],
            ),
            FitCheckWarning::LargeResidual { level, iwres } => {
                let value = levels
                    .get(*level)
                    .and_then(|l| l.value_ng_ml)
                    .unwrap_or(f64::NAN);
                fill(
                    i18n.t(Key::TdmCheckResidual),
                    &[
                        ("level", &level_text(i18n, levels, *level, value)),
                        ("iwres", &format!("{iwres:.1}")),
                    ],
                )
            }
            FitCheckWarning::Disagrees { pct, .. } => fill(
                i18n.t(Key::TdmCheckDisagrees),
                &[("pct", &percent(Some(pct / 100.0)))],
            ),
        })
        .collect();
    let misfit = if averaged {
        i18n.t(AvgKey::Misfit)
    } else {
        i18n.t(Key::TdmCheckMisfit)
    };
    let mut out = vec![fill(
        misfit,
        &[("reasons", &reasons.join(i18n.t(Key::ListSeparator)))],
    )];
    if let Some(p) = &check.proportional {
        out.push(fill(
            i18n.t(Key::TdmCheckProportional),
            &[
                ("level", &level_text(i18n, levels, p.level, p.observed)),
                ("current", &tick(p.current_mg)),
                (
                    "dose",
                    &p.rounded_mg
                        .map_or_else(|| significant(p.proportional_mg, 3), tick),
                ),
                ("regimen", &regimen_name(i18n, spec, p.interval_h)),
            ],
        ));
    }
    out
}

/// The other models' answers, when the model in use misses the levels:
/// "Other models: Umpierrez 2021: 150 mg, twice daily (fits the levels)."
pub fn other_models_sentence(
    i18n: I18n,
    spec: DrugSpec,
    answers: &[ModelAnswer],
) -> Option<String> {
    if answers.is_empty() {
        return None;
    }
    let each: Vec<String> = answers
        .iter()
        .map(|a| match &a.suggested {
            Some((regimen, mg)) => fill(
                i18n.t(if a.fits {
                    Key::TdmCheckOtherFits
                } else {
                    Key::TdmCheckOtherMisses
                }),
                &[
                    ("model", &a.name),
                    ("dose", &tick(*mg)),
                    (
                        "regimen",
                        spec.regimen(regimen)
                            .map_or(regimen.as_str(), |r| i18n.t(r.name)),
                    ),
                ],
            ),
            None => fill(i18n.t(Key::TdmCheckOtherNone), &[("model", &a.name)]),
        })
        .collect();
    Some(fill(
        i18n.t(Key::TdmCheckOtherModels),
        &[("answers", &each.join(i18n.t(Key::ListSeparator)))],
    ))
}

/// The plan for a high level: hold N doses until the predicted fall to the
/// threshold (clock time), then resume with the advised dose.
pub fn hold_sentence(i18n: I18n, spec: DrugSpec, hold: &HoldPlan) -> String {
    let clock = |t: &Option<String>| {
        t.as_deref()
            .and_then(|t| DateTime::parse_from_rfc3339(t).ok())
            .map_or_else(|| "-".to_owned(), |t| display(&t))
    };
    let resume = match (hold.resume_mg, &hold.resume_regimen) {
        (Some(mg), Some(id)) => fill(
            i18n.t(Key::TdmAssumedAdvice),
            &[
                ("dose", &tick(mg)),
                (
                    "regimen",
                    &spec
                        .regimen(id)
                        .map_or(id.clone(), |r| i18n.t(r.name).to_owned()),
                ),
            ],
        ),
        _ => "-".to_owned(),
    };
    let values = [
        ("metric", hold.metric.clone()),
        ("threshold", tick(hold.threshold)),
        ("at", clock(&hold.in_range_at)),
        ("n", hold.doses_to_hold.to_string()),
        ("resume_at", clock(&hold.resume_at)),
        ("resume", resume),
    ];
    let values: Vec<(&str, &str)> = values.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let key = match (hold.hours_to_range, hold.doses_to_hold) {
        (None, _) => Key::TdmHoldNotWithin,
        (Some(_), 0) => Key::TdmHoldNone,
        (Some(_), _) => Key::TdmHold,
    };
    fill(i18n.t(key), &values)
}

/// The fit check in words as the report prints it: why the model misses
/// the levels with the patient's own-level dose, the other models'
/// answers, and the hold plan.
pub fn check_sentences(
    i18n: I18n,
    spec: DrugSpec,
    out: &TdmOutput,
    levels: &[LevelRow],
) -> Vec<String> {
    let averaged = out.average.is_some();
    let mut all = misfit_sentences(i18n, spec, &out.fit_check, levels, averaged);
    all.extend(other_models_sentence(i18n, spec, &out.other_models));
    all.extend(out.hold.as_ref().map(|h| hold_sentence(i18n, spec, h)));
    all
}

/// The clock time the advised regimen `regimen` at `mg` would start (its
/// first dose as "Apply" writes it: the dose due next).
pub fn advice_start(out: &TdmOutput, regimen: &str, mg: f64) -> Option<String> {
    out.transitions
        .iter()
        .find(|t| {
            matches!(&t.plan, Plan::Advice { regimen: r, amount_mg }
                if r == regimen && (amount_mg - mg).abs() < 1e-9)
        })?
        .first_dose
        .as_deref()
        .and_then(|t| DateTime::parse_from_rfc3339(t).ok())
        .map(|t| display(&t))
}

#[cfg(test)]
mod tests {
    use super::super::spec::CYCLOSPORINE;
    use super::*;
    use crate::i18n::{fixed_i18n, Lang};

    fn answer(name: &str, suggested: Option<f64>, fits: bool) -> ModelAnswer {
        ModelAnswer {
            model_id: name.to_lowercase(),
            name: name.to_owned(),
            suggested: suggested.map(|mg| ("csa_q12h_after_meals".to_owned(), mg)),
            fits,
            objective: Some(3.2),
            error: None,
        }
    }

    #[test]
    fn the_other_models_are_named_with_their_dose_and_whether_they_fit() {
        let answers = [
            answer("Umpierrez 2021", Some(150.0), true),
            answer("Other 2020", Some(175.0), false),
            answer("Third 2019", None, false),
        ];
        assert_eq!(
            other_models_sentence(fixed_i18n(Lang::En), CYCLOSPORINE, &answers).as_deref(),
            Some(
                "Other models: Umpierrez 2021: 150 mg, twice daily after breakfast and dinner \
                 (every 12 h) (fits the levels); Other 2020: 175 mg, twice daily after breakfast \
                 and dinner (every 12 h) (also misses the levels); Third 2019: no advice."
            )
        );
        assert_eq!(
            other_models_sentence(fixed_i18n(Lang::Ja), CYCLOSPORINE, &answers[..1]).as_deref(),
            Some(
                "ほかのモデルの推奨：Umpierrez 2021：1日2回朝食後・夕食後（12 時間ごと）、1回 150 mg（測定値に合う）。"
            )
        );
        assert_eq!(
            other_models_sentence(fixed_i18n(Lang::En), CYCLOSPORINE, &[]),
            None
        );
    }
}

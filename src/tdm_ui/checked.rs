//! The engine's fit check in words, for the headline: keep the dose of an
//! in-range patient (or why the model would change it), and, when the
//! model does not fit the levels, why, with the patient's own-level dose;
//! for a high level, the plan: hold, until when, and what to resume with.

use super::spec::DrugSpec;
use super::text::label_text;
use crate::format::{percent, significant, tick};
use crate::i18n::{fill, I18n, Key};
use dmip_engine::tdm::view::{display, DateTime};
use dmip_engine::tdm::{FitCheck, FitCheckWarning, HoldPlan, LevelRow};

/// The regimen of a dosing interval in words (the drug's regimen of that
/// interval, else "every N h").
fn regimen_name(i18n: I18n, spec: DrugSpec, interval_h: f64) -> String {
    spec.regimens
        .iter()
        .find(|r| (r.interval_h - interval_h).abs() < 1e-9)
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
/// (fitting the levels) would change it.
pub fn keep_sentence(i18n: I18n, spec: DrugSpec, check: &FitCheck) -> Option<String> {
    let k = check.keep.as_ref()?;
    let probability = percent(k.probability_in_range);
    Some(if k.keep {
        fill(
            i18n.t(Key::TdmCheckKeep),
            &[
                ("dose", &tick(k.current_mg)),
                ("regimen", &regimen_name(i18n, spec, k.interval_h)),
                ("probability", &probability),
            ],
        )
    } else {
        fill(
            i18n.t(Key::TdmCheckChange),
            &[("probability", &probability)],
        )
    })
}

/// Why the model does not fit, and the dose by the patient's own levels.
pub fn misfit_sentences(
    i18n: I18n,
    spec: DrugSpec,
    check: &FitCheck,
    levels: &[LevelRow],
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
    let mut out = vec![fill(
        i18n.t(Key::TdmCheckMisfit),
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

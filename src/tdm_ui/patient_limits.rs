//! The patient fields checked against the engine's plausibility limits
//! (`dmip_engine::clinical::limits`): the message under the field, with
//! the unit question when the number fits another unit ("Did you mean
//! 35 %?"). A value refused is kept as typed in its field and never
//! reaches the record, BSA, renal function or the models.

use crate::format::parse_number;
use crate::i18n::{fill, Key, Lang, LimitKey};
use dmip_engine::clinical::limits::{check, BoundError, PatientField};
use dmip_engine::clinical::units::fmt_sig;
use dmip_engine::text::Words;

/// The number typed, when plausible for `field`.
pub fn patient_value(text: &str, field: PatientField) -> Option<f64> {
    check(field, parse_number(text)).ok()
}

/// The message under the field: none when empty or plausible.
pub fn patient_error(lang: Lang, text: &str, field: PatientField) -> Option<String> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    let e = check(field, parse_number(text)).err()?;
    Some(message(lang, text, &e))
}

fn message(lang: Lang, text: &str, e: &BoundError) -> String {
    let with = |template: &str, limit: Option<(&str, f64)>| {
        let limit = limit.map(|(name, x)| (name, fmt_sig(x)));
        let mut args = vec![("value", text)];
        if let Some((name, x)) = &limit {
            args.push((name, x.as_str()));
        }
        fill(template, &args)
    };
    match e {
        BoundError::NotANumber { .. } => with(Key::TdmErrNotNumber.text(lang), None),
        BoundError::NotPositive { .. } => with(Key::TdmErrNotAbove.text(lang), Some(("min", 0.0))),
        BoundError::Negative { .. } => with(Key::TdmErrBelowMin.text(lang), Some(("min", 0.0))),
        BoundError::Implausible {
            field,
            value,
            min,
            max,
            question,
        } => {
            let range = if value < min {
                with(LimitKey::BelowPlausible.text(lang), Some(("min", *min)))
            } else {
                with(Key::TdmErrAboveMax.text(lang), Some(("max", *max)))
            };
            let Some(q) = question else { return range };
            let other = q.other.words(lang);
            let asked = fill(
                LimitKey::Question.text(lang),
                &[
                    ("meant", &fmt_sig(q.meant)),
                    ("unit", field.unit()),
                    ("value", text),
                    ("other", other),
                ],
            );
            format!("{range} {asked}")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_haematocrit_typed_as_a_fraction_is_asked_about_and_not_used() {
        let f = PatientField::HematocritPct;
        assert_eq!(patient_value("0.35", f), None);
        assert_eq!(patient_value("35", f), Some(35.0));
        assert_eq!(
            patient_error(Lang::En, "0.35", f).as_deref(),
            Some("Must be at least 5: check the value and its unit (got “0.35”) Did you mean 35 %? “0.35” looks like a fraction.")
        );
        assert_eq!(
            patient_error(Lang::Ja, "0.35", f).as_deref(),
            Some("5 以上の数値を入力してください。値と単位を確認してください（入力：「0.35」） 35 % のことですか？「0.35」は割合（小数）の値のようです。")
        );
        assert_eq!(patient_error(Lang::En, "35", f), None);
        assert_eq!(patient_error(Lang::En, " ", f), None);
    }

    #[test]
    fn other_slips_name_the_limit() {
        assert_eq!(
            patient_error(Lang::En, "0.00001", PatientField::WeightKg).as_deref(),
            Some("Must be at least 1: check the value and its unit (got “0.00001”)")
        );
        assert_eq!(
            patient_error(Lang::En, "0", PatientField::WeightKg).as_deref(),
            Some("Must be greater than 0 (got “0”)")
        );
        assert_eq!(
            patient_error(Lang::En, "-5", PatientField::PrednisoloneMgDay).as_deref(),
            Some("Must be at least 0 (got “-5”)")
        );
        assert_eq!(
            patient_error(Lang::En, "80", PatientField::CreatinineMgDl).as_deref(),
            Some("Must be at most 20: check the value and its unit (got “80”) Did you mean 0.905 mg/dL? “80” looks like µmol/L.")
        );
        assert_eq!(
            patient_error(Lang::En, "1.58", PatientField::HeightCm).as_deref(),
            Some("Must be at least 20: check the value and its unit (got “1.58”) Did you mean 158 cm? “1.58” looks like metres.")
        );
        assert_eq!(
            patient_error(Lang::En, "abc", PatientField::AgeYears).as_deref(),
            Some("Please enter a number (got “abc”)")
        );
    }
}

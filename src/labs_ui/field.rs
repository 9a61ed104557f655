//! The labs forms' inputs (the shared `TextInput`/`SelectInput`) and the
//! number check shared by the forms (engine rules, messages in the UI
//! language).

use crate::format::{parse_number, tick};
use crate::i18n::{fill, I18n, LabKey};
use dmip_engine::clinical::analyte::Analyte;
use dmip_engine::clinical::units::{Unit, UnitSuggestion};
use dmip_engine::clinical::ClinicalError;
use dmip_engine::labs::check_entry;

/// The labelled inputs of the labs forms are the drug screens' (label and
/// unit as text).
pub use crate::tdm_ui::{SelectInput as LabSelect, TextInput as LabField};

/// What a typed value is: empty, a number (with a unit mix-up suggestion
/// when the engine sees one), or the message why it cannot be stored.
#[derive(Clone, Debug, PartialEq)]
pub enum Checked {
    Empty,
    Ok(f64, Option<UnitSuggestion>),
    Bad(String),
}

/// Checks `text` as a value of `analyte` in `unit` (engine: impossible
/// values, plausibility); messages in the UI language.
pub fn check_value(i18n: I18n, analyte: Analyte, unit: Unit, text: &str) -> Checked {
    if text.trim().is_empty() {
        return Checked::Empty;
    }
    let v = parse_number(text);
    let typed = text.trim();
    if !v.is_finite() {
        return Checked::Bad(fill(i18n.t(LabKey::ErrNumber), &[("value", typed)]));
    }
    // FiO2 typed as a fraction (0.21–1): never below 21 % as a percentage,
    // so the intent is plain; the user is shown the % value to type.
    if analyte == Analyte::FiO2 && unit == Unit::Percent && v > 0.0 && v <= 1.0 {
        return Checked::Bad(fill(
            i18n.t(LabKey::ErrFio2Fraction),
            &[("value", typed), ("percent", &tick(v * 100.0))],
        ));
    }
    match check_entry(analyte, v, unit) {
        Ok(s) => Checked::Ok(v, s),
        Err(ClinicalError::Negative { .. }) => {
            Checked::Bad(fill(i18n.t(LabKey::ErrNegative), &[("value", typed)]))
        }
        Err(ClinicalError::OutOfRange { min, max, .. }) => Checked::Bad(fill(
            i18n.t(LabKey::ErrRange),
            &[("value", typed), ("min", &tick(min)), ("max", &tick(max))],
        )),
        Err(e) => Checked::Bad(fill(i18n.t(LabKey::ErrOther), &[("error", &e.to_string())])),
    }
}

impl Checked {
    pub fn error(&self) -> Option<String> {
        match self {
            Checked::Bad(m) => Some(m.clone()),
            _ => None,
        }
    }

    pub fn value(&self) -> Option<f64> {
        match self {
            Checked::Ok(v, _) => Some(*v),
            _ => None,
        }
    }
}

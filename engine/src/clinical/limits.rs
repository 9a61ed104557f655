//! Plausibility limits of the patient fields (weight, height, serum
//! creatinine, haematocrit, albumin, age, prednisolone), owned by the
//! engine so that every screen and every computation refuses the same
//! values, and the **unit question** for a value that fits another unit
//! ("0.35 % — did you mean 35 %?").
//!
//! These are **input-plausibility limits of this project, not clinical
//! reference ranges or thresholds**, and no publication is behind them:
//! each is set wide enough that no patient this app computes for falls
//! outside, and tight enough that the usual slips (a fraction typed for a
//! percentage, metres for centimetres, grams for kilograms, g/L for g/dL,
//! µmol/L for mg/dL, a decimal point moved) fall outside. A value outside
//! is refused, named with its range, never used by a calculation; a value
//! that fits another unit is asked about ([`UnitQuestion`]), never
//! converted silently. The conversions are the units' definitions
//! (1 = 100 %, 1 m = 100 cm, 1 kg = 1000 g, 1 g/dL = 10 g/L) and, for
//! creatinine, 1 mg/dL = 88.4 µmol/L (clinical-reference §2, [V]).

use super::units::fmt_sig;
use crate::text::{Lang, Words};
use serde::{Deserialize, Serialize};

/// Creatinine µmol/L per mg/dL (clinical-reference §2, [V]).
const CREATININE_UMOL_PER_MG_DL: f64 = 88.4;

/// A patient field, in the unit it is entered in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PatientField {
    AgeYears,
    WeightKg,
    HeightCm,
    CreatinineMgDl,
    CreatinineUmolL,
    HematocritPct,
    AlbuminGDl,
    PrednisoloneMgDay,
}

impl PatientField {
    pub const ALL: [PatientField; 8] = [
        PatientField::AgeYears,
        PatientField::WeightKg,
        PatientField::HeightCm,
        PatientField::CreatinineMgDl,
        PatientField::CreatinineUmolL,
        PatientField::HematocritPct,
        PatientField::AlbuminGDl,
        PatientField::PrednisoloneMgDay,
    ];

    /// In English (both languages: `crate::text`).
    pub fn en(self) -> &'static str {
        self.words(Lang::En)
    }

    /// The unit the field is entered in.
    pub fn unit(self) -> &'static str {
        match self {
            PatientField::AgeYears => "years",
            PatientField::WeightKg => "kg",
            PatientField::HeightCm => "cm",
            PatientField::CreatinineMgDl => "mg/dL",
            PatientField::CreatinineUmolL => "µmol/L",
            PatientField::HematocritPct => "%",
            PatientField::AlbuminGDl => "g/dL",
            PatientField::PrednisoloneMgDay => "mg/day",
        }
    }

    /// The plausible range, inclusive. Rationale of each (limits of this
    /// project, see the module's note):
    /// - age 0–130 years: 0 for an infant; 130 is above the oldest
    ///   recorded human age;
    /// - weight 1–500 kg: below 1 kg is a slip (a decimal point moved,
    ///   0.00001); above 500 kg, grams typed (52000);
    /// - height 20–300 cm: the limits `body` already used; below 20, metres
    ///   typed (1.58);
    /// - creatinine 0.1–20 mg/dL (8.84–1768 µmol/L): above 20 mg/dL the
    ///   number is taken as µmol/L by the unit mix-up heuristic of
    ///   `units` already; below 0.1 mg/dL, mg/dL typed in the µmol/L field;
    /// - haematocrit 5–100 %: 100 % is the physical limit; below 5 %, a
    ///   fraction typed (0.35);
    /// - albumin 0.5–10 g/dL: 10 g/dL is above any serum total protein, so
    ///   g/L (35) falls outside; below 0.5, a decimal point moved;
    /// - prednisolone 0–2000 mg/day: above a methylprednisolone pulse
    ///   (1000 mg), so an extra digit falls outside.
    pub const fn range(self) -> (f64, f64) {
        let umol = CREATININE_UMOL_PER_MG_DL;
        match self {
            PatientField::AgeYears => (0.0, 130.0),
            PatientField::WeightKg => (1.0, 500.0),
            PatientField::HeightCm => (20.0, 300.0),
            PatientField::CreatinineMgDl => (0.1, 20.0),
            PatientField::CreatinineUmolL => (0.1 * umol, 20.0 * umol),
            PatientField::HematocritPct => (5.0, 100.0),
            PatientField::AlbuminGDl => (0.5, 10.0),
            PatientField::PrednisoloneMgDay => (0.0, 2000.0),
        }
    }

    /// 0 is a value (age, no prednisolone); else the field must be > 0.
    fn zero_allowed(self) -> bool {
        matches!(
            self,
            PatientField::AgeYears | PatientField::PrednisoloneMgDay
        )
    }

    /// The other units a number in this field may have been typed in, with
    /// the factor to this field's unit (the units' definitions: 1 kg =
    /// 1000 g, 1 m = 100 cm, 1 = 100 %, 1 g/dL = 10 g/L).
    fn other_units(self) -> &'static [(OtherUnit, f64)] {
        match self {
            PatientField::WeightKg => &[(OtherUnit::Grams, 0.001)],
            PatientField::HeightCm => &[(OtherUnit::Metres, 100.0)],
            PatientField::CreatinineMgDl => {
                &[(OtherUnit::MicromolPerLitre, 1.0 / CREATININE_UMOL_PER_MG_DL)]
            }
            PatientField::CreatinineUmolL => &[(OtherUnit::MgPerDl, CREATININE_UMOL_PER_MG_DL)],
            PatientField::HematocritPct => &[(OtherUnit::Fraction, 100.0)],
            PatientField::AlbuminGDl => &[(OtherUnit::GramsPerLitre, 0.1)],
            PatientField::AgeYears | PatientField::PrednisoloneMgDay => &[],
        }
    }
}

/// The unit a typed number seems to be in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OtherUnit {
    /// A fraction (0.35) for a percentage.
    Fraction,
    Metres,
    Grams,
    GramsPerLitre,
    MicromolPerLitre,
    MgPerDl,
}

impl OtherUnit {
    /// In English (both languages: `crate::text`).
    pub fn en(self) -> &'static str {
        self.words(Lang::En)
    }
}

/// "Did you mean 35 %?": the typed number read in `other` is `meant` in
/// the field's unit, which is within the field's range.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct UnitQuestion {
    pub other: OtherUnit,
    /// The typed number in the field's unit (rounded to 4 significant
    /// digits, as shown).
    pub meant: f64,
}

/// Why a patient value is refused.
#[derive(Clone, Debug, PartialEq, thiserror::Error, Serialize, Deserialize)]
#[serde(tag = "error", rename_all = "snake_case")]
pub enum BoundError {
    #[error("{}: please enter a number", field.en())]
    NotANumber { field: PatientField },
    #[error("{}: must be greater than 0 (got {value})", field.en())]
    NotPositive { field: PatientField, value: f64 },
    #[error("{}: cannot be negative (got {value})", field.en())]
    Negative { field: PatientField, value: f64 },
    #[error("{}: {} is outside the plausible range {}–{} {}{}", field.en(), fmt_sig(*value), fmt_sig(*min), fmt_sig(*max), field.unit(), question_en(*field, *value, question))]
    Implausible {
        field: PatientField,
        value: f64,
        min: f64,
        max: f64,
        question: Option<UnitQuestion>,
    },
}

impl BoundError {
    /// The unit question, when the value fits another unit.
    pub fn question(&self) -> Option<UnitQuestion> {
        match self {
            BoundError::Implausible { question, .. } => *question,
            _ => None,
        }
    }
}

fn question_en(field: PatientField, typed: f64, q: &Option<UnitQuestion>) -> String {
    q.map(|q| {
        format!(
            ". Did you mean {} {}? {} looks like {}.",
            fmt_sig(q.meant),
            field.unit(),
            fmt_sig(typed),
            q.other.en()
        )
    })
    .unwrap_or_default()
}

/// `value` when it is a plausible value of `field`; else why not, with the
/// unit question when the number fits another unit.
pub fn check(field: PatientField, value: f64) -> Result<f64, BoundError> {
    if !value.is_finite() {
        return Err(BoundError::NotANumber { field });
    }
    if value < 0.0 && field.zero_allowed() {
        return Err(BoundError::Negative { field, value });
    }
    if value <= 0.0 && !field.zero_allowed() {
        return Err(BoundError::NotPositive { field, value });
    }
    let (min, max) = field.range();
    if (min..=max).contains(&value) {
        return Ok(value);
    }
    let question = field
        .other_units()
        .iter()
        .map(|&(other, factor)| (other, round_sig(value * factor)))
        .find(|(_, meant)| (min..=max).contains(meant))
        .map(|(other, meant)| UnitQuestion { other, meant });
    Err(BoundError::Implausible {
        field,
        value,
        min,
        max,
        question,
    })
}

/// `value` when plausible for `field` (what a calculation may use).
pub fn plausible(field: PatientField, value: f64) -> Option<f64> {
    check(field, value).ok()
}

/// `x` to the 4 significant digits [`fmt_sig`] shows.
fn round_sig(x: f64) -> f64 {
    fmt_sig(x).parse().unwrap_or(x)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn message(field: PatientField, value: f64) -> String {
        check(field, value).map_or_else(|e| e.to_string(), |v| format!("ok {v}"))
    }

    #[test]
    fn each_field_admits_its_limits_and_refuses_just_outside() {
        for f in PatientField::ALL {
            let (min, max) = f.range();
            assert_eq!(check(f, max), Ok(max), "{f:?} max");
            assert!(check(f, max * 1.001).is_err(), "{f:?} above");
            if min > 0.0 {
                assert_eq!(check(f, min), Ok(min), "{f:?} min");
                assert!(check(f, min * 0.999).is_err(), "{f:?} below");
            } else {
                assert_eq!(check(f, 0.0), Ok(0.0), "{f:?} zero");
            }
        }
    }

    #[test]
    fn a_fraction_for_a_percentage_is_asked_about() {
        assert_eq!(
            message(PatientField::HematocritPct, 0.35),
            "haematocrit: 0.35 is outside the plausible range 5–100 %. \
             Did you mean 35 %? 0.35 looks like a fraction."
        );
        assert_eq!(
            check(PatientField::HematocritPct, 0.35)
                .unwrap_err()
                .question(),
            Some(UnitQuestion {
                other: OtherUnit::Fraction,
                meant: 35.0
            })
        );
        assert_eq!(message(PatientField::HematocritPct, 35.0), "ok 35");
    }

    #[test]
    fn other_units_are_asked_about() {
        assert_eq!(
            message(PatientField::CreatinineMgDl, 80.0),
            "serum creatinine: 80 is outside the plausible range 0.1–20 mg/dL. \
             Did you mean 0.905 mg/dL? 80 looks like µmol/L."
        );
        assert_eq!(
            message(PatientField::CreatinineUmolL, 0.9),
            "serum creatinine: 0.9 is outside the plausible range 8.84–1768 µmol/L. \
             Did you mean 79.56 µmol/L? 0.9 looks like mg/dL."
        );
        assert_eq!(
            message(PatientField::HeightCm, 1.58),
            "height: 1.58 is outside the plausible range 20–300 cm. \
             Did you mean 158 cm? 1.58 looks like metres."
        );
        assert_eq!(
            message(PatientField::WeightKg, 52000.0),
            "weight: 52000 is outside the plausible range 1–500 kg. \
             Did you mean 52 kg? 52000 looks like grams."
        );
        assert_eq!(
            message(PatientField::AlbuminGDl, 35.0),
            "serum albumin: 35 is outside the plausible range 0.5–10 g/dL. \
             Did you mean 3.5 g/dL? 35 looks like g/L."
        );
    }

    #[test]
    fn slips_that_fit_no_unit_are_refused_with_the_range() {
        assert_eq!(
            message(PatientField::WeightKg, 0.00001),
            "weight: 0.00001 is outside the plausible range 1–500 kg"
        );
        assert!(matches!(
            check(PatientField::WeightKg, 1e-320),
            Err(BoundError::Implausible {
                min: 1.0,
                max: 500.0,
                question: None,
                ..
            })
        ));
        assert_eq!(
            message(PatientField::WeightKg, 520.0),
            "weight: 520 is outside the plausible range 1–500 kg"
        );
        assert_eq!(
            message(PatientField::AgeYears, 200.0),
            "age: 200 is outside the plausible range 0–130 years"
        );
        assert_eq!(message(PatientField::WeightKg, 1.0), "ok 1");
    }

    #[test]
    fn impossible_values_say_so() {
        assert_eq!(
            message(PatientField::WeightKg, 0.0),
            "weight: must be greater than 0 (got 0)"
        );
        assert_eq!(
            message(PatientField::PrednisoloneMgDay, -5.0),
            "prednisolone: cannot be negative (got -5)"
        );
        assert_eq!(
            message(PatientField::AgeYears, f64::NAN),
            "age: please enter a number"
        );
        assert_eq!(plausible(PatientField::PrednisoloneMgDay, 0.0), Some(0.0));
    }
}

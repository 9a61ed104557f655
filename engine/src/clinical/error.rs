//! Input errors with messages a clinician understands, naming the field, and
//! the validators every clinical calculation uses.

use super::analyte::Analyte;
use serde::{Deserialize, Serialize};
use thiserror::Error;

/// A named input of a clinical calculation. Used in error messages and in the
/// lists of missing inputs that scores return instead of guessing.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    /// A laboratory value, named by its analyte.
    Lab(Analyte),
    HeightCm,
    WeightKg,
    AgeYears,
    Sex,
    Bsa,
    Dose,
    PulseCount,
    IntervalDays,
    AntiMda5,
    AntiMda5Grade,
    HrctScore,
    RpIld,
    AaDo2,
    FiO2,
    PaO2,
    PaCO2,
    BarometricPressure,
    WaterVapourPressure,
    RespiratoryQuotient,
    Value,
    Baseline,
    WbcNadir,
    Neutrophils,
    Date,
}

impl Field {
    /// English label as the UI shows it.
    pub fn en(self) -> &'static str {
        match self {
            Field::Lab(a) => a.en(),
            Field::HeightCm => "height (cm)",
            Field::WeightKg => "weight (kg)",
            Field::AgeYears => "age (years)",
            Field::Sex => "sex",
            Field::Bsa => "body surface area (m²)",
            Field::Dose => "dose",
            Field::PulseCount => "number of pulses",
            Field::IntervalDays => "interval (days)",
            Field::AntiMda5 => "anti-MDA5 antibody",
            Field::AntiMda5Grade => "anti-MDA5 grade (+/++/+++)",
            Field::HrctScore => "HRCT score",
            Field::RpIld => "rapidly progressive ILD",
            Field::AaDo2 => "A-aDO2",
            Field::FiO2 => "FiO2",
            Field::PaO2 => "PaO2",
            Field::PaCO2 => "PaCO2",
            Field::BarometricPressure => "barometric pressure",
            Field::WaterVapourPressure => "water vapour pressure",
            Field::RespiratoryQuotient => "respiratory quotient",
            Field::Value => "value",
            Field::Baseline => "baseline value",
            Field::WbcNadir => "WBC nadir",
            Field::Neutrophils => "neutrophil count",
            Field::Date => "date",
        }
    }

    /// Japanese label (terms from the project's Japanese glossary where listed).
    pub fn ja(self) -> &'static str {
        match self {
            Field::Lab(a) => a.ja(),
            Field::HeightCm => "身長 (cm)",
            Field::WeightKg => "体重 (kg)",
            Field::AgeYears => "年齢",
            Field::Sex => "性別",
            Field::Bsa => "体表面積 (m²)",
            Field::Dose => "投与量",
            Field::PulseCount => "パルス回数",
            Field::IntervalDays => "投与間隔 (日)",
            Field::AntiMda5 => "抗MDA5抗体",
            Field::AntiMda5Grade => "抗MDA5抗体 判定（+/++/+++）",
            Field::HrctScore => "HRCTスコア",
            Field::RpIld => "急速進行性間質性肺炎",
            Field::AaDo2 => "肺胞気・動脈血酸素分圧較差（A-aDO2）",
            Field::FiO2 => "FiO2",
            Field::PaO2 => "PaO2",
            Field::PaCO2 => "PaCO2",
            Field::BarometricPressure => "大気圧",
            Field::WaterVapourPressure => "水蒸気圧",
            Field::RespiratoryQuotient => "呼吸商",
            Field::Value => "値",
            Field::Baseline => "ベースライン値",
            Field::WbcNadir => "白血球数 最低値（ナディア）",
            Field::Neutrophils => "好中球数",
            Field::Date => "日付",
        }
    }
}

/// Why a clinical input was refused.
#[derive(Clone, Debug, PartialEq, Error, Serialize, Deserialize)]
#[serde(tag = "error", rename_all = "snake_case")]
pub enum ClinicalError {
    #[error("{}: please enter a number (got {value})", field.en())]
    NotFinite { field: Field, value: String },
    #[error("{}: must be greater than 0 (got {value})", field.en())]
    NotPositive { field: Field, value: f64 },
    #[error("{}: cannot be negative (got {value})", field.en())]
    Negative { field: Field, value: f64 },
    #[error("{}: {value} is outside {min}–{max}", field.en())]
    OutOfRange {
        field: Field,
        value: f64,
        min: f64,
        max: f64,
    },
    #[error("{}: the adult equation needs age ≥ 18 years (got {value})", field.en())]
    NotAdult { field: Field, value: f64 },
    #[error("{}: missing, needed for this calculation", field.en())]
    Missing { field: Field },
    #[error("{}: percent change needs a baseline other than 0", field.en())]
    ZeroBaseline { field: Field },
    #[error("{} is not a unit for {analyte}", unit)]
    UnitNotAccepted { analyte: String, unit: String },
    #[error("{name}: interactions are checked for cyclosporine and tacrolimus only")]
    UnknownDrug { name: String },
    #[error("{}: please enter a date as YYYY-MM-DD (got {value})", field.en())]
    BadDate { field: Field, value: String },
    #[error("the schedule runs past the last date the calendar can hold")]
    DateOutOfRange,
    #[error("the calculation did not give a finite number; please check the inputs")]
    NonFiniteResult,
}

pub type Result<T> = std::result::Result<T, ClinicalError>;

/// A finite number (rejects NaN and ±∞).
pub fn finite(field: Field, value: f64) -> Result<f64> {
    if value.is_finite() {
        Ok(value)
    } else {
        Err(ClinicalError::NotFinite {
            field,
            value: value.to_string(),
        })
    }
}

/// A finite number > 0.
pub fn positive(field: Field, value: f64) -> Result<f64> {
    let v = finite(field, value)?;
    if v > 0.0 {
        Ok(v)
    } else {
        Err(ClinicalError::NotPositive { field, value: v })
    }
}

/// A finite number ≥ 0.
pub fn non_negative(field: Field, value: f64) -> Result<f64> {
    let v = finite(field, value)?;
    if v >= 0.0 {
        Ok(v)
    } else {
        Err(ClinicalError::Negative { field, value: v })
    }
}

/// A finite number within `[min, max]`.
pub fn within(field: Field, value: f64, min: f64, max: f64) -> Result<f64> {
    let v = finite(field, value)?;
    if (min..=max).contains(&v) {
        Ok(v)
    } else {
        Err(ClinicalError::OutOfRange {
            field,
            value: v,
            min,
            max,
        })
    }
}

/// The value of an optional input, or `Missing` naming it.
pub fn required<T>(field: Field, value: Option<T>) -> Result<T> {
    value.ok_or(ClinicalError::Missing { field })
}

/// Guards a computed result: never hand NaN or ∞ to the UI.
pub fn finite_result(value: f64) -> Result<f64> {
    if value.is_finite() {
        Ok(value)
    } else {
        Err(ClinicalError::NonFiniteResult)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_name_the_field() {
        let e = positive(Field::WeightKg, -3.0).unwrap_err();
        assert_eq!(
            e.to_string(),
            "weight (kg): must be greater than 0 (got -3)"
        );
        let e = finite(Field::Lab(Analyte::Crp), f64::NAN).unwrap_err();
        assert_eq!(e.to_string(), "CRP: please enter a number (got NaN)");
        let e = within(Field::FiO2, 1.2, 0.21, 1.0).unwrap_err();
        assert_eq!(e.to_string(), "FiO2: 1.2 is outside 0.21–1");
    }

    #[test]
    fn validators_accept_and_reject() {
        assert_eq!(non_negative(Field::Lab(Analyte::Crp), 0.0), Ok(0.0));
        assert!(non_negative(Field::Lab(Analyte::Crp), -0.1).is_err());
        assert!(positive(Field::Lab(Analyte::Crp), 0.0).is_err());
        assert!(finite(Field::Lab(Analyte::Crp), f64::INFINITY).is_err());
        assert_eq!(required(Field::Sex, Some(1)), Ok(1));
        assert_eq!(
            required::<u8>(Field::Sex, None),
            Err(ClinicalError::Missing { field: Field::Sex })
        );
        assert!(finite_result(f64::NAN).is_err());
    }
}

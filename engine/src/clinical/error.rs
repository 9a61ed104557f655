//! Input errors with messages a clinician understands, naming the field, and
//! the validators every clinical calculation uses.

use super::analyte::Analyte;
use crate::text::{Lang, Words};
use serde::{Deserialize, Serialize};

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
    /// In English (both languages: `crate::text`).
    pub fn en(self) -> &'static str {
        self.words(Lang::En)
    }
}

/// Why a clinical input was refused (in words: `crate::text`, which is
/// also its `Display`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "error", rename_all = "snake_case")]
pub enum ClinicalError {
    NotFinite {
        field: Field,
        value: String,
    },
    NotPositive {
        field: Field,
        value: f64,
    },
    Negative {
        field: Field,
        value: f64,
    },
    OutOfRange {
        field: Field,
        value: f64,
        min: f64,
        max: f64,
    },
    NotAdult {
        field: Field,
        value: f64,
    },
    Missing {
        field: Field,
    },
    ZeroBaseline {
        field: Field,
    },
    UnitNotAccepted {
        analyte: String,
        unit: String,
    },
    UnknownDrug {
        name: String,
    },
    BadDate {
        field: Field,
        value: String,
    },
    DateOutOfRange,
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

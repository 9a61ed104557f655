//! One result typed on the safety screen: date, value, unit. Impossible
//! values are refused with the field named; a probable unit mix-up comes
//! back as a suggestion (never a refusal: the heuristics are not cut-offs).
//! Value and date are checked separately so that each field shows its own
//! message.

use crate::clinical::analyte::Analyte;
use crate::clinical::biomarkers::LabResult;
use crate::clinical::error::{non_negative, within, ClinicalError, Field, Result};
use crate::clinical::units::{check_plausibility, Measurement, Unit, UnitSuggestion};
use chrono::NaiveDate;

/// A valid result, and the unit suggestion if the value looks mistyped.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    pub result: LabResult,
    pub suggestion: Option<UnitSuggestion>,
}

/// Reads a date as `<input type=date>` gives it (YYYY-MM-DD).
pub fn parse_date(text: &str) -> Result<NaiveDate> {
    let text = text.trim();
    NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| {
        if text.is_empty() {
            ClinicalError::Missing { field: Field::Date }
        } else {
            ClinicalError::BadDate {
                field: Field::Date,
                value: text.to_string(),
            }
        }
    })
}

/// Checks `value` of `analyte` in `unit`: refuses impossible values,
/// suggests another unit when the value looks mistyped.
pub fn validate_value(analyte: Analyte, value: f64, unit: Unit) -> Result<Option<UnitSuggestion>> {
    let field = Field::Lab(analyte);
    let value = non_negative(field, value)?;
    if analyte == Analyte::Hba1c {
        // Definitional: a fraction of all haemoglobin cannot exceed 100 %.
        within(field, value, 0.0, 100.0)?;
    }
    check_plausibility(analyte, Measurement { value, unit })
}

/// Both checks; the result to store.
pub fn validate_entry(analyte: Analyte, date: &str, value: f64, unit: Unit) -> Result<Entry> {
    let suggestion = validate_value(analyte, value, unit)?;
    Ok(Entry {
        result: LabResult {
            analyte,
            date: parse_date(date)?,
            value,
            unit,
            assay: None,
        },
        suggestion,
    })
}

//! One result typed on the safety screen: date, value, unit. Impossible
//! values are refused with the field named; a probable unit mix-up comes
//! back as a suggestion (never a refusal: the heuristics are not cut-offs).

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

/// Reads `date` (YYYY-MM-DD, as `<input type=date>` gives it) and checks
/// `value` in `unit`.
pub fn validate_entry(analyte: Analyte, date: &str, value: f64, unit: Unit) -> Result<Entry> {
    let date = date.trim();
    let date = NaiveDate::parse_from_str(date, "%Y-%m-%d").map_err(|_| {
        if date.is_empty() {
            ClinicalError::Missing { field: Field::Date }
        } else {
            ClinicalError::BadDate {
                field: Field::Date,
                value: date.to_string(),
            }
        }
    })?;
    let field = Field::Lab(analyte);
    let value = non_negative(field, value)?;
    if analyte == Analyte::Hba1c {
        // Definitional: a fraction of all haemoglobin cannot exceed 100 %.
        within(field, value, 0.0, 100.0)?;
    }
    let suggestion = check_plausibility(analyte, Measurement { value, unit })?;
    Ok(Entry {
        result: LabResult {
            analyte,
            date,
            value,
            unit,
            assay: None,
        },
        suggestion,
    })
}

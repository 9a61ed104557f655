//! The rows of one analyte's table: each result with its interpretation
//! and % change from the first comparable result; and the check of a value
//! before it is stored.

use crate::clinical::analyte::Analyte;
use crate::clinical::biomarkers::{interpret, percent_change, Interpretation, LabResult};
use crate::clinical::body::Sex;
use crate::clinical::error::within;
use crate::clinical::units::{check_plausibility, convert, Measurement, Unit, UnitSuggestion};
use crate::clinical::{ClinicalError, Field, Status};

#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    /// Index in the record's `labs` (for delete).
    pub index: usize,
    pub result: LabResult,
    /// The value in the analyte's canonical unit (`None`: not convertible).
    pub canonical: Option<f64>,
    /// % change from the first comparable result (same canonical unit and
    /// assay as the first one); `None` for the first and non-comparable.
    pub change_pct: Option<f64>,
    /// The first comparable result: the baseline of the others.
    pub baseline: bool,
    pub interpretation: Result<Interpretation, ClinicalError>,
}

/// The rows of `analyte`, oldest first (entry order within a date), read
/// against the reference for a patient of `sex`.
pub fn rows(labs: &[LabResult], analyte: Analyte, sex: Option<Sex>) -> Vec<Row> {
    let mut found: Vec<(usize, &LabResult)> = labs
        .iter()
        .enumerate()
        .filter(|(_, r)| r.analyte == analyte)
        .collect();
    found.sort_by_key(|(i, r)| (r.date, *i));
    let unit = analyte.canonical_unit();
    let mut baseline: Option<(f64, &LabResult)> = None;
    found
        .into_iter()
        .map(|(index, r)| {
            let canonical = convert(analyte, r.value, r.unit, unit)
                .ok()
                .and_then(Status::available);
            let is_baseline = canonical.is_some() && baseline.is_none();
            let change_pct = match (canonical, baseline) {
                (Some(v), Some((b, first))) if first.assay == r.assay => percent_change(b, v).ok(),
                (Some(v), None) => {
                    baseline = Some((v, r));
                    None
                }
                _ => None,
            };
            Row {
                index,
                result: r.clone(),
                canonical,
                change_pct,
                baseline: is_baseline,
                interpretation: interpret(r, sex),
            }
        })
        .collect()
}

/// Checks a value before it is stored: impossible values are errors (a
/// negative value; SpO2 above 100 %; FiO2 outside 21–100 %, by definition),
/// a likely unit mix-up is a suggestion (see [`check_plausibility`]).
pub fn check_entry(
    analyte: Analyte,
    value: f64,
    unit: Unit,
) -> Result<Option<UnitSuggestion>, ClinicalError> {
    let suggestion = check_plausibility(analyte, Measurement { value, unit })?;
    match analyte {
        // Definitional: a saturation is at most 100 %; FiO2 from room air (21 %) to 100 %.
        Analyte::SpO2 => {
            within(Field::Lab(analyte), value, 0.0, 100.0)?;
        }
        Analyte::FiO2 => {
            within(Field::FiO2, value, 21.0, 100.0)?;
        }
        _ => {}
    }
    Ok(suggestion)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clinical::analyte::Assay;
    use chrono::NaiveDate;

    fn r(analyte: Analyte, day: u32, value: f64, unit: Unit, assay: Option<Assay>) -> LabResult {
        LabResult {
            analyte,
            date: NaiveDate::from_ymd_opt(2025, 2, day).unwrap_or_default(),
            value,
            unit,
            assay,
        }
    }

    #[test]
    fn kl6_rows_flag_the_limit_and_change_from_baseline() {
        let bml = || Some(Assay::Kl6BmlCleia);
        let labs = vec![
            r(Analyte::Kl6, 10, 1500.0, Unit::UPerMl, bml()),
            r(Analyte::Crp, 1, 3.0, Unit::MgPerDl, None),
            r(Analyte::Kl6, 1, 1200.0, Unit::UPerMl, bml()),
            r(Analyte::Kl6, 20, 900.0, Unit::UPerMl, Some(Assay::Kl6Hiscl)),
        ];
        let rows = rows(&labs, Analyte::Kl6, None);
        assert_eq!(
            rows.iter().map(|r| r.index).collect::<Vec<_>>(),
            vec![2, 0, 3]
        );
        assert_eq!(rows[0].change_pct, None);
        assert!(rows[0].baseline && !rows[1].baseline && !rows[2].baseline);
        assert_eq!(rows[1].change_pct, Some(25.0));
        // Another assay is not compared with the baseline.
        assert_eq!(rows[2].change_pct, None);
        let i = rows[0].interpretation.as_ref().unwrap();
        assert_eq!((i.beyond_limit, i.fold_of_limit), (Some(true), Some(2.4)));
    }

    #[test]
    fn entries_impossible_or_mixed_up() {
        let s = check_entry(Analyte::Crp, 35.0, Unit::MgPerDl)
            .unwrap()
            .unwrap();
        assert_eq!(s.suggested_unit, Unit::MgPerL);
        assert_eq!(check_entry(Analyte::Crp, 3.5, Unit::MgPerDl), Ok(None));
        assert!(matches!(
            check_entry(Analyte::SpO2, 101.0, Unit::Percent),
            Err(ClinicalError::OutOfRange { .. })
        ));
        assert!(matches!(
            check_entry(Analyte::Ldh, -1.0, Unit::UPerL),
            Err(ClinicalError::Negative { .. })
        ));
        assert!(check_entry(Analyte::FiO2, 0.21, Unit::Percent).is_err());
        assert_eq!(check_entry(Analyte::FiO2, 40.0, Unit::Percent), Ok(None));
    }
}

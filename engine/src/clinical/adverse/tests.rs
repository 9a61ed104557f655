//! Tests of the adverse-event checks: each rule against its source's
//! threshold, and the inputs it refuses.

use super::*;
use crate::clinical::error::{ClinicalError, Field};
use approx::assert_relative_eq;

fn d(m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, m, day).unwrap()
}

fn lab(analyte: Analyte, date: NaiveDate, value: f64, unit: Unit) -> LabResult {
    LabResult {
        analyte,
        date,
        value,
        unit,
        assay: None,
    }
}

fn find(checks: &[(Analyte, Result<AdverseCheck>)], a: Analyte) -> AdverseCheck {
    checks
        .iter()
        .find(|(x, _)| *x == a)
        .and_then(|(_, c)| c.clone().ok())
        .unwrap()
}

#[test]
fn creatinine_rise_across_units_uses_88_4() {
    // Baseline 0.70 mg/dL; later 88.4 µmol/L = 1.00 mg/dL (pack §2, [V]).
    let labs = [
        lab(Analyte::Creatinine, d(3, 1), 88.4, Unit::UmolPerL),
        lab(Analyte::Creatinine, d(1, 5), 0.7, Unit::MgPerDl),
        lab(Analyte::Potassium, d(2, 1), 4.1, Unit::MmolPerL),
    ];
    let c = find(
        &checks(&labs, &[Subject::Cyclosporine]),
        Analyte::Creatinine,
    );
    assert_eq!(c.unit, Unit::MgPerDl);
    assert_eq!(c.baseline.as_ref().unwrap().date, d(1, 5));
    assert_relative_eq!(c.latest.as_ref().unwrap().value, 1.0, epsilon = 1e-12);
    assert_relative_eq!(c.change.unwrap(), 0.3, epsilon = 1e-12);
    assert_relative_eq!(c.change_pct.unwrap(), 300.0 / 7.0, epsilon = 1e-9);
    assert_eq!(c.count, 2);
    assert_eq!(c.points.len(), 2);
    assert_eq!(c.points[0].change_from_baseline_pct, Some(0.0));
    assert_eq!(c.concern, Concern::Nephrotoxicity);
    assert_eq!(
        c.links,
        vec![Link {
            drug: Subject::Cyclosporine,
            concern: Concern::Nephrotoxicity,
            source: Source::JapicCyclosporine,
        }]
    );
}

#[test]
fn no_threshold_is_invented() {
    assert_eq!(
        threshold(Analyte::Creatinine).gap(),
        Some(Gap::CreatinineRiseThreshold)
    );
    for (a, _) in CHECKED.iter().skip(1) {
        assert_eq!(
            threshold(*a).gap(),
            Some(Gap::AdverseEventThreshold),
            "{a:?}"
        );
    }
    for (_, c) in checks(&[], &[]) {
        let c = c.unwrap();
        assert!(c.threshold.available().is_none());
        assert_eq!((c.baseline, c.latest, c.count), (None, None, 0));
    }
}

#[test]
fn potassium_on_tacrolimus_is_linked_to_the_prograf_label() {
    let labs = [lab(Analyte::Potassium, d(2, 1), 5.6, Unit::MmolPerL)];
    let k = find(&checks(&labs, &[Subject::Tacrolimus]), Analyte::Potassium);
    assert_relative_eq!(k.baseline.as_ref().unwrap().value, 5.6);
    assert_eq!(k.latest, None);
    assert_eq!(k.change_pct, None);
    assert_eq!(k.links.len(), 1);
    assert_eq!(k.links[0].source, Source::PrografLabel2023);
    // Off tacrolimus (no drug on): no link claimed.
    let k = find(&checks(&labs, &[]), Analyte::Potassium);
    assert!(k.links.is_empty());
    // Blood pressure: the pack ties no drug to it.
    let bp = find(
        &checks(&[], &[Subject::Tacrolimus, Subject::Cyclosporine]),
        Analyte::SystolicBp,
    );
    assert!(bp.links.is_empty());
}

#[test]
fn bad_stored_value_stays_in_its_own_check() {
    let labs = [
        lab(Analyte::Ast, d(1, 1), -3.0, Unit::UPerL),
        lab(Analyte::Alt, d(1, 1), 30.0, Unit::UPerL),
        lab(Analyte::Alt, d(1, 8), 45.0, Unit::UPerL),
    ];
    let all = checks(&labs, &[]);
    let ast = all.iter().find(|(a, _)| *a == Analyte::Ast).unwrap();
    assert!(matches!(ast.1, Err(ClinicalError::Negative { .. })));
    let alt = find(&all, Analyte::Alt);
    assert_relative_eq!(alt.change_pct.unwrap(), 50.0, epsilon = 1e-9);
    assert_relative_eq!(alt.change.unwrap(), 15.0);
}

#[test]
fn entry_refuses_impossible_values_and_suggests_units() {
    let e = validate_entry(Analyte::Creatinine, "2025-03-01", 0.9, Unit::MgPerDl).unwrap();
    assert_eq!(e.result.date, d(3, 1));
    assert_eq!(e.suggestion, None);
    // 88.4 typed as mg/dL: probably µmol/L (= 1 mg/dL).
    let e = validate_entry(Analyte::Creatinine, "2025-03-01", 88.4, Unit::MgPerDl).unwrap();
    let s = e.suggestion.unwrap();
    assert_eq!(s.suggested_unit, Unit::UmolPerL);
    assert_relative_eq!(s.reinterpreted.value, 1.0, epsilon = 1e-12);
    assert_eq!(
        validate_entry(Analyte::Potassium, "2025-03-01", -1.0, Unit::MmolPerL).unwrap_err(),
        ClinicalError::Negative {
            field: Field::Lab(Analyte::Potassium),
            value: -1.0
        }
    );
    assert!(matches!(
        validate_entry(Analyte::Hba1c, "2025-03-01", 130.0, Unit::Percent),
        Err(ClinicalError::OutOfRange { .. })
    ));
    assert_eq!(
        validate_entry(Analyte::Glucose, "", 100.0, Unit::MgPerDl).unwrap_err(),
        ClinicalError::Missing { field: Field::Date }
    );
    let e = validate_entry(Analyte::Glucose, "2025-02-30", 100.0, Unit::MgPerDl).unwrap_err();
    assert_eq!(
        e.to_string(),
        "date: please enter a date as YYYY-MM-DD (got 2025-02-30)"
    );
    assert!(validate_entry(Analyte::Glucose, "2025-02-01", f64::NAN, Unit::MgPerDl).is_err());
    assert!(matches!(
        validate_entry(Analyte::Potassium, "2025-02-01", 4.0, Unit::MgPerDl),
        Err(ClinicalError::UnitNotAccepted { .. })
    ));
}

//! Target `record`: arbitrary bytes through the record decoder
//! (`dmip_engine::record::read`, schema versions and migrations).

use dmip_engine::clinical::analyte::{Analyte, Assay};
use dmip_engine::clinical::biomarkers::LabResult;
use dmip_engine::clinical::units::Unit;
use dmip_engine::record::{
    read, write, Autoantibody, CoMedication, MyositisType, PrednisoloneRow, Treatment,
    TreatmentStart, SCHEMA_VERSION,
};

/// A record exactly as version 1 of the app wrote it (also the fixture of
/// the engine's migration tests).
pub const RECORD_V1: &str = include_str!("../../tests/reference/record_v1.json");

/// A record exactly as version 2 of the app wrote it (also a fixture of
/// the engine's migration tests).
pub const RECORD_V2: &str = include_str!("../../tests/reference/record_v2.json");

/// A current record as `write` gives it: the version-1 record migrated,
/// with a disease profile, a laboratory result, a prednisolone taper and
/// a co-medication period.
pub fn record_current() -> String {
    let Ok(mut r) = read(RECORD_V1) else {
        return String::new();
    };
    let Some(date) = chrono::NaiveDate::from_ymd_opt(2026, 11, 2) else {
        return String::new();
    };
    r.disease.myositis = Some(MyositisType::Cadm);
    r.disease.antibodies = vec![Autoantibody::Jo1, Autoantibody::Other("anti-X".into())];
    r.disease.hrct.extent_pct = Some(12.5);
    r.disease.treatment_starts = vec![TreatmentStart {
        treatment: Treatment::Tacrolimus,
        date,
    }];
    let at = |s: &str| chrono::DateTime::parse_from_rfc3339(s).ok();
    r.patient.prednisolone.push(PrednisoloneRow {
        start: at("2026-11-15T08:00:00+09:00"),
        mg_day: 20.0,
    });
    r.patient.comedications.push(CoMedication {
        name: "itraconazole".into(),
        start: at("2026-11-02T08:00:00+09:00"),
        stop: at("2026-11-20T08:00:00+09:00"),
    });
    r.labs.push(LabResult {
        analyte: Analyte::Kl6,
        date,
        value: 1234.5,
        unit: Unit::UPerMl,
        assay: Some(Assay::Kl6BmlCleia),
    });
    write(&r)
}

/// Any bytes: no panic; a record that reads is of the current schema and
/// survives `write` then `read` unchanged.
pub fn check_record(data: &[u8]) -> Result<(), String> {
    let Ok(text) = std::str::from_utf8(data) else {
        return Ok(());
    };
    let Ok(r) = read(text) else {
        return Ok(());
    };
    if r.schema != SCHEMA_VERSION {
        return Err(format!("read gave schema {} from {text}", r.schema));
    }
    let written = write(&r);
    match read(&written) {
        Ok(again) if again == r => Ok(()),
        again => Err(format!(
            "round trip changed the record:\nread:  {r:?}\nagain: {again:?}\nwritten: {written}\nfrom: {text}"
        )),
    }
}

/// Whether `data` reads as a record (for the smoke test's count).
pub fn reads_as_record(data: &[u8]) -> bool {
    std::str::from_utf8(data).is_ok_and(|t| read(t).is_ok())
}

//! Builders shared by the drug-screen tests of the engine and the app
//! (feature `test-support`): clock times, levels, dose rows, a DM-IP
//! patient and a `TdmInput` with the drug's default targets.

use crate::clinical::body::Sex;
use crate::dose::Regimen;
use crate::record::{PatientInfo, PrednisoloneRow};
use crate::tdm::{defaults, DoseRow, Drug, LevelRow, SampleLabel, TdmInput};
use chrono::{DateTime, FixedOffset};

/// A clock time written in RFC 3339 with its offset.
pub fn at(s: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(s).expect("valid time")
}

/// A measured level (no assay named).
pub fn level(time: &str, value: f64, label: SampleLabel) -> LevelRow {
    LevelRow {
        sampled: at(time),
        value_ng_ml: Some(value),
        blq: false,
        lloq_ng_ml: None,
        label,
        assay: None,
    }
}

/// `count` doses of `amount` mg every `interval` h from 1 Nov 08:00, at
/// steady state.
pub fn doses(amount: f64, interval: f64, count: u32) -> Vec<DoseRow> {
    vec![DoseRow {
        start: at("2026-11-01T08:00:00+09:00"),
        amount_mg: amount,
        interval_h: Some(interval),
        count,
        at_steady_state: true,
        formulation: None,
        ongoing: false,
        meal: None,
    }]
}

/// A regimen the advice compares.
pub fn regimen(label: &str, interval_h: f64) -> Regimen {
    Regimen {
        label: label.into(),
        interval_h,
        note: None,
    }
}

/// The input of `drug` with `model_id`, the drug's default aim and limit,
/// now 3 Nov 15:00 (+09:00), 48 h of forecast, 100 draws.
pub fn input(
    drug: Drug,
    model_id: &str,
    covariates: &[(&str, f64)],
    doses: Vec<DoseRow>,
    levels: Vec<LevelRow>,
    regimens: Vec<Regimen>,
) -> TdmInput {
    let t = defaults(drug);
    TdmInput {
        drug,
        model_id: model_id.into(),
        covariates: covariates
            .iter()
            .map(|(k, v)| ((*k).to_owned(), *v))
            .collect(),
        doses,
        covariate_steps: Default::default(),
        comedications: vec![],
        dose_changes: vec![],
        levels,
        now: at("2026-11-03T15:00:00+09:00"),
        target: t.aim.range,
        limit: t.limit.map(|l| l.range),
        regimens,
        disagreement_pct: 20.0,
        horizon_h: 48.0,
        draws: 100,
        without_band: false,
        prescribing: Default::default(),
        average: None,
    }
}

/// A 55-year-old woman, 52 kg, 156 cm, creatinine 0.7 mg/dL, haematocrit
/// 35 %, on prednisolone 40 mg/day: a typical DM-IP patient in induction.
pub fn dm_patient() -> PatientInfo {
    PatientInfo {
        age_years: Some(55.0),
        sex: Some(Sex::Female),
        weight_kg: Some(52.0),
        height_cm: Some(156.0),
        creatinine: Some(0.7),
        hematocrit_pct: Some(35.0),
        prednisolone: vec![PrednisoloneRow {
            start: None,
            mg_day: 40.0,
        }],
        ..PatientInfo::default()
    }
}

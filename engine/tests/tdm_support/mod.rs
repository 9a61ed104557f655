//! Builders shared by the drug-screen tests: clock times, levels, dose rows
//! and a `TdmInput` with the drug's default targets.
#![allow(dead_code)]

use chrono::{DateTime, FixedOffset};
use dmip_engine::dose::Regimen;
use dmip_engine::tdm::{defaults, DoseRow, Drug, LevelRow, SampleLabel, TdmInput};

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

//! Target `estimate`: bytes decoded into a valid history for the mapbayr 001
//! reference model, then the MAP fit and its prediction band.

use super::Bytes;
use dmip_engine::catalog::ModelDef;
use dmip_engine::dosing::{Dose, Event, Observation};
use dmip_engine::estimate::{prediction_band, MapOptions, Problem};
use dmip_engine::selfcheck::mapbayr001_problem;
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// Depot and central compartments of the mapbayr 001 model.
const DEPOT: usize = 1;
const CENTRAL: usize = 2;

/// Draws of the band checked (few: the fuzzer needs speed, and the order
/// of the percentiles must hold for any number).
const BAND_DRAWS: usize = 64;

/// The mapbayr 001 model (`engine/tests/reference/mapbayr001.model.toml`,
/// built in), loaded once.
pub fn mapbayr001_def() -> Option<&'static ModelDef> {
    static DEF: OnceLock<Option<ModelDef>> = OnceLock::new();
    DEF.get_or_init(|| mapbayr001_problem().map(|p| p.def))
        .as_ref()
}

impl Bytes<'_> {
    /// A dose of 100–25 600 mg, mostly into the depot: a bolus, a 1–4 h
    /// infusion, or repeated every 12 or 24 h up to 5 more times.
    fn mapbayr_dose(&mut self, time: f64) -> Dose {
        let amount = 100.0 * f64::from(1 + u16::from(self.byte()));
        let cmt = if self.byte().is_multiple_of(4) {
            CENTRAL
        } else {
            DEPOT
        };
        let dose = Dose::bolus(time, amount, cmt);
        match self.byte() % 3 {
            0 => dose,
            1 => dose.infused_over(f64::from(1 + self.byte() % 4)),
            _ => {
                let ii = if self.byte().is_multiple_of(2) {
                    12.0
                } else {
                    24.0
                };
                dose.repeated(ii, u32::from(self.byte() % 6))
            }
        }
    }

    /// A level 0.25–64 h after the first dose of 0.1–2200 mg/L (geometric
    /// steps of 4 %); one in five below an LLOQ of that value.
    fn mapbayr_level(&mut self) -> Observation {
        let time = 0.25 * f64::from(1 + u16::from(self.byte()));
        let value = 0.1 * 1.04_f64.powi(i32::from(self.byte()));
        if self.byte().is_multiple_of(5) {
            Observation::below_lloq(time, CENTRAL, value)
        } else {
            Observation::measured(time, CENTRAL, value)
        }
    }
}

/// Decodes bytes into a history the mapbayr 001 model accepts: 1–6 doses
/// from t = 0 at steps of 0–48 h, 1–6 levels after the first dose, in time
/// order (missing bytes read as 0).
pub fn mapbayr001_events_from_bytes(data: &[u8]) -> Vec<Event> {
    let mut b = Bytes(data.iter());
    let n_doses = 1 + b.byte() % 6;
    let n_levels = 1 + b.byte() % 6;
    let mut events = Vec::new();
    let mut time = 0.0;
    for i in 0..n_doses {
        if i > 0 {
            time += f64::from(b.byte() % 49);
        }
        events.push(Event::Dose(b.mapbayr_dose(time)));
    }
    for _ in 0..n_levels {
        events.push(Event::Observation(b.mapbayr_level()));
    }
    // Stable: at equal times a dose stays before a level.
    events.sort_by(|a, b| a.time().total_cmp(&b.time()));
    events
}

/// What one input gave, for the smoke test's counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EstimateOutcome {
    pub converged: bool,
    pub band: bool,
}

fn all_finite(values: &[f64]) -> bool {
    values.iter().all(|v| v.is_finite())
}

/// Target `estimate`: the decoded history must make a problem; its fit has
/// a finite η and objective, finite predictions when it converged, and a
/// band (when there is one) with finite p05 ≤ p50 ≤ p95 at every time.
pub fn estimate_outcome(data: &[u8]) -> Result<EstimateOutcome, String> {
    let def = mapbayr001_def().ok_or("the mapbayr 001 model does not load")?;
    let events = mapbayr001_events_from_bytes(data);
    let problem = Problem::new(def, events.clone(), &BTreeMap::new(), &[])
        .map_err(|e| format!("valid history refused: {e}\n{events:?}"))?;
    let fit = problem.fit(&MapOptions::default());
    if !all_finite(&fit.eta) || !fit.objective.is_finite() {
        return Err(format!(
            "η {:?}, objective {} for {events:?}",
            fit.eta, fit.objective
        ));
    }
    if fit.converged && (fit.ipred.len() != problem.levels.len() || !all_finite(&fit.ipred)) {
        return Err(format!(
            "converged with predictions {:?} for {events:?}",
            fit.ipred
        ));
    }
    let times: Vec<f64> = problem.levels.iter().map(|l| l.time).collect();
    let band = prediction_band(&problem, &fit, &times, BAND_DRAWS, 7);
    if band.as_ref().is_some_and(|b| b.len() != times.len()) {
        return Err(format!("band of {band:?} for {} times", times.len()));
    }
    for p in band.iter().flatten() {
        if !(all_finite(&[p.p05, p.p50, p.p95]) && p.p05 <= p.p50 && p.p50 <= p.p95) {
            return Err(format!("band point {p:?} for {events:?}"));
        }
    }
    Ok(EstimateOutcome {
        converged: fit.converged,
        band: band.is_some(),
    })
}

pub fn check_estimate(data: &[u8]) -> Result<(), String> {
    estimate_outcome(data).map(|_| ())
}

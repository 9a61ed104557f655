//! The curve the app shell plots: the typical subject of mapbayr's example
//! model 001 (one compartment, first-order absorption; CL 4 L/h, V 70 L,
//! KA 1 /h, as mapbayr's example states them), dosed every interval.

use super::params::{positive, Absorption, Disposition, ModelError, PkModel};
use super::simulate::{predict, Segment};
use crate::dosing::{Dose, Event, Observation};

/// mapbayr 001 typical values.
fn mapbayr001_typical() -> PkModel {
    PkModel {
        absorption: Absorption::FirstOrder { ka: 1.0 },
        disposition: Disposition::Clearance {
            cl: 4.0,
            v1: 70.0,
            peripherals: vec![],
        },
        bioavailability: 1.0,
        lag: 0.0,
        scale: 1.0,
    }
}

/// Concentration–time curve (time h, concentration dose-units/L) of
/// mapbayr 001's typical subject given `dose` every `interval_h` hours from
/// t = 0, at `points` evenly spaced times over `[0, hours]`.
pub fn demo_curve(
    dose: f64,
    interval_h: f64,
    hours: f64,
    points: usize,
) -> Result<Vec<(f64, f64)>, ModelError> {
    let dose = positive("dose", dose)?;
    let tau = positive("dosing interval", interval_h)?;
    let hours = positive("time span", hours)?;
    if points < 2 {
        return Err(ModelError::TooSmall {
            field: "number of points",
            value: points as f64,
            min: 2.0,
        });
    }
    let n_doses = (hours / tau).floor() as u32;
    let mut events = vec![Event::Dose(
        Dose::bolus(0.0, dose, 1).repeated(tau, n_doses),
    )];
    events.extend((0..points).map(|i| {
        Event::Observation(Observation::prediction(
            hours * i as f64 / (points - 1) as f64,
            2,
        ))
    }));
    let model = mapbayr001_typical();
    let segments = [Segment { from: 0.0, model }];
    let predictions = predict(&segments, &events, false)?;
    Ok(predictions.iter().map(|p| (p.time, p.conc)).collect())
}

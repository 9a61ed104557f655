//! What each fuzz target checks, in plain functions of the input bytes:
//! no panic on any input, and every prediction the engine returns is
//! finite (inputs beyond its sanity bounds must end in an error). Used by the cargo-fuzz targets in
//! `fuzz_targets/` and, on stable Rust, by `engine/tests/fuzz_smoke.rs`
//! (which includes this file as a module). The record and estimate checks
//! are in `record.rs` and `estimate.rs`.

mod estimate;
mod record;

pub use estimate::{
    check_estimate, estimate_outcome, mapbayr001_def, mapbayr001_events_from_bytes, EstimateOutcome,
};
pub use record::{check_record, reads_as_record, record_current, RECORD_V1, RECORD_V2};

use dmip_engine::catalog::{Covariates, ModelDef};
use dmip_engine::dosing::events::validate;
use dmip_engine::dosing::{Dose, Event, Observation, SteadyState};
use dmip_engine::io::nonmem;
use dmip_engine::model::{predict, Absorption, Disposition, PkModel, Segment};

/// The fixed model of the CSV and event targets: two compartments, a
/// transit chain of 3 (CMT 1–3 chain, 4 central, 5 peripheral), lag and F.
pub fn fixed_model() -> PkModel {
    PkModel {
        absorption: Absorption::Transit { n: 3, ktr: 2.5 },
        disposition: Disposition::Clearance {
            cl: 15.0,
            v1: 56.0,
            peripherals: vec![(14.0, 125.0)],
        },
        bioavailability: 0.8,
        lag: 0.25,
        scale: 1000.0,
    }
}

/// Compartments of [`fixed_model`].
pub const FIXED_CMT: usize = 5;

/// Predicts (with AUC) and checks the results: no panic, and either an
/// error or one finite prediction per observation. `Err` describes a
/// violation.
pub fn check_predict(segments: &[Segment], events: &[Event]) -> Result<(), String> {
    let Ok(predictions) = predict(segments, events, true) else {
        return Ok(());
    };
    let n_obs = events
        .iter()
        .filter(|e| matches!(e, Event::Observation(_)))
        .count();
    if predictions.len() != n_obs {
        return Err(format!(
            "{} predictions for {n_obs} observations",
            predictions.len()
        ));
    }
    let finite = |p: &&dmip_engine::model::Prediction| {
        p.conc.is_finite() && p.auc.is_none_or(f64::is_finite)
    };
    match predictions.iter().find(|p| !finite(p)) {
        Some(p) => Err(format!("non-finite prediction {p:?} for {events:?}")),
        None => Ok(()),
    }
}

fn fixed_segments() -> [Segment; 1] {
    [Segment {
        from: 0.0,
        model: fixed_model(),
    }]
}

/// Target `nonmem_csv`: any bytes through the reader, then every subject
/// that validates through the engine with [`fixed_model`].
pub fn check_nonmem_csv(data: &[u8]) -> Result<(), String> {
    let Ok(subjects) = nonmem::read(data) else {
        return Ok(());
    };
    for s in &subjects {
        if s.events.len() != s.rows.len() {
            return Err(format!(
                "subject {}: events and rows differ in length",
                s.id
            ));
        }
        if s.validate_for(FIXED_CMT).is_ok() {
            check_predict(&fixed_segments(), &s.events)?;
        }
    }
    Ok(())
}

/// A steady-state regimen with samples at 0, 2, 6 and 12 h after the dose,
/// observed in the model's central compartment.
fn regimen(central_cmt: usize) -> Vec<Event> {
    let mut events = vec![Event::Dose(
        Dose::bolus(0.0, 100.0, 1).at_steady_state(12.0),
    )];
    events.extend(
        [0.0, 2.0, 6.0, 12.0]
            .iter()
            .map(|&t| Event::Observation(Observation::prediction(t, central_cmt))),
    );
    events
}

/// Target `model_file`: any text through the model-file parser; a model
/// that parses gives a typical-patient model (covariates at their typical
/// value, or 1) that must predict a steady-state regimen.
pub fn check_model_file(data: &[u8]) -> Result<(), String> {
    let Ok(text) = std::str::from_utf8(data) else {
        return Ok(());
    };
    let Ok(def) = ModelDef::from_toml(text) else {
        return Ok(());
    };
    let cov: Covariates = def
        .file
        .covariates
        .iter()
        .map(|c| (c.name.clone(), c.typical.unwrap_or(1.0)))
        .collect();
    let _ = def.check_covariates(&cov);
    let Ok(typical) = def.typical(&cov) else {
        return Ok(());
    };
    let model = typical.model(&vec![0.0; def.n_eta()], &vec![0.0; def.n_iov()]);
    let central = model.layout(false).central_cmt();
    let segments = [Segment { from: 0.0, model }];
    check_predict(&segments, &regimen(central))
}

/// Reads bytes as a sequence of small numbers.
struct Bytes<'a>(std::slice::Iter<'a, u8>);

/// Values that break naive code.
const EDGES: [f64; 16] = [
    0.0,
    -1.0,
    1e-300,
    1e300,
    f64::NAN,
    f64::INFINITY,
    -0.0,
    0.5,
    1.0,
    12.0,
    24.0,
    1e6,
    f64::MIN_POSITIVE,
    1e-9,
    100.0,
    f64::MAX,
];

impl Bytes<'_> {
    fn byte(&mut self) -> u8 {
        self.0.next().copied().unwrap_or(0)
    }

    /// An edge value, or a small multiple of `unit`.
    fn value(&mut self, unit: f64) -> f64 {
        match self.byte() {
            b if usize::from(b) < EDGES.len() => EDGES[usize::from(b)],
            b => f64::from(b - 16) * unit,
        }
    }

    /// Mostly a compartment of [`fixed_model`], sometimes 0 or one too many.
    fn cmt(&mut self) -> usize {
        match self.byte() % 16 {
            0 => 0,
            1 => FIXED_CMT + 1,
            b => usize::from(b) % FIXED_CMT + 1,
        }
    }

    fn option(&mut self, unit: f64) -> Option<f64> {
        self.byte().is_multiple_of(4).then(|| self.value(unit))
    }

    fn dose(&mut self, time: f64) -> Dose {
        Dose {
            time,
            amount: self.value(10.0),
            cmt: self.cmt(),
            rate: self.option(5.0),
            duration: self.option(0.25),
            ii: self.value(0.5),
            addl: u32::from(self.byte() % 32),
            ss: [SteadyState::No, SteadyState::Reset, SteadyState::Add]
                [usize::from(self.byte() % 3)],
        }
    }

    fn observation(&mut self, time: f64) -> Observation {
        let cmt = self.cmt();
        match self.byte() % 4 {
            0 => Observation::measured(time, cmt, self.value(1.0)),
            1 => Observation::below_lloq(time, cmt, self.value(0.1)),
            _ => Observation::prediction(time, cmt),
        }
    }
}

/// Decodes a dosing history from bytes: mostly in time order, with every
/// field drawn from ordinary values and [`EDGES`].
pub fn events_from_bytes(data: &[u8]) -> Vec<Event> {
    let mut b = Bytes(data.iter());
    let mut events = Vec::new();
    let mut time = 0.0;
    while b.0.len() > 0 && events.len() < 64 {
        let step = b.value(0.25);
        time = if b.byte().is_multiple_of(32) {
            step
        } else {
            time + step
        };
        events.push(match b.byte() % 2 {
            0 => Event::Dose(b.dose(time)),
            _ => Event::Observation(b.observation(time)),
        });
    }
    events
}

/// Target `events`: a decoded history through `validate` and `predict`
/// with [`fixed_model`].
pub fn check_events(data: &[u8]) -> Result<(), String> {
    let events = events_from_bytes(data);
    let _ = validate(&events, FIXED_CMT);
    check_predict(&fixed_segments(), &events)
}

/// Panics on a violation (what libFuzzer records as a crash).
fn run(result: Result<(), String>) {
    if let Err(message) = result {
        panic!("{message}");
    }
}

pub fn nonmem_csv(data: &[u8]) {
    run(check_nonmem_csv(data));
}

pub fn model_file(data: &[u8]) {
    run(check_model_file(data));
}

pub fn events(data: &[u8]) {
    run(check_events(data));
}

pub fn record(data: &[u8]) {
    run(check_record(data));
}

pub fn estimate(data: &[u8]) {
    run(check_estimate(data));
}

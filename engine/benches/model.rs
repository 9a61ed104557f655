//! The exact engine: (a) 4 concentrations after 30 oral doses every 12 h,
//! for a 1-compartment and a 2-compartment first-order model and a
//! 2-compartment model with a transit chain of 3, given as one record with
//! ADDL = 29 and as 30 explicit records; the same with the matrix-exponential
//! kernel (the reference path), and along a prebuilt schedule (what MAP
//! estimation repeats per η); (b) C0 and C2 at steady state (SS = 1) for
//! Press 2010 (WT 76 kg, prednisolone 10 mg/day).
//!
//! `cargo bench -p dmip-engine --bench model -- --warm-up-time 1 --measurement-time 3`

use criterion::{criterion_group, criterion_main, Criterion};
use dmip_engine::catalog::{builtin, Covariates};
use dmip_engine::dosing::{Dose, Event, Observation};
use dmip_engine::model::{
    predict, predict_with, run, Absorption, Disposition, Method, PkModel, Schedule, Segment,
};
use std::hint::black_box;

fn model(absorption: Absorption, peripherals: Vec<(f64, f64)>) -> PkModel {
    PkModel {
        absorption,
        disposition: Disposition::Clearance {
            cl: 15.0,
            v1: 56.0,
            peripherals,
        },
        bioavailability: 0.5,
        lag: 0.0,
        scale: 1000.0,
    }
}

/// Samples 1, 2, 4 and 12 h after the 30th dose (given at 348 h).
const SAMPLES: [f64; 4] = [349.0, 350.0, 352.0, 360.0];

fn observations(central: usize) -> impl Iterator<Item = Event> {
    SAMPLES
        .iter()
        .map(move |&t| Event::Observation(Observation::prediction(t, central)))
}

/// 30 doses of 100 mg every 12 h as one record with ADDL = 29.
fn with_addl(central: usize) -> Vec<Event> {
    let dose = Dose::bolus(0.0, 100.0, 1).repeated(12.0, 29);
    std::iter::once(Event::Dose(dose))
        .chain(observations(central))
        .collect()
}

/// The same 30 doses as 30 records.
fn explicit(central: usize) -> Vec<Event> {
    (0..30)
        .map(|k| Event::Dose(Dose::bolus(12.0 * f64::from(k), 100.0, 1)))
        .chain(observations(central))
        .collect()
}

fn bench_regimens(c: &mut Criterion) {
    let models = [
        (
            "1cmt first-order",
            model(Absorption::FirstOrder { ka: 1.0 }, vec![]),
        ),
        (
            "2cmt first-order",
            model(Absorption::FirstOrder { ka: 1.0 }, vec![(14.0, 125.0)]),
        ),
        (
            "2cmt transit n=3",
            model(Absorption::Transit { n: 3, ktr: 2.0 }, vec![(14.0, 125.0)]),
        ),
    ];
    let mut group = c.benchmark_group("30 doses q12h, 4 levels");
    for (name, m) in models {
        let central = m.layout(false).central_cmt();
        let segments = [Segment {
            from: 0.0,
            model: m,
        }];
        for (form, events) in [("ADDL", with_addl(central)), ("records", explicit(central))] {
            group.bench_function(format!("{name}, {form}"), |b| {
                b.iter(|| predict(black_box(&segments), black_box(&events), false))
            });
        }
        let events = with_addl(central);
        group.bench_function(format!("{name}, ADDL, matrix exponential"), |b| {
            b.iter(|| {
                predict_with(
                    black_box(&segments),
                    black_box(&events),
                    false,
                    Method::MatrixExponential,
                )
            })
        });
        let schedule = match Schedule::new(&segments, &events) {
            Ok(s) => s,
            Err(e) => panic!("{e}"),
        };
        group.bench_function(format!("{name}, ADDL, prebuilt schedule"), |b| {
            b.iter(|| {
                run(
                    black_box(&schedule),
                    black_box(&segments),
                    false,
                    Method::Auto,
                )
            })
        });
    }
    group.finish();
}

fn bench_steady_state(c: &mut Criterion) {
    let def = match builtin("press2010_csa") {
        Some(Ok(def)) => def,
        other => panic!("press2010_csa: {other:?}"),
    };
    let cov: Covariates = [("WT".to_string(), 76.0), ("PSL".to_string(), 10.0)].into();
    let m = match def.individual(&cov, &[0.0; 3], &[0.0]) {
        Ok(m) => m,
        Err(e) => panic!("{e}"),
    };
    let central = m.layout(false).central_cmt();
    // The trough is read right after the steady-state reset (record order).
    let events = vec![
        Event::Dose(Dose::bolus(0.0, 150.0, 1).at_steady_state(12.0)),
        Event::Observation(Observation::prediction(0.0, central)),
        Event::Observation(Observation::prediction(2.0, central)),
    ];
    let segments = [Segment {
        from: 0.0,
        model: m,
    }];
    c.bench_function("Press 2010 SS=1, C0 and C2", |b| {
        b.iter(|| predict(black_box(&segments), black_box(&events), false))
    });
}

criterion_group!(benches, bench_regimens, bench_steady_state);
criterion_main!(benches);

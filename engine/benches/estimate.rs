//! MAP estimation, prediction band and dose search (the targets: MAP
//! ≤ 0.5 ms native; band + dose search ≤ 10 ms).

use criterion::{criterion_group, criterion_main, Criterion};
use dmip_engine::catalog::builtin;
use dmip_engine::dose::{recommend, Range, Regimen};
use dmip_engine::dosing::{CovariateSeries, Dose, Event, Observation};
use dmip_engine::estimate::{prediction_band, MapOptions, Problem};
use std::collections::BTreeMap;
use std::hint::black_box;

fn mapbayr001() -> Problem {
    dmip_engine::selfcheck::mapbayr001_problem().expect("valid")
}

/// Woillard 2011, Prograf 5 mg q12h: 14 doses, one trough before the 15th.
fn woillard_14_doses() -> Problem {
    let def = builtin("woillard2011_tac")
        .expect("built in")
        .expect("valid");
    let cov: BTreeMap<String, CovariateSeries> = [("HCT", 30.0), ("CYP3A5", 0.0), ("FORM", 1.0)]
        .into_iter()
        .map(|(k, v)| (k.to_string(), CovariateSeries::constant(v)))
        .collect();
    // The level in the model's central compartment (CMT 3 is a transit
    // compartment of Woillard's Erlang chain: a level there is predicted
    // as 0 and sends the fit into its rescue search).
    let central = def.compartments().1;
    let events = vec![
        Event::Dose(Dose::bolus(0.0, 5.0, 1).repeated(12.0, 13)),
        Event::Observation(Observation::measured(167.9, central, 11.2)),
    ];
    Problem::new(&def, events, &cov, &[]).expect("valid")
}

fn bench(c: &mut Criterion) {
    let opts = MapOptions::default();
    let m = mapbayr001();
    c.bench_function("MAP mapbayr001 subject 1 (3 η, 8 doses, 4 levels)", |b| {
        b.iter(|| black_box(&m).fit(&opts))
    });
    let w = woillard_14_doses();
    c.bench_function("MAP Woillard 2011 (5 η, 14 doses, 1 level)", |b| {
        b.iter(|| black_box(&w).fit(&opts))
    });
    let fit = w.fit(&opts);
    let grid: Vec<f64> = (0..=96).map(|i| 120.0 + i as f64 * 0.5).collect();
    c.bench_function("prediction band, 1000 draws × 97 times (Woillard)", |b| {
        b.iter(|| prediction_band(black_box(&w), &fit, &grid, 1000, 1))
    });
    let target = Range::parse("c0=5..10").expect("valid");
    let regimens = [
        Regimen {
            label: "q12h".into(),
            interval_h: 12.0,
            note: None,
        },
        Regimen {
            label: "q24h".into(),
            interval_h: 24.0,
            note: None,
        },
    ];
    c.bench_function("dose search, 2 regimens, 1000 draws (Woillard)", |b| {
        b.iter(|| recommend(black_box(&w), Some(&fit), &target, None, &regimens, 1000, 1))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);

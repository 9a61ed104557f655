//! Test support for the dose advice: Press 2010 on 150 mg every 12 h at
//! steady state (76 kg, prednisolone 10 mg/day), and the two regimens.
#![allow(dead_code)]

use dmip_engine::catalog::builtin;
use dmip_engine::dose::Regimen;
use dmip_engine::dosing::{CovariateSeries, Dose, Event, Observation};
use dmip_engine::estimate::Problem;
use std::collections::BTreeMap;

pub fn press_problem(levels: &[(f64, f64)]) -> Problem {
    let def = builtin("press2010_csa").expect("built in").expect("valid");
    let mut events = vec![Event::Dose(
        Dose::bolus(0.0, 150.0, 1)
            .at_steady_state(12.0)
            .repeated(12.0, 3),
    )];
    events.extend(
        levels
            .iter()
            .map(|&(t, y)| Event::Observation(Observation::measured(t, 3, y))),
    );
    events.sort_by(|a, b| a.time().total_cmp(&b.time()));
    let cov: BTreeMap<String, CovariateSeries> = [
        ("WT".to_string(), CovariateSeries::constant(76.0)),
        ("PSL".to_string(), CovariateSeries::constant(10.0)),
    ]
    .into();
    Problem::new(&def, events, &cov, &[]).expect("valid")
}

pub fn regimens() -> Vec<Regimen> {
    vec![
        Regimen {
            label: "twice daily".into(),
            interval_h: 12.0,
            note: None,
        },
        Regimen {
            label: "once daily".into(),
            interval_h: 24.0,
            note: None,
        },
    ]
}

//! The MAP search when the first answer is wrong: a level the typical
//! patient predicts as 0 (drawn before the lag time), and more starts only
//! when the first optimum is suspicious.

use dmip_engine::catalog::ModelDef;
use dmip_engine::dosing::{Dose, Event, Observation};
use dmip_engine::estimate::map::Suspicion;
use dmip_engine::estimate::{FitWarning, MapOptions, Problem};
use std::collections::BTreeMap;

/// One compartment, first-order absorption after a lag of 1 h (η on CL, V
/// and ALAG, ω² 0.09 each), proportional error of 20 %: a constructed test
/// model, not a published one.
const LAG_MODEL: &str = r#"
format = 1
id = "lag_test"
drug = "example"
name = "lag-time test model"
citation = "constructed for the engine tests"
population = "none"

[structure]
compartments = 1
absorption = "first_order"

[units]
dose = "mg"
concentration = "mg/L"
scale = 1

[parameters]
CL = { typical = 5.0, eta = "CL" }
V1 = { typical = 50.0, eta = "V" }
KA = { typical = 1.5 }
ALAG = { typical = 1.0, eta = "ALAG" }

[omega]
eta = ["CL", "V", "ALAG"]
variance = [0.09, 0.09, 0.09]

[error]
model = "proportional"
proportional_sd = 0.2
"#;

/// 100 mg at 0 h; levels at 0.6 h (before the typical lag) and 4 h.
fn early_level() -> Problem {
    let def = ModelDef::from_toml(LAG_MODEL).expect("valid");
    let events = vec![
        Event::Dose(Dose::bolus(0.0, 100.0, 1)),
        Event::Observation(Observation::measured(0.6, 2, 0.25)),
        Event::Observation(Observation::measured(4.0, 2, 1.6)),
    ];
    Problem::new(&def, events, &BTreeMap::new(), &[]).expect("valid")
}

#[test]
fn a_level_before_the_typical_lag_gives_a_finite_converged_fit() {
    let p = early_level();
    // The typical patient predicts 0 at 0.6 h: the floor (10⁻⁶ of the
    // smallest level) makes the objective finite but enormous there,
    // (0.25 − 2.5e-7)² / (0.2 · 2.5e-7)² = 2.499995e13 (+ the 4 h level,
    // ln Var and the prior, each below 10²).
    let typical = p.predict(&[0.0; 3], &p.events).expect("computable");
    assert_eq!(typical[0], 0.0);
    assert!((p.floor - 2.5e-7).abs() < 1e-20);
    let at_zero = p.objective(&[0.0; 3]);
    assert!((at_zero - 2.499995e13).abs() < 1e2, "{at_zero}");

    let fit = p.fit(&MapOptions::default());
    assert!(fit.converged, "{:?}", fit.warnings);
    assert!(
        fit.objective.is_finite() && fit.objective < 10.0,
        "{}",
        fit.objective
    );
    // The lag moved before the first level: η ALAG < ln 0.6.
    let alag = fit
        .params
        .iter()
        .find(|(k, _)| k == "ALAG")
        .expect("ALAG")
        .1;
    assert!(
        alag < 0.6 && fit.eta[2] < 0.6f64.ln(),
        "{alag} {:?}",
        fit.eta
    );
    assert!(
        fit.iwres.iter().flatten().all(|r| r.abs() < 3.0),
        "{:?}",
        fit.iwres
    );
    // A start that stays where the level is at the floor (flat objective)
    // is listed, but is not a second estimate to warn about.
    assert!(fit.start_objectives.iter().any(|f| *f > 1e13));
    assert!(
        !fit.warnings
            .iter()
            .any(|w| matches!(w, FitWarning::MultipleModes { .. })),
        "{:?}",
        fit.warnings
    );
    // No point of the prior's 4-SD box (a grid of 9 per axis) is lower.
    let sd = 0.3;
    let mut lowest = f64::INFINITY;
    for i in 0..9 {
        for j in 0..9 {
            for k in 0..9 {
                let z = |i: i32| (f64::from(i) - 4.0) * sd;
                lowest = lowest.min(p.objective(&[z(i), z(j), z(k)]));
            }
        }
    }
    assert!(
        fit.objective <= lowest + 1e-9,
        "{} vs {lowest}",
        fit.objective
    );
}

#[test]
fn an_ordinary_fit_makes_no_rescue_starts() {
    let def = ModelDef::from_toml(LAG_MODEL).expect("valid");
    let events = vec![
        Event::Dose(Dose::bolus(0.0, 100.0, 1)),
        Event::Observation(Observation::measured(2.0, 2, 1.3)),
        Event::Observation(Observation::measured(8.0, 2, 1.1)),
    ];
    let p = Problem::new(&def, events, &BTreeMap::new(), &[]).expect("valid");
    let fit = p.fit(&MapOptions::default());
    assert!(fit.converged);
    assert_eq!(fit.starts, 2);
    assert!(
        fit.restarted_because.is_empty(),
        "{:?}",
        fit.restarted_because
    );
    assert_eq!(fit.start_objectives.len(), 2);
    assert!((fit.start_objectives[0] - fit.start_objectives[1]).abs() < 1e-6);
}

#[test]
fn a_level_the_model_cannot_reach_is_a_reason_to_search_further() {
    // 1000 times the typical 4 h level.
    let def = ModelDef::from_toml(LAG_MODEL).expect("valid");
    let events = vec![
        Event::Dose(Dose::bolus(0.0, 100.0, 1)),
        Event::Observation(Observation::measured(4.0, 2, 1500.0)),
    ];
    let p = Problem::new(&def, events, &BTreeMap::new(), &[]).expect("valid");
    let fit = p.fit(&MapOptions::default());
    assert!(fit.objective.is_finite());
    assert!(fit.starts > 2, "{}", fit.starts);
    assert!(fit.restarted_because.iter().any(|s| matches!(
        s,
        Suspicion::LevelUnexplained { .. } | Suspicion::EtaBeyond { .. }
    )));
}

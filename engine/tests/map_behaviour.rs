//! MAP behaviour beyond the NONMEM reference: a priori, BLQ by M3,
//! between-occasion η, time-varying covariates, warnings, the band.

use dmip_engine::catalog::{builtin, ModelDef};
use dmip_engine::dosing::{CovariateSeries, Dose, Event, Observation};
use dmip_engine::estimate::{normal_cdf, prediction_band, FitWarning, MapOptions, Problem};
use std::collections::BTreeMap;

const MAPBAYR: &str = include_str!("reference/mapbayr001.model.toml");

fn mapbayr(levels: Vec<Observation>) -> Problem {
    let def = ModelDef::from_toml(MAPBAYR).expect("valid");
    let mut events = vec![Event::Dose(Dose::bolus(0.0, 10_000.0, 1))];
    events.extend(levels.into_iter().map(Event::Observation));
    Problem::new(&def, events, &BTreeMap::new(), &[]).expect("valid")
}

#[test]
fn without_levels_the_estimate_is_the_population() {
    let fit = mapbayr(vec![Observation::prediction(4.0, 2)]).fit(&MapOptions::default());
    assert!(fit.converged);
    assert!(fit.eta.iter().all(|e| e.abs() < 1e-6), "{:?}", fit.eta);
    assert!(fit.warnings.contains(&FitWarning::NoLevels));
    // Posterior = prior: shrinkage 1.
    for s in fit.shrinkage.iter().flatten() {
        assert!((s - 1.0).abs() < 1e-3, "{s}");
    }
}

#[test]
fn a_blq_level_enters_by_m3() {
    // Objective term of a BLQ level = −2·ln Φ((LLOQ − f)/sd).
    let p = mapbayr(vec![Observation::below_lloq(48.0, 2, 5.0)]);
    let f = p.predict(&[0.0; 3], &p.events).expect("computable")[0];
    let sd = (0.05f64).sqrt() * f;
    let want = -2.0 * normal_cdf((5.0 - f) / sd).ln();
    assert!((p.objective(&[0.0; 3]) - want).abs() < 1e-12);
    let fit = p.fit(&MapOptions::default());
    assert!(fit.warnings.contains(&FitWarning::BelowLimit { levels: 1 }));
    // A level at 48 h below 5 means faster elimination: η CL goes up.
    assert!(fit.eta[0] > 0.0, "{:?}", fit.eta);
    assert!((normal_cdf(0.0) - 0.5).abs() < 1e-16 && normal_cdf(-10.0) < 1e-22);
}

#[test]
fn a_level_the_model_cannot_explain_is_named() {
    let fit = mapbayr(vec![Observation::measured(24.0, 2, 5000.0)]).fit(&MapOptions::default());
    assert!(
        fit.warnings.iter().any(|w| matches!(
            w,
            FitWarning::LevelUnexplained { .. } | FitWarning::ParameterExtreme { .. }
        )),
        "{:?}",
        fit.warnings
    );
    let text: Vec<String> = fit.warnings.iter().map(|w| w.to_string()).collect();
    assert!(text.iter().any(|t| t.contains("SD")), "{text:?}");
}

#[test]
fn between_occasion_eta_per_occasion_with_levels() {
    let def = builtin("umpierrez2021_csa")
        .expect("built in")
        .expect("valid");
    let cov: BTreeMap<String, CovariateSeries> =
        [("CRCL".to_string(), CovariateSeries::constant(98.62))].into();
    let events = vec![
        Event::Dose(
            Dose::bolus(0.0, 150.0, 1)
                .at_steady_state(12.0)
                .repeated(12.0, 13),
        ),
        Event::Observation(Observation::measured(2.0, 2, 1300.0)),
        Event::Observation(Observation::measured(12.0, 2, 160.0)),
        Event::Observation(Observation::measured(146.0, 2, 900.0)),
    ];
    let p = Problem::new(&def, events, &cov, &[0.0, 144.0]).expect("valid");
    assert_eq!(p.n_params(), 2 + 2 * 3);
    let fit = p.fit(&MapOptions::default());
    assert!(fit.converged, "{:?}", fit.warnings);
    assert_eq!(fit.names[2], "κ KA occasion 1");
    assert_eq!(fit.names[7], "κ ALAG occasion 2");
    // Occasion 2's κ differs from occasion 1's: its level differs.
    assert!(
        (fit.eta[2..5]
            .iter()
            .zip(&fit.eta[5..8])
            .map(|(a, b)| (a - b).abs())
            .sum::<f64>())
            > 1e-3
    );
}

#[test]
fn a_covariate_change_splits_the_model_in_time() {
    // Prednisolone tapered below 20 mg/day at 48 h: Press ka and F go back up.
    let def = builtin("press2010_csa").expect("built in").expect("valid");
    let psl = CovariateSeries::new(vec![(0.0, 60.0), (48.0, 15.0)]).expect("valid");
    let cov: BTreeMap<String, CovariateSeries> = [
        ("WT".to_string(), CovariateSeries::constant(76.0)),
        ("PSL".to_string(), psl),
    ]
    .into();
    let events = vec![
        Event::Dose(Dose::bolus(0.0, 150.0, 1).repeated(12.0, 9)),
        Event::Observation(Observation::prediction(38.0, 3)),
        Event::Observation(Observation::prediction(110.0, 3)),
    ];
    let p = Problem::new(&def, events, &cov, &[]).expect("valid");
    let c = p.predict(&[0.0; 3], &p.events).expect("computable");
    // C2 under high-dose prednisolone is lower (F −22 %, ka −55 %).
    assert!(c[0] < 0.85 * c[1], "{c:?}");
}

#[test]
fn the_band_is_ordered_reproducible_and_holds_the_estimate() {
    let p = mapbayr(vec![
        Observation::measured(1.5, 2, 91.2904),
        Observation::measured(24.6, 2, 20.6671),
    ]);
    let fit = p.fit(&MapOptions::default());
    let times: Vec<f64> = (1..=48).map(|h| h as f64).collect();
    let band = prediction_band(&p, &fit, &times, 500, 42).expect("band");
    assert_eq!(
        band,
        prediction_band(&p, &fit, &times, 500, 42).expect("band")
    );
    for b in &band {
        assert!(b.p05 < b.p50 && b.p50 < b.p95, "{b:?}");
        assert!(b.p05 < b.ipred && b.ipred < b.p95, "{b:?}");
    }
    assert_ne!(
        band,
        prediction_band(&p, &fit, &times, 500, 43).expect("band")
    );
}

#[test]
fn a_missing_covariate_is_an_error_in_words() {
    let def = builtin("woillard2011_tac")
        .expect("built in")
        .expect("valid");
    let cov: BTreeMap<String, CovariateSeries> =
        [("HCT".to_string(), CovariateSeries::constant(30.0))].into();
    let e = Problem::new(&def, vec![Event::Dose(Dose::bolus(0.0, 5.0, 1))], &cov, &[])
        .expect_err("CYP3A5 and FORM missing");
    assert_eq!(
        e.to_string(),
        "CYP3A5 expresser (*1 carrier = 1, *3/*3 = 0) (CYP3A5), formulation (Prograf twice daily = 1, Advagraf once daily = 0) (FORM) are needed by this model and were not given"
    );
}

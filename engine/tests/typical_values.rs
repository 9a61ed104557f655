//! The built-in models reproduce the typical-patient steady-state values of
//! shared/clinical/poppk-models.md §4b (independent computation: matrix
//! exponential cross-checked with LSODA) to 1e-3 relative (the fixtures'
//! AUCs are trapezoids on a 0.005 h grid).

use dmip_engine::catalog::{builtin, Covariates};
use dmip_engine::dosing::{Dose, Event, Observation};
use dmip_engine::model::{predict, Segment};

struct Fixture {
    id: &'static str,
    covariates: &'static [(&'static str, f64)],
    dose_mg: f64,
    /// C0, C1, C2, C3, C4, C6 (ng/mL), then AUC0-4, AUC0-6, AUC0-12 (ng·h/mL).
    values: [f64; 9],
}

const FIXTURES: [Fixture; 4] = [
    Fixture {
        id: "press2010_csa",
        covariates: &[("WT", 76.0), ("PSL", 10.0)],
        dose_mg: 150.0,
        values: [
            188.855, 814.518, 873.195, 679.106, 509.595, 327.849, 2754.2, 3563.9, 5000.0,
        ],
    },
    Fixture {
        id: "umpierrez2021_csa",
        covariates: &[("CRCL", 98.62)],
        dose_mg: 150.0,
        values: [
            141.871, 1170.505, 1055.558, 714.436, 491.411, 274.085, 3121.7, 3851.5, 4950.5,
        ],
    },
    Fixture {
        id: "woillard2011_tac",
        covariates: &[("HCT", 35.0), ("CYP3A5", 0.0), ("FORM", 1.0)],
        dose_mg: 5.0,
        values: [
            13.407, 35.600, 28.224, 22.987, 20.396, 17.806, 105.2, 143.1, 235.8,
        ],
    },
    Fixture {
        id: "monchaud2012_tac",
        covariates: &[("CF", 0.0), ("CYP3A5", 0.0)],
        dose_mg: 5.0,
        values: [
            16.512, 42.066, 37.480, 30.401, 25.868, 20.997, 130.1, 176.3, 285.7,
        ],
    },
];

#[test]
fn builtin_models_reproduce_the_typical_steady_state_values() {
    let labels = [
        "C0", "C1", "C2", "C3", "C4", "C6", "AUC0-4", "AUC0-6", "AUC0-12",
    ];
    for fx in &FIXTURES {
        let def = builtin(fx.id).expect("built in").expect("valid");
        let cov: Covariates = fx
            .covariates
            .iter()
            .map(|(k, v)| (k.to_string(), *v))
            .collect();
        assert!(def.check_covariates(&cov).is_empty(), "{}", fx.id);
        let model = def.individual(&cov, &[], &[]).expect("covariates complete");
        let central = model.layout(false).central_cmt();
        // The trough comes after the steady-state reset, before any input reaches central.
        let mut events = vec![Event::Dose(
            Dose::bolus(0.0, fx.dose_mg, 1).at_steady_state(12.0),
        )];
        events.extend(
            [0.0, 1.0, 2.0, 3.0, 4.0, 6.0, 12.0]
                .iter()
                .map(|&t| Event::Observation(Observation::prediction(t, central))),
        );
        let p = predict(&[Segment { from: 0.0, model }], &events, true).expect("valid");
        let auc = |i: usize| p[i].auc.unwrap_or(f64::NAN) - p[0].auc.unwrap_or(f64::NAN);
        let got = [
            p[0].conc,
            p[1].conc,
            p[2].conc,
            p[3].conc,
            p[4].conc,
            p[5].conc,
            auc(4),
            auc(5),
            auc(6),
        ];
        for ((label, got), want) in labels.iter().zip(got).zip(fx.values) {
            let r = (got - want).abs() / want;
            assert!(r < 1e-3, "{} {label}: {got} vs {want}", fx.id);
        }
        // At steady state the concentration 12 h after the dose is C0 again.
        assert!(
            (p[6].conc - p[0].conc).abs() / p[0].conc < 1e-9,
            "{}",
            fx.id
        );
    }
}

#[test]
fn prednisolone_at_20_mg_lowers_press_ka_and_f() {
    let def = builtin("press2010_csa").expect("built in").expect("valid");
    let cov =
        |psl: f64| -> Covariates { [("WT".to_string(), 76.0), ("PSL".to_string(), psl)].into() };
    let low = def.typical(&cov(19.9)).expect("complete");
    let high = def.typical(&cov(20.0)).expect("complete");
    use dmip_engine::catalog::Slot;
    assert_eq!(low.value(Slot::Ktr, &[], &[]), Some(2.0));
    assert!((high.value(Slot::Ktr, &[], &[]).unwrap_or(0.0) - 0.9).abs() < 1e-12);
    assert!((high.value(Slot::F, &[], &[]).unwrap_or(0.0) - 0.39).abs() < 1e-12);
}

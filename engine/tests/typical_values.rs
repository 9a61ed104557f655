//! Typical-patient steady-state values of the four recommended CsA and
//! tacrolimus models (shared/clinical/poppk-models.md §4b, independent
//! computation: matrix exponential cross-checked with LSODA), reproduced by
//! the exact engine with the structures written out by hand. Tolerance 1e-3
//! relative (the fixtures' AUCs are trapezoids on a 0.005 h grid).

use dmip_engine::dosing::{Dose, Event, Observation};
use dmip_engine::model::{predict, Absorption, Disposition, PkModel, Segment};

struct Fixture {
    name: &'static str,
    model: PkModel,
    dose_mg: f64,
    /// C0, C1, C2, C3, C4, C6 (ng/mL) and AUC0-4, AUC0-6, AUC0-12 (ng·h/mL).
    c: [f64; 6],
    auc: [f64; 3],
}

fn two_cmt(absorption: Absorption, cl: f64, v1: f64, q: f64, v2: f64, f: f64, lag: f64) -> PkModel {
    PkModel {
        absorption,
        disposition: Disposition::Clearance { cl, v1, peripherals: vec![(q, v2)] },
        bioavailability: f,
        lag,
        scale: 1000.0,
    }
}

fn fixtures() -> Vec<Fixture> {
    vec![
        Fixture {
            // Press 2010 Table 4: depot + 1 transit at ka = 2.0, CL 15, Vc 56, Q 14, Vp 125, F 0.5; WT 76.
            name: "Press 2010, 150 mg q12h",
            model: two_cmt(Absorption::Transit { n: 2, ktr: 2.0 }, 15.0, 56.0, 14.0, 125.0, 0.5, 0.0),
            dose_mg: 150.0,
            c: [188.855, 814.518, 873.195, 679.106, 509.595, 327.849],
            auc: [2754.2, 3563.9, 5000.0],
        },
        Fixture {
            // Umpierrez 2021: ka 0.523, tlag 0.512, CL/F 30.3 (CrCL 98.62), V1 17.9, Q 17.0, V2 400.
            name: "Umpierrez 2021, 150 mg q12h",
            model: two_cmt(Absorption::FirstOrder { ka: 0.523 }, 30.3, 17.9, 17.0, 400.0, 1.0, 0.512),
            dose_mg: 150.0,
            c: [141.871, 1170.505, 1055.558, 714.436, 491.411, 274.085],
            auc: [3121.7, 3851.5, 4950.5],
        },
        Fixture {
            // Woillard 2011, Prograf: Ktr 3.34·1.53, CL 21.2, Vc 486·0.29, Q 79, Vp 271; 3 ktr steps.
            name: "Woillard 2011, Prograf 5 mg q12h",
            model: two_cmt(Absorption::Transit { n: 3, ktr: 3.34 * 1.53 }, 21.2, 486.0 * 0.29, 79.0, 271.0, 1.0, 0.0),
            dose_mg: 5.0,
            c: [13.407, 35.600, 28.224, 22.987, 20.396, 17.806],
            auc: [105.2, 143.1, 235.8],
        },
        Fixture {
            // Monchaud 2012: Ktr 7.06, CL 17.5, V1 136, Q 41.1, V2 529; 5 ktr steps.
            name: "Monchaud 2012, 5 mg q12h",
            model: two_cmt(Absorption::Transit { n: 5, ktr: 7.06 }, 17.5, 136.0, 41.1, 529.0, 1.0, 0.0),
            dose_mg: 5.0,
            c: [16.512, 42.066, 37.480, 30.401, 25.868, 20.997],
            auc: [130.1, 176.3, 285.7],
        },
    ]
}

#[test]
fn typical_steady_state_values_match_the_reference_pack() {
    let hours = [0.0, 1.0, 2.0, 3.0, 4.0, 6.0, 12.0];
    for fx in fixtures() {
        let central = fx.model.layout(false).central_cmt();
        // The trough is drawn before the steady-state dose record, the rest after it.
        let mut events = vec![
            Event::Dose(Dose::bolus(0.0, fx.dose_mg, 1).at_steady_state(12.0)),
            Event::Observation(Observation::prediction(0.0, central)),
        ];
        events.extend(hours[1..].iter().map(|&t| Event::Observation(Observation::prediction(t, central))));
        let seg = [Segment { from: 0.0, model: fx.model.clone() }];
        let p = predict(&seg, &events, true).expect("valid");
        let conc: Vec<f64> = p.iter().map(|x| x.conc).collect();
        let auc = |i: usize| p[i].auc.expect("auc") - p[0].auc.expect("auc");
        let got_c = [conc[0], conc[1], conc[2], conc[3], conc[4], conc[5]];
        let got_auc = [auc(4), auc(5), auc(6)];
        let labels = ["C0", "C1", "C2", "C3", "C4", "C6", "AUC0-4", "AUC0-6", "AUC0-12"];
        let got = got_c.iter().chain(&got_auc);
        let want = fx.c.iter().chain(&fx.auc);
        for ((label, got), want) in labels.iter().zip(got).zip(want) {
            let r = (got - want).abs() / want;
            assert!(r < 1e-3, "{} {label}: {got} vs {want}", fx.name);
        }
        // C12 at steady state is C0 again.
        assert!((conc[6] - conc[0]).abs() / conc[0] < 1e-9, "{}", fx.name);
    }
}

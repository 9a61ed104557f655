//! The exact engine against closed forms and an independent high-accuracy
//! solver, for every structure: 1/2/3 compartments × IV, first-order and
//! Erlang-chain absorption × bolus/infusion, with lag and bioavailability.

mod common;

use common::{model, reference_concentrations, rel, RefDose};
use dmip_engine::dosing::{Dose, Event, Observation};
use dmip_engine::model::{predict_with, Absorption, Disposition, Method, PkModel, Segment};

fn run(m: &PkModel, doses: &[Dose], times: &[f64]) -> Vec<f64> {
    common::predict_by(m, doses, times, false, Method::Auto)
        .into_iter()
        .map(|p| p.0)
        .collect()
}

#[test]
fn one_compartment_oral_matches_the_bateman_function() {
    let (cl, v, ka, f, dose) = (4.0, 70.0, 1.0, 0.8, 10_000.0);
    let m = PkModel {
        absorption: Absorption::FirstOrder { ka },
        disposition: Disposition::Clearance {
            cl,
            v1: v,
            peripherals: vec![],
        },
        bioavailability: f,
        lag: 0.5,
        scale: 1.0,
    };
    let times = [0.25, 0.5, 1.5, 4.4, 7.1, 24.6, 100.0];
    let got = run(&m, &[Dose::bolus(0.0, dose, 1)], &times);
    let k = cl / v;
    for (t, c) in times.iter().zip(got) {
        let tt = (t - 0.5f64).max(0.0);
        let exact = f * dose * ka / (v * (ka - k)) * ((-k * tt).exp() - (-ka * tt).exp());
        assert!(
            rel(c, exact) < 1e-12 || (exact == 0.0 && c.abs() < 1e-15),
            "t={t}: {c} vs {exact}"
        );
    }
}

#[test]
fn two_compartment_iv_bolus_matches_the_biexponential() {
    let (k10, k12, k21, v1, dose) = (0.2, 0.5, 0.1, 10.0, 100.0);
    let m = PkModel {
        absorption: Absorption::Iv,
        disposition: Disposition::Micro {
            k10,
            v1,
            peripherals: vec![(k12, k21)],
        },
        bioavailability: 1.0,
        lag: 0.0,
        scale: 1.0,
    };
    let s = k10 + k12 + k21;
    let root = (s * s - 4.0 * k10 * k21).sqrt();
    let (alpha, beta) = ((s + root) / 2.0, (s - root) / 2.0);
    let a = dose / v1 * (alpha - k21) / (alpha - beta);
    let b = dose / v1 * (k21 - beta) / (alpha - beta);
    let times = [0.1, 1.0, 5.0, 24.0, 72.0];
    let got = run(&m, &[Dose::bolus(0.0, dose, 1)], &times);
    for (t, c) in times.iter().zip(got) {
        let exact = a * (-alpha * t).exp() + b * (-beta * t).exp();
        assert!(rel(c, exact) < 1e-12, "t={t}: {c} vs {exact}");
    }
}

/// Every structure, with bolus and infusion doses, lag and F, against the
/// independent Taylor-series solver to 1e-10 relative.
#[test]
fn all_structures_agree_with_an_independent_solver() {
    let absorptions = [
        Absorption::Iv,
        Absorption::FirstOrder { ka: 0.9 },
        Absorption::Transit { n: 1, ktr: 2.0 },
        Absorption::Transit { n: 2, ktr: 2.0 },
        Absorption::Transit { n: 3, ktr: 5.11 },
        Absorption::Transit { n: 5, ktr: 7.06 },
    ];
    let times = [0.3, 1.0, 2.0, 5.5, 12.0, 13.0, 14.0, 24.0, 30.0, 47.9];
    for absorption in absorptions {
        for peripherals in 0..=2 {
            let mut m = model(absorption, peripherals);
            m.lag = 0.4;
            let doses = [
                RefDose {
                    time: 0.0,
                    amount: 150.0,
                    cmt: 1,
                    duration: 0.0,
                },
                RefDose {
                    time: 12.0,
                    amount: 100.0,
                    cmt: 1,
                    duration: 1.5,
                },
                RefDose {
                    time: 24.0,
                    amount: 150.0,
                    cmt: 1,
                    duration: 0.0,
                },
            ];
            let engine_doses: Vec<Dose> = doses
                .iter()
                .map(|d| {
                    let dose = Dose::bolus(d.time, d.amount, d.cmt);
                    if d.duration > 0.0 {
                        dose.infused_over(d.duration)
                    } else {
                        dose
                    }
                })
                .collect();
            let got = run(&m, &engine_doses, &times);
            let want = reference_concentrations(&m, &doses, &times);
            for ((t, g), w) in times.iter().zip(&got).zip(&want) {
                assert!(
                    rel(*g, *w) < 1e-10,
                    "{absorption:?}, {peripherals} peripheral(s), t={t}: {g} vs {w}"
                );
            }
        }
    }
}

/// The fast modal kernel and the matrix-exponential kernel agree on
/// concentrations and AUC for every structure, with steady state, IV
/// infusion, lag and a covariate change midway.
#[test]
fn modal_and_matrix_exponential_kernels_agree() {
    let absorptions = [
        Absorption::Iv,
        Absorption::FirstOrder { ka: 0.523 },
        Absorption::Transit { n: 2, ktr: 2.0 },
        Absorption::Transit { n: 5, ktr: 7.06 },
    ];
    for absorption in absorptions {
        for peripherals in 0..=2 {
            let mut m = model(absorption, peripherals);
            m.lag = 0.3;
            let central = m.layout(false).central_cmt();
            let mut later = m.clone();
            later.bioavailability = 0.35;
            let mut events = vec![
                Event::Dose(Dose::bolus(0.0, 150.0, 1).at_steady_state(12.0)),
                Event::Dose(Dose::bolus(12.0, 150.0, 1).repeated(12.0, 3)),
                Event::Dose(Dose::bolus(20.0, 40.0, central).infused_over(2.0)),
            ];
            for t in [0.5, 1.0, 2.0, 6.0, 11.9, 21.0, 30.0, 47.0] {
                events.push(Event::Observation(Observation::prediction(t, central)));
            }
            events.sort_by(|a, b| a.time().total_cmp(&b.time()));
            let seg = [
                Segment {
                    from: 0.0,
                    model: m.clone(),
                },
                Segment {
                    from: 24.0,
                    model: later,
                },
            ];
            let fast = predict_with(&seg, &events, true, Method::Auto).expect("valid");
            let slow = predict_with(&seg, &events, true, Method::MatrixExponential).expect("valid");
            for (f, s) in fast.iter().zip(&slow) {
                let label = format!("{absorption:?}, {peripherals} peripheral(s), t={}", f.time);
                assert!(
                    rel(f.conc, s.conc) < 1e-10,
                    "{label}: {} vs {}",
                    f.conc,
                    s.conc
                );
                let (fa, sa) = (f.auc.unwrap_or(f64::NAN), s.auc.unwrap_or(f64::NAN));
                assert!(rel(fa, sa) < 1e-9, "{label}: AUC {fa} vs {sa}");
            }
        }
    }
}

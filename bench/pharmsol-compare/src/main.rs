//! MAP per subject, dmip-engine beside pharmsol (crates.io), in one run, on
//! the same mapbayr 001 subjects: subject 1 of ../shared/reference/map
//! (8 doses of 10 000, 4 levels) and variants of it whose levels are scaled
//! per subject (deterministic factors in 0.74–1.35), so that every fit
//! differs and no cache can answer a subject from another.
//!
//! pharmsol has no MAP estimator (it solves models and gives predictions
//! and likelihoods for the nonparametric algorithms of PMcore), and its
//! assay error is a polynomial of the *observation*, not of the prediction.
//! So what is compared is the part MAP spends its time on:
//!
//! 1. One MAP objective: −2 log L of the 4 levels (proportional error,
//!    Var = 0.05·f², f the prediction) + ηᵀΩ⁻¹η. dmip: `Problem::objective`;
//!    pharmsol: its analytical one-compartment model with first-order
//!    absorption (`analytical!`, `one_compartment_with_absorption`, its
//!    fastest public path `estimate_predictions_dense`, prediction cache
//!    off) gives the 4 predictions, and the same arithmetic makes the
//!    objective.
//! 2. MAP with the same optimiser: dmip's BFGS (its MAP search's first
//!    run: from η = 0, preconditioned by Ω/2, the default tolerances) on
//!    each objective. The two must find the same η (checked).
//! 3. dmip's whole fit (`Problem::fit`: two starts, the suspicion checks,
//!    the Laplace covariance), for what a user of `dmip fit` gets.
//!
//! Single thread, release build (opt-level 3), median of several rounds
//! over all subjects.

use dmip_engine::catalog::ModelDef;
use dmip_engine::estimate::optimize::{bfgs, Minimum};
use dmip_engine::estimate::{MapOptions, Problem};
use dmip_engine::io::nonmem;
use pharmsol::prelude::*;
use pharmsol::Cache;
use std::collections::BTreeMap;
use std::hint::black_box;
use std::time::Instant;

const SUBJECTS: usize = 200;
const ROUNDS: usize = 7;
/// mapbayr 001: Ω = diag(0.2, 0.2, 0.2), proportional variance 0.05.
const OMEGA: f64 = 0.2;
const PROP_VAR: f64 = 0.05;
const TYPICAL: [f64; 3] = [4.0, 70.0, 1.0];

fn here(path: &str) -> String {
    format!("{}/{path}", env!("CARGO_MANIFEST_DIR"))
}

/// One subject: its dmip problem, its pharmsol subject and levels.
struct Case {
    dmip: Problem,
    pharmsol: Subject,
    levels: Vec<f64>,
}

fn cases() -> Vec<Case> {
    let model_path = here("../../engine/tests/reference/mapbayr001.model.toml");
    let text = std::fs::read_to_string(&model_path).expect("mapbayr 001 model file");
    let def = ModelDef::from_toml(&text).expect("valid model");
    let csv = std::fs::read(here("../../../shared/reference/map/mapbayr001_id1.csv"))
        .expect("mapbayr001_id1.csv (../shared beside the project)");
    let opts = nonmem::Options {
        observation_cmt: Some(def.compartments().1),
    };
    let subject = nonmem::read_with(&csv, &opts).expect("readable").remove(0);
    (0..SUBJECTS)
        .map(|k| {
            let scale = |j: usize| (0.3 * ((k * (j + 3)) as f64 * 0.7).sin()).exp();
            let mut events = subject.events.clone();
            let mut levels = Vec::new();
            let mut builder = Subject::builder(format!("{k}"));
            for e in &mut events {
                match e {
                    dmip_engine::dosing::Event::Dose(d) => {
                        builder = builder.bolus(d.time, d.amount, "oral");
                        if d.addl > 0 {
                            builder = builder.repeat(d.addl as usize, d.ii);
                        }
                    }
                    dmip_engine::dosing::Event::Observation(o) => {
                        if let Some(dv) = o.dv.as_mut() {
                            *dv *= if k == 0 { 1.0 } else { scale(levels.len()) };
                            levels.push(*dv);
                            builder = builder.observation(o.time, *dv, "cp");
                        }
                    }
                    _ => {}
                }
            }
            let dmip = Problem::new(&def, events, &BTreeMap::new(), &[]).expect("valid problem");
            Case {
                dmip,
                pharmsol: builder.build(),
                levels,
            }
        })
        .collect()
}

/// −2 log L (without 2π) of proportional error plus the prior, from predictions.
fn objective(levels: &[f64], pred: impl Iterator<Item = f64>, eta: &[f64]) -> f64 {
    let mut ofv: f64 = eta.iter().map(|e| e * e / OMEGA).sum();
    for (y, f) in levels.iter().zip(pred) {
        let var = PROP_VAR * f * f;
        ofv += (y - f) * (y - f) / var + var.ln();
    }
    if ofv.is_finite() {
        ofv
    } else {
        f64::INFINITY
    }
}

/// Median seconds of `ROUNDS` runs of `work`.
fn median_seconds(mut work: impl FnMut()) -> f64 {
    let mut times: Vec<f64> = (0..ROUNDS)
        .map(|_| {
            let t = Instant::now();
            work();
            t.elapsed().as_secs_f64()
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[ROUNDS / 2]
}

fn main() {
    let cases = cases();
    let model = analytical! {
        name: "mapbayr001",
        params: [cl, v, ka],
        derived: [ke],
        states: [depot, central],
        outputs: [cp],
        routes: [
            bolus(oral) -> depot,
        ],
        structure: one_compartment_with_absorption,
        derive: |_t| {
            ke = cl / v;
        },
        out: |x, _t, y| {
            y[cp] = x[central] / v;
        },
    }
    .disable_cache();
    let pharmsol_objective = |c: &Case, eta: &[f64]| -> f64 {
        let p: Vec<f64> = TYPICAL.iter().zip(eta).map(|(t, e)| t * e.exp()).collect();
        match model.estimate_predictions_dense(&c.pharmsol, &p) {
            Ok(pred) => objective(&c.levels, pred.flat_predictions().iter().copied(), eta),
            Err(_) => f64::INFINITY,
        }
    };
    let tol = MapOptions::default().tolerances;
    let h0 = [OMEGA / 2.0; 3];
    let map = |f: &dyn Fn(&[f64]) -> f64| -> Minimum { bfgs(&f, &[0.0; 3], &h0, tol) };

    // The same η from both objectives, and NONMEM's for subject 1.
    let nonmem = [0.405058386, 0.0728505976, -0.0749540941];
    let mut worst: f64 = 0.0;
    for (k, c) in cases.iter().enumerate() {
        let a = map(&|x| c.dmip.objective(x));
        let b = map(&|x| pharmsol_objective(c, x));
        let gap =
            a.x.iter()
                .zip(&b.x)
                .map(|(p, q)| (p - q).abs())
                .fold(0.0, f64::max);
        worst = worst.max(gap);
        assert!(
            gap < 1e-4,
            "subject {k}: dmip η {:?}, pharmsol η {:?}",
            a.x,
            b.x
        );
        if k == 0 {
            let off =
                a.x.iter()
                    .zip(&nonmem)
                    .map(|(p, q)| (p - q).abs())
                    .fold(0.0, f64::max);
            assert!(off < 1e-4, "subject 1 vs NONMEM: {:?}", a.x);
        }
    }
    let at = nonmem;
    let n = cases.len() as f64;
    let eval_reps = 50;
    let per_eval = |s: f64| s / (n * eval_reps as f64) * 1e6;
    let dmip_eval = per_eval(median_seconds(|| {
        for c in &cases {
            for _ in 0..eval_reps {
                black_box(c.dmip.objective(black_box(&at)));
            }
        }
    }));
    let pharmsol_eval = per_eval(median_seconds(|| {
        for c in &cases {
            for _ in 0..eval_reps {
                black_box(pharmsol_objective(c, black_box(&at)));
            }
        }
    }));
    let per_subject = |s: f64| s / n * 1e6;
    let dmip_map = per_subject(median_seconds(|| {
        for c in &cases {
            black_box(map(&|x| c.dmip.objective(x)));
        }
    }));
    let pharmsol_map = per_subject(median_seconds(|| {
        for c in &cases {
            black_box(map(&|x| pharmsol_objective(c, x)));
        }
    }));
    let options = MapOptions::default();
    let dmip_fit = per_subject(median_seconds(|| {
        for c in &cases {
            black_box(c.dmip.fit(&options));
        }
    }));
    let evals: f64 = cases
        .iter()
        .map(|c| map(&|x| c.dmip.objective(x)).evaluations as f64)
        .sum::<f64>()
        / n;
    println!(
        "mapbayr 001, {SUBJECTS} subjects (subject 1 and {} variants), 1 thread, median of {ROUNDS} rounds",
        SUBJECTS - 1
    );
    println!(
        "same η from both objectives: largest difference {worst:.1e}; subject 1 = NONMEM to 1e-4"
    );
    println!(
        "{:<58} {:>10} {:>10} {:>7}",
        "", "dmip", "pharmsol", "ratio"
    );
    println!(
        "{:<58} {:>8.2} µs {:>8.2} µs {:>6.1}×",
        "one MAP objective (4 levels, 8 doses)",
        dmip_eval,
        pharmsol_eval,
        pharmsol_eval / dmip_eval
    );
    println!(
        "{:<58} {:>8.1} µs {:>8.1} µs {:>6.1}×",
        format!("MAP, same BFGS from η = 0 ({evals:.0} objectives a subject)"),
        dmip_map,
        pharmsol_map,
        pharmsol_map / dmip_map
    );
    println!(
        "{:<58} {:>8.1} µs {:>10} {:>6.1}×",
        "dmip's whole fit (2 starts, checks, Laplace) vs the above",
        dmip_fit,
        "",
        pharmsol_map / dmip_fit
    );
}

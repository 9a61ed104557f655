//! `dmip predict` end to end: the built binary on the mapbayr reference
//! subject (against the closed-form one-compartment oral solution), on
//! time-varying covariates, and on bad input (exact messages).

#![cfg(feature = "cli")]
mod cli_support;

use cli_support::{failure, json, temp_file};
use dmip_engine::catalog::{builtin, Covariates};
use dmip_engine::dosing::{Dose, Event, Observation};
use dmip_engine::model::{predict, Segment};
use serde_json::Value;
use std::process::Output;

const MAPBAYR_CSV: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../shared/reference/map/mapbayr001_id1.csv"
);
const MAPBAYR_MODEL: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/reference/mapbayr001.model.toml"
);
const POSTHOC: [f64; 3] = [0.405058386, 0.0728505976, -0.0749540941];

fn dmip(args: &[&str]) -> Output {
    cli_support::dmip("predict", args)
}

fn predictions(v: &Value) -> &Vec<Value> {
    v["subjects"][0]["predictions"]
        .as_array()
        .expect("predictions array")
}

#[test]
fn mapbayr_subject_matches_the_bateman_function() {
    let eta = POSTHOC.map(|e| e.to_string()).join(",");
    let v = json(&dmip(&[
        "--model",
        MAPBAYR_MODEL,
        "--data",
        MAPBAYR_CSV,
        "--eta",
        &eta,
    ]));
    assert_eq!(v["subjects"].as_array().map(Vec::len), Some(1));
    assert_eq!(v["subjects"][0]["id"], "1");
    assert_eq!(v["subjects"][0]["warnings"], serde_json::json!([]));
    let (cl, vol, ka) = (
        4.0 * POSTHOC[0].exp(),
        70.0 * POSTHOC[1].exp(),
        POSTHOC[2].exp(),
    );
    let k = cl / vol;
    let bateman = |t: f64| 10_000.0 * ka / (vol * (ka - k)) * ((-k * t).exp() - (-ka * t).exp());
    let expected = [
        (3, 1.5, 91.2904),
        (4, 4.4, 110.826),
        (5, 7.1, 79.384),
        (6, 24.6, 20.6671),
    ];
    let p = predictions(&v);
    assert_eq!(p.len(), expected.len());
    for (p, (row, t, dv)) in p.iter().zip(expected) {
        assert_eq!((p["row"].as_u64(), p["cmt"].as_u64()), (Some(row), Some(2)));
        assert_eq!((p["time"].as_f64(), p["dv"].as_f64()), (Some(t), Some(dv)));
        let pred = p["pred"].as_f64().expect("pred");
        let exact = bateman(t);
        assert!(
            ((pred - exact) / exact).abs() < 1e-10,
            "t = {t}: {pred} vs {exact}"
        );
    }
}

#[test]
fn without_eta_the_typical_patient_is_predicted() {
    let v = json(&dmip(&["--model", MAPBAYR_MODEL, "--data", MAPBAYR_CSV]));
    let k = 4.0 / 70.0;
    let exact = 10_000.0 / (70.0 * (1.0 - k)) * ((-k * 1.5f64).exp() - (-1.5f64).exp());
    let pred = predictions(&v)[0]["pred"].as_f64().expect("pred");
    assert!(((pred - exact) / exact).abs() < 1e-10, "{pred} vs {exact}");
}

/// Press 2010 predictions with WT 80 until 24 h and `wt_from_24` from then on.
fn press_engine(wt_from_24: f64, times: &[f64]) -> Vec<f64> {
    let def = builtin("press2010_csa").expect("built in").expect("valid");
    let model = |wt: f64| {
        let cov: Covariates = [("WT".to_string(), wt), ("PSL".to_string(), 10.0)].into();
        def.typical(&cov).expect("covariates").model(&[0.0; 3], &[])
    };
    let segments = [
        Segment {
            from: 0.0,
            model: model(80.0),
        },
        Segment {
            from: 24.0,
            model: model(wt_from_24),
        },
    ];
    let mut events = vec![Event::Dose(Dose::bolus(0.0, 150.0, 1).repeated(12.0, 3))];
    events.extend(
        times
            .iter()
            .map(|&t| Event::Observation(Observation::prediction(t, 3))),
    );
    predict(&segments, &events, false)
        .expect("valid history")
        .iter()
        .map(|p| p.conc)
        .collect()
}

#[test]
fn time_varying_covariates_change_the_model_at_their_time() {
    let csv = temp_file(
        "cli_predict_tv.csv",
        "ID,TIME,EVID,AMT,CMT,II,ADDL,DV,MDV,WT,PSL\n\
         7,0,1,150,1,12,3,.,1,80,10\n\
         7,2,0,.,3,.,.,.,1,.,.\n\
         7,24,2,.,.,.,.,.,1,60,10\n\
         7,26,0,.,3,.,.,.,1,.,.\n\
         7,40,0,.,.,.,.,.,1,.,.\n",
    );
    let v = json(&dmip(&["--model", "press2010_csa", "--data", &csv]));
    assert_eq!(v["subjects"][0]["id"], "7");
    let expected = press_engine(60.0, &[2.0, 26.0, 40.0]);
    let p = predictions(&v);
    let rows: Vec<u64> = p.iter().filter_map(|p| p["row"].as_u64()).collect();
    assert_eq!(rows, vec![3, 5, 6]);
    assert_eq!(p[2]["cmt"], 3, "CMT missing → the central compartment");
    for (p, e) in p.iter().zip(&expected) {
        let pred = p["pred"].as_f64().expect("pred");
        assert!(((pred - e) / e).abs() < 1e-12, "{pred} vs {e}");
    }
    // The change matters: the 26 h level differs from the one at WT 80.
    let single = press_engine(80.0, &[26.0]);
    assert!(
        (p[1]["pred"].as_f64().unwrap_or(0.0) - single[0]).abs() > 1.0,
        "WT should change the prediction"
    );
}

#[test]
fn covariates_outside_the_source_population_give_a_warning() {
    let csv = temp_file(
        "cli_predict_range.csv",
        "TIME,AMT,CMT,DV,wt,psl\n0,150,1,.,160,0\n2,.,3,500,.,.\n",
    );
    let v = json(&dmip(&["--model", "press2010_csa", "--data", &csv]));
    assert_eq!(
        v["subjects"][0]["warnings"],
        serde_json::json!([
            "WT 160 kg is outside the model's source population (49.0–140 kg); the prediction extrapolates."
        ])
    );
    assert_eq!(predictions(&v)[0]["dv"], 500.0);
}

#[test]
fn a_missing_covariate_takes_its_typical_value_or_is_named() {
    // No WT column: Press's typical weight, 76 kg, stated; the prediction
    // is the one with WT = 76 given.
    let no_wt = temp_file(
        "cli_predict_nowt.csv",
        "TIME,AMT,CMT,DV,PSL\n0,150,1,.,10\n2,.,3,500,.\n",
    );
    let v = json(&dmip(&["--model", "press2010_csa", "--data", &no_wt]));
    assert_eq!(
        v["subjects"][0]["assumptions"],
        serde_json::json!([{"assumption": "typical", "covariate": "WT", "value": 76.0, "description": "body weight", "unit": "kg"}])
    );
    let wt76 = temp_file(
        "cli_predict_wt76.csv",
        "TIME,AMT,CMT,DV,PSL,WT\n0,150,1,.,10,76\n2,.,3,500,.,.\n",
    );
    let given = json(&dmip(&["--model", "press2010_csa", "--data", &wt76]));
    assert_eq!(predictions(&v)[0]["pred"], predictions(&given)[0]["pred"]);
    assert_eq!(given["subjects"][0]["assumptions"], serde_json::json!([]));
    // No PSL column: the model's reference, 0 mg/day (below 20: no
    // prednisolone effect), stated; the prediction is the one with PSL = 0
    // given, and differs from the one with the effect on (PSL 25).
    let no_psl = temp_file(
        "cli_predict_nopsl.csv",
        "TIME,AMT,CMT,DV,WT\n0,150,1,.,60\n2,.,3,500,.\n",
    );
    let v = json(&dmip(&["--model", "press2010_csa", "--data", &no_psl]));
    assert_eq!(
        v["subjects"][0]["assumptions"],
        serde_json::json!([{"assumption": "typical", "covariate": "PSL", "value": 0.0, "description": "prednisolone dose", "unit": "mg/day"}])
    );
    let given = |psl: &str| {
        let file = temp_file(
            &format!("cli_predict_psl{psl}.csv"),
            &format!("TIME,AMT,CMT,DV,WT,PSL\n0,150,1,.,60,{psl}\n2,.,3,500,.,.\n"),
        );
        predictions(&json(&dmip(&["--model", "press2010_csa", "--data", &file])))[0]["pred"]
            .as_f64()
            .expect("a prediction")
    };
    let pred = predictions(&v)[0]["pred"].as_f64().expect("a prediction");
    assert_eq!(pred, given("0"));
    assert!(pred > 1.5 * given("25"), "{pred} vs {}", given("25"));
    // A covariate without a stated default (Woillard's CYP3A5) is named.
    let no_cyp = temp_file(
        "cli_predict_nocyp.csv",
        "TIME,AMT,CMT,DV,HCT,FORM\n0,5,1,.,35,1\n2,.,2,10,.,.\n",
    );
    let err = failure(&dmip(&["--model", "woillard2011_tac", "--data", &no_cyp]));
    assert_eq!(
        err,
        format!(
            "dmip: {no_cyp}: subject 1: CYP3A5 expresser (*1 carrier = 1, *3/*3 = 0) (CYP3A5) is needed by this model and was not given"
        )
    );
}

#[test]
fn bad_eta_count_and_values() {
    let args = ["--model", MAPBAYR_MODEL, "--data", MAPBAYR_CSV, "--eta"];
    let err = failure(&dmip(&[&args[..], &["0.1,0.2"]].concat()));
    assert_eq!(
        err,
        "dmip: --eta: model mapbayr001 has 3 η (CL, V, KA); got 2 values"
    );
    let err = failure(&dmip(&[&args[..], &["0.1,x,-0.2"]].concat()));
    assert_eq!(err, "dmip: --eta: 'x' is not a finite number");
}

#[test]
fn bad_model_argument() {
    let err = failure(&dmip(&["--model", "nosuch", "--data", MAPBAYR_CSV]));
    assert_eq!(
        err,
        "dmip: --model nosuch: no such file, and not a built-in model (press2010_csa, umpierrez2021_csa, woillard2011_tac, monchaud2012_tac, kirubakaran2022_tac)"
    );
    let model = temp_file("cli_predict_bad.model.toml", "format = 2\n");
    let err = failure(&dmip(&["--model", &model, "--data", MAPBAYR_CSV]));
    assert!(
        err.starts_with(&format!("dmip: {model}: model file: ")),
        "{err}"
    );
}

#[test]
fn bad_csv_names_file_line_and_field() {
    let csv = temp_file(
        "cli_predict_bad.csv",
        "ID,TIME,EVID,AMT,CMT,DV\n1,0,1,100,1,.\n1,2,0,.,2,abc\n",
    );
    let err = failure(&dmip(&["--model", MAPBAYR_MODEL, "--data", &csv]));
    assert_eq!(
        err,
        format!("dmip: {csv}: line 3, field DV: 'abc' is not a number")
    );
}

#[test]
fn bad_compartment_for_the_model_names_the_line() {
    let csv = temp_file(
        "cli_predict_cmt.csv",
        "ID,TIME,EVID,AMT,CMT,DV\n1,0,1,100,1,.\n1,2,0,.,3,4\n",
    );
    let err = failure(&dmip(&["--model", MAPBAYR_MODEL, "--data", &csv]));
    assert_eq!(
        err,
        format!("dmip: {csv}: line 3: CMT 3 does not exist in this model (compartments 1–2)")
    );
}

#[test]
fn bad_subject_without_dose() {
    let csv = temp_file(
        "cli_predict_nodose.csv",
        "ID,TIME,AMT,CMT,DV\n1,0,100,1,.\n2,1,.,2,.\n",
    );
    let err = failure(&dmip(&["--model", MAPBAYR_MODEL, "--data", &csv]));
    assert_eq!(
        err,
        format!("dmip: {csv}: subject 2: the history has no dose")
    );
}

#[test]
fn bad_missing_data_file() {
    let err = failure(&dmip(&[
        "--model",
        MAPBAYR_MODEL,
        "--data",
        "/nonexistent/d.csv",
    ]));
    assert!(err.starts_with("dmip: /nonexistent/d.csv: "), "{err}");
}

//! NONMEM conventions, so a dataset reads as NONMEM reads it: a covariate's
//! value between rows (last value carried forward or NONMEM's next value
//! carried backward), EVID 3/4 resets, and the error model SD = a + b·f — each
//! against a hand computation on a one-compartment IV bolus model (CL 5 L/h,
//! V 50 L, so k = 0.1 h⁻¹ and 100 mg gives 2 mg/L).

#![cfg(feature = "cli")]
mod cli_support;

use cli_support::{dmip, failure, json, temp_file};
use dmip_engine::catalog::ModelDef;
use dmip_engine::dosing::{Convention, CovariateSeries, Dose, Event, Observation};
use dmip_engine::estimate::Problem;
use dmip_engine::io::nonmem::{read_with_convention, Options, Subject};
use std::collections::BTreeMap;

/// CL = 5 · (CRCL/100) L/h, V 50 L; error given by `error`.
fn iv_model(error: &str) -> String {
    format!(
        r#"
format = 1
id = "iv_test"
drug = "example"
name = "one-compartment IV bolus test model"
citation = "constructed for the engine tests"
population = "none"

[structure]
compartments = 1
absorption = "iv"

[units]
dose = "mg"
concentration = "mg/L"
scale = 1

[parameters]
CL = {{ typical = 5.0, eta = "CL", covariates = [{{ name = "CRCL", power = 1.0, reference = 100.0 }}] }}
V1 = {{ typical = 50.0, eta = "V" }}

[omega]
eta = ["CL", "V"]
variance = [0.1, 0.1]

[error]
{error}

[[covariates]]
name = "CRCL"
unit = "mL/min"
description = "creatinine clearance"
typical = 100.0
"#
    )
}

const PROPORTIONAL: &str = "model = \"proportional\"\nproportional_sd = 0.2";

fn subject(csv: &str, convention: Convention) -> Subject {
    let opts = Options {
        observation_cmt: Some(1),
    };
    let mut s = read_with_convention(csv.as_bytes(), &opts, convention).expect("readable");
    s.remove(0)
}

/// Typical predictions of `csv`'s observation rows.
fn predict(csv: &str, convention: Convention) -> Vec<f64> {
    let def = ModelDef::from_toml(&iv_model(PROPORTIONAL)).expect("valid");
    let s = subject(csv, convention);
    let mut cov = s.covariates.clone();
    cov.entry("CRCL".into())
        .or_insert_with(|| CovariateSeries::constant(100.0));
    let p = Problem::new(&def, s.events.clone(), &cov, &[]).expect("valid");
    p.predict(&[0.0, 0.0], &s.events).expect("computable")
}

/// 100 mg at 0 h (CRCL 100), a level at 12 h (CRCL 50).
const TWO_ROWS: &str = "ID,TIME,EVID,AMT,CMT,DV,CRCL\n1,0,1,100,1,.,100\n1,12,0,.,1,1.0,50\n";

#[test]
fn a_covariate_change_between_two_rows_under_each_convention() {
    // locf: CRCL 100 over (0, 12), CL 5, C(12) = 2·e^(−0.1·12) = 0.6023884.
    let locf = predict(TWO_ROWS, Convention::Locf);
    assert!((locf[0] - 0.602_388_423_824).abs() < 1e-10, "{locf:?}");
    // NONMEM: the 12 h row's CRCL 50 holds over (0, 12]: CL 2.5,
    // C(12) = 2·e^(−0.05·12) = 1.0976233.
    let nonmem = predict(TWO_ROWS, Convention::Nonmem);
    assert!((nonmem[0] - 1.097_623_272_188).abs() < 1e-10, "{nonmem:?}");
}

#[test]
fn the_cli_prints_the_convention_and_warns_under_locf() {
    let model = temp_file("conv_model.toml", &iv_model(PROPORTIONAL));
    let data = temp_file("conv_two_rows.csv", TWO_ROWS);
    let v = json(&dmip("predict", &["--model", &model, "--data", &data]));
    assert_eq!(v["covariates"], "locf");
    let pred = v["subjects"][0]["predictions"][0]["pred"]
        .as_f64()
        .expect("pred");
    assert!((pred - 0.602_388_423_824).abs() < 1e-9);
    let warnings = v["subjects"][0]["warnings"].to_string();
    assert!(
        warnings.contains("CRCL changes value at 12 h"),
        "{warnings}"
    );
    assert!(warnings.contains("--covariates nonmem"), "{warnings}");

    let args = ["--model", &model, "--data", &data, "--covariates", "nonmem"];
    let v = json(&dmip("predict", &args));
    assert_eq!(v["covariates"], "nonmem");
    let pred = v["subjects"][0]["predictions"][0]["pred"]
        .as_f64()
        .expect("pred");
    assert!((pred - 1.097_623_272_188).abs() < 1e-9);
    assert_eq!(v["subjects"][0]["warnings"], serde_json::json!([]));
    let fit = json(&dmip("fit", &args));
    assert_eq!(fit["covariates"], "nonmem");
}

/// 100 mg at 0; EVID 3 at 10 h; 100 mg at 14 h; EVID 4 (50 mg) at 20 h;
/// levels at 5, 12 and 22 h.
const RESETS: &str = "ID,TIME,EVID,AMT,CMT,DV,CRCL\n\
    1,0,1,100,1,.,100\n1,5,0,.,1,1.2,100\n1,10,3,.,1,.,100\n1,12,0,.,1,0.1,100\n\
    1,14,1,100,1,.,100\n1,20,4,50,1,.,100\n1,22,0,.,1,0.8,100\n";

#[test]
fn evid_3_and_4_empty_the_system_by_hand() {
    let s = subject(RESETS, Convention::Locf);
    assert_eq!(s.events[2], Event::Reset { time: 10.0 });
    // EVID 4: a reset, then the dose, both from line 7.
    assert_eq!(s.events[5], Event::Reset { time: 20.0 });
    assert_eq!(s.events[6], Event::Dose(Dose::bolus(20.0, 50.0, 1)));
    assert_eq!(&s.rows[5..7], &[7, 7]);
    let c = predict(RESETS, Convention::Locf);
    // 5 h: 2·e^(−0.5) = 1.2130613; 12 h: 0 after the reset at 10 h;
    // 22 h: only the 50 mg of 20 h, 1·e^(−0.2) = 0.8187308 (without the
    // reset, + 2·e^(−0.8) = 0.8986579 of the 14 h dose).
    assert!((c[0] - 1.213_061_319_425).abs() < 1e-10, "{c:?}");
    assert_eq!(c[1], 0.0);
    assert!((c[2] - 0.818_730_753_078).abs() < 1e-10, "{c:?}");
    let without = predict(&RESETS.replace("1,20,4,50", "1,20,1,50"), Convention::Locf);
    assert!((without[2] - (0.818_730_753_078 + 0.898_657_928_234)).abs() < 1e-9);
}

#[test]
fn a_steady_state_dose_after_a_reset_starts_from_empty() {
    // SS = 2 adds the steady state to what is there: after a reset, nothing.
    // C(2 h) = 2·e^(−0.2)/(1 − e^(−1.2)) = 2.3432283 for 100 mg every 12 h.
    let csv = "ID,TIME,EVID,AMT,CMT,II,SS,DV\n1,0,1,100,1,0,0,.\n\
        1,30,3,.,1,.,.,.\n1,30,1,100,1,12,2,.\n1,32,0,.,1,.,.,2.3\n";
    let c = predict(csv, Convention::Locf);
    assert!((c[0] - 2.343_228_310_453).abs() < 1e-9, "{c:?}");
}

#[test]
fn resets_and_evids_the_reader_refuses_name_the_row() {
    let model = temp_file("reset_model.toml", &iv_model(PROPORTIONAL));
    let across = temp_file(
        "reset_across.csv",
        "ID,TIME,EVID,AMT,CMT,II,ADDL,DV\n1,0,1,100,1,12,4,.\n1,30,3,.,1,.,.,.\n1,31,0,.,1,.,.,1\n",
    );
    assert_eq!(
        failure(&dmip("fit", &["--model", &model, "--data", &across])),
        "dmip: line 2: ADDL repeats until 48 h run past the reset at 30 h; end them before the reset"
    );
    let evid = temp_file(
        "reset_evid5.csv",
        "ID,TIME,EVID,AMT,CMT,DV\n1,0,1,100,1,.\n1,3,5,.,1,1\n",
    );
    let err = failure(&dmip("fit", &["--model", &model, "--data", &evid]));
    assert!(
        err.ends_with("line 3, field EVID: 5 must be one of 0, 1, 2, 3, 4"),
        "{err}"
    );
}

#[test]
fn the_sd_sum_error_model_in_the_objective_by_hand() {
    let error =
        "model = \"additive_plus_proportional_sd\"\nadditive_sd = 0.5\nproportional_sd = 0.1";
    let def = ModelDef::from_toml(&iv_model(error)).expect("valid");
    let cov: BTreeMap<String, CovariateSeries> =
        [("CRCL".to_string(), CovariateSeries::constant(100.0))].into();
    let events = vec![
        Event::Dose(Dose::bolus(0.0, 1000.0, 1)),
        Event::Observation(Observation::measured(10.0, 1, 9.0)),
    ];
    let p = Problem::new(&def, events, &cov, &[]).expect("valid");
    // f = 20·e^(−1) = 7.3575888; SD = 0.5 + 0.1·f = 1.2357589;
    // Var = 1.5271000; (9 − f)²/Var = 1.7664295; ln Var = 0.4233705;
    // OFV at η = 0 (no prior term) = 2.1897999.
    assert!((def.error.variance(7.357_588_823_429) - 1.527_100_015_289).abs() < 1e-9);
    assert!((p.objective(&[0.0, 0.0]) - 2.189_799_993_483).abs() < 1e-9);
}

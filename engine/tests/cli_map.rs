//! `dmip fit`, `dmip dose` and `dmip models` end to end on the built binary.

#![cfg(feature = "cli")]
mod cli_support;

use cli_support::{json, temp_file};

/// `dmip ARGS…` (the subcommand first).
fn dmip(args: &[&str]) -> std::process::Output {
    cli_support::dmip(args[0], &args[1..])
}

const MAPBAYR_CSV: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../shared/reference/map/mapbayr001_id1.csv"
);
const MAPBAYR_MODEL: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/reference/mapbayr001.model.toml"
);
const POSTHOC: [f64; 3] = [0.405058386, 0.0728505976, -0.0749540941];

#[test]
fn fit_reproduces_nonmem_posthoc() {
    let v = json(&dmip(&[
        "fit",
        "--model",
        MAPBAYR_MODEL,
        "--data",
        MAPBAYR_CSV,
    ]));
    let s = &v["subjects"][0];
    assert_eq!(s["id"], "1");
    assert_eq!(s["converged"], true);
    for (i, want) in POSTHOC.iter().enumerate() {
        let got = s["eta"][i].as_f64().expect("number");
        assert!((got - want).abs() < 1e-4, "η{}: {got} vs {want}", i + 1);
    }
    assert_eq!(s["ipred"].as_array().map(Vec::len), Some(4));
    assert_eq!(s["eta_cov"].as_array().map(Vec::len), Some(3));
    let cl = s["params"]["CL"].as_f64().expect("CL");
    assert!((cl - 4.0 * POSTHOC[0].exp()).abs() < 1e-3, "{cl}");
}

#[test]
fn models_lists_the_builtins_with_citations() {
    let v = json(&dmip(&["models"]));
    let ids: Vec<&str> = v["models"]
        .as_array()
        .expect("list")
        .iter()
        .filter_map(|m| m["id"].as_str())
        .collect();
    assert_eq!(
        ids,
        [
            "press2010_csa",
            "umpierrez2021_csa",
            "woillard2011_tac",
            "monchaud2012_tac",
            "kirubakaran2022_tac"
        ]
    );
    assert!(v["models"][2]["citation"]
        .as_str()
        .expect("text")
        .contains("doi:10.1111/j.1365-2125.2010.03837.x"));
}

#[test]
fn dose_advice_for_tacrolimus_a_priori_and_cyclosporine_with_levels() {
    let tac = temp_file(
        "cli_map_tac.csv",
        "ID,TIME,EVID,AMT,CMT,II,ADDL,SS,DV,MDV,HCT,CYP3A5,FORM\n1,0,1,5,1,12,0,1,.,1,35,0,1\n",
    );
    let v = json(&dmip(&[
        "dose",
        "--model",
        "woillard2011_tac",
        "--data",
        &tac,
        "--target",
        "c0=5..10",
        "--interval",
        "12",
        "--draws",
        "200",
    ]));
    let c = &v["subjects"][0]["advice"]["candidates"][0];
    assert_eq!(v["subjects"][0]["advice"]["basis"], "a priori");
    // poppk-models.md §4b: 5 mg q12h → C0 13.407 ng/mL; 7.5 ng/mL needs ≈ 2.8 mg.
    let exact = c["exact_mg"].as_f64().expect("number");
    assert!((exact - 7.5 * 5.0 / 13.407).abs() < 0.01, "{exact}");
    // The achievable neighbours 2.5 and 3 mg (Prograf 0.5/1/5 mg) both land in range.
    let amount = c["dose"]["amount_mg"].as_f64().expect("number");
    assert!(amount == 2.5 || amount == 3.0, "{amount}");
    assert_eq!(c["meets_target"], true);

    let csa = temp_file("cli_map_csa.csv", "ID,TIME,EVID,AMT,CMT,II,ADDL,SS,DV,MDV,WT,PSL\n1,0,1,150,1,12,3,1,.,1,70,30\n1,36,0,.,3,0,0,0,250,0,70,30\n1,38,0,.,3,0,0,0,800,0,70,30\n");
    let v = json(&dmip(&[
        "dose",
        "--model",
        "press2010_csa",
        "--data",
        &csa,
        "--target",
        "c2=1000..1200",
        "--limit",
        "c0<=200",
        "--draws",
        "200",
    ]));
    let cands = v["subjects"][0]["advice"]["candidates"]
        .as_array()
        .expect("list");
    assert_eq!(cands.len(), 2);
    // Twice daily cannot hold C0 ≤ 200 at this C2; once daily can.
    assert_eq!(cands[0]["meets_limit"], false);
    assert_eq!(cands[1]["meets_limit"], true);
    assert_eq!(v["subjects"][0]["assumptions"], serde_json::json!([]));

    // Without a WT column: the model's typical weight (76 kg), stated.
    let no_wt = temp_file("cli_map_csa_no_wt.csv", "ID,TIME,EVID,AMT,CMT,II,ADDL,SS,DV,MDV,PSL\n1,0,1,150,1,12,3,1,.,1,30\n1,38,0,.,3,0,0,0,800,0,30\n");
    let v = json(&dmip(&[
        "dose",
        "--model",
        "press2010_csa",
        "--data",
        &no_wt,
        "--target",
        "c2=1000..1200",
    ]));
    assert_eq!(
        v["subjects"][0]["assumptions"],
        serde_json::json!([{"assumption": "typical", "covariate": "WT", "value": 76.0, "description": "body weight", "unit": "kg"}])
    );
    assert!(v["subjects"][0]["advice"]["candidates"][0]["exact_mg"]
        .as_f64()
        .is_some_and(|m| m > 0.0));
}

#[test]
fn bad_arguments_get_clear_messages_and_exit_2() {
    let cases: [(&[&str], &str); 4] = [
        (&["dose", "--model", "press2010_csa", "--data", MAPBAYR_CSV, "--target", "c2=1000..x"], "dmip: --target: “c2=1000..x”: “x” is not a positive number\n"),
        (&["dose", "--model", "press2010_csa", "--data", MAPBAYR_CSV, "--target", "c2=1000..1200", "--interval", "0"], "dmip: --interval: 0 h is not a positive interval\n"),
        (&["fit", "--model", "nosuchmodel", "--data", MAPBAYR_CSV], "dmip: --model nosuchmodel: no such file, and not a built-in model (press2010_csa, umpierrez2021_csa, woillard2011_tac, monchaud2012_tac, kirubakaran2022_tac)\n"),
        (&["fit", "--model", "woillard2011_tac", "--data", MAPBAYR_CSV], "dmip: subject 1: CYP3A5 expresser (*1 carrier = 1, *3/*3 = 0) (CYP3A5), formulation (Prograf twice daily = 1, Advagraf once daily = 0) (FORM) are needed by this model and were not given\n"),
    ];
    for (args, want) in cases {
        let out = dmip(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert_eq!(String::from_utf8_lossy(&out.stderr), want, "{args:?}");
    }
}

#[test]
fn many_subjects_fit_in_parallel_in_file_order_with_the_rate_on_stderr() {
    // mapbayr 001 subject 1 forty times, levels scaled per subject so that
    // every fit differs, ids in descending order (not the sorted order).
    let rows = std::fs::read_to_string(MAPBAYR_CSV).expect("mapbayr csv");
    let mut lines = rows.lines();
    let mut csv = format!("{}\n", lines.next().expect("header"));
    let body: Vec<&str> = lines.collect();
    for k in (1..=40).rev() {
        for line in &body {
            let mut cells: Vec<String> = line.split(',').map(String::from).collect();
            cells[0] = format!("s{k}");
            if let Ok(dv) = cells[7].parse::<f64>() {
                cells[7] = format!("{}", dv * (0.6 + 0.02 * k as f64));
            }
            csv.push_str(&cells.join(","));
            csv.push('\n');
        }
    }
    let path = temp_file("cli_map_forty.csv", &csv);
    let args = ["fit", "--model", MAPBAYR_MODEL, "--data", &path];
    let parallel = dmip(&args);
    let v = json(&parallel);
    let ids: Vec<&str> = v["subjects"]
        .as_array()
        .expect("subjects")
        .iter()
        .filter_map(|s| s["id"].as_str())
        .collect();
    let expected: Vec<String> = (1..=40).rev().map(|k| format!("s{k}")).collect();
    assert_eq!(ids, expected);
    let stderr = String::from_utf8_lossy(&parallel.stderr);
    assert!(
        stderr.starts_with("dmip fit: 40 subjects in ") && stderr.contains(" subjects/s on "),
        "{stderr}"
    );
    // One thread gives the same JSON, byte for byte.
    let one = std::process::Command::new(env!("CARGO_BIN_EXE_dmip"))
        .args(args)
        .env("RAYON_NUM_THREADS", "1")
        .output()
        .expect("run dmip");
    assert_eq!(one.stdout, parallel.stdout);
    assert!(String::from_utf8_lossy(&one.stderr).contains("subjects/s on 1 thread\n"));
}

//! `dmip simulate`: virtual patients end to end on the built binary — the
//! CSV on stdout, byte-identical for a seed, the typical patient equal to
//! `dmip predict`, notes on stderr, bad input refused with its message.

#![cfg(feature = "cli")]
mod cli_support;

use cli_support::{dmip, failure, json, temp_file};

/// Woillard 2011, 2 mg every 12 h, three troughs and a prediction-only
/// row; HCT left out (the model's stated default, 35 %, is used and said).
const DESIGN: &str = "\
ID,TIME,EVID,AMT,II,ADDL,DV,MDV,CYP3A5,FORM
1,0,1,2,12,27,.,1,0,1
1,48,0,.,.,.,0,0,0,1
1,100,0,.,.,.,.,1,0,1
1,144,0,.,.,.,0,0,0,1
1,312,0,.,.,.,0,0,0,1
";

fn stdout(out: &std::process::Output) -> String {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).expect("UTF-8")
}

#[test]
fn virtual_patients_are_written_as_a_nonmem_csv_reproducibly() {
    let data = temp_file("design.csv", DESIGN);
    let args = |seed: &'static str| {
        [
            "--model",
            "woillard2011_tac",
            "--data",
            &data,
            "--n",
            "4",
            "--seed",
            seed,
        ]
        .map(str::to_string)
    };
    let run = |seed| {
        dmip(
            "simulate",
            &args(seed).iter().map(String::as_str).collect::<Vec<_>>(),
        )
    };
    let first = run("11");
    let text = stdout(&first);
    assert_eq!(text, stdout(&run("11")), "same seed, same bytes");
    assert_ne!(text, stdout(&run("12")));
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "ID,TIME,EVID,AMT,II,ADDL,DV,MDV,CYP3A5,FORM");
    assert_eq!(lines.len(), 1 + 4 * 5);
    // Patient 3's rows: the dose and the MDV = 1 row as in the design,
    // each trough a positive number with MDV 0.
    assert_eq!(lines[11], "3,0,1,2,12,27,.,1,0,1");
    assert_eq!(lines[13], "3,100,0,.,.,.,.,1,0,1");
    for i in [12, 14, 15] {
        let cells: Vec<&str> = lines[i].split(',').collect();
        assert_eq!((cells[0], cells[7]), ("3", "0"), "{}", lines[i]);
        assert!(
            cells[6].parse::<f64>().is_ok_and(|v| v > 0.0),
            "{}",
            lines[i]
        );
    }
    let stderr = String::from_utf8_lossy(&first.stderr);
    assert_eq!(
        stderr.trim_end(),
        "dmip: note: haematocrit (HCT) is not in the design: the model's stated default 35 % was used for every patient"
    );
    // The output is data `dmip fit` reads.
    let sim = temp_file("simulated.csv", &text);
    let fit = json(&dmip(
        "fit",
        &["--model", "woillard2011_tac", "--data", &sim],
    ));
    assert_eq!(fit["subjects"].as_array().map(Vec::len), Some(4));
}

#[test]
fn the_typical_patient_is_what_dmip_predict_gives() {
    let data = temp_file("design.csv", DESIGN);
    let sim = stdout(&dmip(
        "simulate",
        &[
            "--model",
            "woillard2011_tac",
            "--data",
            &data,
            "--n",
            "2",
            "--seed",
            "1",
            "--variability",
            "none",
        ],
    ));
    let predicted = json(&dmip(
        "predict",
        &["--model", "woillard2011_tac", "--data", &data],
    ));
    let rows = predicted["subjects"][0]["predictions"]
        .as_array()
        .expect("rows");
    let pred: Vec<f64> = rows
        .iter()
        .map(|r| r["pred"].as_f64().expect("pred"))
        .collect();
    assert_eq!(pred.len(), 4, "three troughs and the MDV = 1 row");
    for patient in ["1", "2"] {
        let dv: Vec<f64> = sim
            .lines()
            .filter(|l| l.starts_with(&format!("{patient},")) && l.split(',').nth(7) == Some("0"))
            .map(|l| {
                l.split(',')
                    .nth(6)
                    .and_then(|v| v.parse().ok())
                    .expect("DV")
            })
            .collect();
        // Rows 48, 144 and 312 h (the 100 h row is MDV = 1).
        assert_eq!(dv, vec![pred[0], pred[2], pred[3]], "patient {patient}");
    }
}

#[test]
fn bad_input_is_refused_with_its_message() {
    let data = temp_file("design.csv", DESIGN);
    let run = |args: &[&str]| failure(&dmip("simulate", args));
    let with = |n: &str| {
        run(&[
            "--model",
            "woillard2011_tac",
            "--data",
            &data,
            "--n",
            n,
            "--seed",
            "1",
        ])
    };
    assert_eq!(
        with("0"),
        "dmip: --n: the number of virtual patients must be at least 1 (got 0)"
    );
    assert_eq!(
        with("100001"),
        "dmip: --n: at most 100000 virtual patients can be simulated at once (got 100001)"
    );
    assert!(
        run(&["--model", "nope", "--data", &data, "--n", "1", "--seed", "1"]).starts_with(
            "dmip: --model nope: no such file, and not a built-in model (press2010_csa,"
        ),
    );
    let none = temp_file("no_obs.csv", "ID,TIME,AMT,CYP3A5,FORM,HCT\n1,0,2,0,1,35\n");
    assert_eq!(
        run(&["--model", "woillard2011_tac", "--data", &none, "--n", "1", "--seed", "1"]),
        format!("dmip: {none}: the design has no observation row to simulate (an EVID 0 row without MDV = 1)")
    );
    // The seed is required (clap's usage error, exit code 2).
    let no_seed = run(&["--model", "woillard2011_tac", "--data", &data, "--n", "1"]);
    assert!(no_seed.contains("--seed <SEED>"), "{no_seed}");
}

/// Kirubakaran 2022 at steady state on 2 mg every 12 h, C2 and C0, no
/// azole; the patients' size and haematocrit come from the table.
const KIRUBAKARAN_SS: &str = "\
ID,TIME,EVID,AMT,II,SS,DV,MDV,AZOLE
1,0,1,2,12,1,.,1,0
1,2,0,.,.,.,0,0,0
1,12,0,.,.,.,0,0,0
";

/// Three patients: poppk-autoimmune §1.5's 55-kg, 158-cm woman with HCT
/// 35 %, a heavier man, a small woman; CRP is no covariate of the model.
const PATIENTS: &str = "\
ID,WT,HT,SEX,HCT,CRP
101,55,158,1,35,0.3
102,80,175,0,40,1.2
103,45,150,1,30,0.1
";

/// (WT, HT, SEX, HCT, DV at 2 h, DV at 12 h) of each ID in the output.
fn per_id(csv: &str) -> Vec<(String, Vec<String>)> {
    let mut lines = csv.lines();
    let header: Vec<&str> = lines.next().expect("header").split(',').collect();
    let at = |name: &str| header.iter().position(|h| *h == name).expect(name);
    let cols = ["WT", "HT", "SEX", "HCT"].map(at);
    let mut out: Vec<(String, Vec<String>)> = Vec::new();
    for l in lines {
        let cells: Vec<&str> = l.split(',').collect();
        let id = cells[0].to_string();
        let covs: Vec<String> = cols.iter().map(|&c| cells[c].to_string()).collect();
        match out.iter_mut().find(|(i, _)| *i == id) {
            Some((_, v)) => {
                // Every row of a patient carries its covariates.
                assert_eq!(v[..4], covs[..], "ID {id}: {l}");
                if cells[7] == "0" {
                    v.push(cells[6].to_string());
                }
            }
            None => out.push((id, covs)),
        }
    }
    out
}

#[test]
fn covariates_per_virtual_patient_come_from_the_table_row_by_row() {
    let data = temp_file("kiru_design.csv", KIRUBAKARAN_SS);
    let table = temp_file("patients.csv", PATIENTS);
    let run = |seed: &str, variability: &str| {
        dmip(
            "simulate",
            &[
                "--model",
                "kirubakaran2022_tac",
                "--data",
                &data,
                "--n",
                "5",
                "--seed",
                seed,
                "--variability",
                variability,
                "--covariate-table",
                &table,
            ],
        )
    };
    // The typical patient of each row: patient i takes row (i − 1) mod 3.
    let typical = run("3", "none");
    let text = stdout(&typical);
    let ids = per_id(&text);
    let covs: Vec<(&str, Vec<&str>)> = ids
        .iter()
        .map(|(id, v)| (id.as_str(), v[..4].iter().map(String::as_str).collect()))
        .collect();
    assert_eq!(
        covs,
        [
            ("1", vec!["55", "158", "1", "35"]),
            ("2", vec!["80", "175", "0", "40"]),
            ("3", vec!["45", "150", "1", "30"]),
            ("4", vec!["55", "158", "1", "35"]),
            ("5", vec!["80", "175", "0", "40"]),
        ]
    );
    // Row 1 is §1.5's patient: C2 14.41, C0 8.39 ng/mL (fat-free mass
    // derived from the row's WT, HT and SEX, not the model's 57 kg).
    let dv = |i: usize, j: usize| ids[i].1[4 + j].parse::<f64>().expect("DV");
    assert!((dv(0, 0) - 14.41).abs() < 0.005, "C2 {}", dv(0, 0));
    assert!((dv(0, 1) - 8.39).abs() < 0.005, "C0 {}", dv(0, 1));
    assert_eq!(ids[3].1, ids[0].1, "patients 1 and 4 share row 1");
    // The other rows are other patients: the 80-kg man (fat-free mass
    // 60 kg against 36 kg: CL ∝ FFM^0.75) has the lower trough.
    assert!(dv(1, 1) < dv(0, 1) && dv(2, 1) != dv(0, 1), "{text}");
    let stderr = String::from_utf8_lossy(&typical.stderr);
    assert!(
        stderr.contains("dmip: note: covariates per patient from the table (WT, HT, SEX, HCT): 3 row(s), patient i takes row (i − 1) mod 3")
            && stderr.contains("the table's column(s) CRP are not covariates of kirubakaran2022_tac: left out")
            && !stderr.contains("fat-free mass"),
        "{stderr}"
    );
    // Drawn patients: the same seed gives the same bytes.
    let drawn = stdout(&run("7", "full"));
    assert_eq!(drawn, stdout(&run("7", "full")));
    assert_ne!(drawn, stdout(&run("8", "full")));
    // A cell that is not a number is refused with its place.
    let bad = temp_file(
        "bad_patients.csv",
        "ID,WT,HT,SEX\n1,55,158,1\n2,heavy,170,0\n",
    );
    let msg = failure(&dmip(
        "simulate",
        &[
            "--model",
            "kirubakaran2022_tac",
            "--data",
            &data,
            "--n",
            "2",
            "--seed",
            "1",
            "--covariate-table",
            &bad,
        ],
    ));
    assert_eq!(
        msg,
        format!("dmip: {bad}: covariate table: line 3, column WT: “heavy” is not a number")
    );
}

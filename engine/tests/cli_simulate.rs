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

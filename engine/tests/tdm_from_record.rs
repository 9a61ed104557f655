//! `tdm::input_from_record`: a record's drug part made into the engine's
//! input, the one path of the drug screens, the report, the capsule and the
//! CLI. The average of the drug's models unless one is pinned, each model's
//! covariates, the drug's targets and regimens, the stated defaults; and
//! `dmip advise --record`, which answers from the same input.

mod cli_support;

use cli_support::{dmip, failure, json, temp_file};
use dmip_engine::estimate::Weighting;
use dmip_engine::record::{self, DrugRecord, PatientRecord};
use dmip_engine::tdm::from_record::{DEFAULT_DISAGREEMENT_PCT, HORIZON_H};
use dmip_engine::tdm::{
    compute, defaults, drug_catalogue, input_from_record, Drug, Market, RecordInput,
    RecordQuestion, SampleLabel,
};
use dmip_engine::test_support::{at, dm_patient, doses, level};

fn cyclosporine() -> DrugRecord {
    DrugRecord {
        doses: doses(100.0, 12.0, 6),
        levels: vec![
            level("2026-11-03T07:55:00+09:00", 110.0, SampleLabel::C0),
            level("2026-11-03T10:00:00+09:00", 650.0, SampleLabel::C2),
        ],
        ..DrugRecord::default()
    }
}

fn ask(drug: Drug, record: &DrugRecord, disagreement_pct: Option<f64>) -> RecordInput {
    let patient = dm_patient();
    input_from_record(&RecordQuestion {
        drug,
        record,
        patient: &patient,
        now: at("2026-11-03T15:00:00+09:00"),
        draws: 50,
        market: Market::Japan,
        disagreement_pct,
    })
    .expect("an input")
}

#[test]
fn cyclosporine_is_the_average_of_both_models_unless_one_is_pinned() {
    let record = cyclosporine();
    let made = ask(Drug::Cyclosporine, &record, None);
    let ids: Vec<&str> = made.models.iter().map(|m| m.id).collect();
    assert_eq!(ids, ["press2010_csa", "umpierrez2021_csa"]);
    let input = &made.input;
    // Each model's covariates: Press's weight and prednisolone, Umpierrez's
    // creatinine clearance (Cockcroft–Gault).
    assert_eq!(input.covariates["WT"], 52.0);
    assert_eq!(input.covariates["PSL"], 40.0);
    assert!(input.covariates["CRCL"] > 0.0);
    assert!(made.models[0].covariates.contains_key("WT"));
    assert!(!made.models[1].covariates.contains_key("PSL"));
    assert_eq!(
        input
            .average
            .as_ref()
            .map(|a| (a.models.len(), a.weighting)),
        Some((2, Weighting::Ll))
    );
    // The drug's targets, regimens and the stated defaults.
    assert_eq!(input.target, defaults(Drug::Cyclosporine).aim.range);
    let labels: Vec<&str> = input.regimens.iter().map(|r| r.label.as_str()).collect();
    assert_eq!(
        labels,
        ["csa_q12h_after_meals", "csa_q24h_before_breakfast"]
    );
    assert_eq!(
        (input.disagreement_pct, input.horizon_h, input.draws),
        (DEFAULT_DISAGREEMENT_PCT, HORIZON_H, 50)
    );
    let out = compute(input).expect("computable");
    let avg = out.average.as_ref().expect("averaged");
    let total: f64 = avg.models.iter().map(|m| m.weight).sum();
    assert!((total - 1.0).abs() < 1e-12);
    let advice = out.advice.expect("advice");
    assert_eq!(advice.candidates.len(), 2);
    // C2 650 < 1000: the suggested twice-daily dose is above 100 mg.
    assert!(advice.candidates[0].dose.amount_mg > 100.0, "{advice:?}");

    let pinned = DrugRecord {
        model_id: "umpierrez2021_csa".into(),
        weighting: Some(Weighting::Aic),
        ..record
    };
    let made = ask(Drug::Cyclosporine, &pinned, Some(35.0));
    assert_eq!(made.models.len(), 1);
    assert_eq!(made.input.model_id, "umpierrez2021_csa");
    assert!(made.input.average.is_none() && !made.input.covariates.contains_key("WT"));
    assert_eq!(made.input.disagreement_pct, 35.0);
    assert!(compute(&made.input).expect("computable").average.is_none());
}

#[test]
fn a_disagreement_that_is_not_a_positive_number_takes_the_default() {
    for typed in [Some(0.0), Some(-5.0), Some(f64::NAN), None] {
        let made = ask(Drug::Cyclosporine, &cyclosporine(), typed);
        assert_eq!(
            made.input.disagreement_pct, DEFAULT_DISAGREEMENT_PCT,
            "{typed:?}"
        );
    }
}

#[test]
fn tacrolimus_offers_the_label_regimen_and_its_three_models() {
    let catalogue = drug_catalogue(Drug::Tacrolimus);
    assert_eq!(
        catalogue.models,
        [
            "woillard2011_tac",
            "monchaud2012_tac",
            "kirubakaran2022_tac"
        ]
    );
    let made = ask(Drug::Tacrolimus, &DrugRecord::default(), None);
    assert_eq!(made.models.len(), 3);
    // Tacrolimus averages with AIC weights unless the record says LL.
    let weighting = |made: &RecordInput| made.input.average.as_ref().map(|a| a.weighting);
    assert_eq!(weighting(&made), Some(Weighting::Aic));
    let ll = DrugRecord {
        weighting: Some(Weighting::Ll),
        ..DrugRecord::default()
    };
    assert_eq!(
        weighting(&ask(Drug::Tacrolimus, &ll, None)),
        Some(Weighting::Ll)
    );
    // A record that says "evidence" (written by hand or by the CLI's user)
    // is averaged that way.
    let evidence: DrugRecord =
        serde_json::from_str(r#"{"weighting":"evidence"}"#).expect("a drug section");
    assert_eq!(
        weighting(&ask(Drug::Tacrolimus, &evidence, None)),
        Some(Weighting::Evidence)
    );
    let labels: Vec<&str> = made
        .input
        .regimens
        .iter()
        .map(|r| r.label.as_str())
        .collect();
    assert_eq!(labels, ["tac_q12h_prograf"]);
    assert_eq!(made.input.regimens[0].interval_h, 12.0);
    // A model id of the other drug is not a pin: the average stays.
    let other = DrugRecord {
        model_id: "press2010_csa".into(),
        ..DrugRecord::default()
    };
    let made = ask(Drug::Tacrolimus, &other, None);
    assert_eq!(made.input.model_id, "woillard2011_tac");
    assert!(made.input.average.is_some());
}

#[test]
fn dmip_advise_answers_a_record_file_as_the_screen_does() {
    let mut patient_record = PatientRecord::new("r1");
    patient_record.patient = dm_patient();
    patient_record.cyclosporine = cyclosporine();
    let path = temp_file("record.json", &record::write(&patient_record));
    let now = "2026-11-03T15:00:00+09:00";
    let args = [
        "--record",
        &path,
        "--drug",
        "cyclosporine",
        "--now",
        now,
        "--draws",
        "50",
    ];
    // The input: the question's, field for field.
    let mut input_only = args.to_vec();
    input_only.push("--input-only");
    let made = ask(Drug::Cyclosporine, &patient_record.cyclosporine, None);
    let want = serde_json::to_value(&made.input).expect("JSON");
    assert_eq!(json(&dmip("advise", &input_only)), want);
    // The answer: the engine's for that input (the same suggested dose).
    let answer = json(&dmip("advise", &args));
    let out = compute(&made.input).expect("computable");
    assert_eq!(answer, serde_json::to_value(&out).expect("JSON"));
    let amount = answer["advice"]["candidates"][0]["dose"]["amount_mg"]
        .as_f64()
        .expect("a suggested amount");
    assert!(amount > 100.0, "{amount}");
}

#[test]
fn dmip_advise_says_a_value_beyond_the_limits_in_the_language_asked() {
    let mut patient_record = PatientRecord::new("r3");
    patient_record.patient = dm_patient();
    patient_record.cyclosporine = DrugRecord {
        doses: doses(1e9, 12.0, 6),
        ..cyclosporine()
    };
    let path = temp_file("limits.json", &record::write(&patient_record));
    let args = |lang: &'static str| {
        let mut a = vec![
            "--record".to_owned(),
            path.clone(),
            "--drug".into(),
            "cyclosporine".into(),
            "--now".into(),
            "2026-11-03T15:00:00+09:00".into(),
            "--draws".into(),
            "20".into(),
        ];
        if !lang.is_empty() {
            a.extend(["--lang".to_owned(), lang.to_owned()]);
        }
        a
    };
    let run = |lang| {
        let a = args(lang);
        let a: Vec<&str> = a.iter().map(String::as_str).collect();
        failure(&dmip("advise", &a))
    };
    let en = run("");
    assert!(
        en.ends_with("limits.json: dose row 1: 1e9 mg per dose is outside 0.01–5000 mg"),
        "{en}"
    );
    assert_eq!(run("en"), en);
    let ja = run("ja");
    assert!(
        ja.ends_with(
            "limits.json: 投与歴の 1 行目：1回 1e9 mg は受け付けられる範囲（0.01〜5000 mg）の外です"
        ),
        "{ja}"
    );
    let fr = dmip(
        "advise",
        &["--lang", "fr", "--record", &path, "--drug", "cyclosporine"],
    );
    assert!(!fr.status.success());
    assert!(String::from_utf8_lossy(&fr.stderr).contains("not a language of the engine"));
}

#[test]
fn dmip_advise_says_why_nothing_was_computed_in_the_language_asked() {
    // A record with levels but no dose: the screen's "no doses", in words.
    let mut patient_record = PatientRecord::new("r4");
    patient_record.patient = dm_patient();
    patient_record.cyclosporine = DrugRecord {
        doses: Vec::new(),
        ..cyclosporine()
    };
    let path = temp_file("no_doses.json", &record::write(&patient_record));
    let run = |lang: &str| {
        failure(&dmip(
            "advise",
            &[
                "--record",
                &path,
                "--drug",
                "cyclosporine",
                "--now",
                "2026-11-03T15:00:00+09:00",
                "--lang",
                lang,
            ],
        ))
    };
    let ja = run("ja");
    assert!(
        ja.ends_with("no_doses.json: 投与歴がありません。投与を入力してください"),
        "{ja}"
    );
    let en = run("en");
    assert!(
        en.ends_with("no_doses.json: the dosing history is empty: add a dose"),
        "{en}"
    );
}

#[test]
fn dmip_advise_names_what_it_cannot_read() {
    let missing = failure(&dmip(
        "advise",
        &["--record", "no-such.json", "--drug", "tacrolimus"],
    ));
    assert!(missing.starts_with("dmip: no-such.json: "), "{missing}");
    let path = temp_file("bad.json", "{\"schema\": 99}");
    let bad = failure(&dmip(
        "advise",
        &["--record", &path, "--drug", "tacrolimus"],
    ));
    assert!(bad.contains("bad.json: "), "{bad}");
    let good = temp_file("good.json", &record::write(&PatientRecord::new("r2")));
    let time = failure(&dmip(
        "advise",
        &[
            "--record",
            &good,
            "--drug",
            "tacrolimus",
            "--now",
            "2026-11-03 15:00",
        ],
    ));
    assert!(
        time.starts_with("dmip: --now 2026-11-03 15:00: not an RFC 3339 time with its offset"),
        "{time}"
    );
}

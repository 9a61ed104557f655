//! Covariates that change over the history, from the record to the drug
//! screen's computation: a prednisolone taper on Press 2010's PSL, an azole
//! period on Kirubakaran 2022's AZOLE (each against the model's equations
//! solved independently, piece by piece, by the Taylor-series solver of
//! `common`), a change of meal timing starting an absorption occasion in
//! Umpierrez 2021, and the co-medications a model has no covariate for.

mod cli_support;
mod common;

use cli_support::{dmip, json, temp_file};
use common::{reference_over_time, RefDose};
use dmip_engine::catalog::builtin;
use dmip_engine::clinical::body::Sex;
use dmip_engine::clinical::sources::Source;
use dmip_engine::dosing::{CovariateSeries, Dose, Event, Observation};
use dmip_engine::estimate::Problem;
use dmip_engine::io::nonmem_write::write_with_steps;
use dmip_engine::model::{Absorption, Disposition, PkModel};
use dmip_engine::record::{covariate_steps, covariates_for, PatientInfo, PrednisoloneRow};
use dmip_engine::tdm::{
    compute, Assumption, CoMedication, DoseRow, Drug, Formulation, MealTiming, SampleLabel,
    TdmInput, TdmNote, TdmOutput,
};
use dmip_engine::test_support::{at, input, level};
use std::collections::BTreeMap;

/// A level to predict only (no value) at `time`.
fn predict_at(time: &str) -> dmip_engine::tdm::LevelRow {
    dmip_engine::tdm::LevelRow {
        value_ng_ml: None,
        ..level(time, 1.0, SampleLabel::C2)
    }
}

/// `count` doses of `amount` mg every 12 h from `start`.
fn row(start: &str, amount: f64, count: u32, meal: Option<MealTiming>) -> DoseRow {
    DoseRow {
        start: at(start),
        amount_mg: amount,
        interval_h: Some(12.0),
        count,
        at_steady_state: false,
        formulation: None,
        ongoing: false,
        meal,
    }
}

/// The screen's input for `patient` as the app builds it: constants and
/// steps from the record, the co-medications as listed.
fn from_record(
    drug: Drug,
    model: &str,
    patient: &PatientInfo,
    doses: Vec<DoseRow>,
    formulation: Option<Formulation>,
) -> TdmInput {
    let def = builtin(model).expect("built in").expect("valid");
    let (cov, _) = covariates_for(&def, patient, formulation);
    let mut i = input(drug, model, &[], doses, vec![], vec![]);
    i.covariates = cov;
    i.covariate_steps = covariate_steps(patient);
    i.comedications = patient.comedications.clone();
    i.now = at("2026-11-01T07:00:00+09:00");
    i.horizon_h = 17.0 * 24.0;
    i
}

/// Press 2010 computed for `patient` (Neoral, no product named).
fn press_for(patient: &PatientInfo, doses: Vec<DoseRow>) -> TdmOutput {
    compute(&from_record(
        Drug::Cyclosporine,
        "press2010_csa",
        patient,
        doses,
        None,
    ))
    .expect("computable")
}

/// Every point of the population curve after the first dose against the
/// reference; returns the largest relative difference.
fn worst(out: &TdmOutput, reference: impl Fn(&[f64]) -> Vec<f64>) -> f64 {
    let (times, values): (Vec<f64>, Vec<f64>) = out
        .curves
        .time_h
        .iter()
        .zip(&out.curves.population)
        .filter(|(t, _)| **t > 0.0)
        .map(|(t, c)| (*t, *c))
        .unzip();
    assert!(times.len() > 200, "{} points", times.len());
    let expected = reference(&times);
    values
        .iter()
        .zip(&expected)
        .map(|(a, b)| common::rel(*a, *b))
        .fold(0.0, f64::max)
}

/// The population concentration at hour `t` of the curve (a grid point).
fn at_hour(out: &TdmOutput, t: f64) -> f64 {
    let i = out
        .curves
        .time_h
        .iter()
        .position(|x| (x - t).abs() < 1e-9)
        .unwrap_or_else(|| panic!("{t} h is not on the grid"));
    out.curves.population[i]
}

/// Press 2010 at 60 kg, η = 0 (Table 4): KTR 2.0 h⁻¹ and F 0.5, × 0.45 and
/// × 0.78 with prednisolone ≥ 20 mg/day; CL 15·(60/76)^0.75 L/h, V1
/// 56·60/76 L, Q 14 L/h, V2 125 L; depot → 1 transit → central.
fn press(psl_at_least_20: bool) -> PkModel {
    let wt: f64 = 60.0 / 76.0;
    let (ktr, f) = if psl_at_least_20 {
        (2.0 * 0.45, 0.5 * 0.78)
    } else {
        (2.0, 0.5)
    };
    PkModel {
        absorption: Absorption::Transit { n: 2, ktr },
        disposition: Disposition::Clearance {
            cl: 15.0 * wt.powf(0.75),
            v1: 56.0 * wt,
            peripherals: vec![(14.0, 125.0)],
        },
        bioavailability: f,
        lag: 0.0,
        scale: 1000.0,
    }
}

fn doses_every_12h(amount: f64, count: usize) -> Vec<RefDose> {
    (0..count)
        .map(|k| RefDose {
            time: 12.0 * k as f64,
            amount,
            cmt: 1,
            duration: 0.0,
        })
        .collect()
}

/// 60 kg; prednisolone 30 mg/day since before the first dose, 15 mg/day
/// from `change`.
fn taper(change: &str) -> PatientInfo {
    PatientInfo {
        weight_kg: Some(60.0),
        prednisolone: vec![
            PrednisoloneRow {
                start: None,
                mg_day: 30.0,
            },
            PrednisoloneRow {
                start: Some(at(change)),
                mg_day: 15.0,
            },
        ],
        ..PatientInfo::default()
    }
}

#[test]
fn a_prednisolone_taper_moves_press_from_its_high_dose_model_to_its_low_dose_model() {
    // Neoral 100 mg every 12 h for 14 days from 1 Nov 08:00; prednisolone
    // 30 mg/day since before the first dose, 15 mg/day from 8 Nov 08:00
    // (hour 168, a dose time: that dose takes the new F).
    let mut patient = taper("2026-11-08T08:00:00+09:00");
    let doses = vec![row("2026-11-01T08:00:00+09:00", 100.0, 28, None)];
    let taper = press_for(&patient, doses.clone());
    let models = [(f64::NEG_INFINITY, press(true)), (168.0, press(false))];
    let reference = |t: &[f64]| reference_over_time(&models, &doses_every_12h(100.0, 28), t);
    let err = worst(&taper, reference);
    assert!(err < 1e-9, "taper vs reference: {err:e}");
    // Before the taper, exactly the model on 30 mg/day throughout.
    patient.prednisolone.truncate(1);
    let high = press_for(&patient, doses.clone());
    assert_eq!(taper.curves.time_h, high.curves.time_h);
    for ((t, a), b) in taper
        .curves
        .time_h
        .iter()
        .zip(&taper.curves.population)
        .zip(&high.curves.population)
    {
        if *t < 168.0 {
            assert_eq!(a, b, "{t} h");
        }
    }
    // C2 on day 7 (hour 146) on 30 mg/day, and on day 14 (hour 314) after
    // the taper: the low-dose model's steady state, which the reference
    // with 15 mg/day throughout gives to 0.1 %.
    let c2_before = at_hour(&taper, 146.0);
    let c2_after = at_hour(&taper, 314.0);
    let low = reference_over_time(
        &[(f64::NEG_INFINITY, press(false))],
        &doses_every_12h(100.0, 28),
        &[314.0],
    )[0];
    let high_ss = reference_over_time(
        &[(f64::NEG_INFINITY, press(true))],
        &doses_every_12h(100.0, 28),
        &[146.0],
    )[0];
    assert!(
        common::rel(c2_before, high_ss) < 1e-9,
        "{c2_before} {high_ss}"
    );
    assert!(common::rel(c2_after, low) < 1e-3, "{c2_after} {low}");
    assert!(c2_after > 1.3 * c2_before, "{c2_before} → {c2_after}");
    eprintln!("Press 2010 C2: {c2_before:.1} ng/mL on 30 mg/day → {c2_after:.1} ng/mL on 15 mg/day (steady state {low:.1})");
}

#[test]
fn the_taper_exported_as_a_nonmem_csv_predicts_the_same_with_dmip_predict() {
    // The same taper as above, written with its PSL column over time and
    // read back by the CLI (last value carried forward): C2 before the
    // taper, the first C2 after it, and on day 14.
    let patient = taper("2026-11-08T06:00:00+09:00");
    let doses = vec![row("2026-11-01T08:00:00+09:00", 100.0, 28, None)];
    let mut input = from_record(Drug::Cyclosporine, "press2010_csa", &patient, doses, None);
    input.levels = [
        "2026-11-07T10:00:00+09:00",
        "2026-11-08T10:00:00+09:00",
        "2026-11-14T10:00:00+09:00",
    ]
    .map(predict_at)
    .to_vec();
    let text = write_with_steps(
        "1",
        &input.doses,
        &input.levels,
        &input.covariates,
        &input.covariate_steps,
        3,
    )
    .expect("written");
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[0],
        "ID,TIME,EVID,AMT,CMT,II,ADDL,SS,DV,MDV,BLQ,LLOQ,PSL,WT"
    );
    // The change at 06:00 on 8 Nov (hour 166) is a covariate row of its
    // own, and the dose row is split at it: ADDL repeats take the F of
    // their record (NONMEM), so the doses after it need a record of their
    // own.
    assert_eq!(
        lines[1..5],
        [
            "1,0,1,100,1,12,13,0,.,1,0,.,30,60",
            "1,146,0,.,3,0,0,0,.,1,0,.,30,60",
            "1,166,2,.,.,0,0,0,.,1,0,.,15,60",
            "1,168,1,100,1,12,13,0,.,1,0,.,15,60",
        ]
    );
    let v = json(&dmip(
        "predict",
        &[
            "--model",
            "press2010_csa",
            "--data",
            &temp_file("taper.csv", &text),
        ],
    ));
    let got: Vec<f64> = v["subjects"][0]["predictions"]
        .as_array()
        .expect("predictions")
        .iter()
        .filter_map(|p| p["pred"].as_f64())
        .collect();
    let times = [146.0, 170.0, 314.0];
    let models = [(f64::NEG_INFINITY, press(true)), (166.0, press(false))];
    let expected = reference_over_time(&models, &doses_every_12h(100.0, 28), &times);
    assert_eq!(got.len(), 3, "{v}");
    for (g, e) in got.iter().zip(&expected) {
        assert!(common::rel(*g, *e) < 1e-9, "{g} vs {e}");
    }
    // And the screen's own computation, at the same times.
    let out = compute(&input).expect("computable");
    for (t, e) in times.iter().zip(&expected) {
        assert!(common::rel(at_hour(&out, *t), *e) < 1e-9, "{t} h");
    }
}

#[test]
fn press_at_steady_state_on_each_side_of_20_mg_matches_the_published_comparison() {
    // Press 2010 computed apart from the engine for a 55-kg DM-ILD patient
    // (100 mg every 12 h, η = 0, steady state): C0 146.6 and C2 447.5 ng/mL
    // with prednisolone ≥ 20 mg/day, 174.6 and 739.2 without.
    let mut row = row("2026-11-01T08:00:00+09:00", 100.0, 4, None);
    row.at_steady_state = true;
    for (mg_day, c0, c2) in [(30.0, 146.6, 447.5), (15.0, 174.6, 739.2)] {
        let patient = PatientInfo {
            weight_kg: Some(55.0),
            prednisolone: vec![PrednisoloneRow {
                start: None,
                mg_day,
            }],
            ..PatientInfo::default()
        };
        let out = press_for(&patient, vec![row.clone()]);
        // The trough before the second dose (the first takes the state at
        // steady state with it).
        let (got0, got2) = (at_hour(&out, 12.0), at_hour(&out, 2.0));
        assert!(
            (got0 - c0).abs() < 0.05 && (got2 - c2).abs() < 0.05,
            "{mg_day} mg/day: {got0} {got2}"
        );
    }
}

/// Kirubakaran 2022 for a woman of 55 kg and 158 cm with a haematocrit of
/// 35 %, η = 0 (nlmixr2lib Kirubakaran_2022_tacrolimus.R): fat-free mass by
/// Janmahasatian, CL 21.1 (4.2 with an azole) × (FFM/57)^0.75 ×
/// (35/34)^−0.84 L/h, V1 197·FFM/57 L, Q 55·(FFM/57)^0.75 L/h, V2
/// 297·FFM/57 L, KA 0.508 h⁻¹.
fn kirubakaran(azole: bool) -> PkModel {
    let bmi = 55.0 / (1.58_f64 * 1.58);
    let ffm = 9270.0 * 55.0 / (8780.0 + 244.0 * bmi);
    let r: f64 = ffm / 57.0;
    let cl = if azole { 4.2 } else { 21.1 };
    PkModel {
        absorption: Absorption::FirstOrder { ka: 0.508 },
        disposition: Disposition::Clearance {
            cl: cl * r.powf(0.75) * (35.0_f64 / 34.0).powf(-0.84),
            v1: 197.0 * r,
            peripherals: vec![(55.0 * r.powf(0.75), 297.0 * r)],
        },
        bioavailability: 1.0,
        lag: 0.0,
        scale: 1000.0,
    }
}

#[test]
fn an_azole_period_switches_kirubakaran_to_its_azole_clearance_until_a_week_after_the_stop() {
    let mut patient = PatientInfo {
        sex: Some(Sex::Female),
        weight_kg: Some(55.0),
        height_cm: Some(158.0),
        hematocrit_pct: Some(35.0),
        comedications: vec![CoMedication::named("ST合剤")],
        ..PatientInfo::default()
    };
    let doses = vec![row("2026-11-01T08:00:00+09:00", 2.0, 30, None)];
    let tac = |p: &PatientInfo| {
        compute(&from_record(
            Drug::Tacrolimus,
            "kirubakaran2022_tac",
            p,
            doses.clone(),
            Some(Formulation::Prograf),
        ))
        .expect("computable")
    };
    // Without an azole: "no azole" assumed and said, as before.
    let without = tac(&patient);
    assert!(without.assumptions.iter().any(
        |a| matches!(a, Assumption::Typical { covariate, value, .. } if covariate == "AZOLE" && *value == 0.0)
    ));
    let none = [(f64::NEG_INFINITY, kirubakaran(false))];
    let err = worst(&without, |t| {
        reference_over_time(&none, &doses_every_12h(2.0, 30), t)
    });
    assert!(err < 1e-9, "no azole: {err:e}");
    // Itraconazole from 4 Nov 08:00 (hour 72) to 6 Nov 08:00: AZOLE = 1
    // until a week after the stop, 13 Nov 08:00 (hour 288).
    patient.comedications.push(CoMedication {
        name: "イトリゾール".into(),
        start: Some(at("2026-11-04T08:00:00+09:00")),
        stop: Some(at("2026-11-06T08:00:00+09:00")),
    });
    let with = tac(&patient);
    assert!(with
        .assumptions
        .iter()
        .all(|a| !matches!(a, Assumption::Typical { covariate, .. } if covariate == "AZOLE")));
    let models = [
        (f64::NEG_INFINITY, kirubakaran(false)),
        (72.0, kirubakaran(true)),
        (288.0, kirubakaran(false)),
    ];
    let err = worst(&with, |t| {
        reference_over_time(&models, &doses_every_12h(2.0, 30), t)
    });
    assert!(err < 1e-9, "azole period: {err:e}");
    // The trough before the dose of 13 Nov 08:00, after nine days of the
    // azole's clearance, against the same day without it.
    let (c0_with, c0_without) = (at_hour(&with, 288.0), at_hour(&without, 288.0));
    assert!(c0_with > 3.0 * c0_without, "{c0_without} → {c0_with}");
    // Near steady state without it: Kirubakaran 2022 computed apart from the
    // engine (η = 0) gives C0 8.39 ng/mL for this patient at 2 mg every 12 h.
    assert!((c0_without - 8.39).abs() < 0.005, "{c0_without}");
    eprintln!("Kirubakaran 2022 C0 on 13 Nov: {c0_without:.2} ng/mL without the azole, {c0_with:.2} with it");
    // The output says where AZOLE came from, and warns of nothing else.
    assert_eq!(
        with.notes
            .iter()
            .filter(|n| !matches!(n, TdmNote::NoAdvice { .. }))
            .collect::<Vec<_>>(),
        [&TdmNote::FromComedications {
            covariate: "AZOLE".into(),
            names: vec!["イトリゾール".into()],
            after_stop_h: 168.0,
        }]
    );
}

#[test]
fn a_quantified_inhibitor_the_model_has_no_covariate_for_is_a_warning_with_its_source() {
    let patient = PatientInfo {
        hematocrit_pct: Some(35.0),
        cyp3a5: dmip_engine::record::Cyp3a5::NonExpresser,
        comedications: vec![
            CoMedication {
                name: "itraconazole 200 mg".into(),
                start: Some(at("2026-11-02T08:00:00+09:00")),
                stop: None,
            },
            // Stopped long before the first dose: not in the history.
            CoMedication {
                name: "ボリコナゾール".into(),
                start: Some(at("2026-09-01T08:00:00+09:00")),
                stop: Some(at("2026-09-20T08:00:00+09:00")),
            },
        ],
        ..PatientInfo::default()
    };
    let doses = vec![row("2026-11-01T08:00:00+09:00", 3.0, 10, None)];
    let woillard = compute(&from_record(
        Drug::Tacrolimus,
        "woillard2011_tac",
        &patient,
        doses.clone(),
        Some(Formulation::Prograf),
    ))
    .expect("computable");
    let warned: Vec<&TdmNote> = woillard
        .notes
        .iter()
        .filter(|n| matches!(n, TdmNote::Unmodelled { .. }))
        .collect();
    assert_eq!(warned.len(), 1, "{:?}", woillard.notes);
    let TdmNote::Unmodelled {
        name,
        drug_ja,
        start,
        stop,
        effect,
        ..
    } = warned[0]
    else {
        unreachable!()
    };
    assert_eq!(
        (name.as_str(), drug_ja.as_str(), start.as_deref(), stop),
        (
            "itraconazole 200 mg",
            "イトラコナゾール",
            Some("2026-11-02T08:00:00+09:00"),
            &None
        )
    );
    // The figure and its source come from the interaction data.
    assert!(
        effect.en.contains("21.1 → 4.2 L/h (−80 %)"),
        "{}",
        effect.en
    );
    assert_eq!(effect.source, Source::Kirubakaran2023);
    assert_eq!(
        warned[0].to_string(),
        format!(
            "itraconazole 200 mg (from 2026-11-02 08:00) (itraconazole): the model has no covariate \
             for it, and the predictions leave out its effect: {} ({}).",
            effect.en,
            Source::Kirubakaran2023.citation()
        )
    );
    // Cyclosporine: voriconazole during the history, Mori 2009's figure.
    let csa_patient = PatientInfo {
        weight_kg: Some(60.0),
        prednisolone: vec![PrednisoloneRow {
            start: None,
            mg_day: 10.0,
        }],
        comedications: vec![CoMedication::named("ブイフェンド")],
        ..PatientInfo::default()
    };
    let press = press_for(
        &csa_patient,
        vec![row("2026-11-01T08:00:00+09:00", 100.0, 6, None)],
    );
    assert!(
        press
            .notes
            .iter()
            .any(|n| matches!(n, TdmNote::Unmodelled { effect, .. }
            if effect.source == Source::Mori2009 && effect.ja.contains("+82.1 %"))),
        "{:?}",
        press.notes
    );
}

#[test]
fn a_change_of_meal_timing_starts_a_new_absorption_occasion_in_umpierrez() {
    // After meals for two days, then before meals from 3 Nov 08:00 (hour
    // 48); a trough and a C2 on the first timing.
    use MealTiming::{AfterMeal, BeforeMeal};
    let doses = vec![
        row("2026-11-01T08:00:00+09:00", 100.0, 4, Some(AfterMeal)),
        row("2026-11-03T08:00:00+09:00", 100.0, 6, Some(BeforeMeal)),
    ];
    let levels = vec![
        level("2026-11-02T07:54:00+09:00", 110.0, SampleLabel::C0),
        level("2026-11-02T10:00:00+09:00", 800.0, SampleLabel::C2),
    ];
    let mut i = input(
        Drug::Cyclosporine,
        "umpierrez2021_csa",
        &[("CRCL", 98.62)],
        doses.clone(),
        levels.clone(),
        vec![],
    );
    i.now = at("2026-11-03T07:00:00+09:00");
    let out = compute(&i).expect("computable");
    let note = TdmNote::AbsorptionOccasion {
        row: 1,
        from: "2026-11-03T08:00:00+09:00".into(),
        before: AfterMeal,
        after: BeforeMeal,
        parameters: vec!["CL".into(), "KA".into(), "ALAG".into()],
        levels: 0,
    };
    assert!(out.notes.contains(&note), "{:?}", out.notes);
    let fit = out.fit.as_ref().expect("fitted");
    // One occasion with levels: η of CL and Q, κ of KA, CL, ALAG.
    assert_eq!(fit.eta.len(), 5, "{:?}", fit.names);
    // The same problem by hand: the forecast after hour 48 takes the
    // population's κ (0) with the patient's η; before it, the estimate.
    let def = builtin("umpierrez2021_csa")
        .expect("built in")
        .expect("valid");
    let mut events: Vec<Event> = vec![
        Event::Observation(Observation::measured(23.9, 2, 110.0)),
        Event::Observation(Observation::measured(26.0, 2, 800.0)),
        Event::Dose(Dose::bolus(0.0, 100.0, 1).repeated(12.0, 3)),
        Event::Dose(Dose::bolus(48.0, 100.0, 1).repeated(12.0, 5)),
    ];
    events.sort_by(|a, b| a.time().total_cmp(&b.time()));
    let cov: BTreeMap<String, CovariateSeries> =
        [("CRCL".to_owned(), CovariateSeries::constant(98.62))].into();
    let one = Problem::new(&def, events.clone(), &cov, &[]).expect("problem");
    let two = Problem::new(&def, events, &cov, &[f64::NEG_INFINITY, 48.0]).expect("problem");
    let individual = out.curves.individual.as_ref().expect("individual curve");
    let theta = &fit.eta;
    let carried_over = one
        .predict_times(theta, &out.curves.time_h)
        .expect("predicts");
    let mut kappa_zero = theta.clone();
    kappa_zero[2..].fill(0.0);
    let fresh = one
        .predict_times(&kappa_zero, &out.curves.time_h)
        .expect("predicts");
    assert_eq!(
        two.predict_times(theta, &out.curves.time_h)
            .expect("predicts"),
        *individual
    );
    let mut differ = false;
    for (k, t) in out.curves.time_h.iter().enumerate() {
        if *t < 48.0 {
            assert!(common::rel(individual[k], carried_over[k]) < 1e-12, "{t} h");
        } else if *t > 49.0 {
            differ |= common::rel(carried_over[k], fresh[k]) > 1e-3;
        }
    }
    assert!(differ, "κ = 0 changes the forecast after the change");
    // Without the change, one occasion runs on with the estimate's κ.
    let mut same = i.clone();
    same.doses[1].meal = Some(AfterMeal);
    let kept = compute(&same).expect("computable");
    assert!(!kept
        .notes
        .iter()
        .any(|n| matches!(n, TdmNote::AbsorptionOccasion { .. })));
    assert_eq!(kept.fit.as_ref().map(|f| &f.eta), Some(theta));
    // A level on the new timing gets its own occasion.
    let mut measured = i.clone();
    measured
        .levels
        .push(level("2026-11-03T10:00:00+09:00", 1200.0, SampleLabel::C2));
    measured.now = at("2026-11-03T11:00:00+09:00");
    let out = compute(&measured).expect("computable");
    assert_eq!(out.fit.as_ref().map(|f| f.eta.len()), Some(8));
    assert!(out
        .notes
        .iter()
        .any(|n| matches!(n, TdmNote::AbsorptionOccasion { levels, .. } if *levels == 1)));
    // Press 2010 varies F between occasions: the same change starts one;
    // Woillard (no between-occasion variability) computes as before.
    let mut press_input = i.clone();
    press_input.model_id = "press2010_csa".into();
    press_input.covariates = [("WT".to_owned(), 60.0), ("PSL".to_owned(), 10.0)].into();
    let press = compute(&press_input).expect("computable");
    assert!(press.notes.iter().any(
        |n| matches!(n, TdmNote::AbsorptionOccasion { parameters, .. } if parameters == &["F"])
    ));
}

#[test]
fn in_an_average_each_model_keeps_its_own_notes() {
    // Itraconazole from 2 Nov: Kirubakaran reads it as its AZOLE covariate,
    // Woillard has no covariate for it and warns with the quantified effect.
    let patient = PatientInfo {
        weight_kg: Some(55.0),
        height_cm: Some(158.0),
        sex: Some(dmip_engine::clinical::body::Sex::Female),
        hematocrit_pct: Some(35.0),
        cyp3a5: dmip_engine::record::Cyp3a5::NonExpresser,
        comedications: vec![CoMedication {
            name: "itraconazole 200 mg".into(),
            start: Some(at("2026-11-02T08:00:00+09:00")),
            stop: None,
        }],
        ..PatientInfo::default()
    };
    let doses = vec![row("2026-11-01T08:00:00+09:00", 2.0, 10, None)];
    let ids = ["woillard2011_tac", "kirubakaran2022_tac"];
    let mut input = from_record(
        Drug::Tacrolimus,
        ids[0],
        &patient,
        doses,
        Some(Formulation::Prograf),
    );
    // Each model's covariates merged, as the app does.
    for id in &ids[1..] {
        let def = builtin(id).expect("built in").expect("valid");
        input
            .covariates
            .extend(covariates_for(&def, &patient, Some(Formulation::Prograf)).0);
    }
    input.average = Some(dmip_engine::tdm::Averaging {
        models: ids.iter().map(|m| (*m).to_owned()).collect(),
        weighting: Default::default(),
    });
    let out = compute(&input).expect("computable");
    let avg = out.average.as_ref().expect("an average");
    let kinds = |i: usize| -> Vec<&str> {
        avg.models[i]
            .notes
            .iter()
            .map(|n| match n {
                TdmNote::Unmodelled { name, .. } => name.as_str(),
                TdmNote::FromComedications { covariate, .. } => covariate.as_str(),
                _ => "other",
            })
            .collect()
    };
    assert_eq!(
        kinds(0),
        ["itraconazole 200 mg"],
        "{:?}",
        avg.models[0].notes
    );
    assert_eq!(kinds(1), ["AZOLE"], "{:?}", avg.models[1].notes);
}

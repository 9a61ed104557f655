//! The drug-screen computation end to end: clock-time rows in, timing
//! checks, fit, curves, AUC comparison and advice out.

use dmip_engine::tdm::{
    compute, defaults, AucMethod, DoseRow, Drug, LevelRow, SampleLabel, TdmError, TdmInput,
    TimingProblem,
};

use dmip_engine::test_support::{at, doses, input, regimen};

/// A level measured by CMIA.
fn level(time: &str, value: f64, label: SampleLabel) -> LevelRow {
    LevelRow {
        assay: Some("CMIA".into()),
        ..dmip_engine::test_support::level(time, value, label)
    }
}

/// Press 2010 at 60 kg on prednisolone 50 mg/day, 100 mg every 12 h × 6
/// from 1 Nov 08:00, both regimens compared, 200 draws.
fn cyclosporine(levels: Vec<LevelRow>) -> TdmInput {
    TdmInput {
        draws: 200,
        ..input(
            Drug::Cyclosporine,
            "press2010_csa",
            &[("WT", 60.0), ("PSL", 50.0)],
            doses(100.0, 12.0, 6),
            levels,
            vec![
                regimen("twice daily after meals", 12.0),
                regimen("once daily before breakfast", 24.0),
            ],
        )
    }
}

#[test]
fn a_full_profile_gives_trapezoid_lss_and_model_aucs_and_advice() {
    let input = cyclosporine(vec![
        level("2026-11-03T07:50:00+09:00", 120.0, SampleLabel::C0),
        level("2026-11-03T09:00:00+09:00", 480.0, SampleLabel::C1),
        level("2026-11-03T10:00:00+09:00", 620.0, SampleLabel::C2),
        level("2026-11-03T11:00:00+09:00", 520.0, SampleLabel::C3),
        level("2026-11-03T12:00:00+09:00", 400.0, SampleLabel::C4),
        level("2026-11-03T14:00:00+09:00", 250.0, SampleLabel::C6),
    ]);
    let out = compute(&input).expect("computable");
    assert!(
        out.levels.iter().all(|l| l.problem.is_none()),
        "{:?}",
        out.levels
    );
    // The C0 drawn 10 min before the 08:00 dose belongs to that dose.
    assert!((out.levels[0].after_dose_h.expect("after a dose") + 10.0 / 60.0).abs() < 1e-9);
    let fit = out.fit.as_ref().expect("levels → fit");
    assert!(fit.converged);
    let trap4 = out
        .aucs
        .iter()
        .find(|a| a.method == AucMethod::Trapezoid && a.interval == "AUC0-4")
        .expect("profile covers 0–4 h");
    // Linear trapezoid with C(0) = 120: 0.5·(120+480) + 0.5·(480+620) + 0.5·(620+520) + 0.5·(520+400).
    assert!((trap4.value - 1880.0).abs() < 1e-9, "{}", trap4.value);
    assert!(out
        .aucs
        .iter()
        .any(|a| a.method == AucMethod::Model && a.interval == "AUC0-6"));
    // AUC0-6 = 0.496·C2 + 0.517·C3 + 776.9 (lung Tx; poppk-models §3a).
    let lss = out
        .aucs
        .iter()
        .find(|a| a.method == AucMethod::Lss && a.interval == "AUC0-6")
        .expect("C2 and C3 present");
    assert!((lss.value - (0.496 * 620.0 + 0.517 * 520.0 + 776.9)).abs() < 1e-9);
    assert_eq!(out.curves.time_h.len(), out.curves.population.len());
    assert!(out
        .curves
        .band
        .as_ref()
        .is_some_and(|b| b.len() == out.curves.time_h.len()));
    let advice = out.advice.expect("advice");
    assert_eq!(advice.candidates.len(), 2);
    assert!(
        advice.candidates[0].dose.amount_mg > 100.0,
        "C2 620 is below target: the dose goes up"
    );
}

#[test]
fn mislabelled_future_and_early_levels_are_flagged() {
    let out = compute(&cyclosporine(vec![
        level("2026-11-03T11:00:00+09:00", 700.0, SampleLabel::C2),
        level("2026-11-04T10:00:00+09:00", 700.0, SampleLabel::C2),
        level("2026-10-31T10:00:00+09:00", 700.0, SampleLabel::C2),
    ]))
    .expect("computable");
    assert_eq!(
        out.levels[0].problem,
        Some(TimingProblem::LabelMismatch {
            label_h: 2.0,
            actual_h: 3.0
        })
    );
    assert_eq!(
        out.levels[0]
            .problem
            .as_ref()
            .map(|p| p.to_string())
            .as_deref(),
        Some("labelled C2 but drawn 3.00 h after the dose (used at its real time)")
    );
    assert_eq!(out.levels[1].problem, Some(TimingProblem::InFuture));
    assert_eq!(out.levels[2].problem, Some(TimingProblem::BeforeAnyDose));
    // Only the usable level enters the fit.
    assert_eq!(out.fit.expect("one level").ipred.len(), 1);
}

#[test]
fn without_levels_the_advice_is_a_priori() {
    let out = compute(&cyclosporine(vec![])).expect("computable");
    assert!(out.fit.is_none());
    assert_eq!(
        out.advice.expect("advice").basis,
        dmip_engine::dose::AdviceBasis::APriori
    );
    let mut bad = cyclosporine(vec![]);
    bad.model_id = "nope".into();
    let unknown = compute(&bad).expect_err("unknown");
    assert_eq!(unknown.to_string(), "no built-in model “nope”");
    // The ids available travel with the error (for a programmer).
    assert!(matches!(
        unknown,
        TdmError::UnknownModel(_, ref available)
            if available == "press2010_csa, umpierrez2021_csa, woillard2011_tac, monchaud2012_tac, kirubakaran2022_tac"
    ));
    bad.model_id = "press2010_csa".into();
    bad.doses[0].amount_mg = -5.0;
    assert_eq!(
        compute(&bad).expect_err("negative").to_string(),
        "dose row 1: -5 mg per dose is outside 0.01–5000 mg"
    );
}

/// Woillard 2011 with the product on each row: a switch from Prograf to
/// Graceptor changes the population curve from the switch on, not before.
#[test]
fn a_product_switch_changes_the_model_from_that_row() {
    use dmip_engine::tdm::Formulation;
    let row = |start: &str, interval: f64, f: Formulation| DoseRow {
        start: at(start),
        amount_mg: 3.0,
        interval_h: Some(interval),
        count: 6,
        at_steady_state: false,
        formulation: Some(f),
        ongoing: false,
        meal: None,
    };
    let t = defaults(Drug::Tacrolimus);
    let input = |second: Formulation| TdmInput {
        drug: Drug::Tacrolimus,
        model_id: "woillard2011_tac".into(),
        covariates: [
            ("HCT".to_string(), 35.0),
            ("CYP3A5".to_string(), 0.0),
            ("FORM".to_string(), 1.0),
        ]
        .into(),
        doses: vec![
            row("2026-11-01T08:00:00+09:00", 12.0, Formulation::Prograf),
            row("2026-11-04T08:00:00+09:00", 24.0, second),
        ],
        covariate_steps: Default::default(),
        comedications: vec![],
        dose_changes: vec![],
        levels: vec![],
        now: at("2026-11-09T08:00:00+09:00"),
        target: t.aim.range,
        limit: t.limit.clone().map(|l| l.range),
        regimens: vec![],
        disagreement_pct: 20.0,
        horizon_h: 24.0,
        draws: 50,
        without_band: false,
        prescribing: Default::default(),
        average: None,
    };
    let same = compute(&input(Formulation::Prograf)).expect("computable");
    let switched = compute(&input(Formulation::Graceptor)).expect("computable");
    let (a, b) = (&same.curves, &switched.curves);
    assert_eq!(a.time_h, b.time_h);
    let switch_h = 72.0;
    for ((t, x), y) in a.time_h.iter().zip(&a.population).zip(&b.population) {
        if *t < switch_h {
            assert_eq!(x, y, "before the switch, t = {t}");
        }
    }
    let after = a
        .time_h
        .iter()
        .zip(a.population.iter().zip(&b.population))
        .filter(|(t, (x, y))| **t > switch_h + 1.0 && (*x - *y).abs() > 1e-6 * x.abs().max(1e-9))
        .count();
    assert!(
        after > 10,
        "the Graceptor rows change the curve ({after} points differ)"
    );
}

/// A missed dose leaves its interval without a dose; a late one moves it.
#[test]
fn missed_and_late_doses_change_the_curve_from_that_dose() {
    use dmip_engine::tdm::DoseChange;
    let base = cyclosporine(vec![]);
    let plain = compute(&base).expect("computable");
    let mut missed = base.clone();
    missed.dose_changes = vec![DoseChange {
        scheduled: at("2026-11-03T08:00:00+09:00"),
        taken: None,
    }];
    let missed_out = compute(&missed).expect("computable");
    assert!(missed_out.unmatched_changes.is_empty());
    let mut late = base.clone();
    late.dose_changes = vec![
        DoseChange {
            scheduled: at("2026-11-03T08:00:00+09:00"),
            taken: Some(at("2026-11-03T11:00:00+09:00")),
        },
        // Not a dose of the row: reported, the rest still applies.
        DoseChange {
            scheduled: at("2026-11-03T09:00:00+09:00"),
            taken: None,
        },
    ];
    let late_out = compute(&late).expect("computable");
    assert_eq!(late_out.unmatched_changes, [1]);
    // At "now" (2026-11-03 15:00, always on the grid, 55 h after the first
    // dose): 7 h after the planned 08:00 dose, 19 h after the one before
    // when it was missed, 4 h after it when it was taken at 11:00.
    let at_now = |out: &dmip_engine::tdm::TdmOutput| {
        let c = &out.curves;
        let i = c
            .time_h
            .iter()
            .position(|t| (t - c.now_h).abs() < 1e-9)
            .expect("now is on the grid");
        c.population[i]
    };
    assert!((plain.curves.now_h - 55.0).abs() < 1e-9);
    assert!(at_now(&missed_out) < 0.8 * at_now(&plain), "missed");
    assert!(at_now(&late_out) > 1.2 * at_now(&missed_out), "late");
}

#[test]
fn a_note_is_written_with_its_reason_as_text() {
    let n = dmip_engine::tdm::TdmNote::NoAdvice {
        reason: dmip_engine::dose::DoseError::NoStrengths,
    };
    assert_eq!(
        serde_json::to_string(&n).unwrap(),
        r#"{"note":"no_advice","reason":"the model lists no product strengths to round the dose to"}"#
    );
}

#[test]
fn without_the_band_everything_else_is_the_same() {
    // The screen shows this answer first and the one with the band a frame
    // later: the advice (its dose chosen on the probabilities), the fit and
    // its check must not change between the two.
    let full = cyclosporine(vec![
        level("2026-11-03T07:50:00+09:00", 120.0, SampleLabel::C0),
        level("2026-11-03T10:00:00+09:00", 620.0, SampleLabel::C2),
    ]);
    let quick = TdmInput {
        without_band: true,
        ..full.clone()
    };
    let (mut with_band, without) = (compute(&full).unwrap(), compute(&quick).unwrap());
    assert!(with_band
        .curves
        .band
        .as_ref()
        .is_some_and(|b| !b.is_empty()));
    assert_eq!(without.curves.band, None);
    let advice = without.advice.as_ref().unwrap();
    assert!(advice
        .candidates
        .iter()
        .all(|c| c.probability_in_range.is_some()));
    with_band.curves.band = None;
    assert_eq!(with_band, without);
}

//! The drug screen as a model average (`tdm::average`): weights that add
//! up to 1 and follow the objectives, the averaged curve and advice as the
//! weighted sums of each model computed alone, models left out with their
//! reason, every model failing as one error, equal weights without a
//! level, and each model's assumptions.

use dmip_engine::estimate::average::LeftOut;
use dmip_engine::estimate::Weighting;
use dmip_engine::tdm::{
    compute, Assumption, Averaging, Drug, LevelRow, ModelLeftOut, SampleLabel, TdmError, TdmInput,
    TdmOutput,
};
use dmip_engine::test_support::{doses, input, level, regimen};

const CSA: [&str; 2] = ["press2010_csa", "umpierrez2021_csa"];
const TAC: [&str; 3] = [
    "woillard2011_tac",
    "monchaud2012_tac",
    "kirubakaran2022_tac",
];

/// Neoral 100 mg every 12 h at steady state, a C0 and a C2; the union of
/// both models' covariates (Press: WT, PSL; Umpierrez: CRCL).
fn cyclosporine(levels: Vec<LevelRow>) -> TdmInput {
    input(
        Drug::Cyclosporine,
        CSA[0],
        &[("WT", 60.0), ("PSL", 30.0), ("CRCL", 80.0)],
        doses(100.0, 12.0, 6),
        levels,
        vec![regimen("twice daily", 12.0), regimen("once daily", 24.0)],
    )
}

fn csa_levels() -> Vec<LevelRow> {
    vec![
        level("2026-11-03T07:55:00+09:00", 110.0, SampleLabel::C0),
        level("2026-11-03T10:00:00+09:00", 650.0, SampleLabel::C2),
    ]
}

/// Prograf 3 mg every 12 h, one trough; HCT and CYP3A5 not given (CF = 0
/// and AZOLE as the record gives them).
fn tacrolimus(levels: Vec<LevelRow>) -> TdmInput {
    input(
        Drug::Tacrolimus,
        TAC[0],
        &[
            ("FORM", 1.0),
            ("WT", 55.0),
            ("HT", 158.0),
            ("SEX", 1.0),
            ("AGE", 60.0),
            ("CF", 0.0),
        ],
        doses(3.0, 12.0, 6),
        levels,
        vec![regimen("twice daily", 12.0)],
    )
}

fn averaged(mut input: TdmInput, models: &[&str], weighting: Weighting) -> TdmInput {
    input.average = Some(Averaging {
        models: models.iter().map(|m| (*m).to_owned()).collect(),
        weighting,
    });
    input
}

/// The input with model `id` alone.
fn alone(input: &TdmInput, id: &str) -> TdmOutput {
    let mut one = input.clone();
    one.average = None;
    one.model_id = id.to_owned();
    compute(&one).expect("the model alone is computable")
}

fn close(a: f64, b: f64, rel: f64) -> bool {
    (a - b).abs() <= rel * b.abs().max(1e-12)
}

#[test]
fn weights_add_up_to_one_and_follow_the_objectives() {
    for weighting in [Weighting::Ll, Weighting::Aic] {
        let out =
            compute(&averaged(cyclosporine(csa_levels()), &CSA, weighting)).expect("averaged");
        let avg = out.average.as_ref().expect("an average");
        assert_eq!(avg.weighting, weighting);
        assert!(!avg.equal);
        assert_eq!(avg.models.len(), 2);
        let total: f64 = avg.models.iter().map(|m| m.weight).sum();
        assert!((total - 1.0).abs() < 1e-12, "{total}");
        assert!(avg
            .models
            .iter()
            .all(|m| m.weight.is_finite() && m.left_out.is_none()));
        // By hand: w ∝ exp(−OFV/2 − k), k = 3 η (Press: KA, CL, V1) and
        // 2 (Umpierrez: CL, V): exp(−Δ/2 − Δk) for the second.
        let o: Vec<f64> = avg
            .models
            .iter()
            .map(|m| m.objective.expect("fitted"))
            .collect();
        let penalty = if weighting == Weighting::Aic {
            2.0 - 3.0
        } else {
            0.0
        };
        let r = (-(o[1] - o[0]) / 2.0 - penalty).exp();
        assert!(close(avg.models[1].weight, r / (1.0 + r), 1e-9), "{avg:?}");
        // The lead (the estimate shown) is the heavier model.
        let heavier = if avg.models[0].weight >= avg.models[1].weight {
            CSA[0]
        } else {
            CSA[1]
        };
        assert_eq!(avg.lead, heavier);
        let lead_alone = alone(&cyclosporine(csa_levels()), heavier);
        assert_eq!(out.fit, lead_alone.fit);
        // The objective each line shows is the model's own, Press 2010's
        // (error on ln C) put on the levels' scale: + 2·(ln 110 + ln 650).
        let own = |id| {
            alone(&cyclosporine(csa_levels()), id)
                .fit
                .expect("fitted")
                .objective
        };
        let press = own(CSA[0]) + 2.0 * (110f64.ln() + 650f64.ln());
        assert!(close(o[0], press, 1e-12), "{} vs {press}", o[0]);
        assert_eq!(o[1], own(CSA[1]));
    }
}

#[test]
fn the_averaged_curve_and_advice_are_the_weighted_sums_of_each_model_alone() {
    let input = averaged(cyclosporine(csa_levels()), &CSA, Weighting::Ll);
    let out = compute(&input).expect("averaged");
    let avg = out.average.as_ref().expect("an average");
    let w: Vec<f64> = avg.models.iter().map(|m| m.weight).collect();
    let each: Vec<TdmOutput> = CSA.iter().map(|id| alone(&input, id)).collect();
    // The individual curve at every time the grids share.
    let curve = out.curves.individual.as_ref().expect("an averaged curve");
    let mut shared = 0;
    for (i, t) in out.curves.time_h.iter().enumerate() {
        let at = |o: &TdmOutput| {
            let k = o.curves.time_h.iter().position(|x| x == t)?;
            Some(o.curves.individual.as_ref()?[k])
        };
        let (Some(a), Some(b)) = (at(&each[0]), at(&each[1])) else {
            continue;
        };
        shared += 1;
        let sum = w[0] * a + w[1] * b;
        assert!(close(curve[i], sum, 1e-9), "t {t}: {} vs {sum}", curve[i]);
    }
    assert!(shared > 50, "only {shared} shared times");
    // The band is a mixture around it.
    let band = out.curves.band.as_ref().expect("a band");
    assert_eq!(band.len(), curve.len());
    assert!(band
        .iter()
        .zip(curve)
        .all(|(b, c)| b.p05 <= b.p95 && close(b.ipred, *c, 1e-12)));
    // The advice: each predicted level at the averaged amount a is
    // Σ w·(model's level per mg)·a, the model's per mg being its own
    // prediction over its own amount.
    let advice = out.advice.as_ref().expect("averaged advice");
    for (k, c) in advice.candidates.iter().enumerate() {
        let a = c.dose.amount_mg;
        for (j, (label, value)) in c.predicted.iter().enumerate() {
            let sum: f64 = each
                .iter()
                .zip(&w)
                .map(|(o, wm)| {
                    let own = &o.advice.as_ref().expect("own advice").candidates[k];
                    wm * own.predicted[j].1 / own.dose.amount_mg * a
                })
                .sum();
            assert!(close(*value, sum, 1e-9), "{label}: {value} vs {sum}");
        }
        // The exact amount hits the aim with the averaged exposure.
        assert!(close(
            c.exact_mg * c.target_value / a,
            advice.target.aim(),
            1e-9
        ));
        assert!(c
            .probability_in_range
            .is_some_and(|p| (0.0..=1.0).contains(&p)));
    }
    assert_eq!(advice.draws, input.draws);
    // Each line's own dose and forecast are the model's alone; the
    // average's forecast of the next level is Σ w·theirs.
    for (m, o) in avg.models.iter().zip(&each) {
        let own = o
            .advice
            .as_ref()
            .and_then(|a| a.suggested())
            .expect("own dose");
        assert_eq!(
            m.suggested,
            Some((own.regimen.label.clone(), own.dose.amount_mg))
        );
    }
    let next: Vec<f64> = avg
        .models
        .iter()
        .map(|m| m.next_level.as_ref().expect("a forecast").value)
        .collect();
    let mean = avg.next_level.as_ref().expect("the average's forecast");
    assert_eq!(mean.metric, "C2");
    assert!(
        close(mean.value, w[0] * next[0] + w[1] * next[1], 1e-9),
        "{mean:?} {next:?}"
    );
    // The AUC from the models is the average's, named with the weights.
    let model_auc = out
        .aucs
        .iter()
        .find(|a| a.method == dmip_engine::tdm::AucMethod::Model)
        .expect("a model AUC");
    assert!(
        model_auc.basis.to_string().starts_with("Press 2010 "),
        "{}",
        model_auc.basis
    );
    assert!(
        model_auc.basis.to_string().contains(", Umpierrez 2021 "),
        "{}",
        model_auc.basis
    );
    assert!(out.other_models.is_empty());
}

#[test]
fn a_model_that_cannot_be_computed_is_left_out_with_its_reason() {
    let models = [CSA[0], "no_such_model", CSA[1]];
    let out = compute(&averaged(
        cyclosporine(csa_levels()),
        &models,
        Weighting::Ll,
    ))
    .expect("two models are enough");
    let avg = out.average.expect("an average");
    let missing = &avg.models[1];
    assert_eq!(missing.weight, 0.0);
    assert!(missing.suggested.is_none() && missing.next_level.is_none());
    assert!(
        matches!(&missing.left_out, Some(ModelLeftOut::Error(TdmError::UnknownModel(id, _))) if id == "no_such_model"),
        "{missing:?}"
    );
    assert!((avg.models[0].weight + avg.models[2].weight - 1.0).abs() < 1e-12);
}

#[test]
fn a_level_a_log_error_model_cannot_take_leaves_it_out() {
    // A trough of 0 has no logarithm: Kirubakaran's error is on ln C.
    let input = averaged(
        tacrolimus(vec![level(
            "2026-11-03T07:55:00+09:00",
            0.0,
            SampleLabel::C0,
        )]),
        &TAC,
        Weighting::Ll,
    );
    let out = compute(&input).expect("Woillard and Monchaud fit");
    let avg = out.average.expect("an average");
    let k = &avg.models[2];
    assert_eq!(k.model_id, TAC[2]);
    assert_eq!(k.weight, 0.0);
    assert_eq!(
        k.left_out,
        Some(ModelLeftOut::Fit(LeftOut::NonPositiveLevel))
    );
    assert_eq!(
        k.left_out.as_ref().map(ToString::to_string).as_deref(),
        Some("a level ≤ 0 cannot be fitted by a model whose error is on ln C")
    );
    assert!((avg.models[0].weight + avg.models[1].weight - 1.0).abs() < 1e-12);
}

#[test]
fn every_model_failing_says_why_for_each_or_the_error_they_share() {
    let err = compute(&averaged(
        cyclosporine(csa_levels()),
        &["nope_a", "nope_b"],
        Weighting::Ll,
    ))
    .expect_err("nothing to average");
    let TdmError::NoModel(reasons) = &err else {
        panic!("{err:?}");
    };
    assert_eq!(reasons.len(), 2);
    assert!(
        err.to_string()
            .starts_with("no model could be computed: nope_a: no built-in model “nope_a”"),
        "{err}"
    );
    assert!(
        err.to_string()
            .contains("; nope_b: no built-in model “nope_b”"),
        "{err}"
    );
    // A dose row every model refuses: that one error, naming the row.
    let mut bad = cyclosporine(csa_levels());
    bad.doses[0].amount_mg = 0.0;
    let err = compute(&averaged(bad, &CSA, Weighting::Ll)).expect_err("no dose");
    // (Refused by the limits before any model: `tdm::guard`.)
    assert!(matches!(err, TdmError::Limit(_)), "{err:?}");
    assert_eq!(
        err.to_string(),
        "dose row 1: 0 mg per dose is outside 0.01–5000 mg"
    );
}

#[test]
fn without_levels_the_models_weigh_the_same_and_the_advice_is_a_priori() {
    let out = compute(&averaged(cyclosporine(vec![]), &CSA, Weighting::Aic)).expect("a priori");
    let avg = out.average.as_ref().expect("an average");
    assert!(avg.equal);
    assert!(avg
        .models
        .iter()
        .all(|m| m.weight == 0.5 && m.objective.is_none()));
    let advice = out.advice.expect("advice from the covariates");
    assert_eq!(advice.basis, dmip_engine::dose::AdviceBasis::APriori);
    assert!(out.curves.band.is_none() && out.curves.individual.is_none());
    assert!(!out.curves.population.is_empty());
}

#[test]
fn each_model_states_what_it_assumed_for_a_missing_covariate() {
    let out = compute(&averaged(
        tacrolimus(vec![level(
            "2026-11-03T07:55:00+09:00",
            7.0,
            SampleLabel::C0,
        )]),
        &TAC,
        Weighting::Ll,
    ))
    .expect("averaged");
    let avg = out.average.expect("an average");
    let says = |i: usize, covariate: &str| {
        avg.models[i].assumptions.iter().any(|a| match a {
            Assumption::Typical { covariate: c, .. }
            | Assumption::Genotype { covariate: c, .. } => c == covariate,
        })
    };
    // Woillard: haematocrit and CYP3A5; Monchaud: CYP3A5; Kirubakaran:
    // haematocrit (and no azole).
    assert!(
        says(0, "HCT") && says(0, "CYP3A5"),
        "{:?}",
        avg.models[0].assumptions
    );
    assert!(
        says(1, "CYP3A5") && !says(1, "HCT"),
        "{:?}",
        avg.models[1].assumptions
    );
    assert!(
        says(2, "HCT") && !says(2, "CYP3A5"),
        "{:?}",
        avg.models[2].assumptions
    );
    let total: f64 = avg.models.iter().map(|m| m.weight).sum();
    assert!((total - 1.0).abs() < 1e-12);
    assert!(avg
        .models
        .iter()
        .all(|m| m.left_out.is_none() && m.suggested.is_some()));
}

//! Model averaging (`estimate::average`): the log-scale correction by hand,
//! a model that cannot be fitted left out with its reason, all failing as
//! one error, and the average as Σ w·ipred.

use dmip_engine::catalog::builtin;
use dmip_engine::dosing::{CovariateSeries, Dose, Event, Observation};
use dmip_engine::estimate::average::{data_scale_objective, AverageError, LeftOut};
use dmip_engine::estimate::{
    average, AverageQuestion, Candidate, MapOptions, ModelAverage, Problem, Weighting,
};
use std::collections::BTreeMap;

/// 2 mg every 12 h at steady state; troughs and a C2 as given, plus a
/// prediction-only row at 6 h.
fn problem(id: &str, levels: &[(f64, f64)]) -> Problem {
    let def = builtin(id).expect("built in").expect("valid");
    let central = def.compartments().1;
    let mut events = vec![Event::Dose(Dose::bolus(0.0, 2.0, 1).at_steady_state(12.0))];
    for &(t, y) in levels {
        events.push(Event::Observation(Observation::measured(t, central, y)));
    }
    events.push(Event::Observation(Observation::prediction(6.0, central)));
    events.sort_by(|a, b| a.time().total_cmp(&b.time()));
    let cov: BTreeMap<String, CovariateSeries> = [
        ("WT", 55.0),
        ("HT", 158.0),
        ("SEX", 1.0),
        ("HCT", 35.0),
        ("AZOLE", 0.0),
        ("CYP3A5", 0.0),
        ("FORM", 1.0),
        ("CF", 0.0),
    ]
    .iter()
    .map(|(k, v)| (k.to_string(), CovariateSeries::constant(*v)))
    .collect();
    Problem::new(&def, events, &cov, &[]).expect("problem")
}

/// The average of these fitted problems.
fn average_of(
    problems: &[(&str, &Problem)],
    weighting: Weighting,
) -> Result<ModelAverage, AverageError> {
    let candidates: Vec<Candidate> = problems
        .iter()
        .map(|(model, p)| Candidate {
            model,
            problem: Ok(*p),
        })
        .collect();
    average(&AverageQuestion {
        candidates: &candidates,
        weighting,
        options: &MapOptions::default(),
    })
}

#[test]
fn a_log_additive_objective_is_put_on_the_scale_of_the_levels() {
    let levels = [(2.0, 14.0), (11.9, 9.0)];
    let log = problem("kirubakaran2022_tac", &levels);
    let want = 5.0 + 2.0 * (14.0f64.ln() + 9.0f64.ln());
    assert!((data_scale_objective(&log, 5.0) - want).abs() < 1e-12);
    // A model with error on the concentration's own scale is unchanged.
    let linear = problem("woillard2011_tac", &levels);
    assert_eq!(data_scale_objective(&linear, 5.0), 5.0);
}

#[test]
fn the_average_is_the_weighted_sum_and_a_failed_model_is_left_out() {
    let levels = [(2.0, 16.0), (11.9, 9.5)];
    let k = problem("kirubakaran2022_tac", &levels);
    let w = problem("woillard2011_tac", &levels);
    let candidates = [
        Candidate {
            model: "kirubakaran2022_tac",
            problem: Ok(&k),
        },
        Candidate {
            model: "woillard2011_tac",
            problem: Ok(&w),
        },
        Candidate {
            model: "broken",
            problem: Err("body weight (WT) is needed by this model and was not given".into()),
        },
    ];
    for weighting in [Weighting::Ll, Weighting::Aic, Weighting::Evidence] {
        let avg = average(&AverageQuestion {
            candidates: &candidates,
            weighting,
            options: &MapOptions::default(),
        })
        .expect("two models fit");
        assert_eq!(avg.models.len(), 3);
        let broken = &avg.models[2];
        assert_eq!(broken.weight, 0.0);
        assert_eq!(
            broken.reason,
            Some(LeftOut::Given(
                "body weight (WT) is needed by this model and was not given".into()
            ))
        );
        let kept = &avg.models[..2];
        let total: f64 = kept.iter().map(|m| m.weight).sum();
        assert!((total - 1.0).abs() < 1e-12, "{total}");
        // Weights from the objectives by hand.
        let o: Vec<f64> = kept.iter().map(|m| m.objective.expect("fitted")).collect();
        let occam: Vec<f64> = kept.iter().map(|m| m.occam.expect("Σ")).collect();
        let penalty = match weighting {
            Weighting::Ll => 0.0,
            Weighting::Aic => 2.0 - 5.0, // k = 2 (Kirubakaran) vs 5 (Woillard)
            Weighting::Evidence => (occam[0] - occam[1]) / 2.0,
        };
        let ratio = (-(o[0] - o[1]) / 2.0 - penalty).exp();
        assert!((kept[0].weight - ratio / (1.0 + ratio)).abs() < 1e-9);
        // Three observation rows, the 6-h prediction row included.
        assert_eq!(avg.ipred.len(), 3);
        for (i, a) in avg.ipred.iter().enumerate() {
            let sum: f64 = kept.iter().map(|m| m.weight * m.ipred[i]).sum();
            assert!((a - sum).abs() < 1e-12);
        }
    }
}

#[test]
fn a_model_that_cannot_explain_a_level_is_left_out_and_all_failing_is_one_error() {
    // A level of 0 has no logarithm: the log-additive model cannot fit it.
    let levels = [(2.0, 0.0), (11.9, 9.5)];
    let k = problem("kirubakaran2022_tac", &levels);
    let w = problem("woillard2011_tac", &levels);
    let avg = average_of(
        &[("kirubakaran2022_tac", &k), ("woillard2011_tac", &w)],
        Weighting::Ll,
    )
    .expect("Woillard fits");
    assert_eq!(avg.models[0].weight, 0.0);
    assert_eq!(avg.models[0].reason, Some(LeftOut::NonPositiveLevel));
    assert_eq!(avg.models[1].weight, 1.0);
    assert_eq!(avg.ipred, avg.models[1].ipred);

    let none = [
        Candidate {
            model: "kirubakaran2022_tac",
            problem: Ok(&k),
        },
        Candidate {
            model: "other",
            problem: Err("the history uses compartment 5".into()),
        },
    ];
    let err = average(&AverageQuestion {
        candidates: &none,
        weighting: Weighting::Ll,
        options: &MapOptions::default(),
    })
    .expect_err("nothing fits");
    assert_eq!(
        err.to_string(),
        "no model could be fitted: kirubakaran2022_tac: a level ≤ 0 cannot be fitted by a \
         model whose error is on ln C; other: the history uses compartment 5"
    );
}

#[test]
fn without_levels_the_models_weigh_the_same() {
    let k = problem("kirubakaran2022_tac", &[]);
    let m = problem("monchaud2012_tac", &[]);
    let avg = average_of(
        &[("kirubakaran2022_tac", &k), ("monchaud2012_tac", &m)],
        Weighting::Aic,
    )
    .expect("fits");
    assert_eq!(avg.models[0].weight, 0.5);
    assert_eq!(avg.models[1].weight, 0.5);
}

#[test]
fn the_occam_term_counts_the_parameters_the_levels_narrow_not_those_left_at_their_prior() {
    // Kirubakaran's second η (CL with an azole) moves nothing while no
    // azole is given: its posterior is its prior, so it adds nothing, and
    // −ln det(ΣΩ⁻¹) is −ln of the first η's posterior/prior variance ratio
    // (its shrinkage), the covariance being diagonal.
    let k = problem("kirubakaran2022_tac", &[(2.0, 16.0), (11.9, 9.5)]);
    let fit = k.fit(&MapOptions::default());
    let m = dmip_engine::estimate::average::judged("kirubakaran2022_tac", &k, fit, None);
    let fit = m.fit.as_ref().expect("fitted");
    let shrinkage: Vec<f64> = fit.shrinkage.iter().map(|s| s.expect("Σ")).collect();
    assert_eq!(shrinkage.len(), 2);
    assert!((shrinkage[1] - 1.0).abs() < 1e-6, "{shrinkage:?}");
    let by_hand = -shrinkage.iter().map(|s| s.ln()).sum::<f64>();
    let occam = m.occam.expect("Σ");
    assert!((occam - by_hand).abs() < 1e-6, "{occam} vs {by_hand}");
    // Two levels narrow CL's η: the term is positive.
    assert!(occam > 0.1, "{occam}");
    // Without a level nothing is narrowed.
    let none = problem("kirubakaran2022_tac", &[]);
    let fit = none.fit(&MapOptions::default());
    let m = dmip_engine::estimate::average::judged("kirubakaran2022_tac", &none, fit, None);
    assert!(m.occam.expect("Σ").abs() < 1e-6, "{:?}", m.occam);
}

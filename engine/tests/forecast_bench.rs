//! The forecast benchmark (`simulate::forecast`) in small: 20 virtual
//! patients per truth instead of 500 (`cargo xtask forecast-bench` runs
//! the full one for BENCHMARKS.md), so the benchmark keeps working.

use dmip_engine::catalog::{builtin, builtin_ids, ModelDef};
use dmip_engine::estimate::MapOptions;
use dmip_engine::simulate::designs;
use dmip_engine::simulate::forecast::{
    forecast, ForecastQuestion, ForecastResult, Reference, AVERAGE, AVERAGE_AIC, AVERAGE_EVIDENCE,
};

fn tacrolimus_models() -> Vec<ModelDef> {
    builtin_ids()
        .filter_map(builtin)
        .map(|m| m.expect("valid"))
        .filter(|m| m.file.drug == "tacrolimus")
        .collect()
}

fn run(truth: &str, models: &[ModelDef]) -> ForecastResult {
    let truth = models.iter().find(|m| m.id() == truth).expect("truth");
    forecast(&ForecastQuestion {
        truth,
        models,
        design: designs::TACROLIMUS,
        n: 20,
        seed: 17,
        options: &MapOptions::default(),
    })
    .expect("benchmark runs")
}

#[test]
fn every_approach_forecasts_every_patient_of_a_woillard_truth() {
    let models = tacrolimus_models();
    let r = run("woillard2011_tac", &models);
    assert_eq!(r.patients, 20);
    let names: Vec<&str> = r.approaches.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "woillard2011_tac",
            "monchaud2012_tac",
            "kirubakaran2022_tac",
            AVERAGE,
            AVERAGE_AIC,
            AVERAGE_EVIDENCE
        ]
    );
    for a in &r.approaches {
        assert_eq!(
            a.concentration.forecasts, 20,
            "{}: {:?}",
            a.name, a.left_out
        );
        let mape = a.concentration.mape.expect("forecasts");
        assert!(mape.is_finite() && mape > 0.0, "{}", a.name);
        let within = a.level.within_20.expect("forecasts");
        assert!((0.0..=100.0).contains(&within));
    }
    // The goal is read off the table: the average's MAPE over the truth's.
    let g = r.goal(Reference::Concentration).expect("goal");
    let mape = |name: &str| {
        r.approaches
            .iter()
            .find(|a| a.name == name)
            .and_then(|a| a.concentration.mape)
    };
    assert_eq!(Some(g.average_mape), mape(AVERAGE));
    assert!((g.relative_excess - (g.average_mape / g.truth_mape - 1.0)).abs() < 1e-12);
    // Seeded: the same question, the same figures.
    assert_eq!(r, run("woillard2011_tac", &models));
}

#[test]
fn patients_without_a_reportable_level_are_counted_not_lost() {
    // Monchaud 2012's additive error (1.6 ng/mL) draws some low troughs
    // ≤ 0: those patients are left out of every approach, and counted.
    let models = tacrolimus_models();
    let r = run("monchaud2012_tac", &models);
    assert!(r.unreportable > 0, "seed 17 draws a level ≤ 0 to fit");
    for a in &r.approaches {
        let left: usize = a.left_out.values().sum();
        assert_eq!(
            a.concentration.forecasts + left + r.unreportable,
            20,
            "{}",
            a.name
        );
        assert_eq!(
            a.level.forecasts + r.unusable_levels,
            a.concentration.forecasts,
            "{}",
            a.name
        );
    }
}

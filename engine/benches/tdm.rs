//! The whole drug-screen computation (`tdm::compute`) on the performance
//! harness's record (tests/e2e/perf.mjs): 30 single doses every 12 h
//! ending 4 h before now, a C0 before the last dose and a C2 after it,
//! 100 draws (the app's live setting). One model against the average of
//! the drug's models: cyclosporine (2 models) and tacrolimus
//! with CYP3A5 unknown (3 models; Woillard and Monchaud each fitted for
//! both genotypes: 5 fits).

use chrono::Duration;
use criterion::{criterion_group, criterion_main, Criterion};
use dmip_engine::estimate::Weighting;
use dmip_engine::tdm::{
    compute, models_of, Averaging, DoseRow, Drug, Formulation, SampleLabel, TdmInput,
};
use std::hint::black_box;

use dmip_engine::test_support::{self, at, level, regimen};

/// 30 single doses of `mg` every 12 h, the last 4 h before now; a C0 of
/// `c0` 5 min before the last dose and a C2 of `c2` 2 h after it; 72 h of
/// forecast.
fn input(
    drug: Drug,
    model: &str,
    covariates: &[(&str, f64)],
    mg: f64,
    c0: f64,
    c2: f64,
) -> TdmInput {
    let now = at("2026-11-20T12:00:00+09:00");
    let last = now - Duration::hours(4);
    let form = match drug {
        Drug::Cyclosporine => Formulation::Neoral,
        Drug::Tacrolimus => Formulation::Prograf,
    };
    let doses = (0..30)
        .map(|i| DoseRow {
            start: last - Duration::hours(12 * (29 - i)),
            amount_mg: mg,
            interval_h: None,
            count: 1,
            ongoing: false,
            at_steady_state: false,
            formulation: Some(form),
            meal: None,
        })
        .collect();
    let clock = |t: chrono::DateTime<chrono::FixedOffset>| t.to_rfc3339();
    let levels = vec![
        level(&clock(last - Duration::minutes(5)), c0, SampleLabel::C0),
        level(&clock(last + Duration::hours(2)), c2, SampleLabel::C2),
    ];
    let mut input = test_support::input(
        drug,
        model,
        covariates,
        doses,
        levels,
        vec![regimen("every 12 h", 12.0)],
    );
    input.now = now;
    input.horizon_h = 72.0;
    input
}

fn averaged(mut input: TdmInput) -> TdmInput {
    input.average = Some(Averaging {
        models: models_of(input.drug)
            .iter()
            .map(|m| (*m).to_owned())
            .collect(),
        weighting: Weighting::Ll,
    });
    input
}

fn bench(c: &mut Criterion) {
    // The harness's patient: 55-year-old woman, 52 kg, 156 cm, creatinine
    // 0.7 mg/dL (Cockcroft–Gault 74.5 mL/min), prednisolone 40 mg/day.
    let csa = input(
        Drug::Cyclosporine,
        "press2010_csa",
        &[("WT", 52.0), ("PSL", 40.0), ("CRCL", 74.5)],
        100.0,
        110.0,
        650.0,
    );
    let tac = input(
        Drug::Tacrolimus,
        "woillard2011_tac",
        &[
            ("WT", 52.0),
            ("HT", 156.0),
            ("SEX", 1.0),
            ("AGE", 55.0),
            ("HCT", 35.0),
            ("FORM", 1.0),
            ("CF", 0.0),
        ],
        3.0,
        6.0,
        14.0,
    );
    let cases = [
        ("cyclosporine, Press 2010 alone", csa.clone()),
        ("cyclosporine, average of 2 models", averaged(csa)),
        (
            "tacrolimus, Woillard 2011 alone (CYP3A5 unknown: 2 fits)",
            tac.clone(),
        ),
        (
            "tacrolimus, average of 3 models (CYP3A5 unknown: 5 fits)",
            averaged(tac),
        ),
    ];
    let mut group = c.benchmark_group("tdm::compute, 30 doses, C0 + C2, 100 draws");
    for (name, input) in &cases {
        assert!(compute(input).is_ok(), "{name}");
        group.bench_function(*name, |b| b.iter(|| compute(black_box(input))));
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

//! A covariate the record lacks never blanks the drug screen: typical
//! values from the model file, and an unknown genotype computed both ways
//! and weighted (prior frequency × likelihood of the levels).

use dmip_engine::tdm::{compute, Assumption, Drug, SampleLabel, TdmInput, CYP3A5_JAPANESE};
use dmip_engine::test_support::{doses, input, level, regimen};

/// Prograf 3 mg every 12 h at steady state, FORM known, HCT and CYP3A5 not.
fn tacrolimus(levels: Vec<dmip_engine::tdm::LevelRow>) -> TdmInput {
    input(
        Drug::Tacrolimus,
        "woillard2011_tac",
        &[("FORM", 1.0)],
        doses(3.0, 12.0, 6),
        levels,
        vec![regimen("twice daily", 12.0)],
    )
}

fn trough(value: f64) -> dmip_engine::tdm::LevelRow {
    level("2026-11-03T07:55:00+09:00", value, SampleLabel::C0)
}

fn genotype(assumptions: &[Assumption]) -> (f64, Vec<dmip_engine::tdm::GenotypeBranch>) {
    assumptions
        .iter()
        .find_map(|a| match a {
            Assumption::Genotype {
                covariate,
                chosen,
                branches,
                ..
            } if covariate == "CYP3A5" => Some((*chosen, branches.clone())),
            _ => None,
        })
        .expect("a CYP3A5 assumption")
}

#[test]
fn a_toxic_trough_with_cyp3a5_and_haematocrit_unknown_is_computed_and_says_so() {
    let out = compute(&tacrolimus(vec![trough(25.0)])).expect("computable");
    assert!(out.fit.is_some());
    assert!(out.assumptions.contains(&Assumption::Typical {
        covariate: "HCT".into(),
        value: 35.0,
        description: "haematocrit".into(),
        unit: "%".into(),
    }));
    let (chosen, branches) = genotype(&out.assumptions);
    assert_eq!(branches.len(), 2);
    // Weights: prior × exp(−OFV/2), by hand from the branches' objectives.
    let o: Vec<f64> = branches
        .iter()
        .map(|b| b.objective.expect("fitted"))
        .collect();
    let raw = [
        CYP3A5_JAPANESE.levels[0].1 * (-(o[0]) / 2.0).exp(),
        CYP3A5_JAPANESE.levels[1].1 * (-(o[1]) / 2.0).exp(),
    ];
    let w0 = raw[0] / (raw[0] + raw[1]);
    assert!((branches[0].weight - w0).abs() < 1e-9, "{branches:?}");
    assert!((branches[0].weight + branches[1].weight - 1.0).abs() < 1e-12);
    // 25 ng/mL on 3 mg twice daily is more likely in a non-expresser.
    assert!(branches[0].weight > 0.5, "{branches:?}");
    assert_eq!(chosen, 0.0);
    // Both genotypes advise less than 3 mg, the expresser not less than the
    // non-expresser; the output is the non-expresser's.
    let dose = |i: usize| branches[i].suggested.as_ref().expect("advice").1;
    assert!(dose(0) < 3.0 && dose(1) < 3.0, "{branches:?}");
    assert!(dose(1) >= dose(0), "{branches:?}");
    let advice = out.advice.expect("advice");
    assert_eq!(
        advice.suggested().expect("a candidate").dose.amount_mg,
        dose(0)
    );
}

#[test]
fn without_levels_the_genotype_weights_are_the_japanese_frequencies() {
    let out = compute(&tacrolimus(vec![])).expect("computable");
    let (chosen, branches) = genotype(&out.assumptions);
    assert!(
        (branches[0].weight - 41.0 / 73.0).abs() < 1e-12,
        "{branches:?}"
    );
    assert!((branches[1].weight - 32.0 / 73.0).abs() < 1e-12);
    assert!(branches.iter().all(|b| b.objective.is_none()));
    assert_eq!(chosen, 0.0);
    // A priori, an expresser (CL × 2) needs about twice the dose.
    let d: Vec<f64> = branches
        .iter()
        .map(|b| b.suggested.as_ref().expect("advice").1)
        .collect();
    assert!(d[1] > 1.5 * d[0], "{d:?}");
}

#[test]
fn a_known_genotype_is_not_assumed() {
    let mut input = tacrolimus(vec![trough(8.0)]);
    input.covariates.insert("CYP3A5".into(), 1.0);
    input.covariates.insert("HCT".into(), 30.0);
    let out = compute(&input).expect("computable");
    assert!(out.assumptions.is_empty(), "{:?}", out.assumptions);
}

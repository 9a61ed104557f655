//! Limited-sampling equations: each evaluated on a hand-computed example, and
//! the sample-matching rules.

use dmip_engine::lss::{
    applicable, catalogue, AucInterval, Drug, LssError, LssSample, DEFAULT_TOLERANCE_H,
};

fn samples(points: &[(f64, f64)]) -> Vec<LssSample> {
    points
        .iter()
        .map(|&(time_h, conc)| LssSample { time_h, conc })
        .collect()
}

/// (id, hand-computed AUC) for every equation of `drug` on `points`.
fn estimates(drug: Drug, points: &[(f64, f64)]) -> Vec<(&'static str, f64)> {
    applicable(drug, &samples(points), DEFAULT_TOLERANCE_H)
        .unwrap()
        .into_iter()
        .map(|e| (e.equation.id, e.auc))
        .collect()
}

#[track_caller]
fn assert_estimates(got: &[(&str, f64)], expected: &[(&str, f64)]) {
    assert_eq!(got.len(), expected.len(), "{got:?}");
    for ((id, auc), (eid, eauc)) in got.iter().zip(expected) {
        assert_eq!(id, eid);
        assert!((auc - eauc).abs() < 1e-9, "{id}: {auc} vs {eauc}");
    }
}

#[test]
fn cyclosporine_equations_on_a_hand_computed_profile() {
    // C0 100, C1 800, C2 1000, C3 700, C4 500, C6 300, C8 200 ng/mL.
    let profile = [
        (0.0, 100.0),
        (1.0, 800.0),
        (2.0, 1000.0),
        (3.0, 700.0),
        (4.0, 500.0),
        (6.0, 300.0),
        (8.0, 200.0),
    ];
    assert_estimates(
        &estimates(Drug::Cyclosporine, &profile),
        &[
            ("csa-heart-c1-c4", 531.0 + 512.0 + 4060.0),
            ("csa-heart-c2-c6", 330.841 + 2235.0 + 2391.0),
            ("csa-lung-early-c2-c3", 496.0 + 361.9 + 776.9),
            ("csa-lung-stable-c1-c3", 185.62 + 1400.0 + 3437.0),
            ("csa-lung-stable-c0-c1-c3", 53.54 - 547.0 + 1688.0 + 4508.0),
            ("csa-oriental-kidney-c2-c8", 4262.0 + 1678.0 - 669.417),
            ("csa-oriental-kidney-trapezoid-c2-c8", 4000.0 + 1000.0),
            ("csa-oriental-kidney-c0-c2-c6", 400.0 + 3000.0 + 1500.0),
        ],
    );
}

#[test]
fn tacrolimus_equations_on_a_hand_computed_profile() {
    // C0 8, C0.33 15, C1 20, C2 18, C4 12, C8 9 ng/mL.
    let profile = [
        (0.0, 8.0),
        (0.33, 15.0),
        (1.0, 20.0),
        (2.0, 18.0),
        (4.0, 12.0),
        (8.0, 9.0),
    ];
    assert_estimates(
        &estimates(Drug::Tacrolimus, &profile),
        &[
            ("tac-kidney-c0-c1-c4", 8.90 + 32.0 + 35.4 + 65.64),
            ("tac-advagraf-kidney-c0-c2-c4", 44.9 + 71.2 + 37.8 + 91.2),
            ("tac-chen-mmf-c1-c2-c4", 10.776 + 14.98 + 28.872 + 49.392),
            (
                "tac-attard-paediatric-c0-c0.33-c2",
                9.1 + 45.6 + 16.5 + 37.8,
            ),
            ("tac-chen-emit-c2-c4-c8", 9.37 + 39.24 + 25.2 + 42.39),
        ],
    );
}

#[test]
fn the_only_auc0_6_equation_is_the_early_lung_one_and_metadata_is_kept() {
    let auc0_6: Vec<_> = catalogue()
        .iter()
        .filter(|e| e.interval == AucInterval::Auc0To6)
        .collect();
    assert_eq!(auc0_6.len(), 1);
    let e = auc0_6[0];
    assert_eq!(e.population, "lung Tx < week 2");
    assert_eq!(e.n, Some("12"));
    assert_eq!(e.r_squared, "0.94");
    assert!(e.citation.contains("PMC3678153"));
    assert_eq!(catalogue().len(), 13);
    let advagraf = catalogue()
        .iter()
        .find(|e| e.id == "tac-advagraf-kidney-c0-c2-c4")
        .unwrap();
    assert_eq!(advagraf.formulation, Some("Advagraf"));
    assert_eq!(advagraf.interval, AucInterval::Auc0To24);
}

#[test]
fn samples_match_within_tolerance_and_report_actual_times() {
    // C2 drawn at 2 h 10 min, C3 at 2 h 50 min, plus a pre-dose trough at −10 min.
    let s = samples(&[
        (-1.0 / 6.0, 120.0),
        (2.0 + 1.0 / 6.0, 900.0),
        (2.0 + 5.0 / 6.0, 600.0),
    ]);
    let got = applicable(Drug::Cyclosporine, &s, DEFAULT_TOLERANCE_H).unwrap();
    let ids: Vec<_> = got.iter().map(|e| e.equation.id).collect();
    assert_eq!(ids, ["csa-lung-early-c2-c3"]);
    let used: Vec<_> = got[0]
        .used
        .iter()
        .map(|u| (u.nominal_h, u.actual_h))
        .collect();
    assert_eq!(used, [(2.0, 2.0 + 1.0 / 6.0), (3.0, 2.0 + 5.0 / 6.0)]);
    assert!((got[0].auc - (0.496 * 900.0 + 0.517 * 600.0 + 776.9)).abs() < 1e-9);
    // 20 min late is outside ±15 min.
    let late = samples(&[(2.0 + 1.0 / 3.0, 900.0), (3.0, 600.0)]);
    assert!(applicable(Drug::Cyclosporine, &late, DEFAULT_TOLERANCE_H)
        .unwrap()
        .is_empty());
}

#[test]
fn the_nearest_sample_wins_and_one_sample_serves_one_nominal_time() {
    // Two draws near 2 h: the nearer is used.
    let s = samples(&[(1.9, 10.0), (2.05, 20.0), (3.0, 30.0)]);
    let got = applicable(Drug::Cyclosporine, &s, DEFAULT_TOLERANCE_H).unwrap();
    assert_eq!(got[0].used[0].conc, 20.0);
    // With a wide tolerance, a 0.2 h sample is nearer C0.33 than C0: it may
    // not serve as C0 in the Attard equation, which then lacks a C0.
    let s = samples(&[(0.2, 10.0), (2.0, 20.0)]);
    let got = applicable(Drug::Tacrolimus, &s, 0.5).unwrap();
    assert!(got.is_empty(), "{got:?}");
}

#[test]
fn negative_estimates_are_flagged_and_bad_input_is_an_error() {
    let s = samples(&[(2.0, 10.0), (8.0, 5.0)]);
    let got = applicable(Drug::Cyclosporine, &s, DEFAULT_TOLERANCE_H).unwrap();
    let oriental = got
        .iter()
        .find(|e| e.equation.id == "csa-oriental-kidney-c2-c8")
        .unwrap();
    // 4.262·10 + 8.390·5 − 669.417 = −584.847
    assert!((oriental.auc + 584.847).abs() < 1e-9);
    assert!(oriental.flags[0].starts_with("estimate -584.8 ng·h/mL is below 0"));
    assert_eq!(
        applicable(Drug::Tacrolimus, &samples(&[(1.0, -2.0)]), 0.25),
        Err(LssError::Concentration {
            sample: 1,
            conc: -2.0
        })
    );
    assert_eq!(
        applicable(Drug::Tacrolimus, &[], f64::NAN)
            .unwrap_err()
            .to_string(),
        "tolerance NaN h must be a finite number ≥ 0"
    );
}

//! The body-size, renal and dose formulas at 170 cm and 70 kg (BSA by
//! Mosteller, DuBois, Haycock and Fujimoto; Cockcroft–Gault, CKD-EPI 2021 and
//! the Japanese eGFR equation; a cyclophosphamide dose) against reference
//! values worked out apart from the engine, through the public API, plus
//! robustness: no panic, NaN or ∞ on arbitrary numbers; results round-trip
//! through JSON (the app stores them).

use approx::assert_abs_diff_eq;
use dmip_engine::clinical::analyte::Analyte;
use dmip_engine::clinical::body::{bsa, renal, BsaFormula, RenalEquation, RenalInput, Sex};
use dmip_engine::clinical::cyclophosphamide::{pulse_dose_mg, Basis, Prescription};
use dmip_engine::clinical::risk::{criteria, flair, AntiMda5, RiskInputs};
use dmip_engine::clinical::units::{check_plausibility, convert, Measurement, Unit};
use dmip_engine::clinical::{Gap, Status};
use proptest::prelude::*;

/// (formula, printed value) at 170 cm / 70 kg.
const BSA_TABLE: [(BsaFormula, f64); 4] = [
    (BsaFormula::Mosteller, 1.8181),
    (BsaFormula::DuBois, 1.8097),
    (BsaFormula::Haycock, 1.8257),
    (BsaFormula::Fujimoto, 1.7643),
];

#[test]
fn formulas_table() {
    for (f, want) in BSA_TABLE {
        assert_abs_diff_eq!(bsa(f, 170.0, 70.0).unwrap(), want, epsilon = 5e-5);
    }
    let man = RenalInput {
        age_years: 60.0,
        sex: Sex::Male,
        creatinine_mg_dl: 1.0,
        weight_kg: Some(70.0),
    };
    let woman = RenalInput {
        sex: Sex::Female,
        ..man
    };
    for (eq, input, want) in [
        (RenalEquation::CockcroftGault, man, 77.78),
        (RenalEquation::CkdEpi2021, man, 86.16),
        (RenalEquation::Jsn, man, 59.91),
        (RenalEquation::Jsn, woman, 44.27),
    ] {
        assert_abs_diff_eq!(renal(eq, &input).unwrap().value, want, epsilon = 5e-3);
    }
    let cyc = Prescription {
        basis: Basis::MgPerM2,
        amount: 600.0,
    };
    assert_abs_diff_eq!(
        pulse_dose_mg(cyc, Some(1.8181), None).unwrap(),
        1090.9,
        epsilon = 0.05
    );
}

#[test]
fn creatinine_in_umol_gives_the_same_egfr() {
    let scr = convert(Analyte::Creatinine, 88.4, Unit::UmolPerL, Unit::MgPerDl)
        .unwrap()
        .available()
        .unwrap();
    let input = RenalInput {
        age_years: 60.0,
        sex: Sex::Male,
        creatinine_mg_dl: scr,
        weight_kg: None,
    };
    assert_abs_diff_eq!(
        renal(RenalEquation::Jsn, &input).unwrap().value,
        59.91,
        epsilon = 5e-3
    );
}

#[test]
fn outputs_round_trip_through_json() {
    let inputs = RiskInputs {
        ferritin_ng_ml: Some(700.0),
        ldh_u_l: Some(400.0),
        anti_mda5: Some(AntiMda5::Plus2),
        hrct_score: Some(140.0),
        rp_ild: Some(true),
        ..Default::default()
    };
    let out = flair::flair(&inputs).unwrap();
    let json = serde_json::to_string(&out).unwrap();
    assert!(json.contains(r#""label":"published_model_output_not_advice""#));
    let back: dmip_engine::clinical::risk::ModelOutput<flair::FlairResult> =
        serde_json::from_str(&json).unwrap();
    assert_eq!(back, out);
    assert_eq!(back.result.unwrap().total, 12);
    let mck = criteria::mck(&inputs).unwrap();
    let back: dmip_engine::clinical::risk::ModelOutput<criteria::CriteriaResult> =
        serde_json::from_str(&serde_json::to_string(&mck).unwrap()).unwrap();
    assert_eq!(back.missing_inputs, mck.missing_inputs);
    assert_eq!(back.unavailable, vec![Gap::MckRiskGroupMapping]);
}

fn any_number() -> impl Strategy<Value = f64> {
    prop_oneof![
        any::<f64>(),
        -1e6..1e6f64,
        Just(f64::NAN),
        Just(f64::INFINITY),
        Just(0.0),
        Just(f64::MIN_POSITIVE),
        Just(f64::MAX),
    ]
}

proptest! {
    #[test]
    fn never_nan_or_panic(h in any_number(), w in any_number(), age in any_number(), scr in any_number()) {
        for f in BsaFormula::ALL {
            if let Ok(v) = bsa(f, h, w) {
                prop_assert!(v.is_finite() && v > 0.0);
            }
        }
        let input = RenalInput { age_years: age, sex: Sex::Female, creatinine_mg_dl: scr, weight_kg: Some(w) };
        for eq in RenalEquation::ALL {
            if let Ok(r) = renal(eq, &input) {
                prop_assert!(r.value.is_finite());
            }
        }
        for (a, from, to) in [
            (Analyte::Creatinine, Unit::UmolPerL, Unit::MgPerDl),
            (Analyte::Crp, Unit::MgPerL, Unit::MgPerDl),
            (Analyte::Wbc, Unit::GigaPerL, Unit::PerUl),
        ] {
            if let Ok(Status::Available { value }) = convert(a, h, from, to) {
                prop_assert!(value.is_finite());
            }
            let _ = check_plausibility(a, Measurement { value: h, unit: from });
        }
        let p = Prescription { basis: Basis::MgPerKg, amount: h };
        if let Ok(d) = pulse_dose_mg(p, None, Some(w)) {
            prop_assert!(d.is_finite());
        }
    }
}

proptest! {
    #[test]
    fn interaction_check_never_panics(name in "\\PC{0,40}", full_width in "[\u{FF01}-\u{FF5E}\u{3000}ＳＴ合剤İ]{0,12}") {
        for text in [name.as_str(), full_width.as_str()] {
            use dmip_engine::clinical::interactions::{check, Subject};
            let r = check(&[text], "tacrolimus").unwrap();
            // Every non-blank entry is either found or reported as not checked,
            // unless it names the drug itself.
            let accounted = r.hits.len() + r.not_checked.len() + r.no_row.len();
            let is_drug = Subject::parse(text).is_ok();
            prop_assert!(accounted >= 1 || text.trim().is_empty() || is_drug);
        }
    }
}

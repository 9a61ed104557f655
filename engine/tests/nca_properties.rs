//! NCA behaviour beyond the reference cases: exactness on mono-exponentials,
//! method contrast, BLQ rules, flags for what cannot be computed.

use dmip_engine::nca::{
    nca, BlqRule, Conc, Method, NcaError, NcaOptions, NcaResult, Profile, Route, Sample,
};
use proptest::prelude::*;

fn exp_profile(c0: f64, k: f64, times: &[f64]) -> Vec<Sample> {
    times
        .iter()
        .map(|&t| Sample::measured(t, c0 * (-k * t).exp()))
        .collect()
}

fn bolus(dose: f64) -> NcaOptions {
    NcaOptions {
        route: Route::IvBolus,
        dose: Some(dose),
        ..NcaOptions::default()
    }
}

#[track_caller]
fn near(got: Option<f64>, expected: f64, rel: f64) {
    let got = got.unwrap_or(f64::NAN);
    assert!(
        ((got - expected) / expected).abs() <= rel,
        "got {got}, expected {expected}"
    );
}

fn has_flag(r: &NcaResult, text: &str) -> bool {
    r.flags.iter().any(|f| f.contains(text))
}

proptest! {
    /// IV bolus C(t) = C0·e^(−kt) sampled without t = 0: C0 is back-extrapolated
    /// exactly, and log-down AUC, AUMC, MRT, CL, Vz are exact.
    #[test]
    fn mono_exponential_bolus_is_exact(
        c0 in 0.1f64..1000.0,
        k in 0.05f64..2.0,
        gaps in prop::collection::vec(0.1f64..3.0, 3..12),
    ) {
        let times: Vec<f64> = gaps.iter().scan(0.0, |t, g| { *t += g; Some(*t) }).collect();
        let r = nca(&exp_profile(c0, k, &times), &bolus(100.0)).unwrap();
        let rel = 1e-9;
        near(r.c0, c0, rel);
        near(r.lambda_z, k, rel);
        near(r.aucinf_obs, c0 / k, rel);
        near(r.aucinf_pred, c0 / k, rel);
        near(r.aumcinf_obs, c0 / (k * k), rel);
        near(r.mrt_obs, 1.0 / k, rel);
        near(r.mrt_pred, 1.0 / k, rel);
        near(r.cl, 100.0 * k / c0, rel);
        near(r.cl_pred, 100.0 * k / c0, rel);
        near(r.vz, 100.0 / c0, rel);
        // One compartment: Vss = Vz = dose/C0.
        near(r.vss_obs, 100.0 / c0, rel);
        near(r.vss_pred, 100.0 / c0, rel);
        near(r.clast_pred, r.clast.unwrap(), rel);
        // Back-extrapolated share: the area before the first sample over c0/k.
        near(r.aucpbext_obs, 100.0 * (1.0 - (-k * times[0]).exp()), 1e-8);
        // MRTlast = AUMClast/AUClast of the exponential on [0, tlast].
        let tl = times[times.len() - 1];
        let (e, auc) = ((-k * tl).exp(), c0 / k * (1.0 - (-k * tl).exp()));
        let aumc = c0 / (k * k) * (1.0 - e - k * tl * e);
        near(r.mrt_last, aumc / auc, 1e-8);
        let pext = 100.0 * (1.0 - aumc * k * k / c0);
        prop_assert!((r.aumcpext_obs.unwrap() - pext).abs() < 1e-9, "{:?} vs {}", r.aumcpext_obs, pext);
        prop_assert_eq!(r.lambda_z_n_points, Some(times.len()));
        prop_assert!(r.corr_xy.is_some_and(|x| (x + 1.0).abs() < 1e-9));
        prop_assert!(r.exclusions.iter().all(|e| e.rule != "min.hl.r.squared"));
    }

    /// Partial areas add up, and match the exponential inside and past the data.
    #[test]
    fn partial_auc_is_exact_and_additive(
        k in 0.05f64..1.0,
        a in 0.0f64..20.0,
        b in 0.0f64..20.0,
    ) {
        let (t1, t2) = (a.min(b), a.max(b));
        let times = [0.0, 0.5, 1.0, 2.0, 4.0, 6.0, 8.0];
        let p = Profile::new(&exp_profile(10.0, k, &times), &bolus(1.0)).unwrap();
        let exact = 10.0 / k * ((-k * t1).exp() - (-k * t2).exp());
        let got = p.partial_auc(t1, t2).unwrap();
        prop_assert!((got - exact).abs() <= 1e-9 * (1.0 + exact), "{} vs {}", got, exact);
        let mid = (t1 + t2) / 2.0;
        let split = p.partial_auc(t1, mid).unwrap() + p.partial_auc(mid, t2).unwrap();
        prop_assert!((split - got).abs() <= 1e-9 * (1.0 + got));
    }
}

#[test]
fn linear_overestimates_a_decline_that_log_down_gets_exactly() {
    let times = [0.0, 1.0, 2.0, 4.0, 6.0, 8.0, 12.0];
    let s = exp_profile(10.0, 0.25, &times);
    let exact = 10.0 / 0.25 * (1.0 - (-3.0f64).exp());
    let run = |method| {
        let opts = NcaOptions {
            method,
            ..NcaOptions::default()
        };
        nca(&s, &opts).unwrap().auclast.unwrap()
    };
    let (lin, log) = (run(Method::Linear), run(Method::LinUpLogDown));
    assert!((log - exact).abs() < 1e-10 * exact, "{log} vs {exact}");
    assert!(
        lin > exact * 1.01,
        "linear {lin} should overestimate {exact}"
    );
}

#[test]
fn steady_state_bolus_extrapolates_to_tau_and_mrt_is_one_over_k() {
    // C(t) = A·e^(−kt) over one interval at steady state; sampled up to 10 h, τ = 12 h.
    let (k, c0, tau) = (0.2f64, 10.0, 12.0);
    let a = c0 / (1.0 - (-k * tau).exp());
    let times = [0.5, 1.0, 2.0, 4.0, 6.0, 8.0, 10.0];
    let opts = NcaOptions {
        tau: Some(tau),
        ..bolus(50.0)
    };
    let r = nca(&exp_profile(a, k, &times), &opts).unwrap();
    let auctau = c0 / k; // = A(1 − e^(−kτ))/k, the single-dose AUCinf
    near(r.auctau, auctau, 1e-9);
    near(r.cavg, auctau / tau, 1e-9);
    near(r.cl, 50.0 / auctau, 1e-9);
    near(r.mrt_obs, 1.0 / k, 1e-9);
    near(r.mrt_pred, 1.0 / k, 1e-9);
    // Vss = MRT·CLss = V = dose/C(0) of one dose (50/10).
    near(r.vss_obs, 5.0, 1e-9);
    near(r.vss_pred, 5.0, 1e-9);
    // At steady state there is no predicted CL or Vz: absent, not null.
    assert_eq!((r.cl_pred, r.vz_pred), (None, None));
    assert_eq!(r.value("CLTAU"), r.cl);
    assert_eq!(r.value("VZTAU"), r.vz);
    let json = serde_json::to_value(&r).unwrap();
    assert!(json.get("cl_pred").is_none() && json["pptestcd"].get("CLP").is_none());
}

#[test]
fn infusion_mrt_subtracts_half_the_duration() {
    // One compartment, infusion of 2 h, k = 0.3 h⁻¹, densely sampled so that
    // the linear-up part is accurate; MRT of the body = 1/k.
    let (k, dur) = (0.3f64, 2.0);
    let conc = |t: f64| {
        let end = 1.0 - (-k * dur).exp();
        if t <= dur {
            1.0 - (-k * t).exp()
        } else {
            end * (-k * (t - dur)).exp()
        }
    };
    let s: Vec<Sample> = (0..=4800)
        .map(|i| i as f64 * 0.01)
        .map(|t| Sample::measured(t, conc(t)))
        .collect();
    let opts = NcaOptions {
        route: Route::IvInfusion { duration: dur },
        ..NcaOptions::default()
    };
    let r = nca(&s, &opts).unwrap();
    near(r.lambda_z, k, 1e-9);
    near(r.mrt_obs, 1.0 / k, 1e-4);
}

fn blq_profile() -> Vec<Sample> {
    let blq = |time| Sample {
        time,
        conc: Conc::Blq,
    };
    vec![
        blq(0.0),
        Sample::measured(1.0, 4.0),
        blq(2.0),
        Sample::measured(3.0, 2.0),
        Sample::measured(4.0, 1.0),
        Sample::measured(5.0, 0.5),
        blq(6.0),
    ]
}

#[test]
fn blq_default_rule_zero_before_drop_between_and_after() {
    let r = nca(&blq_profile(), &NcaOptions::default()).unwrap();
    // (0,0) (1,4) (3,2) (4,1) (5,0.5): 2 + (2·2 + 1 + 0.5)/ln 2; the trailing
    // BLQ kept as 0 adds (6 − 5)·0.5/2 to AUCall only.
    near(r.auclast, 2.0 + 5.5 / std::f64::consts::LN_2, 1e-12);
    near(r.aucall, 2.25 + 5.5 / std::f64::consts::LN_2, 1e-12);
    assert_eq!(r.tlast, Some(5.0));
    assert!(
        has_flag(&r, "blq: 3 sample(s) BLQ or 0, 1 dropped; rule: BLQ before first measurable: 0; between measurables: drop; after last measurable: 0 (PKNCA default)"),
        "{:?}",
        r.flags
    );
    assert!(r.blq_rule.ends_with("(PKNCA default)"));
}

#[test]
fn blq_all_zero_rule_keeps_zeros() {
    let opts = NcaOptions {
        blq: BlqRule::parse("zero").unwrap(),
        ..NcaOptions::default()
    };
    let r = nca(&blq_profile(), &opts).unwrap();
    // (1,4)→(2,0) and (2,0)→(3,2) are linear: 2 + 2 + 1, then (1 + 0.5)/ln 2.
    near(r.auclast, 5.0 + 1.5 / std::f64::consts::LN_2, 1e-12);
    assert!(has_flag(&r, "3 sample(s) BLQ or 0, 0 dropped"));
    assert_eq!(
        BlqRule::parse("0,drop,drop").unwrap().to_string(),
        "BLQ before first measurable: 0; between measurables: drop; after last measurable: drop"
    );
    assert_eq!(BlqRule::parse("0,drop,zero"), Ok(BlqRule::default()));
    assert!(BlqRule::parse("0,drop").is_err());
}

#[test]
fn too_few_points_after_cmax_gives_nulls_with_reasons() {
    let s = [
        Sample::measured(0.0, 0.0),
        Sample::measured(1.0, 5.0),
        Sample::measured(2.0, 4.0),
        Sample::measured(3.0, 3.0),
    ];
    let opts = NcaOptions {
        dose: Some(10.0),
        ..NcaOptions::default()
    };
    let r = nca(&s, &opts).unwrap();
    assert_eq!(r.lambda_z, None);
    assert_eq!(r.aucinf_obs, None);
    assert_eq!(r.cl, None);
    assert!(r.auclast.is_some());
    assert!(
        has_flag(
            &r,
            "mrt_obs, mrt_pred, cl, cl_pred, vz, vz_pred, aucinf_obs_dose, aucinf_pred_dose: \
             fewer than 3 positive concentrations after Tmax (min.hl.points)"
        ),
        "{:?}",
        r.flags
    );
    let json = serde_json::to_string(&r).unwrap();
    assert!(json.contains("\"lambda_z\":null") && !json.contains("NaN"));
}

#[test]
fn all_blq_gives_nulls_and_says_why() {
    let s = [
        Sample::measured(0.0, 0.0),
        Sample {
            time: 1.0,
            conc: Conc::Blq,
        },
    ];
    let r = nca(&s, &NcaOptions::default()).unwrap();
    assert_eq!((r.cmax, r.auclast, r.lambda_z), (None, None, None));
    assert!(has_flag(&r, "no measurable (positive) concentration"));
    assert!(has_flag(&r, "blq: 2 sample(s) BLQ or 0, 0 dropped"));
    assert_eq!(r.flags.len(), 2, "{:?}", r.flags);
}

#[test]
fn steady_state_without_a_dose_time_sample_uses_cmin() {
    let s: Vec<Sample> = [(1.0, 10.0), (2.0, 8.0), (4.0, 5.0), (8.0, 3.0), (12.0, 2.0)]
        .iter()
        .map(|&(t, c)| Sample::measured(t, c))
        .collect();
    let opts = NcaOptions {
        tau: Some(12.0),
        ..NcaOptions::default()
    };
    let r = nca(&s, &opts).unwrap();
    // Hand computation with C(0) = 2: 6 + Σ log-trapezoids = 53.25483446813123.
    near(r.auctau, 53.25483446813123, 1e-12);
    assert!(has_flag(
        &r,
        "C(0) = Cmin of the dosing interval = 2 assumed (steady state)"
    ));
}

#[test]
fn bolus_c0_falls_back_to_the_first_sample_when_not_declining() {
    let s = [Sample::measured(0.5, 5.0), Sample::measured(1.0, 6.0)];
    let r = nca(&s, &bolus(1.0)).unwrap();
    assert_eq!(r.c0, Some(5.0));
    assert!(has_flag(&r, "C0 = first observed concentration"));
}

#[test]
fn bad_input_is_an_error_naming_the_sample() {
    let s = [Sample::measured(1.0, 1.0), Sample::measured(1.0, 2.0)];
    let e = nca(&s, &NcaOptions::default()).unwrap_err();
    assert_eq!(
        e.to_string(),
        "sample 2: time 1 is not after the previous time 1; check for a level entered twice"
    );
    let s = [Sample::measured(0.0, f64::NAN)];
    assert!(matches!(
        nca(&s, &NcaOptions::default()),
        Err(NcaError::Concentration { sample: 1, .. })
    ));
    let e = nca(&[], &bolus(-1.0)).unwrap_err();
    assert_eq!(e.to_string(), "dose must be a finite number > 0 (got -1)");
    assert!(Profile::new(&[], &NcaOptions::default())
        .unwrap()
        .partial_auc(0.0, 1.0)
        .is_err());
}

/// Whether a flag names `key` in its list of keys (the text before ": ").
fn named(r: &NcaResult, key: &str) -> bool {
    r.flags.iter().any(|f| {
        f.split_once(": ")
            .is_some_and(|(keys, _)| keys.split(", ").any(|k| k == key))
    })
}

fn conc_strategy() -> impl Strategy<Value = Conc> {
    prop_oneof![
        Just(Conc::Blq),
        Just(Conc::Measured(0.0)),
        (1e-300f64..1e300).prop_map(Conc::Measured),
        (0.0f64..100.0).prop_map(Conc::Measured),
    ]
}

fn route_strategy() -> impl Strategy<Value = Route> {
    prop_oneof![
        Just(Route::Extravascular),
        Just(Route::IvBolus),
        (1e-3f64..48.0).prop_map(|duration| Route::IvInfusion { duration }),
    ]
}

proptest! {
    /// Any valid profile gives finite numbers or nulls, never NaN or ∞, and
    /// the same answer twice.
    #[test]
    fn results_are_finite_or_null_and_deterministic(
        points in prop::collection::vec((1e-6f64..1e4, conc_strategy()), 0..14),
        route in route_strategy(),
        method in prop_oneof![
            Just(Method::Linear),
            Just(Method::LinUpLogDown),
            Just(Method::LinLog)
        ],
        tau in prop::option::of(1e-3f64..1e3),
        dose in prop::option::of(1e-300f64..1e300),
    ) {
        let samples: Vec<Sample> = points
            .iter()
            .scan(0.0, |t, &(gap, conc)| { *t += gap; Some(Sample { time: *t, conc }) })
            .collect();
        let opts = NcaOptions {
            method,
            route,
            dose,
            tau,
            ..NcaOptions::default()
        };
        let r = nca(&samples, &opts).unwrap();
        for (key, _, v) in r.reported() {
            match v {
                Some(v) => prop_assert!(v.is_finite(), "{}: {:?}", key, r),
                None => prop_assert!(named(&r, key), "{} null, no flag: {:?}", key, r.flags),
            }
        }
        prop_assert_eq!(&r, &nca(&samples, &opts).unwrap());
    }

    /// The CSV reader and the NCA behind it never panic on arbitrary text.
    #[test]
    fn csv_then_nca_never_panics(text in "[0-9TIMEDVBLQ.,<\\- \n]{0,120}") {
        let header = format!("TIME,DV,ID,BLQ\n{text}");
        for input in [text.as_str(), header.as_str()] {
            if let Ok(subjects) = dmip_engine::io::nca_csv::read(input.as_bytes()) {
                for s in subjects {
                    let _ = nca(&s.samples, &NcaOptions::default());
                }
            }
        }
    }
}

//! `dmip dose` says what the drug screen says: the fit check
//! (`fit_check`), the hold plan for a level above the range (`hold`) and,
//! with `--next-sample`, the best next sampling time (`next_sample`) —
//! the built binary on the cases, against `tdm::compute` on the
//! same history typed as clock-time rows.

#![cfg(feature = "cli")]
mod cli_support;

use cli_support::{dmip, json, temp_file};
use dmip_engine::catalog::builtin;
use dmip_engine::tdm::{compute, Drug, SampleLabel};
use dmip_engine::test_support::{doses, input, level, regimen};
use serde_json::Value;

fn central(model: &str) -> usize {
    builtin(model)
        .expect("built in")
        .expect("valid")
        .compartments()
        .1
}

/// Neoral 100 mg every 12 h at steady state (six doses, 0–60 h), C0 150 at
/// 47.92 h (07:55 before the 08:00 dose) and C2 900 at 50 h, 60 kg,
/// prednisolone 50 mg/day.
fn neoral_csv() -> String {
    let c = central("press2010_csa");
    temp_file(
        "cli_dose_neoral.csv",
        &format!(
            "ID,TIME,EVID,AMT,CMT,II,ADDL,SS,DV,MDV,WT,PSL\n\
             1,0,1,100,1,12,5,1,.,1,60,50\n\
             1,{},0,.,{c},0,0,0,150,0,60,50\n\
             1,50,0,.,{c},0,0,0,900,0,60,50\n",
            48.0 - 5.0 / 60.0
        ),
    )
}

fn dose(csv: &str, model: &str, target: &str, extra: &[&str]) -> Value {
    let mut args = vec![
        "--model", model, "--data", csv, "--target", target, "--draws", "100", "--now", "55",
    ];
    args.extend_from_slice(extra);
    json(&dmip("dose", &args))
}

#[test]
fn neoral_c0_150_c2_900_fit_check_as_on_the_screen() {
    let v = dose(
        &neoral_csv(),
        "press2010_csa",
        "c2=1000..1200",
        &["--limit", "c0<=200", "--interval", "12,24"],
    );
    let s = &v["subjects"][0];
    let fc = &s["fit_check"];
    // 100 mg × 1100 / 900 = 122.2 mg; 120 mg made of Neoral strengths.
    let proportional = fc["proportional_mg"].as_f64().expect("number");
    assert!((proportional - 122.222_222).abs() < 1e-5, "{fc}");
    assert_eq!(fc["rounded_mg"], 120.0);
    let pct = fc["disagreement_pct"].as_f64().expect("number");
    // The screen on the same history (tdm::compute).
    let screen = compute(&input(
        Drug::Cyclosporine,
        "press2010_csa",
        &[("WT", 60.0), ("PSL", 50.0)],
        doses(100.0, 12.0, 6),
        vec![
            level("2026-11-03T07:55:00+09:00", 150.0, SampleLabel::C0),
            level("2026-11-03T10:00:00+09:00", 900.0, SampleLabel::C2),
        ],
        vec![regimen("twice daily", 12.0), regimen("once daily", 24.0)],
    ))
    .expect("computable");
    let p = screen
        .fit_check
        .proportional
        .as_ref()
        .expect("proportional");
    assert!(
        (p.disagreement_pct.expect("pct") - pct).abs() < 1e-6,
        "{pct} vs {p:?}"
    );
    // The model's twice-daily dose is 68 % off the patient's own levels.
    assert!((pct - 68.0).abs() < 1.0, "{pct}");
    let warnings = fc["warnings"].as_array().expect("list");
    let disagrees = warnings
        .iter()
        .find(|w| w["warning"] == "disagrees")
        .expect("a disagreement warning");
    assert!((disagrees["pct"].as_f64().expect("number") - pct).abs() < 1e-9);
    assert_eq!(warnings.len(), screen.fit_check.warnings.len(), "{fc}");
    // C2 below its range and C0 within its limit: no hold plan; no next
    // sample unless asked.
    assert!(s.get("hold").is_none(), "{s}");
    assert!(s.get("next_sample").is_none());
}

#[test]
fn next_sample_on_request_is_the_screens() {
    let v = dose(
        &neoral_csv(),
        "press2010_csa",
        "c2=1000..1200",
        &["--limit", "c0<=200", "--next-sample"],
    );
    let ns = &v["subjects"][0]["next_sample"];
    assert_eq!(ns["metric"], "C2");
    assert_eq!(ns["next_dose_h"], 60.0);
    let best = &ns["times"][ns["best"].as_u64().expect("index") as usize];
    assert_eq!(best["label"], "c1");
    assert_eq!(best["time_h"], 61.0);
    let pct = best["narrowing_pct"].as_f64().expect("number");
    assert!((pct - 10.1).abs() < 0.05, "{ns}");
    let sd = ns["sd_now"].as_f64().expect("number");
    assert!((sd - 116.0).abs() < 0.5, "{sd}");
}

#[test]
fn tacrolimus_trough_25_gets_the_screens_hold_plan() {
    let c = central("woillard2011_tac");
    let csv = temp_file(
        "cli_dose_tac.csv",
        &format!(
            "ID,TIME,EVID,AMT,CMT,II,ADDL,SS,DV,MDV,HCT,CYP3A5,FORM\n\
             1,0,1,3,1,12,4,1,.,1,35,0,1\n\
             1,{},0,.,{c},0,0,0,25,0,35,0,1\n",
            48.0 - 5.0 / 60.0
        ),
    );
    let v = dose(&csv, "woillard2011_tac", "c0=5..10", &["--interval", "12"]);
    let hold = &v["subjects"][0]["hold"];
    let mut screen_input = input(
        Drug::Tacrolimus,
        "woillard2011_tac",
        &[("FORM", 1.0), ("CYP3A5", 0.0), ("HCT", 35.0)],
        doses(3.0, 12.0, 5),
        vec![level("2026-11-03T07:55:00+09:00", 25.0, SampleLabel::C0)],
        vec![regimen("twice daily", 12.0)],
    );
    screen_input.limit = None;
    let screen = compute(&screen_input).expect("computable");
    let plan = screen.hold.as_ref().expect("the screen's plan");
    assert_eq!(hold["threshold"], 10.0);
    assert_eq!(hold["metric"], "C0");
    let hours = hold["hours_to_range"].as_f64().expect("hours");
    assert!((hours - plan.hours_to_range.expect("hours")).abs() < 1e-9);
    assert_eq!(hold["doses_to_hold"], plan.doses_to_hold);
    assert_eq!(hold["resume_mg"].as_f64(), plan.resume_mg);
    // Back at 10 ng/mL 45.25 h after now (15:00 → 12:15 two days later):
    // the four doses due at 20:00, 08:00, 20:00 and 08:00 are held, then
    // 1 mg twice daily.
    assert_eq!(hours, 45.25, "{hold}");
    assert_eq!(hold["doses_to_hold"], 4);
    assert_eq!(hold["resume_mg"], 1.0);
    // The trough is the latest target level: the proportional dose is
    // 3 mg × 7.5 / 25 = 0.9 mg.
    let fc = &v["subjects"][0]["fit_check"];
    assert!((fc["proportional_mg"].as_f64().expect("mg") - 0.9).abs() < 1e-9);
}

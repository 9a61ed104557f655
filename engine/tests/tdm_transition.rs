//! The next three days under each option, and "Apply" writing the advice
//! as a prescription: checked against steady-state arithmetic and the
//! hold plan.

use dmip_engine::tdm::{compute, Drug, Plan, SampleLabel, TdmInput, Transition};
use dmip_engine::test_support::{at, doses, input, level, regimen};

/// Neoral 100 mg twice daily from 1 Nov 08:00, at steady state and going
/// on until changed; now 3 Nov 15:00; no level (the typical patient).
fn neoral_ongoing() -> TdmInput {
    let mut rows = doses(100.0, 12.0, 1);
    rows[0].ongoing = true;
    input(
        Drug::Cyclosporine,
        "press2010_csa",
        &[("WT", 60.0), ("PSL", 50.0)],
        rows,
        vec![],
        vec![regimen("twice daily", 12.0), regimen("once daily", 24.0)],
    )
}

fn levels_of<'a>(t: &'a Transition, metric: &str) -> Vec<(&'a str, f64)> {
    t.levels
        .iter()
        .filter(|l| l.metric == metric)
        .map(|l| (l.at.as_str(), l.value))
        .collect()
}

#[test]
fn continuing_at_steady_state_repeats_the_same_trough_and_peak_each_dose() {
    let out = compute(&neoral_ongoing()).expect("computable");
    let go_on = &out.transitions[0];
    assert_eq!(go_on.plan, Plan::Continue);
    let c0 = levels_of(go_on, "C0");
    let c2 = levels_of(go_on, "C2");
    // Doses 3 Nov 20:00 … 6 Nov 08:00: six in the 72 h from 15:00.
    assert_eq!(c0.len(), 6, "{c0:?}");
    assert_eq!(c0[0].0, "2026-11-03T20:00:00+09:00");
    for (a, b) in c0.iter().zip(&c0[1..]).chain(c2.iter().zip(&c2[1..])) {
        assert!((a.1 - b.1).abs() / b.1 < 1e-6, "{a:?} vs {b:?}");
    }
    // They are the steady state of 100 mg: the advice's per-mg values.
    let bid = &out.advice.as_ref().expect("advice").candidates[0];
    let per_mg = |m: &str| bid.predicted.iter().find(|p| p.0 == m).expect(m).1 / bid.dose.amount_mg;
    assert!((c0[0].1 - 100.0 * per_mg("C0")).abs() / c0[0].1 < 1e-3);
    assert!((c2[0].1 - 100.0 * per_mg("C2")).abs() / c2[0].1 < 1e-3);
}

#[test]
fn an_advised_regimen_starts_at_the_due_dose_and_approaches_its_steady_state() {
    let out = compute(&neoral_ongoing()).expect("computable");
    let advice = out.advice.as_ref().expect("advice");
    let bid = &advice.candidates[0];
    let option = out
        .transitions
        .iter()
        .find(|t| matches!(&t.plan, Plan::Advice { regimen, .. } if regimen == "twice daily"))
        .expect("the twice-daily option");
    // The 20:00 dose is due; with an 08:00 breakfast the twice-daily times
    // are 08:00 and 20:00, so the new amount starts then.
    assert_eq!(
        option.first_dose.as_deref(),
        Some("2026-11-03T20:00:00+09:00")
    );
    let continue_c0 = levels_of(&out.transitions[0], "C0")[0].1;
    let c0 = levels_of(option, "C0");
    // The trough before the first new dose is the old regimen's.
    assert!((c0[0].1 - continue_c0).abs() / continue_c0 < 1e-9);
    // Three days on, within 10 % of the new steady state.
    let ss = bid.predicted.iter().find(|p| p.0 == "C0").expect("C0").1;
    let last = c0.last().expect("troughs").1;
    assert!((last - ss).abs() / ss < 0.10, "{last} vs {ss}");
    // Once daily before breakfast starts the next morning at 08:00.
    let qd = out
        .transitions
        .iter()
        .find(|t| matches!(&t.plan, Plan::Advice { regimen, .. } if regimen == "once daily"))
        .expect("the once-daily option");
    assert_eq!(qd.first_dose.as_deref(), Some("2026-11-04T08:00:00+09:00"));
    // The plot draws the suggested option.
    assert!(out.curves.plan.is_some());
}

#[test]
fn the_hold_plan_gives_no_dose_until_it_resumes_below_the_threshold() {
    let mut i = input(
        Drug::Tacrolimus,
        "woillard2011_tac",
        &[("FORM", 1.0), ("CYP3A5", 0.0), ("HCT", 35.0)],
        doses(3.0, 12.0, 5),
        vec![level("2026-11-03T07:55:00+09:00", 25.0, SampleLabel::C0)],
        vec![regimen("twice daily", 12.0)],
    );
    i.doses[0].ongoing = true;
    i.horizon_h = 96.0;
    let out = compute(&i).expect("computable");
    let hold = out.hold.as_ref().expect("a hold plan");
    let plan = out
        .transitions
        .iter()
        .find(|t| matches!(t.plan, Plan::Hold { .. }))
        .expect("the hold option");
    assert_eq!(plan.first_dose, hold.resume_at);
    let resume = hold
        .resume_at
        .as_deref()
        .expect("resumes within the window");
    let c0 = levels_of(plan, "C0");
    // The first trough of the plan is at the resume time, at or under 10.
    assert_eq!(c0[0].0, resume);
    assert!(c0[0].1 <= hold.threshold + 0.05, "{c0:?}");
    // Continuing instead keeps the trough above 10 at the same time.
    let go_on = levels_of(&out.transitions[0], "C0");
    let same = go_on.iter().find(|l| l.0 == resume).expect("due then too");
    assert!(same.1 > hold.threshold, "{same:?}");
    // The plot draws the hold plan.
    let drawn = out.curves.plan.as_ref().expect("a plan curve");
    assert!(matches!(drawn.plan, Plan::Hold { .. }));
    let first_after = drawn
        .dose_times_h
        .iter()
        .find(|t| **t > out.curves.now_h)
        .expect("a resumed dose");
    let resume_h = (at(resume) - at(&out.origin)).num_seconds() as f64 / 3600.0;
    assert!(
        (first_after - resume_h).abs() < 1e-6,
        "{first_after} vs {resume_h}"
    );
}

//! A plan for a high level: hold the doses until the individual
//! prediction is back at the limit, then resume with the advised dose.

use dmip_engine::tdm::{compute, Drug, SampleLabel, TdmInput};
use dmip_engine::test_support::{at, doses, input, level, regimen};

/// Prograf 3 mg every 12 h at steady state, five doses, the last at
/// 08:00 on 3 Nov; a trough of `c0` at 07:55 that morning; now 15:00.
fn tacrolimus(c0: f64) -> TdmInput {
    let mut i = input(
        Drug::Tacrolimus,
        "woillard2011_tac",
        &[("FORM", 1.0), ("CYP3A5", 0.0), ("HCT", 35.0)],
        doses(3.0, 12.0, 5),
        vec![level("2026-11-03T07:55:00+09:00", c0, SampleLabel::C0)],
        vec![regimen("twice daily", 12.0)],
    );
    i.horizon_h = 96.0;
    i
}

#[test]
fn a_trough_of_25_is_held_until_the_individual_curve_reaches_10() {
    let out = compute(&tacrolimus(25.0)).expect("computable");
    let plan = out.hold.as_ref().expect("a hold plan");
    assert_eq!((plan.threshold, plan.metric.as_str()), (10.0, "C0"));
    let hours = plan.hours_to_range.expect("falls within 14 days");
    assert!(hours > 0.0, "{plan:?}");
    // The forecast curve (no dose after 08:00: the row has ended) crosses
    // 10 ng/mL at the same time, within its grid spacing.
    let c = &out.curves;
    let individual = c.individual.as_ref().expect("fit");
    let cross = c
        .time_h
        .iter()
        .zip(individual)
        .position(|(t, v)| *t >= c.now_h && *v <= 10.0)
        .expect("the curve falls to 10");
    let spacing = c.time_h[cross] - c.time_h[cross - 1];
    let curve_hours = c.time_h[cross] - c.now_h;
    assert!(
        (curve_hours - hours).abs() <= spacing + 0.25,
        "plan {hours} h, curve {curve_hours} h (grid {spacing} h)"
    );
    // Doses due every 12 h from 08:00 before that moment are held; the
    // first due dose after it resumes with the advised amount.
    let due_before = (1..)
        .take_while(|k| 12.0 * f64::from(*k) - 7.0 < hours)
        .count() as u32;
    assert_eq!(plan.doses_to_hold, due_before, "{plan:?}");
    let resume = chrono::DateTime::parse_from_rfc3339(plan.resume_at.as_deref().expect("resume"))
        .expect("clock time");
    let expected = at("2026-11-03T08:00:00+09:00")
        + chrono::Duration::hours(12 * i64::from(plan.doses_to_hold + 1));
    assert_eq!(resume, expected);
    let advised = out
        .advice
        .as_ref()
        .and_then(|a| a.suggested())
        .expect("advice");
    assert_eq!(plan.resume_mg, Some(advised.dose.amount_mg));
    assert!(advised.dose.amount_mg < 3.0);
}

#[test]
fn a_trough_in_range_needs_no_hold() {
    let out = compute(&tacrolimus(8.0)).expect("computable");
    assert_eq!(out.hold, None);
}

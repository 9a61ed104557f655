//! Nothing hangs and no impossible number is used: times, amounts, counts and
//! horizons beyond `dosing::limits` are refused by `tdm::compute` before
//! anything is computed, with the limit named; a value just inside passes the
//! guard.

use dmip_engine::tdm::guard::check_input;
use dmip_engine::tdm::{compute, Drug, SampleLabel, TdmInput};
use dmip_engine::test_support::{at, doses, input, level, regimen};
use std::time::{Duration, Instant};

/// Prograf 3 mg every 12 h, five doses from 1 Nov, a trough on 3 Nov.
fn tacrolimus() -> TdmInput {
    input(
        Drug::Tacrolimus,
        "woillard2011_tac",
        &[("FORM", 1.0), ("CYP3A5", 0.0), ("HCT", 35.0)],
        doses(3.0, 12.0, 5),
        vec![level("2026-11-03T07:55:00+09:00", 8.0, SampleLabel::C0)],
        vec![regimen("twice daily", 12.0)],
    )
}

/// The message `compute` refuses `edit`ed input with, and that it came
/// at once (no expansion, no fit: well under the 2 s budget even in a
/// debug build).
fn refused(edit: impl FnOnce(&mut TdmInput)) -> String {
    let mut i = tacrolimus();
    edit(&mut i);
    let t0 = Instant::now();
    let e = compute(&i).expect_err("refused");
    assert!(
        t0.elapsed() < Duration::from_millis(200),
        "{:?}",
        t0.elapsed()
    );
    e.to_string()
}

#[test]
fn a_dose_in_the_year_9999_or_0001_is_refused() {
    assert_eq!(
        refused(|i| i.doses[0].start = at("9999-11-01T08:00:00+09:00")),
        "dose row 1: the year 9999 is outside 1900–2200"
    );
    assert_eq!(
        refused(|i| i.doses[0].start = at("0001-11-01T08:00:00+09:00")),
        "dose row 1: the year 1 is outside 1900–2200"
    );
    assert_eq!(
        refused(|i| i.levels[0].sampled = at("9999-11-03T07:55:00+09:00")),
        "level 1: the year 9999 is outside 1900–2200"
    );
}

#[test]
fn a_huge_horizon_count_or_tiny_dose_is_refused() {
    assert_eq!(
        refused(|i| i.horizon_h = 1e12),
        "a forecast of 1e12 h; at most 744 h"
    );
    assert_eq!(
        refused(|i| i.doses[0].count = u32::MAX),
        "dose row 1: 4294967295 doses; at most 5000 per row"
    );
    assert_eq!(
        refused(|i| i.doses[0].amount_mg = 1e-300),
        "dose row 1: 1e-300 mg per dose is outside 0.01–5000 mg"
    );
    assert_eq!(
        refused(|i| i.doses[0].interval_h = Some(0.001)),
        "dose row 1: a dose every 0.001 h is outside 1–672 h"
    );
    assert_eq!(
        refused(|i| i.draws = 1_000_000_000),
        "1000000000 posterior draws; at most 200"
    );
}

#[test]
fn a_negative_level_is_refused() {
    // Once found: an imported level of −50 ng/mL was used.
    assert_eq!(
        refused(|i| i.levels[0].value_ng_ml = Some(-50.0)),
        "level 1: -50 ng/mL is not a concentration (negative, above 100000 ng/mL, or not a number)"
    );
}

#[test]
fn an_ongoing_row_since_1900_is_refused_for_its_doses() {
    let e = refused(|i| {
        i.doses[0].start = at("1900-01-01T08:00:00+09:00");
        i.doses[0].interval_h = Some(1.0);
        i.doses[0].ongoing = true;
        i.doses.push(i.doses[0].clone());
    });
    assert_eq!(e, "40000 doses; at most 5000");
}

#[test]
fn values_just_inside_pass_the_guard() {
    let mut i = tacrolimus();
    i.horizon_h = 744.0;
    i.draws = 200;
    i.doses[0].amount_mg = 0.01;
    i.doses[0].count = 5000;
    i.doses[0].start = at("1900-01-01T00:00:00+00:00");
    assert_eq!(check_input(&i), Ok(()));
    // The ordinary input computes.
    assert!(compute(&tacrolimus()).is_ok());
}

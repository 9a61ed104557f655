//! Fits kept between an edit's computations (`tdm::FitCache`): an edit that
//! leaves every model's problem alone (the target) reuses the fits and
//! gives exactly the answer of a fresh computation; an edit of a level
//! fits afresh, and its answer is the fresh one too.

use dmip_engine::estimate::Weighting;
use dmip_engine::tdm::{compute, compute_with, Averaging, Drug, FitCache, SampleLabel, TdmInput};
use dmip_engine::test_support::{doses, input, level, regimen};

/// Neoral 100 mg every 12 h, a C0 and a C2, as the average of the two
/// cyclosporine models.
fn cyclosporine() -> TdmInput {
    let mut i = input(
        Drug::Cyclosporine,
        "press2010_csa",
        &[("WT", 60.0), ("PSL", 30.0), ("CRCL", 80.0)],
        doses(100.0, 12.0, 6),
        vec![
            level("2026-11-03T07:55:00+09:00", 110.0, SampleLabel::C0),
            level("2026-11-03T10:00:00+09:00", 650.0, SampleLabel::C2),
        ],
        vec![regimen("twice daily", 12.0), regimen("once daily", 24.0)],
    );
    i.average = Some(Averaging {
        models: vec!["press2010_csa".into(), "umpierrez2021_csa".into()],
        weighting: Weighting::Ll,
    });
    i
}

fn json(i: &TdmInput, fits: Option<&FitCache>) -> String {
    let out = match fits {
        Some(f) => compute_with(i, f),
        None => compute(i),
    };
    serde_json::to_string(&out.expect("computable")).expect("serialisable")
}

#[test]
fn a_target_edit_reuses_the_fits_and_changes_nothing_else() {
    let fits = FitCache::new();
    let first = cyclosporine();
    assert_eq!(json(&first, Some(&fits)), json(&first, None));
    assert_eq!(fits.len(), 2, "one fit per model");
    let mut edited = first.clone();
    edited.target.high = Some(1300.0);
    let cached = json(&edited, Some(&fits));
    assert_eq!(fits.len(), 2, "the target is not part of a fit's problem");
    assert_eq!(cached, json(&edited, None));
    assert_ne!(cached, json(&first, None), "the edit shows");
}

#[test]
fn a_level_edit_fits_again() {
    let fits = FitCache::new();
    let first = cyclosporine();
    json(&first, Some(&fits));
    let mut edited = first.clone();
    edited.levels[1].value_ng_ml = Some(900.0);
    let cached = json(&edited, Some(&fits));
    assert_eq!(fits.len(), 4, "two new problems, two new fits");
    assert_eq!(cached, json(&edited, None));
    let (a, b) = (json(&first, None), cached);
    assert_ne!(a, b);
}

#[test]
fn the_cache_keeps_at_most_its_capacity() {
    let fits = FitCache::new();
    let mut i = cyclosporine();
    for k in 0..10 {
        i.levels[1].value_ng_ml = Some(600.0 + 10.0 * f64::from(k));
        json(&i, Some(&fits));
    }
    assert_eq!(fits.len(), dmip_engine::tdm::fit_cache::CAPACITY);
}

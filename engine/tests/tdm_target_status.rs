//! `tdm::target_status`: the latest usable level of each target's metric
//! against the drug's targets (each default with its source), and the
//! suggested regimen.

use dmip_engine::dose::{Metric, Range};
use dmip_engine::tdm::target_status::{status, Status, TargetKind};
use dmip_engine::tdm::{defaults, target_status, Drug, SampleLabel, TargetQuestion};
use dmip_engine::test_support::level;

#[test]
fn a_value_is_below_within_or_above_its_range() {
    let c2 = Range {
        metric: Metric::C { hours: 2.0 },
        low: Some(1000.0),
        high: Some(1200.0),
    };
    assert_eq!(status(&c2, 650.0), Status::Below);
    assert_eq!(status(&c2, 1000.0), Status::Within);
    assert_eq!(status(&c2, 1200.0), Status::Within);
    assert_eq!(status(&c2, 1300.0), Status::Above);
    assert_eq!(
        SampleLabel::for_metric(Metric::C { hours: 2.0 }),
        Some(SampleLabel::C2)
    );
    assert_eq!(SampleLabel::for_metric(Metric::AucTau), None);
}

#[test]
fn cyclosporine_reads_the_latest_c2_against_the_aim_and_the_c0_against_the_limit() {
    let d = defaults(Drug::Cyclosporine);
    let levels = [
        level("2026-11-02T10:00:00+09:00", 1300.0, SampleLabel::C2),
        level("2026-11-03T07:55:00+09:00", 230.0, SampleLabel::C0),
        level("2026-11-03T10:00:00+09:00", 900.0, SampleLabel::C2),
    ];
    let s = target_status(&TargetQuestion {
        drug: Drug::Cyclosporine,
        aim: d.aim.range,
        limit: d.limit.map(|l| l.range),
        levels: &levels,
        out: None,
    });
    let aim = &s.rows[0];
    assert_eq!(
        (aim.kind, aim.observed, aim.status),
        (TargetKind::Aim, Some(900.0), Some(Status::Below))
    );
    assert_eq!(aim.source, Some(d.aim.source));
    let limit = &s.rows[1];
    assert_eq!(
        (limit.kind, limit.observed, limit.status),
        (TargetKind::Limit, Some(230.0), Some(Status::Above))
    );
    assert!(s.suggestion.is_none());
    // An aim the user changed has no source.
    let mine = Range {
        low: Some(800.0),
        ..d.aim.range
    };
    let s = target_status(&TargetQuestion {
        drug: Drug::Cyclosporine,
        aim: mine,
        limit: None,
        levels: &levels,
        out: None,
    });
    assert_eq!(
        (s.rows[0].source, s.rows[0].status),
        (None, Some(Status::Within))
    );
    assert_eq!(
        s.rows.len(),
        1 + usize::from(d.preferred.is_some()) + usize::from(d.warn_at_or_above.is_some())
    );
}

#[test]
fn a_tacrolimus_trough_at_the_warning_level_itself_warns() {
    let d = defaults(Drug::Tacrolimus);
    let (_, at, _) = d.warn_at_or_above.expect("tacrolimus warns at a trough");
    let levels = [level("2026-11-03T07:55:00+09:00", at, SampleLabel::C0)];
    let s = target_status(&TargetQuestion {
        drug: Drug::Tacrolimus,
        aim: d.aim.range,
        limit: None,
        levels: &levels,
        out: None,
    });
    let warning = s
        .rows
        .iter()
        .find(|r| r.kind == TargetKind::Warning)
        .expect("warning row");
    assert_eq!(
        (warning.observed, warning.status),
        (Some(at), Some(Status::Above))
    );
    assert_eq!(s.rows[0].status, Some(Status::Above));
}

//! The screen's reading of the engine's output against the targets: the
//! latest usable level of each target's metric, whether it is below, within
//! or above, and the regimen the advice suggests. Pure (no view, no PK).

use crate::format::tick;
use dmip_engine::dose::{Metric, Range};
use dmip_engine::tdm::{defaults, Drug, LevelRow, SampleLabel, TdmOutput};

/// Concentration unit of both drugs' levels (whole blood).
pub const CONC_UNIT: &str = "ng/mL";
/// AUC unit.
pub const AUC_UNIT: &str = "ng·h/mL";

/// Where a value sits against a range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Below,
    Within,
    Above,
}

/// Which target a row is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TargetKind {
    Aim,
    Limit,
    Preferred,
    Warning,
}

/// One target against the latest level.
#[derive(Debug, Clone, PartialEq)]
pub struct TargetRow {
    pub kind: TargetKind,
    pub range: Range,
    /// The default's source; `None` when the user changed it.
    pub source: Option<&'static str>,
    pub observed: Option<f64>,
    pub status: Option<Status>,
}

/// What leads the results block.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    pub rows: Vec<TargetRow>,
    /// Engine label and rounded amount (mg) of the suggested regimen.
    pub suggestion: Option<(String, f64)>,
}

/// The latest level labelled for `metric` whose timing is right (without
/// the engine's output, whose timing checks are missing, the latest level
/// of that label: a toxic level is shown whatever else failed).
fn latest(metric: Metric, levels: &[LevelRow], out: Option<&TdmOutput>) -> Option<f64> {
    let label = SampleLabel::for_metric(metric)?;
    levels
        .iter()
        .enumerate()
        .filter(|(i, l)| {
            l.label == label
                && !l.blq
                && out.is_none_or(|o| o.levels.get(*i).is_some_and(|t| t.problem.is_none()))
        })
        .max_by_key(|(_, l)| l.sampled)
        .and_then(|(_, l)| l.value_ng_ml)
}

/// Where `value` sits in `range`.
pub fn status(range: &Range, value: f64) -> Status {
    if range.low.is_some_and(|l| value < l) {
        Status::Below
    } else if range.high.is_some_and(|h| value > h) {
        Status::Above
    } else {
        Status::Within
    }
}

/// The summary of `out` for `drug` with the aim and limit in use.
pub fn summarize(
    drug: Drug,
    aim: Range,
    limit: Option<Range>,
    levels: &[LevelRow],
    out: Option<&TdmOutput>,
) -> Summary {
    let d = defaults(drug);
    let mut rows = vec![TargetRow {
        kind: TargetKind::Aim,
        range: aim,
        source: (aim == d.aim.range).then_some(d.aim.source),
        observed: None,
        status: None,
    }];
    if let Some(limit) = limit {
        let default = d.limit.as_ref().filter(|l| l.range == limit);
        rows.push(TargetRow {
            kind: TargetKind::Limit,
            range: limit,
            source: default.map(|l| l.source),
            observed: None,
            status: None,
        });
    }
    if let Some(p) = d.preferred {
        rows.push(TargetRow {
            kind: TargetKind::Preferred,
            range: p.range,
            source: Some(p.source),
            observed: None,
            status: None,
        });
    }
    if let Some((metric, at, source)) = d.warn_at_or_above {
        rows.push(TargetRow {
            kind: TargetKind::Warning,
            range: Range {
                metric,
                low: None,
                high: Some(at),
            },
            source: Some(source),
            observed: None,
            status: None,
        });
    }
    for row in &mut rows {
        row.observed = latest(row.range.metric, levels, out);
        row.status = row.observed.map(|v| match row.kind {
            // "≥ 20" warns at 20 itself.
            TargetKind::Warning if row.range.high.is_some_and(|h| v >= h) => Status::Above,
            _ => status(&row.range, v),
        });
    }
    Summary {
        rows,
        suggestion: out
            .and_then(|o| o.advice.as_ref()?.suggested())
            .map(|c| (c.regimen.label.clone(), c.dose.amount_mg)),
    }
}

/// A range as text with its unit: `1000–1200 ng/mL`, `≤ 200 ng/mL`.
pub fn range_text(range: &Range) -> String {
    let unit = if range.metric.is_auc() {
        AUC_UNIT
    } else {
        CONC_UNIT
    };
    // Bounds as a clinician writes them: 5–10, not 5.00–10.0.
    let n = tick;
    match (range.low, range.high) {
        (Some(l), Some(h)) => format!("{}–{} {unit}", n(l), n(h)),
        (None, Some(h)) => format!("≤ {} {unit}", n(h)),
        (Some(l), None) => format!("≥ {} {unit}", n(l)),
        (None, None) => "-".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_read_and_print() {
        let r = Range {
            metric: Metric::C { hours: 2.0 },
            low: Some(1000.0),
            high: Some(1200.0),
        };
        assert_eq!(status(&r, 650.0), Status::Below);
        assert_eq!(status(&r, 1100.0), Status::Within);
        assert_eq!(status(&r, 1300.0), Status::Above);
        assert_eq!(range_text(&r), "1000–1200 ng/mL");
        let tac = Range {
            metric: Metric::C0,
            low: Some(5.0),
            high: Some(10.0),
        };
        assert_eq!(range_text(&tac), "5–10 ng/mL");
        assert_eq!(
            SampleLabel::for_metric(Metric::C { hours: 2.0 }),
            Some(SampleLabel::C2)
        );
        assert_eq!(SampleLabel::for_metric(Metric::AucTau), None);
    }
}

//! The question "where do this patient's levels sit against the targets,
//! and which regimen does the advice suggest?": the latest usable level of
//! each target's metric (the aim, the limit, the preferred range, the
//! warning level of the drug's defaults, each with its source when it is
//! the default), below, within or above, and the suggested regimen.

use super::input::{LevelRow, SampleLabel};
use super::targets::{defaults, Drug};
use super::TdmOutput;
use crate::dose::{Metric, Range};
use serde::Serialize;

/// Where a value sits against a range.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Below,
    Within,
    Above,
}

/// Which target a row is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TargetKind {
    Aim,
    Limit,
    Preferred,
    Warning,
}

/// One target against the latest level.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TargetRow {
    pub kind: TargetKind,
    pub range: Range,
    /// The default's source; `None` when the user changed it.
    pub source: Option<&'static str>,
    pub observed: Option<f64>,
    pub status: Option<Status>,
}

/// The targets against the levels, and the suggestion.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TargetStatus {
    pub rows: Vec<TargetRow>,
    /// Regimen label and rounded amount (mg) of the suggested regimen.
    pub suggestion: Option<(String, f64)>,
}

/// The question: the drug, the aim and limit in use, the levels, and the
/// engine's answer when there is one (its timing checks decide which levels
/// count; without it the latest level of each label counts, so a toxic
/// level is shown whatever else failed).
#[derive(Debug, Clone, Copy)]
pub struct TargetQuestion<'a> {
    pub drug: Drug,
    pub aim: Range,
    pub limit: Option<Range>,
    pub levels: &'a [LevelRow],
    pub out: Option<&'a TdmOutput>,
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

/// The latest level labelled for `metric` whose timing is right.
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

fn row(kind: TargetKind, range: Range, source: Option<&'static str>) -> TargetRow {
    TargetRow {
        kind,
        range,
        source,
        observed: None,
        status: None,
    }
}

/// The answer to `q`.
pub fn target_status(q: &TargetQuestion<'_>) -> TargetStatus {
    let d = defaults(q.drug);
    let mut rows = vec![row(
        TargetKind::Aim,
        q.aim,
        (q.aim == d.aim.range).then_some(d.aim.source),
    )];
    if let Some(limit) = q.limit {
        let default = d.limit.as_ref().filter(|l| l.range == limit);
        rows.push(row(TargetKind::Limit, limit, default.map(|l| l.source)));
    }
    if let Some(p) = d.preferred {
        rows.push(row(TargetKind::Preferred, p.range, Some(p.source)));
    }
    if let Some((metric, at, source)) = d.warn_at_or_above {
        let range = Range {
            metric,
            low: None,
            high: Some(at),
        };
        rows.push(row(TargetKind::Warning, range, Some(source)));
    }
    for row in &mut rows {
        row.observed = latest(row.range.metric, q.levels, q.out);
        row.status = row.observed.map(|v| match row.kind {
            // "≥ 20" warns at 20 itself.
            TargetKind::Warning if row.range.high.is_some_and(|h| v >= h) => Status::Above,
            _ => status(&row.range, v),
        });
    }
    TargetStatus {
        rows,
        suggestion: q
            .out
            .and_then(|o| o.advice.as_ref()?.suggested())
            .map(|c| (c.regimen.label.clone(), c.dose.amount_mg)),
    }
}

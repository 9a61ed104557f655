//! What the patient takes over time, on the time axis: the prednisolone
//! daily dose as steps, and as periods (one lane each) the co-medications
//! that change a calcineurin inhibitor's level in numbers or set a model
//! covariate (an azole), and each drug's stated meal timing.

use super::panels::{PanelKind, SeriesId};
use super::timeline::{Point, Series};
use crate::clinical::interactions::{effects::quantified, identify, Subject};
use crate::record::{carried_by, prednisolone_in_order, CoMedication, PatientRecord};
use crate::tdm::{DoseRow, Drug, MealTiming};
use chrono::NaiveDateTime;

/// A series and the clock time of each of its points.
pub(super) type Built = (PanelKind, Series, Vec<NaiveDateTime>);

/// When the last dose of a row's interval ends (one interval for an ongoing
/// row or a single dose of 24 h), and the daily dose.
pub(super) fn row_span(r: &DoseRow) -> (NaiveDateTime, f64) {
    let (daily, span_h) = match r.interval_h.filter(|h| *h > 0.0) {
        Some(h) => (r.amount_mg * 24.0 / h, h * f64::from(r.count.max(1))),
        None => (r.amount_mg, 24.0),
    };
    let start = r.start.naive_local();
    let end = start + chrono::Duration::minutes((span_h * 60.0).round() as i64);
    (end, daily)
}

/// Whether a co-medication belongs on the axis: it sets a covariate or
/// changes a level by a quantified amount.
fn shown(m: &CoMedication) -> bool {
    identify(&m.name).iter().any(|d| {
        carried_by(d.key).is_some()
            || quantified(Subject::Cyclosporine, d.key).is_some()
            || quantified(Subject::Tacrolimus, d.key).is_some()
    })
}

/// The clock times the courses name (for the axis' span).
pub(super) fn course_times(record: &PatientRecord) -> Vec<NaiveDateTime> {
    let p = &record.patient;
    let psl = p.prednisolone.iter().filter_map(|r| r.start);
    let comeds = p
        .comedications
        .iter()
        .filter(|m| shown(m))
        .flat_map(|m| [m.start, m.stop])
        .flatten();
    psl.chain(comeds).map(|t| t.naive_local()).collect()
}

fn series(
    id: SeriesId,
    unit: &'static str,
    label: Option<String>,
    pts: &[(NaiveDateTime, f64, f64)],
) -> Built {
    let kind = match id {
        SeriesId::Prednisolone => PanelKind::Prednisolone,
        _ => PanelKind::Periods,
    };
    let points = pts
        .iter()
        .map(|&(_, value, y)| Point { day: 0.0, value, y })
        .collect();
    let times = pts.iter().map(|p| p.0).collect();
    (
        kind,
        Series {
            id,
            unit,
            label,
            points,
        },
        times,
    )
}

/// The prednisolone steps and the periods, within `span` (the axis' first
/// and last time: a row or a period without a start begins at the first,
/// one without an end runs to the last).
pub(super) fn course_series(
    record: &PatientRecord,
    (first, last): (NaiveDateTime, NaiveDateTime),
) -> Vec<Built> {
    let mut out = Vec::new();
    let rows = prednisolone_in_order(&record.patient.prednisolone);
    let mut steps: Vec<(NaiveDateTime, f64, f64)> = Vec::new();
    for (k, r) in rows.iter().enumerate() {
        let from = r.start.map_or(first, |t| t.naive_local());
        let until = rows
            .get(k + 1)
            .and_then(|n| n.start)
            .map_or(last.max(from), |t| t.naive_local());
        steps.push((from, r.mg_day, r.mg_day));
        steps.push((until, r.mg_day, r.mg_day));
    }
    if !steps.is_empty() {
        out.push(series(SeriesId::Prednisolone, "mg/day", None, &steps));
    }
    let mut lane = 0.0;
    for (i, m) in record.patient.comedications.iter().enumerate() {
        if !shown(m) {
            continue;
        }
        lane += 1.0;
        let from = m.start.map_or(first, |t| t.naive_local());
        let until = m.stop.map_or(last.max(from), |t| t.naive_local());
        let pts = [(from, 1.0, lane), (until, 1.0, lane)];
        out.push(series(
            SeriesId::CoMedication(i),
            "",
            Some(m.name.clone()),
            &pts,
        ));
    }
    for (drug, rec) in [
        (Drug::Cyclosporine, &record.cyclosporine),
        (Drug::Tacrolimus, &record.tacrolimus),
    ] {
        let mut lanes: Vec<(MealTiming, f64)> = Vec::new();
        for (meal, from, until) in meal_periods(&rec.doses) {
            let y = match lanes.iter().find(|l| l.0 == meal) {
                Some(l) => l.1,
                None => {
                    lane += 1.0;
                    lanes.push((meal, lane));
                    lane
                }
            };
            let pts = [(from, 1.0, y), (until, 1.0, y)];
            out.push(series(SeriesId::Meal(drug, meal), "", None, &pts));
        }
    }
    out
}

/// Each run of rows with the same stated meal timing: from its first
/// row's start to the next stated timing's start, or its last dose's end.
fn meal_periods(doses: &[DoseRow]) -> Vec<(MealTiming, NaiveDateTime, NaiveDateTime)> {
    let mut rows: Vec<&DoseRow> = doses.iter().filter(|r| r.meal.is_some()).collect();
    rows.sort_by_key(|r| r.start);
    let mut out: Vec<(MealTiming, NaiveDateTime, NaiveDateTime)> = Vec::new();
    for r in rows {
        let Some(meal) = r.meal else {
            continue;
        };
        let start = r.start.naive_local();
        let (end, _) = row_span(r);
        match out.last_mut() {
            Some(p) if p.0 == meal => p.2 = p.2.max(end),
            Some(p) => {
                p.2 = start;
                out.push((meal, start, end));
            }
            None => out.push((meal, start, end)),
        }
    }
    out
}

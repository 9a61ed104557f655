//! The data of the one time axis: drug levels, daily
//! doses, the prednisolone steps and the periods of co-medications and
//! meal timing (`courses.rs`), IVCY pulses, markers, lung function and
//! infection labs, all on days since the first date in the record. Laboratory series are plotted
//! as % of their first non-zero value (one axis for several units); every
//! point keeps its own value and unit for the readout.

use super::blood_gas::aado2_by_date;
use super::courses::{course_series, course_times, row_span};
pub use super::panels::{panel_of, PanelKind, SeriesId};
use super::panels::{BLOOD_GAS, INFECTION, LUNG_FUNCTION, MARKERS};
use crate::clinical::analyte::Analyte;
use crate::clinical::biomarkers::trend;
use crate::clinical::units::Unit;
use crate::record::PatientRecord;
use crate::tdm::{DoseRow, Drug};
use chrono::{NaiveDate, NaiveDateTime};
use serde::Serialize;

#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Point {
    /// Days since [`Timeline::origin`] (fractional for clock times).
    pub day: f64,
    /// The value in `Series::unit`.
    pub value: f64,
    /// The y plotted: the value, or % of the first non-zero value.
    pub y: f64,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Series {
    pub id: SeriesId,
    pub unit: &'static str,
    /// The name as the record has it (a co-medication as typed).
    pub label: Option<String>,
    /// A period's two points carry its lane as y.
    pub points: Vec<Point>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Panel {
    pub kind: PanelKind,
    pub series: Vec<Series>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Timeline {
    pub origin: NaiveDate,
    /// The last day with data (0 when empty).
    pub last_day: f64,
    /// Panels with at least one point, in [`PanelKind::ALL`] order.
    pub panels: Vec<Panel>,
}

fn relative(points: Vec<(NaiveDateTime, f64)>) -> Vec<(NaiveDateTime, f64, f64)> {
    let base = points.iter().map(|p| p.1).find(|v| *v > 0.0);
    points
        .into_iter()
        .filter_map(|(t, v)| base.map(|b| (t, v, 100.0 * v / b)))
        .collect()
}

fn midnight(d: NaiveDate) -> NaiveDateTime {
    d.and_hms_opt(0, 0, 0).unwrap_or_default()
}

fn lab_series(record: &PatientRecord, analyte: Analyte) -> Option<(Series, Vec<NaiveDateTime>)> {
    let rows: Vec<_> = record
        .labs
        .iter()
        .filter(|r| r.analyte == analyte)
        .cloned()
        .collect();
    let t = trend(&rows).ok()??;
    let pts = relative(
        t.points
            .iter()
            .map(|p| (midnight(p.date), p.value))
            .collect(),
    );
    Some(raw_series(SeriesId::Lab(analyte), t.unit.symbol(), pts))
}

fn raw_series(
    id: SeriesId,
    unit: &'static str,
    pts: Vec<(NaiveDateTime, f64, f64)>,
) -> (Series, Vec<NaiveDateTime>) {
    let times = pts.iter().map(|p| p.0).collect();
    let points = pts
        .into_iter()
        .map(|(_, value, y)| Point { day: 0.0, value, y })
        .collect();
    (
        Series {
            id,
            unit,
            label: None,
            points,
        },
        times,
    )
}

/// Daily dose of each row from its start to its last dose's interval end.
fn dose_points(rows: &[DoseRow]) -> Vec<(NaiveDateTime, f64, f64)> {
    let mut rows: Vec<&DoseRow> = rows.iter().collect();
    rows.sort_by_key(|r| r.start);
    let mut out = Vec::new();
    for r in rows {
        let start = r.start.naive_local();
        let (end, daily) = row_span(r);
        if daily.is_finite() {
            out.push((start, daily, daily));
            out.push((end, daily, daily));
        }
    }
    out
}

/// The time axis of `record`.
pub fn timeline(record: &PatientRecord) -> Timeline {
    let mut built: Vec<(PanelKind, Series, Vec<NaiveDateTime>)> = Vec::new();
    for (drug, rec) in [
        (Drug::Cyclosporine, &record.cyclosporine),
        (Drug::Tacrolimus, &record.tacrolimus),
    ] {
        let mut levels: Vec<_> = rec
            .levels
            .iter()
            .filter_map(|l| Some((l.sampled.naive_local(), l.value_ng_ml?)))
            .collect();
        levels.sort_by_key(|p| p.0);
        let pts = levels.into_iter().map(|(t, v)| (t, v, v)).collect();
        let (s, t) = raw_series(SeriesId::Level(drug), "ng/mL", pts);
        built.push((PanelKind::Levels, s, t));
        let (s, t) = raw_series(SeriesId::DailyDose(drug), "mg/day", dose_points(&rec.doses));
        built.push((PanelKind::Doses, s, t));
    }
    let mut pulses: Vec<_> = record
        .ivcy
        .given
        .iter()
        .map(|p| (midnight(p.date), p.dose_mg))
        .collect();
    pulses.sort_by_key(|p| p.0);
    let pts = pulses.into_iter().map(|(t, v)| (t, v, v)).collect();
    let (s, t) = raw_series(SeriesId::IvcyPulse, "mg", pts);
    built.push((PanelKind::Ivcy, s, t));
    let order = MARKERS
        .iter()
        .chain(LUNG_FUNCTION)
        .chain(BLOOD_GAS)
        .chain(INFECTION);
    for &a in order {
        if let (Some(kind), Some((s, t))) = (panel_of(a), lab_series(record, a)) {
            built.push((kind, s, t));
        }
    }
    let gas: Vec<_> = aado2_by_date(&record.labs)
        .into_iter()
        .filter_map(|(d, r)| Some((midnight(d), r.ok()?.aado2_mmhg)))
        .collect();
    let (s, t) = raw_series(SeriesId::AaDo2, Unit::MmHg.symbol(), relative(gas));
    built.push((PanelKind::LungFunction, s, t));

    built.retain(|(_, s, _)| !s.points.is_empty());
    let times: Vec<NaiveDateTime> = built
        .iter()
        .flat_map(|b| b.2.iter().copied())
        .chain(course_times(record))
        .collect();
    if let (Some(&first), Some(&last)) = (times.iter().min(), times.iter().max()) {
        built.extend(course_series(record, (first, last)));
    }
    let origin_t = built.iter().flat_map(|b| b.2.iter().copied()).min();
    let origin = origin_t.map_or(NaiveDate::default(), |t| t.date());
    let zero = midnight(origin);
    let mut last_day: f64 = 0.0;
    let mut panels: Vec<Panel> = Vec::new();
    for kind in PanelKind::ALL {
        let series: Vec<Series> = built
            .iter()
            .filter(|b| b.0 == kind)
            .map(|(_, s, times)| {
                let mut s = s.clone();
                for (p, t) in s.points.iter_mut().zip(times) {
                    p.day = (*t - zero).num_minutes() as f64 / 1440.0;
                    last_day = last_day.max(p.day);
                }
                s
            })
            .collect();
        if !series.is_empty() {
            panels.push(Panel { kind, series });
        }
    }
    Timeline {
        origin,
        last_day,
        panels,
    }
}

impl Timeline {
    /// For each series, the point nearest `day` within `tolerance` days; a
    /// period that holds `day`, at `day`.
    pub fn nearest(&self, day: f64, tolerance: f64) -> Vec<(&Series, Point)> {
        self.panels
            .iter()
            .flat_map(|p| p.series.iter().map(move |s| (p.kind, s)))
            .filter_map(|(kind, s)| {
                if kind == PanelKind::Periods {
                    let (a, b) = (s.points.first()?, s.points.last()?);
                    return (a.day <= day && day <= b.day).then_some((s, Point { day, ..*a }));
                }
                let p = s
                    .points
                    .iter()
                    .min_by(|a, b| (a.day - day).abs().total_cmp(&(b.day - day).abs()))?;
                ((p.day - day).abs() <= tolerance).then_some((s, *p))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clinical::biomarkers::LabResult;
    use crate::clinical::cyclophosphamide::GivenPulse;
    use chrono::{DateTime, FixedOffset};

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2025, 1, d).unwrap_or_default()
    }

    fn at(s: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(s).unwrap_or_default()
    }

    /// Neoral 100 mg every 12 h, four doses from `start`.
    fn row(start: &str, meal: Option<crate::tdm::MealTiming>) -> DoseRow {
        DoseRow {
            start: at(start),
            amount_mg: 100.0,
            interval_h: Some(12.0),
            count: 4,
            at_steady_state: false,
            formulation: None,
            ongoing: false,
            meal,
        }
    }

    #[test]
    fn panels_align_on_one_origin() {
        let mut r = PatientRecord::new("t");
        assert!(timeline(&r).panels.is_empty());
        let kl6 = |d, v| LabResult {
            analyte: Analyte::Kl6,
            date: day(d),
            value: v,
            unit: Unit::UPerMl,
            assay: None,
        };
        r.labs = vec![kl6(5, 1500.0), kl6(3, 1000.0)];
        r.ivcy.given.push(GivenPulse {
            date: day(2),
            dose_mg: 750.0,
            bsa_m2: None,
            wbc_nadir: None,
        });
        r.cyclosporine
            .doses
            .push(row("2025-01-03T08:00:00+09:00", None));
        let t = timeline(&r);
        assert_eq!(t.origin, day(2));
        let kinds: Vec<_> = t.panels.iter().map(|p| p.kind).collect();
        assert_eq!(
            kinds,
            vec![PanelKind::Doses, PanelKind::Ivcy, PanelKind::Markers]
        );
        let dose = &t.panels[0].series[0].points;
        assert_eq!((dose[0].day, dose[0].y), (1.0 + 8.0 / 24.0, 200.0));
        assert_eq!(dose[1].day, 3.0 + 8.0 / 24.0);
        let m = &t.panels[2].series[0].points;
        assert_eq!(
            (m[0].day, m[0].y, m[1].day, m[1].y),
            (1.0, 100.0, 3.0, 150.0)
        );
        assert_eq!(m[1].value, 1500.0);
        assert_eq!(t.last_day, 3.0 + 8.0 / 24.0);
        let near = t.nearest(3.1, 0.5);
        assert!(near.iter().any(|(s, p)| s.id == SeriesId::Lab(Analyte::Kl6)
            && s.unit == "U/mL"
            && p.value == 1500.0));
        assert!(!near.iter().any(|(s, _)| s.id == SeriesId::IvcyPulse));
    }

    #[test]
    fn the_prednisolone_taper_and_the_periods_share_the_axis() {
        use crate::record::{CoMedication, PrednisoloneRow};
        use crate::tdm::MealTiming;
        let mut r = PatientRecord::new("t");
        r.cyclosporine.doses = vec![
            row("2025-01-03T08:00:00+09:00", Some(MealTiming::AfterMeal)),
            row("2025-01-05T08:00:00+09:00", Some(MealTiming::BeforeMeal)),
        ];
        r.patient.prednisolone = vec![
            PrednisoloneRow {
                start: None,
                mg_day: 30.0,
            },
            PrednisoloneRow {
                start: Some(at("2025-01-04T08:00:00+09:00")),
                mg_day: 15.0,
            },
        ];
        r.patient.comedications = vec![
            // Neither an azole nor a quantified effect: not on the axis.
            CoMedication::named("ST合剤"),
            CoMedication {
                name: "イトリゾール".into(),
                start: Some(at("2025-01-04T08:00:00+09:00")),
                stop: None,
            },
        ];
        let t = timeline(&r);
        assert_eq!(t.origin, day(3));
        let kinds: Vec<_> = t.panels.iter().map(|p| p.kind).collect();
        assert_eq!(
            kinds,
            [
                PanelKind::Doses,
                PanelKind::Prednisolone,
                PanelKind::Periods
            ]
        );
        // 30 mg/day from the first time on the axis, 15 from day 1 08:00 to
        // the last dose's end (day 3 + 8 h + 48 h).
        let psl: Vec<(f64, f64)> = t.panels[1].series[0]
            .points
            .iter()
            .map(|p| (p.day, p.y))
            .collect();
        let h8 = 8.0 / 24.0;
        assert_eq!(
            psl,
            [
                (h8, 30.0),
                (1.0 + h8, 30.0),
                (1.0 + h8, 15.0),
                (4.0 + h8, 15.0)
            ]
        );
        let periods = &t.panels[2].series;
        let ids: Vec<SeriesId> = periods.iter().map(|s| s.id).collect();
        assert_eq!(
            ids,
            [
                SeriesId::CoMedication(1),
                SeriesId::Meal(Drug::Cyclosporine, MealTiming::AfterMeal),
                SeriesId::Meal(Drug::Cyclosporine, MealTiming::BeforeMeal)
            ]
        );
        assert_eq!(periods[0].label.as_deref(), Some("イトリゾール"));
        let span = |s: &Series| (s.points[0].day, s.points[1].day, s.points[0].y);
        assert_eq!(span(&periods[0]), (1.0 + h8, 4.0 + h8, 1.0));
        // After meals until the change on day 2, before meals to the end.
        assert_eq!(span(&periods[1]), (h8, 2.0 + h8, 2.0));
        assert_eq!(span(&periods[2]), (2.0 + h8, 4.0 + h8, 3.0));
        // A tap inside a period reads it, whatever its length.
        let near = t.nearest(3.0, 0.1);
        let ids: Vec<SeriesId> = near.iter().map(|(s, _)| s.id).collect();
        assert!(ids.contains(&SeriesId::CoMedication(1)), "{ids:?}");
        assert!(!ids.contains(&SeriesId::Meal(Drug::Cyclosporine, MealTiming::AfterMeal)));
    }
}

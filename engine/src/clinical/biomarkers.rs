//! Biomarker results (value, unit, date, assay), interpretation against the
//! reference (JCCLS interval or verified limit), percent change from baseline, trends, and the
//! interpretive notes the pack states.

use super::analyte::{Analyte, Assay};
use super::body::Sex;
use super::error::{finite_result, non_negative, ClinicalError, Field, Result};
use super::notes::Note;
use super::ranges::{reference, Position, Reference};
use super::status::Status;
use super::units::{convert, Unit};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// One result as recorded: store the assay with it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LabResult {
    pub analyte: Analyte,
    pub date: NaiveDate,
    pub value: f64,
    pub unit: Unit,
    pub assay: Option<Assay>,
}

/// The notes that apply to an analyte.
pub fn notes(analyte: Analyte) -> &'static [Note] {
    match analyte {
        Analyte::Kl6 => &[
            Note::Kl6SpDNormalInAcutePhase,
            Note::TwiceCutOffPoorPrognosis,
            Note::Kl6Progression800,
            Note::Kl6AssayDependence,
            Note::OneOfKl6SpDSpABilled,
        ],
        Analyte::SpD => &[
            Note::Kl6SpDNormalInAcutePhase,
            Note::TwiceCutOffPoorPrognosis,
            Note::OneOfKl6SpDSpABilled,
        ],
        Analyte::SpA => &[Note::OneOfKl6SpDSpABilled],
        Analyte::Ferritin => &[Note::RisingFerritinAcuteIp, Note::FerritinTrendsMatter],
        Analyte::Dlco | Analyte::PercentDlco => &[Note::DlcoMostSensitive],
        Analyte::Fvc | Analyte::PercentVc => &[Note::FallingFvcWithoutIp],
        Analyte::BetaDGlucan => &[Note::BetaDGlucanMedienceZones],
        Analyte::CmvAntigenaemia => &[Note::CmvTransplantThresholdsOnly],
        _ => &[],
    }
}

/// A result read against its reference.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Interpretation {
    pub reference: Status<Reference>,
    /// Beyond the limit, or outside the interval (None: no verdict).
    pub beyond_limit: Option<bool>,
    /// value ÷ limit, e.g. 2.0 = twice the cut-off (one-sided limits only).
    pub fold_of_limit: Option<f64>,
    /// Low / within / high (intervals only).
    pub position: Option<Position>,
    pub notes: Vec<Note>,
}

/// Reads `r` against its reference for a patient of `sex` (a sex-specific
/// interval gives no verdict without it).
pub fn interpret(r: &LabResult, sex: Option<Sex>) -> Result<Interpretation> {
    let v = non_negative(Field::Lab(r.analyte), r.value)?;
    let reference = reference(r.analyte, r.assay.as_ref(), sex);
    let in_unit = |unit| convert(r.analyte, v, r.unit, unit).map(Status::available);
    let (beyond_limit, fold_of_limit, position) = match &reference {
        Status::Available {
            value: Reference::Limit { limit },
        } => match in_unit(limit.unit)? {
            Some(x) => (Some(limit.exceeded_by(x)), Some(x / limit.value), None),
            None => (None, None, None),
        },
        Status::Available {
            value: Reference::Range { range },
        } => match in_unit(range.unit)? {
            Some(x) => {
                let p = range.position(x);
                (Some(p != Position::Within), None, Some(p))
            }
            None => (None, None, None),
        },
        Status::Available {
            value: Reference::BySex { .. },
        }
        | Status::Unavailable { .. } => (None, None, None),
    };
    Ok(Interpretation {
        reference,
        beyond_limit,
        fold_of_limit,
        position,
        notes: notes(r.analyte).to_vec(),
    })
}

/// Percent change from a baseline: 100·(current − baseline)/baseline.
pub fn percent_change(baseline: f64, current: f64) -> Result<f64> {
    let b = non_negative(Field::Baseline, baseline)?;
    let c = non_negative(Field::Value, current)?;
    if b == 0.0 {
        return Err(ClinicalError::ZeroBaseline {
            field: Field::Baseline,
        });
    }
    finite_result(100.0 * (c - b) / b)
}

/// One point of a trend, in the trend's unit.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TrendPoint {
    pub date: NaiveDate,
    pub value: f64,
    /// Percent change from the first (baseline) point; None when it is 0.
    pub change_from_baseline_pct: Option<f64>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Trend {
    pub analyte: Analyte,
    pub unit: Unit,
    pub points: Vec<TrendPoint>,
    /// Dates of results that could not be put in the trend's unit (or are
    /// of another analyte).
    pub not_comparable: Vec<NaiveDate>,
    /// The results were measured with different assays: not comparable as is.
    pub assays_differ: bool,
}

/// Orders one analyte's results (that of the earliest result) by date, in the
/// analyte's canonical unit, with percent change from the earliest.
pub fn trend(results: &[LabResult]) -> Result<Option<Trend>> {
    let mut sorted: Vec<&LabResult> = results.iter().collect();
    sorted.sort_by_key(|r| r.date);
    let Some(first) = sorted.first() else {
        return Ok(None);
    };
    let (analyte, unit) = (first.analyte, first.analyte.canonical_unit());
    let mut points: Vec<TrendPoint> = Vec::new();
    let mut not_comparable = Vec::new();
    for r in &sorted {
        let value = if r.analyte == analyte {
            convert(analyte, r.value, r.unit, unit)?.available()
        } else {
            None
        };
        let Some(value) = value else {
            not_comparable.push(r.date);
            continue;
        };
        let baseline = points.first().map_or(value, |b| b.value);
        points.push(TrendPoint {
            date: r.date,
            value,
            change_from_baseline_pct: percent_change(baseline, value).ok(),
        });
    }
    let assays_differ = sorted.iter().any(|r| r.assay != first.assay);
    Ok(Some(Trend {
        analyte,
        unit,
        points,
        not_comparable,
        assays_differ,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use approx::assert_relative_eq;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2025, m, day).unwrap()
    }

    fn kl6(date: NaiveDate, value: f64) -> LabResult {
        LabResult {
            analyte: Analyte::Kl6,
            date,
            value,
            unit: Unit::UPerMl,
            assay: Some(Assay::Kl6BmlCleia),
        }
    }

    #[test]
    fn kl6_twice_the_cut_off() {
        let i = interpret(&kl6(d(1, 1), 1000.0), None).unwrap();
        assert_eq!(i.beyond_limit, Some(true));
        assert_relative_eq!(i.fold_of_limit.unwrap(), 2.0);
        assert!(i.notes.contains(&Note::TwiceCutOffPoorPrognosis));
        let i = interpret(&kl6(d(1, 1), 420.0), None).unwrap();
        assert_eq!(i.beyond_limit, Some(false));
    }

    #[test]
    fn no_assay_no_verdict() {
        let r = LabResult {
            assay: None,
            ..kl6(d(1, 1), 1000.0)
        };
        let i = interpret(&r, None).unwrap();
        assert_eq!((i.beyond_limit, i.fold_of_limit), (None, None));
        assert!(interpret(&kl6(d(1, 1), -5.0), None).is_err());
    }

    #[test]
    fn without_a_verified_interval_no_verdict_is_given() {
        // WBC 2.5 ×10⁹/L: no verified interval (the JCCLS copies read are
        // secondary), so neither low nor high.
        let wbc = LabResult {
            analyte: Analyte::Wbc,
            date: d(1, 1),
            value: 2.5,
            unit: Unit::GigaPerL,
            assay: None,
        };
        let i = interpret(&wbc, Some(Sex::Male)).unwrap();
        assert_eq!(i.position, None);
    }

    #[test]
    fn percent_change_values() {
        assert_relative_eq!(percent_change(1000.0, 1500.0).unwrap(), 50.0);
        assert_relative_eq!(percent_change(800.0, 600.0).unwrap(), -25.0);
        assert_eq!(
            percent_change(0.0, 5.0),
            Err(ClinicalError::ZeroBaseline {
                field: Field::Baseline
            })
        );
    }

    #[test]
    fn trend_sorts_converts_and_flags() {
        let crp = |date, value, unit| LabResult {
            analyte: Analyte::Crp,
            date,
            value,
            unit,
            assay: None,
        };
        let t = trend(&[
            crp(d(2, 1), 20.0, Unit::MgPerL),
            crp(d(1, 1), 4.0, Unit::MgPerDl),
            kl6(d(3, 1), 900.0),
        ])
        .unwrap()
        .unwrap();
        assert_eq!(t.unit, Unit::MgPerDl);
        assert_eq!(t.points.len(), 2);
        assert_relative_eq!(t.points[1].value, 2.0, epsilon = 1e-12);
        assert_relative_eq!(
            t.points[1].change_from_baseline_pct.unwrap(),
            -50.0,
            epsilon = 1e-9
        );
        assert_eq!(t.not_comparable, vec![d(3, 1)]);
        assert!(t.assays_differ);
        assert_eq!(trend(&[]).unwrap(), None);
    }

    #[test]
    fn ferritin_pmol_not_comparable() {
        let f = |date, value, unit| LabResult {
            analyte: Analyte::Ferritin,
            date,
            value,
            unit,
            assay: None,
        };
        let t = trend(&[
            f(d(1, 1), 800.0, Unit::NgPerMl),
            f(d(1, 8), 2800.0, Unit::PmolPerL),
        ])
        .unwrap()
        .unwrap();
        assert_eq!(t.points.len(), 1);
        assert_eq!(t.not_comparable, vec![d(1, 8)]);
        assert!(!t.assays_differ);
    }
}

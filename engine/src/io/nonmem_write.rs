//! Writes one drug's dosing history and levels as a NONMEM-style CSV
//! (ID,TIME,EVID,AMT,CMT,II,ADDL,SS,DV,MDV,BLQ,LLOQ + covariates), the
//! format [`super::nonmem::read`] reads, and turns a subject read back from
//! such a file into clock-time rows again.
//!
//! TIME is in hours from the earliest dose or level; doses go into
//! compartment 1, levels are observed in `central_cmt`; a covariate that
//! changes over time gets its value on each row and a covariate row
//! (EVID 2) where it changes.

use super::nonmem::Subject;
use crate::dosing::{CovariateSeries, Event, SteadyState, TimeBase};
use crate::tdm::levels::timing;
use crate::tdm::timed::series;
use crate::tdm::{CovariateStep, DoseRow, LevelRow, SampleLabel};
use chrono::{DateTime, FixedOffset};
use std::collections::BTreeMap;

/// The fixed columns, before the covariates.
pub const COLUMNS: [&str; 12] = [
    "ID", "TIME", "EVID", "AMT", "CMT", "II", "ADDL", "SS", "DV", "MDV", "BLQ", "LLOQ",
];

/// Why a table cannot be written or read back.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum NonmemWriteError {
    #[error("nothing to write: no doses and no levels")]
    Empty,
    #[error("covariate name “{0}” is not usable as a column (letters, digits, _; not a NONMEM column name)")]
    BadCovariate(String),
    #[error("dose row {0}: the amount must be a positive number")]
    BadDose(usize),
    #[error("time {0} h cannot be turned back into a clock time")]
    BadTime(f64),
    #[error("TIME {0}: a reset (EVID 3 or 4) cannot be written as a dose history")]
    Reset(f64),
    #[error("expected one subject, the file has {0}")]
    Subjects(usize),
    #[error("TIME {time}: {what} in compartment {found}; this drug's model expects compartment {expected}")]
    Compartment {
        time: f64,
        what: &'static str,
        found: usize,
        expected: usize,
    },
}

fn num(v: f64) -> String {
    // Shortest representation that reads back to the same f64.
    format!("{v}")
}

/// Writes the table. Doses with a count above 1 become one record with
/// II and ADDL = count − 1; a steady-state row gets SS = 1.
pub fn write(
    id: &str,
    doses: &[DoseRow],
    levels: &[LevelRow],
    covariates: &BTreeMap<String, f64>,
    central_cmt: usize,
) -> Result<String, NonmemWriteError> {
    write_with_steps(id, doses, levels, covariates, &BTreeMap::new(), central_cmt)
}

/// [`write`] with covariates that change over time: a column with `steps`
/// holds on each row the value in force at its time, a change between
/// rows gets a covariate row (EVID 2) at its time, and a dose row that a
/// change falls within is split there (ADDL repeats take the F and lag of
/// their record, as in NONMEM), so that the file read with the default
/// convention (last value carried forward) computes what the record does.
/// A step before the first row shows in the first row's value.
pub fn write_with_steps(
    id: &str,
    doses: &[DoseRow],
    levels: &[LevelRow],
    covariates: &BTreeMap<String, f64>,
    steps: &BTreeMap<String, Vec<CovariateStep>>,
    central_cmt: usize,
) -> Result<String, NonmemWriteError> {
    for name in covariates.keys() {
        let ok = !name.is_empty()
            && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
            && !COLUMNS.contains(&name.to_ascii_uppercase().as_str())
            && !["RATE", "DUR", "CENS"].contains(&name.to_ascii_uppercase().as_str());
        if !ok {
            return Err(NonmemWriteError::BadCovariate(name.clone()));
        }
    }
    let base = TimeBase::earliest(
        doses
            .iter()
            .map(|d| d.start)
            .chain(levels.iter().map(|l| l.sampled)),
    )
    .ok_or(NonmemWriteError::Empty)?;
    let series: BTreeMap<&String, CovariateSeries> = covariates
        .keys()
        .filter_map(|k| Some((k, series(steps.get(k)?, &base)?)))
        .collect();
    let mut changes: Vec<f64> = series
        .values()
        .flat_map(|s| s.change_times().collect::<Vec<_>>())
        .filter(|t| *t > 0.0)
        .collect();
    changes.sort_by(f64::total_cmp);
    changes.dedup();
    // (time, order, fields): doses before levels at the same time.
    let mut rows: Vec<(f64, u8, Vec<String>)> = Vec::new();
    for (i, d) in doses.iter().enumerate() {
        if !(d.amount_mg.is_finite() && d.amount_mg > 0.0) {
            return Err(NonmemWriteError::BadDose(i + 1));
        }
        let ss = d.at_steady_state && d.interval_h.is_some();
        for (k, (t, n)) in pieces(base.hours(d.start), d, &changes)
            .into_iter()
            .enumerate()
        {
            let (ii, addl) = match d.interval_h {
                Some(ii) if n > 1 || (ss && k == 0) => (num(ii), n - 1),
                _ => ("0".into(), 0),
            };
            let fields = vec![
                num(t),
                "1".into(),
                num(d.amount_mg),
                "1".into(),
                ii,
                addl.to_string(),
                if ss && k == 0 { "1" } else { "0" }.into(),
                ".".into(),
                "1".into(),
                "0".into(),
                ".".into(),
            ];
            rows.push((t, 0, fields));
        }
    }
    for l in levels {
        let t = base.hours(l.sampled);
        let lloq = l.lloq_ng_ml.map(num).unwrap_or_else(|| ".".into());
        let (dv, mdv, blq) = match (l.blq, l.value_ng_ml) {
            (true, _) => (".".to_string(), "0", "1"),
            (false, Some(v)) => (num(v), "0", "0"),
            (false, None) => (".".to_string(), "1", "0"),
        };
        let fields = vec![
            num(t),
            "0".into(),
            ".".into(),
            central_cmt.to_string(),
            "0".into(),
            "0".into(),
            "0".into(),
            dv,
            mdv.into(),
            blq.into(),
            lloq,
        ];
        rows.push((t, 1, fields));
    }
    changes.retain(|t| !rows.iter().any(|r| r.0 == *t));
    for t in changes {
        let fields = vec![
            num(t),
            "2".into(),
            ".".into(),
            ".".into(),
            "0".into(),
            "0".into(),
            "0".into(),
            ".".into(),
            "1".into(),
            "0".into(),
            ".".into(),
        ];
        rows.push((t, 0, fields));
    }
    rows.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    let mut out = csv::Writer::from_writer(Vec::new());
    let header: Vec<&str> = COLUMNS
        .iter()
        .copied()
        .chain(covariates.keys().map(String::as_str))
        .collect();
    let value =
        |name: &String, constant: f64, t: f64| num(series.get(name).map_or(constant, |s| s.at(t)));
    // Writing to memory only fails on a bug in csv; fall back to nothing.
    let _ = out.write_record(&header);
    for (t, _, fields) in &rows {
        let record = std::iter::once(id.to_string())
            .chain(fields.iter().cloned())
            .chain(covariates.iter().map(|(k, v)| value(k, *v, *t)));
        let _ = out.write_record(record);
    }
    let bytes = out.into_inner().unwrap_or_default();
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// The records of dose row `d` (first dose at hour `t0`): `(time, doses)`,
/// a new record from the first dose at or after each change.
fn pieces(t0: f64, d: &DoseRow, changes: &[f64]) -> Vec<(f64, u32)> {
    let count = d.count.max(1);
    let ii = d.interval_h.filter(|h| *h > 0.0 && count > 1);
    let Some(ii) = ii else {
        return vec![(t0, count)];
    };
    let mut out: Vec<(f64, u32)> = vec![(t0, 0)];
    for k in 0..count {
        let t = t0 + f64::from(k) * ii;
        let previous = t - ii;
        let split = k > 0 && changes.iter().any(|c| previous < *c && *c <= t);
        match out.last_mut() {
            Some(p) if !split => p.1 += 1,
            _ => out.push((t, 1)),
        }
    }
    out
}

/// Turns a subject read by [`super::nonmem::read`] back into clock-time
/// rows, TIME 0 being `origin`. Doses must be in compartment 1 and levels in
/// `central_cmt` (as [`write`] writes them): another compartment means
/// another model's numbering, refused rather than guessed. Each level gets
/// the first label among C0, C1, C2, C3, C4, C6 that its time after the
/// dose matches within [`crate::tdm::TIMING_TOLERANCE_H`] (the table has no label
/// column), else “other”.
pub fn to_rows(
    subject: &Subject,
    origin: DateTime<FixedOffset>,
    central_cmt: usize,
) -> Result<(Vec<DoseRow>, Vec<LevelRow>), NonmemWriteError> {
    let base = TimeBase::new(origin);
    let clock = |t: f64| base.clock(t).ok_or(NonmemWriteError::BadTime(t));
    let check = |time: f64, what: &'static str, found: usize, expected: usize| {
        if found == expected {
            Ok(())
        } else {
            Err(NonmemWriteError::Compartment {
                time,
                what,
                found,
                expected,
            })
        }
    };
    let mut doses = Vec::new();
    let mut levels = Vec::new();
    let mut dose_times = Vec::new();
    for e in &subject.events {
        match e {
            Event::Reset { time } => return Err(NonmemWriteError::Reset(*time)),
            Event::Dose(d) => {
                check(d.time, "a dose", d.cmt, 1)?;
                dose_times.extend(
                    (0..=d.addl.min(MAX_LABEL_DOSES)).map(|k| d.time + f64::from(k) * d.ii),
                );
                doses.push(DoseRow {
                    start: clock(d.time)?,
                    amount_mg: d.amount,
                    interval_h: (d.ii > 0.0).then_some(d.ii),
                    count: d.addl + 1,
                    at_steady_state: d.ss != SteadyState::No,
                    formulation: None,
                    ongoing: false,
                    meal: None,
                })
            }
            Event::Observation(o) => {
                check(o.time, "a level", o.cmt, central_cmt)?;
                levels.push((
                    o.time,
                    LevelRow {
                        sampled: clock(o.time)?,
                        value_ng_ml: if o.blq { None } else { o.dv },
                        blq: o.blq,
                        lloq_ng_ml: o.lloq,
                        label: SampleLabel::Other,
                        assay: None,
                    },
                ))
            }
        }
    }
    dose_times.sort_by(f64::total_cmp);
    let levels = levels
        .into_iter()
        .map(|(t, mut row)| {
            row.label = label_for(&row, t, &dose_times);
            row
        })
        .collect();
    Ok((doses, levels))
}

/// Doses per record considered when labelling (a guard, not a limit on
/// the history).
const MAX_LABEL_DOSES: u32 = 10_000;

/// The nominal label whose timing `row` at `t` matches, else “other”.
fn label_for(row: &LevelRow, t: f64, dose_times: &[f64]) -> SampleLabel {
    use SampleLabel::*;
    [C0, C1, C2, C3, C4, C6]
        .into_iter()
        .find(|label| {
            let candidate = LevelRow {
                label: *label,
                ..row.clone()
            };
            timing(&candidate, t, dose_times, f64::INFINITY)
                .problem
                .is_none()
        })
        .unwrap_or(Other)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::nonmem::read;

    fn at(s: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(s).expect("test time")
    }

    fn example() -> (Vec<DoseRow>, Vec<LevelRow>) {
        let doses = vec![
            DoseRow {
                start: at("2026-04-01T08:00:00+09:00"),
                amount_mg: 150.0,
                interval_h: Some(12.0),
                count: 6,
                at_steady_state: true,
                formulation: None,
                ongoing: false,
                meal: None,
            },
            DoseRow {
                start: at("2026-04-04T08:00:00+09:00"),
                amount_mg: 125.0,
                interval_h: None,
                count: 1,
                at_steady_state: false,
                formulation: None,
                ongoing: false,
                meal: None,
            },
        ];
        let levels = vec![
            LevelRow {
                sampled: at("2026-04-03T07:45:00+09:00"),
                value_ng_ml: Some(182.5),
                blq: false,
                lloq_ng_ml: None,
                label: SampleLabel::C0,
                assay: None,
            },
            LevelRow {
                sampled: at("2026-04-04T20:00:00+09:00"),
                value_ng_ml: None,
                blq: true,
                lloq_ng_ml: Some(20.0),
                label: SampleLabel::Other,
                assay: None,
            },
        ];
        (doses, levels)
    }

    #[test]
    fn written_table_reads_back_to_the_same_events() {
        let (doses, levels) = example();
        let cov = BTreeMap::from([("WT".to_string(), 52.5), ("PSL".to_string(), 10.0)]);
        let text = write("7", &doses, &levels, &cov, 2).expect("writes");
        let mut lines = text.lines();
        assert_eq!(
            lines.next(),
            Some("ID,TIME,EVID,AMT,CMT,II,ADDL,SS,DV,MDV,BLQ,LLOQ,PSL,WT")
        );
        assert_eq!(lines.next(), Some("7,0,1,150,1,12,5,1,.,1,0,.,10,52.5"));
        assert_eq!(
            lines.next(),
            Some("7,47.75,0,.,2,0,0,0,182.5,0,0,.,10,52.5")
        );
        assert_eq!(lines.next(), Some("7,72,1,125,1,0,0,0,.,1,0,.,10,52.5"));
        assert_eq!(lines.next(), Some("7,84,0,.,2,0,0,0,.,0,1,20,10,52.5"));
        assert_eq!(lines.next(), None);

        let subjects = read(text.as_bytes()).expect("reads back");
        assert_eq!(subjects.len(), 1);
        let s = &subjects[0];
        assert_eq!(s.id, "7");
        assert_eq!(s.events.len(), 4);
        assert_eq!(s.covariates["WT"].at(0.0), 52.5);
        let (d2, l2) = to_rows(s, doses[0].start, 2).expect("rows");
        assert_eq!(d2, doses);
        // Labels come back from the timing: 15 min before the 48 h dose is
        // a C0; 12 h after a single dose matches no nominal time.
        assert_eq!(l2[0].label, SampleLabel::C0);
        assert_eq!(l2[1].label, SampleLabel::Other);
        assert_eq!(l2[0].value_ng_ml, Some(182.5));
        assert_eq!(l2[0].sampled, levels[0].sampled);
        assert!(l2[1].blq);
        assert_eq!(l2[1].lloq_ng_ml, Some(20.0));
    }

    #[test]
    fn levels_in_another_compartment_are_refused() {
        let (doses, levels) = example();
        let text = write("7", &doses, &levels, &BTreeMap::new(), 2).expect("writes");
        let s = &read(text.as_bytes()).expect("reads")[0];
        assert_eq!(
            to_rows(s, doses[0].start, 3).map(|_| ()),
            Err(NonmemWriteError::Compartment {
                time: 47.75,
                what: "a level",
                found: 2,
                expected: 3
            })
        );
        assert_eq!(
            NonmemWriteError::Compartment {
                time: 47.75,
                what: "a level",
                found: 2,
                expected: 3
            }
            .to_string(),
            "TIME 47.75: a level in compartment 2; this drug's model expects compartment 3"
        );
    }

    #[test]
    fn a_covariate_change_within_a_dose_row_splits_it() {
        let (doses, _) = example();
        let d = DoseRow {
            count: 6,
            interval_h: Some(12.0),
            ..doses[0].clone()
        };
        // Doses at 0, 12, …, 60: a change at 30 h starts a record at 36.
        assert_eq!(pieces(0.0, &d, &[30.0]), [(0.0, 3), (36.0, 3)]);
        // A change at a dose's own time starts the record there.
        assert_eq!(pieces(0.0, &d, &[24.0]), [(0.0, 2), (24.0, 4)]);
        // Before the first dose or after the last: one record.
        assert_eq!(pieces(0.0, &d, &[0.0, 61.0]), [(0.0, 6)]);
        let single = DoseRow {
            count: 1,
            interval_h: None,
            ..d
        };
        assert_eq!(pieces(5.0, &single, &[30.0]), [(5.0, 1)]);
    }

    #[test]
    fn unusable_input_is_named() {
        let (doses, levels) = example();
        let none = BTreeMap::new();
        assert_eq!(write("1", &[], &[], &none, 2), Err(NonmemWriteError::Empty));
        let bad = BTreeMap::from([("AMT".to_string(), 1.0)]);
        assert_eq!(
            write("1", &doses, &levels, &bad, 2),
            Err(NonmemWriteError::BadCovariate("AMT".into()))
        );
        let mut d = doses.clone();
        d[1].amount_mg = f64::NAN;
        assert_eq!(
            write("1", &d, &levels, &none, 2),
            Err(NonmemWriteError::BadDose(2))
        );
    }
}

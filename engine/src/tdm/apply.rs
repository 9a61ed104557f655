//! The advised regimen written into the dosing history as a prescription
//! says it: at the regimen's clock times (the first dose of the day at the
//! patient's breakfast time, the second 12 h later), ongoing until
//! changed, with its meal timing. The new regimen replaces the dose the
//! current one has due next: it starts at the regimen time nearest that
//! dose (not before now), and the current rows end before it. A regimen
//! row planned to start later is replaced. "Continue the current dose"
//! makes the latest regimen row ongoing.

use super::input::{DoseRow, Formulation, MealTiming};
use super::rows::doses_in;
use super::view::next_dose;
use chrono::{DateTime, Duration, FixedOffset, NaiveTime};
use serde::Serialize;

/// The breakfast time regimens are written at when the record gives none:
/// 08:00, the tool's default (a setting on the Patient screen).
pub const DEFAULT_BREAKFAST_HOUR: u32 = 8;

/// The record's breakfast time, else 08:00.
pub fn breakfast_or_default(t: Option<NaiveTime>) -> NaiveTime {
    t.or_else(|| NaiveTime::from_hms_opt(DEFAULT_BREAKFAST_HOUR, 0, 0))
        .unwrap_or(NaiveTime::MIN)
}

/// The regimen to write.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Prescription {
    pub amount_mg: f64,
    /// 12 (twice daily) or 24 (once daily); any interval dividing a day.
    pub interval_h: f64,
    pub formulation: Formulation,
    pub meal: Option<MealTiming>,
    /// Clock time of the day's first dose (the breakfast time).
    pub first_of_day: NaiveTime,
}

/// What to apply it to.
#[derive(Debug, Clone, Copy)]
pub struct ApplyArgs<'a> {
    pub rows: &'a [DoseRow],
    pub now: DateTime<FixedOffset>,
    pub prescription: Prescription,
}

/// The history with the regimen written in.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Applied {
    pub rows: Vec<DoseRow>,
    /// The new regimen's first dose.
    pub start: DateTime<FixedOffset>,
    /// Rows (indices in the old history) shortened to end before it.
    pub shortened: Vec<usize>,
    /// Planned regimen rows starting after it, replaced.
    pub replaced: usize,
    /// The history had ended before now: its last regimen row, taken as
    /// given until the new start.
    pub extended: Option<Extended>,
}

/// A regimen row the history ended with, taken as going on until the new
/// regimen.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Extended {
    /// Index in the old history.
    pub row: usize,
    /// Its last recorded dose.
    pub ended: DateTime<FixedOffset>,
}

/// Why it cannot be written.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ApplyError {
    #[error("the dose must be a finite number > 0 mg (got {0})")]
    Amount(f64),
    #[error("the interval must divide a day into whole doses (got {0} h)")]
    Interval(f64),
    #[error("no clock time for the first dose")]
    NoTime,
}

fn hours(h: f64) -> Duration {
    Duration::milliseconds((h * 3_600_000.0).round() as i64)
}

/// The first of the regimen's clock times at or after `not_before`.
pub fn first_time_from(
    not_before: DateTime<FixedOffset>,
    first_of_day: NaiveTime,
    interval_h: f64,
) -> Option<DateTime<FixedOffset>> {
    let day = not_before.date_naive().pred_opt()?;
    let mut t = day
        .and_time(first_of_day)
        .and_local_timezone(*not_before.offset())
        .single()?;
    // At most two days of steps (a day before, the day, a day after).
    for _ in 0..=(72.0 / interval_h) as usize {
        if t >= not_before {
            return Some(t);
        }
        t = t.checked_add_signed(hours(interval_h))?;
    }
    None
}

/// Of the regimen's clock times not before `now`, the one nearest the dose
/// due (on a tie, the earlier).
fn nearest_time(
    now: DateTime<FixedOffset>,
    due: DateTime<FixedOffset>,
    p: Prescription,
) -> Option<DateTime<FixedOffset>> {
    let mut t = first_time_from(now, p.first_of_day, p.interval_h)?;
    let distance = |t: DateTime<FixedOffset>| (t - due).num_milliseconds().abs();
    loop {
        let next = t.checked_add_signed(hours(p.interval_h))?;
        if distance(next) >= distance(t) {
            return Some(t);
        }
        t = next;
    }
}

/// The first dose of the history at or after `now`, if the history still
/// has one (an ongoing row always does, unless a later row ends it).
pub fn next_due(rows: &[DoseRow], now: DateTime<FixedOffset>) -> Option<DateTime<FixedOffset>> {
    let end = now + hours(48.0);
    (0..rows.len())
        .filter_map(|i| {
            let r = &rows[i];
            let n = doses_in(rows, i, end);
            let step = r.interval_h.unwrap_or(0.0);
            let behind = (now - r.start).num_milliseconds() as f64 / 3_600_000.0;
            let k = if behind <= 0.0 {
                0.0
            } else if step > 0.0 {
                (behind / step - 1e-9).ceil()
            } else {
                return None;
            };
            (k < f64::from(n)).then(|| r.start + hours(step * k))
        })
        .filter(|t| *t >= now)
        .min()
}

/// The history with its regimen rows ending before `due` (the dose the
/// new regimen replaces) and the regimen rows starting at or after
/// `start` dropped.
pub struct Ended {
    pub rows: Vec<DoseRow>,
    pub shortened: Vec<usize>,
    pub replaced: usize,
}

/// Ends the history's regimen rows before `due`; drops those planned from
/// `start` on.
pub fn end_before(
    history: &[DoseRow],
    due: DateTime<FixedOffset>,
    start: DateTime<FixedOffset>,
) -> Ended {
    let mut rows = Vec::with_capacity(history.len() + 1);
    let mut shortened = Vec::new();
    let mut replaced = 0;
    for (i, r) in history.iter().enumerate() {
        if r.interval_h.is_some() && r.start >= start {
            replaced += 1;
            continue;
        }
        let mut r = r.clone();
        if let Some(step) = r.interval_h {
            let given = doses_in(history, i, due);
            let before = (0..given)
                .take_while(|k| r.start + hours(step * f64::from(*k)) < due)
                .count() as u32;
            if before == 0 {
                replaced += 1;
                continue;
            }
            if r.ongoing || before < r.count {
                r.count = before;
                r.ongoing = false;
                shortened.push(i);
            }
        }
        rows.push(r);
    }
    Ended {
        rows,
        shortened,
        replaced,
    }
}

/// Writes the prescription into the history.
pub fn apply(args: ApplyArgs<'_>) -> Result<Applied, ApplyError> {
    let p = args.prescription;
    if !(p.amount_mg.is_finite() && p.amount_mg > 0.0) {
        return Err(ApplyError::Amount(p.amount_mg));
    }
    let per_day = 24.0 / p.interval_h;
    if !(p.interval_h.is_finite() && p.interval_h > 0.0 && (per_day - per_day.round()).abs() < 1e-9)
    {
        return Err(ApplyError::Interval(p.interval_h));
    }
    // A history whose last regimen row ended before now is taken as given
    // until the new regimen starts, as the advice assumed (the screen says
    // so): that row goes on, and is ended before the new start below.
    let mut history = args.rows.to_vec();
    let started = |r: &DoseRow| r.start <= args.now;
    let current: Vec<DoseRow> = history.iter().filter(|r| started(r)).cloned().collect();
    let latest = (0..history.len())
        .filter(|&i| history[i].interval_h.is_some() && started(&history[i]))
        .max_by_key(|&i| history[i].start);
    let extended = match latest {
        Some(i) if next_due(&current, args.now).is_none() => {
            let last = super::rows::last_dose(&history, i, args.now);
            history[i].ongoing = true;
            Some((i, last))
        }
        _ => None,
    };
    // The current regimen: the rows already started (later ones are plans,
    // which the new regimen replaces).
    let current: Vec<DoseRow> = history.iter().filter(|r| started(r)).cloned().collect();
    let due = next_due(&current, args.now)
        .or_else(|| next_dose(&current, p.interval_h, args.now))
        .unwrap_or(args.now);
    let start = nearest_time(args.now, due, p).ok_or(ApplyError::NoTime)?;
    let Ended {
        mut rows,
        mut shortened,
        replaced,
    } = end_before(&history, due, start);
    if let Some((i, _)) = extended {
        shortened.retain(|s| *s != i);
    }
    rows.push(DoseRow {
        start,
        amount_mg: p.amount_mg,
        interval_h: Some(p.interval_h),
        count: 1,
        ongoing: true,
        at_steady_state: false,
        formulation: Some(p.formulation),
        meal: p.meal,
    });
    Ok(Applied {
        rows,
        start,
        shortened,
        replaced,
        extended: extended.and_then(|(i, last)| {
            Some(Extended {
                row: i,
                ended: last?,
            })
        }),
    })
}

/// The history with its latest regimen row going on until changed;
/// `None` when there is no regimen row or it already goes on.
pub fn continue_current(rows: &[DoseRow]) -> Option<Vec<DoseRow>> {
    let i = (0..rows.len())
        .filter(|&i| rows[i].interval_h.is_some())
        .max_by_key(|&i| rows[i].start)?;
    if rows[i].ongoing {
        return None;
    }
    let mut out = rows.to_vec();
    out[i].ongoing = true;
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(s).unwrap()
    }

    fn bid(count: u32) -> DoseRow {
        DoseRow {
            start: at("2026-11-01T08:00:00+09:00"),
            amount_mg: 100.0,
            interval_h: Some(12.0),
            count,
            ongoing: false,
            at_steady_state: true,
            formulation: Some(Formulation::Neoral),
            meal: Some(MealTiming::AfterMeal),
        }
    }

    fn once_daily_before_breakfast(amount_mg: f64) -> Prescription {
        Prescription {
            amount_mg,
            interval_h: 24.0,
            formulation: Formulation::Neoral,
            meal: Some(MealTiming::BeforeMeal),
            first_of_day: NaiveTime::from_hms_opt(7, 30, 0).unwrap(),
        }
    }

    #[test]
    fn once_daily_before_breakfast_replaces_the_dose_due_next() {
        // 100 mg twice daily from 11-01 08:00, 20 doses (to 11-10 20:00);
        // now 11-03 15:00: the 20:00 dose is due. Once daily before a 07:30
        // breakfast: the nearest breakfast not before now is 11-04 07:30;
        // the old row ends with the 11-03 08:00 dose (5 doses).
        let rows = vec![bid(20)];
        let now = at("2026-11-03T15:00:00+09:00");
        let out = apply(ApplyArgs {
            rows: &rows,
            now,
            prescription: once_daily_before_breakfast(200.0),
        })
        .unwrap();
        assert_eq!(out.start, at("2026-11-04T07:30:00+09:00"));
        assert_eq!(out.rows[0].count, 5);
        assert_eq!(out.shortened, vec![0]);
        let new = &out.rows[1];
        assert!(new.ongoing);
        assert_eq!(new.interval_h, Some(24.0));
        assert_eq!(new.meal, Some(MealTiming::BeforeMeal));
        assert_eq!(new.amount_mg, 200.0);
    }

    #[test]
    fn a_history_that_ended_before_now_is_taken_as_given_until_the_new_start() {
        // 100 mg twice daily from 11-01 08:00, 4 doses (last 11-02 20:00);
        // now 11-04 15:00. The row is taken as going on: the dose due is
        // 11-04 20:00, the nearest 07:30 breakfast not before now 11-05
        // 07:30; the old row runs to 11-04 08:00 (7 doses) and the screen
        // is told it was extended from its last recorded dose.
        let rows = vec![bid(4)];
        let out = apply(ApplyArgs {
            rows: &rows,
            now: at("2026-11-04T15:00:00+09:00"),
            prescription: once_daily_before_breakfast(200.0),
        })
        .unwrap();
        assert_eq!(out.start, at("2026-11-05T07:30:00+09:00"));
        assert_eq!((out.rows[0].count, out.rows[0].ongoing), (7, false));
        assert_eq!(
            out.extended,
            Some(Extended {
                row: 0,
                ended: at("2026-11-02T20:00:00+09:00")
            })
        );
        assert!(out.shortened.is_empty());
        // A history still running is not extended.
        let running = apply(ApplyArgs {
            rows: &[bid(20)],
            now: at("2026-11-03T15:00:00+09:00"),
            prescription: once_daily_before_breakfast(200.0),
        })
        .unwrap();
        assert_eq!(running.extended, None);
    }

    #[test]
    fn twice_daily_keeps_breakfast_and_twelve_hours_later() {
        // Once daily at 07:30, ongoing; now 11-03 10:00: next due 11-04
        // 07:30. Twice daily after an 08:00 breakfast and 20:00: 11-04 08:00
        // is nearest (11-03 20:00 is 11.5 h before the due dose); the old
        // row ends with 11-03 07:30 and is no longer ongoing.
        let mut row = bid(1);
        row.start = at("2026-11-01T07:30:00+09:00");
        row.interval_h = Some(24.0);
        row.ongoing = true;
        let rows = vec![row];
        let now = at("2026-11-03T10:00:00+09:00");
        let p = Prescription {
            interval_h: 12.0,
            meal: Some(MealTiming::AfterMeal),
            first_of_day: NaiveTime::from_hms_opt(8, 0, 0).unwrap(),
            ..once_daily_before_breakfast(125.0)
        };
        let out = apply(ApplyArgs {
            rows: &rows,
            now,
            prescription: p,
        })
        .unwrap();
        assert_eq!(out.start, at("2026-11-04T08:00:00+09:00"));
        assert!(!out.rows[0].ongoing);
        assert_eq!(out.rows[0].count, 3);
        assert_eq!(out.shortened, vec![0]);
        assert_eq!(
            next_due(&out.rows, at("2026-11-04T09:00:00+09:00")),
            Some(at("2026-11-04T20:00:00+09:00"))
        );
    }

    #[test]
    fn a_planned_row_after_the_start_is_replaced_and_bad_values_refused() {
        let mut planned = bid(4);
        planned.start = at("2026-11-06T08:00:00+09:00");
        let rows = vec![bid(6), planned];
        let now = at("2026-11-04T07:00:00+09:00");
        let out = apply(ApplyArgs {
            rows: &rows,
            now,
            prescription: once_daily_before_breakfast(150.0),
        })
        .unwrap();
        // The history ended 11-03 20:00; due 11-04 08:00; nearest breakfast
        // time not before now (07:00) is 07:30.
        assert_eq!(out.replaced, 1);
        assert_eq!(out.start, at("2026-11-04T07:30:00+09:00"));
        assert_eq!(out.rows.len(), 2);
        for (bad, want) in [(f64::NAN, "finite number"), (-5.0, "finite number")] {
            let e = apply(ApplyArgs {
                rows: &rows,
                now,
                prescription: once_daily_before_breakfast(bad),
            })
            .unwrap_err();
            assert!(e.to_string().contains(want), "{e}");
        }
        let odd = Prescription {
            interval_h: 7.0,
            ..once_daily_before_breakfast(100.0)
        };
        assert!(matches!(
            apply(ApplyArgs {
                rows: &rows,
                now,
                prescription: odd
            }),
            Err(ApplyError::Interval(_))
        ));
    }

    #[test]
    fn continuing_makes_the_latest_regimen_row_ongoing() {
        let rows = vec![bid(6)];
        let out = continue_current(&rows).unwrap();
        assert!(out[0].ongoing);
        assert_eq!(continue_current(&out), None);
        assert_eq!(continue_current(&[]), None);
    }
}

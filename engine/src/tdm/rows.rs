//! The dose rows as the doses they give. A row gives `count` doses; an
//! ongoing row ("until changed", as a prescription reads) gives a dose
//! every interval until the next regimen row starts, or until the plan's
//! end (the forecast horizon after the present or after the latest row).
//! A single dose row (an extra dose) does not end an ongoing regimen.

use super::input::{DoseChange, DoseRow};
use super::session::TdmError;
use crate::dosing::regimen::Schedule;
use chrono::{DateTime, Duration, FixedOffset};

/// At most this many doses from one ongoing row (a daily dose for 27
/// years): the plan's end is bounded, this only keeps a wild horizon from
/// hanging the page.
pub const MAX_ONGOING_DOSES: u32 = 20_000;

fn hours(h: f64) -> Duration {
    Duration::milliseconds((h * 3_600_000.0).round() as i64)
}

fn hours_between(from: DateTime<FixedOffset>, to: DateTime<FixedOffset>) -> f64 {
    (to - from).num_milliseconds() as f64 / 3_600_000.0
}

/// Where ongoing rows stop when nothing follows them: `horizon_h` after
/// the present or after the latest row's start, whichever is later.
pub fn plan_end(
    rows: &[DoseRow],
    now: DateTime<FixedOffset>,
    horizon_h: f64,
) -> DateTime<FixedOffset> {
    let latest = rows
        .iter()
        .map(|r| r.start)
        .max()
        .map_or(now, |s| s.max(now));
    let horizon = if horizon_h.is_finite() {
        horizon_h.clamp(0.0, 1e5)
    } else {
        0.0
    };
    latest.checked_add_signed(hours(horizon)).unwrap_or(latest)
}

/// The number of doses row `i` gives (at least 1): its count, or for an
/// ongoing row the doses before the next regimen row's start (or before
/// `end`).
pub fn doses_in(rows: &[DoseRow], i: usize, end: DateTime<FixedOffset>) -> u32 {
    let Some(row) = rows.get(i) else {
        return 0;
    };
    let interval = match row.interval_h {
        Some(h) if row.ongoing && h.is_finite() && h > 0.0 => h,
        _ => return row.count.max(1),
    };
    let stop = rows
        .iter()
        .filter(|r| r.interval_h.is_some() && r.start > row.start)
        .map(|r| r.start)
        .min()
        .map_or(end, |s| s.min(end));
    let span = hours_between(row.start, stop);
    // Doses at start + k·interval < stop.
    let n = (span / interval - 1e-9).ceil().max(1.0);
    if n >= f64::from(MAX_ONGOING_DOSES) {
        MAX_ONGOING_DOSES
    } else {
        n as u32
    }
}

/// The clock time of the row's last dose.
pub fn last_dose(
    rows: &[DoseRow],
    i: usize,
    end: DateTime<FixedOffset>,
) -> Option<DateTime<FixedOffset>> {
    let row = rows.get(i)?;
    let n = doses_in(rows, i, end);
    let step = row.interval_h.unwrap_or(0.0);
    row.start
        .checked_add_signed(hours(step * f64::from(n.saturating_sub(1))))
}

/// The doses of `rows` as one schedule (ongoing rows until `end`).
pub(super) fn dose_schedule(
    rows: &[DoseRow],
    end: DateTime<FixedOffset>,
) -> Result<Schedule, TdmError> {
    let mut all = Schedule::default();
    for (i, r) in rows.iter().enumerate() {
        let interval = r.interval_h.unwrap_or(24.0);
        let s = Schedule::regimen(
            r.amount_mg,
            interval,
            r.start,
            doses_in(rows, i, end),
            r.at_steady_state && r.interval_h.is_some(),
            1,
        )
        .map_err(|error| TdmError::DoseRow { row: i + 1, error })?;
        all.extend(s);
    }
    Ok(all)
}

/// Applies missed and late doses; returns the indices of the changes that
/// name no scheduled dose (shown next to them; the rest still applies).
pub(super) fn apply_changes(schedule: &mut Schedule, changes: &[DoseChange]) -> Vec<usize> {
    changes
        .iter()
        .enumerate()
        .filter_map(|(i, c)| {
            let applied = match c.taken {
                None => schedule.miss(c.scheduled).map(|_| ()),
                Some(t) => {
                    let late_h = (t - c.scheduled).num_seconds() as f64 / 3600.0;
                    schedule.delay(c.scheduled, late_h)
                }
            };
            applied.is_err().then_some(i)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(s).unwrap()
    }

    fn row(start: &str, interval: Option<f64>, count: u32, ongoing: bool) -> DoseRow {
        DoseRow {
            start: at(start),
            amount_mg: 100.0,
            interval_h: interval,
            count,
            ongoing,
            at_steady_state: false,
            formulation: None,
            meal: None,
        }
    }

    #[test]
    fn an_ongoing_row_runs_until_the_next_regimen_row() {
        let rows = vec![
            row("2026-11-01T08:00:00+09:00", Some(12.0), 1, true),
            // An extra single dose does not end it.
            row("2026-11-02T14:00:00+09:00", None, 1, false),
            row("2026-11-04T08:00:00+09:00", Some(24.0), 3, false),
        ];
        let end = at("2026-11-10T00:00:00+09:00");
        // 11-01 08:00 … 11-03 20:00: six doses before 11-04 08:00.
        assert_eq!(doses_in(&rows, 0, end), 6);
        assert_eq!(
            last_dose(&rows, 0, end),
            Some(at("2026-11-03T20:00:00+09:00"))
        );
        assert_eq!(doses_in(&rows, 1, end), 1);
        assert_eq!(doses_in(&rows, 2, end), 3);
    }

    #[test]
    fn with_nothing_after_it_an_ongoing_row_runs_to_the_plan_s_end() {
        let rows = vec![row("2026-11-01T08:00:00+09:00", Some(24.0), 2, true)];
        let now = at("2026-11-03T10:00:00+09:00");
        let end = plan_end(&rows, now, 48.0);
        assert_eq!(end, at("2026-11-05T10:00:00+09:00"));
        // 11-01 … 11-05 08:00: five daily doses before 11-05 10:00.
        assert_eq!(doses_in(&rows, 0, end), 5);
        // A wild horizon is bounded.
        let far = plan_end(&rows, now, f64::INFINITY);
        assert_eq!(far, now);
        let huge = plan_end(&rows, now, 1e12);
        assert!(doses_in(&rows, 0, huge) <= MAX_ONGOING_DOSES);
    }
}

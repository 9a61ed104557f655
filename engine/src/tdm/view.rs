//! Small helpers for the drug screens' views: clock-time text in and out
//! (the browser's `datetime-local` inputs, which carry no offset), model
//! hours back to clock time, and when the next dose after a history falls.

pub use chrono::{DateTime, FixedOffset};
use chrono::{Duration, NaiveDateTime};

use super::input::DoseRow;
use super::rows::last_dose;
use crate::dosing::TimeBase;

/// Reads `YYYY-MM-DDTHH:MM` (optionally `:SS`), as `<input
/// type="datetime-local">` gives it, as clock time at `offset_minutes_east`
/// of UTC (Japan: +540).
pub fn parse_local(text: &str, offset_minutes_east: i32) -> Result<DateTime<FixedOffset>, String> {
    let text = text.trim();
    if text.is_empty() {
        return Err("empty".into());
    }
    let naive = NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M")
        .or_else(|_| NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S"))
        .map_err(|e| format!("“{text}”: {e}"))?;
    let offset = FixedOffset::east_opt(offset_minutes_east.saturating_mul(60))
        .ok_or_else(|| format!("UTC offset {offset_minutes_east} min"))?;
    naive
        .and_local_timezone(offset)
        .single()
        .ok_or_else(|| format!("“{text}”: not a clock time"))
}

/// The value for a `datetime-local` input: `YYYY-MM-DDTHH:MM`.
pub fn local_input(t: &DateTime<FixedOffset>) -> String {
    t.format("%Y-%m-%dT%H:%M").to_string()
}

/// A clock time as shown in tables: `YYYY-MM-DD HH:MM`.
pub fn display(t: &DateTime<FixedOffset>) -> String {
    t.format("%Y-%m-%d %H:%M").to_string()
}

/// The instant `ms` milliseconds after the Unix epoch (as JavaScript's
/// `Date.now()`), shown at `offset_minutes_east`.
pub fn from_millis(ms: f64, offset_minutes_east: i32) -> Option<DateTime<FixedOffset>> {
    if !ms.is_finite() {
        return None;
    }
    let offset = FixedOffset::east_opt(offset_minutes_east.saturating_mul(60))?;
    let utc = DateTime::from_timestamp_millis(ms as i64)?;
    Some(utc.with_timezone(&offset))
}

/// The clock time `hours` after `origin` (RFC 3339, as `TdmOutput.origin`).
pub fn at_hours(origin: &str, hours: f64) -> Option<DateTime<FixedOffset>> {
    let origin = DateTime::parse_from_rfc3339(origin).ok()?;
    TimeBase::new(origin).clock(hours)
}

/// When the dose after the history falls: one interval after its last dose
/// (for an ongoing row, its first own time not before `not_before`)
/// (`interval_h` for a single dose), moved forward by whole `interval_h`
/// steps until it is not before `not_before`. `None` for an empty history
/// or a non-positive interval.
pub fn next_dose(
    rows: &[DoseRow],
    interval_h: f64,
    not_before: DateTime<FixedOffset>,
) -> Option<DateTime<FixedOffset>> {
    if !(interval_h.is_finite() && interval_h > 0.0) {
        return None;
    }
    let hours = |h: f64| Duration::milliseconds((h * 3_600_000.0).round() as i64);
    // An ongoing row is read up to `not_before`: its next dose is the
    // first of its own times from then on.
    let mut next = (0..rows.len())
        .filter_map(|i| {
            let step = rows[i].interval_h.unwrap_or(interval_h);
            let last = last_dose(rows, i, not_before)?;
            last.checked_add_signed(hours(step))
        })
        .max()?;
    if next < not_before {
        let behind = (not_before - next).num_milliseconds() as f64 / 3_600_000.0;
        next = next.checked_add_signed(hours((behind / interval_h).ceil() * interval_h))?;
    }
    Some(next)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{at, doses};

    #[test]
    fn local_text_round_trips_with_its_offset() {
        let t = parse_local("2026-11-03T08:30", 540).expect("valid");
        assert_eq!(t, at("2026-11-03T08:30:00+09:00"));
        assert_eq!(local_input(&t), "2026-11-03T08:30");
        assert_eq!(display(&t), "2026-11-03 08:30");
        assert!(parse_local("2026-13-03T08:30", 540).is_err());
        assert!(parse_local("", 540).is_err());
        let ms = at("2026-11-03T00:00:00Z").timestamp_millis() as f64;
        assert_eq!(from_millis(ms, 540), Some(at("2026-11-03T09:00:00+09:00")));
        assert_eq!(
            at_hours("2026-11-03T08:00:00+09:00", 2.5),
            Some(at("2026-11-03T10:30:00+09:00"))
        );
    }

    #[test]
    fn next_dose_follows_the_history_and_skips_to_the_present() {
        let rows = doses(100.0, 12.0, 6);
        // Last dose 11-03 20:00 → next 11-04 08:00.
        let early = at("2026-11-02T00:00:00+09:00");
        assert_eq!(
            next_dose(&rows, 24.0, early),
            Some(at("2026-11-04T08:00:00+09:00"))
        );
        let later = at("2026-11-05T09:00:00+09:00");
        assert_eq!(
            next_dose(&rows, 24.0, later),
            Some(at("2026-11-06T08:00:00+09:00"))
        );
        assert_eq!(next_dose(&[], 12.0, later), None);
        assert_eq!(next_dose(&rows, 0.0, later), None);
    }
}

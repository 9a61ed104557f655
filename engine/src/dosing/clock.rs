//! Clock time ↔ model time. Records keep the local clock time a clinician
//! entered *with its UTC offset* (so a daylight-saving change never moves a
//! dose by an hour); the engine works in hours from an origin. This is the
//! only place where one becomes the other.

use chrono::{DateTime, Duration, FixedOffset};

/// The origin of model time (usually the first event of a history).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TimeBase {
    pub origin: DateTime<FixedOffset>,
}

const MS_PER_HOUR: f64 = 3_600_000.0;

impl TimeBase {
    pub fn new(origin: DateTime<FixedOffset>) -> Self {
        TimeBase { origin }
    }

    /// The earliest of `times` as origin; `None` when there is none.
    pub fn earliest<I: IntoIterator<Item = DateTime<FixedOffset>>>(times: I) -> Option<Self> {
        times.into_iter().min().map(TimeBase::new)
    }

    /// Hours from the origin (negative before it), exact to the millisecond.
    pub fn hours(&self, at: DateTime<FixedOffset>) -> f64 {
        (at - self.origin).num_milliseconds() as f64 / MS_PER_HOUR
    }

    /// The clock time `hours` after the origin, in the origin's offset,
    /// rounded to the millisecond. `None` when out of chrono's range or not
    /// finite.
    pub fn clock(&self, hours: f64) -> Option<DateTime<FixedOffset>> {
        if !hours.is_finite() {
            return None;
        }
        let ms = (hours * MS_PER_HOUR).round();
        if ms.abs() > 1e15 {
            return None;
        }
        self.origin
            .checked_add_signed(Duration::milliseconds(ms as i64))
    }
}

/// Parses an RFC 3339 / ISO 8601 date-time with offset, e.g.
/// `2026-11-01T08:00:00+09:00`, with a message naming the field on failure.
pub fn parse_clock(field: &str, text: &str) -> Result<DateTime<FixedOffset>, String> {
    DateTime::parse_from_rfc3339(text.trim()).map_err(|e| {
        format!("{field}: “{text}” is not a date-time like 2026-11-01T08:00:00+09:00 ({e})")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hours_across_a_dst_change_follow_real_elapsed_time() {
        // Europe, 2026-03-29: clocks jump from 02:00 +01:00 to 03:00 +02:00.
        let before = parse_clock("t", "2026-03-29T00:00:00+01:00").unwrap();
        let after = parse_clock("t", "2026-03-29T12:00:00+02:00").unwrap();
        let base = TimeBase::new(before);
        assert_eq!(base.hours(after), 11.0);
    }

    #[test]
    fn clock_and_hours_round_trip() {
        let base = TimeBase::new(parse_clock("t", "2026-11-01T08:00:00+09:00").unwrap());
        let t = base.clock(36.5).unwrap();
        assert_eq!(t.to_rfc3339(), "2026-11-02T20:30:00+09:00");
        assert_eq!(base.hours(t), 36.5);
        assert_eq!(base.clock(f64::NAN), None);
    }

    #[test]
    fn bad_clock_text_names_the_field() {
        let e = parse_clock("sample time", "yesterday").unwrap_err();
        assert!(
            e.starts_with("sample time: “yesterday” is not a date-time"),
            "{e}"
        );
    }
}

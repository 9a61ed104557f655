//! The label a new level most likely has, from when it was drawn: a sample
//! within the timing tolerance of a dose (just before the next one, or
//! just after the last) is the trough C0; one within the tolerance of 1,
//! 2, 3, 4 or 6 h after the last dose is that C-label; anything else is
//! "other". The bedside entry proposes it and the user can change it.

use super::input::{DoseRow, SampleLabel};
use super::levels::TIMING_TOLERANCE_H;
use super::rows::{dose_schedule, plan_end};
use chrono::{DateTime, FixedOffset};

/// The guessed label of a level drawn at `sampled` with the dosing
/// history `rows` (C0 when the history has no dose around it).
pub fn guess_label(rows: &[DoseRow], sampled: DateTime<FixedOffset>) -> SampleLabel {
    let end = plan_end(rows, sampled, 48.0);
    let Ok(schedule) = dose_schedule(rows, end) else {
        return SampleLabel::C0;
    };
    let hours =
        |a: DateTime<FixedOffset>, b: DateTime<FixedOffset>| (b - a).num_seconds() as f64 / 3600.0;
    let mut times: Vec<DateTime<FixedOffset>> = schedule.doses.iter().map(|d| d.at).collect();
    times.sort();
    let last = times.iter().rev().find(|t| **t <= sampled);
    let next = times.iter().find(|t| **t > sampled);
    let before_next = next.map(|n| hours(sampled, *n));
    let Some(after) = last.map(|l| hours(*l, sampled)) else {
        return SampleLabel::C0;
    };
    if after <= TIMING_TOLERANCE_H || before_next.is_some_and(|b| b <= TIMING_TOLERANCE_H) {
        return SampleLabel::C0;
    }
    SampleLabel::AFTER_DOSE
        .into_iter()
        .find(|l| {
            l.nominal_h()
                .is_some_and(|h| (after - h).abs() <= TIMING_TOLERANCE_H)
        })
        .unwrap_or(SampleLabel::Other)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(s).expect("time")
    }

    /// 100 mg every 12 h from 11-01 08:00, going on.
    fn bid() -> Vec<DoseRow> {
        vec![DoseRow {
            start: at("2026-11-01T08:00:00+09:00"),
            amount_mg: 100.0,
            interval_h: Some(12.0),
            count: 1,
            ongoing: true,
            at_steady_state: true,
            formulation: None,
            meal: None,
        }]
    }

    #[test]
    fn the_label_follows_the_time_after_the_last_dose() {
        let rows = bid();
        let cases = [
            ("2026-11-03T07:50:00+09:00", SampleLabel::C0), // 10 min before the 08:00 dose
            ("2026-11-03T08:10:00+09:00", SampleLabel::C0), // 10 min after it
            ("2026-11-03T09:05:00+09:00", SampleLabel::C1),
            ("2026-11-03T10:00:00+09:00", SampleLabel::C2),
            ("2026-11-03T10:20:00+09:00", SampleLabel::Other), // 2 h 20 min
            ("2026-11-03T11:00:00+09:00", SampleLabel::C3),
            ("2026-11-03T12:15:00+09:00", SampleLabel::C4),
            ("2026-11-03T14:00:00+09:00", SampleLabel::C6),
            ("2026-11-03T16:00:00+09:00", SampleLabel::Other),
        ];
        for (t, label) in cases {
            assert_eq!(guess_label(&rows, at(t)), label, "{t}");
        }
    }

    #[test]
    fn no_dose_before_the_sample_guesses_a_trough() {
        assert_eq!(
            guess_label(&bid(), at("2026-10-30T10:00:00+09:00")),
            SampleLabel::C0
        );
        assert_eq!(
            guess_label(&[], at("2026-11-03T10:00:00+09:00")),
            SampleLabel::C0
        );
    }
}

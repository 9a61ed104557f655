//! Planned pulse dates.

use crate::clinical::error::{positive, ClinicalError, Field, Result};
use chrono::{Days, Months, NaiveDate};
use serde::{Deserialize, Serialize};

/// Spacing between pulses: a number of days (2 weeks = 14) or calendar
/// months ("monthly": same day of the month, the month's last day if shorter).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "unit", rename_all = "snake_case")]
pub enum Spacing {
    Days { days: u32 },
    CalendarMonths { months: u32 },
}

#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct PlannedPulse {
    /// 1-based.
    pub number: u32,
    pub date: NaiveDate,
    pub dose_mg: f64,
}

/// A guard against runaway input, not a clinical limit.
const MAX_PULSES: u32 = 100;

/// `count` pulses of `dose_mg` from `start`, `spacing` apart.
pub fn schedule(
    start: NaiveDate,
    spacing: Spacing,
    count: u32,
    dose_mg: f64,
) -> Result<Vec<PlannedPulse>> {
    let dose_mg = positive(Field::Dose, dose_mg)?;
    if count == 0 || count > MAX_PULSES {
        return Err(ClinicalError::OutOfRange {
            field: Field::PulseCount,
            value: f64::from(count),
            min: 1.0,
            max: f64::from(MAX_PULSES),
        });
    }
    let step = match spacing {
        Spacing::Days { days } => days,
        Spacing::CalendarMonths { months } => months,
    };
    if step == 0 {
        return Err(ClinicalError::NotPositive {
            field: Field::IntervalDays,
            value: 0.0,
        });
    }
    (0..count)
        .map(|i| {
            let date = match spacing {
                Spacing::Days { .. } => {
                    start.checked_add_days(Days::new(u64::from(step) * u64::from(i)))
                }
                Spacing::CalendarMonths { .. } => step
                    .checked_mul(i)
                    .and_then(|m| start.checked_add_months(Months::new(m))),
            }
            .ok_or(ClinicalError::DateOutOfRange)?;
            Ok(PlannedPulse {
                number: i + 1,
                date,
                dose_mg,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn euro_lupus_weeks_0_to_10() {
        let s = schedule(d(2025, 4, 1), Spacing::Days { days: 14 }, 6, 500.0).unwrap();
        let dates: Vec<NaiveDate> = s.iter().map(|p| p.date).collect();
        assert_eq!(
            dates,
            vec![
                d(2025, 4, 1),
                d(2025, 4, 15),
                d(2025, 4, 29),
                d(2025, 5, 13),
                d(2025, 5, 27),
                d(2025, 6, 10)
            ]
        );
        assert_eq!(s.iter().map(|p| p.dose_mg).sum::<f64>(), 3000.0);
        assert_eq!(s[5].number, 6);
    }

    #[test]
    fn calendar_months_clamp_to_month_end() {
        let s = schedule(
            d(2025, 1, 31),
            Spacing::CalendarMonths { months: 1 },
            3,
            700.0,
        )
        .unwrap();
        assert_eq!(s[1].date, d(2025, 2, 28));
        assert_eq!(s[2].date, d(2025, 3, 31));
    }

    #[test]
    fn refuses_bad_requests() {
        let start = d(2025, 1, 1);
        assert!(schedule(start, Spacing::Days { days: 28 }, 0, 500.0).is_err());
        assert!(schedule(start, Spacing::Days { days: 28 }, 101, 500.0).is_err());
        assert!(schedule(start, Spacing::Days { days: 0 }, 6, 500.0).is_err());
        assert!(schedule(start, Spacing::CalendarMonths { months: 0 }, 6, 500.0).is_err());
        assert!(schedule(start, Spacing::Days { days: 28 }, 6, f64::NAN).is_err());
        assert_eq!(
            schedule(NaiveDate::MAX, Spacing::Days { days: 28 }, 2, 500.0),
            Err(ClinicalError::DateOutOfRange)
        );
    }
}

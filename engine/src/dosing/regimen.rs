//! What clinicians enter, turned into dose records: a regimen ("Neoral
//! 100 mg every 12 h since 2026-11-01 08:00, at steady state"), then edits of
//! the explicit list — a missed dose, a late dose, a dose change.

use super::clock::TimeBase;
use super::events::{Dose, SteadyState};
use chrono::{DateTime, Duration, FixedOffset};
use serde::{Deserialize, Serialize};

/// One dose at a clock time.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScheduledDose {
    pub at: DateTime<FixedOffset>,
    /// Amount in the model's dose unit (mg).
    pub amount: f64,
    /// Receiving compartment (1 = depot for oral drugs).
    pub cmt: usize,
    /// `Some(ii)`: the patient was at steady state on this regimen (every
    /// `ii` hours) when this dose was given (SS = 1).
    pub steady_state_interval_h: Option<f64>,
    /// `Some(h)`: zero-order infusion over `h` hours.
    pub infusion_h: Option<f64>,
}

/// The explicit list of doses, in time order, with the edits clinicians make.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Schedule {
    pub doses: Vec<ScheduledDose>,
}

/// Why an edit could not be made (in words: `crate::text`, whose English
/// is also its `Display`).
#[derive(Debug, Clone, PartialEq)]
pub enum ScheduleError {
    NotPositive { field: ScheduleField, value: f64 },
    NoDoseAt(DateTime<FixedOffset>),
}

/// The number of a regimen or an edit that was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScheduleField {
    /// The amount per dose (mg).
    Dose,
    /// The dosing interval (h).
    Interval,
    /// How late a dose was taken (h): any finite number.
    Delay,
}

fn positive(field: ScheduleField, value: f64) -> Result<f64, ScheduleError> {
    if value.is_finite() && value > 0.0 {
        Ok(value)
    } else {
        Err(ScheduleError::NotPositive { field, value })
    }
}

fn hours(h: f64) -> Duration {
    Duration::milliseconds((h * 3_600_000.0).round() as i64)
}

impl Schedule {
    /// `amount` every `interval_h` hours from `start`, `count` doses. With
    /// `at_steady_state`, the first dose carries SS = 1: the patient had been
    /// on this regimen long enough before `start`.
    pub fn regimen(
        amount: f64,
        interval_h: f64,
        start: DateTime<FixedOffset>,
        count: u32,
        at_steady_state: bool,
        cmt: usize,
    ) -> Result<Schedule, ScheduleError> {
        positive(ScheduleField::Dose, amount)?;
        positive(ScheduleField::Interval, interval_h)?;
        let doses = (0..count)
            .map(|k| ScheduledDose {
                at: start + hours(k as f64 * interval_h),
                amount,
                cmt,
                steady_state_interval_h: (at_steady_state && k == 0).then_some(interval_h),
                infusion_h: None,
            })
            .collect();
        Ok(Schedule { doses })
    }

    fn index_at(&self, at: DateTime<FixedOffset>) -> Result<usize, ScheduleError> {
        self.doses
            .iter()
            .position(|d| d.at == at)
            .ok_or(ScheduleError::NoDoseAt(at))
    }

    /// The dose planned at `at` was not taken.
    pub fn miss(&mut self, at: DateTime<FixedOffset>) -> Result<ScheduledDose, ScheduleError> {
        let i = self.index_at(at)?;
        Ok(self.doses.remove(i))
    }

    /// The dose planned at `at` was taken `late_h` hours late.
    pub fn delay(&mut self, at: DateTime<FixedOffset>, late_h: f64) -> Result<(), ScheduleError> {
        if !late_h.is_finite() {
            return Err(ScheduleError::NotPositive {
                field: ScheduleField::Delay,
                value: late_h,
            });
        }
        let i = self.index_at(at)?;
        self.doses[i].at += hours(late_h);
        self.sort();
        Ok(())
    }

    /// Every dose from `from` on becomes `amount`.
    pub fn change_amount(
        &mut self,
        from: DateTime<FixedOffset>,
        amount: f64,
    ) -> Result<usize, ScheduleError> {
        positive(ScheduleField::Dose, amount)?;
        let mut changed = 0;
        for d in self.doses.iter_mut().filter(|d| d.at >= from) {
            d.amount = amount;
            changed += 1;
        }
        Ok(changed)
    }

    /// Adds doses (e.g. a regimen applied from the dose advice) and keeps the
    /// list in time order.
    pub fn extend(&mut self, other: Schedule) {
        self.doses.extend(other.doses);
        self.sort();
    }

    fn sort(&mut self) {
        self.doses.sort_by_key(|d| d.at);
    }

    /// The dose records in model time.
    pub fn to_doses(&self, base: &TimeBase) -> Vec<Dose> {
        self.doses
            .iter()
            .map(|d| {
                let mut dose = Dose::bolus(base.hours(d.at), d.amount, d.cmt);
                if let Some(ii) = d.steady_state_interval_h {
                    dose.ii = ii;
                    dose.ss = SteadyState::Reset;
                }
                if let Some(h) = d.infusion_h {
                    dose = dose.infused_over(h);
                }
                dose
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dosing::clock::parse_clock;

    fn t(s: &str) -> DateTime<FixedOffset> {
        parse_clock("t", s).unwrap()
    }

    #[test]
    fn neoral_100_mg_every_12_h_at_steady_state() {
        let start = t("2026-11-01T08:00:00+09:00");
        let s = Schedule::regimen(100.0, 12.0, start, 4, true, 1).unwrap();
        let doses = s.to_doses(&TimeBase::new(start));
        let times: Vec<f64> = doses.iter().map(|d| d.time).collect();
        assert_eq!(times, vec![0.0, 12.0, 24.0, 36.0]);
        assert_eq!(doses[0].ss, SteadyState::Reset);
        assert_eq!(doses[0].ii, 12.0);
        assert_eq!(doses[1].ss, SteadyState::No);
    }

    #[test]
    fn missed_late_and_changed_doses() {
        let start = t("2026-11-01T08:00:00+09:00");
        let mut s = Schedule::regimen(100.0, 12.0, start, 4, false, 1).unwrap();
        s.miss(t("2026-11-01T20:00:00+09:00")).unwrap();
        s.delay(t("2026-11-02T08:00:00+09:00"), 3.0).unwrap();
        assert_eq!(s.change_amount(t("2026-11-02T20:00:00+09:00"), 75.0), Ok(1));
        let doses = s.to_doses(&TimeBase::new(start));
        let got: Vec<(f64, f64)> = doses.iter().map(|d| (d.time, d.amount)).collect();
        assert_eq!(got, vec![(0.0, 100.0), (27.0, 100.0), (36.0, 75.0)]);
        assert_eq!(
            s.miss(t("2026-11-05T08:00:00+09:00"))
                .unwrap_err()
                .to_string(),
            "no dose is scheduled at 2026-11-05 08:00:00 +09:00"
        );
        assert!(Schedule::regimen(-5.0, 12.0, start, 2, false, 1).is_err());
    }
}

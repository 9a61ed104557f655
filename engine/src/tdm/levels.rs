//! Where each level sits relative to the doses: hours after the last dose,
//! and whether that matches its label (a "C2" drawn at 3 h is flagged).

use super::input::LevelRow;
use serde::Serialize;

/// Difference between the labelled and the actual time after the dose
/// tolerated before a level is flagged: a project default (the reference
/// pack gives no sampling window), the same ±15 min the limited-sampling
/// equations use.
pub const TIMING_TOLERANCE_H: f64 = 0.25;

/// What is wrong with a level's timing (in words: `crate::text`, whose
/// English is also its `Display`).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum TimingProblem {
    /// Drawn before any dose of the history.
    BeforeAnyDose,
    /// Drawn after "now".
    InFuture,
    /// The label says one time after the dose, the clock another.
    LabelMismatch { label_h: f64, actual_h: f64 },
}

/// One level's timing.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LevelTiming {
    /// Hours from the origin of model time.
    pub time_h: f64,
    /// Hours after the last dose before it.
    pub after_dose_h: Option<f64>,
    /// Model time of that dose.
    pub dose_time_h: Option<f64>,
    pub problem: Option<TimingProblem>,
}

/// Timing of `level` at model time `t` given dose times (sorted) and `now`.
/// A C0 drawn up to the tolerance *before* a dose belongs to that dose.
pub fn timing(level: &LevelRow, t: f64, dose_times: &[f64], now_h: f64) -> LevelTiming {
    let c0 = level.label.nominal_h() == Some(0.0);
    let reach = if c0 { TIMING_TOLERANCE_H } else { 0.0 };
    let i = dose_times.partition_point(|d| *d <= t + reach);
    let dose = i.checked_sub(1).map(|k| dose_times[k]);
    let after = dose.map(|d| t - d);
    let problem = if t > now_h {
        Some(TimingProblem::InFuture)
    } else if dose_times.first().is_none_or(|first| t < *first - reach) {
        Some(TimingProblem::BeforeAnyDose)
    } else {
        match (level.label.nominal_h(), after) {
            // A trough is the end of the previous interval or the start of this one.
            (Some(0.0), Some(a)) if a.abs() <= TIMING_TOLERANCE_H => None,
            (Some(0.0), Some(a)) => {
                let previous_gap = dose_times.get(i).map(|next| next - t);
                match previous_gap {
                    Some(g) if g <= TIMING_TOLERANCE_H => None,
                    _ => Some(TimingProblem::LabelMismatch {
                        label_h: 0.0,
                        actual_h: a,
                    }),
                }
            }
            (Some(n), Some(a)) if (a - n).abs() > TIMING_TOLERANCE_H => {
                Some(TimingProblem::LabelMismatch {
                    label_h: n,
                    actual_h: a,
                })
            }
            _ => None,
        }
    };
    LevelTiming {
        time_h: t,
        after_dose_h: after,
        dose_time_h: dose,
        problem,
    }
}

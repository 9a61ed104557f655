//! Covariates that change over time, under one of two conventions
//! ([`Convention`]): the last value carried forward (a record's value holds
//! from its time until the next record: the engine's default, what the
//! screens enter), or NONMEM's — PREDPP advances the system from one
//! record to the next with the parameters of the later record, so a
//! record's value holds over the interval since the record before it (the
//! next value carried backward).
//!
//! Both agree at every record's own time (a dose takes its row's F and
//! ALAG, an observation its row's volume); they differ in between. A
//! series is stored as "last value carried forward" from a start time
//! either way: NONMEM's becomes the same values starting just after the
//! record before (the next `f64` up, 10⁻¹⁶ of the time), so the rest of
//! the engine needs no second rule.

use serde::Serialize;

/// How the values of a covariate hold between records.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Convention {
    /// Last value carried forward: a value holds from its record on.
    #[default]
    Locf,
    /// NONMEM's: a value holds over the interval since the record before
    /// it (next value carried backward).
    Nonmem,
}

impl Convention {
    /// The name used by `dmip --covariates` and printed in its output.
    pub fn name(self) -> &'static str {
        match self {
            Convention::Locf => "locf",
            Convention::Nonmem => "nonmem",
        }
    }
}

/// The values of one covariate over time (hours), sorted by time.
#[derive(Debug, Clone, PartialEq)]
pub struct CovariateSeries {
    points: Vec<(f64, f64)>,
}

impl CovariateSeries {
    /// A covariate that never changes.
    pub fn constant(value: f64) -> Self {
        CovariateSeries {
            points: vec![(0.0, value)],
        }
    }

    /// From `(time, value)` pairs in any order; `None` when empty or any
    /// number is not finite.
    pub fn new(mut points: Vec<(f64, f64)>) -> Option<Self> {
        if points.is_empty() || points.iter().any(|(t, v)| !t.is_finite() || !v.is_finite()) {
            return None;
        }
        points.sort_by(|a, b| a.0.total_cmp(&b.0));
        Some(CovariateSeries { points })
    }

    /// NONMEM's convention from every record's `(time, value)` in record
    /// order: the value of a record holds over `(previous record's time,
    /// its time]`; the first holds up to its time. Records at the same time
    /// as the one before them take effect from the next record on (their
    /// interval is empty). `None` when empty or any number is not finite.
    pub fn next_value_backward(records: Vec<(f64, f64)>) -> Option<Self> {
        let first = *records.first()?;
        if records
            .iter()
            .any(|(t, v)| !t.is_finite() || !v.is_finite())
        {
            return None;
        }
        let mut points = vec![first];
        let mut previous = first.0;
        for &(t, v) in &records[1..] {
            if t > previous {
                points.push((previous.next_up(), v));
                previous = t;
            }
        }
        CovariateSeries::new(points)
    }

    /// The value in force at `time`: the last one recorded at or before it,
    /// or the first one for times before any record.
    pub fn at(&self, time: f64) -> f64 {
        let i = self.points.partition_point(|(t, _)| *t <= time);
        // `new` and `constant` guarantee at least one point.
        self.points
            .get(i.saturating_sub(1))
            .map_or(f64::NAN, |p| p.1)
    }

    /// Times at which the value changes (after the first record).
    pub fn change_times(&self) -> impl Iterator<Item = f64> + '_ {
        self.points
            .windows(2)
            .filter(|w| w[0].1 != w[1].1)
            .map(|w| w[1].0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn last_value_is_carried_forward() {
        let s = CovariateSeries::new(vec![(24.0, 30.0), (0.0, 35.0), (48.0, 30.0)]).unwrap();
        assert_eq!(s.at(-1.0), 35.0);
        assert_eq!(s.at(0.0), 35.0);
        assert_eq!(s.at(23.9), 35.0);
        assert_eq!(s.at(24.0), 30.0);
        assert_eq!(s.at(1000.0), 30.0);
        assert_eq!(s.change_times().collect::<Vec<_>>(), vec![24.0]);
        assert!(CovariateSeries::new(vec![]).is_none());
        assert!(CovariateSeries::new(vec![(0.0, f64::NAN)]).is_none());
    }

    #[test]
    fn nonmem_carries_the_next_value_backward() {
        // Records at 0, 12 and 24 h: 70, 70, 80 kg. NONMEM takes 80 kg over
        // (12, 24], last value carried forward only from 24 h.
        let rows = vec![(0.0, 70.0), (12.0, 70.0), (24.0, 80.0)];
        let s = CovariateSeries::next_value_backward(rows.clone()).unwrap();
        assert_eq!(s.at(0.0), 70.0);
        assert_eq!(s.at(12.0), 70.0);
        assert_eq!(s.at(12.5), 80.0);
        assert_eq!(s.at(24.0), 80.0);
        assert_eq!(s.at(100.0), 80.0);
        assert_eq!(s.change_times().collect::<Vec<_>>(), vec![12f64.next_up()]);
        let locf = CovariateSeries::new(rows).unwrap();
        assert_eq!(locf.at(12.5), 70.0);
        assert!(CovariateSeries::next_value_backward(vec![]).is_none());
        assert_eq!(Convention::default().name(), "locf");
    }
}

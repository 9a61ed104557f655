//! Covariates that change over time, last value carried forward (NONMEM
//! semantics: a value holds from its record's time until the next one).

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
}

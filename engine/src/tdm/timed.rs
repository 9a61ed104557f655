//! Covariates over time for one model: the input's constants, replaced for
//! each covariate the model has by its steps at clock times
//! ([`TdmInput::covariate_steps`]: the prednisolone taper, an azole's
//! period), as series in model hours — last value carried forward, so a
//! dose takes the F and lag in force at its time and the model changes
//! at each step.

use super::input::{CovariateStep, TdmInput};
use crate::catalog::{Covariates, ModelDef};
use crate::dosing::{CovariateSeries, TimeBase};
use std::collections::BTreeMap;

/// Whether the model file lists covariate `name`.
fn has(def: &ModelDef, name: &str) -> bool {
    def.file.covariates.iter().any(|c| c.name == name)
}

/// The covariates given for `def`: the constants, and for a covariate
/// given only as steps its latest value (what the model section shows;
/// the computation follows the steps).
pub fn given(def: &ModelDef, input: &TdmInput) -> Covariates {
    let mut out = input.covariates.clone();
    for (name, steps) in &input.covariate_steps {
        if let (true, Some(last)) = (has(def, name), steps.last()) {
            out.entry(name.clone()).or_insert(last.value);
        }
    }
    out
}

/// `steps` in model hours; a step without a time holds from before
/// everything. `None` when there is no step or a value is not finite.
pub fn series(steps: &[CovariateStep], base: &TimeBase) -> Option<CovariateSeries> {
    let dated: Vec<(f64, f64)> = steps
        .iter()
        .filter_map(|s| Some((base.hours(s.from?), s.value)))
        .collect();
    // Before the first dose (hour 0) and before every dated step.
    let before = dated.iter().map(|p| p.0).fold(0.0, f64::min) - 1.0;
    let mut points: Vec<(f64, f64)> = steps
        .iter()
        .filter(|s| s.from.is_none())
        .map(|s| (before, s.value))
        .collect();
    points.extend(dated);
    CovariateSeries::new(points)
}

/// Every covariate of `covariates` (the constants, filled) as a series,
/// each one the model has steps for following them.
pub fn covariate_series(
    def: &ModelDef,
    input: &TdmInput,
    covariates: &Covariates,
    base: &TimeBase,
) -> BTreeMap<String, CovariateSeries> {
    let mut out: BTreeMap<String, CovariateSeries> = covariates
        .iter()
        .map(|(k, v)| (k.clone(), CovariateSeries::constant(*v)))
        .collect();
    for (name, steps) in &input.covariate_steps {
        if let (true, Some(s)) = (has(def, name), series(steps, base)) {
            out.insert(name.clone(), s);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::DateTime;

    #[test]
    fn steps_become_hours_with_the_undated_one_first() {
        let at = |s: &str| DateTime::parse_from_rfc3339(s).expect("time");
        let base = TimeBase::new(at("2026-11-01T08:00:00+09:00"));
        let steps = [
            CovariateStep {
                from: None,
                value: 0.0,
            },
            CovariateStep {
                from: Some(at("2026-10-31T08:00:00+09:00")),
                value: 30.0,
            },
            CovariateStep {
                from: Some(at("2026-11-03T20:00:00+09:00")),
                value: 15.0,
            },
        ];
        let s = series(&steps, &base).expect("series");
        assert_eq!(s.at(-25.0), 0.0);
        assert_eq!(s.at(-24.0), 30.0);
        assert_eq!(s.at(59.9), 30.0);
        assert_eq!(s.at(60.0), 15.0);
        assert_eq!(s.change_times().collect::<Vec<_>>(), [-24.0, 60.0]);
        let nan = [CovariateStep {
            from: None,
            value: f64::NAN,
        }];
        assert!(series(&nan, &base).is_none());
        assert!(series(&[], &base).is_none());
    }
}

//! The drug screen's input checked against the limits of
//! [`crate::dosing::limits`] before anything is computed: every clock
//! time, dose amount, interval, count, the horizon, the number of rows and
//! draws, and the doses the history expands to. An input beyond them is
//! refused at once with the limit named ([`super::TdmError::Limit`]), so no
//! input keeps the page busy (a dose in the year 9999, a horizon
//! of 10¹² h, a count of 4 294 967 295).

use super::input::TdmInput;
use super::rows::{doses_in, plan_end};
use crate::dosing::limits::{
    check_amount, check_count, check_horizon, check_interval, check_level, check_many, check_time,
    LimitError, Many, Place, MAX_DOSES, MAX_DRAWS, MAX_ROWS,
};

/// `Ok` when `input` is within every limit; else the first limit passed.
pub fn check_input(input: &TdmInput) -> Result<(), LimitError> {
    check_many(Many::DoseRows, input.doses.len(), MAX_ROWS)?;
    check_many(Many::Levels, input.levels.len(), MAX_ROWS)?;
    check_many(Many::DoseChanges, input.dose_changes.len(), MAX_ROWS)?;
    check_many(Many::Comedications, input.comedications.len(), MAX_ROWS)?;
    check_many(Many::Regimens, input.regimens.len(), MAX_ROWS)?;
    let steps = input.covariate_steps.values().map(Vec::len).sum();
    check_many(Many::CovariateSteps, steps, MAX_ROWS)?;
    check_many(Many::Draws, input.draws, MAX_DRAWS)?;
    check_horizon(input.horizon_h)?;
    check_time(Place::Now, input.now)?;
    for (i, d) in input.doses.iter().enumerate() {
        let place = Place::DoseRow(i + 1);
        check_time(place, d.start)?;
        check_amount(place, d.amount_mg)?;
        if let Some(h) = d.interval_h {
            check_interval(place, h)?;
        }
        if !d.ongoing {
            check_count(place, d.count)?;
        }
    }
    for (i, c) in input.dose_changes.iter().enumerate() {
        let place = Place::DoseChange(i + 1);
        check_time(place, c.scheduled)?;
        c.taken.map_or(Ok(()), |t| check_time(place, t))?;
    }
    for (i, l) in input.levels.iter().enumerate() {
        let place = Place::Level(i + 1);
        check_time(place, l.sampled)?;
        for v in [l.value_ng_ml, l.lloq_ng_ml].into_iter().flatten() {
            check_level(place, v)?;
        }
    }
    for (i, s) in input.covariate_steps.values().flatten().enumerate() {
        s.from
            .map_or(Ok(()), |t| check_time(Place::CovariateStep(i + 1), t))?;
    }
    for (i, m) in input.comedications.iter().enumerate() {
        let place = Place::Comedication(i + 1);
        for t in [m.start, m.stop].into_iter().flatten() {
            check_time(place, t)?;
        }
    }
    let end = plan_end(&input.doses, input.now, input.horizon_h);
    let doses: u64 = (0..input.doses.len())
        .map(|i| u64::from(doses_in(&input.doses, i, end)))
        .sum();
    let doses = usize::try_from(doses).unwrap_or(usize::MAX);
    check_many(Many::Doses, doses, MAX_DOSES as usize)
}

//! The individual prediction the screen shows for a set of doses: at the
//! estimate (else the typical values) of its one model, or Σ w·each
//! model's of a model average. The next days, the plan on the plot and the
//! hold plan all read it.

use crate::dosing::{Dose, Event, Observation};
use crate::estimate::mixture::{weighted_sum, Part};
use crate::estimate::Problem;

/// The central compartment of a problem's model (where levels are read).
fn central(problem: &Problem) -> usize {
    problem
        .current_typical()
        .model(&[], &[])
        .layout(false)
        .central_cmt()
}

/// One model's prediction at `times` after `doses`, at `theta`.
pub fn predict_doses(
    problem: &Problem,
    theta: &[f64],
    doses: &[Dose],
    times: &[f64],
) -> Option<Vec<f64>> {
    let central = central(problem);
    let mut events: Vec<Event> = times
        .iter()
        .map(|&t| Event::Observation(Observation::prediction(t, central)))
        .collect();
    events.extend(doses.iter().cloned().map(Event::Dose));
    events.sort_by(|a, b| a.time().total_cmp(&b.time()));
    problem.predict(theta, &events).ok()
}

/// The parts' prediction at `times` after `doses`: Σ w·each model's at its
/// estimate (one model of weight 1: its own prediction).
pub fn individual(parts: &[Part<'_>], doses: &[Dose], times: &[f64]) -> Option<Vec<f64>> {
    let each: Vec<Option<Vec<f64>>> = parts
        .iter()
        .map(|p| {
            if p.weight == 0.0 {
                return None;
            }
            predict_doses(p.problem, &p.theta(), doses, times)
        })
        .collect();
    weighted_sum(parts, &each)
}

//! The forecast benchmark: virtual patients of one model (the truth), the
//! design's levels but the last fitted by every candidate model alone and
//! by their LL average (`estimate::average`, as `dmip fit --model A,B`;
//! the AIC average of the same fits beside it), and the last level
//! forecast by each. Scored against the measured level
//! (what the clinician will see: the truth's residual error included) and
//! against the patient's true concentration (what the forecast estimates).
//!
//! - PE = (forecast − reference) / reference; MPE (bias) and MAPE are the
//!   mean PE and mean |PE| in %, "within ±20 %" the share with |PE| ≤ 0.2.
//! - A model that cannot be fitted to a patient has no forecast for that
//!   patient (the average goes on without it): counted with its reason.
//! - A held-out level below the limit or ≤ 0 has no relative error: that
//!   patient is left out of the scores against the level, and counted.
//! - A level to fit drawn ≤ 0 without an LLOQ (the additive part of the
//!   residual error) is not a level a laboratory reports, and the engine
//!   refuses a negative DV: that patient is left out of every approach,
//!   and counted.

use super::{simulate, Design, SimulateError, SimulateQuestion, Variability};
use crate::catalog::ModelDef;
use crate::dosing::Convention;
use crate::estimate::average::{weighed_objective, weights};
use crate::estimate::{
    average, AverageQuestion, Candidate, MapOptions, ModelAverage, Problem, Weighting,
};
use crate::tdm::Assumption;
use serde::Serialize;
use std::collections::BTreeMap;

/// The name of the averaged approach in the results (the goal's).
pub const AVERAGE: &str = "average (LL)";
/// The AIC-weighted average of the same fits, shown beside it.
pub const AVERAGE_AIC: &str = "average (AIC)";
/// The evidence-weighted average of the same fits (Laplace).
pub const AVERAGE_EVIDENCE: &str = "average (evidence)";
/// The averages after the single models, in the order of the results,
/// each with its weighting.
const AVERAGES: [(&str, Weighting); 3] = [
    (AVERAGE, Weighting::Ll),
    (AVERAGE_AIC, Weighting::Aic),
    (AVERAGE_EVIDENCE, Weighting::Evidence),
];

/// One benchmark run.
#[derive(Debug)]
pub struct ForecastQuestion<'a> {
    /// The model the patients are simulated from.
    pub truth: &'a ModelDef,
    /// The candidates, each fitted alone and averaged (the truth among
    /// them, as in practice one does not know which is right).
    pub models: &'a [ModelDef],
    /// The design CSV: its last simulated row is held out.
    pub design: &'a str,
    pub n: usize,
    pub seed: u64,
    pub options: &'a MapOptions,
}

/// Errors of one approach against one reference.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Score {
    /// Patients with a forecast and a usable reference.
    pub forecasts: usize,
    /// Mean prediction error, % (None without a forecast).
    pub mpe: Option<f64>,
    /// Mean absolute prediction error, %.
    pub mape: Option<f64>,
    /// Share of forecasts within ±20 % of the reference, %.
    pub within_20: Option<f64>,
}

impl Score {
    /// The score of `(forecast, reference)` pairs.
    pub fn of(pairs: &[(f64, f64)]) -> Score {
        let pe: Vec<f64> = pairs.iter().map(|(f, r)| (f - r) / r).collect();
        let n = pe.len();
        let mean =
            |v: &mut dyn Iterator<Item = f64>| (n > 0).then(|| 100.0 * v.sum::<f64>() / n as f64);
        Score {
            forecasts: n,
            mpe: mean(&mut pe.iter().copied()),
            mape: mean(&mut pe.iter().map(|e| e.abs())),
            within_20: mean(&mut pe.iter().map(|e| if e.abs() <= 0.2 { 1.0 } else { 0.0 })),
        }
    }
}

/// One approach: a model alone, or the average.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Approach {
    pub name: String,
    /// Against the measured held-out level.
    pub level: Score,
    /// Against the patient's true concentration at that time.
    pub concentration: Score,
    /// Patients without a forecast, by reason.
    pub left_out: BTreeMap<String, usize>,
    /// A single model's mean weight in the average over the patients the
    /// average forecast (None for the average itself).
    pub mean_weight: Option<f64>,
}

/// The benchmark's answer for one truth.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ForecastResult {
    pub truth: String,
    pub patients: usize,
    /// Patients whose held-out level is below the limit or ≤ 0.
    pub unusable_levels: usize,
    /// Patients left out of every approach: a level to fit drawn ≤ 0.
    pub unreportable: usize,
    /// Every candidate in the order given, then the LL and the AIC
    /// average.
    pub approaches: Vec<Approach>,
    /// What each candidate assumed for covariates the design lacks.
    pub assumptions: Vec<(String, Vec<Assumption>)>,
}

/// What a score is taken against.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Reference {
    /// The measured held-out level.
    Level,
    /// The patient's true concentration.
    Concentration,
}

/// The forecast benchmark's goal for model averaging, for one truth: the
/// average's MAPE within 10 % (relative) of the true model's, and below
/// every misspecified single model's.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Goal {
    pub average_mape: f64,
    pub truth_mape: f64,
    /// average MAPE / true model's MAPE − 1.
    pub relative_excess: f64,
    pub within_10_percent: bool,
    /// The misspecified models whose MAPE is at or below the average's.
    pub not_beaten: Vec<String>,
}

impl Approach {
    pub fn score(&self, reference: Reference) -> &Score {
        match reference {
            Reference::Level => &self.level,
            Reference::Concentration => &self.concentration,
        }
    }
}

impl ForecastResult {
    /// The goal for the LL average against `reference`; None when the
    /// average or the true model has no forecast.
    pub fn goal(&self, reference: Reference) -> Option<Goal> {
        self.goal_for(AVERAGE, reference)
    }

    /// The same measure for the averaged approach named `average`.
    pub fn goal_for(&self, average: &str, reference: Reference) -> Option<Goal> {
        let mape = |name: &str| {
            self.approaches
                .iter()
                .find(|a| a.name == name)
                .and_then(|a| a.score(reference).mape)
        };
        let average_mape = mape(average)?;
        let truth_mape = mape(&self.truth)?;
        let relative_excess = average_mape / truth_mape - 1.0;
        let not_beaten = self
            .approaches
            .iter()
            .filter(|a| a.name != self.truth && !AVERAGES.iter().any(|(n, _)| *n == a.name))
            .filter(|a| a.score(reference).mape.is_some_and(|m| m <= average_mape))
            .map(|a| a.name.clone())
            .collect();
        Some(Goal {
            average_mape,
            truth_mape,
            relative_excess,
            within_10_percent: relative_excess <= 0.10,
            not_beaten,
        })
    }
}

/// Collected forecasts of one approach.
#[derive(Default)]
struct Tally {
    level: Vec<(f64, f64)>,
    concentration: Vec<(f64, f64)>,
    left_out: BTreeMap<String, usize>,
    weights: Vec<f64>,
}

impl Tally {
    fn add(&mut self, forecast: f64, observed: Option<f64>, truth: f64) {
        if let Some(y) = observed {
            self.level.push((forecast, y));
        }
        if truth > 0.0 {
            self.concentration.push((forecast, truth));
        }
    }

    fn leave_out(&mut self, reason: &str) {
        *self.left_out.entry(reason.to_owned()).or_default() += 1;
    }

    fn approach(self, name: &str) -> Approach {
        Approach {
            name: name.to_owned(),
            level: Score::of(&self.level),
            concentration: Score::of(&self.concentration),
            left_out: self.left_out,
            mean_weight: (!self.weights.is_empty())
                .then(|| self.weights.iter().sum::<f64>() / self.weights.len() as f64),
        }
    }
}

/// The forecast at observation `held` from the fits of an LL average,
/// reweighted by `weighting` (the same fits and objectives).
fn reweighted_forecast(
    avg: &ModelAverage,
    problems: &[Result<Problem, String>],
    held: usize,
    weighting: Weighting,
) -> f64 {
    let kept: Vec<(f64, usize, f64)> = avg
        .models
        .iter()
        .zip(problems)
        .filter_map(|(m, p)| {
            let k = p.as_ref().ok()?.n_eta;
            Some((weighed_objective(m, weighting)?, k, *m.ipred.get(held)?))
        })
        .collect();
    let ofv: Vec<f64> = kept.iter().map(|m| m.0).collect();
    let k: Vec<usize> = kept.iter().map(|m| m.1).collect();
    let w = weights(&ofv, &k, weighting, true);
    kept.iter().zip(w).map(|(m, w)| w * m.2).sum()
}

/// Runs the benchmark for one truth.
pub fn forecast(q: &ForecastQuestion) -> Result<ForecastResult, SimulateError> {
    let bytes = q.design.as_bytes();
    let truth_design = Design::read(bytes, q.truth, Convention::Locf)?;
    let simulated: Vec<usize> = (0..truth_design.simulated.len())
        .filter(|&j| truth_design.simulated[j])
        .collect();
    let [.., _, held] = simulated[..] else {
        return Err(SimulateError::Design(
            "the forecast needs at least two simulated rows: levels to fit and the last to forecast".into(),
        ));
    };
    let sim = simulate(&SimulateQuestion {
        model: q.truth,
        design: &truth_design,
        n: q.n,
        seed: q.seed,
        variability: Variability::Full,
        patients: None,
    })?;
    let designs: Vec<Result<Design, String>> = q
        .models
        .iter()
        .map(|m| Design::read(bytes, m, Convention::Locf).map_err(|e| e.to_string()))
        .collect();
    let mut tallies: Vec<Tally> = (0..q.models.len() + AVERAGES.len())
        .map(|_| Tally::default())
        .collect();
    let mut unusable_levels = 0;
    let mut unreportable = 0;
    for p in &sim.patients {
        let fitted = simulated.iter().filter(|&&j| j != held);
        if fitted
            .filter_map(|&j| p.levels[j])
            .any(|l| !l.blq && l.value <= 0.0)
        {
            unreportable += 1;
            continue;
        }
        let problems: Vec<Result<Problem, String>> = q
            .models
            .iter()
            .zip(&designs)
            .map(|(m, d)| {
                let d = d.as_ref().map_err(Clone::clone)?;
                let events = d.events_with(&p.levels, &[held]);
                Problem::new(m, events, &d.covariates, &d.occasions).map_err(|e| e.to_string())
            })
            .collect();
        let candidates: Vec<Candidate> = q
            .models
            .iter()
            .zip(&problems)
            .map(|(m, p)| Candidate {
                model: m.id(),
                problem: p.as_ref().map_err(Clone::clone),
            })
            .collect();
        let observed = p.levels[held]
            .filter(|l| !l.blq && l.value > 0.0)
            .map(|l| l.value);
        if observed.is_none() {
            unusable_levels += 1;
        }
        let truth = p.ipred[held];
        let question = AverageQuestion {
            candidates: &candidates,
            weighting: Weighting::Ll,
            options: q.options,
        };
        let (singles, averaged) = tallies.split_at_mut(q.models.len());
        match average(&question) {
            Ok(avg) => {
                for (tally, m) in singles.iter_mut().zip(&avg.models) {
                    tally.weights.push(m.weight);
                    match (&m.reason, m.ipred.get(held)) {
                        (None, Some(f)) => tally.add(*f, observed, truth),
                        (Some(reason), _) => tally.leave_out(&reason.to_string()),
                        (None, None) => tally.leave_out("no prediction at the held-out row"),
                    }
                }
                match avg.ipred.get(held) {
                    Some(f) => averaged[0].add(*f, observed, truth),
                    None => averaged[0].leave_out("no prediction at the held-out row"),
                }
                for (tally, (_, weighting)) in averaged.iter_mut().zip(AVERAGES).skip(1) {
                    tally.add(
                        reweighted_forecast(&avg, &problems, held, weighting),
                        observed,
                        truth,
                    );
                }
            }
            Err(e) => {
                for (tally, (_, reason)) in singles.iter_mut().zip(&e.reasons) {
                    tally.leave_out(&reason.to_string());
                }
                for tally in averaged {
                    tally.leave_out("no model could be fitted");
                }
            }
        }
    }
    let names = q
        .models
        .iter()
        .map(|m| m.id())
        .chain(AVERAGES.map(|(name, _)| name));
    Ok(ForecastResult {
        truth: q.truth.id().to_owned(),
        patients: sim.patients.len(),
        unusable_levels,
        unreportable,
        approaches: tallies
            .into_iter()
            .zip(names)
            .map(|(t, name)| t.approach(name))
            .collect(),
        assumptions: q
            .models
            .iter()
            .zip(&designs)
            .filter_map(|(m, d)| Some((m.id().to_owned(), d.as_ref().ok()?.assumptions.clone())))
            .collect(),
    })
}

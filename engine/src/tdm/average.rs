//! The drug screen as a model average (Uster et al. 2021; `estimate::average`
//! weighs the fits): each of the drug's models the input lists is fitted
//! once (a missing genotype: each genotype, the most probable kept, as on
//! the single-model screen), weighted by exp(−OFV/2) (LL) or
//! exp(−OFV/2 − k) (AIC), equal weights without a level, and the screen is
//! the average's:
//!
//! - curves: Σ w·each model's typical and individual curve on one grid;
//!   the band a mixture (each model's posterior gives its share w of the
//!   draws);
//! - the model AUCs, the next days, the plan on the plot and the hold
//!   plan: Σ w·each model's prediction;
//! - the advice: a candidate's predicted levels are Σ w·each model's
//!   prediction at its amount, its exact amount hits the aim with them, its
//!   probability is over the mixture's draws (`dose::recommend_mixture`);
//! - the fit check: the mixture's predictive interval, Σ w·IWRES, the
//!   averaged advice against the proportional dose;
//! - the estimate (η table) and the next sampling time are those of the
//!   model with the largest weight (`lead`): they belong to one model.
//!
//! Beside it, each model's weight, objective (on the levels' scale), its
//! own forecast of the next level of the target, its own dose and what it
//! assumed; a model that cannot be computed or weighed is left out with
//! its reason. When every model fails, the error says why for each (or is
//! the one error they share, such as a dose row).

use super::fit_cache::FitCache;
use super::fit_check::Computed;
use super::other_models::short_name;
use super::products::rounding_for;
use super::session::{advise, finish, fit_chosen, Chosen, Extent, TdmError, TdmNote, TdmOutput};
use super::transition::{next_level, NextLevel, Plan};
use super::{Assumption, TdmInput};
use crate::dose::{recommend_mixture, Advise};
use crate::estimate::average::{judged, left_out, unfitted, weigh, LeftOut, ModelWeight};
use crate::estimate::{Part, Weighting};
use serde::{Deserialize, Serialize};

/// Which models to average, and how to weigh them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Averaging {
    /// Built-in model ids, in the order shown (a repeated id counts once).
    pub models: Vec<String>,
    #[serde(default)]
    pub weighting: Weighting,
}

/// Why a model is not in the average.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ModelLeftOut {
    /// Its screen could not be computed.
    #[error(transparent)]
    Error(TdmError),
    /// Its fit cannot be weighed.
    #[error(transparent)]
    Fit(LeftOut),
}

/// One model's line of the average.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AveragedModel {
    pub model_id: String,
    /// Author and year ("Woillard 2011").
    pub name: String,
    /// 0 for a model left out; the others add up to 1.
    pub weight: f64,
    /// The MAP objective on the scale of the levels (what the weight comes
    /// from); `None` without a level or for a model left out.
    pub objective: Option<f64>,
    /// Its forecast of the next level of the target on the current dose.
    pub next_level: Option<NextLevel>,
    /// Its own suggested regimen (label) and amount, mg per dose.
    pub suggested: Option<(String, f64)>,
    /// What it assumed for covariates the record lacks.
    pub assumptions: Vec<Assumption>,
    /// Its own notes on the covariates over time and the co-medications
    /// (an absorption occasion, a covariate read from the co-medications, an
    /// effect it has no covariate for): they differ between models, so each
    /// model's are kept (the screen's `notes` are the lead model's).
    pub notes: Vec<TdmNote>,
    /// Why it is left out.
    #[serde(serialize_with = "crate::estimate::average::as_text")]
    pub left_out: Option<ModelLeftOut>,
}

/// The average beside the screen's results.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScreenAverage {
    pub weighting: Weighting,
    /// No level weighs the models: every model kept weighs the same.
    pub equal: bool,
    /// The model with the largest weight: the estimate and the next
    /// sampling time shown are its own.
    pub lead: String,
    /// The average's forecast of the next level of the target.
    pub next_level: Option<NextLevel>,
    pub models: Vec<AveragedModel>,
}

/// The screen as the average of `a.models`.
pub(super) fn compute_average(
    input: &TdmInput,
    a: &Averaging,
    fits: &FitCache,
) -> Result<TdmOutput, TdmError> {
    let mut ids: Vec<&str> = Vec::new();
    for m in &a.models {
        if !ids.contains(&m.as_str()) {
            ids.push(m);
        }
    }
    let chosen: Vec<Result<Chosen, TdmError>> =
        ids.iter().map(|id| fit_chosen(input, id, fits)).collect();
    let entries: Vec<ModelWeight> = ids
        .iter()
        .zip(&chosen)
        .map(|(id, c)| match c {
            Err(e) => left_out(id, LeftOut::Given(e.to_string())),
            Ok(c) => match &c.fitted.fit {
                Some(f) => judged(id, &c.fitted.problem, f.clone(), None),
                None => unfitted(id),
            },
        })
        .collect();
    let k: Vec<usize> = chosen
        .iter()
        .map(|c| c.as_ref().map_or(0, |c| c.fitted.problem.n_eta))
        .collect();
    let informative = chosen
        .iter()
        .any(|c| c.as_ref().is_ok_and(|c| c.fitted.fit.is_some()));
    let avg =
        weigh(entries, &k, a.weighting, informative).map_err(|e| all_failed(&chosen, e.reasons))?;
    let parts: Vec<Part<'_>> = avg
        .models
        .iter()
        .zip(&chosen)
        .filter(|(m, _)| m.weight > 0.0)
        .filter_map(|(m, c)| {
            let c = c.as_ref().ok()?;
            Some(Part {
                weight: m.weight,
                problem: &c.fitted.problem,
                fit: c.fitted.fit.as_ref(),
            })
        })
        .collect();
    // A model is kept (weight > 0) once the weighing succeeds.
    let Some((lead_index, lead)) = chosen
        .iter()
        .enumerate()
        .filter_map(|(i, c)| Some((i, c.as_ref().ok()?)))
        .max_by(|x, y| avg.models[x.0].weight.total_cmp(&avg.models[y.0].weight))
    else {
        return Err(TdmError::NoModel(Vec::new()));
    };
    let rounding = rounding_for(input, &lead.fitted.problem.def);
    let questions: Vec<(f64, Advise<'_>)> = parts
        .iter()
        .map(|p| {
            (
                p.weight,
                advise(input, p.problem, p.fit, &rounding, fits.draws()),
            )
        })
        .collect();
    let advice = recommend_mixture(&questions);
    let mut out = finish(
        input,
        &lead.fitted,
        &parts,
        advice,
        Extent::Screen,
        fits.draws(),
    );
    out.assumptions = lead.assumptions.clone();
    let target = input.target.metric.label();
    let next = out
        .transitions
        .iter()
        .find(|t| t.plan == Plan::Continue)
        .and_then(|t| t.levels.iter().find(|l| l.metric == target))
        .cloned();
    let models = ids
        .iter()
        .zip(&chosen)
        .zip(&avg.models)
        .map(|((id, c), m)| line(input, id, c, m, fits))
        .collect();
    out.average = Some(ScreenAverage {
        weighting: a.weighting,
        equal: avg.equal,
        lead: ids[lead_index].to_owned(),
        next_level: next,
        models,
    });
    Ok(out)
}

/// A model's line: its weight and objective, and, when it is kept, its
/// own forecast of the next level and its own dose.
fn line(
    input: &TdmInput,
    id: &str,
    chosen: &Result<Chosen, TdmError>,
    m: &ModelWeight,
    fits: &FitCache,
) -> AveragedModel {
    let name = fits
        .builtin(id)
        .and_then(Result::ok)
        .map_or_else(|| id.to_owned(), |d| short_name(&d.file.name));
    let mut out = AveragedModel {
        model_id: id.to_owned(),
        name,
        weight: m.weight,
        objective: m.objective,
        next_level: None,
        suggested: None,
        assumptions: Vec::new(),
        notes: Vec::new(),
        left_out: m.reason.clone().map(ModelLeftOut::Fit),
    };
    let c = match chosen {
        Err(e) => {
            out.left_out = Some(ModelLeftOut::Error(e.clone()));
            return out;
        }
        Ok(c) => c,
    };
    out.assumptions = c.assumptions.clone();
    out.notes = c
        .fitted
        .notes
        .iter()
        .filter(|n| !matches!(n, TdmNote::Implausible { .. }))
        .cloned()
        .collect();
    if out.left_out.is_some() {
        return out;
    }
    let f = &c.fitted;
    let one = Part::one(&f.problem, f.fit.as_ref());
    out.next_level = next_level(Computed {
        input,
        base: &f.base,
        problem: &f.problem,
        fit: f.fit.as_ref(),
        parts: &one,
        timing: &f.levels,
        advice: f.advice.as_ref().ok(),
        memo: Some(fits.draws()),
    });
    out.suggested = f.suggested();
    out
}

/// The error when no model is left: the one error every model met, else
/// each model's reason (`reasons`: the weighing's, in the same order).
fn all_failed(chosen: &[Result<Chosen, TdmError>], reasons: Vec<(String, LeftOut)>) -> TdmError {
    let reasons: Vec<(String, ModelLeftOut)> = chosen
        .iter()
        .zip(reasons)
        .map(|(c, (id, r))| match c {
            Err(e) => (id, ModelLeftOut::Error(e.clone())),
            Ok(_) => (id, ModelLeftOut::Fit(r)),
        })
        .collect();
    match reasons.first() {
        Some((_, ModelLeftOut::Error(first)))
            if reasons
                .iter()
                .all(|(_, r)| matches!(r, ModelLeftOut::Error(e) if e == first)) =>
        {
            first.clone()
        }
        _ => TdmError::NoModel(reasons),
    }
}

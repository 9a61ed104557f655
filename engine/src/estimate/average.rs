//! Model averaging (Uster DW et al. Clin Pharmacol Ther 2021;109:175-183,
//! as the R package mapbayr implements it): each candidate model is fitted
//! to the same patient's levels, weighted by how well it explains them,
//! and the predictions are averaged with those weights.
//!
//! - LL (default): w_m ∝ exp(−OFV_m / 2);
//! - AIC: w_m ∝ exp(−OFV_m / 2 − k_m), k_m = the model's number of η;
//! - evidence: w_m ∝ exp(−(OFV_m − ln det(Σ_m Ω_m⁻¹)) / 2), the Laplace
//!   approximation of the model's marginal likelihood p(y | m) (Kass RE,
//!   Raftery AE. Bayes factors. J Am Stat Assoc 1995;90:773-795, §4.1.1),
//!   Σ_m the posterior covariance of the model's η and κ at the MAP
//!   (2·H⁻¹ of the objective) and Ω_m their prior covariance. The term
//!   −ln det(ΣΩ⁻¹) (`occam`) is 0 for a parameter the levels leave at its
//!   prior and grows with each one they narrow, so a model pays for the
//!   η its fit uses, not for those it carries (AIC's k counts every η).
//!
//! OFV is the MAP objective (NONMEM POSTHOC: Σ [(y − f)²/Var + ln Var] +
//! ηᵀΩ⁻¹η, the 2π term left out as in mapbayr). A model whose residual
//! error is additive on ln C has an objective for ln y; it is put on the
//! scale of y by adding 2·Σ ln y over the measured levels (the Jacobian of
//! y ↦ ln y), so that models with both error kinds are compared on one
//! scale (below-limit levels are probabilities, the same on both scales).
//! The weights are computed from OFV − min OFV, so they neither overflow
//! nor underflow to 0/0. Without a level every model weighs the same.

use super::map::{MapFit, MapOptions};
use super::problem::Problem;
use serde::Serialize;

/// How the weights are computed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Weighting {
    /// w ∝ exp(−OFV/2).
    #[default]
    Ll,
    /// w ∝ exp(−OFV/2 − k), k = number of η.
    Aic,
    /// w ∝ exp(−(OFV + occam)/2): the Laplace approximation of p(y | m).
    Evidence,
}

/// One candidate: a model and its problem for this patient, or why there
/// is none (e.g. a history the model cannot take).
#[derive(Debug)]
pub struct Candidate<'a> {
    pub model: &'a str,
    pub problem: Result<&'a Problem, String>,
}

/// Average these models' fits to one patient's levels.
#[derive(Debug)]
pub struct AverageQuestion<'a> {
    pub candidates: &'a [Candidate<'a>],
    pub weighting: Weighting,
    pub options: &'a MapOptions,
}

/// Why a model is left out of the average (in words: `crate::text`, whose
/// English is also its `Display`).
#[derive(Debug, Clone, PartialEq)]
pub enum LeftOut {
    /// The caller's reason (no problem could be set up for this model), as
    /// the caller wrote it.
    Given(String),
    NonPositiveLevel,
    NotFinite,
    NoPredictions,
}

/// An optional reason written as its text (`null` without one).
pub(crate) fn as_text<S: serde::Serializer, T: std::fmt::Display>(
    e: &Option<T>,
    s: S,
) -> Result<S::Ok, S::Error> {
    match e {
        Some(e) => s.collect_str(e),
        None => s.serialize_none(),
    }
}

/// One model's part of the average.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ModelWeight {
    pub model: String,
    /// 0 for a model left out.
    pub weight: f64,
    /// The objective the weight comes from, on the scale of the levels
    /// (log-additive models corrected); None for a model left out or
    /// without levels.
    pub objective: Option<f64>,
    pub eta: Vec<f64>,
    /// −ln det(ΣΩ⁻¹) at the fit (the evidence weighting's Occam term, ≥ 0
    /// when the levels narrow the prior); None without a fit or where the
    /// posterior covariance could not be computed (the term is then 0).
    pub occam: Option<f64>,
    /// Prediction at each observation record, MDV = 1 rows included.
    pub ipred: Vec<f64>,
    pub converged: bool,
    /// Why the model was left out.
    #[serde(serialize_with = "as_text")]
    pub reason: Option<LeftOut>,
    /// The fit itself (warnings, parameters), for a model kept.
    #[serde(skip)]
    pub fit: Option<MapFit>,
}

/// The average of one patient's fits.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ModelAverage {
    pub weighting: Weighting,
    /// Every candidate in the order given; the weights of those kept add
    /// up to 1.
    pub models: Vec<ModelWeight>,
    /// Σ w·ipred at each observation record.
    pub ipred: Vec<f64>,
    /// No level weighed the models: every model kept weighs the same.
    pub equal: bool,
}

/// No candidate could be fitted.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("no model could be fitted: {}", .reasons.iter().map(|(m, r)| format!("{m}: {r}")).collect::<Vec<_>>().join("; "))]
pub struct AverageError {
    /// (model, why) for each candidate.
    pub reasons: Vec<(String, LeftOut)>,
}

/// The objective on the scale of the levels: a log-additive model's plus
/// 2·Σ ln y over its measured (not below-limit) levels.
pub fn data_scale_objective(problem: &Problem, objective: f64) -> f64 {
    if !problem.def.error.is_log() {
        return objective;
    }
    let jacobian: f64 = problem
        .levels
        .iter()
        .filter(|l| !l.blq)
        .filter_map(|l| l.dv)
        .filter(|y| *y > 0.0)
        .map(f64::ln)
        .sum();
    objective + 2.0 * jacobian
}

/// −ln det(Σ P) of `fit`: Σ its posterior covariance of the free
/// parameters, P the problem's prior precision (Ω⁻¹, then Π⁻¹ per
/// occasion, in the same order). None without Σ or where either is not
/// positive definite.
pub fn occam(problem: &Problem, fit: &MapFit) -> Option<f64> {
    let cov = fit.eta_cov.as_ref()?;
    let n = cov.len();
    let precision = problem.prior_precision();
    if precision.nrows() != n || cov.iter().any(|row| row.len() != n) {
        return None;
    }
    let sigma = nalgebra::DMatrix::from_fn(n, n, |i, j| cov[i][j]);
    let ln_det = |m: nalgebra::DMatrix<f64>| -> Option<f64> {
        let l = m.cholesky()?;
        Some(l.l().diagonal().iter().map(|d| 2.0 * d.ln()).sum())
    };
    let v = -(ln_det(sigma)? + ln_det(precision)?);
    v.is_finite().then_some(v)
}

/// The objective a weighting reads from a model's entry: the data-scale
/// objective, plus the Occam term for the evidence (0 where it is None).
pub fn weighed_objective(m: &ModelWeight, weighting: Weighting) -> Option<f64> {
    let o = m.objective?;
    Some(match weighting {
        Weighting::Ll | Weighting::Aic => o,
        Weighting::Evidence => o + m.occam.unwrap_or(0.0),
    })
}

/// Normalised weights of finite objectives `ofv` with `k` η each; equal
/// weights when `informative` is false (no level). Never NaN: the best
/// model's term is exp(0) = 1. For the evidence, `ofv` already holds the
/// Occam term ([`weighed_objective`]).
pub fn weights(ofv: &[f64], k: &[usize], weighting: Weighting, informative: bool) -> Vec<f64> {
    let n = ofv.len();
    if n == 0 {
        return Vec::new();
    }
    if !informative {
        return vec![1.0 / n as f64; n];
    }
    let score: Vec<f64> = ofv
        .iter()
        .zip(k)
        .map(|(o, k)| match weighting {
            Weighting::Ll | Weighting::Evidence => o / 2.0,
            Weighting::Aic => o / 2.0 + *k as f64,
        })
        .collect();
    let low = score.iter().copied().fold(f64::INFINITY, f64::min);
    let raw: Vec<f64> = score.iter().map(|s| (-(s - low)).exp()).collect();
    let total: f64 = raw.iter().sum();
    if total.is_finite() && total > 0.0 {
        raw.iter().map(|w| w / total).collect()
    } else {
        vec![1.0 / n as f64; n]
    }
}

/// A model left out, with its reason.
pub fn left_out(model: &str, reason: LeftOut) -> ModelWeight {
    ModelWeight {
        reason: Some(reason),
        ..unfitted(model)
    }
}

/// A model kept without a fit (no level): it weighs as much as the others.
pub fn unfitted(model: &str) -> ModelWeight {
    ModelWeight {
        model: model.to_owned(),
        weight: 0.0,
        objective: None,
        eta: Vec::new(),
        occam: None,
        ipred: Vec::new(),
        converged: false,
        reason: None,
        fit: None,
    }
}

/// Whether a log-additive model meets a level it cannot take (≤ 0).
fn cannot_take(problem: &Problem) -> bool {
    problem.def.error.is_log()
        && problem
            .levels
            .iter()
            .any(|l| !l.blq && l.dv.is_some_and(|y| y <= 0.0))
}

/// A fitted model's entry (weight still 0), or the model left out when the
/// fit cannot weigh: a level it cannot take, an objective or a prediction
/// that is not finite, or predictions at other than `rows` records (every
/// candidate must see the same records; `None`: the problem's own).
pub fn judged(model: &str, problem: &Problem, fit: MapFit, rows: Option<usize>) -> ModelWeight {
    if cannot_take(problem) {
        return left_out(model, LeftOut::NonPositiveLevel);
    }
    if !fit.objective.is_finite() {
        return left_out(model, LeftOut::NotFinite);
    }
    let expected = rows.unwrap_or(problem.levels.len());
    if fit.ipred.len() != expected || fit.ipred.iter().any(|f| !f.is_finite()) {
        return left_out(model, LeftOut::NoPredictions);
    }
    ModelWeight {
        model: model.to_owned(),
        weight: 0.0,
        objective: Some(data_scale_objective(problem, fit.objective)),
        eta: fit.eta.clone(),
        occam: occam(problem, &fit),
        ipred: fit.ipred.clone(),
        converged: fit.converged,
        reason: None,
        fit: Some(fit),
    }
}

/// Fits one candidate: the model's weight entry (weight still 0).
fn fit_one(c: &Candidate, options: &MapOptions, rows: Option<usize>) -> ModelWeight {
    let problem = match &c.problem {
        Ok(p) => *p,
        Err(reason) => return left_out(c.model, LeftOut::Given(reason.clone())),
    };
    if cannot_take(problem) {
        return left_out(c.model, LeftOut::NonPositiveLevel);
    }
    judged(c.model, problem, problem.fit(options), rows)
}

/// Weighs the entries (fitted, unfitted or left out; `k`: each one's
/// number of η) and averages the kept ones' predictions. `informative`:
/// some level weighs the models (else equal weights).
pub fn weigh(
    mut models: Vec<ModelWeight>,
    k: &[usize],
    weighting: Weighting,
    informative: bool,
) -> Result<ModelAverage, AverageError> {
    let kept: Vec<usize> = (0..models.len())
        .filter(|&i| models[i].reason.is_none())
        .collect();
    if kept.is_empty() {
        return Err(AverageError {
            reasons: models
                .iter()
                .map(|m| {
                    let why = m.reason.clone().unwrap_or(LeftOut::NotFinite);
                    (m.model.clone(), why)
                })
                .collect(),
        });
    }
    let informative = informative && kept.iter().all(|&i| models[i].objective.is_some());
    let ofv: Vec<f64> = kept
        .iter()
        .map(|&i| weighed_objective(&models[i], weighting).unwrap_or(f64::INFINITY))
        .collect();
    let k: Vec<usize> = kept
        .iter()
        .map(|&i| k.get(i).copied().unwrap_or(0))
        .collect();
    let w = weights(&ofv, &k, weighting, informative);
    let rows = kept
        .iter()
        .map(|&i| models[i].ipred.len())
        .max()
        .unwrap_or(0);
    let mut ipred = vec![0.0; rows];
    for (&i, wi) in kept.iter().zip(&w) {
        models[i].weight = *wi;
        for (a, f) in ipred.iter_mut().zip(&models[i].ipred) {
            *a += wi * f;
        }
    }
    Ok(ModelAverage {
        weighting,
        models,
        ipred,
        equal: !informative,
    })
}

/// Fits every candidate and averages the kept ones' predictions.
pub fn average(q: &AverageQuestion) -> Result<ModelAverage, AverageError> {
    // Every candidate sees the same records: the first problem's count.
    let rows = q
        .candidates
        .iter()
        .find_map(|c| c.problem.as_ref().ok().map(|p| p.levels.len()));
    let informative = q.candidates.iter().any(|c| {
        c.problem
            .as_ref()
            .is_ok_and(|p| p.levels.iter().any(|l| l.informative()))
    });
    let models: Vec<ModelWeight> = q
        .candidates
        .iter()
        .map(|c| fit_one(c, q.options, rows))
        .collect();
    let k: Vec<usize> = q
        .candidates
        .iter()
        .map(|c| c.problem.as_ref().map_or(0, |p| p.n_eta))
        .collect();
    weigh(models, &k, q.weighting, informative)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ll_weights_by_hand() {
        // OFV 10 and 13: exp(−5) : exp(−6.5) = 1 : exp(−1.5).
        let w = weights(&[10.0, 13.0], &[2, 5], Weighting::Ll, true);
        let r = (-1.5f64).exp();
        assert!((w[0] - 1.0 / (1.0 + r)).abs() < 1e-15, "{w:?}");
        assert!((w[1] - r / (1.0 + r)).abs() < 1e-15);
        assert!((w[0] + w[1] - 1.0).abs() < 1e-15);
    }

    #[test]
    fn aic_weights_by_hand() {
        // Same OFV, k = 2 and 5: exp(−5 − 2) : exp(−6.5 − 5) = 1 : exp(−4.5).
        let w = weights(&[10.0, 13.0], &[2, 5], Weighting::Aic, true);
        let r = (-4.5f64).exp();
        assert!((w[0] - 1.0 / (1.0 + r)).abs() < 1e-15, "{w:?}");
        assert!((w[1] - r / (1.0 + r)).abs() < 1e-15);
    }

    #[test]
    fn huge_objectives_neither_overflow_nor_give_nan() {
        // exp(−2000/2) underflows to 0 on its own; relative to the lowest it
        // is exp(0) and exp(−2).
        let w = weights(&[2000.0, 2004.0], &[1, 1], Weighting::Ll, true);
        let r = (-2.0f64).exp();
        assert!((w[0] - 1.0 / (1.0 + r)).abs() < 1e-15, "{w:?}");
        let w = weights(&[-1e6, 1e6], &[1, 1], Weighting::Ll, true);
        assert_eq!(w, vec![1.0, 0.0]);
        assert!(weights(&[], &[], Weighting::Ll, true).is_empty());
    }

    #[test]
    fn without_levels_every_model_weighs_the_same() {
        let w = weights(&[0.0, 7.0, 3.0], &[1, 2, 3], Weighting::Aic, false);
        assert_eq!(w, vec![1.0 / 3.0; 3]);
    }
}

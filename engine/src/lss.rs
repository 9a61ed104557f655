//! Limited-sampling AUC: published regression equations AUC = a + Σ bᵢ·C(tᵢ)
//! (catalogue in [`catalogue`]), and which of them a patient's samples allow.
//!
//! Concentrations in ng/mL, AUC in ng·h/mL, times in hours after the dose
//! (a pre-dose trough may have a small negative time).
//!
//! A sample serves a nominal time tᵢ of an equation when it lies within a
//! tolerance of tᵢ and is nearer to tᵢ than to the equation's other nominal
//! times; among such samples the nearest is used (the earlier on a tie). The
//! actual times used are reported with each estimate.

mod catalogue;

use serde::Serialize;

/// Default matching tolerance, ±15 min. A project choice, not a published
/// number: the sampling windows of the source studies are not in the
/// equations as this catalogue holds them.
pub const DEFAULT_TOLERANCE_H: f64 = 0.25;

/// The drug an equation is for: the engine's one `Drug`.
pub use crate::tdm::Drug;

/// The AUC an equation estimates.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum AucInterval {
    #[serde(rename = "AUC0-6")]
    Auc0To6,
    #[serde(rename = "AUC0-12")]
    Auc0To12,
    #[serde(rename = "AUC0-24")]
    Auc0To24,
    /// Over the dosing interval; τ is the one of the source study.
    #[serde(rename = "AUC0-tau")]
    Auc0ToTau,
}

/// One term bᵢ·C(tᵢ).
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Term {
    pub time_h: f64,
    pub coef: f64,
}

/// A published equation with its provenance, as written in the source.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Equation {
    pub id: &'static str,
    pub drug: Drug,
    pub interval: AucInterval,
    pub formula: &'static str,
    pub intercept: f64,
    pub terms: &'static [Term],
    pub population: &'static str,
    pub n: Option<&'static str>,
    pub r_squared: &'static str,
    pub formulation: Option<&'static str>,
    pub citation: &'static str,
}

/// A measured concentration (ng/mL) at `time_h` hours after the dose.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct LssSample {
    pub time_h: f64,
    pub conc: f64,
}

/// The sample that served one nominal time.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct UsedSample {
    pub nominal_h: f64,
    pub actual_h: f64,
    pub conc: f64,
}

/// An equation the samples satisfy and its estimate (ng·h/mL).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LssEstimate {
    pub equation: &'static Equation,
    pub auc: f64,
    pub used: Vec<UsedSample>,
    pub flags: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum LssError {
    #[error("sample {sample}: time {time} h must be a finite number")]
    Time { sample: usize, time: f64 },
    #[error("sample {sample}: concentration {conc} ng/mL must be a finite number ≥ 0")]
    Concentration { sample: usize, conc: f64 },
    #[error("tolerance {0} h must be a finite number ≥ 0")]
    Tolerance(f64),
}

/// Every equation in the catalogue.
pub fn catalogue() -> &'static [Equation] {
    catalogue::EQUATIONS
}

/// The equations whose sampling times `samples` cover within ±`tolerance_h`,
/// each with its estimate, in catalogue order.
pub fn applicable(
    drug: Drug,
    samples: &[LssSample],
    tolerance_h: f64,
) -> Result<Vec<LssEstimate>, LssError> {
    validate(samples, tolerance_h)?;
    Ok(catalogue()
        .iter()
        .filter(|e| e.drug == drug)
        .filter_map(|e| estimate(e, samples, tolerance_h))
        .collect())
}

fn validate(samples: &[LssSample], tolerance_h: f64) -> Result<(), LssError> {
    if !(tolerance_h.is_finite() && tolerance_h >= 0.0) {
        return Err(LssError::Tolerance(tolerance_h));
    }
    for (i, s) in samples.iter().enumerate() {
        if !s.time_h.is_finite() {
            return Err(LssError::Time {
                sample: i + 1,
                time: s.time_h,
            });
        }
        if !(s.conc.is_finite() && s.conc >= 0.0) {
            return Err(LssError::Concentration {
                sample: i + 1,
                conc: s.conc,
            });
        }
    }
    Ok(())
}

fn estimate(e: &'static Equation, samples: &[LssSample], tol: f64) -> Option<LssEstimate> {
    let used = e
        .terms
        .iter()
        .map(|term| match_sample(e, term.time_h, samples, tol))
        .collect::<Option<Vec<UsedSample>>>()?;
    let auc = e.intercept
        + e.terms
            .iter()
            .zip(&used)
            .map(|(term, u)| term.coef * u.conc)
            .sum::<f64>();
    let mut flags = Vec::new();
    if auc < 0.0 {
        flags.push(format!(
            "estimate {auc:.1} ng·h/mL is below 0: the samples lie outside the range of the source data"
        ));
    }
    if e.interval == AucInterval::Auc0ToTau {
        flags.push("AUC0-τ: τ is the dosing interval of the source study".into());
    }
    Some(LssEstimate {
        equation: e,
        auc,
        used,
        flags,
    })
}

/// The sample serving nominal time `nominal` of equation `e`.
fn match_sample(e: &Equation, nominal: f64, samples: &[LssSample], tol: f64) -> Option<UsedSample> {
    let distance = |t: f64, n: f64| (t - n).abs();
    let nearest_nominal = |t: f64| {
        e.terms
            .iter()
            .map(|term| term.time_h)
            .min_by(|a, b| distance(t, *a).total_cmp(&distance(t, *b)))
    };
    samples
        .iter()
        .filter(|s| distance(s.time_h, nominal) <= tol)
        .filter(|s| nearest_nominal(s.time_h) == Some(nominal))
        .min_by(|a, b| {
            let key = |s: &LssSample| (distance(s.time_h, nominal), s.time_h);
            let (ka, kb) = (key(a), key(b));
            ka.0.total_cmp(&kb.0).then(ka.1.total_cmp(&kb.1))
        })
        .map(|s| UsedSample {
            nominal_h: nominal,
            actual_h: s.time_h,
            conc: s.conc,
        })
}

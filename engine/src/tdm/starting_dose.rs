//! The tacrolimus starting dose before any level, three ways side by side:
//!
//! - the Japanese label for PM/DM-IP: 0.0375 mg/kg twice daily after
//!   breakfast and dinner, in 0.5-mg steps, at most 0.3 mg/kg/day;
//! - the models' average a priori: each built-in tacrolimus model's typical
//!   (η = 0) steady-state C0 per mg, equal weights (no level weighs them),
//!   the amount that puts Σ w·C0 at the middle of the target — what the drug
//!   screen's averaged advice gives without a level;
//! - the Japanese DM-ILD dose formula, a check from a small sample (9
//!   patients retrospectively, 6 prospectively): daily dose = target trough
//!   × weight / 151.1 (CYP3A5 \*3/\*3) or / 86.5 (\*1 carrier).

use super::assume::{Assumption, CYP3A5_JAPANESE};
use super::other_models::short_name;
use super::popcheck::{drug_of, typical_patient, typical_per_mg};
use super::targets::Drug;
use crate::catalog::{builtin, builtin_ids};
use crate::clinical::body::Sex;
use crate::dose::{Metric, Range};
use serde::Serialize;

/// Per dose, mg per kg, twice daily (Japanese label, PM/DM-IP).
pub const LABEL_MG_PER_KG_DOSE: f64 = 0.0375;
/// At most this many mg per kg a day (same label).
pub const LABEL_MAX_MG_PER_KG_DAY: f64 = 0.3;
/// Doses are set in steps of this many mg (same label).
pub const LABEL_STEP_MG: f64 = 0.5;
pub const LABEL_SOURCE: &str = "Japanese package insert of tacrolimus (PM/DM-IP): 0.0375 mg/kg \
     twice daily after breakfast and dinner, 0.5-mg steps, at most 0.3 mg/kg/day, target trough \
     5–10 ng/mL (DSU No. 323, January 2024)";
/// The Japanese DM-ILD formula's divisors: (CYP3A5 value, divisor).
pub const FORMULA_DIVISORS: [(f64, f64); 2] = [(0.0, 151.1), (1.0, 86.5)];
pub const FORMULA_SOURCE: &str = "EULAR 2021 abstract POS0868 (Japanese DM-ILD, n = 6 \
     prospective, after 9 retrospective in EULAR 2020 FRI0246): initial daily dose = target \
     trough × body weight / 151.1 (CYP3A5 *3/*3) or / 86.5 (*1 carrier)";

/// What the starting dose is computed for.
#[derive(Debug, Clone, PartialEq)]
pub struct StartQuestion<'a> {
    pub weight_kg: f64,
    pub height_cm: Option<f64>,
    pub sex: Option<Sex>,
    /// CYP3A5 (1 = \*1 carrier, 0 = \*3/\*3); `None`: unknown.
    pub cyp3a5: Option<f64>,
    /// The trough target (C0).
    pub target: Range,
    /// The built-in tacrolimus models to average.
    pub models: &'a [&'a str],
}

/// A twice-daily dose in the label's steps.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct TwiceDaily {
    /// Before rounding, mg per dose.
    pub exact_mg: f64,
    /// In 0.5-mg steps (the nearer; the lower on a tie; at least one step),
    /// at most the label's maximum.
    pub amount_mg: f64,
    pub interval_h: f64,
    pub mg_per_kg_day: f64,
    /// The label's maximum lowered the amount.
    pub capped: bool,
}

/// One model's own answer a priori.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ModelStart {
    pub model_id: String,
    pub name: String,
    pub weight: f64,
    /// Typical steady-state C0 per mg every 12 h, ng/mL.
    pub c0_per_mg: Option<f64>,
    /// Its own dose for the target.
    pub dose: Option<TwiceDaily>,
    pub assumptions: Vec<Assumption>,
    pub error: Option<String>,
}

/// The models' average a priori.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AveragedStart {
    pub dose: TwiceDaily,
    /// Σ w·C0 at the rounded amount, ng/mL.
    pub predicted_c0: f64,
    pub models: Vec<ModelStart>,
}

/// The DM-ILD formula for one genotype.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FormulaStart {
    pub cyp3a5: f64,
    pub divisor: f64,
    pub daily_mg: f64,
    pub dose: TwiceDaily,
}

/// The three answers.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StartingDose {
    pub label: TwiceDaily,
    pub label_source: &'static str,
    /// The aim: the middle of the target, ng/mL.
    pub aim: f64,
    /// CYP3A5 used by the average; `assumed`: the record does not give it
    /// and the more frequent genotype in Japanese patients was used.
    pub cyp3a5: f64,
    pub cyp3a5_assumed: bool,
    /// `None` when no model could be computed.
    pub averaged: Option<AveragedStart>,
    /// The genotype's formula, or both when it is unknown.
    pub formula: Vec<FormulaStart>,
    pub formula_source: &'static str,
}

/// Why no starting dose can be given.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum StartError {
    #[error("the body weight must be a positive number of kg (got {0})")]
    Weight(f64),
    #[error("the target must be a trough (C0) with a finite aim")]
    Target,
}

/// `exact` mg twice daily in the label's steps, capped at its maximum.
pub fn twice_daily(exact: f64, weight_kg: f64) -> TwiceDaily {
    let steps = (exact / LABEL_STEP_MG).max(1.0);
    // The nearer step, the lower on a tie.
    let mut amount = (steps - 0.5).ceil().max(1.0) * LABEL_STEP_MG;
    let max = (LABEL_MAX_MG_PER_KG_DAY * weight_kg / 2.0 / LABEL_STEP_MG).floor() * LABEL_STEP_MG;
    let capped = amount > max && max >= LABEL_STEP_MG;
    if capped {
        amount = max;
    }
    TwiceDaily {
        exact_mg: exact,
        amount_mg: amount,
        interval_h: 12.0,
        mg_per_kg_day: 2.0 * amount / weight_kg,
        capped,
    }
}

/// The label's starting regimen for `weight_kg` (`None` for a weight that
/// is not a positive number).
pub fn label_regimen(weight_kg: f64) -> Option<TwiceDaily> {
    (weight_kg.is_finite() && weight_kg > 0.0)
        .then(|| twice_daily(LABEL_MG_PER_KG_DOSE * weight_kg, weight_kg))
}

/// The three starting doses.
pub fn starting_dose(q: &StartQuestion<'_>) -> Result<StartingDose, StartError> {
    let w = q.weight_kg;
    let label = label_regimen(w).ok_or(StartError::Weight(w))?;
    let aim = q.target.aim();
    if q.target.metric != Metric::C0 || !(aim.is_finite() && aim > 0.0) {
        return Err(StartError::Target);
    }
    // Unknown CYP3A5: the more frequent genotype in Japanese patients.
    let frequent = CYP3A5_JAPANESE
        .levels
        .iter()
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .map_or(0.0, |l| l.0);
    let cyp3a5 = q.cyp3a5.unwrap_or(frequent);
    let weight = 1.0 / q.models.len().max(1) as f64;
    let mut models: Vec<ModelStart> = q
        .models
        .iter()
        .map(|id| model_start(q, id, cyp3a5, aim, weight))
        .collect();
    let computed: Vec<f64> = models.iter().filter_map(|m| m.c0_per_mg).collect();
    let averaged = (!computed.is_empty()).then(|| {
        // Equal weights among the models that could be computed.
        let w = 1.0 / computed.len() as f64;
        for m in &mut models {
            m.weight = if m.c0_per_mg.is_some() { w } else { 0.0 };
        }
        let per_mg: f64 = computed.iter().map(|u| w * u).sum();
        let dose = twice_daily(aim / per_mg, q.weight_kg);
        AveragedStart {
            dose,
            predicted_c0: dose.amount_mg * per_mg,
            models,
        }
    });
    let formula = FORMULA_DIVISORS
        .iter()
        .filter(|(g, _)| q.cyp3a5.is_none_or(|c| c == *g))
        .map(|&(cyp3a5, divisor)| {
            let daily_mg = aim * w / divisor;
            FormulaStart {
                cyp3a5,
                divisor,
                daily_mg,
                dose: twice_daily(daily_mg / 2.0, w),
            }
        })
        .collect();
    Ok(StartingDose {
        label,
        label_source: LABEL_SOURCE,
        aim,
        cyp3a5,
        cyp3a5_assumed: q.cyp3a5.is_none(),
        averaged,
        formula,
        formula_source: FORMULA_SOURCE,
    })
}

fn model_start(q: &StartQuestion<'_>, id: &str, cyp3a5: f64, aim: f64, weight: f64) -> ModelStart {
    let mut out = ModelStart {
        model_id: id.to_owned(),
        name: id.to_owned(),
        weight: 0.0,
        c0_per_mg: None,
        dose: None,
        assumptions: Vec::new(),
        error: None,
    };
    let def = match builtin(id) {
        Some(Ok(d)) if drug_of(&d) == Some(Drug::Tacrolimus) => d,
        Some(Ok(_)) => {
            out.error = Some(format!("{id} is not a tacrolimus model"));
            return out;
        }
        Some(Err(e)) => {
            out.error = Some(e.to_string());
            return out;
        }
        None => {
            let known: Vec<&str> = builtin_ids().collect();
            out.error = Some(format!(
                "{id} is not a built-in model ({})",
                known.join(", ")
            ));
            return out;
        }
    };
    out.name = short_name(&def.file.name);
    let (cov, assumptions) =
        typical_patient(&def, (q.weight_kg, q.height_cm, q.sex), 0.0, Some(cyp3a5));
    out.assumptions = assumptions;
    match typical_per_mg(&def, &cov, 12.0, &[Metric::C0]) {
        Ok(u) if u[0] > 0.0 => {
            out.weight = weight;
            out.c0_per_mg = Some(u[0]);
            out.dose = Some(twice_daily(aim / u[0], q.weight_kg));
        }
        Ok(_) => out.error = Some("the model predicts no trough".into()),
        Err(e) => out.error = Some(e),
    }
    out
}

//! Does each built-in model fit DM/PM-IP patients before any level? For a
//! typical patient of the record's size (weight, height, sex; every other
//! covariate at the model file's stated default, said so; CYP3A5 \*3/\*3
//! where the cohort's figure is that genotype's; prednisolone 1 mg/kg/day as
//! in the DM-IP cohorts, so Press 2010's prednisolone effect is on), each
//! model's typical (η = 0) steady-state C0 and C2 at the cohort's regimen,
//! beside what the cohort measured ([`super::cohorts`]), flagged when more
//! than 1 SD away (or outside the published range where no SD is given).

use super::assume::{fill_missing, Assumption};
use super::cohorts::{
    self, Cohort, CohortDose, CohortFigure, PREDNISOLONE_MG_PER_KG_DAY, PREDNISOLONE_SOURCE,
};
use super::other_models::short_name;
use super::starting_dose::label_regimen;
use super::targets::Drug;
use crate::catalog::{builtin, builtin_ids, Covariates, ModelDef};
use crate::clinical::body::Sex;
use crate::dose::{per_mg, Metric};
use serde::Serialize;

/// The patient the check is made for: the record's size.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PopulationQuestion {
    pub drug: Drug,
    pub weight_kg: f64,
    pub height_cm: Option<f64>,
    pub sex: Option<Sex>,
}

/// Where a model's typical value lies against the cohort's figure.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(tag = "flag", rename_all = "snake_case")]
pub enum Agreement {
    /// Within 1 SD of the cohort's mean (`sds`: (predicted − mean) / SD).
    WithinSd { sds: f64 },
    /// More than 1 SD away.
    BeyondSd { sds: f64 },
    /// Inside the published range (no SD published).
    InRange,
    /// Outside it.
    OutsideRange,
    /// Only a mean was published: the ratio is shown, nothing flagged.
    MeanOnly,
}

impl Agreement {
    /// Whether the model is flagged as not matching the cohort.
    pub fn flagged(&self) -> bool {
        matches!(self, Agreement::BeyondSd { .. } | Agreement::OutsideRange)
    }
}

/// One figure of a cohort against a model.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Compared {
    /// "C0", "C2".
    pub metric: String,
    /// The model's typical steady-state value, ng/mL.
    pub predicted: f64,
    /// The cohort's mean (a C/D figure times the regimen's mg/kg/day).
    pub expected: f64,
    pub sd: Option<f64>,
    pub range: Option<(f64, f64)>,
    /// predicted / expected.
    pub ratio: f64,
    pub agreement: Agreement,
}

/// A model (or a labelled variant of one) at one regimen of a cohort.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ModelRow {
    pub model_id: String,
    /// "Press 2010".
    pub name: String,
    /// A variant is never the published model: its label says what differs.
    pub variant: Option<&'static str>,
    pub interval_h: f64,
    /// mg per dose (exact, as the cohort dosed).
    pub amount_mg: f64,
    pub mg_per_kg_day: f64,
    pub compared: Vec<Compared>,
    /// Covariates at the model's stated default.
    pub assumptions: Vec<Assumption>,
    /// Why the model could not be computed for this patient.
    pub error: Option<String>,
}

/// A cohort and each model against it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CohortCheck {
    pub cohort: Cohort,
    pub rows: Vec<ModelRow>,
}

/// The check.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PopulationCheck {
    pub drug: Drug,
    pub weight_kg: f64,
    pub height_cm: Option<f64>,
    pub sex: Option<Sex>,
    /// The prednisolone dose given to models that have it, mg/day.
    pub prednisolone_mg_day: f64,
    pub prednisolone_source: &'static str,
    pub cohorts: Vec<CohortCheck>,
}

/// Why the check cannot be made.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum PopulationError {
    #[error("the body weight must be a positive number of kg (got {0})")]
    Weight(f64),
}

/// Press 2010 with its prednisolone effect switched off (PSL 0): a labelled
/// variant, never under the published name.
pub const WITHOUT_PREDNISOLONE: &str = "variant: prednisolone effect off (PSL 0)";

/// The check for the record's size.
pub fn population_check(q: &PopulationQuestion) -> Result<PopulationCheck, PopulationError> {
    let w = q.weight_kg;
    if !(w.is_finite() && w > 0.0) {
        return Err(PopulationError::Weight(w));
    }
    let psl = PREDNISOLONE_MG_PER_KG_DAY * w;
    let models: Vec<(&str, ModelDef)> = builtin_ids()
        .filter_map(|id| Some((id, builtin(id)?.ok()?)))
        .filter(|(_, d)| drug_of(d) == Some(q.drug))
        .collect();
    let cohorts = cohorts::of(q.drug)
        .map(|cohort| {
            let mut rows = Vec::new();
            for (id, def) in &models {
                let mut variants = vec![(None, psl)];
                if def.uses_covariate("PSL") {
                    variants.push((Some(WITHOUT_PREDNISOLONE), 0.0));
                }
                for (variant, psl) in variants {
                    for &tau in cohort.intervals_h {
                        rows.push(row(q, cohort, (id, def), variant, psl, tau));
                    }
                }
            }
            CohortCheck {
                cohort: *cohort,
                rows,
            }
        })
        .collect();
    Ok(PopulationCheck {
        drug: q.drug,
        weight_kg: w,
        height_cm: q.height_cm,
        sex: q.sex,
        prednisolone_mg_day: psl,
        prednisolone_source: PREDNISOLONE_SOURCE,
        cohorts,
    })
}

/// The drug a model file is for.
pub fn drug_of(def: &ModelDef) -> Option<Drug> {
    match def.file.drug.as_str() {
        "cyclosporine" => Some(Drug::Cyclosporine),
        "tacrolimus" => Some(Drug::Tacrolimus),
        _ => None,
    }
}

/// The typical patient's covariates for `def`: weight, height and sex as
/// given, prednisolone `psl` mg/day, CYP3A5 `cyp3a5`, no cystic fibrosis,
/// Prograf twice daily; every other covariate the model uses at its stated
/// default (listed).
pub fn typical_patient(
    def: &ModelDef,
    size: (f64, Option<f64>, Option<Sex>),
    psl: f64,
    cyp3a5: Option<f64>,
) -> (Covariates, Vec<Assumption>) {
    let (weight, height, sex) = size;
    let mut given = Covariates::new();
    given.insert("WT".into(), weight);
    if let Some(h) = height {
        given.insert("HT".into(), h);
    }
    if let Some(s) = sex {
        given.insert("SEX".into(), if s == Sex::Female { 1.0 } else { 0.0 });
    }
    given.insert("PSL".into(), psl);
    if let Some(g) = cyp3a5 {
        given.insert("CYP3A5".into(), g);
    }
    // Monchaud 2012: cystic fibrosis is not part of DM/PM-IP; Woillard
    // 2011: FORM = 1 is Prograf twice daily, the label's regimen.
    given.insert("CF".into(), 0.0);
    given.insert("FORM".into(), 1.0);
    let (cov, assumptions, _) = fill_missing(def, &given);
    (cov, assumptions)
}

/// The typical (η = 0) steady-state values of `metrics` per mg dosed every
/// `tau` hours.
pub fn typical_per_mg(
    def: &ModelDef,
    cov: &Covariates,
    tau: f64,
    metrics: &[Metric],
) -> Result<Vec<f64>, String> {
    let model = def.individual(cov, &[], &[])?;
    per_mg(&model, tau, metrics).map_err(|e| e.to_string())
}

fn row(
    q: &PopulationQuestion,
    cohort: &Cohort,
    (id, def): (&str, &ModelDef),
    variant: Option<&'static str>,
    psl: f64,
    tau: f64,
) -> ModelRow {
    let w = q.weight_kg;
    let (cov, assumptions) = typical_patient(def, (w, q.height_cm, q.sex), psl, cohort.cyp3a5);
    let mut out = ModelRow {
        model_id: id.to_owned(),
        name: short_name(&def.file.name),
        variant,
        interval_h: tau,
        amount_mg: f64::NAN,
        mg_per_kg_day: f64::NAN,
        compared: Vec::new(),
        assumptions,
        error: None,
    };
    let mut metrics: Vec<Metric> = cohort.figures.iter().map(|f| f.metric).collect();
    if let CohortDose::Reaching { metric, .. } = cohort.dose {
        metrics.push(metric);
    }
    let units = match typical_per_mg(def, &cov, tau, &metrics) {
        Ok(u) => u,
        Err(e) => {
            out.error = Some(e);
            return out;
        }
    };
    let per_day = 24.0 / tau;
    let amount = match cohort.dose {
        CohortDose::MgPerKgDay { mg_per_kg_day } => mg_per_kg_day * w / per_day,
        CohortDose::MgPerDay { mg_per_day } => mg_per_day / per_day,
        CohortDose::TacrolimusLabel => label_regimen(w).map_or(f64::NAN, |l| l.amount_mg),
        CohortDose::Reaching { value, .. } => units
            .last()
            .filter(|u| **u > 0.0)
            .map_or(f64::NAN, |u| value / u),
    };
    if !amount.is_finite() {
        out.error = Some("the model predicts no exposure for this regimen".into());
        return out;
    }
    out.amount_mg = amount;
    out.mg_per_kg_day = amount * per_day / w;
    out.compared = cohort
        .figures
        .iter()
        .zip(&units)
        .map(|(f, u)| compare(f, amount * u, out.mg_per_kg_day))
        .collect();
    out
}

fn compare(f: &CohortFigure, predicted: f64, mg_per_kg_day: f64) -> Compared {
    let scale = if f.per_mg_kg_day { mg_per_kg_day } else { 1.0 };
    let expected = f.mean * scale;
    let sd = f.sd.map(|s| s * scale);
    let range = f.range.map(|(a, b)| (a * scale, b * scale));
    let agreement = match (sd, range) {
        (Some(sd), _) => {
            let sds = (predicted - expected) / sd;
            if sds.abs() > 1.0 {
                Agreement::BeyondSd { sds }
            } else {
                Agreement::WithinSd { sds }
            }
        }
        (None, Some((low, high))) => {
            if (low..=high).contains(&predicted) {
                Agreement::InRange
            } else {
                Agreement::OutsideRange
            }
        }
        (None, None) => Agreement::MeanOnly,
    };
    Compared {
        metric: f.metric.label(),
        predicted,
        expected,
        sd,
        range,
        ratio: predicted / expected,
        agreement,
    }
}

//! The model file as written (TOML), before validation. Documented with a
//! worked example in `engine/models/README.md`.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModelFile {
    /// Format version of the file (1).
    pub format: u32,
    pub id: String,
    pub drug: String,
    pub name: String,
    pub citation: String,
    pub population: String,
    #[serde(default)]
    pub assay: Option<String>,
    #[serde(default)]
    pub notes: Option<String>,
    pub structure: StructureSpec,
    pub units: UnitsSpec,
    pub parameters: BTreeMap<String, ParameterSpec>,
    #[serde(default)]
    pub omega: Option<OmegaSpec>,
    #[serde(default)]
    pub iov: Option<OmegaSpec>,
    pub error: ErrorSpec,
    #[serde(default)]
    pub covariates: Vec<CovariateSpec>,
    #[serde(default)]
    pub products: Vec<ProductSpec>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StructureSpec {
    /// 1, 2 or 3.
    pub compartments: usize,
    /// "iv", "first_order" or "transit".
    pub absorption: String,
    /// Transit: number of compartments draining at KTR, *including the
    /// dosing depot*.
    #[serde(default)]
    pub transit_compartments: Option<usize>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UnitsSpec {
    pub dose: String,
    pub concentration: String,
    /// Concentration = central amount / V1 × scale.
    pub scale: f64,
    #[serde(default = "default_time")]
    pub time: String,
}

fn default_time() -> String {
    "h".into()
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ParameterSpec {
    pub typical: f64,
    /// Name of the between-subject η (in `[omega] eta`) on this parameter.
    #[serde(default)]
    pub eta: Option<String>,
    /// Name of the between-occasion η (in `[iov] eta`) on this parameter.
    #[serde(default)]
    pub iov: Option<String>,
    #[serde(default)]
    pub covariates: Vec<EffectSpec>,
    /// Covariate states in which the parameter has another typical value
    /// and/or another η (the first state that holds wins).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub when: Vec<StateSpec>,
}

/// A covariate state of a parameter: while covariate `name` equals
/// `equals`, the parameter's typical value is `typical` and its η is `eta`
/// (each, when absent, the parameter's own). Covariate effects apply in
/// every state.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StateSpec {
    pub name: String,
    pub equals: f64,
    #[serde(default)]
    pub typical: Option<f64>,
    #[serde(default)]
    pub eta: Option<String>,
}

/// One covariate effect; which optional key is present selects the form.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EffectSpec {
    pub name: String,
    /// Power: × (cov / reference)^power.
    #[serde(default)]
    pub power: Option<f64>,
    /// Exponential: × exp(exponential · (cov − reference)).
    #[serde(default)]
    pub exponential: Option<f64>,
    /// Linear: × (1 + linear · (cov − reference)).
    #[serde(default)]
    pub linear: Option<f64>,
    #[serde(default)]
    pub reference: Option<f64>,
    /// Categorical: × the factor of the covariate's level ("0", "1", …).
    #[serde(default)]
    pub levels: Option<BTreeMap<String, f64>>,
    /// Threshold: × `factor` when cov ≥ `at_least`.
    #[serde(default)]
    pub at_least: Option<f64>,
    #[serde(default)]
    pub factor: Option<f64>,
}

/// Variances of the η's, in the order of `eta`: exactly one of `variance`,
/// `cv_percent` (ω² = ln(1 + CV²)), `sd` (ω² = SD²) or `block` (full
/// symmetric variance–covariance matrix).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OmegaSpec {
    pub eta: Vec<String>,
    #[serde(default)]
    pub variance: Option<Vec<f64>>,
    #[serde(default)]
    pub cv_percent: Option<Vec<f64>>,
    #[serde(default)]
    pub sd: Option<Vec<f64>>,
    #[serde(default)]
    pub block: Option<Vec<Vec<f64>>>,
}

/// Residual error: `model` = "additive", "proportional", "combined"
/// (Var = a² + b²·f²), "additive_plus_proportional_sd" (SD = a + b·f) or
/// "log_additive" (on ln C); SDs or variances.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ErrorSpec {
    pub model: String,
    #[serde(default)]
    pub additive_sd: Option<f64>,
    #[serde(default)]
    pub proportional_sd: Option<f64>,
    #[serde(default)]
    pub log_sd: Option<f64>,
    #[serde(default)]
    pub log_variance: Option<f64>,
    #[serde(default)]
    pub proportional_variance: Option<f64>,
}

/// A covariate the model uses, with the domain of the source population.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CovariateSpec {
    pub name: String,
    pub unit: String,
    pub description: String,
    /// Range seen in the source population `[min, max]`, when published.
    #[serde(default)]
    pub range: Option<[f64; 2]>,
    /// Value of the typical patient (the reference of power effects).
    #[serde(default)]
    pub typical: Option<f64>,
    /// A covariate computed from others when not given itself: the name of
    /// a formula the engine knows (`ffm_janmahasatian`: fat-free mass from
    /// WT, HT and SEX).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub derived: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProductSpec {
    pub name: String,
    pub strengths_mg: Vec<f64>,
    #[serde(default)]
    pub source: Option<String>,
}

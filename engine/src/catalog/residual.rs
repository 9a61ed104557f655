//! Residual error models.

use super::schema::ErrorSpec;
use super::CatalogError;
use serde::Serialize;

/// How an observation scatters around the prediction `f`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(tag = "model", rename_all = "snake_case")]
pub enum ResidualError {
    /// y = f + ε, SD `sd`.
    Additive { sd: f64 },
    /// y = f·(1 + ε), SD `sd`.
    Proportional { sd: f64 },
    /// Var = a² + b²·f².
    Combined {
        additive_sd: f64,
        proportional_sd: f64,
    },
    /// ln y = ln f + ε, SD `sd`.
    LogAdditive { sd: f64 },
}

fn sd(field: &str, v: Option<f64>) -> Result<f64, CatalogError> {
    match v {
        Some(x) if x.is_finite() && x > 0.0 => Ok(x),
        Some(x) => Err(CatalogError::new(field, format!("must be > 0 (got {x})"))),
        None => Err(CatalogError::new(field, "is missing")),
    }
}

impl ResidualError {
    pub fn from_spec(s: &ErrorSpec) -> Result<ResidualError, CatalogError> {
        let proportional = || match (s.proportional_sd, s.proportional_variance) {
            (Some(_), Some(_)) => Err(CatalogError::new(
                "error",
                "give proportional_sd or proportional_variance, not both",
            )),
            (None, Some(v)) => sd("error.proportional_variance", Some(v)).map(f64::sqrt),
            (p, None) => sd("error.proportional_sd", p),
        };
        match s.model.as_str() {
            "additive" => Ok(ResidualError::Additive {
                sd: sd("error.additive_sd", s.additive_sd)?,
            }),
            "proportional" => Ok(ResidualError::Proportional {
                sd: proportional()?,
            }),
            "combined" => Ok(ResidualError::Combined {
                additive_sd: sd("error.additive_sd", s.additive_sd)?,
                proportional_sd: proportional()?,
            }),
            "log_additive" => {
                let v = match (s.log_sd, s.log_variance) {
                    (Some(_), Some(_)) => {
                        return Err(CatalogError::new(
                            "error",
                            "give log_sd or log_variance, not both",
                        ))
                    }
                    (None, Some(v)) => sd("error.log_variance", Some(v))?.sqrt(),
                    (l, None) => sd("error.log_sd", l)?,
                };
                Ok(ResidualError::LogAdditive { sd: v })
            }
            other => Err(CatalogError::new(
                "error.model",
                format!("“{other}” is not one of additive, proportional, combined, log_additive"),
            )),
        }
    }

    /// Whether observations and predictions are compared on the log scale.
    pub fn is_log(&self) -> bool {
        matches!(self, ResidualError::LogAdditive { .. })
    }

    /// Whether the SD vanishes (or ln f diverges) as the prediction goes
    /// to 0, so that a prediction of 0 needs a floor in the likelihood.
    pub fn degenerate_at_zero(&self) -> bool {
        matches!(
            self,
            ResidualError::Proportional { .. } | ResidualError::LogAdditive { .. }
        )
    }

    /// Variance of the observation (of ln y for the log-additive model)
    /// at prediction `f`.
    pub fn variance(&self, f: f64) -> f64 {
        match *self {
            ResidualError::Additive { sd } => sd * sd,
            ResidualError::Proportional { sd } => (sd * f).powi(2),
            ResidualError::Combined {
                additive_sd,
                proportional_sd,
            } => additive_sd.powi(2) + (proportional_sd * f).powi(2),
            ResidualError::LogAdditive { sd } => sd * sd,
        }
    }
}

//! Covariate effects on a typical value, and the covariate values of one
//! patient.

use super::schema::EffectSpec;
use super::CatalogError;
use std::collections::BTreeMap;

/// Covariate values of one patient by name (as the model file names them).
pub type Covariates = BTreeMap<String, f64>;

/// A validated covariate effect: a factor on the typical value.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    Power {
        cov: String,
        exponent: f64,
        reference: f64,
    },
    Exponential {
        cov: String,
        theta: f64,
        reference: f64,
    },
    Linear {
        cov: String,
        theta: f64,
        reference: f64,
    },
    Categorical {
        cov: String,
        levels: Vec<(f64, f64)>,
    },
    Threshold {
        cov: String,
        at_least: f64,
        factor: f64,
    },
}

fn finite(field: &str, v: f64) -> Result<f64, CatalogError> {
    if v.is_finite() {
        Ok(v)
    } else {
        Err(CatalogError::new(
            field,
            format!("must be a finite number (got {v})"),
        ))
    }
}

impl Effect {
    pub fn from_spec(field: &str, s: &EffectSpec) -> Result<Effect, CatalogError> {
        let forms = [
            s.power.is_some(),
            s.exponential.is_some(),
            s.linear.is_some(),
            s.levels.is_some(),
            s.at_least.is_some(),
        ];
        if forms.iter().filter(|f| **f).count() != 1 {
            return Err(CatalogError::new(
                field,
                "give exactly one of power, exponential, linear, levels or at_least",
            ));
        }
        let cov = s.name.clone();
        let reference = |form: &str| {
            s.reference
                .ok_or_else(|| {
                    CatalogError::new(field, format!("a {form} effect needs `reference`"))
                })
                .and_then(|r| finite(&format!("{field}.reference"), r))
        };
        if let Some(exponent) = s.power {
            let reference = reference("power")?;
            if reference <= 0.0 {
                return Err(CatalogError::new(
                    field,
                    "a power effect needs reference > 0",
                ));
            }
            return Ok(Effect::Power {
                cov,
                exponent: finite(field, exponent)?,
                reference,
            });
        }
        if let Some(theta) = s.exponential {
            return Ok(Effect::Exponential {
                cov,
                theta: finite(field, theta)?,
                reference: reference("exponential")?,
            });
        }
        if let Some(theta) = s.linear {
            return Ok(Effect::Linear {
                cov,
                theta: finite(field, theta)?,
                reference: reference("linear")?,
            });
        }
        if let Some(levels) = &s.levels {
            let mut parsed = Vec::new();
            for (level, factor) in levels {
                let value: f64 = level.trim().parse().map_err(|_| {
                    CatalogError::new(field, format!("level “{level}” is not a number"))
                })?;
                parsed.push((value, positive_factor(field, *factor)?));
            }
            return Ok(Effect::Categorical {
                cov,
                levels: parsed,
            });
        }
        let at_least = finite(field, s.at_least.unwrap_or(f64::NAN))?;
        let factor = s
            .factor
            .ok_or_else(|| CatalogError::new(field, "an at_least effect needs `factor`"))?;
        Ok(Effect::Threshold {
            cov,
            at_least,
            factor: positive_factor(field, factor)?,
        })
    }

    pub fn covariate(&self) -> &str {
        match self {
            Effect::Power { cov, .. }
            | Effect::Exponential { cov, .. }
            | Effect::Linear { cov, .. }
            | Effect::Categorical { cov, .. }
            | Effect::Threshold { cov, .. } => cov,
        }
    }

    /// The factor for covariate value `x`, or why it cannot be computed.
    pub fn factor(&self, x: f64) -> Result<f64, String> {
        let f = match self {
            Effect::Power {
                exponent,
                reference,
                ..
            } => {
                if x <= 0.0 {
                    return Err(format!("{} must be > 0 (got {x})", self.covariate()));
                }
                (x / reference).powf(*exponent)
            }
            Effect::Exponential {
                theta, reference, ..
            } => (theta * (x - reference)).exp(),
            Effect::Linear {
                theta, reference, ..
            } => 1.0 + theta * (x - reference),
            Effect::Categorical { levels, .. } => {
                match levels.iter().find(|(level, _)| *level == x) {
                    Some((_, factor)) => *factor,
                    None => {
                        let known: Vec<String> =
                            levels.iter().map(|(l, _)| l.to_string()).collect();
                        return Err(format!(
                            "{} must be one of {} (got {x})",
                            self.covariate(),
                            known.join(", ")
                        ));
                    }
                }
            }
            Effect::Threshold {
                at_least, factor, ..
            } => {
                if x >= *at_least {
                    *factor
                } else {
                    1.0
                }
            }
        };
        if f.is_finite() && f > 0.0 {
            Ok(f)
        } else {
            Err(format!(
                "{} = {x} gives an impossible parameter value",
                self.covariate()
            ))
        }
    }
}

fn positive_factor(field: &str, f: f64) -> Result<f64, CatalogError> {
    if f.is_finite() && f > 0.0 {
        Ok(f)
    } else {
        Err(CatalogError::new(
            field,
            format!("factor must be > 0 (got {f})"),
        ))
    }
}

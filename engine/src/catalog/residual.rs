//! Residual error models.
//!
//! Two ways of combining an additive and a proportional part are in use,
//! and files must say which:
//! - `combined`: Var = a² + b²·f² (the SDs add in quadrature; NONMEM's usual
//!   `W = SQRT(THETA(a)**2 + THETA(b)**2*IPRED**2)`, posologyr
//!   `error_model_comb2`);
//! - `additive_plus_proportional_sd`: SD = a + b·f (the SDs add; posologyr
//!   `error_model_comb1`, g = sigma[1] + sigma[2]·f).
//!
//! posologyr: Leven C et al., posologyr R package, reference manual v1.2.4
//! (CRAN), `error_model_comb1` and `error_model_comb2`.

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
    /// Var = a² + b²·f² (`combined`, posologyr "combined2").
    Combined {
        additive_sd: f64,
        proportional_sd: f64,
    },
    /// SD = a + b·f, so Var = (a + b·f)² (`additive_plus_proportional_sd`,
    /// posologyr "combined1").
    AdditivePlusProportionalSd {
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

/// The model names a file may give, with the fields each one reads.
const MODELS: [(&str, &[&str]); 5] = [
    ("additive", &["additive_sd"]),
    (
        "proportional",
        &["proportional_sd", "proportional_variance"],
    ),
    (
        "combined",
        &["additive_sd", "proportional_sd", "proportional_variance"],
    ),
    (
        "additive_plus_proportional_sd",
        &["additive_sd", "proportional_sd", "proportional_variance"],
    ),
    ("log_additive", &["log_sd", "log_variance"]),
];

/// A field given that `model` does not read is an error naming it (a file
/// that means another error model must not be read as this one).
fn unused_fields(s: &ErrorSpec) -> Result<(), CatalogError> {
    let Some((_, reads)) = MODELS.iter().find(|(m, _)| *m == s.model) else {
        return Ok(());
    };
    let given = [
        ("additive_sd", s.additive_sd),
        ("proportional_sd", s.proportional_sd),
        ("proportional_variance", s.proportional_variance),
        ("log_sd", s.log_sd),
        ("log_variance", s.log_variance),
    ];
    match given
        .iter()
        .find(|(name, v)| v.is_some() && !reads.contains(name))
    {
        Some((name, _)) => Err(CatalogError::new(
            &format!("error.{name}"),
            format!(
                "is not read by model “{}” (it reads {})",
                s.model,
                reads.join(", ")
            ),
        )),
        None => Ok(()),
    }
}

impl ResidualError {
    pub fn from_spec(s: &ErrorSpec) -> Result<ResidualError, CatalogError> {
        unused_fields(s)?;
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
            "additive_plus_proportional_sd" => Ok(ResidualError::AdditivePlusProportionalSd {
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
                format!(
                    "“{other}” is not one of {}",
                    MODELS.map(|(m, _)| m).join(", ")
                ),
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

    /// A measurement of prediction `f` with the residual error at `z`
    /// standard deviations: f + SD(f)·z, or f·exp(SD·z) for the
    /// log-additive model (a proportional error is f·(1 + b·z)). Not
    /// floored: an additive part can make it ≤ 0, as NONMEM's $SIM draws.
    pub fn observe(&self, f: f64, z: f64) -> f64 {
        let sd = self.variance(f).sqrt();
        if self.is_log() {
            f * (sd * z).exp()
        } else {
            f + sd * z
        }
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
            ResidualError::AdditivePlusProportionalSd {
                additive_sd,
                proportional_sd,
            } => (additive_sd + proportional_sd * f).powi(2),
            ResidualError::LogAdditive { sd } => sd * sd,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(model: &str) -> ErrorSpec {
        ErrorSpec {
            model: model.into(),
            additive_sd: None,
            proportional_sd: None,
            log_sd: None,
            log_variance: None,
            proportional_variance: None,
        }
    }

    #[test]
    fn the_sum_of_sds_and_the_sum_of_variances_differ_by_hand() {
        let both = |model| ErrorSpec {
            additive_sd: Some(0.5),
            proportional_sd: Some(0.1),
            ..spec(model)
        };
        let sum = ResidualError::from_spec(&both("additive_plus_proportional_sd")).unwrap();
        let quad = ResidualError::from_spec(&both("combined")).unwrap();
        // f = 10: SD = 0.5 + 0.1·10 = 1.5, Var = 2.25; Var = 0.25 + 1 = 1.25.
        assert!((sum.variance(10.0) - 2.25).abs() < 1e-12);
        assert!((quad.variance(10.0) - 1.25).abs() < 1e-12);
        // At f = 0 both are the additive part alone: 0.25.
        assert!((sum.variance(0.0) - 0.25).abs() < 1e-12);
        assert!(!sum.degenerate_at_zero());
    }

    #[test]
    fn a_measurement_is_drawn_on_the_scale_of_the_error_model() {
        // f = 10, z = 1.5: additive a = 0.5 → 10.75; proportional b = 0.1
        // → 10·(1 + 0.15) = 11.5; combined √(0.25 + 1) = 1.1180 → 11.677;
        // SD sum 0.5 + 1 = 1.5 → 12.25; log SD 0.2 → 10·e^0.3 = 13.4986.
        let cases = [
            (ResidualError::Additive { sd: 0.5 }, 10.75),
            (ResidualError::Proportional { sd: 0.1 }, 11.5),
            (
                ResidualError::Combined {
                    additive_sd: 0.5,
                    proportional_sd: 0.1,
                },
                10.0 + 1.25f64.sqrt() * 1.5,
            ),
            (
                ResidualError::AdditivePlusProportionalSd {
                    additive_sd: 0.5,
                    proportional_sd: 0.1,
                },
                12.25,
            ),
            (ResidualError::LogAdditive { sd: 0.2 }, 10.0 * 0.3f64.exp()),
        ];
        for (e, want) in cases {
            assert!((e.observe(10.0, 1.5) - want).abs() < 1e-12, "{e:?}");
        }
        // An additive part can draw below 0 (kept, as NONMEM's $SIM).
        assert!(ResidualError::Additive { sd: 0.5 }.observe(0.2, -1.0) < 0.0);
    }

    #[test]
    fn an_error_model_a_file_cannot_express_names_the_field() {
        let e = ResidualError::from_spec(&spec("combined1")).unwrap_err();
        assert_eq!(e.field, "error.model");
        assert_eq!(e.message, "“combined1” is not one of additive, proportional, combined, additive_plus_proportional_sd, log_additive");
        let e = ResidualError::from_spec(&ErrorSpec {
            proportional_sd: Some(0.2),
            log_sd: Some(0.1),
            ..spec("proportional")
        })
        .unwrap_err();
        assert_eq!(e.field, "error.log_sd");
        assert_eq!(
            e.message,
            "is not read by model “proportional” (it reads proportional_sd, proportional_variance)"
        );
        let e = ResidualError::from_spec(&ErrorSpec {
            proportional_sd: Some(0.2),
            ..spec("additive_plus_proportional_sd")
        })
        .unwrap_err();
        assert_eq!(e.field, "error.additive_sd");
        assert_eq!(e.message, "is missing");
    }
}

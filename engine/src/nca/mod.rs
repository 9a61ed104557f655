//! Non-compartmental analysis (NCA) with PKNCA / WinNonlin conventions.
//!
//! - AUC by one of PKNCA's `auc.method`s ([`Method`]): linear, linear-up/
//!   log-down (default: the log trapezoid where the concentration falls
//!   between positive values) or lin-log (linear up to Tmax, log after it
//!   between positive values).
//! - λz by log-linear regression on the last n ≥ `min.hl.points` positive
//!   points after Tmax (from Tmax on for an IV bolus), n by the adjusted-R²
//!   rule ([`lambda_z::select`]). The rules carry PKNCA's option names
//!   ([`LambdaZRules`]); a value that breaks `min.span.ratio`,
//!   `max.aucinf.pext` or `min.hl.r.squared` is reported with an
//!   [`Exclusion`] naming the rule.
//! - Dose at t = 0. With no sample at t = 0: C(0) = 0 for a single
//!   extravascular or infusion dose, C(0) = Cmin of the interval at steady
//!   state (WinNonlin), C0 back-extrapolated for an IV bolus. Always flagged.
//! - BLQ handling by a named [`BlqRule`] (PKNCA default).
//! - The parameters of WinNonlin's and PKNCA's NCA (AUClast, AUCall, AUCinf
//!   and AUMCinf observed and predicted with their % extrapolated, MRT, CL,
//!   Vz, Vss, Tlag, dose-normalised values …), each under its JSON key and
//!   its CDISC PPTESTCD, from one table (`table.rs`).
//! - Every `null` in [`NcaResult`] has a flag saying why; no value is NaN or ∞.
//! - Partial areas come from [`Profile::partial_auc`]; past Clast they follow
//!   the λz line (exact exponential area, whatever the method).

mod auc;
pub mod blq;
mod derived;
pub mod lambda_z;
mod params;
mod profile;
mod result;
mod rules;
mod table;

pub use blq::{BlqAction, BlqRule};
pub use profile::Profile;
pub use result::NcaResult;
pub use rules::{Exclusion, LambdaZRules, RuleError};
pub use table::Num;

use serde::Serialize;
use std::str::FromStr;

/// How areas between samples are computed (PKNCA's `auc.method`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Method {
    /// The linear trapezoid everywhere (PKNCA "linear").
    Linear,
    /// The log trapezoid where the concentration falls between positive
    /// values, linear elsewhere (PKNCA "lin up/log down", WinNonlin
    /// "Linear Up Log Down").
    #[default]
    LinUpLogDown,
    /// Linear up to Tmax, the log trapezoid after it between positive
    /// unequal values, rising or falling (PKNCA "lin-log", WinNonlin
    /// "Linear Log").
    LinLog,
}

impl FromStr for Method {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s.trim().to_ascii_lowercase().as_str() {
            "linear" | "lin" => Ok(Self::Linear),
            "linup-logdown" | "lin-up-log-down" | "linear-up-log-down" | "linuplogdown"
            | "lin up/log down" => Ok(Self::LinUpLogDown),
            "linlog" | "lin-log" | "linear-log" => Ok(Self::LinLog),
            other => Err(format!(
                "unknown method '{other}' (use linear, linup-logdown or linlog)"
            )),
        }
    }
}

/// Route of administration; the dose is given at t = 0.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub enum Route {
    #[default]
    Extravascular,
    IvBolus,
    /// Zero-order infusion over `duration` hours from t = 0.
    IvInfusion {
        duration: f64,
    },
}

impl Route {
    pub fn name(&self) -> &'static str {
        match self {
            Self::Extravascular => "extravascular",
            Self::IvBolus => "iv-bolus",
            Self::IvInfusion { .. } => "iv-infusion",
        }
    }
}

/// A sample's concentration: a number, or below the limit of quantification.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Conc {
    Measured(f64),
    Blq,
}

/// One sample: time after the dose (h) and concentration.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Sample {
    pub time: f64,
    pub conc: Conc,
}

impl Sample {
    pub fn measured(time: f64, conc: f64) -> Self {
        Self {
            time,
            conc: Conc::Measured(conc),
        }
    }
}

/// NCA settings. `tau` set means steady state with dosing interval `tau`.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct NcaOptions {
    pub method: Method,
    pub route: Route,
    pub dose: Option<f64>,
    pub tau: Option<f64>,
    pub blq: BlqRule,
    pub rules: LambdaZRules,
}

impl NcaOptions {
    fn validate(&self) -> Result<(), NcaError> {
        let positive = |option: NcaOption, v: Option<f64>| match v {
            Some(value) if !(value.is_finite() && value > 0.0) => {
                Err(NcaError::Option { option, value })
            }
            _ => Ok(()),
        };
        positive(NcaOption::Dose, self.dose)?;
        positive(NcaOption::Tau, self.tau)?;
        if let Route::IvInfusion { duration } = self.route {
            positive(NcaOption::InfusionDuration, Some(duration))?;
        }
        Ok(())
    }
}

/// Input the NCA cannot work with. `sample` is 1-based. In words:
/// `crate::text`, whose English is also its `Display`.
#[derive(Debug, Clone, PartialEq)]
pub enum NcaError {
    Time {
        sample: usize,
        time: f64,
    },
    Concentration {
        sample: usize,
        conc: f64,
    },
    Order {
        sample: usize,
        time: f64,
        previous: f64,
    },
    Option {
        option: NcaOption,
        value: f64,
    },
    Area(AreaError),
}

impl From<AreaError> for NcaError {
    fn from(e: AreaError) -> Self {
        NcaError::Area(e)
    }
}

/// The setting an [`NcaError::Option`] is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NcaOption {
    Dose,
    Tau,
    InfusionDuration,
}

/// Why an area over an interval cannot be computed (times in h). In
/// words: `crate::text`, whose English is also its `Display`.
#[derive(Debug, Clone, PartialEq)]
pub enum AreaError {
    Interval { from: f64, to: f64 },
    Empty,
    NoLambdaZ { to: f64, last: f64 },
}

/// Runs the NCA of one profile.
pub fn nca(samples: &[Sample], opts: &NcaOptions) -> Result<NcaResult, NcaError> {
    let profile = Profile::new(samples, opts)?;
    Ok(params::compute(&profile, opts))
}

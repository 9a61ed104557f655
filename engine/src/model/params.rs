//! Structure and parameter values of a linear compartment model.

use serde::{Deserialize, Serialize};

/// How a dose reaches the central compartment.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Absorption {
    /// Doses go straight into the central compartment (IV bolus/infusion).
    Iv,
    /// Depot → central at rate `ka` (1/h).
    FirstOrder { ka: f64 },
    /// Erlang chain: `n` compartments, *including the dosing depot*, each
    /// draining at rate `ktr` (1/h) into the next, the last into central.
    /// `n = 1` is first-order absorption with ka = ktr.
    /// (Counted so: Press 2010 n = 2, its depot and one transit; Woillard
    /// 2011 n = 3, as nlmixr2lib counts its three transits; Monchaud 2012
    /// n = 5, Tucuxi's erlang4, the depot and four transits.)
    Transit { n: usize, ktr: f64 },
}

/// Distribution and elimination.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Disposition {
    /// Clearances (L/h) and volumes (L): CL and V1, then (Q, V) per
    /// peripheral compartment (at most two).
    Clearance {
        cl: f64,
        v1: f64,
        peripherals: Vec<(f64, f64)>,
    },
    /// Micro-constants (1/h): k10, then (k1p, kp1) per peripheral
    /// compartment; V1 (L) turns the central amount into a concentration.
    Micro {
        k10: f64,
        v1: f64,
        peripherals: Vec<(f64, f64)>,
    },
}

/// A fully specified linear compartment model.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PkModel {
    pub absorption: Absorption,
    pub disposition: Disposition,
    /// Fraction of a depot dose that reaches the system (F1).
    pub bioavailability: f64,
    /// Lag time of depot doses, h (ALAG1).
    pub lag: f64,
    /// Concentration = central amount / V1 × `scale` (1000 for mg and L →
    /// ng/mL).
    pub scale: f64,
}

/// A model that cannot be computed, in words a user can act on.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ModelError {
    #[error("{field} must be a positive finite number (got {value})")]
    NotPositive { field: &'static str, value: f64 },
    #[error("{field} must be a finite number ≥ 0 (got {value})")]
    Negative { field: &'static str, value: f64 },
    #[error("{field} must be at least {min} (got {value})")]
    TooSmall {
        field: &'static str,
        value: f64,
        min: f64,
    },
    #[error("at most {max} peripheral compartments are supported (got {got})")]
    TooManyPeripherals { got: usize, max: usize },
    #[error("a transit chain needs 1 to {max} compartments (got {got})")]
    TransitCount { got: usize, max: usize },
    #[error("steady state needs a dosing interval longer than the lag time plus the infusion duration of the same dose ({detail})")]
    SteadyStateOverlap { detail: String },
    #[error("the model has no elimination, so a steady state does not exist")]
    NoSteadyState,
    #[error(transparent)]
    Dosing(#[from] crate::dosing::DosingError),
}

/// Most peripheral compartments a model may have (3-compartment models).
pub const MAX_PERIPHERALS: usize = 2;
/// Longest transit chain accepted (published CsA/tacrolimus models use ≤ 5;
/// the bound only keeps matrices small).
pub const MAX_TRANSIT: usize = 24;

pub(crate) fn positive(field: &'static str, value: f64) -> Result<f64, ModelError> {
    if value.is_finite() && value > 0.0 {
        Ok(value)
    } else {
        Err(ModelError::NotPositive { field, value })
    }
}

pub(crate) fn non_negative(field: &'static str, value: f64) -> Result<f64, ModelError> {
    if value.is_finite() && value >= 0.0 {
        Ok(value)
    } else {
        Err(ModelError::Negative { field, value })
    }
}

impl Disposition {
    /// Number of peripheral compartments.
    pub fn peripherals(&self) -> usize {
        match self {
            Disposition::Clearance { peripherals, .. } | Disposition::Micro { peripherals, .. } => {
                peripherals.len()
            }
        }
    }

    /// Central volume V1, L.
    pub fn v1(&self) -> f64 {
        match self {
            Disposition::Clearance { v1, .. } | Disposition::Micro { v1, .. } => *v1,
        }
    }

    /// Micro-constants `(k10, [(k1p, kp1)])`.
    pub fn micro(&self) -> (f64, Vec<(f64, f64)>) {
        match self {
            Disposition::Clearance {
                cl,
                v1,
                peripherals,
            } => (
                cl / v1,
                peripherals.iter().map(|(q, v)| (q / v1, q / v)).collect(),
            ),
            Disposition::Micro {
                k10, peripherals, ..
            } => (*k10, peripherals.clone()),
        }
    }

    fn validate(&self) -> Result<(), ModelError> {
        let n = self.peripherals();
        if n > MAX_PERIPHERALS {
            return Err(ModelError::TooManyPeripherals {
                got: n,
                max: MAX_PERIPHERALS,
            });
        }
        match self {
            Disposition::Clearance {
                cl,
                v1,
                peripherals,
            } => {
                non_negative("CL", *cl)?;
                positive("V1", *v1)?;
                for (q, v) in peripherals {
                    non_negative("Q", *q)?;
                    positive("peripheral volume", *v)?;
                }
            }
            Disposition::Micro {
                k10,
                v1,
                peripherals,
            } => {
                non_negative("k10", *k10)?;
                positive("V1", *v1)?;
                for (k1p, kp1) in peripherals {
                    non_negative("k12/k13", *k1p)?;
                    non_negative("k21/k31", *kp1)?;
                }
            }
        }
        Ok(())
    }
}

impl PkModel {
    /// Checks every value: positive rates and volumes, 0 < F, lag ≥ 0,
    /// scale > 0, supported sizes.
    pub fn validate(&self) -> Result<(), ModelError> {
        match self.absorption {
            Absorption::Iv => {}
            Absorption::FirstOrder { ka } => {
                positive("KA", ka)?;
            }
            Absorption::Transit { n, ktr } => {
                if n == 0 || n > MAX_TRANSIT {
                    return Err(ModelError::TransitCount {
                        got: n,
                        max: MAX_TRANSIT,
                    });
                }
                positive("KTR", ktr)?;
            }
        }
        self.disposition.validate()?;
        positive("bioavailability F", self.bioavailability)?;
        non_negative("lag time", self.lag)?;
        positive("concentration scale", self.scale)?;
        Ok(())
    }
}

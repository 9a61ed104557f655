//! IV cyclophosphamide in the record (issue 9): the plan and the pulses
//! given, with their WBC nadirs. The calculations are in
//! [`crate::clinical::cyclophosphamide`].

use crate::clinical::body::BsaFormula;
use crate::clinical::cyclophosphamide::{GivenPulse, Prescription, Regimen, Spacing};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The planned course.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct IvcyPlan {
    /// Published regimen the plan follows, if any.
    pub preset: Option<Regimen>,
    pub bsa_formula: Option<BsaFormula>,
    pub prescription: Option<Prescription>,
    pub first_pulse: Option<NaiveDate>,
    pub spacing: Option<Spacing>,
    pub pulses: Option<u32>,
}

/// IV cyclophosphamide: plan and ledger.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct IvcyRecord {
    pub plan: IvcyPlan,
    pub given: Vec<GivenPulse>,
}

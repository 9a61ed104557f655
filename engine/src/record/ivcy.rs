//! IV cyclophosphamide in the record: the plan and the pulses
//! given, with their WBC nadirs. The calculations are in
//! [`crate::clinical::cyclophosphamide`].

use crate::clinical::body::BsaFormula;
use crate::clinical::cyclophosphamide::{DayCounts, GivenPulse, Prescription, Regimen, Spacing};
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
    /// Age (years) at the first pulse, for the thresholds that depend on
    /// it; when absent the patient's current age stands in (the record
    /// keeps no birth date).
    pub age_at_first_pulse: Option<f64>,
    /// WBC and neutrophils (/µL) on the day of the next pulse.
    pub next_pulse_day: DayCounts,
}

#[cfg(test)]
mod tests {
    use super::IvcyRecord;

    #[test]
    fn the_age_at_the_first_pulse_is_optional_and_kept() {
        let old: IvcyRecord = serde_json::from_str(r#"{"plan":{},"given":[]}"#).unwrap();
        assert_eq!(old.age_at_first_pulse, None);
        assert_eq!(old.next_pulse_day.wbc_per_ul, None);
        let r = IvcyRecord {
            age_at_first_pulse: Some(31.5),
            ..IvcyRecord::default()
        };
        let text = serde_json::to_string(&r).unwrap();
        let back: IvcyRecord = serde_json::from_str(&text).unwrap();
        assert_eq!(back.age_at_first_pulse, Some(31.5));
    }
}

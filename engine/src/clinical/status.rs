//! Availability of a clinical value. Anything the pack does not verify is
//! [`Status::Unavailable`] with a [`Gap`] naming why — never a number.
//! [`Gap::ALL`] is the full list of such items (it goes into the issue note
//! and the app's self-check screen).

use crate::text::{Lang, Words};
use serde::{Deserialize, Serialize};

/// A value, or the reason it cannot be given.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum Status<T> {
    Available { value: T },
    Unavailable { gap: Gap },
}

impl<T> Status<T> {
    pub fn available(self) -> Option<T> {
        match self {
            Status::Available { value } => Some(value),
            Status::Unavailable { .. } => None,
        }
    }

    pub fn gap(&self) -> Option<Gap> {
        match self {
            Status::Available { .. } => None,
            Status::Unavailable { gap } => Some(*gap),
        }
    }
}

/// An item the clinical pack marks unverified [M], "not seen" or missing.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Gap {
    FerritinPmolFactor,
    MckRiskGroupMapping,
    FlairMortalityPerGroup,
    EularCreatinineBands,
    WbcNadirDoseAdjustment,
    IvcyRenalDoseReduction,
    TsujiIvcyDose,
    CyclopsRegimen,
    AzathioprineMaintenanceDose,
    MesnaDose,
    OvarianFailureUnder32,
    LabReferenceRange,
    Kl6OtherAssay,
    BetaDGlucanOtherKit,
    CmvCtdThreshold,
    InteractionMechanism,
    CyclosporineCyp3aRow,
    CyclosporinePotassiumRow,
    TacrolimusNephrotoxicRow,
    TacrolimusInducerRow,
    AsunaprevirVaniprevirCategory,
    PneumocystisProphylaxis,
    CreatinineRiseThreshold,
    AdverseEventThreshold,
    EarlyCombinationWindow,
    PulseDayWbcLimit,
}

impl Gap {
    pub const ALL: [Gap; 26] = [
        Gap::FerritinPmolFactor,
        Gap::MckRiskGroupMapping,
        Gap::FlairMortalityPerGroup,
        Gap::EularCreatinineBands,
        Gap::WbcNadirDoseAdjustment,
        Gap::IvcyRenalDoseReduction,
        Gap::TsujiIvcyDose,
        Gap::CyclopsRegimen,
        Gap::AzathioprineMaintenanceDose,
        Gap::MesnaDose,
        Gap::OvarianFailureUnder32,
        Gap::LabReferenceRange,
        Gap::Kl6OtherAssay,
        Gap::BetaDGlucanOtherKit,
        Gap::CmvCtdThreshold,
        Gap::InteractionMechanism,
        Gap::CyclosporineCyp3aRow,
        Gap::CyclosporinePotassiumRow,
        Gap::TacrolimusNephrotoxicRow,
        Gap::TacrolimusInducerRow,
        Gap::AsunaprevirVaniprevirCategory,
        Gap::PneumocystisProphylaxis,
        Gap::CreatinineRiseThreshold,
        Gap::AdverseEventThreshold,
        Gap::EarlyCombinationWindow,
        Gap::PulseDayWbcLimit,
    ];

    /// Why the item is unavailable, in English (both languages:
    /// `crate::text`).
    pub fn reason(self) -> &'static str {
        self.words(Lang::En)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn every_gap_listed_once_with_a_reason() {
        let set: HashSet<Gap> = Gap::ALL.into_iter().collect();
        assert_eq!(set.len(), Gap::ALL.len());
        for g in Gap::ALL {
            assert!(g.reason().len() > 40, "{g:?}");
            let bad = crate::clinical::citable::workshop_words(g.reason());
            assert!(bad.is_empty(), "{g:?}: {bad:?}");
        }
    }

    #[test]
    fn status_serialises_with_a_tag() {
        let s: Status<f64> = Status::Unavailable {
            gap: Gap::FerritinPmolFactor,
        };
        assert_eq!(
            serde_json::to_string(&s).unwrap(),
            r#"{"status":"unavailable","gap":"ferritin_pmol_factor"}"#
        );
        let a: Status<f64> = Status::Available { value: 2.5 };
        assert_eq!(a.clone().available(), Some(2.5));
        assert_eq!(s.gap(), Some(Gap::FerritinPmolFactor));
        let back: Status<f64> =
            serde_json::from_str(r#"{"status":"available","value":2.5}"#).unwrap();
        assert_eq!(back, a);
    }
}

//! Availability of a clinical value. Anything the pack does not verify is
//! [`Status::Unavailable`] with a [`Gap`] naming why — never a number.
//! [`Gap::ALL`] is the full list of such items (it goes into the issue note
//! and the app's self-check screen).

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

    /// Why the item is unavailable.
    pub fn reason(self) -> &'static str {
        match self {
            Gap::FerritinPmolFactor => "Ferritin pmol/L ↔ ng/mL: the factor (≈ 2.247) is not verified; enter ferritin in ng/mL (= µg/L).",
            Gap::MckRiskGroupMapping => "MCK: the mapping of anti-MDA5 status × number of risk factors to low/moderate/high predicted mortality, and the mortality per group, were not seen in Gono 2021 (table/figure not read). Only the number of criteria met is shown.",
            Gap::FlairMortalityPerGroup => "FLAIR: mortality per risk group is not in the abstract read (Lian 2020); only the group is shown.",
            Gap::EularCreatinineBands => "EULAR 2009 Table 6: the creatinine limits of its two columns are not in the copy of the table read (only the footnote: no separate regimen below 150 µmol/L), so for a creatinine of 150 µmol/L or more the column cannot be chosen: the lower column's dose is planned and the higher column's dose is shown beside it.",
            Gap::WbcNadirDoseAdjustment => "A dose reduction for a low WBC nadir after the previous pulse is reported only by a hospital protocol citing de Groot 2009; the trial's own text was not read, so no reduction is applied for the nadir. The nadir is shown and flagged when below the reference range.",
            Gap::IvcyRenalDoseReduction => "No dose reduction by eGFR or creatinine clearance was found in the sources read (none in the Endoxan label text read; EULAR 2009 Table 6 uses serum creatinine, not eGFR), so eGFR changes no pulse.",
            Gap::TsujiIvcyDose => "Tsuji 2020 triple therapy: the IVCY dose (500–1000 mg/m² every 2 weeks) is not verified; exact scheme not seen.",
            Gap::CyclopsRegimen => "CYCLOPS/EUVAS schedule: de Groot 2009 gives 15 mg/kg every 2 to 3 weeks; the weeks (0, 2, 4, 7, 10, 13) and the maximum per pulse (1.2 or 1.5 g) come from secondary summaries only, so the regimen is not offered as a preset.",
            Gap::AzathioprineMaintenanceDose => "Maintenance hand-over: no verified azathioprine (or other maintenance) dose.",
            Gap::MesnaDose => "Mesna: eviQ states no harmonised mesna dose is established; MSD's SLE table gives mesna equal to the cyclophosphamide dose. Not computed; shown as notes.",
            Gap::OvarianFailureUnder32 => "Ovarian failure: D50/D90 were reported for age ≥32 only; for ≤31 y the study reports 5/44 with sustained amenorrhoea, no dose threshold.",
            Gap::LabReferenceRange => "No verified reference range for this analyte; use the laboratory's own range.",
            Gap::Kl6OtherAssay => "KL-6 reference limit verified for the BML CLEIA only (<500 U/mL); other assays differ (e.g. HISCL). Store the assay and use its own limit.",
            Gap::BetaDGlucanOtherKit => "β-D-glucan limits verified for Fungitec G-test MK (≤20 pg/mL) and β-glucan test Wako (≤11 pg/mL) only; values differ by kit.",
            Gap::CmvCtdThreshold => "CMV pp65 antigenaemia: no CTD-specific action threshold was verified (only transplant thresholds, Gentile 2006); use the institutional threshold.",
            Gap::InteractionMechanism => "The label lists this pair; its wording (mechanism, advice) was not read or is not verified.",
            Gap::CyclosporineCyp3aRow => "The cyclosporine label's 10.2 row for CYP3A4 inhibitors and inducers (macrolides other than clarithromycin, calcium antagonists, rifampicin…) was not read: its category is not available. The label's class line says drugs acting on CYP3A4 or P-gp change the level: measure levels.",
            Gap::CyclosporinePotassiumRow => "The cyclosporine label's hyperkalaemia row for potassium-sparing diuretics other than spironolactone and esaxerenone was not read: its category is not available. Watch serum potassium and check the current label.",
            Gap::TacrolimusNephrotoxicRow => "The tacrolimus label's row for nephrotoxic drugs (amphotericin B, aminoglycosides, sulfamethoxazole-trimethoprim, NSAIDs…) was not read: the Japanese category is not available. Watch renal function and check the current label.",
            Gap::TacrolimusInducerRow => "The tacrolimus label's row for CYP3A4 inducers (rifampicin, antiepileptics) was not read: its category is not available. The level falls: recheck levels.",
            Gap::AsunaprevirVaniprevirCategory => "Cyclosporine + asunaprevir/vaniprevir were removed from 禁忌 in the Jul 2024 revision (DSU No.327); their current category was not found. Check the current label.",
            Gap::PneumocystisProphylaxis => "Pneumocystis prophylaxis: no verified recommendation, dose or threshold; the app only reminds to check whether prophylaxis is in place under combined immunosuppression.",
            Gap::CreatinineRiseThreshold => "Creatinine rise from baseline: no verified threshold (% or absolute) should prompt a cyclosporine or tacrolimus dose reduction. The rise is shown; judge it against the current label and the institutional rule.",
            Gap::AdverseEventThreshold => "No verified action threshold for potassium, blood pressure, glucose, HbA1c or liver enzymes (AST/ALT) during this treatment, and no reference range for them; use the laboratory's range and the institutional rule.",
            Gap::EarlyCombinationWindow => "Early combination therapy: the interval between start dates is shown in days, without a verdict (the 2-week window of Nagasawa 2003 and Takada 2007 is not applied as a rule).",
            Gap::PulseDayWbcLimit => "No numeric WBC limit for the day of a pulse was found (a 'postpone if WBC < 4000/µL' rule is not in the sources read). The Endoxan label holds the drug when the WBC has fallen to half of normal or less, without a number, and no verified WBC reference interval is at hand: the day's WBC holds no pulse here; the neutrophil rule does.",
        }
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

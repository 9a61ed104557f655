//! Statements from the literature shown next to results, each with the source
//! the pack cites. Text is English; the app's i18n table keys on the variant.

use super::sources::Source;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Note {
    // Biomarkers (pack §2).
    TwiceCutOffPoorPrognosis,
    Kl6Progression800,
    Kl6AssayDependence,
    OneOfKl6SpDSpABilled,
    FerritinTrendsMatter,
    BetaDGlucanMedienceZones,
    CmvTransplantThresholdsOnly,
    // Risk models (pack §1).
    SingleEthnicityCohorts,
    MckModel,
    MckMda5PositiveNotPredictive,
    MckMda5NegativePredictive,
    FlairCentreSpecificInputs,
    IsodaBothFactorsDied,
    Gono2010Survival,
    Gono2012Cohort,
    // Cyclophosphamide (pack §3).
    NihAdjustToResponseAndNadir,
    MesnaNoHarmonisedDose,
    MesnaEqualToCyclophosphamide,
    Hydration,
    EuroLupusFertility,
    OvarianFailureUnder32,
    Eular2009NoRegimenBelow150,
    KamedaCoTherapy,
    // Interactions (pack §4).
    InteractionTableCoverage,
    CyclosporineMeasureLevels,
    DlcoMostSensitive,
    FallingFvcWithoutIp,
    Kl6SpDNormalInAcutePhase,
    RisingFerritinAcuteIp,
    PcpProphylaxisCheck,
    CyclosporineSmxTmpCaution,
}

impl Note {
    /// Every note (the citation check runs over all of them).
    pub const ALL: [Note; 31] = [
        Note::TwiceCutOffPoorPrognosis,
        Note::Kl6Progression800,
        Note::Kl6AssayDependence,
        Note::OneOfKl6SpDSpABilled,
        Note::FerritinTrendsMatter,
        Note::BetaDGlucanMedienceZones,
        Note::CmvTransplantThresholdsOnly,
        Note::SingleEthnicityCohorts,
        Note::MckModel,
        Note::MckMda5PositiveNotPredictive,
        Note::MckMda5NegativePredictive,
        Note::FlairCentreSpecificInputs,
        Note::IsodaBothFactorsDied,
        Note::Gono2010Survival,
        Note::Gono2012Cohort,
        Note::NihAdjustToResponseAndNadir,
        Note::MesnaNoHarmonisedDose,
        Note::MesnaEqualToCyclophosphamide,
        Note::Hydration,
        Note::EuroLupusFertility,
        Note::OvarianFailureUnder32,
        Note::Eular2009NoRegimenBelow150,
        Note::KamedaCoTherapy,
        Note::InteractionTableCoverage,
        Note::CyclosporineMeasureLevels,
        Note::DlcoMostSensitive,
        Note::FallingFvcWithoutIp,
        Note::Kl6SpDNormalInAcutePhase,
        Note::RisingFerritinAcuteIp,
        Note::PcpProphylaxisCheck,
        Note::CyclosporineSmxTmpCaution,
    ];

    pub fn en(self) -> &'static str {
        match self {
            Note::TwiceCutOffPoorPrognosis => "KL-6 / SP-D values about 2× the cut-off or more may indicate poor prognosis (Japanese review).",
            Note::Kl6Progression800 => "KL-6 ≥800 U/mL predicted ILD progression (optimal ROC cut-off 811 U/mL).",
            Note::Kl6AssayDependence => "KL-6 depends on the assay: with HISCL the ILD-vs-healthy cut-off was 304 U/mL, lower than the manufacturer's. Compare results of the same assay only.",
            Note::OneOfKl6SpDSpABilled => "Japanese billing: only one of KL-6 / SP-D / SP-A is billed when measured together.",
            Note::FerritinTrendsMatter => "A single ferritin / anti-MDA5 / IL-18 value has limited prognostic value; trends matter.",
            Note::BetaDGlucanMedienceZones => "LSI Medience: >20 pg/mL treatment target, 10–20 observe, ≤10 healthy. Values differ by kit.",
            Note::CmvTransplantThresholdsOnly => "No CTD-specific CMV antigenaemia threshold was verified; published thresholds are for transplant patients. Use the institutional threshold.",
            Note::SingleEthnicityCohorts => "Derived from retrospective or single-centre cohorts of one ethnicity (mostly Japanese or Chinese); cut-offs depend on the assay.",
            Note::MckModel => "MCK model (JAMI cohort; derivation 497, validation 111): anti-MDA5 status + CRP + KL-6; risk groups by the number of risk factors. Cut-offs here are those applied in the external validation (Miyake 2025).",
            Note::MckMda5PositiveNotPredictive => "External validation (n=242): in anti-MDA5-positive patients, MCK = 2 did not significantly predict mortality.",
            Note::MckMda5NegativePredictive => "External validation (n=242): in anti-MDA5-negative patients, MCK = 2 predicted all-cause mortality, flares and infections needing hospitalisation.",
            Note::FlairCentreSpecificInputs => "The HRCT score is the Renji centre's semi-quantitative system and the anti-MDA5 +/++/+++ grading is assay-specific (line-blot intensity); both are hard to reproduce elsewhere (caveat not verified).",
            Note::IsodaBothFactorsDied => "CsA-treated DM-A/SIP (Isoda 2014): lower 24-week survival with ferritin ≥600 ng/mL or A-aDO2 ≥45 Torr; all patients with both factors died.",
            Note::Gono2010Survival => "DM with A/SIP (Gono 2010): significantly lower survival with ferritin ≥1500 ng/mL.",
            Note::Gono2012Cohort => "Anti-MDA5 RP-ILD (Gono 2012, n=27): A-aDO2 ≥32 mmHg and ferritin ≥828 ng/mL at admission were poor prognostic factors.",
            Note::NihAdjustToResponseAndNadir => "NIH regimen: subsequent doses are adjusted to response and WBC nadir (how much is not verified here).",
            Note::MesnaNoHarmonisedDose => "No harmonised mesna dose is established; mesna must be present in the bladder during exposure, continued up to 12–24 h.",
            Note::MesnaEqualToCyclophosphamide => "MSD Manual (SLE protocols): mesna is given in a dose equal to cyclophosphamide.",
            Note::Hydration => "Hydration: 1–2 L saline IV starting about 30 min before the infusion; mesna 15–30 min before and again hours after.",
            Note::EuroLupusFertility => "Fertility preservation may not be necessary for Euro-Lupus females without other risks (e.g. age >30).",
            Note::OvarianFailureUnder32 => "Age ≤31 y: 5/44 developed sustained amenorrhoea with monthly IVCY; no dose threshold was reported.",
            Note::Eular2009NoRegimenBelow150 => "EULAR 2009 Table 6 footnote: the trial did not include a separate regimen for patients with a creatinine of <150 µmol/L.",
            Note::KamedaCoTherapy => "Kameda triple therapy: high-dose prednisolone + IVCY + cyclosporine 2–4 mg/kg/day.",
            Note::InteractionTableCoverage => "Only the label rows read are checked (generic names, brands and abbreviations); a drug not found, or without a row, is not evidence of safety. Check the current package insert.",
            Note::CyclosporineMeasureLevels => "Cyclosporine is metabolised by CYP3A4, inhibits CYP3A4 and P-gp and is a P-gp substrate: measure levels when co-medications change.",
            Note::DlcoMostSensitive => "DLco is the most sensitive index of impaired gas exchange.",
            Note::FallingFvcWithoutIp => "A falling FVC without interstitial pneumonia suggests respiratory-muscle weakness.",
            Note::Kl6SpDNormalInAcutePhase => "KL-6 and SP-D can be normal in the acute phase: a normal value does not exclude active interstitial pneumonia.",
            Note::RisingFerritinAcuteIp => "Rising ferritin goes with acute/subacute interstitial pneumonia and its prognosis.",
            Note::PcpProphylaxisCheck => "Combined immunosuppression: check whether Pneumocystis prophylaxis (TMP-SMX) is in place. No verified recommendation, dose or threshold is given here.",
            Note::CyclosporineSmxTmpCaution => "Cyclosporine + SMX-TMP is listed as 併用注意 (use with caution): additive nephrotoxicity; monitor creatinine/BUN often.",
        }
    }

    pub fn source(self) -> Source {
        match self {
            Note::TwiceCutOffPoorPrognosis => Source::Onishi2025,
            Note::Kl6Progression800 => Source::Ko2020,
            Note::Kl6AssayDependence => Source::HisclKl6,
            Note::OneOfKl6SpDSpABilled => Source::BmlKl6,
            Note::FerritinTrendsMatter => Source::Muro2013,
            Note::BetaDGlucanMedienceZones => Source::MedienceBdg,
            Note::CmvTransplantThresholdsOnly => Source::Gentile2006,
            Note::SingleEthnicityCohorts => Source::CohortStudies,
            Note::MckModel => Source::Gono2021Mck,
            Note::MckMda5PositiveNotPredictive | Note::MckMda5NegativePredictive => {
                Source::Miyake2025
            }
            Note::FlairCentreSpecificInputs => Source::Lian2020Flair,
            Note::IsodaBothFactorsDied => Source::Isoda2014,
            Note::Gono2010Survival => Source::Gono2010,
            Note::Gono2012Cohort => Source::Gono2012,
            Note::NihAdjustToResponseAndNadir => Source::UpToDateIvcy,
            Note::MesnaNoHarmonisedDose => Source::EviqMesna,
            Note::MesnaEqualToCyclophosphamide => Source::MsdManualSle,
            Note::Hydration | Note::EuroLupusFertility => Source::UpToDateIvcy,
            Note::OvarianFailureUnder32 => Source::JRheumatol2002Ovarian,
            Note::Eular2009NoRegimenBelow150 => Source::Eular2009Table6,
            Note::KamedaCoTherapy => Source::Kameda2005,
            Note::InteractionTableCoverage => Source::JapaneseLabels,
            Note::CyclosporineMeasureLevels => Source::Dsu327,
            Note::DlcoMostSensitive
            | Note::FallingFvcWithoutIp
            | Note::Kl6SpDNormalInAcutePhase
            | Note::RisingFerritinAcuteIp => Source::Review,
            Note::PcpProphylaxisCheck => Source::Review,
            Note::CyclosporineSmxTmpCaution => Source::CyclosporineLabel102,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notes_can_be_shown() {
        for n in Note::ALL {
            let bad = crate::clinical::citable::workshop_words(n.en());
            assert!(bad.is_empty(), "{n:?}: {bad:?}");
        }
    }

    #[test]
    fn notes_carry_source() {
        assert_eq!(Note::Kl6Progression800.source(), Source::Ko2020);
        assert!(Note::IsodaBothFactorsDied
            .en()
            .contains("all patients with both factors died"));
        assert!(Note::MesnaNoHarmonisedDose.en().contains("No harmonised"));
    }
}

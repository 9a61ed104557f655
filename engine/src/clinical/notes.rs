//! Statements from the literature shown next to results, each with the source
//! the pack cites. Their words, English and Japanese, are in `crate::text`.

use super::sources::Source;
use crate::text::{Lang, Words};
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

    /// In English (both languages: `crate::text`).
    pub fn en(self) -> &'static str {
        self.words(Lang::En)
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

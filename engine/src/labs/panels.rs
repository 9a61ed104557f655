//! The panels of the time axis and which tests go where; the same lists
//! order the screen's sections.

use crate::clinical::analyte::Analyte;
use crate::tdm::{Drug, MealTiming};
use serde::Serialize;

/// A panel of the plot, top to bottom.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub enum PanelKind {
    /// Blood levels, ng/mL.
    Levels,
    /// Calcineurin-inhibitor daily dose, mg/day.
    Doses,
    /// Prednisolone daily dose, mg/day (steps).
    Prednisolone,
    /// Periods, one lane each: co-medications that change a level or set a
    /// model covariate, each drug's meal timing.
    Periods,
    /// IVCY pulses, mg.
    Ivcy,
    /// Serum markers, % of the first value.
    Markers,
    /// Lung function and blood gas, % of the first value.
    LungFunction,
    /// Infection laboratory, % of the first value.
    Infection,
}

impl PanelKind {
    pub const ALL: [PanelKind; 8] = [
        PanelKind::Levels,
        PanelKind::Doses,
        PanelKind::Prednisolone,
        PanelKind::Periods,
        PanelKind::Ivcy,
        PanelKind::Markers,
        PanelKind::LungFunction,
        PanelKind::Infection,
    ];

    /// Whether y is % of the first value (laboratory panels).
    pub fn relative(self) -> bool {
        matches!(
            self,
            PanelKind::Markers | PanelKind::LungFunction | PanelKind::Infection
        )
    }
}

/// What a series shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum SeriesId {
    Level(Drug),
    DailyDose(Drug),
    Prednisolone,
    /// The record's co-medication of this index.
    CoMedication(usize),
    /// A drug's doses with this meal timing.
    Meal(Drug, MealTiming),
    IvcyPulse,
    Lab(Analyte),
    AaDo2,
}

pub const MARKERS: &[Analyte] = &[
    Analyte::Kl6,
    Analyte::SpD,
    Analyte::SpA,
    Analyte::Ferritin,
    Analyte::Crp,
    Analyte::Ldh,
    Analyte::Ck,
    Analyte::Aldolase,
];
pub const LUNG_FUNCTION: &[Analyte] = &[
    Analyte::Tlc,
    Analyte::Vc,
    Analyte::PercentVc,
    Analyte::Fvc,
    Analyte::Fev1,
    Analyte::Dlco,
    Analyte::PercentDlco,
];
/// FiO2 is entered with the gas but is a setting, not plotted.
pub const BLOOD_GAS: &[Analyte] = &[Analyte::SpO2, Analyte::PaO2, Analyte::PaCo2, Analyte::FiO2];
pub const INFECTION: &[Analyte] = &[
    Analyte::Wbc,
    Analyte::Lymphocytes,
    Analyte::IgG,
    Analyte::BetaDGlucan,
    Analyte::CmvAntigenaemia,
    Analyte::Procalcitonin,
];

/// Which panel an analyte is plotted on (None: not on the time axis).
pub fn panel_of(analyte: Analyte) -> Option<PanelKind> {
    if MARKERS.contains(&analyte) {
        Some(PanelKind::Markers)
    } else if analyte == Analyte::FiO2 {
        None
    } else if LUNG_FUNCTION.contains(&analyte) || BLOOD_GAS.contains(&analyte) {
        Some(PanelKind::LungFunction)
    } else if INFECTION.contains(&analyte) {
        Some(PanelKind::Infection)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tests_go_to_their_panel() {
        assert_eq!(panel_of(Analyte::Ferritin), Some(PanelKind::Markers));
        assert_eq!(panel_of(Analyte::PaO2), Some(PanelKind::LungFunction));
        assert_eq!(panel_of(Analyte::FiO2), None);
        assert_eq!(panel_of(Analyte::BetaDGlucan), Some(PanelKind::Infection));
        assert_eq!(panel_of(Analyte::Creatinine), None);
    }
}

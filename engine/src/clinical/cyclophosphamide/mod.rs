//! Intravenous cyclophosphamide (IVCY) pulses: dose per m², per kg or fixed;
//! published regimens; the EULAR 2009 age/creatinine table; planned dates;
//! the plan adjusted by the rules that apply (age, creatinine, the previous
//! nadir, the counts on the pulse day: [`adjust`]); the ledger of given
//! pulses with cumulative dose and WBC nadirs.

pub mod adjust;
pub mod dose;
pub mod eular2009;
pub mod ledger;
pub mod presets;
pub mod schedule;

pub use adjust::{
    adjust, AdjustInput, AdjustedPlan, AdjustedPulse, DayCounts, Outcome, Rule, Step,
};
pub use dose::{pulse_dose_mg, Basis, Prescription};
pub use ledger::{summarise, GivenPulse, LedgerPatient, LedgerSummary, WbcNadir};
pub use presets::{Preset, Regimen};
pub use schedule::{schedule, PlannedPulse, Spacing};

use super::error::{positive, Field, Result};
use super::notes::Note;
use super::status::{Gap, Status};

/// Maintenance hand-over after IVCY (e.g. azathioprine mg/kg/day): the pack
/// gives no dose, so this is always unavailable. The weight is still checked
/// so the screen's contract does not change when a verified dose arrives.
pub fn maintenance_daily_dose_mg(weight_kg: f64) -> Result<Status<f64>> {
    positive(Field::WeightKg, weight_kg)?;
    Ok(Status::Unavailable {
        gap: Gap::AzathioprineMaintenanceDose,
    })
}

/// Mesna is not computed (no harmonised dose); these notes are shown instead.
pub const MESNA: Status<f64> = Status::Unavailable {
    gap: Gap::MesnaDose,
};

/// Infusion notes shown with every pulse.
pub const INFUSION_NOTES: [Note; 3] = [
    Note::MesnaNoHarmonisedDose,
    Note::MesnaEqualToCyclophosphamide,
    Note::Hydration,
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maintenance_and_mesna_unavailable() {
        assert_eq!(
            maintenance_daily_dose_mg(60.0).unwrap().gap(),
            Some(Gap::AzathioprineMaintenanceDose)
        );
        assert!(maintenance_daily_dose_mg(0.0).is_err());
        assert_eq!(MESNA.gap(), Some(Gap::MesnaDose));
    }
}

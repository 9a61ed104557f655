//! The drug screens' number fields' bounds: the engine's input limits
//! (`dmip_engine::dosing::limits`, `dmip_engine::clinical::limits`), read
//! here so that a field refuses what the engine would. None is a clinical
//! threshold: each is a value far beyond any patient's, so that a slip (an
//! extra digit, a wrong unit) is caught at the field.

use crate::widgets::field::Bounds;
use dmip_engine::clinical::limits::PatientField;
use dmip_engine::dosing::limits;

/// Years.
pub const AGE: Bounds = Bounds::up_to(PatientField::AgeYears.range().1);
/// mg per dose of cyclosporine or tacrolimus.
pub const DOSE_MG: Bounds = Bounds::positive_up_to(limits::DOSE_MG.1);
/// ng/mL, a measured level or an LLOQ.
pub const LEVEL_NG_ML: Bounds = Bounds::up_to(limits::LEVEL_NG_ML.1);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::widgets::field::bounded_value;

    #[test]
    fn bounds_admit_patients_and_refuse_slips() {
        assert_eq!(bounded_value("0", AGE), Some(0.0));
        assert_eq!(bounded_value("130", AGE), Some(130.0));
        assert_eq!(bounded_value("200", AGE), None);
        assert_eq!(bounded_value("５２", DOSE_MG), Some(52.0));
        assert_eq!(bounded_value("NaN", LEVEL_NG_ML), None);
    }
}

//! Input sanity bounds of the drug screens' number fields (the patient
//! fields' are the engine's: `dmip_engine::clinical::limits`). None is a
//! clinical threshold: each is a physical limit (a haematocrit cannot pass
//! 100 %) or a value far beyond any patient's, chosen here so that a slip
//! (an extra digit, a wrong unit) is caught at the field instead of
//! reaching the model. Conventions of this project, not published figures.

use super::field::Bounds;

/// Years; above the oldest recorded human age (122 y).
pub const AGE: Bounds = Bounds::up_to(130.0);
/// mg per dose of cyclosporine or tacrolimus.
pub const DOSE_MG: Bounds = Bounds::positive_up_to(5000.0);
/// ng/mL, a measured level or an LLOQ.
pub const LEVEL_NG_ML: Bounds = Bounds::up_to(100_000.0);

#[cfg(test)]
mod tests {
    use super::super::field::bounded_value;
    use super::*;

    #[test]
    fn bounds_admit_patients_and_refuse_slips() {
        assert_eq!(bounded_value("0", AGE), Some(0.0));
        assert_eq!(bounded_value("130", AGE), Some(130.0));
        assert_eq!(bounded_value("200", AGE), None);
        assert_eq!(bounded_value("５２", DOSE_MG), Some(52.0));
        assert_eq!(bounded_value("NaN", LEVEL_NG_ML), None);
    }
}

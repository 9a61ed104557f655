//! Input sanity bounds of the drug screens' number fields. None is a
//! clinical threshold: each is a physical limit (a haematocrit cannot pass
//! 100 %) or a value far beyond any patient's, chosen here so that a slip
//! (an extra digit, a wrong unit) is caught at the field instead of
//! reaching the model. Conventions of this project, not published figures.

use super::field::Bounds;

/// Years; above the oldest recorded human age (122 y).
pub const AGE: Bounds = Bounds::up_to(130.0);
/// kg.
pub const WEIGHT: Bounds = Bounds::positive_up_to(500.0);
/// cm.
pub const HEIGHT: Bounds = Bounds::positive_up_to(300.0);
/// Serum creatinine, either unit: the engine's plausibility check
/// (`clinical::units::check_plausibility`) then catches unit mix-ups.
pub const CREATININE: Bounds = Bounds::positive_up_to(f64::INFINITY);
/// % (physical limit).
pub const HEMATOCRIT: Bounds = Bounds::up_to(100.0);
/// g/dL; 10 g/dL is above any serum total protein, so a value in g/L
/// (35) is caught.
pub const ALBUMIN: Bounds = Bounds::positive_up_to(10.0);
/// Prednisolone mg/day; above a methylprednisolone pulse (1000 mg).
pub const PREDNISOLONE: Bounds = Bounds::up_to(2000.0);
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
        assert_eq!(bounded_value("0", WEIGHT), None);
        assert_eq!(bounded_value("５２", WEIGHT), Some(52.0));
        assert_eq!(bounded_value("100", HEMATOCRIT), Some(100.0));
        assert_eq!(bounded_value("150", HEMATOCRIT), None);
        assert_eq!(bounded_value("35", ALBUMIN), None);
        assert_eq!(bounded_value("3.5", ALBUMIN), Some(3.5));
        assert_eq!(bounded_value("1e400", CREATININE), None);
        assert_eq!(bounded_value("NaN", LEVEL_NG_ML), None);
    }
}

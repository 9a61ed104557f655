//! Pulse dose from a per-m², per-kg or fixed prescription.

use crate::clinical::error::{finite_result, positive, required, Field, Result};
use serde::{Deserialize, Serialize};

/// What a prescribed amount is per.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    MgPerM2,
    MgPerKg,
    Mg,
}

impl Basis {
    pub fn symbol(self) -> &'static str {
        match self {
            Basis::MgPerM2 => "mg/m²",
            Basis::MgPerKg => "mg/kg",
            Basis::Mg => "mg",
        }
    }
}

/// A prescription such as 600 mg/m², 15 mg/kg or 500 mg.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Prescription {
    pub basis: Basis,
    pub amount: f64,
}

/// The pulse dose in mg. BSA is needed for mg/m², weight for mg/kg; a
/// missing one is an error naming it.
pub fn pulse_dose_mg(p: Prescription, bsa_m2: Option<f64>, weight_kg: Option<f64>) -> Result<f64> {
    let amount = positive(Field::Dose, p.amount)?;
    let per = match p.basis {
        Basis::MgPerM2 => positive(Field::Bsa, required(Field::Bsa, bsa_m2)?)?,
        Basis::MgPerKg => positive(Field::WeightKg, required(Field::WeightKg, weight_kg)?)?,
        Basis::Mg => 1.0,
    };
    finite_result(amount * per)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clinical::body::{bsa, BsaFormula};
    use crate::clinical::error::ClinicalError;
    use approx::assert_abs_diff_eq;

    #[test]
    fn six_hundred_per_m2_on_mosteller() {
        // Reference case: CYC 600 mg/m² × BSA Mosteller 1.8181 → 1090.9 mg
        let p = Prescription {
            basis: Basis::MgPerM2,
            amount: 600.0,
        };
        let b = bsa(BsaFormula::Mosteller, 170.0, 70.0).unwrap();
        assert_abs_diff_eq!(
            pulse_dose_mg(p, Some(b), None).unwrap(),
            1090.9,
            epsilon = 0.05
        );
        assert_abs_diff_eq!(
            pulse_dose_mg(p, Some(1.8181), None).unwrap(),
            1090.86,
            epsilon = 1e-9
        );
    }

    #[test]
    fn per_kg_fixed_and_missing() {
        let kg = Prescription {
            basis: Basis::MgPerKg,
            amount: 15.0,
        };
        assert_abs_diff_eq!(pulse_dose_mg(kg, None, Some(70.0)).unwrap(), 1050.0);
        assert_eq!(
            pulse_dose_mg(kg, Some(1.8), None),
            Err(ClinicalError::Missing {
                field: Field::WeightKg
            })
        );
        let fixed = Prescription {
            basis: Basis::Mg,
            amount: 500.0,
        };
        assert_abs_diff_eq!(pulse_dose_mg(fixed, None, None).unwrap(), 500.0);
        let bad = Prescription {
            basis: Basis::MgPerM2,
            amount: -600.0,
        };
        assert!(pulse_dose_mg(bad, Some(1.8), None).is_err());
    }
}

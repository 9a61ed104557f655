//! Body surface area and renal function.
//!
//! Reference values (170 cm, 70 kg; 60 y, SCr 1.0 mg/dL) are each
//! formula's own, computed from its publication ([`Source`]); the tests
//! reproduce them.
//! Creatinine is in mg/dL (IDMS-traceable / enzymatic, as Japanese labs
//! report); convert µmol/L with [`super::units::convert`] first.

use super::analyte::Analyte;
use super::error::{finite_result, positive, within, ClinicalError, Field, Result};
use super::limits::PatientField;
use super::sources::Source;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Sex {
    Female,
    Male,
}

/// Hard limits that only reject impossible entries (e.g. metres typed as cm);
/// not clinical ranges: the patient fields' plausibility limits
/// ([`super::limits`]).
const HEIGHT_CM: (f64, f64) = PatientField::HeightCm.range();
const WEIGHT_KG: (f64, f64) = PatientField::WeightKg.range();
const AGE_MAX: f64 = PatientField::AgeYears.range().1;
/// The adult equations (Cockcroft–Gault, CKD-EPI, JSN) need age ≥ 18.
const ADULT: f64 = 18.0;

fn height(h: f64) -> Result<f64> {
    within(Field::HeightCm, h, HEIGHT_CM.0, HEIGHT_CM.1)
}

fn weight(w: f64) -> Result<f64> {
    let w = positive(Field::WeightKg, w)?;
    within(Field::WeightKg, w, WEIGHT_KG.0, WEIGHT_KG.1)
}

fn adult_age(age: f64) -> Result<f64> {
    let a = within(Field::AgeYears, age, 0.0, AGE_MAX)?;
    if a < ADULT {
        return Err(ClinicalError::NotAdult {
            field: Field::AgeYears,
            value: a,
        });
    }
    Ok(a)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BsaFormula {
    DuBois,
    Mosteller,
    Haycock,
    Fujimoto,
}

impl BsaFormula {
    pub const ALL: [BsaFormula; 4] = [
        BsaFormula::DuBois,
        BsaFormula::Mosteller,
        BsaFormula::Haycock,
        BsaFormula::Fujimoto,
    ];

    /// BSA (m²) = k · W^a · H^b with W in kg, H in cm.
    fn coefficients(self) -> (f64, f64, f64) {
        match self {
            // [V] pack §5.2: 0.007184·W^0.425·H^0.725 (not the 0.0087184 typo)
            BsaFormula::DuBois => (0.007184, 0.425, 0.725),
            // [V] pack §5.2: √(W·H/3600) = (1/60)·W^0.5·H^0.5
            BsaFormula::Mosteller => (1.0 / 60.0, 0.5, 0.5),
            // Standard Haycock coefficients; not in the pack — reproduces
            // The formula's reference value (1.8257 m² at 170 cm / 70 kg).
            BsaFormula::Haycock => (0.024265, 0.5378, 0.3964),
            // [V] pack §5.2: 0.008883·W^0.444·H^0.663 (Fujimoto 1968)
            BsaFormula::Fujimoto => (0.008883, 0.444, 0.663),
        }
    }

    pub fn source(self) -> Source {
        match self {
            BsaFormula::DuBois => Source::DuBois,
            BsaFormula::Mosteller => Source::Mosteller,
            BsaFormula::Haycock => Source::Haycock,
            BsaFormula::Fujimoto => Source::Fujimoto1968,
        }
    }
}

/// Body surface area in m².
pub fn bsa(formula: BsaFormula, height_cm: f64, weight_kg: f64) -> Result<f64> {
    let (h, w) = (height(height_cm)?, weight(weight_kg)?);
    let (k, a, b) = formula.coefficients();
    finite_result(k * w.powf(a) * h.powf(b))
}

/// Fat-free mass in kg (Janmahasatian S, Duffull SB, Ash S, Ward LC, Byrnes
/// NM, Green B. Clin Pharmacokinet 2005;44:1051-1065):
/// 9270·W / (6680 + 216·BMI) for men, 9270·W / (8780 + 244·BMI) for women,
/// BMI in kg/m². The constants are not in the clinical notes; they were
/// read in a public implementation (InsightRX clinPK `calc_ffm`) and give
/// the notes' 36.0 kg for a 55-kg, 158-cm woman.
pub fn fat_free_mass(sex: Sex, height_cm: f64, weight_kg: f64) -> Result<f64> {
    let (h, w) = (height(height_cm)?, weight(weight_kg)?);
    let bmi = w / (h / 100.0).powi(2);
    let (a, b) = match sex {
        Sex::Male => (6680.0, 216.0),
        Sex::Female => (8780.0, 244.0),
    };
    finite_result(9270.0 * w / (a + b * bmi))
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RenalEquation {
    /// Creatinine clearance, mL/min (not BSA-normalised).
    CockcroftGault,
    /// Cockcroft–Gault × 0.789: approximates GFR with IDMS creatinine in
    /// Japanese patients, mL/min.
    CockcroftGaultJapanIdms,
    /// CKD-EPI 2021 (race-free), mL/min/1.73 m².
    CkdEpi2021,
    /// Japanese Society of Nephrology eGFR, mL/min/1.73 m².
    Jsn,
}

impl RenalEquation {
    pub const ALL: [RenalEquation; 4] = [
        RenalEquation::CockcroftGault,
        RenalEquation::CockcroftGaultJapanIdms,
        RenalEquation::CkdEpi2021,
        RenalEquation::Jsn,
    ];

    pub fn unit(self) -> &'static str {
        match self {
            RenalEquation::CockcroftGault | RenalEquation::CockcroftGaultJapanIdms => "mL/min",
            RenalEquation::CkdEpi2021 | RenalEquation::Jsn => "mL/min/1.73 m²",
        }
    }

    pub fn source(self) -> Source {
        match self {
            RenalEquation::CockcroftGault => Source::CockcroftGault,
            RenalEquation::CockcroftGaultJapanIdms => Source::ImaiHorioReview,
            RenalEquation::CkdEpi2021 => Source::Inker2021,
            RenalEquation::Jsn => Source::Matsuo2009,
        }
    }

    /// Whether the equation uses body weight.
    pub fn needs_weight(self) -> bool {
        matches!(
            self,
            RenalEquation::CockcroftGault | RenalEquation::CockcroftGaultJapanIdms
        )
    }
}

/// Inputs of the renal equations. Weight is needed by Cockcroft–Gault only.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct RenalInput {
    pub age_years: f64,
    pub sex: Sex,
    pub creatinine_mg_dl: f64,
    pub weight_kg: Option<f64>,
}

#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct RenalEstimate {
    pub equation: RenalEquation,
    pub value: f64,
}

/// Kidney function by one equation.
pub fn renal(equation: RenalEquation, input: &RenalInput) -> Result<RenalEstimate> {
    let age = adult_age(input.age_years)?;
    let scr = positive(Field::Lab(Analyte::Creatinine), input.creatinine_mg_dl)?;
    let female = input.sex == Sex::Female;
    let value = match equation {
        RenalEquation::CockcroftGault | RenalEquation::CockcroftGaultJapanIdms => {
            let w = weight(input.weight_kg.ok_or(ClinicalError::Missing {
                field: Field::WeightKg,
            })?)?;
            // [V] pack §5.3: (140 − age) × weight / (72 × SCr) × 0.85 if female
            let cg = (140.0 - age) * w / (72.0 * scr) * if female { 0.85 } else { 1.0 };
            if equation == RenalEquation::CockcroftGaultJapanIdms {
                // [V] pack §5.3 (Imai/Horio review; Matsuo 2009): × 0.789
                cg * 0.789
            } else {
                cg
            }
        }
        RenalEquation::CkdEpi2021 => {
            // [V] pack §5.3 (Inker 2021): 142 × min(SCr/κ, 1)^α × max(SCr/κ, 1)^−1.200
            // × 0.9938^age × 1.012 if female; κ 0.7 F / 0.9 M; α −0.241 F / −0.302 M
            let (kappa, alpha, sex_factor) = if female {
                (0.7, -0.241, 1.012)
            } else {
                (0.9, -0.302, 1.0)
            };
            let r = scr / kappa;
            142.0
                * r.min(1.0).powf(alpha)
                * r.max(1.0).powf(-1.200)
                * 0.9938_f64.powf(age)
                * sex_factor
        }
        RenalEquation::Jsn => {
            // [V] pack §5.3 (Matsuo 2009): 194 × SCr^−1.094 × Age^−0.287 × 0.739 if female
            194.0 * scr.powf(-1.094) * age.powf(-0.287) * if female { 0.739 } else { 1.0 }
        }
    };
    Ok(RenalEstimate {
        equation,
        value: finite_result(value)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use approx::assert_abs_diff_eq;

    fn input(sex: Sex) -> RenalInput {
        RenalInput {
            age_years: 60.0,
            sex,
            creatinine_mg_dl: 1.0,
            weight_kg: Some(70.0),
        }
    }

    #[test]
    fn bsa_reference_table() {
        // Each formula's value at 170 cm / 70 kg, printed to 4 decimals.
        for (f, want) in [
            (BsaFormula::Mosteller, 1.8181),
            (BsaFormula::DuBois, 1.8097),
            (BsaFormula::Haycock, 1.8257),
            (BsaFormula::Fujimoto, 1.7643),
        ] {
            assert_abs_diff_eq!(bsa(f, 170.0, 70.0).unwrap(), want, epsilon = 5e-5);
        }
        // pack §5.2: R test, Fujimoto H170/W75 → 1.819 m².
        assert_abs_diff_eq!(
            bsa(BsaFormula::Fujimoto, 170.0, 75.0).unwrap(),
            1.819,
            epsilon = 5e-4
        );
    }

    #[test]
    fn fat_free_mass_by_janmahasatian() {
        // Kirubakaran 2022's typical DM-ILD patient (55 kg, 158 cm woman) → 36.0 kg.
        let f = fat_free_mass(Sex::Female, 158.0, 55.0).unwrap();
        assert_abs_diff_eq!(f, 36.0, epsilon = 0.05);
        // By hand: 70 kg, 170 cm man, BMI 24.221 → 9270·70/(6680 + 216·24.221).
        let bmi = 70.0 / (1.7f64 * 1.7);
        let m = fat_free_mass(Sex::Male, 170.0, 70.0).unwrap();
        assert_abs_diff_eq!(m, 9270.0 * 70.0 / (6680.0 + 216.0 * bmi), epsilon = 1e-9);
        assert!(fat_free_mass(Sex::Male, 1.7, 70.0).is_err());
        assert!(fat_free_mass(Sex::Male, 170.0, -1.0).is_err());
    }

    #[test]
    fn renal_reference_table() {
        let m = input(Sex::Male);
        let f = input(Sex::Female);
        let v = |e, i: &RenalInput| renal(e, i).unwrap().value;
        assert_abs_diff_eq!(v(RenalEquation::CockcroftGault, &m), 77.78, epsilon = 5e-3);
        assert_abs_diff_eq!(v(RenalEquation::CkdEpi2021, &m), 86.16, epsilon = 5e-3);
        assert_abs_diff_eq!(v(RenalEquation::Jsn, &m), 59.91, epsilon = 5e-3);
        assert_abs_diff_eq!(v(RenalEquation::Jsn, &f), 44.27, epsilon = 5e-3);
        assert_abs_diff_eq!(
            v(RenalEquation::CockcroftGault, &f),
            77.78 * 0.85,
            epsilon = 5e-3
        );
        assert_abs_diff_eq!(
            v(RenalEquation::CockcroftGaultJapanIdms, &m),
            61.37,
            epsilon = 5e-3
        );
        // CKD-EPI 2021 female branch at SCr 1.0 (> κ 0.7): 142·(1/0.7)^−1.2·0.9938^60·1.012
        assert_abs_diff_eq!(v(RenalEquation::CkdEpi2021, &f), 64.495, epsilon = 5e-3);
    }

    #[test]
    fn refuses_impossible_or_paediatric_input() {
        let child = RenalInput {
            age_years: 12.0,
            ..input(Sex::Male)
        };
        let e = renal(RenalEquation::Jsn, &child).unwrap_err();
        assert_eq!(
            e.to_string(),
            "age (years): the adult equation needs age ≥ 18 years (got 12)"
        );
        let no_weight = RenalInput {
            weight_kg: None,
            ..input(Sex::Male)
        };
        assert_eq!(
            renal(RenalEquation::CockcroftGault, &no_weight),
            Err(ClinicalError::Missing {
                field: Field::WeightKg
            })
        );
        assert!(renal(RenalEquation::CkdEpi2021, &no_weight).is_ok());
        let zero_scr = RenalInput {
            creatinine_mg_dl: 0.0,
            ..input(Sex::Male)
        };
        assert!(renal(RenalEquation::Jsn, &zero_scr).is_err());
        let e = bsa(BsaFormula::Mosteller, 1.7, 70.0).unwrap_err();
        assert_eq!(e.to_string(), "height (cm): 1.7 is outside 20–300");
        assert!(bsa(BsaFormula::Mosteller, 170.0, f64::NAN).is_err());
        assert!(bsa(BsaFormula::Mosteller, 170.0, -70.0).is_err());
        // 0.00001 kg once flowed into BSA (the limits: 1–500 kg).
        let e = bsa(BsaFormula::DuBois, 170.0, 0.00001).unwrap_err();
        assert_eq!(e.to_string(), "weight (kg): 0.00001 is outside 1–500");
        assert!(bsa(BsaFormula::DuBois, 170.0, 1.0).is_ok());
    }
}

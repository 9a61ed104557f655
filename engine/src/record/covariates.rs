//! From the record to a model's covariates: weight, height, sex, prednisolone
//! dose, creatinine clearance (Cockcroft–Gault), haematocrit, CYP3A5,
//! formulation. An azole antifungal (Kirubakaran 2022's AZOLE) is not read
//! from the co-medication list: the model file's "no azole" is assumed and
//! stated.

use super::{Cyp3a5, PatientInfo};
use crate::catalog::{Covariates, ModelDef};
use crate::clinical::body::{renal, RenalEquation, RenalInput, Sex};
pub use crate::tdm::Formulation;

/// The covariates `def` uses, from `patient` (and the formulation), and the
/// descriptions of those that cannot be derived.
pub fn covariates_for(
    def: &ModelDef,
    patient: &PatientInfo,
    formulation: Option<Formulation>,
) -> (Covariates, Vec<String>) {
    let mut cov = Covariates::new();
    let mut missing = Vec::new();
    for c in &def.file.covariates {
        let value = match c.name.as_str() {
            "WT" => patient.weight_kg,
            "AGE" => patient.age_years,
            "HT" => patient.height_cm,
            // Kirubakaran 2022 (fat-free mass): 1 = female, 0 = male.
            "SEX" => patient.sex.map(|s| match s {
                Sex::Female => 1.0,
                Sex::Male => 0.0,
            }),
            "PSL" => patient.prednisolone_mg_day,
            "HCT" => patient.hematocrit_pct,
            "CYP3A5" => match patient.cyp3a5 {
                Cyp3a5::Expresser => Some(1.0),
                Cyp3a5::NonExpresser => Some(0.0),
                Cyp3a5::Unknown => None,
            },
            // Woillard 2011: FORM = 1 Prograf, 0 Advagraf (once daily).
            "FORM" => formulation.and_then(Formulation::form_code),
            // Monchaud 2012: cystic fibrosis is not part of DM/PM-IP.
            "CF" => Some(0.0),
            // Umpierrez 2021: Cockcroft–Gault in mL/min, not BSA-normalised.
            "CRCL" => crcl(patient),
            _ => None,
        };
        match value {
            Some(v) => {
                cov.insert(c.name.clone(), v);
            }
            None => missing.push(format!("{} ({})", c.description, c.name)),
        }
    }
    (cov, missing)
}

fn crcl(p: &PatientInfo) -> Option<f64> {
    let input = RenalInput {
        age_years: p.age_years?,
        sex: p.sex?,
        creatinine_mg_dl: p.creatinine_mg_dl()?,
        weight_kg: p.weight_kg,
    };
    renal(RenalEquation::CockcroftGault, &input)
        .ok()
        .map(|r| r.value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::builtin;

    #[test]
    fn umpierrez_gets_cockcroft_gault_and_woillard_the_formulation() {
        let p = PatientInfo {
            age_years: Some(60.0),
            sex: Some(Sex::Male),
            weight_kg: Some(70.0),
            creatinine: Some(88.4),
            creatinine_unit: super::super::CreatinineUnit::UmolL,
            hematocrit_pct: Some(30.0),
            ..PatientInfo::default()
        };
        let u = builtin("umpierrez2021_csa")
            .expect("built in")
            .expect("valid");
        let (cov, missing) = covariates_for(&u, &p, None);
        // shared/reference/README.md: Cockcroft–Gault, 60 y male, 70 kg, SCr 1.0 → 77.78 mL/min.
        assert!((cov["CRCL"] - 77.78).abs() < 0.01, "{cov:?}");
        assert!(missing.is_empty());
        let w = builtin("woillard2011_tac")
            .expect("built in")
            .expect("valid");
        let (cov, missing) = covariates_for(&w, &p, Some(Formulation::Prograf));
        assert_eq!(cov["FORM"], 1.0);
        assert_eq!(
            missing,
            vec!["CYP3A5 expresser (*1 carrier = 1, *3/*3 = 0) (CYP3A5)".to_string()]
        );
    }

    #[test]
    fn kirubakaran_gets_height_and_sex_and_assumes_no_azole() {
        let p = PatientInfo {
            sex: Some(Sex::Female),
            weight_kg: Some(55.0),
            height_cm: Some(158.0),
            hematocrit_pct: Some(35.0),
            ..PatientInfo::default()
        };
        let k = builtin("kirubakaran2022_tac")
            .expect("built in")
            .expect("valid");
        let (cov, _) = covariates_for(&k, &p, None);
        assert_eq!((cov["SEX"], cov["HT"]), (1.0, 158.0));
        let (filled, assumed, genotype) = crate::tdm::assume::fill_missing(&k, &cov);
        assert!(genotype.is_none());
        // Fat-free mass comes from weight, height and sex: only the azole is assumed.
        let names: Vec<String> = assumed
            .iter()
            .map(|a| match a {
                crate::tdm::Assumption::Typical { covariate, .. } => covariate.clone(),
                crate::tdm::Assumption::Genotype { covariate, .. } => covariate.clone(),
            })
            .collect();
        assert_eq!(names, ["AZOLE"]);
        assert_eq!(filled["AZOLE"], 0.0);
        assert!(k.typical(&filled).is_ok());
    }
}

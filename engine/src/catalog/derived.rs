//! Covariates a model file computes from others (`derived = "…"` on a
//! `[[covariates]]` entry): used when the covariate itself is not given and
//! every input is. The formulas are the engine's, named in the file.

use super::effects::Covariates;
use super::CatalogError;
use crate::clinical::body::{fat_free_mass, Sex};

/// A formula a model file may name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Derivation {
    /// Fat-free mass (kg) by Janmahasatian 2005 from WT (kg), HT (cm) and
    /// SEX (1 = female, 0 = male).
    FfmJanmahasatian,
}

const NAMES: [(&str, Derivation); 1] = [("ffm_janmahasatian", Derivation::FfmJanmahasatian)];

impl Derivation {
    pub fn from_name(field: &str, name: &str) -> Result<Derivation, CatalogError> {
        NAMES
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, d)| *d)
            .ok_or_else(|| {
                let known: Vec<&str> = NAMES.iter().map(|(n, _)| *n).collect();
                CatalogError::new(
                    field,
                    format!("“{name}” is not a known formula ({})", known.join(", ")),
                )
            })
    }

    /// The covariates the formula reads, as the model file names them.
    pub fn inputs(self) -> &'static [&'static str] {
        match self {
            Derivation::FfmJanmahasatian => &["WT", "HT", "SEX"],
        }
    }

    /// The value from `cov`: `None` when an input is missing, an error in
    /// words when an input cannot be used.
    pub fn compute(self, cov: &Covariates) -> Option<Result<f64, String>> {
        let get = |name: &str| cov.get(name).copied();
        match self {
            Derivation::FfmJanmahasatian => {
                let (wt, ht, sex) = (get("WT")?, get("HT")?, get("SEX")?);
                let sex = if sex == 1.0 {
                    Sex::Female
                } else if sex == 0.0 {
                    Sex::Male
                } else {
                    return Some(Err(format!(
                        "SEX must be 0 (male) or 1 (female) (got {sex})"
                    )));
                };
                Some(fat_free_mass(sex, ht, wt).map_err(|e| format!("fat-free mass: {e}")))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cov(pairs: &[(&str, f64)]) -> Covariates {
        pairs.iter().map(|(k, v)| (k.to_string(), *v)).collect()
    }

    #[test]
    fn ffm_needs_all_three_inputs_and_a_sex_code() {
        let d = Derivation::FfmJanmahasatian;
        assert!(d.compute(&cov(&[("WT", 55.0), ("SEX", 1.0)])).is_none());
        let ffm = d
            .compute(&cov(&[("WT", 55.0), ("HT", 158.0), ("SEX", 1.0)]))
            .and_then(Result::ok);
        assert!(ffm.is_some_and(|f| (f - 36.02).abs() < 0.01), "{ffm:?}");
        let bad = d.compute(&cov(&[("WT", 55.0), ("HT", 158.0), ("SEX", 2.0)]));
        assert_eq!(
            bad,
            Some(Err("SEX must be 0 (male) or 1 (female) (got 2)".into()))
        );
        assert!(Derivation::from_name("f", "bmi").is_err());
    }
}

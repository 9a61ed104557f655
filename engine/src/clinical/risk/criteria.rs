//! Models that count cut-offs met: Gono 2010 (ferritin), Gono 2012
//! (A-aDO2 + ferritin), Isoda 2014 (ferritin + A-aDO2), and MCK (CRP + KL-6,
//! cut-offs by anti-MDA5 status as applied in the Miyake 2025 validation).

use super::{InputUsed, InputValue, Model, ModelOutput, RiskInputs};
use crate::clinical::analyte::Analyte;
use crate::clinical::error::{Field, Result};
use crate::clinical::notes::Note;
use crate::clinical::status::Gap;
use crate::clinical::units::Unit;
use serde::{Deserialize, Serialize};

/// "value ≥ cut_off" is met (every cut-off here is published as ≥).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Criterion {
    pub field: Field,
    pub cut_off: f64,
    pub unit: Unit,
}

#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct CriterionResult {
    pub criterion: Criterion,
    pub value: f64,
    pub met: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CriteriaResult {
    pub criteria: Vec<CriterionResult>,
    /// Number of criteria met, out of `criteria.len()`.
    pub met: u32,
}

const fn at_least(field: Field, cut_off: f64, unit: Unit) -> Criterion {
    Criterion {
        field,
        cut_off,
        unit,
    }
}

// [V] Gono 2010: ferritin ≥1500 ng/mL — lower survival in DM with A/SIP
const GONO_2010: [Criterion; 1] = [at_least(
    Field::Lab(Analyte::Ferritin),
    1500.0,
    Unit::NgPerMl,
)];
// [V] Gono 2012: A-aDO2 ≥32 mmHg and ferritin ≥828 ng/mL at admission
const GONO_2012: [Criterion; 2] = [
    at_least(Field::AaDo2, 32.0, Unit::MmHg),
    at_least(Field::Lab(Analyte::Ferritin), 828.0, Unit::NgPerMl),
];
// [V] Isoda 2014: ferritin ≥600 ng/mL; A-aDO2 ≥45 Torr (pre-treatment)
const ISODA_2014: [Criterion; 2] = [
    at_least(Field::Lab(Analyte::Ferritin), 600.0, Unit::NgPerMl),
    at_least(Field::AaDo2, 45.0, Unit::MmHg),
];
// [V] Miyake 2025 (MCK as applied): MDA5+ CRP ≥0.8 mg/dL, KL-6 ≥1000 U/mL
const MCK_MDA5_POSITIVE: [Criterion; 2] = [
    at_least(Field::Lab(Analyte::Crp), 0.8, Unit::MgPerDl),
    at_least(Field::Lab(Analyte::Kl6), 1000.0, Unit::UPerMl),
];
// [V] Miyake 2025 (MCK as applied): MDA5− CRP ≥1.1 mg/dL, KL-6 ≥1000 U/mL
const MCK_MDA5_NEGATIVE: [Criterion; 2] = [
    at_least(Field::Lab(Analyte::Crp), 1.1, Unit::MgPerDl),
    at_least(Field::Lab(Analyte::Kl6), 1000.0, Unit::UPerMl),
];

fn count(
    out: &mut ModelOutput<CriteriaResult>,
    inputs: &RiskInputs,
    criteria: &[Criterion],
) -> Result<()> {
    let mut results = Vec::new();
    for c in criteria {
        if let Some(value) = out.take_number(inputs, c.field)? {
            results.push(CriterionResult {
                criterion: *c,
                value,
                met: value >= c.cut_off,
            });
        }
    }
    if out.missing_inputs.is_empty() {
        let met = results.iter().filter(|r| r.met).count() as u32;
        out.result = Some(CriteriaResult {
            criteria: results,
            met,
        });
    }
    Ok(())
}

fn simple(
    model: Model,
    criteria: &[Criterion],
    note: Note,
    inputs: &RiskInputs,
) -> Result<ModelOutput<CriteriaResult>> {
    let mut out = ModelOutput::new(model);
    out.notes.push(note);
    count(&mut out, inputs, criteria)?;
    Ok(out)
}

pub fn gono_2010(inputs: &RiskInputs) -> Result<ModelOutput<CriteriaResult>> {
    simple(
        Model::Gono2010Ferritin,
        &GONO_2010,
        Note::Gono2010Survival,
        inputs,
    )
}

pub fn gono_2012(inputs: &RiskInputs) -> Result<ModelOutput<CriteriaResult>> {
    simple(Model::Gono2012, &GONO_2012, Note::Gono2012Cohort, inputs)
}

pub fn isoda_2014(inputs: &RiskInputs) -> Result<ModelOutput<CriteriaResult>> {
    simple(
        Model::Isoda2014,
        &ISODA_2014,
        Note::IsodaBothFactorsDied,
        inputs,
    )
}

/// MCK: the number of criteria met (0–2). The mapping to low / moderate /
/// high predicted mortality is not verified, so it is not given.
pub fn mck(inputs: &RiskInputs) -> Result<ModelOutput<CriteriaResult>> {
    let mut out = ModelOutput::new(Model::Mck);
    out.unavailable.push(Gap::MckRiskGroupMapping);
    out.notes.push(Note::MckModel);
    let criteria: &[Criterion] = match inputs.anti_mda5 {
        Some(m) => {
            out.inputs_used.push(InputUsed {
                field: Field::AntiMda5,
                value: InputValue::AntiMda5(m),
            });
            if m.is_positive() {
                out.notes.push(Note::MckMda5PositiveNotPredictive);
                &MCK_MDA5_POSITIVE
            } else {
                out.notes.push(Note::MckMda5NegativePredictive);
                &MCK_MDA5_NEGATIVE
            }
        }
        None => {
            out.missing_inputs.push(Field::AntiMda5);
            // The cut-offs depend on the status: record the other inputs only.
            for f in [Field::Lab(Analyte::Crp), Field::Lab(Analyte::Kl6)] {
                out.take_number(inputs, f)?;
            }
            return Ok(out);
        }
    };
    count(&mut out, inputs, criteria)?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clinical::risk::AntiMda5;
    use crate::clinical::ClinicalError;

    fn met(out: &ModelOutput<CriteriaResult>) -> Option<u32> {
        out.result.as_ref().map(|r| r.met)
    }

    #[test]
    fn mck_cut_offs_depend_on_mda5() {
        let inputs = RiskInputs {
            anti_mda5: Some(AntiMda5::Positive),
            crp_mg_dl: Some(0.9),
            kl6_u_ml: Some(1000.0),
            ..Default::default()
        };
        assert_eq!(met(&mck(&inputs).unwrap()), Some(2));
        let negative = RiskInputs {
            anti_mda5: Some(AntiMda5::Negative),
            ..inputs
        };
        let out = mck(&negative).unwrap();
        assert_eq!(met(&out), Some(1)); // CRP 0.9 < 1.1 for MDA5−
        assert_eq!(out.unavailable, vec![Gap::MckRiskGroupMapping]);
        assert!(out.notes.contains(&Note::MckMda5NegativePredictive));
        let low = RiskInputs {
            crp_mg_dl: Some(0.79),
            kl6_u_ml: Some(999.0),
            ..inputs
        };
        assert_eq!(met(&mck(&low).unwrap()), Some(0));
    }

    #[test]
    fn mck_lists_missing_instead_of_guessing() {
        let out = mck(&RiskInputs {
            crp_mg_dl: Some(2.0),
            ..Default::default()
        })
        .unwrap();
        assert_eq!(out.result, None);
        assert_eq!(
            out.missing_inputs,
            vec![Field::AntiMda5, Field::Lab(Analyte::Kl6)]
        );
        assert_eq!(out.inputs_used.len(), 1);
    }

    #[test]
    fn ferritin_and_aado2_thresholds() {
        let i = RiskInputs {
            ferritin_ng_ml: Some(828.0),
            aado2_mmhg: Some(40.0),
            ..Default::default()
        };
        assert_eq!(met(&gono_2010(&i).unwrap()), Some(0));
        assert_eq!(met(&gono_2012(&i).unwrap()), Some(2));
        let isoda = isoda_2014(&i).unwrap();
        assert_eq!(met(&isoda), Some(1)); // ferritin ≥600, A-aDO2 40 < 45
        assert!(isoda.notes.contains(&Note::IsodaBothFactorsDied));
        let f1500 = RiskInputs {
            ferritin_ng_ml: Some(1500.0),
            ..Default::default()
        };
        assert_eq!(met(&gono_2010(&f1500).unwrap()), Some(1));
        let out = gono_2012(&f1500).unwrap();
        assert_eq!(out.missing_inputs, vec![Field::AaDo2]);
        assert_eq!(out.result, None);
    }

    #[test]
    fn rejects_impossible_numbers() {
        let bad = RiskInputs {
            ferritin_ng_ml: Some(-5.0),
            ..Default::default()
        };
        assert!(matches!(
            gono_2010(&bad),
            Err(ClinicalError::Negative {
                field: Field::Lab(Analyte::Ferritin),
                ..
            })
        ));
    }
}

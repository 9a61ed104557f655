//! Every risk model the pack verifies, computed from the record on a date.

use super::latest::risk_inputs;
use crate::clinical::risk::criteria::{gono_2010, gono_2012, isoda_2014, mck, CriteriaResult};
use crate::clinical::risk::flair::{flair, FlairResult};
use crate::clinical::risk::{ModelOutput, RiskInputs};
use crate::clinical::ClinicalError;
use crate::record::PatientRecord;
use chrono::NaiveDate;

type Output<R> = Result<ModelOutput<R>, ClinicalError>;

/// The models' outputs (each lists its missing inputs) on `date`.
#[derive(Clone, Debug, PartialEq)]
pub struct RiskPanel {
    pub date: NaiveDate,
    pub inputs: RiskInputs,
    pub flair: Output<FlairResult>,
    /// MCK, Gono 2010, Gono 2012, Isoda 2014, in that order.
    pub criteria: Vec<Output<CriteriaResult>>,
}

pub fn risk_panel(record: &PatientRecord, date: NaiveDate) -> RiskPanel {
    let inputs = risk_inputs(record, date);
    RiskPanel {
        date,
        inputs,
        flair: flair(&inputs),
        criteria: vec![
            mck(&inputs),
            gono_2010(&inputs),
            gono_2012(&inputs),
            isoda_2014(&inputs),
        ],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clinical::analyte::Analyte;
    use crate::clinical::biomarkers::LabResult;
    use crate::clinical::risk::flair::FlairGroup;
    use crate::clinical::risk::AntiMda5;
    use crate::clinical::units::Unit;
    use crate::clinical::Field;

    #[test]
    fn missing_inputs_then_results() {
        let date = NaiveDate::from_ymd_opt(2025, 3, 1).unwrap_or_default();
        let lab = |analyte, value, unit| LabResult {
            analyte,
            date,
            value,
            unit,
            assay: None,
        };
        let mut r = PatientRecord::new("t");
        r.labs = vec![lab(Analyte::Ferritin, 1600.0, Unit::NgPerMl)];
        let p = risk_panel(&r, date);
        let f = p.flair.as_ref().unwrap();
        assert_eq!(f.result, None);
        assert!(f.missing_inputs.contains(&Field::Lab(Analyte::Ldh)));
        assert_eq!(
            p.criteria[1]
                .as_ref()
                .unwrap()
                .result
                .as_ref()
                .map(|c| c.met),
            Some(1)
        );
        assert_eq!(
            p.criteria[2].as_ref().unwrap().missing_inputs,
            vec![Field::AaDo2]
        );
        r.labs.push(lab(Analyte::Ldh, 400.0, Unit::UPerL));
        r.disease.anti_mda5 = Some(AntiMda5::Plus3);
        r.disease.hrct.score = Some(100.0);
        r.disease.rapidly_progressive = true;
        let p = risk_panel(&r, date);
        let res = p.flair.unwrap().result.unwrap();
        assert_eq!((res.total, res.group), (2 + 2 + 4 + 2, FlairGroup::High));
    }
}

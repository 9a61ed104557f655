//! Prognostic models and single-marker thresholds for DM/PM-ILD (pack §1).
//!
//! Every model returns a [`ModelOutput`]: the inputs it used, the inputs it
//! is missing (it never guesses them), its result, the citation, the items
//! the pack leaves unavailable, and the label "published model output, not
//! advice". Units are fixed by the input names: CRP in **mg/dL** (MCK),
//! ferritin in ng/mL, LDH in U/L, KL-6 in U/mL, A-aDO2 in mmHg (= Torr).

pub mod alveolar_gas;
pub mod criteria;
pub mod flair;

use super::analyte::Analyte;
use super::error::{non_negative, Field, Result};
use super::notes::Note;
use super::sources::Source;
use super::status::Gap;
use crate::text::{Lang, Words};
use serde::{Deserialize, Serialize};

/// Anti-MDA5 antibody result. FLAIR needs the line-blot grade; MCK needs
/// only positive / negative.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AntiMda5 {
    Negative,
    /// Positive, grade not known.
    Positive,
    Plus1,
    Plus2,
    Plus3,
}

impl AntiMda5 {
    pub fn is_positive(self) -> bool {
        self != AntiMda5::Negative
    }
}

/// Everything the models may use; each takes what it needs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct RiskInputs {
    pub ferritin_ng_ml: Option<f64>,
    pub ldh_u_l: Option<f64>,
    pub crp_mg_dl: Option<f64>,
    pub kl6_u_ml: Option<f64>,
    pub anti_mda5: Option<AntiMda5>,
    /// Renji semi-quantitative HRCT score (FLAIR).
    pub hrct_score: Option<f64>,
    pub rp_ild: Option<bool>,
    pub aado2_mmhg: Option<f64>,
}

impl RiskInputs {
    /// The numeric input for a field, validated (finite, ≥ 0).
    fn number(&self, field: Field) -> Result<Option<f64>> {
        let v = match field {
            Field::Lab(Analyte::Ferritin) => self.ferritin_ng_ml,
            Field::Lab(Analyte::Ldh) => self.ldh_u_l,
            Field::Lab(Analyte::Crp) => self.crp_mg_dl,
            Field::Lab(Analyte::Kl6) => self.kl6_u_ml,
            Field::HrctScore => self.hrct_score,
            Field::AaDo2 => self.aado2_mmhg,
            _ => None,
        };
        v.map(|x| non_negative(field, x)).transpose()
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Model {
    Flair,
    Mck,
    Gono2010Ferritin,
    Gono2012,
    Isoda2014,
}

impl Model {
    pub fn source(self) -> Source {
        match self {
            Model::Flair => Source::Lian2020Flair,
            Model::Mck => Source::Miyake2025,
            Model::Gono2010Ferritin => Source::Gono2010,
            Model::Gono2012 => Source::Gono2012,
            Model::Isoda2014 => Source::Isoda2014,
        }
    }
}

/// What every model output is, shown with it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Label {
    PublishedModelOutputNotAdvice,
}

impl Label {
    /// In English (both languages: `crate::text`).
    pub fn en(self) -> &'static str {
        self.words(Lang::En)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "value", rename_all = "snake_case")]
pub enum InputValue {
    Number(f64),
    Flag(bool),
    AntiMda5(AntiMda5),
}

#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct InputUsed {
    pub field: Field,
    pub value: InputValue,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ModelOutput<R> {
    pub model: Model,
    pub source: Source,
    pub label: Label,
    pub inputs_used: Vec<InputUsed>,
    /// Inputs the model needs that were not given; `result` is None if any.
    pub missing_inputs: Vec<Field>,
    pub result: Option<R>,
    pub unavailable: Vec<Gap>,
    pub notes: Vec<Note>,
}

impl<R> ModelOutput<R> {
    fn new(model: Model) -> Self {
        ModelOutput {
            model,
            source: model.source(),
            label: Label::PublishedModelOutputNotAdvice,
            inputs_used: Vec::new(),
            missing_inputs: Vec::new(),
            result: None,
            unavailable: Vec::new(),
            notes: vec![Note::SingleEthnicityCohorts],
        }
    }

    /// Records a numeric input as used, or as missing.
    fn take_number(&mut self, inputs: &RiskInputs, field: Field) -> Result<Option<f64>> {
        let v = inputs.number(field)?;
        match v {
            Some(x) => self.inputs_used.push(InputUsed {
                field,
                value: InputValue::Number(x),
            }),
            None => self.missing_inputs.push(field),
        }
        Ok(v)
    }
}

//! The question "what does the engine compute for this record's drug?":
//! the record's patient and drug parts made into the engine's input, the
//! same for the drug screens, the report, the calculation capsule and the
//! CLI (`dmip advise --record`). Each model in use (the pinned one, else
//! every model of the drug, averaged) gets the covariates it reads; their
//! names mean the same patient value in every model.

use super::average::Averaging;
use super::drug_catalogue::drug_catalogue;
use super::input::TdmInput;
use super::products::{Market, Prescribing};
use super::targets::{defaults, Drug};
use crate::catalog::{builtin, Covariates, ModelDef};
use crate::record::{covariate_steps, covariates_for, DrugRecord, PatientInfo};
use chrono::{DateTime, FixedOffset};

/// Hours of forecast after "now": the next three days.
pub const HORIZON_H: f64 = 72.0;

/// The AUC methods' disagreement flagged by default, percent (a setting of
/// this tool, which the screen lets the user change; not a clinical value).
pub const DEFAULT_DISAGREEMENT_PCT: f64 = 20.0;

/// The record's part for one drug, and the settings of the answer.
#[derive(Debug, Clone, Copy)]
pub struct RecordQuestion<'a> {
    pub drug: Drug,
    pub record: &'a DrugRecord,
    pub patient: &'a PatientInfo,
    /// The clock time the answer is for.
    pub now: DateTime<FixedOffset>,
    /// Posterior draws for the band and the probabilities.
    pub draws: usize,
    /// The market whose strengths the advice is rounded to.
    pub market: Market,
    /// The AUC disagreement flagged, percent; `None` or not a positive
    /// number: [`DEFAULT_DISAGREEMENT_PCT`].
    pub disagreement_pct: Option<f64>,
}

/// A model in use with what it was given.
#[derive(Debug, Clone, PartialEq)]
pub struct ModelInUse {
    pub id: &'static str,
    pub def: ModelDef,
    /// The covariates this model reads, as given (before derived ones).
    pub covariates: Covariates,
}

/// The engine's input, and each model in use.
#[derive(Debug, Clone, PartialEq)]
pub struct RecordInput {
    pub input: TdmInput,
    pub models: Vec<ModelInUse>,
}

/// Why a record gives no input.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum RecordInputError {
    #[error("no built-in model {0}")]
    UnknownModel(&'static str),
    #[error("the built-in model {id} does not load: {reason}")]
    ModelFile { id: &'static str, reason: String },
}

/// The engine's input for `q`.
pub fn input_from_record(q: &RecordQuestion<'_>) -> Result<RecordInput, RecordInputError> {
    let catalogue = drug_catalogue(q.drug);
    let pinned = catalogue.pinned(q.record);
    let ids: Vec<&'static str> = pinned.map_or_else(|| catalogue.models.to_vec(), |id| vec![id]);
    let formulation = catalogue.formulation(q.record);
    let mut covariates = Covariates::new();
    let mut models = Vec::with_capacity(ids.len());
    for &id in &ids {
        let def = builtin(id)
            .ok_or(RecordInputError::UnknownModel(id))?
            .map_err(|e| RecordInputError::ModelFile {
                id,
                reason: e.to_string(),
            })?;
        let (own, _missing) = covariates_for(&def, q.patient, Some(formulation));
        covariates.extend(own.clone());
        models.push(ModelInUse {
            id,
            def,
            covariates: own,
        });
    }
    let targets = defaults(q.drug);
    let input = TdmInput {
        drug: q.drug,
        model_id: catalogue.model_id(q.record).to_owned(),
        covariates,
        covariate_steps: covariate_steps(q.patient),
        comedications: q.patient.comedications.clone(),
        doses: q.record.doses.clone(),
        dose_changes: q.record.dose_changes.clone(),
        levels: q.record.levels.clone(),
        now: q.now,
        target: q.record.target.unwrap_or(targets.aim.range),
        limit: q.record.limit.or(targets.limit.map(|l| l.range)),
        regimens: catalogue.advice_regimens(),
        disagreement_pct: q
            .disagreement_pct
            .filter(|p| p.is_finite() && *p > 0.0)
            .unwrap_or(DEFAULT_DISAGREEMENT_PCT),
        horizon_h: HORIZON_H,
        draws: q.draws,
        without_band: false,
        prescribing: Prescribing {
            market: q.market,
            weight_kg: q.patient.weight_kg,
            breakfast: q.patient.breakfast,
        },
        average: pinned.is_none().then(|| Averaging {
            models: ids.iter().map(|m| (*m).to_owned()).collect(),
            weighting: catalogue.weighting(q.record),
        }),
    };
    Ok(RecordInput { input, models })
}

//! The patient record: what the app stores, exports and restores, with a
//! schema version and migrations, and the mapping from the record to each
//! model's covariates.

mod courses;
mod covariates;
mod disease;
mod ivcy;
pub mod merge;
mod migrate;

/// Dates in the record (treatment starts, pulses), for the app.
pub use chrono::NaiveDate;
pub use courses::{in_order as prednisolone_in_order, CoMedication, PrednisoloneRow};
pub use covariates::{
    carried_by, covariate_steps, covariates_for, setting, CarriedBy, Formulation, AZOLE, CARRIED,
};
pub use disease::{
    Autoantibody, DiseaseProfile, HrctFindings, IpCourse, IpPattern, MyositisType, StartInterval,
    Treatment, TreatmentStart, EARLY_COMBINATION,
};
pub use ivcy::{IvcyPlan, IvcyRecord};

use crate::clinical::biomarkers::LabResult;
use crate::clinical::body::Sex;
use crate::dose::Range;
use crate::estimate::Weighting;
use crate::tdm::{DoseChange, DoseRow, LevelRow};
use serde::{Deserialize, Serialize};

/// Version of the record format written by this build.
///
/// - 1: patient, cyclosporine, tacrolimus, notes.
/// - 2: the product moves from the drug to each dose row (a history may
///   switch Prograf → Graceptor); disease profile, IV cyclophosphamide and
///   laboratory results are added.
/// - 3: prednisolone becomes dated rows (a taper), co-medications get an
///   optional start and stop.
/// - 4: a drug's model weighting left unwritten means the drug's default
///   (`DrugCatalogue::default_weighting`: AIC for tacrolimus, LL for
///   cyclosporine) instead of LL; a tacrolimus record with levels written
///   before keeps the LL it was shown with.
pub const SCHEMA_VERSION: u32 = 4;

/// CYP3A5 genotype as clinicians record it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Cyp3a5 {
    #[default]
    Unknown,
    /// *1 carrier.
    Expresser,
    /// *3/*3.
    NonExpresser,
}

/// Unit in which serum creatinine was entered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CreatinineUnit {
    #[default]
    MgDl,
    UmolL,
}

/// The patient's background.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct PatientInfo {
    pub age_years: Option<f64>,
    pub sex: Option<Sex>,
    pub weight_kg: Option<f64>,
    pub height_cm: Option<f64>,
    pub creatinine: Option<f64>,
    pub creatinine_unit: CreatinineUnit,
    pub hematocrit_pct: Option<f64>,
    pub albumin_g_dl: Option<f64>,
    pub cyp3a5: Cyp3a5,
    /// Prednisolone mg/day over time (schema 3; a taper is several rows).
    pub prednisolone: Vec<PrednisoloneRow>,
    /// Co-medications with their periods (schema 3).
    pub comedications: Vec<CoMedication>,
    /// Breakfast time: doses before or after breakfast are written at it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub breakfast: Option<chrono::NaiveTime>,
}

impl PatientInfo {
    /// The co-medications' names as typed (what the interaction checks
    /// read).
    pub fn comedication_names(&self) -> Vec<&str> {
        self.comedications.iter().map(|m| m.name.as_str()).collect()
    }

    /// The co-medications after the names were edited as a list: each name
    /// keeps the period of an entry of that name (in order), a new name
    /// has none.
    pub fn with_comedication_names(&self, names: &[String]) -> Vec<CoMedication> {
        let mut unused: Vec<&CoMedication> = self.comedications.iter().collect();
        names
            .iter()
            .map(|n| match unused.iter().position(|m| m.name == *n) {
                Some(i) => unused.remove(i).clone(),
                None => CoMedication::named(n.clone()),
            })
            .collect()
    }

    /// Serum creatinine in mg/dL (1 mg/dL = 88.4 µmol/L; clinical-reference
    /// §2, [V]).
    pub fn creatinine_mg_dl(&self) -> Option<f64> {
        self.creatinine.map(|v| match self.creatinine_unit {
            CreatinineUnit::MgDl => v,
            CreatinineUnit::UmolL => v / 88.4,
        })
    }
}

/// One drug's monitoring data.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct DrugRecord {
    /// The built-in model the user pinned; empty = the average of the
    /// drug's models (the default view).
    pub model_id: String,
    /// How the average weighs the models; `None`: the drug's default
    /// (`DrugCatalogue::weighting`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub weighting: Option<Weighting>,
    /// The product of new rows and of dose advice (each row keeps its own).
    pub formulation: Option<Formulation>,
    pub doses: Vec<DoseRow>,
    /// Missed and late doses of the rows.
    pub dose_changes: Vec<DoseChange>,
    pub levels: Vec<LevelRow>,
    /// User-edited targets (None = the defaults).
    pub target: Option<Range>,
    pub limit: Option<Range>,
}

/// A patient's record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PatientRecord {
    pub schema: u32,
    /// Stable identifier (random, not identifying the patient).
    pub id: String,
    /// What the user calls the record (initials, bed, local number).
    #[serde(default)]
    pub label: String,
    #[serde(default)]
    pub patient: PatientInfo,
    #[serde(default)]
    pub cyclosporine: DrugRecord,
    #[serde(default)]
    pub tacrolimus: DrugRecord,
    #[serde(default)]
    pub disease: DiseaseProfile,
    #[serde(default)]
    pub ivcy: IvcyRecord,
    /// Laboratory and lung-function results, any order.
    #[serde(default)]
    pub labs: Vec<LabResult>,
    #[serde(default)]
    pub notes: String,
}

impl PatientRecord {
    pub fn new(id: impl Into<String>) -> Self {
        PatientRecord {
            schema: SCHEMA_VERSION,
            id: id.into(),
            label: String::new(),
            patient: PatientInfo::default(),
            cyclosporine: DrugRecord::default(),
            tacrolimus: DrugRecord::default(),
            disease: DiseaseProfile::default(),
            ivcy: IvcyRecord::default(),
            labs: Vec::new(),
            notes: String::new(),
        }
    }
}

/// Why a stored or imported record cannot be read.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum RecordError {
    #[error("not a DMIP Monitor record: {0}")]
    NotARecord(String),
    #[error("record format {found} is newer than this version of the app understands ({supported}); update the app")]
    TooNew { found: u32, supported: u32 },
}

/// Reads a record of any known schema version (JSON text), migrating older
/// ones. Nothing is guessed: a field that cannot be read is an error naming
/// it.
pub fn read(text: &str) -> Result<PatientRecord, RecordError> {
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|e| RecordError::NotARecord(e.to_string()))?;
    let schema = value
        .get("schema")
        .and_then(|v| v.as_u64())
        .ok_or_else(|| RecordError::NotARecord("no “schema” version field".into()))?;
    let schema =
        u32::try_from(schema).map_err(|_| RecordError::NotARecord(format!("schema {schema}")))?;
    if schema > SCHEMA_VERSION {
        return Err(RecordError::TooNew {
            found: schema,
            supported: SCHEMA_VERSION,
        });
    }
    let value = migrate::to_current(schema, value)?;
    let mut record: PatientRecord =
        serde_json::from_value(value).map_err(|e| RecordError::NotARecord(e.to_string()))?;
    record.schema = SCHEMA_VERSION;
    Ok(record)
}

/// Writes a record as JSON text.
pub fn write(record: &PatientRecord) -> String {
    // Serialising plain data cannot fail; an empty object is the fallback.
    serde_json::to_string(record).unwrap_or_else(|_| "{}".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_round_trip_and_bad_ones_are_named() {
        let mut r = PatientRecord::new("abc");
        r.patient.weight_kg = Some(52.5);
        r.patient.cyp3a5 = Cyp3a5::NonExpresser;
        r.patient.prednisolone = vec![
            PrednisoloneRow {
                start: None,
                mg_day: 30.0,
            },
            PrednisoloneRow {
                start: chrono::DateTime::parse_from_rfc3339("2026-11-15T08:00:00+09:00").ok(),
                mg_day: 15.0,
            },
        ];
        r.patient.comedications = vec![
            CoMedication::named("ST合剤"),
            CoMedication {
                name: "itraconazole".into(),
                start: chrono::DateTime::parse_from_rfc3339("2026-11-02T08:00:00+09:00").ok(),
                stop: None,
            },
        ];
        assert_eq!(read(&write(&r)), Ok(r.clone()));
        // Names edited as a list keep their periods.
        let names = ["itraconazole".to_owned(), "PPI".to_owned()];
        let edited = r.patient.with_comedication_names(&names);
        assert_eq!(edited[0], r.patient.comedications[1]);
        assert_eq!(edited[1], CoMedication::named("PPI"));
        assert_eq!(r.patient.comedication_names(), ["ST合剤", "itraconazole"]);
        assert_eq!(
            read("{\"schema\": 99}"),
            Err(RecordError::TooNew {
                found: 99,
                supported: SCHEMA_VERSION
            })
        );
        assert_eq!(
            read("[1,2]"),
            Err(RecordError::NotARecord("no “schema” version field".into()))
        );
        assert!(
            matches!(read("{\"schema\":1,\"id\":5}"), Err(RecordError::NotARecord(m)) if m.contains("invalid type"))
        );
        // A minimal version-1 record (older writer, fewer fields) still reads.
        assert_eq!(
            read("{\"schema\":1,\"id\":\"x\"}").map(|r| r.id),
            Ok("x".to_string())
        );
    }

    #[test]
    fn the_model_choice_defaults_to_the_average_and_a_choice_is_kept() {
        // A record written before averaging: no weighting, no model pinned.
        let old =
            read(r#"{"schema":2,"id":"x","tacrolimus":{"doses":[],"levels":[]}}"#).expect("reads");
        assert_eq!(old.tacrolimus.model_id, "");
        assert_eq!(old.tacrolimus.weighting, None);
        // The drug's default is not written; a choice and a pin are.
        assert!(!write(&old).contains("weighting"));
        let mut r = old.clone();
        r.tacrolimus.weighting = Some(Weighting::Ll);
        r.cyclosporine.weighting = Some(Weighting::Aic);
        r.cyclosporine.model_id = "umpierrez2021_csa".into();
        let text = write(&r);
        assert!(text.contains(r#""weighting":"aic""#), "{text}");
        assert!(text.contains(r#""weighting":"ll""#), "{text}");
        assert_eq!(read(&text), Ok(r));
    }
}

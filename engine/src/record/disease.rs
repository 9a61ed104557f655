//! The disease profile (issue 9): myositis type, autoantibodies, pattern and
//! course of the interstitial pneumonia, HRCT findings and the dates each
//! treatment started.

use crate::clinical::risk::AntiMda5;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Clinical type of the myositis.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MyositisType {
    Dm,
    Pm,
    /// Clinically amyopathic DM (amyopathic and hypomyopathic).
    Cadm,
}

/// A myositis-specific or associated autoantibody other than anti-MDA5
/// (which carries a grade: [`DiseaseProfile::anti_mda5`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "antibody", content = "name")]
pub enum Autoantibody {
    Jo1,
    Pl7,
    Pl12,
    Ej,
    Oj,
    Ks,
    Srp,
    /// As written on the report (e.g. anti-TIF1-γ, anti-Mi-2, anti-Ro52).
    Other(String),
}

impl Autoantibody {
    /// The anti-ARS family (aminoacyl-tRNA synthetases).
    pub fn is_anti_ars(&self) -> bool {
        matches!(
            self,
            Autoantibody::Jo1
                | Autoantibody::Pl7
                | Autoantibody::Pl12
                | Autoantibody::Ej
                | Autoantibody::Oj
                | Autoantibody::Ks
        )
    }
}

/// Histological or radiological pattern of the IP.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IpPattern {
    Nsip,
    Cop,
    Dad,
    Uip,
    Unclassified,
}

/// Course of the IP.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IpCourse {
    AcuteSubacute,
    Chronic,
    Asymptomatic,
}

/// HRCT findings (present or not) and the extent or score if recorded.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct HrctFindings {
    pub date: Option<NaiveDate>,
    pub ggo: bool,
    pub consolidation: bool,
    pub subpleural_curvilinear_shadow: bool,
    pub reticulation: bool,
    pub traction_bronchiectasis: bool,
    pub decreased_lung_volume: bool,
    pub honeycombing: bool,
    /// Extent of disease, % of lung.
    pub extent_pct: Option<f64>,
    /// Renji semi-quantitative HRCT score (FLAIR input).
    pub score: Option<f64>,
}

/// A treatment whose start date is recorded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "drug", content = "name")]
pub enum Treatment {
    Corticosteroid,
    MethylprednisolonePulse,
    Cyclosporine,
    Tacrolimus,
    IvCyclophosphamide,
    Other(String),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TreatmentStart {
    pub treatment: Treatment,
    pub date: NaiveDate,
}

/// The disease as the clinician records it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct DiseaseProfile {
    pub myositis: Option<MyositisType>,
    pub anti_mda5: Option<AntiMda5>,
    /// Anti-MDA5 titre as reported (index, U/mL: the assay's own unit).
    pub anti_mda5_titre: Option<f64>,
    pub antibodies: Vec<Autoantibody>,
    pub ip_pattern: Option<IpPattern>,
    pub ip_course: Option<IpCourse>,
    pub rapidly_progressive: bool,
    pub hrct: HrctFindings,
    pub treatment_starts: Vec<TreatmentStart>,
}

//! The disease profile: myositis type, autoantibodies, pattern and
//! course of the interstitial pneumonia, HRCT findings and the dates each
//! treatment started.

use crate::clinical::risk::AntiMda5;
use crate::clinical::status::{Gap, Status};
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

impl Treatment {
    /// A glucocorticoid (oral or methylprednisolone pulse).
    pub fn is_corticosteroid(&self) -> bool {
        matches!(
            self,
            Treatment::Corticosteroid | Treatment::MethylprednisolonePulse
        )
    }
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

/// An immunosuppressant's start, counted from the first corticosteroid start.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StartInterval {
    pub treatment: Treatment,
    pub date: NaiveDate,
    /// Calendar days after the first corticosteroid start (negative: before).
    pub days_after_corticosteroid: i64,
}

/// Whether an interval counts as early combination therapy. The review
/// this project is built from cites a 2-week window (Nagasawa 2003; Takada 2007), but neither paper is in the
/// clinical pack, so no verdict is given: only the days are shown.
pub const EARLY_COMBINATION: Status<bool> = Status::Unavailable {
    gap: Gap::EarlyCombinationWindow,
};

impl DiseaseProfile {
    /// The earliest corticosteroid (or steroid pulse) start date.
    pub fn corticosteroid_start(&self) -> Option<NaiveDate> {
        self.treatment_starts
            .iter()
            .filter(|s| s.treatment.is_corticosteroid())
            .map(|s| s.date)
            .min()
    }

    /// Each other treatment's start, in date order, as days after the first
    /// corticosteroid start; empty when no corticosteroid start is recorded.
    pub fn start_intervals(&self) -> Vec<StartInterval> {
        let Some(steroid) = self.corticosteroid_start() else {
            return Vec::new();
        };
        let mut out: Vec<StartInterval> = self
            .treatment_starts
            .iter()
            .filter(|s| !s.treatment.is_corticosteroid())
            .map(|s| StartInterval {
                treatment: s.treatment.clone(),
                date: s.date,
                days_after_corticosteroid: (s.date - steroid).num_days(),
            })
            .collect();
        out.sort_by_key(|i| i.date);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn start(treatment: Treatment, m: u32, d: u32) -> TreatmentStart {
        TreatmentStart {
            treatment,
            date: NaiveDate::from_ymd_opt(2025, m, d).unwrap(),
        }
    }

    #[test]
    fn intervals_count_days_from_the_first_corticosteroid() {
        let mut p = DiseaseProfile {
            treatment_starts: vec![
                start(Treatment::IvCyclophosphamide, 4, 20),
                start(Treatment::Corticosteroid, 4, 3),
                start(Treatment::Tacrolimus, 4, 10),
                start(Treatment::MethylprednisolonePulse, 4, 1),
            ],
            ..DiseaseProfile::default()
        };
        assert_eq!(
            p.corticosteroid_start(),
            NaiveDate::from_ymd_opt(2025, 4, 1)
        );
        let days: Vec<(Treatment, i64)> = p
            .start_intervals()
            .into_iter()
            .map(|i| (i.treatment, i.days_after_corticosteroid))
            .collect();
        assert_eq!(
            days,
            vec![
                (Treatment::Tacrolimus, 9),
                (Treatment::IvCyclophosphamide, 19)
            ]
        );
        // Started before the steroid: a negative interval, not dropped.
        p.treatment_starts
            .push(start(Treatment::Other("MMF".into()), 3, 30));
        assert_eq!(p.start_intervals()[0].days_after_corticosteroid, -2);
        // No steroid start: nothing to count from.
        p.treatment_starts
            .retain(|s| !s.treatment.is_corticosteroid());
        assert!(p.start_intervals().is_empty());
        assert_eq!(EARLY_COMBINATION.gap(), Some(Gap::EarlyCombinationWindow));
    }

    #[test]
    fn old_profiles_without_new_fields_still_read() {
        let p: DiseaseProfile = serde_json::from_str(
            r#"{"myositis":"cadm","antibodies":[{"antibody":"jo1"},{"antibody":"other","name":"TIF1-γ"}],
                "treatment_starts":[{"treatment":{"drug":"other","name":"MMF"},"date":"2025-04-01"}]}"#,
        )
        .unwrap();
        assert_eq!(p.myositis, Some(MyositisType::Cadm));
        assert!(p.antibodies[0].is_anti_ars());
        assert_eq!(p.antibodies[1], Autoantibody::Other("TIF1-γ".into()));
        assert!(!p.rapidly_progressive);
    }
}

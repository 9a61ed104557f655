//! What DM/PM-IP patients were measured at: the cohort figures the
//! population check ([`super::popcheck`]) sets each model's typical patient
//! against. Only verified items of the clinical pack (§5.1 [V] and §5.1b
//! [V-review]) and of the pharmacokinetic pack for autoimmune disease
//! (§1.1 and §1.2 [V-paper]), each with its citation.

use super::targets::Drug;
use crate::dose::Metric;
use serde::Serialize;

/// How a cohort was dosed.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(tag = "dose", rename_all = "snake_case")]
pub enum CohortDose {
    /// mg per kg of body weight per day.
    MgPerKgDay { mg_per_kg_day: f64 },
    /// mg per day whatever the weight.
    MgPerDay { mg_per_day: f64 },
    /// The Japanese tacrolimus label's start for PM/DM-IP
    /// ([`super::starting_dose::label_regimen`]).
    TacrolimusLabel,
    /// No dose published: the amount that puts the typical patient's
    /// `metric` at `value` (the model's own C0 at the cohort's C2).
    Reaching { metric: Metric, value: f64 },
}

/// A figure measured in the cohort.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct CohortFigure {
    pub metric: Metric,
    /// Mean (or the value published); per mg/kg/day when `per_mg_kg_day`.
    pub mean: f64,
    /// Standard deviation, when published.
    pub sd: Option<f64>,
    /// Range (lowest, highest patient), when published instead.
    pub range: Option<(f64, f64)>,
    /// The figure is a concentration per dose (ng/mL per mg/kg/day): the
    /// expected level is it times the regimen's mg/kg/day.
    pub per_mg_kg_day: bool,
}

/// A DM/PM-IP cohort (or the label) with what it measured.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Cohort {
    pub id: &'static str,
    pub drug: Drug,
    /// "Nagai 2010".
    pub name: &'static str,
    pub patients: &'static str,
    pub dose: CohortDose,
    /// The dosing intervals computed: both once and twice daily where the
    /// publication does not say which its patients took.
    pub intervals_h: &'static [f64],
    pub figures: &'static [CohortFigure],
    /// The CYP3A5 genotype of the figure (0 = \*3/\*3), when it is one's.
    pub cyp3a5: Option<f64>,
    pub source: &'static str,
}

const fn level(
    metric: Metric,
    mean: f64,
    sd: Option<f64>,
    range: Option<(f64, f64)>,
) -> CohortFigure {
    CohortFigure {
        metric,
        mean,
        sd,
        range,
        per_mg_kg_day: false,
    }
}

const C2: Metric = Metric::C { hours: 2.0 };

/// Nagai 2010: C2 1222.6 ± 523.8 ng/mL with C0 157.3 ± 41.4 ng/mL; once
/// daily before breakfast and twice daily after meals were compared (no
/// difference in C2), so both are computed.
pub const NAGAI_2010: Cohort = Cohort {
    id: "nagai2010",
    drug: Drug::Cyclosporine,
    name: "Nagai 2010",
    patients: "15 DM-IP patients (Japan), Neoral",
    dose: CohortDose::Reaching {
        metric: C2,
        value: 1222.6,
    },
    intervals_h: &[12.0, 24.0],
    figures: &[level(Metric::C0, 157.3, Some(41.4), None)],
    cyp3a5: None,
    source: "Nagai K, et al. Therapeutic drug monitoring of cyclosporine microemulsion in \
             interstitial pneumonia with dermatomyositis. Mod Rheumatol 2010;21:32-36 \
             (C2 1222.6 ± 523.8 ng/mL with C0 157.3 ± 41.4 ng/mL), as summarised in the review \
             ‘Interstitial Pneumonia in Dermatomyositis’ (Neuromuscular Disorders, InTech)",
};

/// Kotani 2011: 4 mg/kg/day with prednisolone 1 mg/kg; C0 178.8 (71–456),
/// C2 1336.6 (814–2873) ng/mL.
pub const KOTANI_2011: Cohort = Cohort {
    id: "kotani2011",
    drug: Drug::Cyclosporine,
    name: "Kotani 2011",
    patients: "14 DM-IP patients (Japan), cyclosporine 4 mg/kg/day + prednisolone 1 mg/kg",
    dose: CohortDose::MgPerKgDay { mg_per_kg_day: 4.0 },
    intervals_h: &[12.0, 24.0],
    figures: &[
        level(Metric::C0, 178.8, None, Some((71.0, 456.0))),
        level(C2, 1336.6, None, Some((814.0, 2873.0))),
    ],
    cyp3a5: None,
    source: "Kotani T, et al. Clin Rheumatol 2011;30(8):1021-1028 (C0 178.8 (71–456) ng/mL, \
             C2 1336.6 (814–2873) ng/mL)",
};

/// Kotani 2008, group B: 200 mg/day (C2 kept at 1000 ng/mL), C0 201.3 ng/mL.
pub const KOTANI_2008: Cohort = Cohort {
    id: "kotani2008",
    drug: Drug::Cyclosporine,
    name: "Kotani 2008",
    patients: "DM-A/SIP patients (Japan), group B: cyclosporine 4 mg/kg/day + prednisolone \
               1 mg/kg, C2 target 1000 ng/mL, 200 mg/day",
    dose: CohortDose::MgPerDay { mg_per_day: 200.0 },
    intervals_h: &[12.0, 24.0],
    figures: &[level(Metric::C0, 201.3, None, None)],
    cyp3a5: None,
    source: "Kotani T, Makino S, Takeuchi T, et al. J Rheumatol 2008;35(2):254-259 (observed C0 \
             201.3 ng/mL at 200 mg/day)",
};

/// The Japanese tacrolimus label for PM/DM-IP: 0.0375 mg/kg twice daily,
/// target trough 5–10 ng/mL.
pub const TACROLIMUS_LABEL: Cohort = Cohort {
    id: "tacrolimus_label",
    drug: Drug::Tacrolimus,
    name: "Japanese label",
    patients: "PM/DM-IP, the label's starting dose",
    dose: CohortDose::TacrolimusLabel,
    intervals_h: &[12.0],
    figures: &[level(Metric::C0, 7.5, None, Some((5.0, 10.0)))],
    cyp3a5: Some(0.0),
    source: "Japanese package insert of tacrolimus (PM/DM-IP): 0.0375 mg/kg twice daily after \
             breakfast and dinner, target trough 5–10 ng/mL (DSU No. 323, January 2024)",
};

/// Japanese DM-ILD: C/D 154.6 ± 25.6 ng/mL per mg/kg/day in \*3/\*3.
pub const JAPANESE_DM_ILD: Cohort = Cohort {
    id: "japanese_dm_ild",
    drug: Drug::Tacrolimus,
    name: "Japanese DM-ILD C/D",
    patients: "6 CYP3A5 *3/*3 DM-ILD patients (Japan), eGFR > 60, twice daily after meals",
    dose: CohortDose::TacrolimusLabel,
    intervals_h: &[12.0],
    figures: &[CohortFigure {
        metric: Metric::C0,
        mean: 154.6,
        sd: Some(25.6),
        range: None,
        per_mg_kg_day: true,
    }],
    cyp3a5: Some(0.0),
    source: "EULAR 2020 abstract FRI0246 (Japanese DM-ILD): trough per dose 154.6 ± 25.6 ng/mL \
             per mg/kg/day in CYP3A5 *3/*3 (n = 6)",
};

/// Every cohort, cyclosporine first.
pub const COHORTS: [Cohort; 5] = [
    NAGAI_2010,
    KOTANI_2011,
    KOTANI_2008,
    TACROLIMUS_LABEL,
    JAPANESE_DM_ILD,
];

/// The cohorts of `drug`.
pub fn of(drug: Drug) -> impl Iterator<Item = &'static Cohort> {
    COHORTS.iter().filter(move |c| c.drug == drug)
}

/// Prednisolone in the DM-IP cohorts: 1 mg/kg/day with cyclosporine
/// (Kotani 2008 and 2011); the population check gives Press 2010 this dose
/// (≥ 20 mg/day at any adult weight: its prednisolone effect on).
pub const PREDNISOLONE_MG_PER_KG_DAY: f64 = 1.0;
pub const PREDNISOLONE_SOURCE: &str =
    "Kotani T, et al. J Rheumatol 2008;35:254-259 and Clin Rheumatol 2011;30:1021-1028: \
     cyclosporine with prednisolone 1 mg/kg/day";

//! The per-drug catalogue that the app and the CLI both offer: each drug's
//! built-in models (averaged unless the record pins one), its products, and
//! the regimens its advice compares, as a prescription says them (interval,
//! product, before or after meals). The app adds only the words for them.

use super::input::{DoseRow, MealTiming};
use super::targets::Drug;
use crate::dose::Regimen;
use crate::estimate::Weighting;
use crate::record::{DrugRecord, Formulation, PatientRecord};

/// A regimen the advice compares.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RegimenChoice {
    /// Stable id: the regimen's label in the engine's input and output.
    pub id: &'static str,
    pub interval_h: f64,
    /// The product it is given as (set on the record when applied).
    pub formulation: Formulation,
    /// Before or after meals, as the prescription writes it.
    pub meal: MealTiming,
}

/// What one drug offers.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DrugCatalogue {
    pub drug: Drug,
    /// The built-in models (averaged unless one is pinned); the first is
    /// the one whose compartments a table of levels is read in.
    pub models: &'static [&'static str],
    /// The products, the default first.
    pub formulations: &'static [Formulation],
    pub regimens: &'static [RegimenChoice],
    /// How the average weighs the models unless the record says.
    pub default_weighting: Weighting,
}

/// Neoral twice daily after meals, or once daily before breakfast (Nagai
/// 2010: the same C2 with a lower C0).
pub static CYCLOSPORINE: DrugCatalogue = DrugCatalogue {
    drug: Drug::Cyclosporine,
    models: &["press2010_csa", "umpierrez2021_csa"],
    formulations: &[Formulation::Neoral],
    regimens: &[
        RegimenChoice {
            id: "csa_q12h_after_meals",
            interval_h: 12.0,
            formulation: Formulation::Neoral,
            meal: MealTiming::AfterMeal,
        },
        RegimenChoice {
            id: "csa_q24h_before_breakfast",
            interval_h: 24.0,
            formulation: Formulation::Neoral,
            meal: MealTiming::BeforeMeal,
        },
    ],
    // LL (mapbayr's default): the two weightings' forecast errors differ
    // by at most 0.2 point on the cyclosporine virtual patients
    // (BENCHMARKS.md, forecast benchmark).
    default_weighting: Weighting::Ll,
};

/// The Japanese label's PM/DM-IP regimen: Prograf twice daily after
/// breakfast and dinner (DSU No.323, 2024-01). Graceptor has no PM/DM-IP
/// indication (transplant only: Graceptor package insert 2023-12), so it is
/// not offered as advice; a patient on it keeps it in the history.
pub static TACROLIMUS: DrugCatalogue = DrugCatalogue {
    drug: Drug::Tacrolimus,
    models: &[
        "woillard2011_tac",
        "monchaud2012_tac",
        "kirubakaran2022_tac",
    ],
    formulations: &[Formulation::Prograf, Formulation::Graceptor],
    regimens: &[RegimenChoice {
        id: "tac_q12h_prograf",
        interval_h: 12.0,
        formulation: Formulation::Prograf,
        meal: MealTiming::AfterMeal,
    }],
    // AIC: on the tacrolimus virtual patients the LL weights follow the
    // residual error models' tightness (the true Kirubakaran model got
    // 0.38 of the weight) and the LL average's error was 17–27 % above the
    // true model's; the AIC average's stayed within 10 % for every truth
    // and seed (BENCHMARKS.md, forecast benchmark).
    default_weighting: Weighting::Aic,
};

/// What `drug` offers.
pub fn drug_catalogue(drug: Drug) -> &'static DrugCatalogue {
    match drug {
        Drug::Cyclosporine => &CYCLOSPORINE,
        Drug::Tacrolimus => &TACROLIMUS,
    }
}

impl DrugCatalogue {
    /// This drug's part of the record.
    pub fn of(self, record: &PatientRecord) -> &DrugRecord {
        match self.drug {
            Drug::Cyclosporine => &record.cyclosporine,
            Drug::Tacrolimus => &record.tacrolimus,
        }
    }

    /// This drug's part of the record, to edit.
    pub fn of_mut(self, record: &mut PatientRecord) -> &mut DrugRecord {
        match self.drug {
            Drug::Cyclosporine => &mut record.cyclosporine,
            Drug::Tacrolimus => &mut record.tacrolimus,
        }
    }

    /// The model the record pins, when it is one of this drug's; `None`:
    /// the average of the drug's models (the default).
    pub fn pinned(self, record: &DrugRecord) -> Option<&'static str> {
        self.models.iter().copied().find(|m| *m == record.model_id)
    }

    /// The model in use: the pinned one, else the drug's first.
    pub fn model_id(self, record: &DrugRecord) -> &'static str {
        self.pinned(record).unwrap_or(self.models[0])
    }

    /// How the average weighs the models: the record's choice, else the
    /// drug's default.
    pub fn weighting(self, record: &DrugRecord) -> Weighting {
        record.weighting.unwrap_or(self.default_weighting)
    }

    /// The product in use: the record's when it is one of this drug's, else
    /// the first.
    pub fn formulation(self, record: &DrugRecord) -> Formulation {
        record
            .formulation
            .filter(|f| self.formulations.contains(f))
            .unwrap_or(self.formulations[0])
    }

    /// The product of dose row `row`: its own, else the record's (as the
    /// engine reads a row that names none).
    pub fn row_formulation(self, record: &DrugRecord, row: &DoseRow) -> Formulation {
        row.formulation.unwrap_or_else(|| self.formulation(record))
    }

    /// The regimen with id `id`.
    pub fn regimen(self, id: &str) -> Option<&'static RegimenChoice> {
        self.regimens.iter().find(|r| r.id == id)
    }

    /// The regimens as the advice reads them.
    pub fn advice_regimens(self) -> Vec<Regimen> {
        self.regimens
            .iter()
            .map(|r| Regimen {
                label: r.id.to_owned(),
                interval_h: r.interval_h,
                note: None,
            })
            .collect()
    }
}

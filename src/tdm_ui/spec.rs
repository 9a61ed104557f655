//! What differs between the two drug screens: the drug, its built-in
//! models, its products and the regimens the advice compares.

use crate::i18n::Key;
use dmip_engine::record::{DrugRecord, Formulation, PatientRecord};
use dmip_engine::tdm::Drug;
use dmip_engine::tdm::{DoseRow, MealTiming};

/// A regimen the advice table compares.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RegimenSpec {
    /// Stable id passed to the engine as the regimen label.
    pub id: &'static str,
    pub interval_h: f64,
    /// Product given with it (set on the record when applied).
    pub formulation: Formulation,
    /// Name shown.
    pub name: Key,
    /// Plain-language remark shown with it.
    pub note: Option<Key>,
    /// Before or after meals, as the prescription writes it.
    pub meal: MealTiming,
}

/// One drug screen.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DrugSpec {
    pub drug: Drug,
    /// Prefix of element ids (`csa`, `tac`).
    pub slug: &'static str,
    /// The built-in models for this drug (averaged unless one is pinned).
    pub models: &'static [&'static str],
    pub formulations: &'static [Formulation],
    pub regimens: &'static [RegimenSpec],
}

pub static CYCLOSPORINE: DrugSpec = DrugSpec {
    drug: Drug::Cyclosporine,
    slug: "csa",
    models: &["press2010_csa", "umpierrez2021_csa"],
    formulations: &[Formulation::Neoral],
    regimens: &[
        RegimenSpec {
            id: "csa_q12h_after_meals",
            interval_h: 12.0,
            formulation: Formulation::Neoral,
            name: Key::TdmRegimenCsaTwiceDaily,
            note: Some(Key::TdmRegimenNoFoodEffect),
            meal: MealTiming::AfterMeal,
        },
        RegimenSpec {
            id: "csa_q24h_before_breakfast",
            interval_h: 24.0,
            formulation: Formulation::Neoral,
            name: Key::TdmRegimenCsaOnceDaily,
            note: Some(Key::TdmRegimenNagai),
            meal: MealTiming::BeforeMeal,
        },
    ],
};

pub static TACROLIMUS: DrugSpec = DrugSpec {
    drug: Drug::Tacrolimus,
    slug: "tac",
    models: &[
        "woillard2011_tac",
        "monchaud2012_tac",
        "kirubakaran2022_tac",
    ],
    formulations: &[Formulation::Prograf, Formulation::Graceptor],
    // The Japanese label's PM/DM-IP regimen: Prograf twice daily after
    // breakfast and dinner (DSU No.323, 2024-01). Graceptor has no PM/DM-IP
    // indication (transplant only: Graceptor package insert 2023-12), so it
    // is not offered as advice; a patient on it keeps it in the history.
    regimens: &[RegimenSpec {
        id: "tac_q12h_prograf",
        interval_h: 12.0,
        formulation: Formulation::Prograf,
        name: Key::TdmRegimenTacPrograf,
        note: None,
        meal: MealTiming::AfterMeal,
    }],
};

impl DrugSpec {
    /// The screen of `drug`.
    pub fn of_drug(drug: Drug) -> &'static DrugSpec {
        match drug {
            Drug::Cyclosporine => &CYCLOSPORINE,
            Drug::Tacrolimus => &TACROLIMUS,
        }
    }

    /// The product of dose row `row` of `record`: its own, else the
    /// record's (as the engine reads a row that names none).
    pub fn row_formulation(self, record: &DrugRecord, row: &DoseRow) -> Formulation {
        row.formulation.unwrap_or_else(|| self.formulation(record))
    }

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

    /// The model in use: the pinned one, else the drug's first (the one
    /// whose compartments a table of levels is read in).
    pub fn model_id(self, record: &DrugRecord) -> &'static str {
        self.pinned(record).unwrap_or(self.models[0])
    }

    /// The product in use: the record's, else the first.
    pub fn formulation(self, record: &DrugRecord) -> Formulation {
        record
            .formulation
            .filter(|f| self.formulations.contains(f))
            .unwrap_or(self.formulations[0])
    }

    /// The regimen with engine label `id`.
    pub fn regimen(self, id: &str) -> Option<&'static RegimenSpec> {
        self.regimens.iter().find(|r| r.id == id)
    }
}

/// The name of a product.
pub fn formulation_key(f: Formulation) -> Key {
    match f {
        Formulation::Neoral => Key::TdmFormNeoral,
        Formulation::Prograf => Key::TdmFormPrograf,
        Formulation::Graceptor => Key::TdmFormGraceptor,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_row_naming_no_product_has_the_record_s() {
        let row = |formulation| DoseRow {
            start: chrono::DateTime::parse_from_rfc3339("2026-11-01T08:00:00+09:00").unwrap(),
            amount_mg: 2.0,
            interval_h: Some(24.0),
            count: 1,
            at_steady_state: false,
            formulation,
            ongoing: false,
            meal: None,
        };
        let record = DrugRecord {
            formulation: Some(Formulation::Graceptor),
            ..DrugRecord::default()
        };
        let spec = DrugSpec::of_drug(Drug::Tacrolimus);
        assert_eq!(
            spec.row_formulation(&record, &row(None)),
            Formulation::Graceptor
        );
        let own = row(Some(Formulation::Prograf));
        assert_eq!(spec.row_formulation(&record, &own), Formulation::Prograf);
        // No product anywhere: the drug's first.
        let bare = DrugRecord::default();
        assert_eq!(
            spec.row_formulation(&bare, &row(None)),
            Formulation::Prograf
        );
    }
}

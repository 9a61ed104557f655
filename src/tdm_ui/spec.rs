//! What differs between the two drug screens: the drug, its element-id
//! prefix and the words of the regimens its advice compares. The models,
//! products and regimens themselves are the engine's
//! (`dmip_engine::tdm::drug_catalogue`), which the CLI offers too.

use crate::i18n::Key;
use dmip_engine::record::{DrugRecord, Formulation, PatientRecord};
use dmip_engine::tdm::drug_catalogue::{self, DrugCatalogue, RegimenChoice};
use dmip_engine::tdm::{DoseRow, Drug};

/// A regimen the advice table compares: the engine's (interval, product,
/// meals) with the words the screen shows for it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RegimenSpec {
    pub choice: &'static RegimenChoice,
    /// Name shown.
    pub name: Key,
    /// Plain-language remark shown with it.
    pub note: Option<Key>,
}

/// One drug screen: the engine's catalogue of the drug, with the screen's
/// element-id prefix and the words of its regimens.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DrugSpec {
    pub drug: Drug,
    /// Prefix of element ids (`csa`, `tac`).
    pub slug: &'static str,
    /// The catalogue's regimens, in its order, with their words.
    pub regimens: &'static [RegimenSpec],
}

pub static CYCLOSPORINE: DrugSpec = DrugSpec {
    drug: Drug::Cyclosporine,
    slug: "csa",
    regimens: &[
        RegimenSpec {
            choice: &drug_catalogue::CYCLOSPORINE.regimens[0],
            name: Key::TdmRegimenCsaTwiceDaily,
            note: Some(Key::TdmRegimenNoFoodEffect),
        },
        RegimenSpec {
            choice: &drug_catalogue::CYCLOSPORINE.regimens[1],
            name: Key::TdmRegimenCsaOnceDaily,
            note: Some(Key::TdmRegimenNagai),
        },
    ],
};

pub static TACROLIMUS: DrugSpec = DrugSpec {
    drug: Drug::Tacrolimus,
    slug: "tac",
    regimens: &[RegimenSpec {
        choice: &drug_catalogue::TACROLIMUS.regimens[0],
        name: Key::TdmRegimenTacPrograf,
        note: None,
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

    /// What the engine offers for this drug.
    pub fn catalogue(self) -> &'static DrugCatalogue {
        drug_catalogue::drug_catalogue(self.drug)
    }

    /// The built-in models of this drug.
    pub fn models(self) -> &'static [&'static str] {
        self.catalogue().models
    }

    /// The product of dose row `row` of `record`: its own, else the
    /// record's (as the engine reads a row that names none).
    pub fn row_formulation(self, record: &DrugRecord, row: &DoseRow) -> Formulation {
        self.catalogue().row_formulation(record, row)
    }

    /// This drug's part of the record.
    pub fn of(self, record: &PatientRecord) -> &DrugRecord {
        self.catalogue().of(record)
    }

    /// This drug's part of the record, to edit.
    pub fn of_mut(self, record: &mut PatientRecord) -> &mut DrugRecord {
        self.catalogue().of_mut(record)
    }

    /// The model the record pins; `None`: the average of the drug's models.
    pub fn pinned(self, record: &DrugRecord) -> Option<&'static str> {
        self.catalogue().pinned(record)
    }

    /// The product in use: the record's, else the first.
    pub fn formulation(self, record: &DrugRecord) -> Formulation {
        self.catalogue().formulation(record)
    }

    /// The regimen with engine label `id`.
    pub fn regimen(self, id: &str) -> Option<&'static RegimenSpec> {
        self.regimens.iter().find(|r| r.choice.id == id)
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
    fn every_regimen_of_the_engine_has_its_words_in_order() {
        for spec in [&CYCLOSPORINE, &TACROLIMUS] {
            let ids: Vec<&str> = spec.regimens.iter().map(|r| r.choice.id).collect();
            let engine: Vec<&str> = spec.catalogue().regimens.iter().map(|r| r.id).collect();
            assert_eq!(ids, engine, "{}", spec.slug);
        }
    }

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

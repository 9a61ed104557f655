//! DMIP Monitor engine: pharmacokinetics (dosing histories, exact linear
//! compartment models, NCA, limited-sampling AUC) and clinical calculations
//! for DM/PM interstitial pneumonia.
//!
//! Pure Rust with no web dependency: the same code runs natively (tests,
//! benchmarks, the `dmip` CLI) and inside the browser app.
//!
//! # Which question → which function
//!
//! The app and the CLI ask the engine clinical questions; each is one
//! function taking one argument struct.
//!
//! | question | function | CLI |
//! |---|---|---|
//! | what goes into the computation for this record's drug? | [`tdm::input_from_record`] ([`tdm::RecordQuestion`]) | `dmip advise --record … --input-only` |
//! | what does the drug screen show: estimate, curves, AUCs, advice with its checks? | [`tdm::compute`] (its input from the question above) | `dmip advise --record …` |
//! | where do the levels sit against the targets; which regimen is suggested? | [`tdm::target_status()`] ([`tdm::TargetQuestion`]) | `dmip advise` (`advice`) |
//! | which models, products and regimens does a drug offer? | [`tdm::drug_catalogue()`] | `dmip models` |
//! | does each model predict our DM/PM-IP patients? | [`tdm::popcheck::population_check`] ([`tdm::popcheck::PopulationQuestion`]) | `dmip popcheck` |
//! | what tacrolimus dose before any level? | [`tdm::starting_dose::starting_dose`] | |
//! | when is the next level most informative? | [`tdm::next_sample::next_sample`] | `dmip dose --next-sample` |
//! | how do the models average for these levels? | [`estimate::average::average`] | `dmip fit --model A,B` |
//! | virtual patients of a model | [`simulate::simulate`] | `dmip simulate` |
//!
//! A record's cyclosporine part, answered as the screen answers it:
//!
//! ```
//! use dmip_engine::record::{DrugRecord, PatientInfo};
//! use dmip_engine::tdm::{compute, input_from_record, Drug, Market, RecordQuestion};
//!
//! let now = chrono::DateTime::parse_from_rfc3339("2026-11-03T15:00:00+09:00").unwrap();
//! let patient = PatientInfo { weight_kg: Some(52.0), ..PatientInfo::default() };
//! let made = input_from_record(&RecordQuestion {
//!     drug: Drug::Cyclosporine,
//!     record: &DrugRecord::default(),
//!     patient: &patient,
//!     now,
//!     draws: 20,
//!     market: Market::Japan,
//!     disagreement_pct: None,
//! })
//! .unwrap();
//! // Both cyclosporine models, averaged; the weight given to Press 2010.
//! assert_eq!(made.models.len(), 2);
//! assert_eq!(made.input.covariates["WT"], 52.0);
//! // No dose yet: no estimate, and the reason named.
//! let why = compute(&made.input).unwrap_err();
//! assert_eq!(why.to_string(), "the dosing history is empty: add a dose");
//! ```
//!
//! The population check of a 55-kg woman on tacrolimus: Woillard 2011's
//! typical trough on the label dose, 2 mg every 12 h, is 5.36 ng/mL, below
//! the Japanese DM-ILD cohort's 11.24 ± 1.86 by more than 1 SD:
//!
//! ```
//! use dmip_engine::clinical::body::Sex;
//! use dmip_engine::tdm::popcheck::{population_check, PopulationQuestion};
//! use dmip_engine::tdm::Drug;
//!
//! let check = population_check(&PopulationQuestion {
//!     drug: Drug::Tacrolimus,
//!     weight_kg: 55.0,
//!     height_cm: Some(158.0),
//!     sex: Some(Sex::Female),
//! })
//! .unwrap();
//! let dm_ild = check.cohorts.iter().find(|c| c.cohort.id == "japanese_dm_ild").unwrap();
//! let woillard = dm_ild
//!     .rows
//!     .iter()
//!     .find(|r| r.model_id == "woillard2011_tac" && r.variant.is_none() && r.interval_h == 12.0)
//!     .unwrap();
//! let c0 = &woillard.compared[0];
//! assert!((c0.predicted - 5.36).abs() < 0.01 && (c0.expected - 11.24).abs() < 0.01);
//! assert!(c0.agreement.flagged());
//! ```

pub mod catalog;
pub mod clinical;
pub mod dose;
pub mod dosing;
pub mod estimate;
pub mod io;
pub mod labs;
pub mod lss;
pub mod model;
pub mod nca;
pub mod record;
pub mod selfcheck;
pub mod simulate;
pub mod tdm;
#[cfg(feature = "test-support")]
pub mod test_support;
pub mod text;

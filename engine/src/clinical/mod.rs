//! Clinical calculations for DM/PM interstitial pneumonia: body size, renal
//! function, biomarkers, risk models, IVCY dosing, adverse events,
//! interactions.
//!
//! Every number here comes from the project's clinical reference pack (the
//! "pack"; its sections are cited as "pack §N") where it is tagged
//! verified [V] or definitional, with its
//! citation next to it ([`sources::Source`]). Anything the pack marks
//! unverified [M], "not seen" or missing is returned as
//! [`Status::Unavailable`] with a [`Gap`] saying why — never a number;
//! [`Gap::ALL`] lists them all. Scores are "published model output, not
//! advice", and list missing inputs instead of guessing. Inputs are checked
//! ([`ClinicalError`] names the field); no function returns NaN or ∞.
//!
//! | module | holds |
//! |---|---|
//! | [`units`] | units, conversions, unit mix-up suggestions (heuristics) |
//! | [`analyte`] | analytes (en/ja names, units, assays, verified reference limits) |
//! | [`ranges`] | JCCLS reference intervals (by sex), each analyte's reference |
//! | [`biomarkers`] | results, interpretation, % change, trends, literature notes |
//! | [`body`] | BSA (DuBois, Mosteller, Haycock, Fujimoto), CG, CKD-EPI 2021, JSN eGFR |
//! | [`cyclophosphamide`] | IVCY dose, regimens, EULAR 2009 table, schedule, cumulative ledger |
//! | [`risk`] | FLAIR, MCK, Gono 2010/2012, Isoda 2014, A-aDO2 |
//! | [`limits`] | plausibility limits of the patient fields, the unit question |
//! | [`interactions`] | CsA / TAC interactions with Japanese label categories |
//! | [`adverse`] | adverse-event checks: creatinine rise, K, BP, glucose, AST/ALT |
//! | [`notes`], [`sources`], [`status`], [`error`] | statements, citations, gaps, errors |

pub mod adverse;
pub mod analyte;
pub mod biomarkers;
pub mod body;
pub mod citable;
pub mod cyclophosphamide;
pub mod error;
pub mod interactions;
pub mod limits;
pub mod notes;
pub mod ranges;
pub mod risk;
pub mod sources;
pub mod status;
pub mod units;

pub use error::{ClinicalError, Field};
pub use sources::Source;
pub use status::{Gap, Status};

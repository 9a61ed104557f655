//! Clinical calculations for DM/PM interstitial pneumonia (issue 9).
//!
//! Every number here comes from shared/clinical/clinical-reference.md (the
//! "pack") where it is tagged verified [V] or definitional, with its
//! citation next to it ([`sources::Source`]). Anything the pack marks
//! unverified [M], "not seen" or missing is returned as
//! [`Status::Unavailable`] with a [`Gap`] saying why — never a number.
//! Scores are "published model output, not advice", and list missing inputs
//! instead of guessing.

pub mod analyte;
pub mod biomarkers;
pub mod body;
pub mod cyclophosphamide;
pub mod error;
pub mod interactions;
pub mod notes;
pub mod risk;
pub mod sources;
pub mod status;
pub mod units;

pub use error::{ClinicalError, Field};
pub use sources::Source;
pub use status::{Gap, Status};

//! Drug models as data: the model file format (TOML, documented in
//! `engine/models/README.md`), its validation with errors that name the
//! field, individual parameters from covariates and η, and the built-in
//! models (embedded at compile time from `engine/models/`).

mod builtin;
mod def;
mod derived;
mod effects;
mod omega;
mod residual;
mod schema;

#[cfg(feature = "model-files")]
pub use builtin::BUILTIN_SOURCES;
pub(crate) use builtin::MAPBAYR001_JSON;
pub use builtin::{builtin, builtin_ids};
pub use def::{CovariateIssue, ModelDef, Slot, Typical};
pub use derived::Derivation;
pub use effects::{Covariates, Effect};
pub use omega::Omega;
pub use residual::ResidualError;
pub use schema::{CovariateSpec, ModelFile, ProductSpec, StateSpec};

/// A model file that cannot be used, naming the field.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("model file: {field}: {message}")]
pub struct CatalogError {
    pub field: String,
    pub message: String,
}

impl CatalogError {
    pub fn new(field: &str, message: impl Into<String>) -> Self {
        CatalogError {
            field: field.to_string(),
            message: message.into(),
        }
    }
}

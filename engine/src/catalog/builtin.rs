//! The built-in models: data files in `engine/models/`, embedded at compile
//! time and validated by the tests.

use super::def::ModelDef;
use super::CatalogError;

/// `(id, TOML text)` of every built-in model.
pub const BUILTIN_SOURCES: [(&str, &str); 4] = [
    (
        "press2010_csa",
        include_str!("../../models/press2010_csa.toml"),
    ),
    (
        "umpierrez2021_csa",
        include_str!("../../models/umpierrez2021_csa.toml"),
    ),
    (
        "woillard2011_tac",
        include_str!("../../models/woillard2011_tac.toml"),
    ),
    (
        "monchaud2012_tac",
        include_str!("../../models/monchaud2012_tac.toml"),
    ),
];

/// Ids of the built-in models.
pub fn builtin_ids() -> impl Iterator<Item = &'static str> {
    BUILTIN_SOURCES.iter().map(|(id, _)| *id)
}

/// A built-in model by id; `None` when there is no such model.
pub fn builtin(id: &str) -> Option<Result<ModelDef, CatalogError>> {
    BUILTIN_SOURCES
        .iter()
        .find(|(i, _)| *i == id)
        .map(|(_, text)| ModelDef::from_toml(text))
}

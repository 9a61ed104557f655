//! The built-in models: data files in `engine/models/`, converted to JSON at
//! build time (`build.rs`) and validated by the tests.

use super::def::ModelDef;
use super::CatalogError;

mod json {
    include!(concat!(env!("OUT_DIR"), "/models_json.rs"));
}

/// The mapbayr example model 001 (engine/tests/reference), used by the
/// self-check.
pub(crate) const MAPBAYR001_JSON: &str = json::MAPBAYR001;

/// `(id, JSON text)` of every built-in model.
const BUILTIN_JSON: [(&str, &str); 5] = [
    ("press2010_csa", json::PRESS2010_CSA),
    ("umpierrez2021_csa", json::UMPIERREZ2021_CSA),
    ("woillard2011_tac", json::WOILLARD2011_TAC),
    ("monchaud2012_tac", json::MONCHAUD2012_TAC),
    ("kirubakaran2022_tac", json::KIRUBAKARAN2022_TAC),
];

/// `(id, TOML text)` of every built-in model, as written.
#[cfg(feature = "model-files")]
pub const BUILTIN_SOURCES: [(&str, &str); 5] = [
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
    (
        "kirubakaran2022_tac",
        include_str!("../../models/kirubakaran2022_tac.toml"),
    ),
];

/// Ids of the built-in models.
pub fn builtin_ids() -> impl Iterator<Item = &'static str> {
    BUILTIN_JSON.iter().map(|(id, _)| *id)
}

/// A built-in model by id; `None` when there is no such model.
pub fn builtin(id: &str) -> Option<Result<ModelDef, CatalogError>> {
    BUILTIN_JSON
        .iter()
        .find(|(i, _)| *i == id)
        .map(|(_, text)| ModelDef::from_json(text))
}

#[cfg(all(test, feature = "model-files"))]
mod tests {
    use super::*;

    #[test]
    fn the_json_built_ins_are_the_toml_files() {
        for ((id, json), (tid, toml)) in BUILTIN_JSON.iter().zip(BUILTIN_SOURCES) {
            assert_eq!(*id, tid);
            let a = ModelDef::from_json(json).expect("json");
            let b = ModelDef::from_toml(toml).expect("toml");
            assert_eq!(format!("{a:?}"), format!("{b:?}"), "{id}");
        }
        let mapbayr = include_str!("../../tests/reference/mapbayr001.model.toml");
        assert_eq!(
            format!("{:?}", ModelDef::from_json(MAPBAYR001_JSON)),
            format!("{:?}", ModelDef::from_toml(mapbayr))
        );
    }
}

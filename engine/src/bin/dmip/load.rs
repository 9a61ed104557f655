//! The model named on the command line: a TOML model file, or the id of a
//! built-in model (a file of that name wins).

use dmip_engine::catalog::{builtin, builtin_ids, ModelDef};
use std::path::Path;

/// Loads `--model ARG`: a path to a model file or a built-in id.
pub fn load_model(arg: &str) -> Result<ModelDef, String> {
    if Path::new(arg).is_file() {
        let text = std::fs::read_to_string(arg).map_err(|e| format!("{arg}: {e}"))?;
        return ModelDef::from_toml(&text).map_err(|e| format!("{arg}: {e}"));
    }
    match builtin(arg) {
        Some(def) => def.map_err(|e| format!("built-in model {arg}: {e}")),
        None => Err(format!(
            "--model {arg}: no such file, and not a built-in model ({})",
            builtin_ids().collect::<Vec<_>>().join(", ")
        )),
    }
}

/// η from `--eta a,b,c` (all 0 when not given); the count must match the
/// model's [omega].
pub fn parse_eta(arg: Option<&str>, def: &ModelDef) -> Result<Vec<f64>, String> {
    let n = def.n_eta();
    let Some(text) = arg else {
        return Ok(vec![0.0; n]);
    };
    let eta = text
        .split(',')
        .map(|t| match t.trim().parse::<f64>() {
            Ok(x) if x.is_finite() => Ok(x),
            _ => Err(format!("--eta: '{}' is not a finite number", t.trim())),
        })
        .collect::<Result<Vec<f64>, String>>()?;
    if eta.len() != n {
        let names = def
            .omega
            .as_ref()
            .map_or(String::new(), |o| o.names.join(", "));
        return Err(format!(
            "--eta: model {} has {n} η ({names}); got {} values",
            def.id(),
            eta.len()
        ));
    }
    Ok(eta)
}

//! `dmip models`: the built-in models with their citations.

use dmip_engine::catalog::{builtin, builtin_ids};
use serde_json::{json, Value};

pub fn run() -> Result<Value, String> {
    let models = builtin_ids()
        .map(|id| {
            let def = builtin(id).ok_or_else(|| format!("built-in model {id} is missing"))?.map_err(|e| format!("built-in model {id}: {e}"))?;
            let f = &def.file;
            Ok(json!({
                "id": id,
                "drug": f.drug,
                "name": f.name,
                "citation": f.citation,
                "population": f.population,
                "assay": f.assay,
                "eta": def.omega.as_ref().map_or(vec![], |o| o.names.clone()),
                "covariates": f.covariates.iter().map(|c| json!({"name": c.name, "unit": c.unit, "description": c.description, "range": c.range, "derived": c.derived})).collect::<Vec<_>>(),
                "products": f.products,
            }))
        })
        .collect::<Result<Vec<Value>, String>>()?;
    Ok(json!({ "models": models }))
}

//! The other built-in models' answers for the same patient, shown beside
//! the advice when the model in use does not fit the levels: each model's
//! suggested dose, whether it fits the levels itself, and its objective,
//! so the clinician sees whether the models agree before choosing one.

use super::input::TdmInput;
use super::targets::Drug;
use super::TdmOutput;
use crate::catalog::{builtin, builtin_ids};
use serde::Serialize;

/// One other model's answer.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ModelAnswer {
    pub model_id: String,
    /// The model's short name: author and year ("Umpierrez 2021").
    pub name: String,
    /// Its suggested regimen (label) and amount, mg per dose.
    pub suggested: Option<(String, f64)>,
    /// Its own fit check found no misfit.
    pub fits: bool,
    /// Its MAP objective (−2 log posterior), when fitted.
    pub objective: Option<f64>,
    /// Why it could not be computed.
    pub error: Option<String>,
}

/// The drug's name as the model files write it.
fn drug_name(drug: Drug) -> &'static str {
    match drug {
        Drug::Cyclosporine => "cyclosporine",
        Drug::Tacrolimus => "tacrolimus",
    }
}

/// The built-in models of `drug`, by id.
pub fn models_of(drug: Drug) -> Vec<&'static str> {
    builtin_ids()
        .filter(|id| {
            builtin(id)
                .and_then(Result::ok)
                .is_some_and(|m| m.file.drug == drug_name(drug))
        })
        .collect()
}

/// "Press 2010 — Neoral, …" → "Press 2010".
pub fn short_name(name: &str) -> String {
    name.split(" — ").next().unwrap_or(name).trim().to_owned()
}

/// The answer of a computed screen.
fn answer(model_id: &str, out: Result<TdmOutput, super::TdmError>) -> ModelAnswer {
    let name = builtin(model_id)
        .and_then(Result::ok)
        .map_or_else(|| model_id.to_owned(), |m| short_name(&m.file.name));
    match out {
        Ok(o) => ModelAnswer {
            model_id: model_id.to_owned(),
            name,
            suggested: o.advice.as_ref().and_then(|a| {
                let c = a.suggested()?;
                Some((c.regimen.label.clone(), c.dose.amount_mg))
            }),
            fits: !o.fit_check.misfit(),
            objective: o.fit.as_ref().map(|f| f.objective),
            error: None,
        },
        Err(e) => ModelAnswer {
            model_id: model_id.to_owned(),
            name,
            suggested: None,
            fits: false,
            objective: None,
            error: Some(e.to_string()),
        },
    }
}

/// Every other built-in model of the input's drug, computed on the same
/// input by `compute_one` (the screen's computation without this step).
pub fn other_models(
    input: &TdmInput,
    compute_one: impl Fn(&TdmInput) -> Result<TdmOutput, super::TdmError>,
) -> Vec<ModelAnswer> {
    models_of(input.drug)
        .into_iter()
        .filter(|id| *id != input.model_id)
        .map(|id| {
            let mut other = input.clone();
            other.model_id = id.to_owned();
            answer(id, compute_one(&other))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_drug_lists_its_own_models() {
        let csa = models_of(Drug::Cyclosporine);
        assert!(csa.contains(&"press2010_csa"), "{csa:?}");
        assert!(csa.contains(&"umpierrez2021_csa"), "{csa:?}");
        assert!(csa.iter().all(|m| m.ends_with("_csa")), "{csa:?}");
        let tac = models_of(Drug::Tacrolimus);
        assert!(tac.contains(&"woillard2011_tac"), "{tac:?}");
        assert!(tac.iter().all(|m| m.ends_with("_tac")), "{tac:?}");
    }

    #[test]
    fn the_short_name_is_author_and_year() {
        assert_eq!(
            short_name("Press 2010 — Neoral, adult de novo kidney transplant (Leiden)"),
            "Press 2010"
        );
        assert_eq!(short_name("Plain"), "Plain");
    }
}

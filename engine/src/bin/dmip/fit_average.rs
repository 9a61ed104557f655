//! `dmip fit --model A,B,C`: each model fitted to every subject, weighted
//! by how well it explains the levels (`estimate::average`: LL or AIC) and
//! the predictions averaged. A model that cannot be fitted to a subject is
//! listed with weight 0 and its reason. `dmip dose --model A,B,C` averages
//! the same way (`dose_average`).

use crate::load::load_model;
use crate::subject::{problem, read, CovariatesArg};
use dmip_engine::catalog::ModelDef;
use dmip_engine::estimate::{
    average, AverageQuestion, Candidate, MapOptions, ModelAverage, Problem, Weighting,
};
use dmip_engine::io::nonmem::Subject;
use dmip_engine::tdm::Assumption;
use serde_json::{json, Value};
use std::path::Path;

/// One model and its reading of the data (the default observation
/// compartment is the model's central one), or why it cannot be read.
pub struct Loaded {
    pub def: ModelDef,
    subjects: Result<Vec<Subject>, String>,
}

/// Each model read with the data, and the subjects in file order (from the
/// first model that reads the file).
pub fn load(
    models: &[&str],
    data: &Path,
    covariates: CovariatesArg,
) -> Result<(Vec<Loaded>, Vec<String>), String> {
    let loaded: Vec<Loaded> = models
        .iter()
        .map(|m| {
            let def = load_model(m)?;
            let subjects = read(data, &def, covariates);
            Ok(Loaded { def, subjects })
        })
        .collect::<Result<_, String>>()?;
    // The subjects in file order, from the first model that reads the file.
    let ids: Vec<String> = match loaded.iter().find_map(|l| l.subjects.as_ref().ok()) {
        Some(subjects) => subjects.iter().map(|s| s.id.clone()).collect(),
        None => {
            let reasons: Vec<String> = loaded
                .iter()
                .filter_map(|l| Some(format!("{}: {}", l.def.id(), l.subjects.as_ref().err()?)))
                .collect();
            return Err(format!(
                "no model could read the data: {}",
                reasons.join("; ")
            ));
        }
    };
    Ok((loaded, ids))
}

pub fn run(
    models: &[&str],
    data: &Path,
    weighting: Weighting,
    covariates: CovariatesArg,
) -> Result<Value, String> {
    let (loaded, ids) = load(models, data, covariates)?;
    let out = crate::batch::each(&ids, |id| {
        let (problems, avg) = averaged(id, &loaded, weighting)?;
        Ok(json!({
            "id": id,
            "models": lines(&avg, &problems),
            "averaged": { "ipred": avg.ipred },
        }))
    })?;
    Ok(json!({
        "models": loaded.iter().map(|l| l.def.id()).collect::<Vec<_>>(),
        "weights": weighting,
        "subjects": out,
    }))
}

/// Each model's problem for subject `id`, or why there is none.
fn problems(id: &str, loaded: &[Loaded]) -> Vec<Result<(Problem, Vec<Assumption>), String>> {
    loaded
        .iter()
        .map(|l| {
            let subjects = l.subjects.as_ref().map_err(Clone::clone)?;
            let s = subjects
                .iter()
                .find(|s| s.id == id)
                .ok_or_else(|| format!("subject {id} not read for this model"))?;
            // The subject is named once, by the caller.
            let prefix = format!("subject {id}: ");
            problem(s, &l.def).map_err(|e| e.strip_prefix(&prefix).map_or(e.clone(), str::to_owned))
        })
        .collect()
}

/// Each model's problem for subject `id` (or why there is none) and the
/// average of their fits.
pub type Problems = Vec<Result<(Problem, Vec<Assumption>), String>>;

/// The models fitted to subject `id` and weighted.
pub fn averaged(
    id: &str,
    loaded: &[Loaded],
    weighting: Weighting,
) -> Result<(Problems, ModelAverage), String> {
    let problems = problems(id, loaded);
    let candidates: Vec<Candidate> = loaded
        .iter()
        .zip(&problems)
        .map(|(l, p)| Candidate {
            model: l.def.id(),
            problem: p.as_ref().map(|(p, _)| p).map_err(Clone::clone),
        })
        .collect();
    let avg = average(&AverageQuestion {
        candidates: &candidates,
        weighting,
        options: &MapOptions::default(),
    })
    .map_err(|e| format!("subject {id}: {e}"))?;
    Ok((problems, avg))
}

/// Each model's line: weight, objective, the evidence's Occam term, η, ipred, and its reason, its
/// warnings and what it assumed.
pub fn lines(avg: &ModelAverage, problems: &Problems) -> Vec<Value> {
    avg.models
        .iter()
        .zip(problems)
        .map(|(m, p)| {
            let mut v = json!({
                "model": m.model,
                "weight": m.weight,
                "objective": m.objective,
                "occam": m.occam,
                "eta": m.eta,
                "ipred": m.ipred,
                "converged": m.converged,
            });
            match (&m.reason, &m.fit) {
                (Some(reason), _) => v["reason"] = json!(reason.to_string()),
                (None, Some(fit)) => {
                    v["eta_names"] = json!(fit.names);
                    v["warnings"] = json!(fit
                        .warnings
                        .iter()
                        .map(ToString::to_string)
                        .collect::<Vec<_>>());
                }
                (None, None) => {}
            }
            if let Ok((_, assumptions)) = p {
                v["assumptions"] = json!(assumptions);
            }
            v
        })
        .collect()
}

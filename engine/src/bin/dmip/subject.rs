//! A subject of a NONMEM-style CSV as an estimation problem: covariates
//! renamed to the model's names (the data's columns are matched
//! case-insensitively) and occasions from an OCC column.

use dmip_engine::catalog::ModelDef;
use dmip_engine::dosing::{Convention, CovariateSeries};
use dmip_engine::estimate::Problem;
use dmip_engine::io::nonmem::Subject;
use dmip_engine::tdm::{defaults_for, Assumption};
use std::collections::BTreeMap;

/// The covariate series of `s` under the model's names.
pub fn model_covariates(s: &Subject, def: &ModelDef) -> BTreeMap<String, CovariateSeries> {
    def.file
        .covariates
        .iter()
        .filter_map(|c| {
            s.covariates
                .iter()
                .find(|(name, _)| name.eq_ignore_ascii_case(&c.name))
                .map(|(_, series)| (c.name.clone(), series.clone()))
        })
        .collect()
}

/// Start times of occasions: where an OCC column changes value (and the
/// first event); none without an OCC column.
pub fn occasions(s: &Subject) -> Vec<f64> {
    let Some(occ) = s
        .covariates
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case("OCC"))
        .map(|(_, v)| v)
    else {
        return Vec::new();
    };
    let mut starts = vec![s.events.first().map_or(0.0, |e| e.time())];
    starts.extend(occ.change_times());
    starts
}

/// The estimation problem of one subject, with messages naming it. A
/// covariate column the data lacks takes the model file's typical value,
/// listed in the assumptions.
pub fn problem(s: &Subject, def: &ModelDef) -> Result<(Problem, Vec<Assumption>), String> {
    s.validate_for(def.compartments().0)
        .map_err(|e| e.to_string())?;
    let mut covariates = model_covariates(s, def);
    let (assumptions, _) = defaults_for(def, |name| covariates.contains_key(name));
    for a in &assumptions {
        if let Assumption::Typical {
            covariate, value, ..
        } = a
        {
            covariates.insert(covariate.clone(), CovariateSeries::constant(*value));
        }
    }
    let problem = Problem::new(def, s.events.clone(), &covariates, &occasions(s))
        .map_err(|e| format!("subject {}: {e}", s.id))?;
    Ok((problem, assumptions))
}

/// `--covariates`: how a covariate's value holds between rows.
#[derive(Clone, Copy, Debug, Default, clap::ValueEnum)]
pub enum CovariatesArg {
    /// Last value carried forward (a row's value holds from its time on).
    #[default]
    Locf,
    /// NONMEM's: a row's value holds since the row before (next value
    /// carried backward); for files prepared for NONMEM.
    Nonmem,
}

impl CovariatesArg {
    pub fn convention(self) -> Convention {
        match self {
            CovariatesArg::Locf => Convention::Locf,
            CovariatesArg::Nonmem => Convention::Nonmem,
        }
    }
}

/// Reads the subjects of `path` with observations in the model's central
/// compartment by default, covariates under `covariates`.
pub fn read(
    path: &std::path::Path,
    def: &ModelDef,
    covariates: CovariatesArg,
) -> Result<Vec<Subject>, String> {
    let shown = path.display();
    let bytes = std::fs::read(path).map_err(|e| format!("{shown}: {e}"))?;
    let opts = dmip_engine::io::nonmem::Options {
        observation_cmt: Some(def.compartments().1),
    };
    dmip_engine::io::nonmem::read_with_convention(&bytes, &opts, covariates.convention())
        .map_err(|e| format!("{shown}: {e}"))
}

/// Under `locf`, a warning for each covariate of the model whose value
/// changes within the subject's records: there the two conventions give
/// different answers.
pub fn convention_warnings(s: &Subject, def: &ModelDef, covariates: CovariatesArg) -> Vec<String> {
    if !matches!(covariates, CovariatesArg::Locf) {
        return Vec::new();
    }
    model_covariates(s, def)
        .iter()
        .filter_map(|(name, series)| {
            let t = series.change_times().next()?;
            Some(format!(
                "{name} changes value at {t} h: read as last value carried forward (--covariates locf, the default); NONMEM carries the next value backward, so a file prepared for NONMEM needs --covariates nonmem"
            ))
        })
        .collect()
}

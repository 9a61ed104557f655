//! A subject of a NONMEM-style CSV as an estimation problem: covariates
//! renamed to the model's names (the data's columns are matched
//! case-insensitively), defaults for the missing ones and occasions from
//! an OCC column (`Subject::covariates_for`, `Subject::occasion_starts`).

use dmip_engine::catalog::ModelDef;
use dmip_engine::dosing::Convention;
use dmip_engine::estimate::Problem;
use dmip_engine::io::nonmem::Subject;
use dmip_engine::tdm::Assumption;

/// The estimation problem of one subject, with messages naming it. A
/// covariate column the data lacks takes the model file's typical value,
/// listed in the assumptions.
pub fn problem(s: &Subject, def: &ModelDef) -> Result<(Problem, Vec<Assumption>), String> {
    s.validate_for(def.compartments().0)
        .map_err(|e| e.to_string())?;
    let (covariates, assumptions) = s.covariates_for(def);
    let problem = Problem::new(def, s.events.clone(), &covariates, &s.occasion_starts())
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
    s.model_covariates(def)
        .iter()
        .filter_map(|(name, series)| {
            let t = series.change_times().next()?;
            Some(format!(
                "{name} changes value at {t} h: read as last value carried forward (--covariates locf, the default); NONMEM carries the next value backward, so a file prepared for NONMEM needs --covariates nonmem"
            ))
        })
        .collect()
}

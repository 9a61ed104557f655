//! `dmip fit`: MAP-Bayesian estimate of every subject of a NONMEM-style CSV;
//! with several models, their weighted average (`fit_average`).

use crate::load::load_model;
use crate::subject::{convention_warnings, problem, read};
use clap::{Args, ValueEnum};
use dmip_engine::estimate::{MapOptions, Weighting};
use serde_json::{json, Value};
use std::path::Path;

/// How the models of an average are weighted.
#[derive(Clone, Copy, Debug, Default, ValueEnum)]
pub enum WeightsArg {
    /// exp(−OFV/2)
    #[default]
    Ll,
    /// exp(−OFV/2 − number of η)
    Aic,
    /// exp(−(OFV − ln det(ΣΩ⁻¹))/2): the Laplace approximation of the
    /// model's marginal likelihood
    Evidence,
}

impl WeightsArg {
    pub fn weighting(self) -> Weighting {
        match self {
            WeightsArg::Ll => Weighting::Ll,
            WeightsArg::Aic => Weighting::Aic,
            WeightsArg::Evidence => Weighting::Evidence,
        }
    }
}

#[derive(Args)]
pub struct FitArgs {
    /// Model file (TOML) or built-in model id (see `dmip models`); several,
    /// comma-separated, to fit each and average them.
    #[arg(long)]
    pub model: String,
    /// Weights of an average of several models.
    #[arg(long, value_enum, default_value = "ll")]
    pub weights: WeightsArg,
    /// NONMEM-style CSV (ID, TIME, EVID, AMT, CMT, II, ADDL, SS, RATE, DV, MDV, covariates; OCC for occasions).
    #[arg(long)]
    pub data: std::path::PathBuf,
    /// How a covariate's value holds between rows: locf (last value carried
    /// forward, the default) or nonmem (next value carried backward, as
    /// NONMEM does).
    #[arg(long, value_enum, default_value = "locf")]
    pub covariates: crate::subject::CovariatesArg,
}

pub fn run(args: &FitArgs) -> Result<Value, String> {
    let models: Vec<&str> = args.model.split(',').map(str::trim).collect();
    if models.len() > 1 && !Path::new(&args.model).is_file() {
        let weighting = args.weights.weighting();
        return crate::fit_average::run(&models, &args.data, weighting, args.covariates);
    }
    let def = load_model(&args.model)?;
    let subjects = read(&args.data, &def, args.covariates)?;
    let out = crate::batch::each(&subjects, |s| {
        let (p, assumptions) = problem(s, &def)?;
        let fit = p.fit(&MapOptions::default());
        Ok(json!({
            "id": s.id,
            "eta": fit.eta,
            "eta_names": fit.names,
            "objective": fit.objective,
            "params": fit.params.iter().map(|(k, v)| (k.clone(), json!(v))).collect::<serde_json::Map<_, _>>(),
            "typical_params": fit.typical_params.iter().map(|(k, v)| (k.clone(), json!(v))).collect::<serde_json::Map<_, _>>(),
            "ipred": fit.ipred,
            "pred": fit.pred,
            "iwres": fit.iwres,
            "converged": fit.converged,
            "eta_cov": fit.eta_cov,
            "shrinkage": fit.shrinkage,
            "iterations": fit.iterations,
            "starts": fit.starts,
            "start_objectives": fit.start_objectives,
            "restarted_because": fit.restarted_because.iter().map(|w| w.to_string()).collect::<Vec<_>>(),
            "warnings": fit.warnings.iter().map(|w| w.to_string()).chain(convention_warnings(s, &def, args.covariates)).collect::<Vec<_>>(),
            "assumptions": assumptions,
        }))
    })?;
    Ok(
        json!({ "model": def.id(), "citation": def.file.citation, "covariates": args.covariates.convention().name(), "subjects": out }),
    )
}

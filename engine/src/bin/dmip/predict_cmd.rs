//! `dmip predict`: population or individual predictions at every
//! observation row of a NONMEM-style CSV, with covariates from the data
//! (time-varying: the model changes at each change of a covariate value).
use crate::load::{load_model, parse_eta};
use clap::Args;
use dmip_engine::catalog::ModelDef;
use dmip_engine::dosing::Event;
use dmip_engine::io::nonmem::Subject;
use serde_json::{json, Value};

#[derive(Args)]
pub struct PredictArgs {
    /// Model: a TOML model file, or a built-in id (e.g. press2010_csa).
    #[arg(long)]
    pub model: String,
    /// NONMEM-style CSV (ID, TIME, EVID, AMT, CMT, II, ADDL, SS, RATE, DV, MDV, …;
    /// other columns are covariates).
    #[arg(long)]
    pub data: std::path::PathBuf,
    /// η values in the order of the model's [omega], comma-separated
    /// (default: all 0, the typical patient).
    #[arg(long, allow_hyphen_values = true)]
    pub eta: Option<String>,
    /// How a covariate's value holds between rows: locf (last value carried
    /// forward, the default) or nonmem (next value carried backward, as
    /// NONMEM does).
    #[arg(long, value_enum, default_value = "locf")]
    pub covariates: crate::subject::CovariatesArg,
}

pub fn run(args: &PredictArgs) -> Result<Value, String> {
    let def = load_model(&args.model)?;
    let eta = parse_eta(args.eta.as_deref(), &def)?;
    let path = args.data.display();
    let subjects = crate::subject::read(&args.data, &def, args.covariates)?;
    let results = subjects
        .iter()
        .map(|s| {
            let mut v = subject(s, &def, &eta).map_err(|e| format!("{path}: {e}"))?;
            if let Some(w) = v["warnings"].as_array_mut() {
                w.extend(
                    crate::subject::convention_warnings(s, &def, args.covariates)
                        .into_iter()
                        .map(Value::from),
                );
            }
            Ok(v)
        })
        .collect::<Result<Vec<Value>, String>>()?;
    Ok(json!({ "covariates": args.covariates.convention().name(), "subjects": results }))
}

fn subject(s: &Subject, def: &ModelDef, eta: &[f64]) -> Result<Value, String> {
    let (problem, assumptions) = crate::subject::problem(s, def)?;
    // Between-occasion η, if the model has any, stay at 0 (typical occasion).
    let mut theta = eta.to_vec();
    theta.resize(problem.n_params(), 0.0);
    let predictions = problem
        .predict(&theta, &s.events)
        .map_err(|e| format!("subject {}: {e}", s.id))?;
    let warnings: Vec<String> = problem
        .covariate_issues
        .iter()
        .map(|i| i.to_string())
        .collect();
    Ok(json!({
        "id": s.id,
        "predictions": rows(s, &predictions),
        "warnings": warnings,
        "assumptions": assumptions,
    }))
}

/// The observation rows with their predictions (in record order).
fn rows(s: &Subject, predictions: &[f64]) -> Vec<Value> {
    let observations = s.events.iter().zip(&s.rows).filter_map(|(e, row)| match e {
        Event::Observation(o) => Some((o, row)),
        Event::Dose(_) | Event::Reset { .. } => None,
    });
    observations
        .zip(predictions)
        .map(|((o, row), p)| {
            json!({ "row": row, "time": o.time, "cmt": o.cmt, "dv": o.dv, "pred": p })
        })
        .collect()
}

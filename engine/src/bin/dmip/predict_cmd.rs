//! `dmip predict`: population or individual predictions at every
//! observation row of a NONMEM-style CSV, with covariates from the data
//! (time-varying: the model changes at each change of a covariate value).
use crate::load::{central_cmt, load_model, parse_eta};
use clap::Args;
use dmip_engine::catalog::{CovariateIssue, Covariates, ModelDef};
use dmip_engine::dosing::Event;
use dmip_engine::io::nonmem::{self, Options, Subject};
use dmip_engine::model::{predict, Prediction, Segment};
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
}

pub fn run(args: &PredictArgs) -> Result<Value, String> {
    let def = load_model(&args.model)?;
    let eta = parse_eta(args.eta.as_deref(), &def)?;
    let path = args.data.display();
    let bytes = std::fs::read(&args.data).map_err(|e| format!("{path}: {e}"))?;
    let opts = Options {
        observation_cmt: Some(central_cmt(&def)),
    };
    let subjects = nonmem::read_with(&bytes, &opts).map_err(|e| format!("{path}: {e}"))?;
    let results = subjects
        .iter()
        .map(|s| subject(s, &def, &eta).map_err(|e| format!("{path}: {e}")))
        .collect::<Result<Vec<Value>, String>>()?;
    Ok(json!({ "subjects": results }))
}

/// The covariates in force at `time`, under the model's names (the data's
/// column names are matched case-insensitively).
fn covariates_at(s: &Subject, def: &ModelDef, time: f64) -> Covariates {
    def.file
        .covariates
        .iter()
        .filter_map(|c| {
            s.covariates
                .iter()
                .find(|(name, _)| name.eq_ignore_ascii_case(&c.name))
                .map(|(_, series)| (c.name.clone(), series.at(time)))
        })
        .collect()
}

/// One segment per covariate change; warnings for values outside the
/// source population, an error for a covariate the model needs.
fn segments(
    s: &Subject,
    def: &ModelDef,
    eta: &[f64],
) -> Result<(Vec<Segment>, Vec<String>), String> {
    let mut times: Vec<f64> = s
        .covariates
        .values()
        .flat_map(|c| c.change_times())
        .collect();
    times.push(0.0);
    times.sort_by(f64::total_cmp);
    times.dedup();
    let mut warnings: Vec<String> = Vec::new();
    let mut segments = Vec::with_capacity(times.len());
    for from in times {
        let cov = covariates_at(s, def, from);
        for issue in def.check_covariates(&cov) {
            let text = issue.to_string();
            if matches!(issue, CovariateIssue::Missing { .. }) {
                return Err(format!("subject {}: {text}", s.id));
            }
            if !warnings.contains(&text) {
                warnings.push(text);
            }
        }
        let typical = def
            .typical(&cov)
            .map_err(|e| format!("subject {}: {e}", s.id))?;
        segments.push(Segment {
            from,
            model: typical.model(eta, &[]),
        });
    }
    Ok((segments, warnings))
}

fn subject(s: &Subject, def: &ModelDef, eta: &[f64]) -> Result<Value, String> {
    let (segments, warnings) = segments(s, def, eta)?;
    let n_cmt = segments
        .first()
        .map_or(0, |seg| seg.model.layout(false).compartments);
    s.validate_for(n_cmt).map_err(|e| e.to_string())?;
    let predictions =
        predict(&segments, &s.events, false).map_err(|e| format!("subject {}: {e}", s.id))?;
    Ok(json!({
        "id": s.id,
        "predictions": rows(s, &predictions),
        "warnings": warnings,
    }))
}

/// The observation rows with their predictions (in record order).
fn rows(s: &Subject, predictions: &[Prediction]) -> Vec<Value> {
    let observations = s.events.iter().zip(&s.rows).filter_map(|(e, row)| match e {
        Event::Observation(o) => Some((o, row)),
        Event::Dose(_) => None,
    });
    observations
        .zip(predictions)
        .map(|((o, row), p)| {
            json!({ "row": row, "time": o.time, "cmt": o.cmt, "dv": o.dv, "pred": p.conc })
        })
        .collect()
}

//! `dmip dose`: dose advice for a target, from the levels in a NONMEM-style
//! CSV (MAP) or, with no level, from the covariates alone.

use crate::load::load_model;
use crate::subject::{problem, read};
use clap::Args;
use dmip_engine::dose::{recommend, Range, Regimen};
use dmip_engine::estimate::MapOptions;
use serde_json::{json, Value};

#[derive(Args)]
pub struct DoseArgs {
    /// Model file (TOML) or built-in model id.
    #[arg(long)]
    pub model: String,
    /// NONMEM-style CSV with the dosing history and the levels.
    #[arg(long)]
    pub data: std::path::PathBuf,
    /// Target range, e.g. `c2=1000..1200`, `c0=5..10`, `auc0-4=9500..11500`.
    #[arg(long)]
    pub target: String,
    /// Optional limit on another metric, e.g. `c0<=200`.
    #[arg(long)]
    pub limit: Option<String>,
    /// Dosing interval(s) in hours, comma-separated (default 12,24).
    #[arg(long, default_value = "12,24")]
    pub interval: String,
    /// Posterior draws for the probability of being in range.
    #[arg(long, default_value_t = 1000)]
    pub draws: usize,
    /// Seed of the draws (results are reproducible).
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
}

fn regimens(text: &str) -> Result<Vec<Regimen>, String> {
    text.split(',')
        .map(|t| {
            let h: f64 = t
                .trim()
                .parse()
                .map_err(|_| format!("--interval: “{}” is not a number of hours", t.trim()))?;
            if !(h.is_finite() && h > 0.0) {
                return Err(format!("--interval: {h} h is not a positive interval"));
            }
            Ok(Regimen {
                label: format!("every {h} h"),
                interval_h: h,
                note: None,
            })
        })
        .collect()
}

pub fn run(args: &DoseArgs) -> Result<Value, String> {
    let def = load_model(&args.model)?;
    let target = Range::parse(&args.target).map_err(|e| format!("--target: {e}"))?;
    let limit = args
        .limit
        .as_deref()
        .map(Range::parse)
        .transpose()
        .map_err(|e| format!("--limit: {e}"))?;
    let regimens = regimens(&args.interval)?;
    let subjects = read(&args.data, &def)?;
    let mut out = Vec::new();
    for s in &subjects {
        let (p, assumptions) = problem(s, &def)?;
        let has_levels = p.levels.iter().any(|l| l.informative());
        let fit = has_levels.then(|| p.fit(&MapOptions::default()));
        let advice = recommend(
            &p,
            fit.as_ref(),
            &target,
            limit.as_ref(),
            &regimens,
            args.draws,
            args.seed,
        )
        .map_err(|e| format!("subject {}: {e}", s.id))?;
        out.push(json!({
            "id": s.id,
            "converged": fit.as_ref().map(|f| f.converged),
            "warnings": fit.as_ref().map_or(vec![], |f| f.warnings.iter().map(|w| w.to_string()).collect::<Vec<_>>()),
            "advice": advice,
            "assumptions": assumptions,
        }));
    }
    Ok(json!({ "model": def.id(), "subjects": out }))
}

//! `dmip nca`: NCA of a TIME,DV[,ID] CSV. One JSON object, or
//! `{"subjects": [{"id": …, …}]}` when the file has an ID column.
use clap::{Args, ValueEnum};
use dmip_engine::io::nca_csv::{self, Subject};
use dmip_engine::nca::{nca, BlqRule, Method, NcaOptions, Route};
use serde_json::Value;

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum MethodArg {
    Linear,
    LinUpLogDown,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum RouteArg {
    Extravascular,
    IvBolus,
    IvInfusion,
}

#[derive(Args)]
pub struct NcaArgs {
    /// CSV file with header TIME,DV (optional ID, BLQ; DV may be '.', '<LLOQ' or BLQ).
    #[arg(long)]
    pub data: std::path::PathBuf,
    /// AUC method.
    #[arg(long, value_enum, default_value = "lin-up-log-down")]
    pub method: MethodArg,
    /// Route of administration (dose at time 0).
    #[arg(long, value_enum, default_value = "extravascular")]
    pub route: RouteArg,
    /// Dose amount, for CL and Vz (apparent for extravascular).
    #[arg(long, allow_negative_numbers = true)]
    pub dose: Option<f64>,
    /// Dosing interval at steady state: gives AUCtau, Cavg, CL = dose/AUCtau.
    #[arg(long, allow_negative_numbers = true)]
    pub tau: Option<f64>,
    /// Infusion duration (h), required with --route iv-infusion.
    #[arg(long, allow_negative_numbers = true)]
    pub duration: Option<f64>,
    /// BLQ rule: pknca (default: before first → 0, between → drop, after last → drop),
    /// zero, drop, or BEFORE,BETWEEN,AFTER with each zero|drop.
    #[arg(long, default_value = "pknca")]
    pub blq: String,
}

pub fn run(args: &NcaArgs) -> Result<Value, String> {
    let opts = options(args)?;
    let path = args.data.display();
    let bytes = std::fs::read(&args.data).map_err(|e| format!("{path}: {e}"))?;
    let subjects = nca_csv::read(&bytes).map_err(|e| format!("{path}: {e}"))?;
    let results = subjects
        .iter()
        .map(|s| subject(s, &opts))
        .collect::<Result<Vec<Value>, String>>()?;
    if subjects.iter().any(|s| s.id.is_some()) {
        return Ok(serde_json::json!({ "subjects": results }));
    }
    results
        .into_iter()
        .next()
        .ok_or_else(|| format!("{path}: no data rows"))
}

fn options(args: &NcaArgs) -> Result<NcaOptions, String> {
    let route = match (args.route, args.duration) {
        (RouteArg::IvInfusion, Some(duration)) => Route::IvInfusion { duration },
        (RouteArg::IvInfusion, None) => return Err("--route iv-infusion needs --duration".into()),
        (_, Some(_)) => return Err("--duration applies only to --route iv-infusion".into()),
        (RouteArg::Extravascular, None) => Route::Extravascular,
        (RouteArg::IvBolus, None) => Route::IvBolus,
    };
    let method = match args.method {
        MethodArg::Linear => Method::Linear,
        MethodArg::LinUpLogDown => Method::LinUpLogDown,
    };
    Ok(NcaOptions {
        method,
        route,
        dose: args.dose,
        tau: args.tau,
        blq: BlqRule::parse(&args.blq).map_err(|e| format!("--blq: {e}"))?,
    })
}

/// One subject's result as JSON, the reader's notes first among the flags.
fn subject(s: &Subject, opts: &NcaOptions) -> Result<Value, String> {
    let mut r = nca(&s.samples, opts).map_err(|e| match &s.id {
        Some(id) => format!("subject {id}: {e}"),
        None => e.to_string(),
    })?;
    r.flags.splice(0..0, s.notes.iter().cloned());
    let mut value = serde_json::to_value(&r).map_err(|e| format!("cannot write JSON: {e}"))?;
    if let (Some(id), Value::Object(map)) = (&s.id, &mut value) {
        map.insert("id".into(), Value::String(id.clone()));
    }
    Ok(value)
}

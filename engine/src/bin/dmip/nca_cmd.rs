//! `dmip nca`: NCA of a TIME,DV[,ID] CSV. One JSON object, or
//! `{"subjects": [{"id": …, …}]}` when the file has an ID column. The λz
//! rules are PKNCA's options, `.` written `-` (`min.span.ratio` →
//! `--min-span-ratio`).
use clap::{Args, ValueEnum};
use dmip_engine::io::nca_csv::{self, Subject};
use dmip_engine::nca::{nca, BlqRule, LambdaZRules, Method, NcaOptions, Route, RuleError};
use serde_json::Value;

/// PKNCA's `auc.method`.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum MethodArg {
    /// Linear trapezoid everywhere (PKNCA "linear").
    Linear,
    /// Log trapezoid where the concentration falls, linear elsewhere (PKNCA "lin up/log down").
    #[value(name = "linup-logdown", alias = "lin-up-log-down")]
    LinUpLogDown,
    /// Linear up to Tmax, log after it (PKNCA "lin-log").
    #[value(name = "linlog", alias = "lin-log")]
    LinLog,
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
    #[arg(long, value_enum, default_value = "linup-logdown")]
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
    /// BLQ rule: pknca (default, PKNCA's conc.blq: before first → 0, between → drop,
    /// after last → 0, which counts in AUCall only), zero, drop, or BEFORE,BETWEEN,AFTER
    /// with each zero|drop.
    #[arg(long, default_value = "pknca")]
    pub blq: String,
    #[command(flatten)]
    pub rules: RuleArgs,
}

/// The λz rules under PKNCA's option names.
#[derive(Args)]
pub struct RuleArgs {
    /// PKNCA min.hl.points: fewest points in the terminal fit (≥ 2) [default: 3].
    #[arg(long)]
    pub min_hl_points: Option<usize>,
    /// PKNCA adj.r.squared.factor: fits within this adjusted R² of the best are
    /// tied, the most points wins (0–1) [default: 0.0001].
    #[arg(long, allow_negative_numbers = true)]
    pub adj_r_squared_factor: Option<f64>,
    /// PKNCA allow.tmax.in.half.life: may the Tmax point enter the fit
    /// [default: true for iv-bolus (WinNonlin), false otherwise (PKNCA)].
    #[arg(long)]
    pub allow_tmax_in_half_life: Option<bool>,
    /// PKNCA min.span.ratio: a fit spanning fewer half-lives marks the terminal
    /// values excluded (> 0) [default: 2].
    #[arg(long, allow_negative_numbers = true)]
    pub min_span_ratio: Option<f64>,
    /// PKNCA max.aucinf.pext: more % of AUCinf extrapolated marks the values
    /// built on it excluded (> 0) [default: 20].
    #[arg(long, allow_negative_numbers = true)]
    pub max_aucinf_pext: Option<f64>,
    /// PKNCA min.hl.r.squared: a terminal fit with a lower R² marks the
    /// terminal values excluded (0–1) [default: 0.9].
    #[arg(long, allow_negative_numbers = true)]
    pub min_hl_r_squared: Option<f64>,
}

impl RuleArgs {
    fn rules(&self) -> Result<LambdaZRules, String> {
        let flag = |e: RuleError| format!("--{}: {e}", e.option.replace('.', "-"));
        let mut r =
            LambdaZRules::default().with_allow_tmax_in_half_life(self.allow_tmax_in_half_life);
        if let Some(n) = self.min_hl_points {
            r = r.with_min_hl_points(n).map_err(flag)?;
        }
        if let Some(x) = self.adj_r_squared_factor {
            r = r.with_adj_r_squared_factor(x).map_err(flag)?;
        }
        if let Some(x) = self.min_span_ratio {
            r = r.with_min_span_ratio(x).map_err(flag)?;
        }
        if let Some(x) = self.max_aucinf_pext {
            r = r.with_max_aucinf_pext(x).map_err(flag)?;
        }
        if let Some(x) = self.min_hl_r_squared {
            r = r.with_min_hl_r_squared(x).map_err(flag)?;
        }
        Ok(r)
    }
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
        MethodArg::LinLog => Method::LinLog,
    };
    Ok(NcaOptions {
        method,
        route,
        dose: args.dose,
        tau: args.tau,
        blq: BlqRule::parse(&args.blq).map_err(|e| format!("--blq: {e}"))?,
        rules: args.rules.rules()?,
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

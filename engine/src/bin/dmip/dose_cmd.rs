//! `dmip dose`: dose advice for a target, from the levels in a NONMEM-style
//! CSV (MAP) or, with no level, from the covariates alone; beside it, as on
//! the drug screens, the fit check against the patient's own levels, the
//! hold plan for a level above the range and, on request, the best next
//! sampling time (the engine's `tdm::fit_check`, `tdm::hold`,
//! `tdm::next_sample` on model time). With `--model A,B,C` the models are
//! averaged (`dose_average`).

use crate::load::load_model;
use crate::subject::{problem, read};
use clap::Args;
use dmip_engine::dose::{recommend, Range, Recommendation, Regimen, Rounding};
use dmip_engine::estimate::{MapOptions, Part, Problem};
use dmip_engine::tdm::fit_check::{
    check_levels, dose_times, latest_by_time, LevelCheck, MeasuredLevel,
};
use dmip_engine::tdm::hold::{plan, too_high, HoldQuestion};
use dmip_engine::tdm::{next_sample, SampleQuestion};
use serde_json::{json, Value};

#[derive(Args)]
pub struct DoseArgs {
    /// Model file (TOML) or built-in model id; several, comma-separated,
    /// to average them (the advice from the weighted models).
    #[arg(long)]
    pub model: String,
    /// Weights of an average of several models.
    #[arg(long, value_enum, default_value = "ll")]
    pub weights: crate::fit_cmd::WeightsArg,
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
    /// The present, in the data's hours (default: the last record): the
    /// hold plan holds the doses after it, and the next sample is taken
    /// around the next dose due after it.
    #[arg(long)]
    pub now: Option<f64>,
    /// Also give the best next sampling time (C0–C6 of the next dose).
    #[arg(long)]
    pub next_sample: bool,
    /// How a covariate's value holds between rows: locf (last value carried
    /// forward, the default) or nonmem (next value carried backward, as
    /// NONMEM does).
    #[arg(long, value_enum, default_value = "locf")]
    pub covariates: crate::subject::CovariatesArg,
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

/// The target, the limit and the regimens asked.
pub fn question(args: &DoseArgs) -> Result<(Range, Option<Range>, Vec<Regimen>), String> {
    let target = Range::parse(&args.target).map_err(|e| format!("--target: {e}"))?;
    let limit = args
        .limit
        .as_deref()
        .map(Range::parse)
        .transpose()
        .map_err(|e| format!("--limit: {e}"))?;
    Ok((target, limit, regimens(&args.interval)?))
}

/// The present: `--now`, else the last record of `p`.
pub fn now(args: &DoseArgs, p: &Problem) -> Result<f64, String> {
    match args.now {
        Some(h) if h.is_finite() => Ok(h),
        Some(h) => Err(format!("--now: {h} is not a number of hours")),
        None => Ok(p.events.last().map_or(0.0, |e| e.time())),
    }
}

pub fn run(args: &DoseArgs) -> Result<Value, String> {
    let models: Vec<&str> = args.model.split(',').map(str::trim).collect();
    if models.len() > 1 && !std::path::Path::new(&args.model).is_file() {
        return crate::dose_average::run(args, &models);
    }
    let def = load_model(&args.model)?;
    let (target, limit, regimens) = question(args)?;
    let subjects = read(&args.data, &def, args.covariates)?;
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
        let one = Part::one(&p, fit.as_ref());
        let checks = Checks {
            parts: &one,
            target: &target,
            limit: limit.as_ref(),
            advice: &advice,
            draws: args.draws,
            now: now(args, &p)?,
        };
        let mut subject = json!({
            "id": s.id,
            "converged": fit.as_ref().map(|f| f.converged),
            "warnings": fit.as_ref().map_or(vec![], |f| f.warnings.iter().map(|w| w.to_string()).collect::<Vec<_>>()).into_iter().chain(crate::subject::convention_warnings(s, &def, args.covariates)).collect::<Vec<_>>(),
            "advice": advice,
            "assumptions": assumptions,
        });
        checks.add(&mut subject, args.next_sample);
        out.push(subject);
    }
    Ok(
        json!({ "model": def.id(), "covariates": args.covariates.convention().name(), "subjects": out }),
    )
}

/// What the checks of one subject read.
pub struct Checks<'a> {
    /// The model (weight 1), or the average's models; the first is the one
    /// whose records number the levels, whose strengths make the
    /// proportional dose and whose information gives the next sample (of
    /// an average: the one with the largest weight).
    pub parts: &'a [Part<'a>],
    pub target: &'a Range,
    pub limit: Option<&'a Range>,
    pub advice: &'a Recommendation,
    pub draws: usize,
    pub now: f64,
}

impl Checks<'_> {
    /// Adds `fit_check`, `hold` (a level above the range) and, when asked,
    /// `next_sample` to a subject's JSON.
    pub fn add(&self, subject: &mut Value, with_next_sample: bool) {
        let Some(lead) = self.parts.first() else {
            return;
        };
        let p = lead.problem;
        // Levels are numbered among the subject's observation records.
        let measured: Vec<MeasuredLevel> = p
            .levels
            .iter()
            .enumerate()
            .filter(|(_, l)| !l.blq)
            .filter_map(|(index, l)| {
                Some(MeasuredLevel {
                    index,
                    time_h: l.time,
                    value: l.dv?,
                })
            })
            .filter(|m| m.time_h <= self.now)
            .collect();
        let latest = |r: &Range| latest_by_time(p, r.metric, &measured);
        let check = check_levels(&LevelCheck {
            parts: self.parts,
            target: self.target,
            limit: self.limit,
            advice: Some(self.advice),
            draws: self.draws,
            measured: &measured,
            latest_target: latest(self.target),
            latest_limit: self.limit.and_then(&latest).map(|l| l.value),
            // The amounts `recommend` makes: the model file's strengths.
            rounding: &Rounding::capsules(
                &p.def
                    .file
                    .products
                    .first()
                    .map(|x| x.strengths_mg.clone())
                    .unwrap_or_default(),
            ),
            memo: None,
        });
        let proportional = check.proportional.as_ref();
        subject["fit_check"] = json!({
            "proportional_mg": proportional.map(|p| p.proportional_mg),
            "rounded_mg": proportional.and_then(|p| p.rounded_mg),
            "disagreement_pct": proportional.and_then(|p| p.disagreement_pct),
            "warnings": check.warnings,
        });
        // The regimen of the last dose given.
        let current = dose_times(p).into_iter().rfind(|d| d.0 <= self.now);
        let high = too_high(self.target, self.limit, |r| latest(r).map(|l| l.value));
        if let (Some((threshold, metric)), Some(d)) = (high, current) {
            let q = HoldQuestion {
                parts: self.parts,
                now_h: self.now,
                threshold,
                metric,
                interval_h: d.2,
                advice: Some(self.advice),
            };
            if let Some(h) = plan(&q, |_| None) {
                subject["hold"] = json!({
                    "threshold": h.threshold,
                    "metric": h.metric,
                    "hours_to_range": h.hours_to_range,
                    "doses_to_hold": h.doses_to_hold,
                    "resume_mg": h.resume_mg,
                    "resume_regimen": h.resume_regimen,
                });
            }
        }
        if with_next_sample {
            subject["next_sample"] = match current {
                Some((_, amount_mg, interval_h)) => {
                    let q = SampleQuestion {
                        problem: p,
                        fit: lead.fit,
                        metric: self.target.metric,
                        amount_mg,
                        interval_h,
                        now_h: self.now,
                    };
                    match next_sample(&q) {
                        Ok(ns) => json!(ns),
                        Err(e) => json!({ "error": e.to_string() }),
                    }
                }
                None => json!({ "error": "no dose given before --now" }),
            };
        }
    }
}

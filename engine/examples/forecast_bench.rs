//! The forecast benchmark of issue #17 item 6 (`cargo xtask forecast-bench`):
//! for each drug, each built-in model as the truth, N virtual patients
//! (default 500) on the drug's design (`dmip_engine::simulate::designs`),
//! the levels but the last fitted by every model of the drug alone and by
//! their LL average, the last trough forecast. Prints the tables of
//! BENCHMARKS.md (Markdown) on stdout.
//!
//! `cargo run --profile bench -p dmip-engine --example forecast_bench -- [--n N] [--seed S]`

use dmip_engine::catalog::{builtin, builtin_ids, ModelDef};
use dmip_engine::estimate::MapOptions;
use dmip_engine::simulate::designs;
use dmip_engine::simulate::forecast::{
    forecast, ForecastQuestion, ForecastResult, Reference, Score, AVERAGE, AVERAGE_AIC,
    AVERAGE_EVIDENCE,
};
use std::process::ExitCode;
use std::time::Instant;

/// Default seed of the published figures.
const SEED: u64 = 17;

fn arg(args: &[String], name: &str, default: u64) -> Result<u64, String> {
    match args.iter().position(|a| a == name) {
        None => Ok(default),
        Some(i) => args
            .get(i + 1)
            .and_then(|v| v.parse().ok())
            .ok_or_else(|| format!("{name} needs a whole number")),
    }
}

fn cell(x: Option<f64>) -> String {
    x.map_or("–".into(), |v| format!("{v:.1}"))
}

fn scores(s: &Score) -> String {
    format!(
        "{} | {} | {} | {}",
        s.forecasts,
        cell(s.mpe),
        cell(s.mape),
        cell(s.within_20)
    )
}

fn table(results: &[ForecastResult]) -> String {
    let mut out = String::from(
        "| truth | approach | mean weight | n | MPE % | MAPE % | within ±20 % | n | MPE % | MAPE % | within ±20 % | no forecast (reason: patients) |\n|---|---|---|---|---|---|---|---|---|---|---|---|\n",
    );
    for r in results {
        for a in &r.approaches {
            let truth = if a.name == r.truth {
                format!("**{}**", a.name)
            } else {
                a.name.clone()
            };
            let left: Vec<String> = a
                .left_out
                .iter()
                .map(|(why, n)| format!("{why}: {n}"))
                .collect();
            out += &format!(
                "| {} | {truth} | {} | {} | {} | {} |\n",
                r.truth,
                a.mean_weight.map_or("–".into(), |w| format!("{w:.2}")),
                scores(&a.level),
                scores(&a.concentration),
                left.join("; ")
            );
        }
    }
    out
}

fn goals(results: &[ForecastResult]) -> String {
    let mut out = String::new();
    for r in results {
        let cases = [
            (AVERAGE, Reference::Level, "level"),
            (AVERAGE, Reference::Concentration, "true concentration"),
            (AVERAGE_AIC, Reference::Level, "level"),
            (AVERAGE_AIC, Reference::Concentration, "true concentration"),
            (AVERAGE_EVIDENCE, Reference::Level, "level"),
            (
                AVERAGE_EVIDENCE,
                Reference::Concentration,
                "true concentration",
            ),
        ];
        for (average, reference, what) in cases {
            let Some(g) = r.goal_for(average, reference) else {
                out += &format!("- {} (vs {what}): no forecast to compare\n", r.truth);
                continue;
            };
            out += &format!(
                "- {} (vs {what}): {average} MAPE {:.1} % vs the true model's {:.1} % ({:+.1} % relative: {}); {}\n",
                r.truth,
                g.average_mape,
                g.truth_mape,
                100.0 * g.relative_excess,
                if g.within_10_percent { "within 10 %" } else { "NOT within 10 %" },
                if g.not_beaten.is_empty() {
                    "better than every misspecified model".to_string()
                } else {
                    format!("NOT better than {}", g.not_beaten.join(", "))
                }
            );
        }
        if r.unreportable > 0 {
            out += &format!("- {}: {} patient(s) with a level to fit drawn ≤ 0 (not reportable without an LLOQ), left out of every approach\n", r.truth, r.unreportable);
        }
        if r.unusable_levels > 0 {
            out += &format!("- {}: {} held-out level(s) below the limit or ≤ 0, left out of the scores against the level\n", r.truth, r.unusable_levels);
        }
    }
    out
}

fn run() -> Result<(), String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let n = usize::try_from(arg(&args, "--n", 500)?).map_err(|e| e.to_string())?;
    let seed = arg(&args, "--seed", SEED)?;
    let models: Vec<ModelDef> = builtin_ids()
        .filter_map(builtin)
        .collect::<Result<_, _>>()
        .map_err(|e| e.to_string())?;
    let options = MapOptions::default();
    println!("N = {n} virtual patients per truth, seed {seed}.\n");
    for drug in ["tacrolimus", "cyclosporine"] {
        let design = designs::for_drug(drug).ok_or("no design")?;
        let of_drug: Vec<ModelDef> = models
            .iter()
            .filter(|m| m.file.drug == drug)
            .cloned()
            .collect();
        let mut results = Vec::new();
        for truth in &of_drug {
            let start = Instant::now();
            let r = forecast(&ForecastQuestion {
                truth,
                models: &of_drug,
                design,
                n,
                seed,
                options: &options,
            })
            .map_err(|e| format!("{drug}, truth {}: {e}", truth.id()))?;
            eprintln!(
                "{drug}, truth {}: {:.1} s",
                truth.id(),
                start.elapsed().as_secs_f64()
            );
            results.push(r);
        }
        println!("### {drug}\n\nScores against the measured level (columns 4–7) and against the true concentration (8–11).\n");
        println!("{}", table(&results));
        println!("{}", goals(&results));
        for (model, assumed) in results.first().map_or(&[][..], |r| &r.assumptions[..]) {
            for a in assumed {
                println!(
                    "- {model} assumed: {}",
                    serde_json::to_string(a).map_err(|e| e.to_string())?
                );
            }
        }
    }
    Ok(())
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("forecast_bench: {e}");
            ExitCode::FAILURE
        }
    }
}

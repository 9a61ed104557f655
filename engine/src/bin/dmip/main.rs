//! `dmip`: the command-line face of the engine. JSON on stdout (`simulate`:
//! CSV); on bad input a clear message on stderr and a non-zero exit code.

mod advise_cmd;
mod batch;
mod dose_average;
mod dose_cmd;
mod fit_average;
mod fit_cmd;
mod load;
mod models_cmd;
mod nca_cmd;
mod popcheck_cmd;
mod predict_cmd;
mod simulate_cmd;
mod subject;

use clap::{Parser, Subcommand};
use std::io::Write;
use std::process::ExitCode;

#[derive(Parser)]
#[command(name = "dmip", version, about = "DMIP Monitor pharmacokinetic engine")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Non-compartmental analysis of a TIME,DV profile (optional ID column).
    Nca(nca_cmd::NcaArgs),
    /// Predictions at every observation row of a NONMEM-style CSV for a model
    /// file or built-in model, with covariates from the data and optional η.
    Predict(predict_cmd::PredictArgs),
    /// MAP-Bayesian estimate (NONMEM POSTHOC objective) of every subject;
    /// with --model A,B,… each model's fit, its weight and the average.
    Fit(fit_cmd::FitArgs),
    /// Dose advice for a target (C0, C2, AUC…) with an optional limit, the
    /// fit check against the patient's own levels, a hold plan for a level
    /// above the range and (--next-sample) the best next sampling time;
    /// with --model A,B,… the advice of the weighted models.
    Dose(dose_cmd::DoseArgs),
    /// N virtual patients (IDs 1..N) of a model on a design CSV, written as a
    /// NONMEM CSV on stdout: η and κ drawn from the model's Ω, residual
    /// error at every observation row, seeded (same seed, same file).
    Simulate(simulate_cmd::SimulateArgs),
    /// The built-in models with their citations.
    Models,
    /// Each built-in model's typical patient of this size (η = 0, steady
    /// state) against the DM/PM-IP cohort figures, flagged beyond 1 SD or
    /// outside the published range.
    Popcheck(popcheck_cmd::PopcheckArgs),
    /// What the drug screen shows for a patient record (the app's record
    /// file): the estimate, curves, AUCs and the advice with its checks,
    /// from the same questions the app asks.
    Advise(advise_cmd::AdviseArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match &cli.command {
        Command::Nca(args) => nca_cmd::run(args),
        Command::Predict(args) => predict_cmd::run(args),
        Command::Fit(args) => fit_cmd::run(args),
        Command::Dose(args) => dose_cmd::run(args),
        Command::Models => models_cmd::run(),
        Command::Popcheck(args) => popcheck_cmd::run(args),
        Command::Advise(args) => advise_cmd::run(args),
        // CSV, not JSON, on stdout.
        Command::Simulate(args) => return simulate_cmd::main(args),
    };
    match result {
        Ok(value) => match serde_json::to_string_pretty(&value) {
            Ok(text) => {
                // A closed pipe (`dmip … | head`) is not an error of ours.
                let mut out = std::io::stdout().lock();
                let _ = writeln!(out, "{text}");
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("dmip: cannot write JSON: {e}");
                ExitCode::FAILURE
            }
        },
        Err(message) => {
            eprintln!("dmip: {message}");
            ExitCode::from(2)
        }
    }
}

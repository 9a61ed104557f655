//! `dmip`: the command-line face of the engine. JSON on stdout; on bad input a
//! clear message on stderr and a non-zero exit code.

mod load;
mod nca_cmd;
mod predict_cmd;

use clap::{Parser, Subcommand};
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
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match &cli.command {
        Command::Nca(args) => nca_cmd::run(args),
        Command::Predict(args) => predict_cmd::run(args),
    };
    match result {
        Ok(value) => match serde_json::to_string_pretty(&value) {
            Ok(text) => {
                println!("{text}");
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

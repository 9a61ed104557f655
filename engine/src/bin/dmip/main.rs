//! `dmip`: the command-line face of the engine. JSON on stdout; on bad input a
//! clear message on stderr and a non-zero exit code.

mod nca_cmd;

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
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match &cli.command {
        Command::Nca(args) => nca_cmd::run(args),
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

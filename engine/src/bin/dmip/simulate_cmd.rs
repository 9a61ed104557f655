//! `dmip simulate`: N virtual patients of a model on a design, written as a
//! NONMEM CSV on standard output (`dmip_engine::simulate`); what was
//! assumed and what to know on standard error, each line `dmip: note: …`.

use crate::load::load_model;
use clap::{Args, ValueEnum};
use dmip_engine::simulate::{
    simulate, CovariateTable, Design, SimulateError, SimulateQuestion, Variability,
};
use dmip_engine::tdm::Assumption;
use std::io::Write;
use std::process::ExitCode;

/// Which random effects are drawn.
#[derive(Clone, Copy, Debug, Default, ValueEnum)]
pub enum VariabilityArg {
    /// η, κ (per occasion) and the residual error, as NONMEM's $SIM.
    #[default]
    Full,
    /// η and κ only: each DV is the patient's own concentration.
    Parameters,
    /// None: every patient is the typical patient (`dmip predict`'s values).
    None,
}

#[derive(Args)]
pub struct SimulateArgs {
    /// Model file (TOML) or built-in model id (see `dmip models`).
    #[arg(long)]
    pub model: String,
    /// Design: a NONMEM-style CSV whose first subject's rows (doses,
    /// observation rows, covariates, OCC, LLOQ) every virtual patient gets.
    #[arg(long)]
    pub data: std::path::PathBuf,
    /// Number of virtual patients (IDs 1..N), at most 100000.
    #[arg(long)]
    pub n: usize,
    /// Seed of the random draws: the same seed gives the same file.
    #[arg(long)]
    pub seed: u64,
    /// Which random effects are drawn.
    #[arg(long, value_enum, default_value = "full")]
    pub variability: VariabilityArg,
    /// How a covariate's value holds between rows: locf (last value carried
    /// forward, the default) or nonmem (next value carried backward).
    #[arg(long, value_enum, default_value = "locf")]
    pub covariates: crate::subject::CovariatesArg,
    /// Covariates per virtual patient: a CSV with one row per patient (an
    /// optional ID column, then covariates under the model's names, e.g.
    /// WT,HT,SEX,HCT,CYP3A5); patient i takes row (i − 1) mod n and its
    /// values replace the design's for the whole design.
    #[arg(long, value_name = "FILE.csv")]
    pub covariate_table: Option<std::path::PathBuf>,
}

fn assumed(a: &Assumption) -> String {
    match a {
        Assumption::Typical {
            covariate,
            value,
            description,
            unit,
        } => format!("{description} ({covariate}) is not in the design: the model's stated default {value} {unit} was used for every patient"),
        Assumption::Genotype {
            covariate, chosen, ..
        } => format!("{covariate} is not in the design: {chosen} was used for every patient"),
    }
}

fn run(args: &SimulateArgs) -> Result<(String, Vec<String>), String> {
    let def = load_model(&args.model)?;
    let shown = args.data.display();
    let bytes = std::fs::read(&args.data).map_err(|e| format!("{shown}: {e}"))?;
    let design = Design::read(&bytes, &def, args.covariates.convention())
        .map_err(|e| format!("{shown}: {e}"))?;
    let table = match &args.covariate_table {
        None => None,
        Some(path) => {
            let shown = path.display();
            let bytes = std::fs::read(path).map_err(|e| format!("{shown}: {e}"))?;
            Some(CovariateTable::read(&bytes, &def).map_err(|e| format!("{shown}: {e}"))?)
        }
    };
    let variability = match args.variability {
        VariabilityArg::Full => Variability::Full,
        VariabilityArg::Parameters => Variability::Parameters,
        VariabilityArg::None => Variability::None,
    };
    let sim = simulate(&SimulateQuestion {
        model: &def,
        design: &design,
        n: args.n,
        seed: args.seed,
        variability,
        patients: table.as_ref(),
    })
    .map_err(|e| match e {
        SimulateError::NoPatients | SimulateError::TooManyPatients(_) => format!("--n: {e}"),
        other => format!("{shown}: {other}"),
    })?;
    let notes = sim
        .assumptions
        .iter()
        .map(assumed)
        .chain(sim.notes.iter().cloned())
        .collect();
    Ok((sim.to_csv(&design)?, notes))
}

/// Runs the command: the CSV on stdout, notes on stderr.
pub fn main(args: &SimulateArgs) -> ExitCode {
    match run(args) {
        Ok((csv, notes)) => {
            for n in notes {
                eprintln!("dmip: note: {n}");
            }
            // A closed pipe (`dmip simulate … | head`) is not an error of ours.
            let _ = std::io::stdout().lock().write_all(csv.as_bytes());
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("dmip: {message}");
            ExitCode::from(2)
        }
    }
}

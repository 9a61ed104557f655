//! `dmip popcheck`: each built-in model's typical patient of a given size
//! against the DM/PM-IP cohort figures (`dmip_engine::tdm::popcheck`).

use clap::{Args, ValueEnum};
use dmip_engine::clinical::body::Sex;
use dmip_engine::tdm::{population_check, Drug, PopulationQuestion};
use serde_json::Value;

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum DrugArg {
    Cyclosporine,
    Tacrolimus,
}

impl From<DrugArg> for Drug {
    fn from(d: DrugArg) -> Drug {
        match d {
            DrugArg::Cyclosporine => Drug::Cyclosporine,
            DrugArg::Tacrolimus => Drug::Tacrolimus,
        }
    }
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum SexArg {
    Female,
    Male,
}

#[derive(Args)]
pub struct PopcheckArgs {
    #[arg(long, value_enum)]
    pub drug: DrugArg,
    /// Body weight, kg.
    #[arg(long)]
    pub weight: f64,
    /// Height, cm (fat-free mass; without it the model's stated default).
    #[arg(long)]
    pub height: Option<f64>,
    #[arg(long, value_enum)]
    pub sex: Option<SexArg>,
}

pub fn run(args: &PopcheckArgs) -> Result<Value, String> {
    let q = PopulationQuestion {
        drug: args.drug.into(),
        weight_kg: args.weight,
        height_cm: args.height,
        sex: args.sex.map(|s| match s {
            SexArg::Female => Sex::Female,
            SexArg::Male => Sex::Male,
        }),
    };
    let check = population_check(&q).map_err(|e| format!("--weight: {e}"))?;
    serde_json::to_value(check).map_err(|e| format!("cannot write JSON: {e}"))
}

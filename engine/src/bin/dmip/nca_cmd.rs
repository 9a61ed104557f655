//! `dmip nca` (under construction).
use clap::Args;

#[derive(Args)]
pub struct NcaArgs {
    /// CSV file with header TIME,DV (optional ID).
    #[arg(long)]
    pub data: std::path::PathBuf,
}

pub fn run(_args: &NcaArgs) -> Result<serde_json::Value, String> {
    Err("nca is not implemented yet".into())
}

//! `dmip advise --record R.json --drug D`: what the drug screen shows for a
//! patient record (the app's record file, any schema it reads), computed by
//! the same questions the app asks (`tdm::input_from_record`, then
//! `tdm::compute`): the estimate, the curves, the AUCs and the advice with
//! its checks, as JSON; `--input-only` prints the engine's input instead.
//! `--lang ja` says why nothing could be computed (no dose, a dose row,
//! a value beyond the engine's limits, no model…) in Japanese: the
//! engine's words, `dmip_engine::text`, as the screen shows them.

use crate::popcheck_cmd::DrugArg;
use chrono::{DateTime, FixedOffset};
use clap::Args;
use dmip_engine::record;
use dmip_engine::tdm::{compute, drug_catalogue, input_from_record, Market, RecordQuestion};
use dmip_engine::text::{Lang, Say};
use serde_json::Value;
use std::path::PathBuf;

#[derive(Args)]
pub struct AdviseArgs {
    /// A patient record as the app writes it (JSON).
    #[arg(long)]
    pub record: PathBuf,
    #[arg(long, value_enum)]
    pub drug: DrugArg,
    /// The clock time the answer is for, RFC 3339 with its offset
    /// (2026-11-03T15:00:00+09:00); default: now, in UTC.
    #[arg(long)]
    pub now: Option<String>,
    /// Posterior draws for the band and the probabilities.
    #[arg(long, default_value_t = 200)]
    pub draws: usize,
    /// The AUC disagreement flagged, percent (default 20).
    #[arg(long)]
    pub disagreement: Option<f64>,
    /// Round the advice to the strengths the model file lists instead of
    /// the Japanese market's.
    #[arg(long)]
    pub model_file_strengths: bool,
    /// Print the engine's input, not the answer.
    #[arg(long)]
    pub input_only: bool,
    /// The language of the engine's messages: en or ja.
    #[arg(long, default_value = "en", value_parser = lang)]
    pub lang: Lang,
}

fn lang(tag: &str) -> Result<Lang, String> {
    Lang::from_tag(tag).ok_or_else(|| format!("{tag}: not a language of the engine (en, ja)"))
}

pub fn run(args: &AdviseArgs) -> Result<Value, String> {
    let path = args.record.display();
    let text = std::fs::read_to_string(&args.record).map_err(|e| format!("{path}: {e}"))?;
    let patient_record = record::read(&text).map_err(|e| format!("{path}: {e}"))?;
    let now: DateTime<FixedOffset> = match &args.now {
        Some(t) => DateTime::parse_from_rfc3339(t)
            .map_err(|e| format!("--now {t}: not an RFC 3339 time with its offset ({e})"))?,
        None => chrono::DateTime::<chrono::Utc>::from(std::time::SystemTime::now()).fixed_offset(),
    };
    let drug = args.drug.into();
    let made = input_from_record(&RecordQuestion {
        drug,
        record: drug_catalogue(drug).of(&patient_record),
        patient: &patient_record.patient,
        now,
        draws: args.draws,
        market: if args.model_file_strengths {
            Market::ModelFile
        } else {
            Market::Japan
        },
        disagreement_pct: args.disagreement,
    })
    .map_err(|e| e.to_string())?;
    let json =
        |v: Result<Value, serde_json::Error>| v.map_err(|e| format!("cannot write JSON: {e}"));
    if args.input_only {
        return json(serde_json::to_value(&made.input));
    }
    let out = compute(&made.input).map_err(|e| format!("{path}: {}", e.say(args.lang)))?;
    json(serde_json::to_value(&out))
}

//! The reproducible calculation capsule: a drug's engine input, the model
//! id, the app version and the results (JSON). Opening it recomputes with
//! this version and says whether anything differs.

use super::tagged::{tagged_json, TagError};
use dmip_engine::record::PatientRecord;
use dmip_engine::tdm::view::{DateTime, FixedOffset};
use dmip_engine::tdm::{
    compute, drug_catalogue, input_from_record, Drug, Market, RecordQuestion, TdmInput,
};
use serde::{Deserialize, Serialize};
use serde_json::Value;

pub const FORMAT: &str = "dmip-monitor-capsule";
pub const VERSION: u32 = 1;
/// Posterior draws stored in a capsule (the band is seeded: reproducible).
const DRAWS: usize = 200;

#[derive(Debug, Clone, Serialize, Deserialize)]
struct Capsule {
    format: String,
    version: u32,
    app: String,
    model_id: String,
    input: TdmInput,
    results: Value,
}

/// Why a capsule cannot be opened.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CapsuleError {
    #[error("not a JSON file ({0})")]
    NotJson(String),
    #[error("not a DMIP Monitor calculation capsule (format “{0}”)")]
    NotOurs(String),
    #[error("capsule format {0} is newer than this app understands ({VERSION})")]
    TooNew(u32),
    #[error("damaged capsule: {0}")]
    Damaged(String),
    #[error("cannot compute: {0}")]
    Compute(String),
}

impl From<TagError> for CapsuleError {
    fn from(e: TagError) -> Self {
        match e {
            TagError::NotJson(m) => CapsuleError::NotJson(m),
            TagError::NotOurs(f) => CapsuleError::NotOurs(f),
        }
    }
}

/// The engine input for one drug of `record`, at `now`, as the capsule
/// stores it (`DRAWS` posterior draws).
pub fn input_for(
    drug: Drug,
    record: &PatientRecord,
    now: DateTime<FixedOffset>,
    market: Market,
) -> Result<TdmInput, String> {
    input_with_draws(drug, record, now, DRAWS, market)
}

/// The engine input for one drug of `record`: the engine's
/// `input_from_record`, as the drug screen builds it, so that the screen,
/// the report and the capsule give the same numbers for the same draws.
pub fn input_with_draws(
    drug: Drug,
    record: &PatientRecord,
    now: DateTime<FixedOffset>,
    draws: usize,
    market: Market,
) -> Result<TdmInput, String> {
    input_from_record(&RecordQuestion {
        drug,
        record: drug_catalogue(drug).of(record),
        patient: &record.patient,
        now,
        draws,
        market,
        disagreement_pct: None,
    })
    .map(|made| made.input)
    .map_err(|e| e.to_string())
}

fn results(input: &TdmInput) -> Result<Value, CapsuleError> {
    let out = compute(input).map_err(|e| CapsuleError::Compute(e.to_string()))?;
    serde_json::to_value(&out).map_err(|e| CapsuleError::Compute(e.to_string()))
}

/// Computes `input` and writes the capsule.
pub fn make(input: &TdmInput, app: &str) -> Result<String, CapsuleError> {
    let capsule = Capsule {
        format: FORMAT.into(),
        version: VERSION,
        app: app.into(),
        model_id: input.model_id.clone(),
        input: input.clone(),
        results: results(input)?,
    };
    serde_json::to_string_pretty(&capsule).map_err(|e| CapsuleError::Compute(e.to_string()))
}

/// A headline number: what, stored, recomputed.
pub type Line = (String, Option<f64>, Option<f64>);

/// A capsule opened and recomputed.
#[derive(Debug, Clone, PartialEq)]
pub struct Replay {
    pub app: String,
    pub model_id: String,
    pub lines: Vec<Line>,
    /// JSON paths whose values differ (at most 20), empty when identical.
    pub differences: Vec<String>,
}

fn headline(v: &Value) -> Vec<(String, Option<f64>)> {
    let mut out = Vec::new();
    if let (Some(names), Some(eta)) = (
        v.pointer("/fit/names").and_then(Value::as_array),
        v.pointer("/fit/eta").and_then(Value::as_array),
    ) {
        for (n, e) in names.iter().zip(eta) {
            out.push((n.as_str().unwrap_or("η").to_string(), e.as_f64()));
        }
        out.push((
            "objective".into(),
            v.pointer("/fit/objective").and_then(Value::as_f64),
        ));
    }
    for a in v
        .get("aucs")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let label = format!(
            "{} ({})",
            a.get("interval").and_then(Value::as_str).unwrap_or("AUC"),
            a.get("method").and_then(Value::as_str).unwrap_or("")
        );
        out.push((label, a.get("value").and_then(Value::as_f64)));
    }
    for c in v
        .pointer("/advice/candidates")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let label = format!(
            "{}, q{} h: mg/day",
            c.pointer("/regimen/label")
                .and_then(Value::as_str)
                .unwrap_or(""),
            c.pointer("/regimen/interval_h")
                .and_then(Value::as_f64)
                .unwrap_or(0.0)
        );
        out.push((label, c.get("daily_mg").and_then(Value::as_f64)));
    }
    out
}

fn same(a: f64, b: f64) -> bool {
    a == b || (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1e-12)
}

fn diff(path: &str, a: &Value, b: &Value, out: &mut Vec<String>) {
    if out.len() >= 20 {
        return;
    }
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => {
            if !same(
                x.as_f64().unwrap_or(f64::NAN),
                y.as_f64().unwrap_or(f64::NAN),
            ) {
                out.push(format!("{path}: {x} → {y}"));
            }
        }
        (Value::Array(x), Value::Array(y)) if x.len() == y.len() => {
            for (i, (x, y)) in x.iter().zip(y).enumerate() {
                diff(&format!("{path}/{i}"), x, y, out);
            }
        }
        (Value::Object(x), Value::Object(y)) if x.len() == y.len() => {
            for (k, xv) in x {
                match y.get(k) {
                    Some(yv) => diff(&format!("{path}/{k}"), xv, yv, out),
                    None => out.push(format!("{path}/{k}: missing")),
                }
            }
        }
        _ if a == b => {}
        _ => out.push(format!("{path}: differs")),
    }
}

/// Opens a capsule and recomputes it with this version.
pub fn replay(text: &str) -> Result<Replay, CapsuleError> {
    let value = tagged_json(text, FORMAT)?;
    // The version first: a newer capsule may not have today's fields.
    if let Some(v) = value.get("version").and_then(Value::as_u64) {
        if v > u64::from(VERSION) {
            return Err(CapsuleError::TooNew(u32::try_from(v).unwrap_or(u32::MAX)));
        }
    }
    let c: Capsule =
        serde_json::from_value(value).map_err(|e| CapsuleError::Damaged(e.to_string()))?;
    let now = results(&c.input)?;
    let mut differences = Vec::new();
    diff("", &c.results, &now, &mut differences);
    let stored = headline(&c.results);
    let fresh = headline(&now);
    let mut lines: Vec<Line> = stored
        .iter()
        .map(|(k, v)| {
            (
                k.clone(),
                *v,
                fresh.iter().find(|(f, _)| f == k).and_then(|f| f.1),
            )
        })
        .collect();
    for (k, v) in &fresh {
        if !stored.iter().any(|(s, _)| s == k) {
            lines.push((k.clone(), None, *v));
        }
    }
    Ok(Replay {
        app: c.app,
        model_id: c.model_id,
        lines,
        differences,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use dmip_engine::tdm::SampleLabel;
    use dmip_engine::test_support::{at, doses, level};

    /// 60 kg on prednisolone 50 mg/day; cyclosporine 100 mg every 12 h × 6
    /// from 1 Nov 08:00 and a C0 of 150 ng/mL.
    fn record() -> PatientRecord {
        let mut r = PatientRecord::new("c");
        r.patient.weight_kg = Some(60.0);
        r.patient.prednisolone = vec![dmip_engine::record::PrednisoloneRow {
            start: None,
            mg_day: 50.0,
        }];
        r.cyclosporine.doses = doses(100.0, 12.0, 6);
        r.cyclosporine.levels = vec![level("2026-11-03T07:50:00+09:00", 150.0, SampleLabel::C0)];
        r
    }

    #[test]
    fn a_hostile_capsule_is_refused_at_once_with_the_limit() {
        let input = input_for(
            Drug::Cyclosporine,
            &record(),
            at("2026-11-03T15:00:00+09:00"),
            Market::Japan,
        )
        .expect("input");
        let text = make(&input, "0.1.0").expect("capsule");
        let mut v: Value = serde_json::from_str(&text).expect("json");
        let cases = [
            (
                "/input/horizon_h",
                serde_json::json!(1e12),
                "cannot compute: a forecast of 1e12 h; at most 744 h",
            ),
            (
                "/input/doses/0/count",
                serde_json::json!(u32::MAX),
                "cannot compute: dose row 1: 4294967295 doses; at most 5000 per row",
            ),
            (
                "/input/doses/0/start",
                serde_json::json!("9999-11-01T08:00:00+09:00"),
                "cannot compute: dose row 1: the year 9999 is outside 1900–2200",
            ),
        ];
        for (path, value, message) in cases {
            let mut hostile = v.clone();
            *hostile.pointer_mut(path).expect(path) = value;
            let t0 = std::time::Instant::now();
            let e = replay(&hostile.to_string()).map(|_| ()).expect_err(path);
            assert!(
                t0.elapsed() < std::time::Duration::from_millis(500),
                "{path}"
            );
            assert_eq!(e.to_string(), message);
        }
        v["input"]["horizon_h"] = serde_json::json!(72.0);
        assert!(replay(&v.to_string()).is_ok());
    }

    #[test]
    fn a_capsule_recomputes_to_the_same_numbers_and_tampering_shows() {
        let input = input_for(
            Drug::Cyclosporine,
            &record(),
            at("2026-11-03T15:00:00+09:00"),
            Market::Japan,
        )
        .expect("input");
        assert_eq!(input.model_id, "press2010_csa");
        assert_eq!(input.covariates.get("WT"), Some(&60.0));
        let text = make(&input, "0.1.0").expect("capsule");
        let r = replay(&text).expect("replays");
        assert_eq!(r.differences, Vec::<String>::new());
        assert_eq!(r.model_id, "press2010_csa");
        assert!(r
            .lines
            .iter()
            .any(|(k, s, n)| k == "η CL" && s.is_some() && s == n));

        let mut v: Value = serde_json::from_str(&text).expect("json");
        let eta = v.pointer_mut("/results/fit/eta/0").expect("eta");
        let old = eta.as_f64().expect("number");
        *eta = serde_json::json!(old + 0.01);
        let r = replay(&v.to_string()).expect("replays");
        assert_eq!(r.differences.len(), 1, "{:?}", r.differences);
        assert!(
            r.differences[0].starts_with("/fit/eta/0: "),
            "{:?}",
            r.differences
        );
    }

    #[test]
    fn other_files_are_named() {
        assert_eq!(
            replay("{\"format\":\"dmip-monitor-export\"}").err(),
            Some(CapsuleError::NotOurs("dmip-monitor-export".into()))
        );
        assert!(matches!(
            replay("{\"format\":"),
            Err(CapsuleError::NotJson(_))
        ));
        assert!(matches!(
            replay("{\"format\":\"dmip-monitor-capsule\",\"version\":1}"),
            Err(CapsuleError::Damaged(_))
        ));
    }
}

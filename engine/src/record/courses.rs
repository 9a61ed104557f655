//! What the patient takes besides the calcineurin inhibitor, over time:
//! prednisolone as dated rows (a taper is several rows) and co-medications
//! with their periods ([`CoMedication`]: name, optional start and stop).

use crate::tdm::input::optional_clock_time;
pub use crate::tdm::CoMedication;
use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

fn row_start<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> Result<Option<DateTime<FixedOffset>>, D::Error> {
    optional_clock_time("prednisolone start", d)
}

/// One row of the prednisolone history: the daily dose from `start` until
/// the next row starts. Before the first row with a start there is no
/// prednisolone, unless a row without a start says otherwise.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PrednisoloneRow {
    /// From when (local clock time with its offset); `None`: since before
    /// the first dose (what a record that kept one number meant).
    #[serde(default, deserialize_with = "row_start")]
    pub start: Option<DateTime<FixedOffset>>,
    /// mg/day (0: stopped).
    pub mg_day: f64,
}

/// The rows in time order: the row without a start first (the last one
/// given when there are several), then by start.
pub fn in_order(rows: &[PrednisoloneRow]) -> Vec<&PrednisoloneRow> {
    let mut sorted: Vec<&PrednisoloneRow> = rows.iter().collect();
    // A stable sort keeps the typed order among rows without a start.
    sorted.sort_by_key(|r| r.start);
    let undated = sorted.iter().take_while(|r| r.start.is_none()).count();
    sorted.drain(..undated.saturating_sub(1));
    sorted
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(s).expect("time")
    }

    fn row(start: Option<&str>, mg_day: f64) -> PrednisoloneRow {
        PrednisoloneRow {
            start: start.map(at),
            mg_day,
        }
    }

    #[test]
    fn rows_are_read_in_time_order_with_one_row_without_a_start_first() {
        let rows = vec![
            row(Some("2026-11-15T08:00:00+09:00"), 15.0),
            row(None, 40.0),
            row(Some("2026-11-01T08:00:00+09:00"), 30.0),
            row(None, 20.0),
        ];
        // Of several rows without a start, the last typed holds.
        let ordered: Vec<f64> = in_order(&rows).iter().map(|r| r.mg_day).collect();
        assert_eq!(ordered, [20.0, 30.0, 15.0]);
        assert!(in_order(&[]).is_empty());
    }

    #[test]
    fn a_start_that_is_not_a_clock_time_is_named() {
        let e = serde_json::from_str::<PrednisoloneRow>(r#"{"start":"last week","mg_day":30}"#)
            .expect_err("refused");
        assert!(
            e.to_string()
                .starts_with("prednisolone start: “last week” is not a date and time"),
            "{e}"
        );
        let r: PrednisoloneRow = serde_json::from_str(r#"{"mg_day":30}"#).expect("no start");
        assert_eq!(r, row(None, 30.0));
    }
}

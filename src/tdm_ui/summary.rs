//! The screen's reading of the engine's output against the targets (the
//! engine's `tdm::target_status`: the latest usable level of each target's
//! metric, below, within or above, and the suggested regimen), and the
//! ranges as text with their units.

use crate::format::tick;
use dmip_engine::dose::Range;
use dmip_engine::tdm::{target_status, Drug, LevelRow, TargetQuestion, TdmOutput};

/// Concentration unit of both drugs' levels (whole blood).
pub const CONC_UNIT: &str = "ng/mL";
/// AUC unit.
pub const AUC_UNIT: &str = "ng·h/mL";

pub use dmip_engine::tdm::target_status::{Status, TargetKind, TargetStatus as Summary};

/// The engine's `target_status` for `drug` with the aim and limit in use.
pub fn summarize(
    drug: Drug,
    aim: Range,
    limit: Option<Range>,
    levels: &[LevelRow],
    out: Option<&TdmOutput>,
) -> Summary {
    target_status(&TargetQuestion {
        drug,
        aim,
        limit,
        levels,
        out,
    })
}

/// A range as text with its unit: `1000–1200 ng/mL`, `≤ 200 ng/mL`.
pub fn range_text(range: &Range) -> String {
    let unit = if range.metric.is_auc() {
        AUC_UNIT
    } else {
        CONC_UNIT
    };
    // Bounds as a clinician writes them: 5–10, not 5.00–10.0.
    let n = tick;
    match (range.low, range.high) {
        (Some(l), Some(h)) => format!("{}–{} {unit}", n(l), n(h)),
        (None, Some(h)) => format!("≤ {} {unit}", n(h)),
        (Some(l), None) => format!("≥ {} {unit}", n(l)),
        (None, None) => "-".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dmip_engine::dose::Metric;

    #[test]
    fn ranges_print_as_a_clinician_writes_them() {
        let r = Range {
            metric: Metric::C { hours: 2.0 },
            low: Some(1000.0),
            high: Some(1200.0),
        };
        assert_eq!(range_text(&r), "1000–1200 ng/mL");
        let tac = Range {
            metric: Metric::C0,
            low: Some(5.0),
            high: Some(10.0),
        };
        assert_eq!(range_text(&tac), "5–10 ng/mL");
        let limit = Range {
            metric: Metric::C0,
            low: None,
            high: Some(200.0),
        };
        assert_eq!(range_text(&limit), "≤ 200 ng/mL");
    }
}

//! Default therapeutic targets (editable in the app), each with its source.

use crate::dose::{Metric, Range};
use serde::{Deserialize, Serialize};

/// The drug being monitored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Drug {
    Cyclosporine,
    Tacrolimus,
}

/// A target with where it comes from.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SourcedRange {
    pub range: Range,
    pub source: &'static str,
}

/// Targets the screens start from.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DefaultTargets {
    /// What the dose is aimed at.
    pub aim: SourcedRange,
    /// A limit on another metric (toxicity).
    pub limit: Option<SourcedRange>,
    /// Preferred band inside the limit, shown but not enforced.
    pub preferred: Option<SourcedRange>,
    /// Level at which a warning is shown whatever the target.
    pub warn_at_or_above: Option<(Metric, f64, &'static str)>,
}

fn closed(metric: Metric, low: f64, high: f64) -> Range {
    Range {
        metric,
        low: Some(low),
        high: Some(high),
    }
}

/// Defaults per drug.
pub fn defaults(drug: Drug) -> DefaultTargets {
    match drug {
        Drug::Cyclosporine => DefaultTargets {
            // C2 maintained at 1000 ng/mL: Kotani T et al. J Rheumatol
            // 2008;35:254-259 (clinical-reference §5.1, [V]); the 1200 upper
            // end is the project brief's "C2 ≈ 1000–1200 ng/mL".
            aim: SourcedRange {
                range: closed(Metric::C { hours: 2.0 }, 1000.0, 1200.0),
                source: "Kotani 2008 (J Rheumatol 35:254): C2 maintained at 1000 ng/mL; upper end 1200 from the project brief",
            },
            // C0 ≤ 200 ng/mL: project brief ("keep C0 ≤ 150–200"); Kotani
            // 2008 observed C0 201.3 ng/mL on the C2 regimen.
            limit: Some(SourcedRange {
                range: Range { metric: Metric::C0, low: None, high: Some(200.0) },
                source: "project brief (keep C0 ≤ 150–200 ng/mL)",
            }),
            // 100–150 ng/mL considered optimal: Ando S et al. Ryumachi
            // 1995;35:95-99 (clinical-reference §5.1, [V]).
            preferred: Some(SourcedRange {
                range: closed(Metric::C0, 100.0, 150.0),
                source: "Ando 1995 (Ryumachi 35:95): trough 100–150 ng/mL",
            }),
            warn_at_or_above: None,
        },
        Drug::Tacrolimus => DefaultTargets {
            // Target trough 5–10 ng/mL: Takada K et al. Rheumatology
            // 2020;59:1084-1093 (clinical-reference §5.1, [V]).
            aim: SourcedRange {
                range: closed(Metric::C0, 5.0, 10.0),
                source: "Takada 2020 (Rheumatology 59:1084): trough 5–10 ng/mL",
            },
            limit: None,
            preferred: None,
            // Adverse effects rise at C0 ≥ 20 ng/mL: project brief.
            warn_at_or_above: Some((Metric::C0, 20.0, "project brief: adverse effects rise at C0 ≥ 20 ng/mL")),
        },
    }
}

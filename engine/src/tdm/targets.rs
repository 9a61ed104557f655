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
            // end: Nagai 2010 as the review states it (§5.1b, [V-review]).
            aim: SourcedRange {
                range: closed(Metric::C { hours: 2.0 }, 1000.0, 1200.0),
                source: "Kotani T, et al. J Rheumatol 2008;35:254-259 (C2 maintained at 1000 ng/mL); upper end: Nagai K, et al. Mod Rheumatol 2010;21:32-36 (C2 1222.6 ± 523.8 ng/mL with C0 157.3 ± 41.4 ng/mL: “relatively safe at C2 about 1200 ng/mL”), as summarised in the review ‘Interstitial Pneumonia in Dermatomyositis’ (Neuromuscular Disorders, InTech)",
            },
            // C0 ≤ 200 ng/mL: Min 1998 as the review states it (§5.1b,
            // [V-review]); Kotani 2008 observed C0 201.3 ng/mL on the C2 regimen.
            limit: Some(SourcedRange {
                range: Range { metric: Metric::C0, low: None, high: Some(200.0) },
                source: "Min 1998, as cited in the review ‘Interstitial Pneumonia in Dermatomyositis’ (Neuromuscular Disorders, InTech): adverse events increase with long use at C0 ≥ 200 ng/mL; the dose is adjusted so that C0 is 200 ng/mL or less",
            }),
            // 100–150 ng/mL considered optimal: Ando S et al. Ryumachi
            // 1995;35:95-99 (clinical-reference §5.1, [V]).
            preferred: Some(SourcedRange {
                range: closed(Metric::C0, 100.0, 150.0),
                source: "Ando S, et al. Ryumachi 1995;35(1):95-99: trough 100–150 ng/mL considered optimal",
            }),
            warn_at_or_above: None,
        },
        Drug::Tacrolimus => DefaultTargets {
            // Target trough 5–10 ng/mL: Takada K et al. Rheumatology
            // 2020;59:1084-1093 (clinical-reference §5.1, [V]).
            aim: SourcedRange {
                range: closed(Metric::C0, 5.0, 10.0),
                source: "Takada K, et al. Rheumatology 2020;59(5):1084-1093: target trough 5–10 ng/mL",
            },
            limit: None,
            preferred: None,
            // Adverse effects rise when C0 stays about 20 ng/mL: the review
            // (§5.1b, [V-review]).
            warn_at_or_above: Some((Metric::C0, 20.0, "The review ‘Interstitial Pneumonia in Dermatomyositis’ (Neuromuscular Disorders, InTech): adverse events rise when C0 stays at about 20 ng/mL for long")),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clinical::citable::workshop_words;

    #[test]
    fn target_sources_can_be_cited() {
        for drug in [Drug::Cyclosporine, Drug::Tacrolimus] {
            let t = defaults(drug);
            let mut shown = vec![t.aim.source];
            shown.extend(t.limit.as_ref().map(|l| l.source));
            shown.extend(t.preferred.as_ref().map(|l| l.source));
            shown.extend(t.warn_at_or_above.map(|w| w.2));
            for s in shown {
                assert!(workshop_words(s).is_empty(), "{drug:?}: {s}");
            }
        }
        let csa = defaults(Drug::Cyclosporine);
        assert!(csa
            .aim
            .source
            .contains("Nagai K, et al. Mod Rheumatol 2010;21:32-36"));
        assert!(csa.limit.unwrap().source.starts_with("Min 1998"));
    }
}

//! Adverse-event checks during CsA / TAC / IVCY / steroid treatment: serum creatinine (rise from baseline), potassium, blood pressure,
//! glucose, HbA1c and liver enzymes.
//!
//! For each check: the baseline (the earliest result), the latest, the
//! change (absolute and %), and the threshold **the pack verifies** with its
//! source — or [`Status::Unavailable`] with the [`Gap`] saying why. The pack
//! verifies none of these thresholds today (§2 has no range for them, §4
//! none for action), so every threshold is unavailable; nothing is invented.
//! [`Link`]s name the drugs on which the pack ties to the concern, with the
//! label that says so.

mod entry;

pub use entry::{parse_date, validate_entry, validate_value, Entry};

use super::analyte::{Analyte, ReferenceLimit};
use super::biomarkers::{trend, LabResult, TrendPoint};
use super::error::Result;
use super::interactions::Subject;
use super::sources::Source;
use super::status::{Gap, Status};
use super::units::Unit;
use crate::text::{Lang, Words};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// What a check watches for (named as Japanese package inserts and
/// laboratory reports name it).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Concern {
    Nephrotoxicity,
    Hyperkalaemia,
    Hypertension,
    Hyperglycaemia,
    LiverInjury,
}

impl Concern {
    /// In English (both languages: `crate::text`).
    pub fn en(self) -> &'static str {
        self.words(Lang::En)
    }
}

/// The analytes checked, in display order, with their concern.
pub const CHECKED: [(Analyte, Concern); 8] = [
    (Analyte::Creatinine, Concern::Nephrotoxicity),
    (Analyte::Potassium, Concern::Hyperkalaemia),
    (Analyte::SystolicBp, Concern::Hypertension),
    (Analyte::DiastolicBp, Concern::Hypertension),
    (Analyte::Glucose, Concern::Hyperglycaemia),
    (Analyte::Hba1c, Concern::Hyperglycaemia),
    (Analyte::Ast, Concern::LiverInjury),
    (Analyte::Alt, Concern::LiverInjury),
];

/// A drug on whose label (as the pack reads it) names the concern.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Link {
    pub drug: Subject,
    pub concern: Concern,
    pub source: Source,
}

/// What the pack's label rows tie to each concern (§4, all [V]):
/// - CsA + tacrolimus: additive nephrotoxicity (cyclosporine label);
/// - CsA + nephrotoxic drugs / NSAIDs: nephrotoxicity, NSAIDs also
///   hyperkalaemia (label page read at clinicalsup.jp);
/// - TAC + potassium-sparing diuretics: hyperkalaemia, additive (Prograf).
const LINKS: [Link; 4] = [
    Link {
        drug: Subject::Cyclosporine,
        concern: Concern::Nephrotoxicity,
        source: Source::JapicCyclosporine,
    },
    Link {
        drug: Subject::Tacrolimus,
        concern: Concern::Nephrotoxicity,
        source: Source::JapicCyclosporine,
    },
    Link {
        drug: Subject::Cyclosporine,
        concern: Concern::Hyperkalaemia,
        source: Source::CyclosporineLabel102,
    },
    Link {
        drug: Subject::Tacrolimus,
        concern: Concern::Hyperkalaemia,
        source: Source::PrografLabel2023,
    },
];

/// The threshold the pack verifies for a checked analyte: none today.
pub fn threshold(analyte: Analyte) -> Status<ReferenceLimit> {
    let gap = match analyte {
        Analyte::Creatinine => Gap::CreatinineRiseThreshold,
        Analyte::Potassium
        | Analyte::SystolicBp
        | Analyte::DiastolicBp
        | Analyte::Glucose
        | Analyte::Hba1c
        | Analyte::Ast
        | Analyte::Alt => Gap::AdverseEventThreshold,
        _ => Gap::LabReferenceRange,
    };
    Status::Unavailable { gap }
}

/// One check, computed from the record's results.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AdverseCheck {
    pub analyte: Analyte,
    pub concern: Concern,
    /// The unit of baseline, latest and change (the analyte's canonical one).
    pub unit: Unit,
    /// The earliest comparable result.
    pub baseline: Option<TrendPoint>,
    /// The latest comparable result (None with fewer than two results).
    pub latest: Option<TrendPoint>,
    /// latest − baseline, in `unit`.
    pub change: Option<f64>,
    /// 100·(latest − baseline)/baseline; None when the baseline is 0.
    pub change_pct: Option<f64>,
    pub threshold: Status<ReferenceLimit>,
    /// Drugs on that the pack ties to the concern.
    pub links: Vec<Link>,
    /// Every comparable result by date, with % change from the baseline.
    pub points: Vec<TrendPoint>,
    /// Results that could not be put in `unit`.
    pub not_comparable: Vec<NaiveDate>,
    /// Number of comparable results.
    pub count: usize,
}

/// The check of `analyte` over `labs` (any analytes, any order), for a
/// patient on the drugs `on`.
pub fn check(
    analyte: Analyte,
    concern: Concern,
    labs: &[LabResult],
    on: &[Subject],
) -> Result<AdverseCheck> {
    let own: Vec<LabResult> = labs
        .iter()
        .filter(|r| r.analyte == analyte)
        .cloned()
        .collect();
    let trend = trend(&own)?;
    let (points, not_comparable) =
        trend.map_or_else(Default::default, |t| (t.points, t.not_comparable));
    let baseline = points.first().cloned();
    let latest = (points.len() > 1).then(|| points.last().cloned()).flatten();
    let change = baseline
        .as_ref()
        .zip(latest.as_ref())
        .map(|(b, l)| l.value - b.value);
    let change_pct = latest.as_ref().and_then(|l| l.change_from_baseline_pct);
    Ok(AdverseCheck {
        analyte,
        concern,
        unit: analyte.canonical_unit(),
        baseline,
        latest,
        change,
        change_pct,
        threshold: threshold(analyte),
        links: LINKS
            .iter()
            .filter(|l| l.concern == concern && on.contains(&l.drug))
            .copied()
            .collect(),
        not_comparable,
        count: points.len(),
        points,
    })
}

/// Every check of [`CHECKED`]; a check whose results are unusable (e.g. a
/// negative value in an imported record) carries its error.
pub fn checks(labs: &[LabResult], on: &[Subject]) -> Vec<(Analyte, Result<AdverseCheck>)> {
    CHECKED
        .iter()
        .map(|&(a, c)| (a, check(a, c, labs, on)))
        .collect()
}

#[cfg(test)]
mod tests;

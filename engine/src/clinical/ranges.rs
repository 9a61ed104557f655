//! Reference intervals of the Japanese shared ranges (JCCLS 共用基準範囲,
//! 2022 revision) and the reference of every analyte the app records: a
//! two-sided interval (by sex where JCCLS gives one per sex), a one-sided
//! limit (KL-6, SP-D, β-D-glucan, procalcitonin: [`reference_limit`]), or
//! the reason there is none ([`Gap::LabReferenceRange`]: the lab's own).
//!
//! The JCCLS values are those of labels-and-protocols §4.1, where two
//! independent copies agree (a public encoding of the 2022 list and
//! hospital adoption tables); the JCCLS document itself was not read.
//! Ferritin, aldolase and the lymphocyte count have no JCCLS interval.

use super::analyte::{reference_limit, Analyte, Assay, ReferenceLimit};
use super::body::Sex;
use super::sources::Source;
use super::status::{Gap, Status};
use super::units::Unit;
use serde::{Deserialize, Serialize};

/// A reference interval, low–high inclusive, in `unit`.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReferenceRange {
    pub low: f64,
    pub high: f64,
    pub unit: Unit,
    pub source: Source,
}

/// Where a value lies against a reference interval.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Position {
    Low,
    Within,
    High,
}

impl ReferenceRange {
    /// `value` in the range's unit.
    pub fn position(&self, value: f64) -> Position {
        if value < self.low {
            Position::Low
        } else if value > self.high {
            Position::High
        } else {
            Position::Within
        }
    }
}

/// The reference an analyte is read against.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Reference {
    /// One-sided limit or a study's cut-off.
    Limit { limit: ReferenceLimit },
    /// Interval (for the patient's sex where it depends on sex).
    Range { range: ReferenceRange },
    /// The interval depends on sex and the sex is not entered: both shown,
    /// no verdict.
    BySex {
        male: ReferenceRange,
        female: ReferenceRange,
    },
}

const fn jccls(low: f64, high: f64, unit: Unit) -> ReferenceRange {
    ReferenceRange {
        low,
        high,
        unit,
        source: Source::Jccls2022,
    }
}

/// JCCLS 2022: WBC 3.3–8.6 ×10³/µL.
const WBC: ReferenceRange = jccls(3300.0, 8600.0, Unit::PerUl);

/// JCCLS interval of `analyte`: `(male, female)`, equal when not by sex.
/// Units are the analyte's canonical unit (WBC in /µL: 3.3–8.6 ×10³/µL).
pub fn jccls_range(analyte: Analyte) -> Option<(ReferenceRange, ReferenceRange)> {
    use Unit::*;
    let both = |r: ReferenceRange| Some((r, r));
    match analyte {
        Analyte::Wbc => both(WBC),
        // JCCLS 2022: CRP 0.00–0.14 mg/dL
        Analyte::Crp => both(jccls(0.0, 0.14, MgPerDl)),
        // JCCLS 2022: LD (IFCC) 124–222 U/L
        Analyte::Ldh => both(jccls(124.0, 222.0, UPerL)),
        // JCCLS 2022: CK M 59–248, F 41–153 U/L
        Analyte::Ck => Some((jccls(59.0, 248.0, UPerL), jccls(41.0, 153.0, UPerL))),
        // JCCLS 2022: creatinine M 0.65–1.07, F 0.46–0.79 mg/dL
        Analyte::Creatinine => Some((jccls(0.65, 1.07, MgPerDl), jccls(0.46, 0.79, MgPerDl))),
        // JCCLS 2022: K 3.6–4.8 mmol/L
        Analyte::Potassium => both(jccls(3.6, 4.8, MmolPerL)),
        // JCCLS 2022: glucose (fasting) 73–109 mg/dL
        Analyte::Glucose => both(jccls(73.0, 109.0, MgPerDl)),
        // JCCLS 2022: HbA1c (NGSP) 4.9–6.0 %
        Analyte::Hba1c => both(jccls(4.9, 6.0, Percent)),
        // JCCLS 2022: AST 13–30 U/L
        Analyte::Ast => both(jccls(13.0, 30.0, UPerL)),
        // JCCLS 2022: ALT M 10–42, F 7–23 U/L
        Analyte::Alt => Some((jccls(10.0, 42.0, UPerL), jccls(7.0, 23.0, UPerL))),
        // JCCLS 2022: IgG 861–1747 mg/dL
        Analyte::IgG => both(jccls(861.0, 1747.0, MgPerDl)),
        _ => None,
    }
}

/// The reference of `analyte` (measured by `assay`) for a patient of
/// `sex`: a JCCLS interval, else a verified limit, else why there is none.
pub fn reference(analyte: Analyte, assay: Option<&Assay>, sex: Option<Sex>) -> Status<Reference> {
    if let Some((male, female)) = jccls_range(analyte) {
        let value = match sex {
            _ if male == female => Reference::Range { range: male },
            Some(Sex::Male) => Reference::Range { range: male },
            Some(Sex::Female) => Reference::Range { range: female },
            None => Reference::BySex { male, female },
        };
        return Status::Available { value };
    }
    match reference_limit(analyte, assay) {
        Status::Available { value } => Status::Available {
            value: Reference::Limit { limit: value },
        },
        Status::Unavailable { gap } => Status::Unavailable { gap },
    }
}

/// The lower reference limit of the WBC count, /µL (JCCLS 3300/µL): the
/// IVCY planner flags a nadir below it.
pub fn wbc_lower_limit_per_ul() -> f64 {
    WBC.low
}

/// Analytes whose reference is the lab's own (no JCCLS interval and no
/// verified limit).
pub fn labs_own(analyte: Analyte) -> bool {
    matches!(
        reference(analyte, None, Some(Sex::Male)),
        Status::Unavailable {
            gap: Gap::LabReferenceRange
        }
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn range(a: Analyte, sex: Option<Sex>) -> ReferenceRange {
        match reference(a, None, sex) {
            Status::Available {
                value: Reference::Range { range },
            } => range,
            other => panic!("{a:?}: {other:?}"),
        }
    }

    #[test]
    fn wbc_crp_ldh_as_jccls_gives_them() {
        let wbc = range(Analyte::Wbc, None);
        assert_eq!((wbc.low, wbc.high, wbc.unit), (3300.0, 8600.0, Unit::PerUl));
        assert_eq!(wbc.source, Source::Jccls2022);
        assert_eq!(wbc.position(2500.0), Position::Low);
        assert_eq!(wbc.position(3300.0), Position::Within);
        assert_eq!(wbc.position(8601.0), Position::High);
        let crp = range(Analyte::Crp, Some(Sex::Female));
        assert_eq!((crp.low, crp.high, crp.unit), (0.0, 0.14, Unit::MgPerDl));
        assert_eq!(crp.position(0.15), Position::High);
        let ld = range(Analyte::Ldh, None);
        assert_eq!((ld.low, ld.high), (124.0, 222.0));
        assert_eq!(wbc_lower_limit_per_ul(), 3300.0);
    }

    #[test]
    fn sex_specific_ranges_need_the_sex() {
        let m = range(Analyte::Ck, Some(Sex::Male));
        let f = range(Analyte::Ck, Some(Sex::Female));
        assert_eq!((m.low, m.high, f.low, f.high), (59.0, 248.0, 41.0, 153.0));
        let cr = range(Analyte::Creatinine, Some(Sex::Female));
        assert_eq!((cr.low, cr.high), (0.46, 0.79));
        let alt = range(Analyte::Alt, Some(Sex::Male));
        assert_eq!((alt.low, alt.high), (10.0, 42.0));
        assert!(matches!(
            reference(Analyte::Alt, None, None),
            Status::Available {
                value: Reference::BySex { .. }
            }
        ));
    }

    #[test]
    fn limits_and_the_labs_own() {
        assert!(matches!(
            reference(Analyte::Kl6, Some(&Assay::Kl6BmlCleia), None),
            Status::Available { value: Reference::Limit { limit } } if limit.value == 500.0
        ));
        assert!(matches!(
            reference(Analyte::Procalcitonin, None, None),
            Status::Available { value: Reference::Limit { limit } } if limit.value == 0.05
        ));
        for a in [Analyte::Ferritin, Analyte::Aldolase, Analyte::Lymphocytes] {
            assert!(labs_own(a), "{a:?}");
        }
        for a in [
            Analyte::Wbc,
            Analyte::Potassium,
            Analyte::Hba1c,
            Analyte::IgG,
        ] {
            assert!(!labs_own(a), "{a:?}");
        }
        assert_eq!(
            reference(Analyte::CmvAntigenaemia, None, None).gap(),
            Some(Gap::CmvCtdThreshold)
        );
    }
}

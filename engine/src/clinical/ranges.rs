//! The reference of every analyte the app records: a two-sided interval
//! (by sex where the source gives one per sex), a one-sided
//! limit (KL-6, SP-D, β-D-glucan, procalcitonin: [`reference_limit`]), or
//! the reason there is none ([`Gap::LabReferenceRange`]: the lab's own).
//!
//! The JCCLS intervals are not used yet: the copies read of them (a public
//! encoding of the 2022 list, hospital adoption tables) are secondary and
//! the JCCLS document itself was not read, so each analyte without a
//! verified limit reads "the lab's own range" until they are checked.

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

/// The reference of `analyte` (measured by `assay`) for a patient of
/// `sex`: a verified limit, else why there is none. (`sex` selects an
/// interval by sex once a verified one exists.)
pub fn reference(analyte: Analyte, assay: Option<&Assay>, _sex: Option<Sex>) -> Status<Reference> {
    match reference_limit(analyte, assay) {
        Status::Available { value } => Status::Available {
            value: Reference::Limit { limit: value },
        },
        Status::Unavailable { gap } => Status::Unavailable { gap },
    }
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

    #[test]
    fn unverified_intervals_read_the_labs_own_range() {
        for a in [
            Analyte::Wbc,
            Analyte::Crp,
            Analyte::Ldh,
            Analyte::Ck,
            Analyte::Alt,
        ] {
            assert_eq!(
                reference(a, None, Some(Sex::Female)).gap(),
                Some(Gap::LabReferenceRange),
                "{a:?}"
            );
        }
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
        assert_eq!(
            reference(Analyte::CmvAntigenaemia, None, None).gap(),
            Some(Gap::CmvCtdThreshold)
        );
    }
}

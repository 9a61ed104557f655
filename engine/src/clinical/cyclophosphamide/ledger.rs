//! The ledger of given pulses: cumulative dose in g and g/m², compared with
//! published thresholds, and the WBC nadir recorded per pulse. Nadir-based
//! dose changes are unverified [M], so they are never computed.

use crate::clinical::analyte::Analyte;
use crate::clinical::body::Sex;
use crate::clinical::error::{
    finite_result, non_negative, positive, within, ClinicalError, Field, Result,
};
use crate::clinical::limits::PatientField;
use crate::clinical::notes::Note;
use crate::clinical::sources::Source;
use crate::clinical::status::Gap;
use crate::clinical::units::{convert, Unit};
use crate::text::{Lang, Words};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct WbcNadir {
    pub date: Option<NaiveDate>,
    pub value: f64,
    /// /µL or ×10⁹/L.
    pub unit: Unit,
}

#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct GivenPulse {
    pub date: NaiveDate,
    pub dose_mg: f64,
    /// BSA the dose was calculated on (needed for the g/m² total).
    pub bsa_m2: Option<f64>,
    pub wbc_nadir: Option<WbcNadir>,
}

/// Patient facts the thresholds depend on.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct LedgerPatient {
    pub sex: Option<Sex>,
    pub age_at_first_pulse: Option<f64>,
}

/// Published cumulative-dose figures.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Threshold {
    BladderOrDoublesPer10g,
    BladderControlsMedian,
    BladderNihOver100g,
    BladderCasesMedian,
    OvarianD50,
    OvarianD90,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PerWhat {
    Grams,
    GramsPerM2,
}

impl Threshold {
    pub const ALL: [Threshold; 6] = [
        Threshold::BladderOrDoublesPer10g,
        Threshold::BladderControlsMedian,
        Threshold::BladderCasesMedian,
        Threshold::BladderNihOver100g,
        Threshold::OvarianD50,
        Threshold::OvarianD90,
    ];

    /// (value, unit, source)
    pub fn figure(self) -> (f64, PerWhat, Source) {
        match self {
            // [V] Knight 2004: risk ~doubles per 10 g (OR 2.0); medians 25 g controls, 113 g cases
            Threshold::BladderOrDoublesPer10g => (10.0, PerWhat::Grams, Source::Knight2004),
            Threshold::BladderControlsMedian => (25.0, PerWhat::Grams, Source::Knight2004),
            Threshold::BladderCasesMedian => (113.0, PerWhat::Grams, Source::Knight2004),
            // [V] Talar-Williams 1996: in 6/7 TCC cases cumulative >100 g (and duration >2.7 y)
            Threshold::BladderNihOver100g => (100.0, PerWhat::Grams, Source::TalarWilliams1996),
            // [V] J Rheumatol 2002, monthly IVCY 0.75–1 g/m², age ≥32: D50 8 g/m², D90 12 g/m²
            Threshold::OvarianD50 => (8.0, PerWhat::GramsPerM2, Source::JRheumatol2002Ovarian),
            Threshold::OvarianD90 => (12.0, PerWhat::GramsPerM2, Source::JRheumatol2002Ovarian),
        }
    }

    /// In English (both languages: `text`).
    pub fn en(self) -> &'static str {
        self.words(Lang::En)
    }

    /// "More than" (>) rather than "at least" (≥).
    fn strict(self) -> bool {
        self == Threshold::BladderNihOver100g
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct ThresholdCheck {
    pub threshold: Threshold,
    pub patient_value: f64,
    pub reached: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct NadirEntry {
    pub pulse: u32,
    pub date: Option<NaiveDate>,
    pub wbc_per_ul: f64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LedgerSummary {
    pub pulses: u32,
    pub first_date: Option<NaiveDate>,
    pub last_date: Option<NaiveDate>,
    pub cumulative_g: f64,
    /// Σ dose/BSA per pulse; None when a pulse has no BSA.
    pub cumulative_g_per_m2: Option<f64>,
    pub pulses_without_bsa: Vec<u32>,
    pub thresholds: Vec<ThresholdCheck>,
    pub nadirs: Vec<NadirEntry>,
    pub lowest_nadir: Option<NadirEntry>,
    pub missing_inputs: Vec<Field>,
    /// Always includes [`Gap::WbcNadirDoseAdjustment`].
    pub unavailable: Vec<Gap>,
    pub notes: Vec<Note>,
}

/// The patient field's plausibility limits (not clinical ranges).
const AGE: (f64, f64) = PatientField::AgeYears.range();

/// J Rheumatol 2002;29(10):2129 (`Source::JRheumatol2002Ovarian`): the
/// cumulative-dose thresholds of ovarian failure were reported for women
/// aged 32 years or more only.
const OVARIAN_THRESHOLDS_FROM_AGE: f64 = 32.0;

fn check(t: Threshold, value: f64) -> ThresholdCheck {
    let (limit, _, _) = t.figure();
    ThresholdCheck {
        threshold: t,
        patient_value: value,
        reached: if t.strict() {
            value > limit
        } else {
            value >= limit
        },
    }
}

/// Sums the ledger (in date order; pulses are numbered from 1 in that order).
pub fn summarise(given: &[GivenPulse], patient: LedgerPatient) -> Result<LedgerSummary> {
    let mut pulses: Vec<&GivenPulse> = given.iter().collect();
    pulses.sort_by_key(|p| p.date);
    let (mut grams, mut per_m2) = (0.0, 0.0);
    let (mut without_bsa, mut nadirs) = (Vec::new(), Vec::new());
    for (n, p) in (1u32..).zip(&pulses) {
        let g = positive(Field::Dose, p.dose_mg)? / 1000.0;
        grams += g;
        match p.bsa_m2 {
            Some(b) => per_m2 += g / positive(Field::Bsa, b)?,
            None => without_bsa.push(n),
        }
        if let Some(w) = p.wbc_nadir {
            let v = non_negative(Field::WbcNadir, w.value)?;
            let wbc_per_ul = convert(Analyte::Wbc, v, w.unit, Unit::PerUl)?
                .available()
                .ok_or(ClinicalError::Missing {
                    field: Field::WbcNadir,
                })?;
            nadirs.push(NadirEntry {
                pulse: n,
                date: w.date,
                wbc_per_ul,
            });
        }
    }
    let grams = finite_result(grams)?;
    let cumulative_g_per_m2 = if without_bsa.is_empty() {
        Some(finite_result(per_m2)?)
    } else {
        None
    };
    let mut thresholds: Vec<ThresholdCheck> = [
        Threshold::BladderOrDoublesPer10g,
        Threshold::BladderControlsMedian,
        Threshold::BladderNihOver100g,
        Threshold::BladderCasesMedian,
    ]
    .into_iter()
    .map(|t| check(t, grams))
    .collect();
    let mut missing_inputs = Vec::new();
    let mut unavailable = vec![Gap::WbcNadirDoseAdjustment];
    let mut notes = Vec::new();
    match (patient.sex, patient.age_at_first_pulse) {
        (Some(Sex::Male), _) => {}
        (None, _) => missing_inputs.push(Field::Sex),
        (Some(Sex::Female), None) => missing_inputs.push(Field::AgeYears),
        (Some(Sex::Female), Some(age))
            if within(Field::AgeYears, age, AGE.0, AGE.1)? < OVARIAN_THRESHOLDS_FROM_AGE =>
        {
            unavailable.push(Gap::OvarianFailureUnder32);
            notes.push(Note::OvarianFailureUnder32);
        }
        (Some(Sex::Female), Some(_)) => match cumulative_g_per_m2 {
            Some(v) => thresholds.extend([
                check(Threshold::OvarianD50, v),
                check(Threshold::OvarianD90, v),
            ]),
            None => missing_inputs.push(Field::Bsa),
        },
    }
    let lowest_nadir = nadirs
        .iter()
        .copied()
        .min_by(|a, b| a.wbc_per_ul.total_cmp(&b.wbc_per_ul));
    Ok(LedgerSummary {
        pulses: u32::try_from(pulses.len()).unwrap_or(u32::MAX),
        first_date: pulses.first().map(|p| p.date),
        last_date: pulses.last().map(|p| p.date),
        cumulative_g: grams,
        cumulative_g_per_m2,
        pulses_without_bsa: without_bsa,
        thresholds,
        nadirs,
        lowest_nadir,
        missing_inputs,
        unavailable,
        notes,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use approx::assert_abs_diff_eq;

    fn d(m: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2025, m, 1).unwrap()
    }

    fn pulse(m: u32, dose_mg: f64, bsa: Option<f64>) -> GivenPulse {
        GivenPulse {
            date: d(m),
            dose_mg,
            bsa_m2: bsa,
            wbc_nadir: None,
        }
    }

    fn reached(s: &LedgerSummary, t: Threshold) -> Option<bool> {
        s.thresholds
            .iter()
            .find(|c| c.threshold == t)
            .map(|c| c.reached)
    }

    #[test]
    fn nih_like_course_for_a_woman_over_32() {
        // 10 pulses of 1000 mg/m² × 1.6 m² = 1600 mg: 16 g, 10 g/m².
        let pulses: Vec<GivenPulse> = (1..=10).map(|m| pulse(m, 1600.0, Some(1.6))).collect();
        let woman = LedgerPatient {
            sex: Some(Sex::Female),
            age_at_first_pulse: Some(35.0),
        };
        let s = summarise(&pulses, woman).unwrap();
        assert_abs_diff_eq!(s.cumulative_g, 16.0, epsilon = 1e-12);
        assert_abs_diff_eq!(s.cumulative_g_per_m2.unwrap(), 10.0, epsilon = 1e-12);
        assert_eq!(reached(&s, Threshold::BladderOrDoublesPer10g), Some(true));
        assert_eq!(reached(&s, Threshold::BladderControlsMedian), Some(false));
        assert_eq!(reached(&s, Threshold::OvarianD50), Some(true));
        assert_eq!(reached(&s, Threshold::OvarianD90), Some(false));
        assert!(s.missing_inputs.is_empty());
        assert_eq!(s.unavailable, vec![Gap::WbcNadirDoseAdjustment]);
        assert_eq!((s.first_date, s.last_date), (Some(d(1)), Some(d(10))));
    }

    #[test]
    fn strict_over_100_g() {
        let exactly_100: Vec<GivenPulse> = (1..=10).map(|m| pulse(m, 10_000.0, None)).collect();
        let s = summarise(&exactly_100, LedgerPatient::default()).unwrap();
        assert_eq!(reached(&s, Threshold::BladderNihOver100g), Some(false));
        assert_eq!(reached(&s, Threshold::BladderOrDoublesPer10g), Some(true));
        assert_eq!(s.cumulative_g_per_m2, None);
        assert_eq!(s.pulses_without_bsa.len(), 10);
        assert_eq!(s.missing_inputs, vec![Field::Sex]);
    }

    #[test]
    fn ovarian_figures_need_age_bsa_and_age_32() {
        let young = LedgerPatient {
            sex: Some(Sex::Female),
            age_at_first_pulse: Some(28.0),
        };
        let s = summarise(&[pulse(1, 1000.0, Some(1.5))], young).unwrap();
        assert_eq!(reached(&s, Threshold::OvarianD50), None);
        assert!(s.unavailable.contains(&Gap::OvarianFailureUnder32));
        let no_bsa = LedgerPatient {
            age_at_first_pulse: Some(40.0),
            ..young
        };
        let s = summarise(&[pulse(1, 1000.0, None)], no_bsa).unwrap();
        assert_eq!(s.missing_inputs, vec![Field::Bsa]);
        let man = LedgerPatient {
            sex: Some(Sex::Male),
            age_at_first_pulse: None,
        };
        let s = summarise(&[pulse(1, 1000.0, None)], man).unwrap();
        assert!(s.missing_inputs.is_empty());
        assert_eq!(s.thresholds.len(), 4);
    }

    #[test]
    fn nadirs_recorded_in_per_ul_and_sorted_by_date() {
        let mut p2 = pulse(2, 800.0, Some(1.6));
        p2.wbc_nadir = Some(WbcNadir {
            date: None,
            value: 2.4,
            unit: Unit::GigaPerL,
        });
        let mut p1 = pulse(1, 800.0, Some(1.6));
        p1.wbc_nadir = Some(WbcNadir {
            date: Some(d(1)),
            value: 3800.0,
            unit: Unit::PerUl,
        });
        let s = summarise(&[p2, p1], LedgerPatient::default()).unwrap();
        assert_eq!(s.nadirs.len(), 2);
        assert_eq!(s.nadirs[0].pulse, 1);
        let low = s.lowest_nadir.unwrap();
        assert_eq!(low.pulse, 2);
        assert_abs_diff_eq!(low.wbc_per_ul, 2400.0, epsilon = 1e-9);
    }

    #[test]
    fn refuses_bad_entries() {
        assert!(summarise(&[pulse(1, 0.0, None)], LedgerPatient::default()).is_err());
        assert!(summarise(&[pulse(1, 500.0, Some(-1.0))], LedgerPatient::default()).is_err());
        let mut p = pulse(1, 500.0, None);
        p.wbc_nadir = Some(WbcNadir {
            date: None,
            value: 3.0,
            unit: Unit::MgPerDl,
        });
        assert!(summarise(&[p], LedgerPatient::default()).is_err());
        let empty = summarise(&[], LedgerPatient::default()).unwrap();
        assert_eq!((empty.pulses, empty.cumulative_g), (0, 0.0));
    }
}

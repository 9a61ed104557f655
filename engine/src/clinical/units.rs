//! Quantities with units, conversions, and plausibility checks that catch
//! unit mix-ups.
//!
//! Conversions: mass concentrations (mg/dL, mg/L, µg/L, ng/mL, pg/mL) and
//! cell counts (/µL, ×10⁹/L) by the definition of the units; mass ↔ molar
//! only where the pack verifies the factor (creatinine 1 mg/dL = 88.4 µmol/L
//! [V]). Ferritin pmol/L is [M] in the pack, so that conversion is
//! [`Status::Unavailable`].
//!
//! The mix-up checks are **heuristics, not clinical cut-offs**: the pack gives
//! no plausibility ranges. A value far outside what the typed unit usually
//! holds, but ordinary in the other unit, gets a "did you mean …?"
//! suggestion; it is never rejected. Only impossible values (negative,
//! not a number) are rejected.

use super::analyte::Analyte;
use super::error::{finite_result, non_negative, ClinicalError, Field, Result};
use super::status::{Gap, Status};
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    MgPerDl,
    MgPerL,
    UgPerL,
    NgPerMl,
    PgPerMl,
    UmolPerL,
    PmolPerL,
    UPerMl,
    UPerL,
    PerUl,
    GigaPerL,
    PositiveCells,
    Litre,
    Percent,
    MlPerMinPerMmHg,
    MmHg,
    /// mmol/L (= mEq/L for potassium).
    MmolPerL,
}

/// How a unit relates to others of its kind.
enum Dimension {
    /// Mass concentration, factor to mg/L (definitional).
    Mass(f64),
    /// Cell count, factor to /µL (definitional: 1 ×10⁹/L = 1000/µL).
    Count(f64),
    /// Amount concentration: converts only through an analyte's verified factor.
    Molar,
    /// Converts to nothing else.
    Own,
}

impl Unit {
    pub fn symbol(self) -> &'static str {
        match self {
            Unit::MgPerDl => "mg/dL",
            Unit::MgPerL => "mg/L",
            Unit::UgPerL => "µg/L",
            Unit::NgPerMl => "ng/mL",
            Unit::PgPerMl => "pg/mL",
            Unit::UmolPerL => "µmol/L",
            Unit::PmolPerL => "pmol/L",
            Unit::UPerMl => "U/mL",
            Unit::UPerL => "U/L",
            Unit::PerUl => "/µL",
            Unit::GigaPerL => "×10⁹/L",
            Unit::PositiveCells => "positive cells",
            Unit::Litre => "L",
            Unit::Percent => "%",
            Unit::MlPerMinPerMmHg => "mL/min/mmHg",
            Unit::MmHg => "mmHg",
            Unit::MmolPerL => "mmol/L",
        }
    }

    fn dimension(self) -> Dimension {
        // Definitional (Source::Definitional): 1 dL = 100 mL, 1 L = 1000 mL.
        match self {
            Unit::MgPerDl => Dimension::Mass(10.0),
            Unit::MgPerL => Dimension::Mass(1.0),
            Unit::UgPerL | Unit::NgPerMl => Dimension::Mass(1e-3),
            Unit::PgPerMl => Dimension::Mass(1e-6),
            Unit::PerUl => Dimension::Count(1.0),
            Unit::GigaPerL => Dimension::Count(1000.0),
            Unit::UmolPerL | Unit::PmolPerL => Dimension::Molar,
            _ => Dimension::Own,
        }
    }
}

/// A value with its unit, as entered.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Measurement {
    pub value: f64,
    pub unit: Unit,
}

/// Molar factors the pack gives per analyte: `molar = mass × factor`.
struct MolarFactor {
    analyte: Analyte,
    mass_unit: Unit,
    molar_unit: Unit,
    factor: Status<f64>,
}

fn molar_factors() -> [MolarFactor; 2] {
    [
        MolarFactor {
            analyte: Analyte::Creatinine,
            mass_unit: Unit::MgPerDl,
            molar_unit: Unit::UmolPerL,
            // [V] 1 mg/dL = 88.4 µmol/L — Source::BmcGeriatr2021Creatinine (pack §2)
            factor: Status::Available { value: 88.4 },
        },
        MolarFactor {
            analyte: Analyte::Ferritin,
            mass_unit: Unit::NgPerMl,
            molar_unit: Unit::PmolPerL,
            // [M] in the pack (≈ 2.247 pmol/L per ng/mL): not used.
            factor: Status::Unavailable {
                gap: Gap::FerritinPmolFactor,
            },
        },
    ]
}

/// Converts a value of `analyte` between two units it accepts.
pub fn convert(analyte: Analyte, value: f64, from: Unit, to: Unit) -> Result<Status<f64>> {
    let v = non_negative(Field::Lab(analyte), value)?;
    for u in [from, to] {
        if !analyte.units().contains(&u) {
            return Err(ClinicalError::UnitNotAccepted {
                analyte: analyte.en().to_string(),
                unit: u.symbol().to_string(),
            });
        }
    }
    if from == to {
        return Ok(Status::Available { value: v });
    }
    if let Some(k) = scale(from, to) {
        return Ok(Status::Available {
            value: finite_result(v * k)?,
        });
    }
    let not_accepted = || ClinicalError::UnitNotAccepted {
        analyte: analyte.en().to_string(),
        unit: to.symbol().to_string(),
    };
    let mf = molar_factors()
        .into_iter()
        .find(|m| m.analyte == analyte)
        .ok_or_else(not_accepted)?;
    let factor = match mf.factor {
        Status::Available { value } => value,
        Status::Unavailable { gap } => return Ok(Status::Unavailable { gap }),
    };
    // Through the reference mass unit; the other steps are definitional.
    let to_mass = if from == mf.molar_unit {
        Some(1.0 / factor)
    } else {
        scale(from, mf.mass_unit)
    };
    let from_mass = if to == mf.molar_unit {
        Some(factor)
    } else {
        scale(mf.mass_unit, to)
    };
    match (to_mass, from_mass) {
        (Some(a), Some(b)) => Ok(Status::Available {
            value: finite_result(v * a * b)?,
        }),
        _ => Err(not_accepted()),
    }
}

/// Definitional factor between two units of the same mass or count dimension.
fn scale(from: Unit, to: Unit) -> Option<f64> {
    match (from.dimension(), to.dimension()) {
        _ if from == to => Some(1.0),
        (Dimension::Mass(a), Dimension::Mass(b)) | (Dimension::Count(a), Dimension::Count(b)) => {
            Some(a / b)
        }
        _ => None,
    }
}

/// A "did you mean …?" suggestion for a probable unit mix-up.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct UnitSuggestion {
    pub analyte: Analyte,
    pub typed: Measurement,
    /// The unit the number was probably meant in.
    pub suggested_unit: Unit,
    /// The typed number read in `suggested_unit`, expressed in the typed unit.
    pub reinterpreted: Measurement,
}

/// A heuristic (not a clinical cut-off): values of `analyte` typed in `unit`
/// above `above` (or below `below`) look like numbers meant in `suggest`.
struct MixUpRule {
    analyte: Analyte,
    unit: Unit,
    above: f64,
    below: f64,
    suggest: Unit,
}

/// Heuristic thresholds chosen for this project (documented, not sourced):
/// - CRP above 30 mg/dL is rare; the same number in mg/L (3 mg/dL) is common.
/// - Creatinine above 20 mg/dL is rare; 20–1000 is the usual µmol/L range.
/// - Creatinine below 10 µmol/L (≈ 0.11 mg/dL) is rare even with low muscle
///   mass; 0.3–10 is the usual mg/dL range.
const MIX_UPS: [MixUpRule; 3] = [
    MixUpRule {
        analyte: Analyte::Crp,
        unit: Unit::MgPerDl,
        above: 30.0,
        below: 0.0,
        suggest: Unit::MgPerL,
    },
    MixUpRule {
        analyte: Analyte::Creatinine,
        unit: Unit::MgPerDl,
        above: 20.0,
        below: 0.0,
        suggest: Unit::UmolPerL,
    },
    MixUpRule {
        analyte: Analyte::Creatinine,
        unit: Unit::UmolPerL,
        above: f64::INFINITY,
        below: 10.0,
        suggest: Unit::MgPerDl,
    },
];

/// Rejects impossible values (negative, not a number, unit not accepted) and
/// returns a suggestion when the value looks typed in the wrong unit.
pub fn check_plausibility(analyte: Analyte, m: Measurement) -> Result<Option<UnitSuggestion>> {
    let v = non_negative(Field::Lab(analyte), m.value)?;
    if !analyte.units().contains(&m.unit) {
        return Err(ClinicalError::UnitNotAccepted {
            analyte: analyte.en().to_string(),
            unit: m.unit.symbol().to_string(),
        });
    }
    let Some(rule) = MIX_UPS.iter().find(|r| {
        r.analyte == analyte && r.unit == m.unit && (v > r.above || (v > 0.0 && v < r.below))
    }) else {
        return Ok(None);
    };
    Ok(convert(analyte, v, rule.suggest, m.unit)?
        .available()
        .map(|value| UnitSuggestion {
            analyte,
            typed: m,
            suggested_unit: rule.suggest,
            reinterpreted: Measurement {
                value,
                unit: m.unit,
            },
        }))
}

/// A number for messages: 4 significant digits, trailing zeros trimmed.
pub fn fmt_sig(x: f64) -> String {
    if x == 0.0 || !x.is_finite() {
        return format!("{x}");
    }
    let digits = 4 - 1 - x.abs().log10().floor() as i32;
    let s = format!("{:.*}", digits.max(0) as usize, x);
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{Lang, Say};
    use approx::assert_relative_eq;

    fn conv(a: Analyte, v: f64, f: Unit, t: Unit) -> Status<f64> {
        convert(a, v, f, t).unwrap()
    }

    #[test]
    fn creatinine_88_4() {
        let v = conv(Analyte::Creatinine, 1.0, Unit::MgPerDl, Unit::UmolPerL);
        assert_relative_eq!(v.available().unwrap(), 88.4);
        let v = conv(Analyte::Creatinine, 176.8, Unit::UmolPerL, Unit::MgPerDl);
        assert_relative_eq!(v.available().unwrap(), 2.0, epsilon = 1e-12);
    }

    #[test]
    fn crp_and_ferritin_definitional() {
        let v = conv(Analyte::Crp, 0.8, Unit::MgPerDl, Unit::MgPerL);
        assert_relative_eq!(v.available().unwrap(), 8.0, epsilon = 1e-12);
        let v = conv(Analyte::Crp, 13.0, Unit::MgPerL, Unit::MgPerDl);
        assert_relative_eq!(v.available().unwrap(), 1.3, epsilon = 1e-12);
        let v = conv(Analyte::Ferritin, 828.0, Unit::NgPerMl, Unit::UgPerL);
        assert_relative_eq!(v.available().unwrap(), 828.0, epsilon = 1e-12);
        let v = conv(Analyte::Wbc, 2.0, Unit::GigaPerL, Unit::PerUl);
        assert_relative_eq!(v.available().unwrap(), 2000.0, epsilon = 1e-9);
    }

    #[test]
    fn ferritin_pmol_is_unavailable() {
        let v = conv(Analyte::Ferritin, 2800.0, Unit::PmolPerL, Unit::NgPerMl);
        assert_eq!(v.gap(), Some(Gap::FerritinPmolFactor));
        let v = conv(Analyte::Ferritin, 1500.0, Unit::UgPerL, Unit::PmolPerL);
        assert_eq!(v.gap(), Some(Gap::FerritinPmolFactor));
    }

    #[test]
    fn refuses_foreign_units_and_bad_numbers() {
        assert!(matches!(
            convert(Analyte::Kl6, 500.0, Unit::UPerMl, Unit::MgPerDl),
            Err(ClinicalError::UnitNotAccepted { .. })
        ));
        let e = convert(Analyte::Crp, -1.0, Unit::MgPerDl, Unit::MgPerL).unwrap_err();
        assert_eq!(e.to_string(), "CRP: cannot be negative (got -1)");
        assert!(convert(Analyte::Crp, f64::NAN, Unit::MgPerDl, Unit::MgPerL).is_err());
    }

    #[test]
    fn crp_35_mg_dl_suggests_mg_l() {
        let m = Measurement {
            value: 35.0,
            unit: Unit::MgPerDl,
        };
        let s = check_plausibility(Analyte::Crp, m).unwrap().unwrap();
        assert_eq!(s.suggested_unit, Unit::MgPerL);
        assert_relative_eq!(s.reinterpreted.value, 3.5, epsilon = 1e-12);
        assert_eq!(
            s.say(Lang::En),
            "CRP 35 mg/dL — did you mean mg/L? That is 3.5 mg/dL."
        );
        assert!(s.say(Lang::Ja).contains("mg/Lの誤り"));
        let ok = Measurement {
            value: 3.5,
            unit: Unit::MgPerDl,
        };
        assert_eq!(check_plausibility(Analyte::Crp, ok).unwrap(), None);
    }

    #[test]
    fn creatinine_mix_ups_both_ways() {
        let typed_umol_as_mg = Measurement {
            value: 88.4,
            unit: Unit::MgPerDl,
        };
        let s = check_plausibility(Analyte::Creatinine, typed_umol_as_mg)
            .unwrap()
            .unwrap();
        assert_eq!(
            s.say(Lang::En),
            "serum creatinine 88.4 mg/dL — did you mean µmol/L? That is 1 mg/dL."
        );
        let typed_mg_as_umol = Measurement {
            value: 0.8,
            unit: Unit::UmolPerL,
        };
        let s = check_plausibility(Analyte::Creatinine, typed_mg_as_umol)
            .unwrap()
            .unwrap();
        assert_relative_eq!(s.reinterpreted.value, 70.72, epsilon = 1e-9);
        let usual = Measurement {
            value: 62.0,
            unit: Unit::UmolPerL,
        };
        assert_eq!(
            check_plausibility(Analyte::Creatinine, usual).unwrap(),
            None
        );
        let neg = Measurement {
            value: -1.0,
            unit: Unit::UmolPerL,
        };
        assert!(check_plausibility(Analyte::Creatinine, neg).is_err());
    }

    #[test]
    fn significant_digits() {
        assert_eq!(fmt_sig(3.5), "3.5");
        assert_eq!(fmt_sig(1090.87), "1091");
        assert_eq!(fmt_sig(0.0113122), "0.01131");
    }
}

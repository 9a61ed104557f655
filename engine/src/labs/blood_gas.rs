//! A-aDO2 from the blood gases entered on one date (FiO2 %, PaO2, PaCO2).

use crate::clinical::analyte::Analyte;
use crate::clinical::biomarkers::LabResult;
use crate::clinical::error::within;
use crate::clinical::risk::alveolar_gas::{aado2, AaDo2, BloodGas, GasConstants};
use crate::clinical::{ClinicalError, Field};
use chrono::NaiveDate;
use std::collections::BTreeMap;

/// A-aDO2 of one date, or why it cannot be computed from what was entered.
pub type GasResult = Result<AaDo2, ClinicalError>;

/// FiO2 in % (21 % room air to 100 %), the range `aado2` accepts as a fraction.
const FIO2_PERCENT: (f64, f64) = (21.0, 100.0);

/// The last value of `analyte` entered for `date` (the record keeps entry
/// order, so a correction entered later wins).
fn on_date(labs: &[LabResult], analyte: Analyte, date: NaiveDate) -> Option<f64> {
    labs.iter()
        .rev()
        .find(|r| r.analyte == analyte && r.date == date)
        .map(|r| r.value)
}

/// A-aDO2 for every date with PaO2, PaCO2 and FiO2 all entered, oldest
/// first. FiO2 is recorded in % (21 = room air) and passed as a fraction.
/// The constants (PB 760, PH2O 47 mmHg, RQ 0.8) are the textbook values the
/// project uses by convention, not from the clinical pack
/// ([`GasConstants::TEXTBOOK`]).
pub fn aado2_by_date(labs: &[LabResult]) -> Vec<(NaiveDate, GasResult)> {
    let mut dates = BTreeMap::new();
    for r in labs.iter().filter(|r| r.analyte == Analyte::PaO2) {
        dates.insert(r.date, ());
    }
    dates
        .into_keys()
        .filter_map(|date| {
            let pao2 = on_date(labs, Analyte::PaO2, date)?;
            let paco2 = on_date(labs, Analyte::PaCo2, date)?;
            let fio2 = on_date(labs, Analyte::FiO2, date)?;
            if let Err(e) = within(Field::FiO2, fio2, FIO2_PERCENT.0, FIO2_PERCENT.1) {
                return Some((date, Err(e)));
            }
            let gas = BloodGas {
                fio2: fio2 / 100.0,
                pao2_mmhg: pao2,
                paco2_mmhg: paco2,
            };
            Some((date, aado2(gas, GasConstants::TEXTBOOK)))
        })
        .collect()
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::clinical::units::Unit;
    use approx::assert_abs_diff_eq;

    /// A result on 2025-01-`day` (shared by the labs tests).
    pub(crate) fn lab(analyte: Analyte, day: u32, value: f64, unit: Unit) -> LabResult {
        LabResult {
            analyte,
            date: NaiveDate::from_ymd_opt(2025, 1, day).unwrap_or_default(),
            value,
            unit,
            assay: None,
        }
    }

    #[test]
    fn room_air_gas_gives_aado2_and_incomplete_dates_are_skipped() {
        let labs = vec![
            lab(Analyte::FiO2, 2, 21.0, Unit::Percent),
            lab(Analyte::PaO2, 2, 60.0, Unit::MmHg),
            lab(Analyte::PaCo2, 2, 40.0, Unit::MmHg),
            lab(Analyte::PaO2, 5, 70.0, Unit::MmHg),
        ];
        let out = aado2_by_date(&labs);
        assert_eq!(out.len(), 1);
        let r = out[0].1.as_ref().unwrap();
        assert_abs_diff_eq!(r.aado2_mmhg, 39.73, epsilon = 1e-9);
    }

    #[test]
    fn fio2_as_fraction_is_refused_by_name() {
        let labs = vec![
            lab(Analyte::FiO2, 2, 0.21, Unit::Percent),
            lab(Analyte::PaO2, 2, 60.0, Unit::MmHg),
            lab(Analyte::PaCo2, 2, 40.0, Unit::MmHg),
        ];
        let e = aado2_by_date(&labs)[0].1.clone().unwrap_err();
        assert_eq!(e.to_string(), "FiO2: 0.21 is outside 21–100");
    }
}

//! A-aDO2 from an arterial blood gas, by the standard alveolar gas equation
//! PAO2 = FiO2 · (PB − PH2O) − PaCO2 / RQ, and A-aDO2 = PAO2 − PaO2.
//!
//! The clinical pack gives no constants for it. [`GasConstants::TEXTBOOK`]
//! holds the usual textbook-physiology values (sea-level PB 760 mmHg, water
//! vapour at 37 °C 47 mmHg, RQ 0.8); they are flagged as not from the pack
//! in every result, and the caller may pass its own (e.g. local PB).
//! The pack does not say under which FiO2 Gono 2012 / Isoda 2014 measured
//! A-aDO2; compare like with like.

use crate::clinical::error::{finite_result, positive, within, ClinicalError, Field, Result};
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct BloodGas {
    /// Fraction 0.21–1.0 (room air 0.21).
    pub fio2: f64,
    pub pao2_mmhg: f64,
    pub paco2_mmhg: f64,
}

#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct GasConstants {
    pub barometric_mmhg: f64,
    pub water_vapour_mmhg: f64,
    pub respiratory_quotient: f64,
    /// False for the textbook defaults: the pack does not give them.
    pub from_clinical_pack: bool,
}

impl GasConstants {
    /// Textbook physiology, not from the pack (see module docs).
    pub const TEXTBOOK: GasConstants = GasConstants {
        barometric_mmhg: 760.0,
        water_vapour_mmhg: 47.0,
        respiratory_quotient: 0.8,
        from_clinical_pack: false,
    };
}

#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct AaDo2 {
    pub alveolar_po2_mmhg: f64,
    pub aado2_mmhg: f64,
    pub constants: GasConstants,
    /// PaO2 above the computed PAO2: check FiO2 and the sample.
    pub negative: bool,
}

/// Plausibility limits of this project, not clinical ranges: they only
/// reject impossible entries (FiO2 below room air's 0.21 or above pure
/// oxygen; a gas pressure above 800 mmHg, over a sea-level atmosphere).
/// kPa typed as mmHg is still possible and is not caught.
const FIO2: (f64, f64) = (0.21, 1.0);
const GAS_MAX_MMHG: f64 = 800.0;

pub fn aado2(gas: BloodGas, c: GasConstants) -> Result<AaDo2> {
    let fio2 = within(Field::FiO2, gas.fio2, FIO2.0, FIO2.1)?;
    let pao2 = within(
        Field::PaO2,
        positive(Field::PaO2, gas.pao2_mmhg)?,
        0.0,
        GAS_MAX_MMHG,
    )?;
    let paco2 = within(
        Field::PaCO2,
        positive(Field::PaCO2, gas.paco2_mmhg)?,
        0.0,
        GAS_MAX_MMHG,
    )?;
    let pb = positive(Field::BarometricPressure, c.barometric_mmhg)?;
    let ph2o = positive(Field::WaterVapourPressure, c.water_vapour_mmhg)?;
    let rq = positive(Field::RespiratoryQuotient, c.respiratory_quotient)?;
    if ph2o >= pb {
        return Err(ClinicalError::OutOfRange {
            field: Field::WaterVapourPressure,
            value: ph2o,
            min: 0.0,
            max: pb,
        });
    }
    let alveolar = finite_result(fio2 * (pb - ph2o) - paco2 / rq)?;
    let aado2 = finite_result(alveolar - pao2)?;
    Ok(AaDo2 {
        alveolar_po2_mmhg: alveolar,
        aado2_mmhg: aado2,
        constants: c,
        negative: aado2 < 0.0,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use approx::assert_abs_diff_eq;

    #[test]
    fn room_air_example() {
        // 0.21 × (760 − 47) − 40 / 0.8 = 149.73 − 50 = 99.73; − PaO2 60 = 39.73
        let gas = BloodGas {
            fio2: 0.21,
            pao2_mmhg: 60.0,
            paco2_mmhg: 40.0,
        };
        let r = aado2(gas, GasConstants::TEXTBOOK).unwrap();
        assert_abs_diff_eq!(r.alveolar_po2_mmhg, 99.73, epsilon = 1e-9);
        assert_abs_diff_eq!(r.aado2_mmhg, 39.73, epsilon = 1e-9);
        assert!(!r.constants.from_clinical_pack && !r.negative);
    }

    #[test]
    fn local_pressure_and_bad_input() {
        let gas = BloodGas {
            fio2: 0.21,
            pao2_mmhg: 95.0,
            paco2_mmhg: 40.0,
        };
        let high_altitude = GasConstants {
            barometric_mmhg: 630.0,
            ..GasConstants::TEXTBOOK
        };
        // 0.21 × 583 − 50 = 72.43 → A-aDO2 −22.57: flagged, not hidden
        let r = aado2(gas, high_altitude).unwrap();
        assert_abs_diff_eq!(r.aado2_mmhg, -22.57, epsilon = 1e-9);
        assert!(r.negative);
        let percent = BloodGas { fio2: 21.0, ..gas };
        assert_eq!(
            aado2(percent, GasConstants::TEXTBOOK)
                .unwrap_err()
                .to_string(),
            "FiO2: 21 is outside 0.21–1"
        );
        let zero = BloodGas {
            paco2_mmhg: 0.0,
            ..gas
        };
        assert!(aado2(zero, GasConstants::TEXTBOOK).is_err());
    }
}

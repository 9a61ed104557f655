//! The planner's derived values: memos over the record that call the
//! engine. Views only format them.

use super::plan::DEFAULT_FORMULA;
use super::text::{require, Calc, Need, Why};
use crate::state::use_record;
use dmip_engine::clinical::analyte::Analyte;
use dmip_engine::clinical::body::{bsa, BsaFormula};
use dmip_engine::clinical::cyclophosphamide::{
    adjust, pulse_dose_mg, schedule, summarise, AdjustInput, AdjustedPlan, Basis, LedgerPatient,
    LedgerSummary, PlannedPulse,
};
use dmip_engine::clinical::error::Field;
use dmip_engine::clinical::units::{convert, Unit};
use dmip_engine::record::{IvcyPlan, PatientInfo, PatientRecord};
use leptos::prelude::*;

/// BSA (m²) of the patient by `formula`.
pub fn body_surface(p: &PatientInfo, formula: BsaFormula) -> Calc<f64> {
    let hw = require(&[
        (p.height_cm, Need::Field(Field::HeightCm)),
        (p.weight_kg, Need::Field(Field::WeightKg)),
    ])?;
    Ok(bsa(formula, hw[0], hw[1])?)
}

/// The pulse dose (mg) of the plan's prescription.
pub fn dose(plan: &IvcyPlan, p: &PatientInfo, bsa_m2: &Calc<f64>) -> Calc<f64> {
    let rx = plan
        .prescription
        .ok_or(Why::Missing(vec![Need::Field(Field::Dose)]))?;
    let bsa_m2 = match rx.basis {
        Basis::MgPerM2 => Some(bsa_m2.clone()?),
        _ => None,
    };
    Ok(pulse_dose_mg(rx, bsa_m2, p.weight_kg)?)
}

/// The planned pulses with their dates.
pub fn planned(plan: &IvcyPlan, dose_mg: &Calc<f64>) -> Calc<Vec<PlannedPulse>> {
    use super::text::Need::Key;
    use crate::i18n::IvcyKey;
    let start = plan
        .first_pulse
        .ok_or(Why::Missing(vec![Key(IvcyKey::FirstPulse)]));
    let count = plan
        .pulses
        .ok_or(Why::Missing(vec![Need::Field(Field::PulseCount)]));
    let spacing = plan
        .spacing
        .ok_or(Why::Missing(vec![Need::Field(Field::IntervalDays)]));
    let mut missing = Vec::new();
    for w in [
        start.as_ref().err(),
        spacing.as_ref().err(),
        count.as_ref().err(),
        dose_mg.as_ref().err(),
    ]
    .into_iter()
    .flatten()
    {
        match w {
            Why::Missing(n) => missing.extend(n.iter().copied()),
            Why::Error(_) => return Err(w.clone()),
        }
    }
    match (start, spacing, count, dose_mg) {
        (Ok(s), Ok(sp), Ok(n), Ok(d)) => Ok(schedule(s, sp, n, *d)?),
        _ => Err(Why::Missing(missing)),
    }
}

/// The ledger summary (thresholds by the patient's sex and age).
pub fn ledger(r: &PatientRecord) -> Calc<LedgerSummary> {
    let patient = LedgerPatient {
        sex: r.patient.sex,
        // The age entered for the course, else the Patient screen's
        // current age (the record keeps no birth date).
        age_at_first_pulse: r.ivcy.age_at_first_pulse.or(r.patient.age_years),
    };
    Ok(summarise(&r.ivcy.given, patient)?)
}

/// The plan adjusted by the rules (age, creatinine, the previous nadir, the
/// counts of the next pulse's day).
pub fn adjusted(r: &PatientRecord, planned: &Calc<Vec<PlannedPulse>>) -> Calc<AdjustedPlan> {
    let planned = planned.clone()?;
    let creatinine_umol_l = match r.patient.creatinine_mg_dl() {
        Some(mg_dl) => {
            convert(Analyte::Creatinine, mg_dl, Unit::MgPerDl, Unit::UmolPerL)?.available()
        }
        None => None,
    };
    Ok(adjust(&AdjustInput {
        planned: &planned,
        given: &r.ivcy.given,
        age_years: r.patient.age_years,
        creatinine_umol_l,
        day: r.ivcy.next_pulse_day,
    })?)
}

/// Every derived value of the screen.
#[derive(Clone, Copy)]
pub struct Derived {
    pub formula: Memo<BsaFormula>,
    pub bsa: Memo<Calc<f64>>,
    pub dose: Memo<Calc<f64>>,
    pub adjusted: Memo<Calc<AdjustedPlan>>,
    pub ledger: Memo<Calc<LedgerSummary>>,
}

impl Derived {
    pub fn new() -> Self {
        let state = use_record();
        let formula = Memo::new(move |_| {
            state
                .record
                .with(|r| r.ivcy.plan.bsa_formula.unwrap_or(DEFAULT_FORMULA))
        });
        let patient = Memo::new(move |_| state.record.with(|r| r.patient.clone()));
        let plan = Memo::new(move |_| state.record.with(|r| r.ivcy.plan.clone()));
        let bsa = Memo::new(move |_| patient.with(|p| body_surface(p, formula.get())));
        let dose = Memo::new(move |_| {
            plan.with(|pl| patient.with(|p| bsa.with(|b| self::dose(pl, p, b))))
        });
        let schedule = Memo::new(move |_| plan.with(|pl| dose.with(|d| planned(pl, d))));
        let ledger = Memo::new(move |_| state.record.with(self::ledger));
        let adjusted =
            Memo::new(move |_| schedule.with(|s| state.record.with(|r| self::adjusted(r, s))));
        Derived {
            formula,
            bsa,
            dose,
            adjusted,
            ledger,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dmip_engine::clinical::cyclophosphamide::{Prescription, Spacing};
    use dmip_engine::record::NaiveDate;

    #[test]
    fn mosteller_600_per_m2_and_missing_inputs_named() {
        // Reference case: 170 cm, 70 kg → Mosteller 1.8181 m²;
        // 600 mg/m² → 1090.9 mg.
        let p = PatientInfo {
            height_cm: Some(170.0),
            weight_kg: Some(70.0),
            ..PatientInfo::default()
        };
        let b = body_surface(&p, BsaFormula::Mosteller);
        assert!(matches!(b, Ok(v) if (v - 1.8181).abs() < 5e-5));
        let mut plan = IvcyPlan {
            prescription: Some(Prescription {
                basis: Basis::MgPerM2,
                amount: 600.0,
            }),
            ..IvcyPlan::default()
        };
        let d = dose(&plan, &p, &b);
        assert!(matches!(d, Ok(v) if (v - 1090.9).abs() < 0.05));
        assert_eq!(
            planned(&plan, &d),
            Err(Why::Missing(vec![
                Need::Key(crate::i18n::IvcyKey::FirstPulse),
                Need::Field(Field::IntervalDays),
                Need::Field(Field::PulseCount),
            ]))
        );
        plan.first_pulse = NaiveDate::from_ymd_opt(2025, 4, 1);
        plan.spacing = Some(Spacing::Days { days: 28 });
        plan.pulses = Some(6);
        let s = planned(&plan, &d).unwrap_or_default();
        assert_eq!(s.len(), 6);
        assert_eq!(
            s[5].date,
            NaiveDate::from_ymd_opt(2025, 8, 19).unwrap_or_default()
        );
        let none = PatientInfo::default();
        assert_eq!(
            body_surface(&none, BsaFormula::DuBois),
            Err(Why::Missing(vec![
                Need::Field(Field::HeightCm),
                Need::Field(Field::WeightKg)
            ]))
        );
        assert!(matches!(
            dose(&plan, &none, &body_surface(&none, BsaFormula::DuBois)),
            Err(Why::Missing(_))
        ));
    }
}

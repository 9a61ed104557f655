//! The latest value of an analyte on or before a date, and the risk models'
//! inputs gathered from the record on that date.

use super::blood_gas::aado2_by_date;
use crate::clinical::analyte::Analyte;
use crate::clinical::biomarkers::LabResult;
use crate::clinical::risk::RiskInputs;
use crate::clinical::units::{convert, Unit};
use crate::record::PatientRecord;
use chrono::NaiveDate;

/// The most recent result of `analyte` dated on or before `date` (the later
/// entry wins on the same date).
pub fn latest_on_or_before(
    labs: &[LabResult],
    analyte: Analyte,
    date: NaiveDate,
) -> Option<&LabResult> {
    labs.iter()
        .enumerate()
        .filter(|(_, r)| r.analyte == analyte && r.date <= date)
        .max_by_key(|(i, r)| (r.date, *i))
        .map(|(_, r)| r)
}

/// The latest value of `analyte` in `unit`; `None` when there is none or it
/// cannot be converted (ferritin in pmol/L: the factor is unverified).
fn latest_in(labs: &[LabResult], analyte: Analyte, unit: Unit, date: NaiveDate) -> Option<f64> {
    let r = latest_on_or_before(labs, analyte, date)?;
    convert(analyte, r.value, r.unit, unit).ok()?.available()
}

/// The risk models' inputs on `date`: the latest ferritin (ng/mL), LDH
/// (U/L), CRP (mg/dL), KL-6 (U/mL) and A-aDO2 on or before it; anti-MDA5
/// and HRCT score from the disease profile. Rapidly progressive ILD counts
/// as entered only once the course of the IP is set (the profile's flag
/// alone cannot tell "no" from "not yet filled in").
pub fn risk_inputs(record: &PatientRecord, date: NaiveDate) -> RiskInputs {
    let labs = &record.labs;
    let d = &record.disease;
    let aado2 = aado2_by_date(labs)
        .into_iter()
        .filter(|(day, _)| *day <= date)
        .filter_map(|(_, r)| r.ok())
        .next_back()
        .map(|r| r.aado2_mmhg);
    RiskInputs {
        ferritin_ng_ml: latest_in(labs, Analyte::Ferritin, Unit::NgPerMl, date),
        ldh_u_l: latest_in(labs, Analyte::Ldh, Unit::UPerL, date),
        crp_mg_dl: latest_in(labs, Analyte::Crp, Unit::MgPerDl, date),
        kl6_u_ml: latest_in(labs, Analyte::Kl6, Unit::UPerMl, date),
        anti_mda5: d.anti_mda5,
        hrct_score: d.hrct.score,
        rp_ild: (d.rapidly_progressive || d.ip_course.is_some()).then_some(d.rapidly_progressive),
        aado2_mmhg: aado2,
    }
}

/// The last date with any laboratory result.
pub fn last_lab_date(labs: &[LabResult]) -> Option<NaiveDate> {
    labs.iter().map(|r| r.date).max()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clinical::risk::AntiMda5;
    use crate::labs::blood_gas::tests::lab;
    use crate::record::IpCourse;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2025, 1, d).unwrap_or_default()
    }

    #[test]
    fn latest_value_on_or_before_a_date() {
        let labs = vec![
            lab(Analyte::Crp, 3, 2.0, Unit::MgPerDl),
            lab(Analyte::Crp, 1, 5.0, Unit::MgPerDl),
            lab(Analyte::Crp, 3, 2.5, Unit::MgPerDl),
            lab(Analyte::Crp, 9, 0.4, Unit::MgPerDl),
        ];
        assert_eq!(
            latest_on_or_before(&labs, Analyte::Crp, day(5)).map(|r| r.value),
            Some(2.5)
        );
        assert_eq!(
            latest_on_or_before(&labs, Analyte::Crp, day(2)).map(|r| r.value),
            Some(5.0)
        );
        assert_eq!(latest_on_or_before(&labs, Analyte::Kl6, day(9)), None);
        assert_eq!(last_lab_date(&labs), Some(day(9)));
    }

    #[test]
    fn record_to_risk_inputs_in_model_units() {
        let mut r = PatientRecord::new("t");
        r.labs = vec![
            lab(Analyte::Crp, 1, 13.0, Unit::MgPerL),
            lab(Analyte::Ferritin, 1, 900.0, Unit::UgPerL),
            lab(Analyte::Ferritin, 4, 2800.0, Unit::PmolPerL),
            lab(Analyte::Kl6, 1, 1200.0, Unit::UPerMl),
            lab(Analyte::FiO2, 2, 21.0, Unit::Percent),
            lab(Analyte::PaO2, 2, 60.0, Unit::MmHg),
            lab(Analyte::PaCo2, 2, 40.0, Unit::MmHg),
        ];
        let i = risk_inputs(&r, day(2));
        assert_eq!(i.crp_mg_dl.map(|v| (v * 1e9).round() / 1e9), Some(1.3));
        assert_eq!(i.ferritin_ng_ml, Some(900.0));
        assert_eq!(i.kl6_u_ml, Some(1200.0));
        assert_eq!(
            i.aado2_mmhg.map(|v| (v * 100.0).round() / 100.0),
            Some(39.73)
        );
        assert_eq!(
            (i.anti_mda5, i.hrct_score, i.rp_ild, i.ldh_u_l),
            (None, None, None, None)
        );
        assert_eq!(risk_inputs(&r, day(1)).aado2_mmhg, None);
        // A pmol/L ferritin cannot be converted (unverified factor): missing.
        assert_eq!(risk_inputs(&r, day(4)).ferritin_ng_ml, None);
        r.disease.anti_mda5 = Some(AntiMda5::Plus2);
        r.disease.ip_course = Some(IpCourse::Chronic);
        r.disease.hrct.score = Some(140.0);
        let i = risk_inputs(&r, day(2));
        assert_eq!(
            (i.anti_mda5, i.hrct_score, i.rp_ild),
            (Some(AntiMda5::Plus2), Some(140.0), Some(false))
        );
    }
}

//! The reminder to check Pneumocystis prophylaxis under combined
//! immunosuppression. The clinical pack has no verified
//! recommendation, dose or threshold ([`Gap::PneumocystisProphylaxis`]):
//! the app only asks the clinician to check, and says so.

use crate::clinical::notes::Note;
use crate::clinical::status::Gap;
use crate::record::{PatientRecord, Treatment};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// An immunosuppressive treatment the record shows in use.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Agent {
    Glucocorticoid,
    Cyclosporine,
    Tacrolimus,
    IvCyclophosphamide,
}

/// Why the reminder shows: the agents in use, what the pack lacks, notes.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PcpCheck {
    pub agents: Vec<Agent>,
    pub gap: Gap,
    pub notes: Vec<Note>,
}

fn started(record: &PatientRecord, date: NaiveDate, wanted: &[Treatment]) -> bool {
    record
        .disease
        .treatment_starts
        .iter()
        .any(|s| s.date <= date && wanted.contains(&s.treatment))
}

/// The agents in use on or before `date`: a glucocorticoid (a prednisolone
/// row with a dose that started by then, or a steroid / methylprednisolone
/// pulse start), a
/// calcineurin inhibitor (dose rows or a start), IVCY (pulses given or a
/// start). Two or more is combined immunosuppression: the reminder shows.
pub fn pcp_check(record: &PatientRecord, date: NaiveDate) -> Option<PcpCheck> {
    let dosed =
        |rows: &[crate::tdm::DoseRow]| rows.iter().any(|r| r.start.naive_local().date() <= date);
    let mut agents = Vec::new();
    let prednisolone = record
        .patient
        .prednisolone
        .iter()
        .any(|r| r.mg_day > 0.0 && r.start.is_none_or(|s| s.naive_local().date() <= date));
    if prednisolone
        || started(
            record,
            date,
            &[
                Treatment::Corticosteroid,
                Treatment::MethylprednisolonePulse,
            ],
        )
    {
        agents.push(Agent::Glucocorticoid);
    }
    if dosed(&record.cyclosporine.doses) || started(record, date, &[Treatment::Cyclosporine]) {
        agents.push(Agent::Cyclosporine);
    }
    if dosed(&record.tacrolimus.doses) || started(record, date, &[Treatment::Tacrolimus]) {
        agents.push(Agent::Tacrolimus);
    }
    if record.ivcy.given.iter().any(|p| p.date <= date)
        || started(record, date, &[Treatment::IvCyclophosphamide])
    {
        agents.push(Agent::IvCyclophosphamide);
    }
    if agents.len() < 2 {
        return None;
    }
    let mut notes = vec![Note::PcpProphylaxisCheck];
    if agents.contains(&Agent::Cyclosporine) {
        notes.push(Note::CyclosporineSmxTmpCaution);
    }
    Some(PcpCheck {
        agents,
        gap: Gap::PneumocystisProphylaxis,
        notes,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clinical::cyclophosphamide::GivenPulse;
    use crate::record::TreatmentStart;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2025, 1, d).unwrap_or_default()
    }

    #[test]
    fn two_agents_make_the_reminder() {
        let mut r = PatientRecord::new("t");
        r.patient.prednisolone = vec![crate::record::PrednisoloneRow {
            start: None,
            mg_day: 50.0,
        }];
        assert_eq!(pcp_check(&r, day(10)), None);
        r.ivcy.given.push(GivenPulse {
            date: day(5),
            dose_mg: 750.0,
            bsa_m2: None,
            wbc_nadir: None,
        });
        assert_eq!(pcp_check(&r, day(4)), None);
        let c = pcp_check(&r, day(5)).unwrap();
        assert_eq!(
            c.agents,
            vec![Agent::Glucocorticoid, Agent::IvCyclophosphamide]
        );
        assert_eq!(
            (c.gap, c.notes.clone()),
            (
                Gap::PneumocystisProphylaxis,
                vec![Note::PcpProphylaxisCheck]
            )
        );
        r.disease.treatment_starts.push(TreatmentStart {
            treatment: Treatment::Cyclosporine,
            date: day(3),
        });
        let c = pcp_check(&r, day(5)).unwrap();
        assert_eq!(c.agents.len(), 3);
        assert!(c.notes.contains(&Note::CyclosporineSmxTmpCaution));
        // A prednisolone row that starts on day 7 is not in use on day 5.
        r.patient.prednisolone[0].start =
            chrono::DateTime::parse_from_rfc3339("2025-01-07T08:00:00+09:00").ok();
        assert_eq!(
            pcp_check(&r, day(5)).map(|c| c.agents),
            Some(vec![Agent::Cyclosporine, Agent::IvCyclophosphamide])
        );
        assert_eq!(pcp_check(&r, day(7)).map(|c| c.agents.len()), Some(3));
    }
}

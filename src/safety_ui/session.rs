//! The safety screen's memo: which calcineurin inhibitors are on, the
//! interaction reports and the adverse-event checks, all from the engine.

use crate::state::use_record;
use dmip_engine::clinical::adverse::{checks, AdverseCheck};
use dmip_engine::clinical::analyte::Analyte;
use dmip_engine::clinical::interactions::{check_regimen, InteractionReport, Subject};
use dmip_engine::clinical::ClinicalError;
use dmip_engine::record::PatientRecord;
use leptos::prelude::*;

#[derive(Clone, Debug, PartialEq)]
pub struct Safety {
    /// Cyclosporine / tacrolimus with dose rows in the record.
    pub on: Vec<Subject>,
    pub reports: Vec<InteractionReport>,
    pub checks: Vec<(Analyte, Result<AdverseCheck, ClinicalError>)>,
}

/// A drug is on when the record holds dose rows for it.
fn drugs_on(r: &PatientRecord) -> Vec<Subject> {
    [
        (Subject::Cyclosporine, &r.cyclosporine),
        (Subject::Tacrolimus, &r.tacrolimus),
    ]
    .into_iter()
    .filter(|(_, d)| !d.doses.is_empty())
    .map(|(s, _)| s)
    .collect()
}

fn compute(r: &PatientRecord) -> Safety {
    let on = drugs_on(r);
    let co = r.patient.comedication_names();
    Safety {
        reports: check_regimen(&co, &on),
        checks: checks(&r.labs, &on),
        on,
    }
}

/// The memo over the open record.
pub fn safety_memo() -> Memo<Safety> {
    let state = use_record();
    Memo::new(move |_| state.record.with(compute))
}

#[cfg(test)]
mod tests {
    use super::*;
    use dmip_engine::clinical::interactions::Severity;

    /// A record as stored (version 2: co-medication names, migrated).
    fn record(json: &str) -> PatientRecord {
        dmip_engine::record::read(json).unwrap()
    }

    #[test]
    fn tacrolimus_doses_select_its_label_and_links() {
        let r = record(
            r#"{"schema":2,"id":"t","patient":{"comedications":["spironolactone","rosuvastatin"]},
            "tacrolimus":{"doses":[{"start":"2026-11-01T08:00:00+09:00","amount_mg":3.0,
            "interval_h":12.0,"count":4,"at_steady_state":false}]},
            "labs":[{"analyte":"potassium","date":"2026-11-03","value":5.6,"unit":"mmol_per_l","assay":null}]}"#,
        );
        let s = compute(&r);
        assert_eq!(s.on, vec![Subject::Tacrolimus]);
        assert_eq!(s.reports.len(), 1);
        assert_eq!(
            s.reports[0].hits[0].category.clone().available(),
            Some(Severity::Contraindicated)
        );
        // Rosuvastatin is known, but the tacrolimus label rows have none for it.
        assert!(s.reports[0].not_checked.is_empty());
        assert_eq!(s.reports[0].no_row[0].drug_en, "rosuvastatin");
        let k = s
            .checks
            .iter()
            .find(|(a, _)| *a == Analyte::Potassium)
            .and_then(|(_, c)| c.clone().ok())
            .unwrap();
        assert_eq!(k.links.len(), 1);
        assert_eq!(k.count, 1);
    }

    #[test]
    fn no_doses_checks_both_labels() {
        let s = compute(&PatientRecord::new("n"));
        assert!(s.on.is_empty());
        assert_eq!(s.reports.len(), 2);
        assert_eq!(s.checks.len(), 8);
    }
}

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
    let co: Vec<&str> = r.patient.comedications.iter().map(String::as_str).collect();
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

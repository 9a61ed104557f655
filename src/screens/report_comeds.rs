//! The report's co-medication section: the list as entered (with each
//! one's period when known), and for each
//! calcineurin inhibitor with doses (both labels while neither has any) the
//! Safety screen's table of label rows — 禁忌 and 併用注意 as printed, level
//! changes with their numbers, sources, names not checked.

use crate::i18n::{use_i18n, Lang, SafetyKey};
use crate::safety_ui::{comedication_text, interaction_table};
use dmip_engine::clinical::interactions::{check_regimen, Subject};
use dmip_engine::record::PatientRecord;
use leptos::prelude::*;

/// The drugs with dose rows in `r`.
fn on(r: &PatientRecord) -> Vec<Subject> {
    let mut on = Vec::new();
    if !r.cyclosporine.doses.is_empty() {
        on.push(Subject::Cyclosporine);
    }
    if !r.tacrolimus.doses.is_empty() {
        on.push(Subject::Tacrolimus);
    }
    on
}

/// The section for the report of `r`.
pub(super) fn comed_section(r: &PatientRecord) -> impl IntoView {
    let i18n = use_i18n();
    let list = &r.patient.comedications;
    let body = if list.is_empty() {
        view! { <p id="report-comeds-none">{i18n.t(SafetyKey::ReportNone)}</p> }.into_any()
    } else {
        let reports = check_regimen(&r.patient.comedication_names(), &on(r));
        let sep = match i18n.lang() {
            Lang::Ja => "、",
            Lang::En => ", ",
        };
        let shown: Vec<String> = list.iter().map(|m| comedication_text(i18n, m)).collect();
        view! {
            <p id="report-comeds-list">{shown.join(sep)}</p>
            {reports.into_iter().map(|rep| interaction_table(i18n, rep, "report-int")).collect_view()}
        }
        .into_any()
    };
    view! {
        <section class="report-comeds" id="report-comeds">
            <h3>{i18n.t(SafetyKey::ReportTitle)}</h3>
            {body}
        </section>
    }
}

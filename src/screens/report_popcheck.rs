//! The report's population check for one drug: for a typical DM/PM-IP
//! patient of the record's size, each model in use (the average's models,
//! or the one pinned) predicts C0/C2 at the cohorts' regimens beside the
//! DM-IP cohort figures, each cohort with its source; a model more than
//! 1 SD away (or outside the published range) is marked. The screens'
//! table: `tdm_ui::popcheck`.

use crate::format::tick;
use crate::i18n::{fill, use_i18n, PopKey};
use crate::tdm_ui::{population_check_for, population_row_line};
use dmip_engine::clinical::body::Sex;
use dmip_engine::record::PatientInfo;
use dmip_engine::tdm::Drug;
use leptos::prelude::*;

/// The check of `drug` for `patient`, its rows kept to `models` (every
/// model when `None`); nothing when it cannot be computed.
pub(super) fn popcheck_section(
    patient: &PatientInfo,
    drug: Drug,
    models: Option<&[String]>,
    slug: &str,
) -> Option<impl IntoView> {
    let i18n = use_i18n();
    let (check, reference) = population_check_for(drug, patient);
    let check = check?;
    let used = |id: &str| models.is_none_or(|m| m.iter().any(|x| x == id));
    let sex = match check.sex {
        Some(Sex::Female) => i18n.t(PopKey::Female),
        Some(Sex::Male) => i18n.t(PopKey::Male),
        None => i18n.t(PopKey::Unknown),
    };
    let height = check.height_cm.map_or_else(
        || i18n.t(PopKey::Unknown).to_owned(),
        |h| format!("{} cm", tick(h)),
    );
    let intro = fill(
        i18n.t(PopKey::ReportIntro),
        &[
            ("weight", &tick(check.weight_kg)),
            ("height", &height),
            ("sex", sex),
            ("psl", &tick(check.prednisolone_mg_day)),
        ],
    );
    let cohorts = check
        .cohorts
        .iter()
        .map(|c| {
            let rows = c
                .rows
                .iter()
                .filter(|r| used(&r.model_id))
                .map(|r| {
                    let (line, flagged) = population_row_line(i18n, c, r);
                    view! { <li class:flagged=flagged data-model=r.model_id.clone()>{line}</li> }
                })
                .collect_view();
            view! {
                <li data-cohort=c.cohort.id>
                    <strong>{c.cohort.name}</strong>
                    <ul>{rows}</ul>
                    <span class="report-cite">{fill(i18n.t(PopKey::Source), &[("source", c.cohort.source)])}</span>
                </li>
            }
        })
        .collect_view();
    Some(view! {
        <div class="report-popcheck" id=format!("report-{slug}-popcheck")>
            <h4>{i18n.tx(PopKey::ReportTitle)}</h4>
            {reference.then(|| view! { <p class="report-note">{i18n.t(PopKey::Reference)}</p> })}
            <p class="report-note">{intro}</p>
            {(drug == Drug::Tacrolimus).then(|| view! { <p class="report-note">{i18n.t(PopKey::Genotype)}</p> })}
            <ul>{cohorts}</ul>
            <p class="report-cite">{fill(i18n.t(PopKey::PslSource), &[("source", check.prednisolone_source)])}</p>
        </div>
    })
}

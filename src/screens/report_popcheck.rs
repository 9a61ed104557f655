//! The report's population check for one drug: for a typical DM/PM-IP
//! patient of the record's size, each model in use (the average's models,
//! or the one pinned) predicts C0/C2 at the cohorts' regimens beside the
//! DM-IP cohort figures — one row per cohort (its figures in the row's
//! head, its source under the table), one column per model and dosing
//! interval; a
//! value more than 1 SD away (or outside the published range) is marked.
//! The variant without Press 2010's prednisolone effect stays on the
//! screen (said so). The screens' table: `tdm_ui::popcheck`.

use crate::format::tick;
use crate::i18n::{fill, use_i18n, Key, PopKey};
use crate::tdm_ui::{population_check_for, population_check_intro, report_cell, report_head};
use dmip_engine::record::PatientInfo;
use dmip_engine::tdm::Drug;
use leptos::prelude::*;

/// A cohort's source without its parentheses that give figures in ng/mL
/// (the table's row heads print them): the citation, shorter.
fn citation(source: &str) -> String {
    let mut out = String::new();
    let mut depth = 0usize;
    let mut group = String::new();
    for ch in source.chars() {
        match ch {
            '(' => {
                depth += 1;
                group.push(ch);
            }
            ')' if depth > 0 => {
                depth -= 1;
                group.push(ch);
                if depth == 0 {
                    if group.contains("ng/mL") {
                        let kept = out.trim_end().len();
                        out.truncate(kept);
                    } else {
                        out.push_str(&group);
                    }
                    group.clear();
                }
            }
            _ if depth > 0 => group.push(ch),
            _ => out.push(ch),
        }
    }
    out.push_str(&group);
    out
}

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
    let intro = population_check_intro(i18n, PopKey::ReportIntro, &check);
    let all_rows = || check.cohorts.iter().flat_map(|c| &c.rows);
    // (model, name, interval) in the order first met; variants left out.
    let mut keys: Vec<(&str, &str, f64)> = Vec::new();
    for r in all_rows().filter(|r| r.variant.is_none() && used(&r.model_id)) {
        let key = (r.model_id.as_str(), r.name.as_str(), r.interval_h);
        if !keys.contains(&key) {
            keys.push(key);
        }
    }
    let variants = all_rows().any(|r| r.variant.is_some() && used(&r.model_id));
    // One column per model and interval, one row per cohort (its figures
    // in the row's head): narrow enough for an A4 page.
    let heads = keys
        .iter()
        .map(|&(id, name, tau)| {
            let every = fill(i18n.t(PopKey::ReportEvery), &[("hours", &tick(tau))]);
            view! { <th data-model=id.to_owned()>{format!("{name} · {every}")}</th> }
        })
        .collect_view();
    let rows = check
        .cohorts
        .iter()
        .map(|c| {
            let cells =
                keys.iter()
                    .map(|&(id, _, tau)| {
                        let row = c.rows.iter().find(|r| {
                            r.model_id == id && r.variant.is_none() && r.interval_h == tau
                        });
                        let (text, flagged) =
                            row.map_or_else(|| ("—".to_owned(), false), |r| report_cell(i18n, r));
                        view! { <td data-model=id.to_owned() class:flagged=flagged>{text}</td> }
                    })
                    .collect_view();
            view! {
                <tr data-cohort=c.cohort.id>
                    <th scope="row">{report_head(i18n, c)}</th>
                    {cells}
                </tr>
            }
        })
        .collect_view();
    let sources = check
        .cohorts
        .iter()
        .map(|c| format!("{}: {}", c.cohort.name, citation(c.cohort.source)))
        .collect::<Vec<_>>()
        .join(i18n.t(Key::ListSeparator));
    Some(view! {
        <div class="report-popcheck" id=format!("report-{slug}-popcheck")>
            <h4>{i18n.tx(PopKey::ReportTitle)}</h4>
            {reference.then(|| view! { <p class="report-note">{i18n.t(PopKey::Reference)}</p> })}
            <p class="report-note">{intro}</p>
            {(drug == Drug::Tacrolimus).then(|| view! { <p class="report-note">{i18n.t(PopKey::Genotype)}</p> })}
            <div class="table-wrap">
                <table class="report-popcheck-table">
                    <thead><tr><th>{i18n.t(PopKey::ReportColCohort)}</th>{heads}</tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <p class="report-cite">
                {variants.then(|| format!("{} ", i18n.t(PopKey::ReportVariantNote)))}
                {fill(i18n.t(PopKey::Source), &[("source", &sources)])}" "
                {fill(i18n.t(PopKey::PslSource), &[("source", check.prednisolone_source)])}
            </p>
        </div>
    })
}

#[cfg(test)]
mod tests {
    use super::citation;
    use dmip_engine::tdm::cohorts::{KOTANI_2008, KOTANI_2011, NAGAI_2010};

    #[test]
    fn the_citation_drops_the_figures_only() {
        assert_eq!(
            citation(KOTANI_2011.source),
            "Kotani T, et al. Clin Rheumatol 2011;30(8):1021-1028"
        );
        assert_eq!(
            citation(KOTANI_2008.source),
            "Kotani T, Makino S, Takeuchi T, et al. J Rheumatol 2008;35(2):254-259"
        );
        assert!(citation(NAGAI_2010.source).ends_with(
            "Mod Rheumatol 2010;21:32-36, as summarised in the review ‘Interstitial Pneumonia in \
             Dermatomyositis’ (Neuromuscular Disorders, InTech)"
        ));
    }
}

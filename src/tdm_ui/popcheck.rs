//! The population check in words: each built-in model's typical patient of
//! the record's size against the DM/PM-IP cohort figures
//! (`dmip_engine::tdm::population_check`), folded (one tap) in the drug
//! screen's model section and open on the self-check screen.

use super::average::assumed_short;
use super::session::Session;
use crate::format::{significant, tick};
use crate::i18n::{fill, use_i18n, I18n, PopKey};
use crate::state::use_record;
use crate::widgets::data_table;
use dmip_engine::clinical::body::Sex;
use dmip_engine::record::PatientInfo;
use dmip_engine::tdm::cohorts::CohortDose;
use dmip_engine::tdm::popcheck::{CohortCheck, Compared, ModelRow};
use dmip_engine::tdm::{population_check, Agreement, Drug, PopulationCheck, PopulationQuestion};
use leptos::prelude::*;

const COLUMNS: [PopKey; 4] = [
    PopKey::ColModel,
    PopKey::ColRegimen,
    PopKey::ColCompared,
    PopKey::ColVerdict,
];

/// The check for the record's size; without a weight, the reference
/// patient of the check's sources (55 kg, 158 cm, woman), said so.
pub fn check_for(drug: Drug, p: &PatientInfo) -> (Option<PopulationCheck>, bool) {
    let weight = p.weight_kg.filter(|w| w.is_finite() && *w > 0.0);
    let reference = weight.is_none();
    let q = match weight {
        Some(w) => PopulationQuestion {
            drug,
            weight_kg: w,
            height_cm: p.height_cm,
            sex: p.sex,
        },
        None => PopulationQuestion {
            drug,
            weight_kg: 55.0,
            height_cm: Some(158.0),
            sex: Some(Sex::Female),
        },
    };
    (population_check(&q).ok(), reference)
}

/// (flagged, total) comparisons.
pub fn counts(check: &PopulationCheck) -> (usize, usize) {
    let all = check
        .cohorts
        .iter()
        .flat_map(|c| &c.rows)
        .flat_map(|r| &r.compared);
    let total = all.clone().count();
    (all.filter(|c| c.agreement.flagged()).count(), total)
}

fn verdict(i18n: I18n, a: &Agreement) -> String {
    let sds = |s: &f64| format!("{s:+.1}");
    match a {
        Agreement::WithinSd { sds: s } => fill(i18n.t(PopKey::WithinSd), &[("sds", &sds(s))]),
        Agreement::BeyondSd { sds: s } => fill(i18n.t(PopKey::BeyondSd), &[("sds", &sds(s))]),
        Agreement::InRange => i18n.t(PopKey::InRange).to_owned(),
        Agreement::OutsideRange => i18n.t(PopKey::OutsideRange).to_owned(),
        Agreement::MeanOnly => i18n.t(PopKey::MeanOnly).to_owned(),
    }
}

/// The cohort's figure: "11.2 ± 1.86", "5–10", "201.3".
fn cohort_text(c: &Compared) -> String {
    match (c.sd, c.range) {
        (Some(sd), _) => format!("{} ± {}", significant(c.expected, 3), significant(sd, 3)),
        (None, Some((low, high))) => format!("{}–{}", tick(low), tick(high)),
        (None, None) => significant(c.expected, 4),
    }
}

fn compared_text(i18n: I18n, c: &Compared) -> String {
    let cohort = cohort_text(c);
    fill(
        i18n.t(PopKey::Compared),
        &[
            ("metric", &c.metric),
            ("model", &significant(c.predicted, 3)),
            ("cohort", &cohort),
            ("ratio", &format!("{:.2}", c.ratio)),
        ],
    )
}

fn regimen_text(i18n: I18n, cohort: &CohortCheck, r: &ModelRow) -> String {
    let regimen = fill(
        i18n.t(PopKey::Regimen),
        &[
            ("dose", &significant(r.amount_mg, 3)),
            ("hours", &tick(r.interval_h)),
            ("mgkg", &significant(r.mg_per_kg_day, 2)),
        ],
    );
    match cohort.cohort.dose {
        CohortDose::Reaching { value, .. } => format!(
            "{regimen} · {}",
            fill(i18n.t(PopKey::Reaching), &[("value", &tick(value))])
        ),
        _ => regimen,
    }
}

/// The model's name, a variant labelled as one.
fn row_name(i18n: I18n, r: &ModelRow) -> String {
    match r.variant {
        Some(_) => format!("{} ({})", r.name, i18n.t(PopKey::Variant)),
        None => r.name.clone(),
    }
}

/// The report's row head of a cohort: "Japanese DM-ILD C/D: C0 11.2 ±
/// 1.86 ng/mL" (the figures as compared with its first computed row).
pub fn report_head(i18n: I18n, cohort: &CohortCheck) -> String {
    let figures = cohort
        .rows
        .iter()
        .find(|r| r.error.is_none())
        .map(|r| {
            r.compared
                .iter()
                .map(|c| format!("{} {}", c.metric, cohort_text(c)))
                .collect::<Vec<_>>()
                .join(" · ")
                + " ng/mL"
        })
        .unwrap_or_default();
    fill(
        i18n.t(PopKey::ReportHead),
        &[("cohort", cohort.cohort.name), ("figures", &figures)],
    )
}

/// The report's short verdict of one comparison.
fn report_verdict(i18n: I18n, c: &Compared) -> String {
    let sds = |s: &f64| format!("{s:+.1}");
    match &c.agreement {
        Agreement::WithinSd { sds: s } => fill(i18n.t(PopKey::ReportWithin), &[("sds", &sds(s))]),
        Agreement::BeyondSd { sds: s } => fill(i18n.t(PopKey::ReportBeyond), &[("sds", &sds(s))]),
        Agreement::InRange => i18n.t(PopKey::ReportInRange).to_owned(),
        Agreement::OutsideRange => i18n.t(PopKey::ReportOutside).to_owned(),
        Agreement::MeanOnly => fill(
            i18n.t(PopKey::ReportRatio),
            &[("ratio", &format!("{:.2}", c.ratio))],
        ),
    }
}

/// The report's cell of a model at a cohort: "2.00 mg: C0 5.36 (-3.2 SD,
/// beyond 1 SD)", and whether it is flagged (a row not computed is).
pub fn report_cell(i18n: I18n, r: &ModelRow) -> (String, bool) {
    if let Some(e) = &r.error {
        return (fill(i18n.t(PopKey::NotComputed), &[("reason", e)]), true);
    }
    let values = r
        .compared
        .iter()
        .map(|c| {
            fill(
                i18n.t(PopKey::ReportValue),
                &[
                    ("metric", &c.metric),
                    ("model", &significant(c.predicted, 3)),
                    ("verdict", &report_verdict(i18n, c)),
                ],
            )
        })
        .collect::<Vec<_>>()
        .join(" · ");
    let cell = fill(
        i18n.t(PopKey::ReportCell),
        &[("dose", &significant(r.amount_mg, 3)), ("values", &values)],
    );
    (cell, r.compared.iter().any(|c| c.agreement.flagged()))
}

fn row_view(i18n: I18n, cohort: &CohortCheck, r: &ModelRow) -> impl IntoView {
    let name = row_name(i18n, r);
    let assumed: Vec<String> = r
        .assumptions
        .iter()
        .map(|a| assumed_short(i18n, a))
        .collect();
    let assumed = (!assumed.is_empty())
        .then(|| view! { <br /><span class="muted">{assumed.join(i18n.t(crate::i18n::Key::ListSeparator))}</span> });
    let (compared, verdicts, flagged) = match &r.error {
        Some(e) => (
            fill(i18n.t(PopKey::NotComputed), &[("reason", e)]),
            String::new(),
            true,
        ),
        None => (
            r.compared
                .iter()
                .map(|c| compared_text(i18n, c))
                .collect::<Vec<_>>()
                .join(" · "),
            r.compared
                .iter()
                .map(|c| verdict(i18n, &c.agreement))
                .collect::<Vec<_>>()
                .join(" · "),
            r.compared.iter().any(|c| c.agreement.flagged()),
        ),
    };
    view! {
        <tr class:flagged=flagged data-model=r.model_id.clone()>
            <td class="lead" data-label=i18n.t(PopKey::ColModel)>{name}{assumed}</td>
            <td data-label=i18n.t(PopKey::ColRegimen)>{regimen_text(i18n, cohort, r)}</td>
            <td data-label=i18n.t(PopKey::ColCompared)>{compared}</td>
            <td data-label=i18n.t(PopKey::ColVerdict)>{verdicts}</td>
        </tr>
    }
}

/// The sentence that says for what patient the check is made (`key`: the
/// screen's or the report's wording).
pub fn intro(i18n: I18n, key: PopKey, check: &PopulationCheck) -> String {
    let sex = match check.sex {
        Some(Sex::Female) => i18n.t(PopKey::Female),
        Some(Sex::Male) => i18n.t(PopKey::Male),
        None => i18n.t(PopKey::Unknown),
    };
    let height = check.height_cm.map_or_else(
        || i18n.t(PopKey::Unknown).to_owned(),
        |h| format!("{} cm", tick(h)),
    );
    fill(
        i18n.t(key),
        &[
            ("weight", &tick(check.weight_kg)),
            ("height", &height),
            ("sex", sex),
            ("psl", &tick(check.prednisolone_mg_day)),
        ],
    )
}

/// The check's body: what the patient is, each cohort with its models.
pub fn check_body(i18n: I18n, id: &str, check: &PopulationCheck, reference: bool) -> impl IntoView {
    let intro = intro(i18n, PopKey::Intro, check);
    let tacrolimus = check.drug == Drug::Tacrolimus;
    let cohorts = check
        .cohorts
        .iter()
        .map(|c| {
            let rows = c.rows.iter().map(|r| row_view(i18n, c, r)).collect_view();
            view! {
                <h4>{c.cohort.name}</h4>
                {data_table(format!("{id}-{}", c.cohort.id), "tdm-table stack", &COLUMNS, 0, rows)}
                <p class="note">{fill(i18n.t(PopKey::Source), &[("source", c.cohort.source)])}</p>
            }
        })
        .collect_view();
    view! {
        {reference.then(|| view! { <p class="note">{i18n.t(PopKey::Reference)}</p> })}
        <p>{intro}</p>
        {tacrolimus.then(|| view! { <p class="note">{i18n.t(PopKey::Genotype)}</p> })}
        {cohorts}
        <p class="note">{fill(i18n.t(PopKey::PslSource), &[("source", check.prednisolone_source)])}</p>
    }
}

/// The drug screen's check, folded: one tap opens it.
#[component]
pub fn PopulationFold(session: Session) -> impl IntoView {
    let i18n = use_i18n();
    let spec = session.spec;
    let id = format!("{}-popcheck", spec.slug);
    let check = Memo::new(move |_| session.patient.with(|p| check_for(spec.drug, p)));
    move || {
        let (check, reference) = check.get();
        check.map(|c| {
            let (flagged, total) = counts(&c);
            let summary = fill(
                i18n.t(PopKey::Summary),
                &[
                    ("flagged", &flagged.to_string()),
                    ("total", &total.to_string()),
                ],
            );
            view! {
                <details class="panel popcheck" id=id.clone()>
                    <summary id=format!("{id}-toggle")>{summary}</summary>
                    {check_body(i18n, &id, &c, reference)}
                </details>
            }
        })
    }
}

/// The self-check screen's checks: both drugs, for the open record's size.
#[component]
pub fn PopulationChecks() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_record();
    let checks = Memo::new(move |_| {
        state
            .record
            .with(|r| [Drug::Cyclosporine, Drug::Tacrolimus].map(|d| check_for(d, &r.patient)))
    });
    view! {
        <section class="panel" id="self-popcheck" aria-labelledby="self-popcheck-title">
            <h3 id="self-popcheck-title">{i18n.tx(PopKey::Title)}</h3>
            {move || {
                checks
                    .get()
                    .into_iter()
                    .zip([
                        ("self-popcheck-csa", crate::i18n::Key::ScreenCyclosporine),
                        ("self-popcheck-tac", crate::i18n::Key::ScreenTacrolimus),
                    ])
                    .filter_map(|((c, reference), (id, drug))| {
                        let c = c?;
                        Some(view! {
                            <div id=id>
                                <h4>{i18n.t(drug)}</h4>
                                {check_body(i18n, id, &c, reference)}
                            </div>
                        })
                    })
                    .collect_view()
            }}
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{fixed_i18n, Lang};

    #[test]
    fn a_comparison_and_its_verdict_in_both_languages() {
        let p = PatientInfo {
            weight_kg: Some(55.0),
            height_cm: Some(158.0),
            sex: Some(Sex::Female),
            ..PatientInfo::default()
        };
        let (check, reference) = check_for(Drug::Tacrolimus, &p);
        let check = check.expect("computable");
        assert!(!reference);
        let cd = check
            .cohorts
            .iter()
            .find(|c| c.cohort.id == "japanese_dm_ild")
            .expect("cohort");
        let woillard = &cd.rows[0];
        assert_eq!(woillard.model_id, "woillard2011_tac");
        let c = &woillard.compared[0];
        assert_eq!(
            compared_text(fixed_i18n(Lang::En), c),
            "C0: model 5.36, cohort 11.2 ± 1.86 ng/mL (ratio 0.48)"
        );
        assert_eq!(
            verdict(fixed_i18n(Lang::En), &c.agreement),
            "more than 1 SD away (-3.2 SD)"
        );
        assert_eq!(
            verdict(fixed_i18n(Lang::Ja), &c.agreement),
            "1 SD を超えて外れる（-3.2 SD）"
        );
        let (cell, flagged) = report_cell(fixed_i18n(Lang::En), woillard);
        assert!(flagged);
        assert_eq!(cell, "2.00 mg: C0 5.36 (-3.2 SD, beyond 1 SD)");
        let (ja, _) = report_cell(fixed_i18n(Lang::Ja), woillard);
        assert_eq!(ja, "1回 2.00 mg：C0 5.36（-3.2 SD、1 SD 超）");
        assert_eq!(
            report_head(fixed_i18n(Lang::En), cd),
            "Japanese DM-ILD C/D: C0 11.2 ± 1.86 ng/mL"
        );
        // Two tacrolimus cohorts × three models: the C/D flags all three.
        assert_eq!(counts(&check), (3, 6));
        // No weight: the reference patient, said so.
        let (_, reference) = check_for(Drug::Cyclosporine, &PatientInfo::default());
        assert!(reference);
    }
}

//! The dose advice table from the engine's recommendation, with "apply":
//! the regimen becomes the next rows of the dosing history.

use super::session::{Session, HORIZON_H};
use super::spec::DrugSpec;
use super::summary::{AUC_UNIT, CONC_UNIT};
use crate::format::{percent, significant, tick};
use crate::i18n::{fill, use_i18n, I18n, Key};
use crate::widgets::data_table;
use dmip_engine::dose::Candidate;
use dmip_engine::tdm::view::next_dose;
use dmip_engine::tdm::DoseRow;
use leptos::prelude::*;

/// "50 mg × 1 + 25 mg × 2".
fn capsules(c: &Candidate) -> String {
    c.dose
        .capsules
        .iter()
        .map(|(mg, n)| format!("{} mg × {n}", tick(*mg)))
        .collect::<Vec<_>>()
        .join(" + ")
}

/// A dose option in words, as the advice table and the report show it.
pub struct CandidateText {
    /// "1日2回食後（12 時間ごと）".
    pub name: String,
    /// The regimen's caveat, if any.
    pub note: Option<&'static str>,
    /// "215 mg（100 mg × 1 + …）、1日 430 mg".
    pub dose: String,
    /// "C0 283 ng/mL", "AUCτ 6904 ng·h/mL", …
    pub predicted: Vec<String>,
    /// "30 %", or "-" without posterior draws.
    pub probability: String,
    /// "in range / limit exceeded".
    pub meets: String,
}

pub fn candidate_text(i18n: I18n, spec: &DrugSpec, c: &Candidate) -> CandidateText {
    let regimen = spec.regimen(&c.regimen.label);
    let predicted = c
        .predicted
        .iter()
        .map(|(l, v)| {
            let unit = if l.starts_with("AUC") {
                AUC_UNIT
            } else {
                CONC_UNIT
            };
            format!("{l} {} {unit}", significant(*v, 3))
        })
        .collect();
    let limit = match c.meets_limit {
        Some(true) => format!(" / {}", i18n.t(Key::TdmMeetsLimit)),
        Some(false) => format!(" / {}", i18n.t(Key::TdmMissesLimit)),
        None => String::new(),
    };
    let target = if c.meets_target {
        Key::TdmMeetsTarget
    } else {
        Key::TdmMissesTarget
    };
    CandidateText {
        name: regimen.map_or(c.regimen.label.clone(), |r| i18n.t(r.name).to_owned()),
        note: regimen.and_then(|r| r.note).map(|k| i18n.t(k)),
        dose: fill(
            i18n.t(Key::TdmDosePer),
            &[
                ("amount", &tick(c.dose.amount_mg)),
                ("capsules", &capsules(c)),
                ("daily", &tick(c.daily_mg)),
            ],
        ),
        predicted,
        probability: percent(c.probability_in_range),
        meets: format!("{}{limit}", i18n.t(target)),
    }
}

fn apply(session: Session, c: &Candidate) {
    let Some(regimen) = session.spec.regimen(&c.regimen.label) else {
        return;
    };
    let Some(now) = session.now.get_untracked() else {
        return;
    };
    let interval = regimen.interval_h;
    let amount = c.dose.amount_mg;
    let formulation = regimen.formulation;
    session.edit(|d| {
        if let Some(start) = next_dose(&d.doses, interval, now) {
            d.doses.push(DoseRow {
                start,
                amount_mg: amount,
                interval_h: Some(interval),
                count: (HORIZON_H / interval).round().max(1.0) as u32,
                at_steady_state: false,
                formulation: Some(formulation),
            });
            d.formulation = Some(formulation);
        }
    });
}

#[component]
pub fn AdviceTable(session: Session) -> impl IntoView {
    let i18n = use_i18n();
    let slug = session.spec.slug;
    let advice = Memo::new(move |_| {
        session
            .output
            .with(|o| o.as_ref().ok().and_then(|o| o.advice.clone()))
    });
    view! {
        <section class="panel" aria-labelledby=format!("{slug}-advice-title")>
            <h3 id=format!("{slug}-advice-title")>{i18n.tx(Key::TdmAdviceTitle)}</h3>
            <p class="note">{i18n.tx(Key::TdmAdviceNote)}</p>
            {move || match advice.get() {
                None => view! { <p class="muted" id=format!("{slug}-advice-none")>{i18n.t(Key::TdmAdviceNone)}</p> }.into_any(),
                Some(a) => {
                    let basis = if a.basis == "individual" { Key::TdmBasisIndividual } else { Key::TdmBasisPrior };
                    view! {
                        <p class="basis">{i18n.t(basis)}</p>
                        {data_table(
                            format!("{slug}-advice"),
                            "tdm-table stack advice",
                            &[Key::TdmColRegimen, Key::TdmColDose, Key::TdmColPredicted, Key::TdmColProbability, Key::TdmColMeets],
                            1,
                            view! {
                                {a.candidates.into_iter().map(|c| {
                                    let CandidateText { name, note, dose, predicted, probability, meets } =
                                        candidate_text(i18n, &session.spec, &c);
                                    let candidate = c;
                                    view! {
                                        <tr>
                                            <td class="lead" data-label=i18n.t(Key::TdmColRegimen)>{name}{note.map(|n| view! { <span class="row-note">{n}</span> })}</td>
                                            <td class="dose" data-label=i18n.t(Key::TdmColDose)>{dose}</td>
                                            <td data-label=i18n.t(Key::TdmColPredicted)><ul class="plain">{predicted.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul></td>
                                            <td data-label=i18n.t(Key::TdmColProbability)>{probability}</td>
                                            <td data-label=i18n.t(Key::TdmColMeets)>{meets}</td>
                                            <td>
                                                <button type="button" class="small apply" on:click=move |_| apply(session, &candidate)>
                                                    {i18n.t(Key::TdmApply)}
                                                </button>
                                            </td>
                                        </tr>
                                    }
                                }).collect_view()}
                            },
                        )}
                    }.into_any()
                }
            }}
        </section>
    }
}

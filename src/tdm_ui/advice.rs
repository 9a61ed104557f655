//! The dose advice table from the engine's recommendation, with "apply":
//! the regimen becomes the next rows of the dosing history.

use super::market::MarketChoice;
use super::prescribe::{continue_dose, write_candidate};
use super::session::Session;
use super::spec::DrugSpec;
use super::summary::{AUC_UNIT, CONC_UNIT};
use crate::format::{percent, significant, tick};
use crate::i18n::{fill, use_i18n, DoseKey, I18n, Key};
use crate::widgets::data_table;
use dmip_engine::dose::{AdviceBasis, Candidate};
use dmip_engine::tdm::{CandidateDaily, DailyDose};
use leptos::prelude::*;

/// "50 mg × 1 + 25 mg × 2", or "oral solution 2.2 mL".
fn capsules(i18n: I18n, c: &Candidate) -> String {
    if let Some(ml) = c.dose.solution_ml {
        return fill(i18n.t(DoseKey::Solution), &[("ml", &tick(ml))]);
    }
    c.dose
        .capsules
        .iter()
        .map(|(mg, n)| format!("{} mg × {n}", tick(*mg)))
        .collect::<Vec<_>>()
        .join(" + ")
}

/// The daily-dose flag in words.
pub fn daily_text(i18n: I18n, flag: &DailyDose) -> String {
    let n = |x: f64| significant(x, 2);
    match flag {
        DailyDose::AboveLabelMaximum {
            mg_kg_day,
            max_mg_kg_day,
            source,
        } => fill(
            i18n.t(DoseKey::AboveLabelMax),
            &[
                ("per_kg", &n(*mg_kg_day)),
                ("max", &tick(*max_mg_kg_day)),
                ("source", source),
            ],
        ),
        DailyDose::OutsideUsualRange {
            mg_kg_day,
            low,
            high,
            source,
        } => fill(
            i18n.t(DoseKey::OutsideUsual),
            &[
                ("per_kg", &n(*mg_kg_day)),
                ("low", &tick(*low)),
                ("high", &tick(*high)),
                ("source", source),
            ],
        ),
        DailyDose::WeightUnknown => i18n.t(DoseKey::WeightUnknown).to_owned(),
    }
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
    /// The daily dose per kg against the label or the usual range.
    pub flags: Vec<String>,
}

pub fn candidate_text(
    i18n: I18n,
    spec: &DrugSpec,
    c: &Candidate,
    daily: &[CandidateDaily],
) -> CandidateText {
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
                ("capsules", &capsules(i18n, c)),
                ("daily", &tick(c.daily_mg)),
            ],
        ),
        predicted,
        probability: percent(c.probability_in_range),
        meets: format!("{}{limit}", i18n.t(target)),
        flags: daily
            .iter()
            .filter(|d| d.regimen == c.regimen.label)
            .flat_map(|d| d.flags.iter().map(|f| daily_text(i18n, f)))
            .collect(),
    }
}

fn apply(session: Session, c: &Candidate, status: RwSignal<String>) {
    let Some(now) = session.now.get_untracked() else {
        return;
    };
    let i18n = use_i18n();
    let patient = session.patient.get_untracked();
    let mut said = String::new();
    session.edit(|d| said = write_candidate(i18n, &session.spec, d, &patient, now, c));
    status.set(said);
}

#[component]
pub fn AdviceTable(session: Session) -> impl IntoView {
    let i18n = use_i18n();
    let slug = session.spec.slug;
    let advice = Memo::new(move |_| {
        session.output.with(|o| {
            o.as_ref()
                .ok()
                .and_then(|o| Some((o.advice.clone()?, o.daily_doses.clone())))
        })
    });
    let status = RwSignal::new(String::new());
    let keep = move |_| {
        let mut said = String::new();
        session.edit(|d| said = continue_dose(i18n, d));
        status.set(said);
    };
    view! {
        <section class="panel" aria-labelledby=format!("{slug}-advice-title")>
            <h3 id=format!("{slug}-advice-title")>{i18n.tx(Key::TdmAdviceTitle)}</h3>
            {move || match advice.get() {
                None => view! { <p class="muted" id=format!("{slug}-advice-none")>{i18n.t(Key::TdmAdviceNone)}</p> }.into_any(),
                Some((a, daily)) => {
                    let basis = match a.basis { AdviceBasis::Individual => Key::TdmBasisIndividual, AdviceBasis::APriori => Key::TdmBasisPrior };
                    view! {
                        {data_table(
                            format!("{slug}-advice"),
                            "tdm-table stack advice",
                            &[Key::TdmColRegimen, Key::TdmColDose, Key::TdmColPredicted, Key::TdmColProbability, Key::TdmColMeets],
                            1,
                            view! {
                                {a.candidates.into_iter().map(|c| {
                                    let CandidateText { name, note, dose, predicted, probability, meets, flags } =
                                        candidate_text(i18n, &session.spec, &c, &daily);
                                    let candidate = c;
                                    view! {
                                        <tr>
                                            <td class="lead" data-label=i18n.t(Key::TdmColRegimen)>{name}{note.map(|n| view! { <span class="row-note">{n}</span> })}</td>
                                            <td class="dose" data-label=i18n.t(Key::TdmColDose)>
                                                {dose}
                                                {flags.into_iter().map(|f| view! { <span class="row-note warn daily-flag">{f}</span> }).collect_view()}
                                            </td>
                                            <td data-label=i18n.t(Key::TdmColPredicted)><ul class="plain">{predicted.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul></td>
                                            <td data-label=i18n.t(Key::TdmColProbability)>{probability}</td>
                                            <td data-label=i18n.t(Key::TdmColMeets)>{meets}</td>
                                            <td>
                                                <button type="button" class="small apply" on:click=move |_| apply(session, &candidate, status)>
                                                    {i18n.t(Key::TdmApply)}
                                                </button>
                                            </td>
                                        </tr>
                                    }
                                }).collect_view()}
                            },
                        )}
                        <p class="basis">{i18n.t(basis)}</p>
                    }.into_any()
                }
            }}
            <button type="button" class="small" id=format!("{slug}-continue") on:click=keep>
                {i18n.tx(DoseKey::Continue)}
            </button>
            <p class="status" id=format!("{slug}-apply-status") role="status">{move || status.get()}</p>
            <p class="note">{i18n.tx(Key::TdmAdviceNote)}</p>
            <MarketChoice slug=slug />
        </section>
    }
}

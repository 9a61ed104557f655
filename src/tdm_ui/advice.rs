//! The dose advice table from the engine's recommendation, with "apply":
//! the regimen becomes the next rows of the dosing history.

use super::session::{Session, HORIZON_H};
use super::summary::{AUC_UNIT, CONC_UNIT};
use crate::format::{significant, tick};
use crate::i18n::{fill, use_i18n, Key};
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
                        <div class="table-wrap">
                            <table class="tdm-table stack advice" id=format!("{slug}-advice")>
                                <thead>
                                    <tr>
                                        <th>{i18n.t(Key::TdmColRegimen)}</th>
                                        <th>{i18n.t(Key::TdmColDose)}</th>
                                        <th>{i18n.t(Key::TdmColPredicted)}</th>
                                        <th>{i18n.t(Key::TdmColProbability)}</th>
                                        <th>{i18n.t(Key::TdmColMeets)}</th>
                                        <th></th>
                                    </tr>
                                </thead>
                                <tbody>
                                    {a.candidates.into_iter().map(|c| {
                                        let spec = session.spec.regimen(&c.regimen.label);
                                        let name = spec.map_or(c.regimen.label.clone(), |r| i18n.t(r.name).to_owned());
                                        let note = spec.and_then(|r| r.note).map(|k| i18n.t(k));
                                        let predicted = c
                                            .predicted
                                            .iter()
                                            .map(|(l, v)| {
                                                let unit = if l.starts_with("AUC") { AUC_UNIT } else { CONC_UNIT };
                                                format!("{l} {} {unit}", significant(*v, 3))
                                            })
                                            .collect::<Vec<_>>();
                                        let meets = format!(
                                            "{}{}",
                                            i18n.t(if c.meets_target { Key::TdmMeetsTarget } else { Key::TdmMissesTarget }),
                                            match c.meets_limit {
                                                Some(true) => format!(" / {}", i18n.t(Key::TdmMeetsLimit)),
                                                Some(false) => format!(" / {}", i18n.t(Key::TdmMissesLimit)),
                                                None => String::new(),
                                            }
                                        );
                                        let dose = fill(
                                            i18n.t(Key::TdmDosePer),
                                            &[("amount", &tick(c.dose.amount_mg)), ("capsules", &capsules(&c)), ("daily", &tick(c.daily_mg))],
                                        );
                                        let probability = c.probability_in_range.map_or("-".to_owned(), |p| format!("{:.0} %", p * 100.0));
                                        let candidate = c.clone();
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
                                </tbody>
                            </table>
                        </div>
                    }.into_any()
                }
            }}
        </section>
    }
}

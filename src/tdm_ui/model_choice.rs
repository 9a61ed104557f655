//! Model choice: the drug's built-in models, with citation, source
//! population and assay, and the patient's covariates checked against the
//! model's domain.

use super::assumed;
use super::field::Choice;
use super::session::Session;
use super::text::covariate;
use crate::format::{significant, tick};
use crate::i18n::{use_i18n, Key};
use dmip_engine::catalog::{builtin, CovariateIssue};
use leptos::prelude::*;

#[component]
pub fn ModelChoice(session: Session) -> impl IntoView {
    let i18n = use_i18n();
    let spec = session.spec;
    let slug = spec.slug;
    let chosen = RwSignal::new(session.drug.with_untracked(|d| spec.model_id(d).to_owned()));
    Effect::new(move |_| {
        let id = chosen.get();
        if session.drug.with_untracked(|d| spec.model_id(d) != id) {
            session.edit(|d| d.model_id = id);
        }
    });
    let options = Signal::derive(move || {
        spec.models
            .iter()
            .map(|id| {
                let name = builtin(id)
                    .and_then(Result::ok)
                    .map_or_else(|| (*id).to_owned(), |m| m.file.name);
                ((*id).to_owned(), name)
            })
            .collect()
    });
    let info = Memo::new(move |_| {
        session
            .prepared
            .with(|p| p.as_ref().ok().map(|(_, i)| i.clone()))
    });
    view! {
        <section class="panel" aria-labelledby=format!("{slug}-model-title")>
            <h3 id=format!("{slug}-model-title")>{i18n.tx(Key::TdmModelTitle)}</h3>
            <Choice id=format!("{slug}-model") label=Key::TdmModel options=options value=chosen />
            {move || info.get().map(|m| {
                let covs = m
                    .covariates
                    .iter()
                    .map(|(n, v, u)| format!("{n} {} {u}", significant(*v, 4)))
                    .collect::<Vec<_>>()
                    .join(", ");
                let products = m
                    .products
                    .iter()
                    .map(|(n, s)| format!("{n} ({} mg)", s.iter().map(|x| tick(*x)).collect::<Vec<_>>().join(", ")))
                    .collect::<Vec<_>>()
                    .join("; ");
                view! {
                    <dl class="model-info">
                        <dt>{i18n.t(Key::TdmCitation)}</dt>
                        <dd>{m.citation.clone()}</dd>
                        <dt>{i18n.t(Key::TdmPopulation)}</dt>
                        <dd>{m.population.clone()}</dd>
                        <dt>{i18n.t(Key::TdmAssay)}</dt>
                        <dd>{m.assay.clone().unwrap_or_else(|| "-".to_owned())}</dd>
                        <dt>{i18n.t(Key::TdmStrengths)}</dt>
                        <dd>{products}</dd>
                        <dt>{i18n.t(Key::TdmCovariatesUsed)}</dt>
                        <dd>{if covs.is_empty() { "-".to_owned() } else { covs }}</dd>
                    </dl>
                    <ul class="warnings" id=format!("{slug}-covariate-issues")>
                        {m.issues.iter().map(|i| {
                            // A missing covariate the results assumed: what was assumed, with its source.
                            let assumed = match i {
                                CovariateIssue::Missing { name, .. } => session.output.with(|o| {
                                    let a = o.as_ref().ok()?.assumptions.iter().find(|a| assumed::covariate_of(a) == name)?;
                                    Some(assumed::detail(i18n, spec, a))
                                }),
                                CovariateIssue::OutsideRange { .. } => None,
                            };
                            view! { <li>{assumed.unwrap_or_else(|| covariate(i18n, i))}</li> }
                        }).collect_view()}
                    </ul>
                }
            })}
        </section>
    }
}

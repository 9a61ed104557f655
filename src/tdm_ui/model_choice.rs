//! Model choice: the average of the drug's built-in models (the default;
//! LL or AIC weights) or one model pinned, each model with its citation,
//! source population and assay, and the patient's covariates checked
//! against the model's domain (with what was assumed for a missing one).

use super::assumed;
use super::average::assumptions_of;
use super::session::{ModelInfo, Session};
use super::text::covariate;
use crate::format::{significant, tick};
use crate::i18n::{fill, use_i18n, AvgKey, I18n, Key};
use crate::widgets::field::Choice;
use dmip_engine::catalog::{builtin, CovariateIssue};
use dmip_engine::estimate::Weighting;
use leptos::prelude::*;

/// The weighting as the select's value.
fn weighting_value(w: Weighting) -> &'static str {
    match w {
        Weighting::Ll => "ll",
        Weighting::Aic => "aic",
        Weighting::Evidence => "evidence",
    }
}

#[component]
pub fn ModelChoice(session: Session) -> impl IntoView {
    let i18n = use_i18n();
    let spec = session.spec;
    let slug = spec.slug;
    // "" = the average; else the pinned model.
    let chosen = RwSignal::new(
        session
            .drug
            .with_untracked(|d| spec.pinned(d).unwrap_or_default().to_owned()),
    );
    crate::widgets::follow(
        chosen,
        move || {
            session
                .drug
                .with(|d| spec.pinned(d).unwrap_or_default().to_owned())
        },
        move |id| session.edit(|d| d.model_id = id),
        |t| Some(t.to_owned()),
        String::clone,
    );
    // The record's choice, else the drug's default (AIC for tacrolimus).
    let catalogue = spec.catalogue();
    let weighting = RwSignal::new(
        session
            .drug
            .with_untracked(|d| weighting_value(catalogue.weighting(d)).to_owned()),
    );
    crate::widgets::follow(
        weighting,
        move || session.drug.with(|d| catalogue.weighting(d)),
        move |w| session.edit(|d| d.weighting = Some(w)),
        |t| {
            Some(match t {
                "aic" => Weighting::Aic,
                "evidence" => Weighting::Evidence,
                _ => Weighting::Ll,
            })
        },
        |w| weighting_value(*w).to_owned(),
    );
    let options = Signal::derive(move || {
        let mut all = vec![(String::new(), i18n.t(AvgKey::ChoiceAverage).to_owned())];
        all.extend(spec.models().iter().map(|id| {
            let name = builtin(id)
                .and_then(Result::ok)
                .map_or_else(|| (*id).to_owned(), |m| m.file.name);
            ((*id).to_owned(), name)
        }));
        all
    });
    // The evidence weighting (the CLI's, `--weights evidence`) is listed
    // only for a record that holds it (e.g. imported): the forecast
    // benchmark found it no better than AIC (BENCHMARKS.md).
    let weightings = Signal::derive(move || {
        let held = session.drug.with(|d| catalogue.weighting(d));
        [
            (Weighting::Ll, AvgKey::WeightingLl),
            (Weighting::Aic, AvgKey::WeightingAic),
            (Weighting::Evidence, AvgKey::WeightingEvidence),
        ]
        .into_iter()
        .filter(move |(w, _)| *w != Weighting::Evidence || held == Weighting::Evidence)
        .map(|(w, k)| {
            let name = i18n.t(k);
            let text = if w == catalogue.default_weighting {
                fill(i18n.t(AvgKey::WeightingDefault), &[("name", name)])
            } else {
                name.to_owned()
            };
            (weighting_value(w).to_owned(), text)
        })
        .collect()
    });
    let infos = Memo::new(move |_| {
        session
            .prepared
            .with(|p| p.as_ref().ok().map(|(_, i)| i.clone()))
            .unwrap_or_default()
    });
    view! {
        <section class="panel" aria-labelledby=format!("{slug}-model-title")>
            <h3 id=format!("{slug}-model-title")>{i18n.tx(Key::TdmModelTitle)}</h3>
            <Choice id=format!("{slug}-model") label=Key::TdmModel options=options value=chosen />
            {move || chosen.with(String::is_empty).then(|| view! {
                <Choice id=format!("{slug}-weighting") label=AvgKey::Weighting options=weightings value=weighting />
                <p class="note">{i18n.tx(AvgKey::WeightingNote)}</p>
                {(catalogue.default_weighting == Weighting::Aic)
                    .then(|| view! { <p class="note">{i18n.tx(AvgKey::WeightingWhyAic)}</p> })}
            })}
            {move || {
                let all = infos.get();
                let several = all.len() > 1;
                all.into_iter()
                    .enumerate()
                    .map(|(i, m)| model_view(i18n, session, m, i, several))
                    .collect_view()
            }}
        </section>
    }
}

/// One model's citation, population, assay, strengths, covariates and
/// covariate issues (with what the results assumed for a missing one).
fn model_view(
    i18n: I18n,
    session: Session,
    m: ModelInfo,
    index: usize,
    several: bool,
) -> impl IntoView {
    let spec = session.spec;
    let slug = spec.slug;
    let covs = m
        .covariates
        .iter()
        .map(|(n, v, u)| format!("{n} {} {u}", significant(*v, 4)))
        .collect::<Vec<_>>()
        .join(", ");
    let products = m
        .products
        .iter()
        .map(|(n, s)| {
            format!(
                "{n} ({} mg)",
                s.iter().map(|x| tick(*x)).collect::<Vec<_>>().join(", ")
            )
        })
        .collect::<Vec<_>>()
        .join("; ");
    // The first model's list keeps the plain id (one model pinned).
    let issues_id = if index == 0 {
        format!("{slug}-covariate-issues")
    } else {
        format!("{slug}-covariate-issues-{}", m.id)
    };
    let id = m.id;
    view! {
        {several.then(|| view! { <h4>{m.name.clone()}</h4> })}
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
        <ul class="warnings" id=issues_id>
            {m.issues.iter().map(|i| {
                // A missing covariate the results assumed: what was assumed, with its source.
                let assumed = match i {
                    CovariateIssue::Missing { name, .. } => session.output.with(|o| {
                        let a = assumptions_of(o.as_ref().ok()?, id)
                            .iter()
                            .find(|a| assumed::covariate_of(a) == name)?;
                        Some(assumed::detail(i18n, spec, a))
                    }),
                    CovariateIssue::OutsideRange { .. } => None,
                };
                view! { <li>{assumed.unwrap_or_else(|| covariate(i18n, i))}</li> }
            }).collect_view()}
        </ul>
    }
}

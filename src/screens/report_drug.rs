//! The report's section for one calcineurin inhibitor: doses with their
//! product, missed and late doses, levels, the co-medications that matter
//! (禁忌, level changes: the drug screen's headline sentences), the MAP
//! estimate with its warnings, the forecast plot and the dose advice; of a
//! model average, the weights table line by line.

use super::report::clock;
use super::report_popcheck::popcheck_section;
use crate::format::{percent, tick};
use crate::i18n::{fill, use_i18n, AvgKey, Key, Lang};
use crate::storage::capsule::input_with_draws;
use crate::storage::web::now_clock;
use crate::tdm_ui::market;
use crate::tdm_ui::LIVE_DRAWS;
use crate::tdm_ui::{
    average_report_lines, candidate_text, check_sentences, comed_report, comed_sentences,
    fit_warning, formulation_key, level_label, next_sample_key, next_sample_sentence, tdm_note,
    tdm_reason, weighting_text, DrugSpec, ForecastData, ForecastFigure, Reason,
};
use dmip_engine::catalog::builtin;
use dmip_engine::record::{DrugRecord, PatientRecord};
use dmip_engine::tdm::{compute, defaults, Drug, TdmError, TdmInput, TdmOutput};
use leptos::prelude::*;

/// What the report shows for a drug with a history.
struct Computed {
    /// The model's name; `None` for the average.
    model: Option<String>,
    /// Each model's citation (of an average: every model's, with its name).
    citation: String,
    input: TdmInput,
    output: Result<TdmOutput, TdmError>,
}

/// The engine's result for one drug; `None` where the record gives it no
/// input (no clock, no history).
fn engine_result(r: &PatientRecord, drug: Drug) -> Option<Computed> {
    // The screen's draws: the report prints the screen's percentages.
    let input = input_with_draws(drug, r, now_clock()?, LIVE_DRAWS, market::stored()).ok()?;
    let (model, citation) = match &input.average {
        Some(a) => {
            let each: Vec<String> = a
                .models
                .iter()
                .filter_map(|id| {
                    let def = builtin(id)?.ok()?;
                    Some(format!("{} — {}", def.file.name, def.file.citation))
                })
                .collect();
            (None, each.join(" / "))
        }
        None => {
            let def = builtin(&input.model_id)?.ok()?;
            (Some(def.file.name.clone()), def.file.citation.clone())
        }
    };
    Some(Computed {
        model,
        citation,
        output: compute(&input),
        input,
    })
}

fn dose_list(d: &DrugRecord, drug: Drug, lang: Lang) -> impl IntoView {
    let i18n = use_i18n();
    let spec = DrugSpec::of_drug(drug);
    d.doses
        .iter()
        .map(|r| {
            let when = clock(lang, &r.start);
            let every = match r.interval_h {
                Some(h) => fill(
                    i18n.t(Key::TdmEveryHoursTimes),
                    &[("hours", &tick(h)), ("count", &r.count.to_string())],
                ),
                None => i18n.t(Key::TdmSingleDose).to_owned(),
            };
            let product = i18n.t(formulation_key(spec.row_formulation(d, r)));
            view! { <li>{when}" — "{format!("{} mg · {every} · {product}", tick(r.amount_mg))}</li> }
        })
        .collect_view()
}

/// Missed and late doses; the ones matching no due dose are marked.
fn change_list(d: &DrugRecord, unmatched: &[usize], lang: Lang) -> impl IntoView {
    let i18n = use_i18n();
    let items = d
        .dose_changes
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let what = match &c.taken {
                None => i18n.t(Key::TdmChangeMissed).to_owned(),
                Some(t) => format!("{} {}", i18n.t(Key::TdmChangeTaken), clock(lang, t)),
            };
            let flag = unmatched
                .contains(&i)
                .then(|| view! { <strong>" — "{i18n.t(Key::TdmChangeNoDose)}</strong> });
            view! { <li>{clock(lang, &c.scheduled)}" — "{what}{flag}</li> }
        })
        .collect_view();
    (!d.dose_changes.is_empty()).then(|| {
        view! {
            <h4>{i18n.tx(Key::TdmChangesTitle)}</h4>
            <ul class="report-changes">{items}</ul>
        }
    })
}

fn level_list(d: &DrugRecord, lang: Lang) -> impl IntoView {
    let i18n = use_i18n();
    d.levels
        .iter()
        .map(|l| {
            let when = clock(lang, &l.sampled);
            let v = if l.blq {
                format!("< {} ng/mL", l.lloq_ng_ml.map(tick).unwrap_or_default())
            } else {
                l.value_ng_ml
                    .map(|x| format!("{} ng/mL", tick(x)))
                    .unwrap_or_else(|| "—".into())
            };
            view! { <li>{when}" — "{format!("{} {v}", level_label(i18n, l.label))}</li> }
        })
        .collect_view()
}

fn estimate_view(
    (input, o): (&TdmInput, &TdmOutput),
    spec: &DrugSpec,
    plot: ForecastData,
    slug: &str,
) -> impl IntoView {
    let i18n = use_i18n();
    let none = || i18n.t(Key::ReportNotRecorded).to_string();
    let fit = o.fit.as_ref().map(|f| {
        let shrinkage = i18n.t(Key::TdmColShrinkage);
        f.names
            .iter()
            .zip(&f.eta)
            .zip(f.shrinkage.iter().chain(std::iter::repeat(&None)))
            .map(|((n, e), s)| match s {
                Some(_) => format!("{n} = {e:.3} ({shrinkage} {})", percent(*s)),
                None => format!("{n} = {e:.3}"),
            })
            .collect::<Vec<_>>()
            .join(", ")
    });
    let warnings = o
        .fit
        .iter()
        .flat_map(|f| &f.warnings)
        .map(|w| view! { <li>{fit_warning(i18n, w)}</li> })
        .collect_view();
    let advice = match &o.advice {
        None => view! { <li>{none()}</li> }.into_any(),
        Some(a) => a
            .candidates
            .iter()
            .map(|c| {
                let t = candidate_text(i18n, spec, c, &o.daily_doses);
                view! {
                    <li>
                        <strong>{t.name}</strong>": "{t.dose}" — "{t.meets}
                        <br />{t.predicted.join(" · ")}
                        {format!(" · {} {}", i18n.t(Key::TdmColProbability), t.probability)}
                        {t.flags.into_iter().map(|f| view! { <br /><span class="daily-flag">{f}</span> }).collect_view()}
                    </li>
                }
            })
            .collect_view()
            .into_any(),
    };
    // Of an average, each model's defaults are under its line.
    let assumed = match &o.average {
        Some(_) => Vec::new(),
        None => crate::tdm_ui::assumed_sentences(i18n, *spec, &o.assumptions),
    }
    .into_iter()
    .map(|s| view! { <li>{s}</li> })
    .collect_view();
    // Of an average: the weights table, each model with its own notes, and
    // whose estimate is printed.
    let weights = average_report_lines(i18n, *spec, o)
        .into_iter()
        .map(|l| {
            let notes = (!l.notes.is_empty()).then(|| {
                let items = l
                    .notes
                    .into_iter()
                    .map(|n| view! { <li>{n}</li> })
                    .collect_view();
                view! { <ul class="report-model-notes">{items}</ul> }
            });
            view! { <li>{l.text}{notes}</li> }
        })
        .collect_view();
    let lead = o.average.as_ref().map(|a| {
        let name = builtin(&a.lead)
            .and_then(Result::ok)
            .map_or_else(|| a.lead.clone(), |d| d.file.name);
        fill(i18n.t(AvgKey::ReportEstimateOf), &[("model", &name)])
    });
    let check = check_sentences(i18n, *spec, o, &input.levels)
        .into_iter()
        .map(|s| view! { <li>{s}</li> })
        .collect_view();
    // Of an average, the notes each model printed under its line are not
    // printed again (the screen's are the heaviest model's).
    let notes = o.notes.iter().filter(|n| {
        o.average
            .as_ref()
            .is_none_or(|a| !a.models.iter().any(|m| m.notes.contains(n)))
    });
    let next_sample = o
        .next_sample
        .as_ref()
        .map(|ns| next_sample_sentence(i18n.t(next_sample_key(ns)), ns));
    view! {
        <ul class="report-weights" id=format!("report-{slug}-weights")>{weights}</ul>
        <ul class="report-assumptions">{assumed}</ul>
        <p>{i18n.tx(Key::ReportEstimate)}{lead}": "{fit.unwrap_or_else(none)}</p>
        <ul class="report-warnings">{warnings}</ul>
        <ForecastFigure data=plot id=format!("report-{slug}-plot") />
        <h4>{i18n.tx(Key::ReportAdvice)}</h4>
        <ul class="report-check" id=format!("report-{slug}-check")>{check}</ul>
        <ul class="report-advice">{advice}</ul>
        <p class="report-next-sample" id=format!("report-{slug}-next-sample")>{next_sample}</p>

        {notes.map(|n| view! { <p class="report-note">{tdm_note(i18n, n)}</p> }).collect_view()}
    }
}

/// The section of `drug` in the report of `r`.
pub(super) fn drug_section(r: &PatientRecord, drug: Drug, lang: Lang) -> impl IntoView {
    let i18n = use_i18n();
    let (d, title, slug) = match drug {
        Drug::Cyclosporine => (&r.cyclosporine, Key::ScreenCyclosporine, "csa"),
        Drug::Tacrolimus => (&r.tacrolimus, Key::ScreenTacrolimus, "tac"),
    };
    if d.doses.is_empty() && d.levels.is_empty() {
        return view! {
            <section class="report-drug">
                <h3>{i18n.tx(title)}</h3>
                <p>{i18n.tx(Key::ReportNotRecorded)}</p>
            </section>
        }
        .into_any();
    }
    let interactions = comed_sentences(i18n, &comed_report(r, drug));
    let interactions = (!interactions.is_empty()).then(|| {
        view! { <p class="report-interactions" id=format!("report-{slug}-interactions")>{interactions.join(i18n.sentence_gap())}</p> }
    });
    let computed = engine_result(r, drug);
    let model = match computed.as_ref() {
        None => i18n.t(Key::ReportDefaultModel).to_owned(),
        Some(Computed {
            model: Some(name), ..
        }) => name.clone(),
        Some(c) => {
            let weighting = c
                .output
                .as_ref()
                .ok()
                .and_then(|o| o.average.as_ref())
                .map_or("-", |a| weighting_text(i18n, a));
            fill(i18n.t(AvgKey::ReportModel), &[("weighting", weighting)])
        }
    };
    let citation = computed.as_ref().map(|c| c.citation.clone());
    // The models in use (the average's, or the one pinned); all without a
    // computation.
    let models: Option<Vec<String>> = computed.as_ref().map(|c| match &c.input.average {
        Some(a) => a.models.clone(),
        None => vec![c.input.model_id.clone()],
    });
    let popcheck = popcheck_section(&r.patient, drug, models.as_deref(), slug);
    let unmatched = computed
        .as_ref()
        .and_then(|c| c.output.as_ref().ok())
        .map(|o| o.unmatched_changes.clone())
        .unwrap_or_default();
    let aim = d.target.unwrap_or(defaults(drug).aim.range);
    let limit = d.limit.or(defaults(drug).limit.map(|l| l.range));
    let result = computed.map(|c| match c.output {
        Err(e) => {
            view! { <p class="report-note">{tdm_reason(i18n, &Reason::Engine(e))}</p> }.into_any()
        }
        Ok(o) => {
            let plot = ForecastData::of(&o, d, &aim, limit.as_ref());
            estimate_view((&c.input, &o), DrugSpec::of_drug(drug), plot, slug).into_any()
        }
    });
    view! {
        <section class="report-drug">
            <h3>{i18n.tx(title)}</h3>
            <p>{i18n.tx(Key::ReportModel)}": "{model}</p>
            <h4>{i18n.tx(Key::ReportDoses)}</h4>
            <ul>{dose_list(d, drug, lang)}</ul>
            {change_list(d, &unmatched, lang)}
            <h4>{i18n.tx(Key::ReportLevels)}</h4>
            <ul class="report-levels">{level_list(d, lang)}</ul>
            <p class="report-cite">{citation}</p>
            {interactions}
            {result}
            {popcheck}
            <p class="report-see">{i18n.tx(Key::ReportSeeScreen)}</p>
        </section>
    }
    .into_any()
}

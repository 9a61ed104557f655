//! The risk models on a date, as published model output: inputs used,
//! missing inputs (never guessed), result, what the pack cannot give, notes
//! and the citation.

use super::field::LabField;
use super::notes::{GapList, NoteList};
use super::text::{date_text, field_name, num, parse_date, today};
use crate::i18n::{fill, use_i18n, I18n, LabKey, Lang};
use crate::state::use_record;
use dmip_engine::clinical::risk::criteria::CriteriaResult;
use dmip_engine::clinical::risk::flair::FlairResult;
use dmip_engine::clinical::risk::{AntiMda5, InputValue, Model, ModelOutput};
use dmip_engine::clinical::units::Unit;
use dmip_engine::clinical::{ClinicalError, Field};
use dmip_engine::labs::latest::last_lab_date;
use dmip_engine::labs::risk_panel;
use dmip_engine::record::PatientRecord;
use dmip_engine::text::Words;
use leptos::prelude::*;

fn model_key(m: Model) -> LabKey {
    match m {
        Model::Flair => LabKey::ModelFlair,
        Model::Mck => LabKey::ModelMck,
        Model::Gono2010Ferritin => LabKey::ModelGono2010,
        Model::Gono2012 => LabKey::ModelGono2012,
        Model::Isoda2014 => LabKey::ModelIsoda,
    }
}

/// The unit of a model input as `RiskInputs` holds it (the analytes'
/// canonical units; A-aDO2 in mmHg).
fn input_unit(f: Field) -> &'static str {
    match f {
        Field::Lab(a) => a.canonical_unit().symbol(),
        Field::AaDo2 => Unit::MmHg.symbol(),
        _ => "",
    }
}

fn input_text(i18n: I18n, v: InputValue, f: Field) -> String {
    match v {
        InputValue::Number(x) => format!("{} {}", num(x), input_unit(f)),
        InputValue::Flag(b) => i18n.t(if b { LabKey::Yes } else { LabKey::No }).to_owned(),
        InputValue::AntiMda5(m) => match m {
            AntiMda5::Negative => i18n.t(LabKey::Mda5Negative).to_owned(),
            AntiMda5::Positive => i18n.t(LabKey::Mda5Positive).to_owned(),
            AntiMda5::Plus1 => "+".to_owned(),
            AntiMda5::Plus2 => "++".to_owned(),
            AntiMda5::Plus3 => "+++".to_owned(),
        },
    }
}

fn flair_lines(i18n: I18n, r: &FlairResult) -> Vec<String> {
    let lang = i18n.lang();
    let group = r.group.words(lang);
    let mut lines = vec![fill(
        i18n.t(LabKey::FlairTotal),
        &[("total", &r.total.to_string()), ("group", group)],
    )];
    lines.extend(r.items.iter().map(|i| {
        fill(
            i18n.t(LabKey::Points),
            &[
                ("field", field_name(lang, i.field)),
                ("points", &i.points.to_string()),
            ],
        )
    }));
    lines
}

fn criteria_lines(i18n: I18n, r: &CriteriaResult) -> Vec<String> {
    let lang = i18n.lang();
    let mut lines = vec![fill(
        i18n.t(LabKey::CriteriaMet),
        &[
            ("met", &r.met.to_string()),
            ("n", &r.criteria.len().to_string()),
        ],
    )];
    lines.extend(r.criteria.iter().map(|c| {
        let verdict = i18n.t(if c.met { LabKey::Met } else { LabKey::NotMet });
        fill(
            i18n.t(LabKey::CriterionLine),
            &[
                ("field", field_name(lang, c.criterion.field)),
                ("value", &num(c.value)),
                ("unit", c.criterion.unit.symbol()),
                ("cut", &num(c.criterion.cut_off)),
                ("verdict", verdict),
            ],
        )
    }));
    lines
}

fn card<R>(
    i18n: I18n,
    out: Result<ModelOutput<R>, ClinicalError>,
    lines: impl Fn(&R) -> Vec<String>,
) -> impl IntoView {
    let out = match out {
        Ok(o) => o,
        Err(e) => {
            let msg = fill(i18n.t(LabKey::ModelError), &[("error", &e.to_string())]);
            return view! { <article class="risk-card"><p class="field-error">{msg}</p></article> }
                .into_any();
        }
    };
    let lang = i18n.lang();
    let id = format!("risk-{:?}", out.model).to_lowercase();
    let used: Vec<String> = out
        .inputs_used
        .iter()
        .map(|u| {
            format!(
                "{} {}",
                field_name(lang, u.field),
                input_text(i18n, u.value, u.field)
            )
            .trim_end()
            .to_owned()
        })
        .collect();
    let missing: Vec<&str> = out
        .missing_inputs
        .iter()
        .map(|f| field_name(lang, *f))
        .collect();
    let label = out.label.words(lang);
    let result = out.result.as_ref().map(&lines).unwrap_or_default();
    view! {
        <article class="risk-card" id=id>
            <h4>{i18n.t(model_key(out.model))}</h4>
            <p class="risk-label">{label}</p>
            {(!missing.is_empty()).then(|| view! {
                <p class="risk-missing">{fill(i18n.t(LabKey::Missing), &[("fields", &missing.join(", "))])}</p>
            })}
            {(!used.is_empty()).then(|| view! {
                <p class="risk-used">{fill(i18n.t(LabKey::InputsUsed), &[("inputs", &used.join(", "))])}</p>
            })}
            <ul class="risk-result">{result.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
            <GapList gaps=out.unavailable.clone() />
            <NoteList notes=out.notes.clone() />
            <p class="risk-source"><cite>{format!("{}: {}", i18n.t(LabKey::SourceLabel), out.source.citation())}</cite></p>
        </article>
    }
    .into_any()
}

/// One line per model (for the report): its headline result, or what it
/// is missing, on the date of the last result.
pub(crate) fn summary_lines(i18n: I18n, record: &PatientRecord) -> Vec<String> {
    let date = last_lab_date(&record.labs).unwrap_or_else(today);
    let p = risk_panel(record, date);
    let lang = i18n.lang();
    fn line<R>(
        i18n: I18n,
        lang: Lang,
        model: Model,
        out: Result<ModelOutput<R>, ClinicalError>,
        headline: impl Fn(&R) -> Vec<String>,
    ) -> String {
        let text = match out {
            Err(e) => fill(i18n.t(LabKey::ModelError), &[("error", &e.to_string())]),
            Ok(o) => match o
                .result
                .as_ref()
                .map(&headline)
                .and_then(|l| l.into_iter().next())
            {
                Some(first) => first,
                None => {
                    let missing: Vec<&str> = o
                        .missing_inputs
                        .iter()
                        .map(|f| field_name(lang, *f))
                        .collect();
                    fill(i18n.t(LabKey::Missing), &[("fields", &missing.join(", "))])
                }
            },
        };
        format!("{}: {text}", i18n.t(model_key(model)))
    }
    let mut lines = vec![line(i18n, lang, Model::Flair, p.flair, |r| {
        flair_lines(i18n, r)
    })];
    let models = [
        Model::Mck,
        Model::Gono2010Ferritin,
        Model::Gono2012,
        Model::Isoda2014,
    ];
    lines.extend(
        models
            .into_iter()
            .zip(p.criteria)
            .map(|(m, c)| line(i18n, lang, m, c, |r| criteria_lines(i18n, r))),
    );
    lines
}

#[component]
pub fn RiskModels() -> impl IntoView {
    let i18n = use_i18n();
    let record = use_record().record;
    let as_of = RwSignal::new(String::new());
    let date = Memo::new(move |_| {
        parse_date(&as_of.read())
            .or_else(|| record.with(|r| last_lab_date(&r.labs)))
            .unwrap_or_else(today)
    });
    let panel = Memo::new(move |_| record.with(|r| risk_panel(r, date.get())));
    let cards = move || {
        let p = panel.get();
        let mut views = vec![card(i18n, p.flair, |r| flair_lines(i18n, r)).into_any()];
        views.extend(
            p.criteria
                .into_iter()
                .map(|c| card(i18n, c, |r| criteria_lines(i18n, r)).into_any()),
        );
        views
    };
    view! {
        <section class="panel" id="risk-models" aria-labelledby="risk-title">
            <h3 id="risk-title">{i18n.tx(LabKey::RiskTitle)}</h3>
            <div class="fields">
                <LabField
                    id="risk-date"
                    kind="date"
                    label=Signal::derive(move || i18n.t(LabKey::RiskAsOf).to_owned())
                    unit=Signal::derive(move || date_text(date.get()))
                    value=as_of
                    error=Signal::derive(|| None::<String>)
                />
            </div>
            <p class="note">{i18n.tx(LabKey::RiskAsOfHint)}</p>
            <div class="risk-cards">{cards}</div>
        </section>
    }
}

//! Compact entry of the safety results (creatinine, potassium, blood
//! pressure, glucose, HbA1c, AST/ALT) into `record.labs`, shared with the
//! Biomarkers screen; the list of those results with Delete. The engine
//! refuses impossible values and suggests a unit for a probable mix-up.

use super::text;
use crate::format::parse_number;
use crate::i18n::{use_i18n, SafetyKey};
use crate::state::use_record;
use crate::tdm_ui::{Choice, Field};
use crate::widgets::data_table;
use dmip_engine::clinical::adverse::{parse_date, validate_value, CHECKED};
use dmip_engine::clinical::analyte::Analyte;
use dmip_engine::clinical::biomarkers::LabResult;
use dmip_engine::clinical::units::Unit;
use dmip_engine::clinical::ClinicalError;
use leptos::prelude::*;

fn analyte_of(slug: &str) -> Analyte {
    CHECKED
        .iter()
        .map(|(a, _)| *a)
        .find(|a| a.en() == slug)
        .unwrap_or(Analyte::Creatinine)
}

fn unit_of(a: Analyte, symbol: &str) -> Unit {
    a.units()
        .iter()
        .copied()
        .find(|u| u.symbol() == symbol)
        .unwrap_or_else(|| a.canonical_unit())
}

#[component]
pub fn ResultEntry() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_record();
    let analyte = RwSignal::new(Analyte::Creatinine.en().to_owned());
    let unit = RwSignal::new(Analyte::Creatinine.canonical_unit().symbol().to_owned());
    let date = RwSignal::new(String::new());
    let value = RwSignal::new(String::new());
    let attempted = RwSignal::new(false);
    let chosen = Memo::new(move |_| analyte.with(|s| analyte_of(s)));
    Effect::new(move |prev: Option<Analyte>| {
        let a = chosen.get();
        if prev.is_some_and(|p| p != a) {
            unit.set(a.canonical_unit().symbol().to_owned());
        }
        a
    });
    let checked = Memo::new(move |_| {
        let a = chosen.get();
        let u = unit.with(|s| unit_of(a, s));
        value.with(|v| validate_value(a, parse_number(v), u))
    });
    let day = Memo::new(move |_| date.with(|d| parse_date(d)));
    let shown = move |e: Option<ClinicalError>, typed: RwSignal<String>| {
        let blank = typed.with(|t| t.trim().is_empty());
        e.filter(|_| attempted.get() || !blank)
            .map(|e| text::error(&e, &typed.get(), i18n.lang()))
    };
    let value_error = Signal::derive(move || shown(checked.get().err(), value));
    let date_error =
        Signal::derive(move || shown(day.get().err(), date).filter(|_| attempted.get()));
    let suggestion = move || {
        checked
            .get()
            .ok()
            .flatten()
            .map(|s| dmip_engine::text::Say::say(&s, i18n.lang()))
    };
    let suggested_unit = move || checked.get().ok().flatten().map(|s| s.suggested_unit);
    let analytes = Signal::derive(move || {
        CHECKED
            .iter()
            .map(|(a, _)| (a.en().to_owned(), text::analyte(*a, i18n.lang()).to_owned()))
            .collect::<Vec<_>>()
    });
    let units = Signal::derive(move || {
        chosen
            .get()
            .units()
            .iter()
            .map(|u| (u.symbol().to_owned(), u.symbol().to_owned()))
            .collect::<Vec<_>>()
    });
    let add = move |_| {
        attempted.set(true);
        let a = chosen.get_untracked();
        if let (Ok(_), Ok(d)) = (checked.get_untracked(), day.get_untracked()) {
            let r = LabResult {
                analyte: a,
                date: d,
                value: parse_number(&value.get_untracked()),
                unit: unit.with_untracked(|s| unit_of(a, s)),
                assay: None,
            };
            state.record.update(|rec| rec.labs.push(r));
            value.set(String::new());
            attempted.set(false);
        }
    };
    view! {
        <div class="fields safety-entry">
            <Choice id="safety-lab-analyte".to_owned() label=SafetyKey::Analyte options=analytes value=analyte />
            <Field id="safety-lab-date".to_owned() label=SafetyKey::Date kind="date" value=date error=date_error />
            <Field id="safety-lab-value".to_owned() label=SafetyKey::Value value=value error=value_error />
            <Choice id="safety-lab-unit".to_owned() label=SafetyKey::Unit options=units value=unit />
        </div>
        <Show when=move || suggested_unit().is_some()>
            <p class="safety-suggestion" id="safety-lab-suggestion" role="status">
                {suggestion} " "
                <button
                    type="button"
                    class="small"
                    id="safety-lab-use-suggested"
                    on:click=move |_| {
                        if let Some(u) = suggested_unit() {
                            unit.set(u.symbol().to_owned());
                        }
                    }
                >
                    {i18n.tx(SafetyKey::UseSuggested)}
                    " "
                    {move || suggested_unit().map(|u| u.symbol())}
                </button>
            </p>
        </Show>
        <button type="button" class="primary" id="safety-lab-add" on:click=add>
            {i18n.tx(SafetyKey::AddResult)}
        </button>
    }
}

/// The safety results in the record, newest first, each with Delete.
#[component]
pub fn ResultList() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_record();
    let rows = Memo::new(move |_| {
        state.record.with(|r| {
            let mut rows: Vec<(usize, LabResult)> = r
                .labs
                .iter()
                .cloned()
                .enumerate()
                .filter(|(_, l)| CHECKED.iter().any(|(a, _)| *a == l.analyte))
                .collect();
            rows.sort_by_key(|r| std::cmp::Reverse(r.1.date));
            rows
        })
    });
    let delete = move |i: usize| {
        state.record.update(|r| {
            if i < r.labs.len() {
                r.labs.remove(i);
            }
        })
    };
    view! {
        {data_table(
            "safety-lab-table",
            "tdm-table",
            &[SafetyKey::Date, SafetyKey::Analyte, SafetyKey::Value],
            1,
            view! {
                {move || {
                    rows.get()
                        .into_iter()
                        .map(|(i, l)| {
                            view! {
                                <tr>
                                    <td>{l.date.to_string()}</td>
                                    <td>{text::analyte(l.analyte, i18n.lang())}</td>
                                    <td>{crate::format::tick(l.value)} " " {l.unit.symbol()}</td>
                                    <td>
                                        <button type="button" class="small danger" on:click=move |_| delete(i)>
                                            {i18n.t(SafetyKey::Remove)}
                                        </button>
                                    </td>
                                </tr>
                            }
                        })
                        .collect_view()
                }}
            },
        )}
    }
}

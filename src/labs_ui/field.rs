//! Labelled inputs of the labs forms: the text as typed stays (even when
//! invalid), the unit follows the input, the message is below it; and the
//! number check shared by the forms (engine rules, messages in the UI
//! language).

use crate::format::{parse_number, tick};
use crate::i18n::{fill, I18n, LabKey};
use dmip_engine::clinical::analyte::Analyte;
use dmip_engine::clinical::units::{Unit, UnitSuggestion};
use dmip_engine::clinical::ClinicalError;
use dmip_engine::labs::check_entry;
use leptos::prelude::*;

/// A labelled text input (`kind` = `text` gets a decimal keypad).
#[component]
pub fn LabField(
    id: &'static str,
    #[prop(into)] label: Signal<String>,
    #[prop(into, optional)] unit: Signal<String>,
    #[prop(default = "text")] kind: &'static str,
    value: RwSignal<String>,
    #[prop(into)] error: Signal<Option<String>>,
) -> impl IntoView {
    let error_id = format!("{id}-error");
    let mode = (kind == "text").then_some("decimal");
    view! {
        <div class="field">
            <label for=id>{move || label.get()}</label>
            <div class="field-input">
                <input
                    id=id
                    type=kind
                    inputmode=mode
                    autocomplete="off"
                    prop:value=move || value.get()
                    on:input=move |ev| value.set(event_target_value(&ev))
                    on:change=move |ev| value.set(event_target_value(&ev))
                    aria-invalid=move || if error.with(Option::is_some) { "true" } else { "false" }
                    aria-describedby=error_id.clone()
                />
                <span class="unit">{move || unit.get()}</span>
            </div>
            <p class="field-error" id=error_id aria-live="polite">
                {move || error.get()}
            </p>
        </div>
    }
}

/// A labelled `<select>` of (value, text) options.
#[component]
pub fn LabSelect(
    id: &'static str,
    #[prop(into)] label: Signal<String>,
    #[prop(into)] options: Signal<Vec<(String, String)>>,
    value: RwSignal<String>,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id>{move || label.get()}</label>
            <div class="field-input">
                <select
                    id=id
                    prop:value=move || value.get()
                    on:change=move |ev| value.set(event_target_value(&ev))
                >
                    {move || {
                        options
                            .get()
                            .into_iter()
                            .map(|(v, text)| {
                                let selected = value.get_untracked() == v;
                                view! { <option value=v selected=selected>{text}</option> }
                            })
                            .collect_view()
                    }}
                </select>
            </div>
        </div>
    }
}

/// What a typed value is: empty, a number (with a unit mix-up suggestion
/// when the engine sees one), or the message why it cannot be stored.
#[derive(Clone, Debug, PartialEq)]
pub enum Checked {
    Empty,
    Ok(f64, Option<UnitSuggestion>),
    Bad(String),
}

/// Checks `text` as a value of `analyte` in `unit` (engine: impossible
/// values, plausibility); messages in the UI language.
pub fn check_value(i18n: I18n, analyte: Analyte, unit: Unit, text: &str) -> Checked {
    if text.trim().is_empty() {
        return Checked::Empty;
    }
    let v = parse_number(text);
    let typed = text.trim();
    if !v.is_finite() {
        return Checked::Bad(fill(i18n.t(LabKey::ErrNumber), &[("value", typed)]));
    }
    match check_entry(analyte, v, unit) {
        Ok(s) => Checked::Ok(v, s),
        Err(ClinicalError::Negative { .. }) => {
            Checked::Bad(fill(i18n.t(LabKey::ErrNegative), &[("value", typed)]))
        }
        Err(ClinicalError::OutOfRange { min, max, .. }) => Checked::Bad(fill(
            i18n.t(LabKey::ErrRange),
            &[("value", typed), ("min", &tick(min)), ("max", &tick(max))],
        )),
        Err(e) => Checked::Bad(fill(i18n.t(LabKey::ErrOther), &[("error", &e.to_string())])),
    }
}

impl Checked {
    pub fn error(&self) -> Option<String> {
        match self {
            Checked::Bad(m) => Some(m.clone()),
            _ => None,
        }
    }

    pub fn value(&self) -> Option<f64> {
        match self {
            Checked::Ok(v, _) => Some(*v),
            _ => None,
        }
    }
}

//! Form fields of the TDM screens: the text as typed stays in the field
//! (even when invalid); the message is shown next to it.

use crate::i18n::{use_i18n, Key, Text};
use leptos::prelude::*;

/// A unit shown after a field: a symbol, or a word in the UI language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    Symbol(&'static str),
    Word(Key),
}

/// A labelled input. `kind` is the input type (`text`, `datetime-local`);
/// text inputs get `inputmode="decimal"`, or hold words (names, class
/// `text`, no decimal keyboard) with `words`. `unit` is shown after it.
/// The label is a key of any translation table.
#[component]
pub fn Field<L: Text + Send + Sync + 'static>(
    id: String,
    label: L,
    #[prop(default = Unit::Symbol(""))] unit: Unit,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional)] words: bool,
    value: RwSignal<String>,
    #[prop(into)] error: Signal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let error_id = format!("{id}-error");
    let mode = (kind == "text" && !words).then_some("decimal");
    view! {
        <div class="field">
            <label for=id.clone()>{move || i18n.t(label)}</label>
            <div class="field-input">
                <input
                    id=id
                    type=kind
                    class=words.then_some("text")
                    inputmode=mode
                    autocomplete="off"
                    prop:value=move || value.get()
                    on:input=move |ev| value.set(event_target_value(&ev))
                    on:change=move |ev| value.set(event_target_value(&ev))
                    aria-invalid=move || if error.with(Option::is_some) { "true" } else { "false" }
                    aria-describedby=error_id.clone()
                />
                <span class="unit">
                    {move || match unit {
                        Unit::Symbol(s) => s,
                        Unit::Word(k) => i18n.t(k),
                    }}
                </span>
            </div>
            <p class="field-error" id=error_id aria-live="polite">
                {move || error.get()}
            </p>
        </div>
    }
}

/// A labelled `<select>` of `(value, text)` options.
#[component]
pub fn Choice<L: Text + Send + Sync + 'static>(
    id: String,
    label: L,
    /// (value, text key or literal text) of each option.
    options: Signal<Vec<(String, String)>>,
    value: RwSignal<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="field">
            <label for=id.clone()>{move || i18n.t(label)}</label>
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
                                view! {
                                    <option value=v selected=selected>
                                        {text}
                                    </option>
                                }
                            })
                            .collect_view()
                    }}
                </select>
            </div>
        </div>
    }
}

/// The message for a number typed in a field: none when empty or a
/// number at least `min`.
pub fn number_error(i18n: crate::i18n::I18n, text: &str, min: f64) -> Option<String> {
    if text.trim().is_empty() {
        return None;
    }
    let v = crate::format::parse_number(text);
    if !v.is_finite() {
        Some(crate::i18n::fill(
            i18n.t(Key::TdmErrNotNumber),
            &[("value", text.trim())],
        ))
    } else if v < min {
        Some(crate::i18n::fill(
            i18n.t(Key::TdmErrBelowMin),
            &[("value", text.trim()), ("min", &crate::format::tick(min))],
        ))
    } else {
        None
    }
}

/// The number typed, when valid (see [`number_error`]).
pub fn number_value(text: &str, min: f64) -> Option<f64> {
    let v = crate::format::parse_number(text);
    (v.is_finite() && v >= min).then_some(v)
}

/// The Edit and Delete buttons of a table row.
#[component]
pub fn RowActions(
    #[prop(into)] on_edit: Callback<()>,
    #[prop(into)] on_delete: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <td class="row-actions">
            <button type="button" class="small" on:click=move |_| on_edit.run(())>
                {i18n.t(Key::TdmEdit)}
            </button>
            <button type="button" class="small danger" on:click=move |_| on_delete.run(())>
                {i18n.t(Key::TdmDelete)}
            </button>
        </td>
    }
}

//! A labelled number input with its unit and its error message.

use crate::i18n::{use_i18n, Key};
use leptos::prelude::*;

/// A text input for a number (`inputmode="decimal"`), so that whatever the
/// user typed stays visible, even when it is not a valid number.
#[component]
pub fn NumberField(
    /// Element id; also names the error element `{id}-error`.
    id: &'static str,
    /// Label text.
    label: Key,
    /// Unit shown after the input.
    unit: Key,
    /// The text as typed.
    value: RwSignal<String>,
    /// The error message for this field, if any.
    #[prop(into)]
    error: Signal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let error_id = format!("{id}-error");
    view! {
        <div class="field">
            <label for=id>{i18n.tx(label)}</label>
            <div class="field-input">
                <input
                    id=id
                    type="text"
                    inputmode="decimal"
                    autocomplete="off"
                    prop:value=move || value.get()
                    on:input=move |ev| value.set(event_target_value(&ev))
                    aria-invalid=move || if error.with(Option::is_some) { "true" } else { "false" }
                    aria-describedby=error_id.clone()
                />
                <span class="unit">{i18n.tx(unit)}</span>
            </div>
            <p class="field-error" id=error_id aria-live="polite">
                {move || error.get()}
            </p>
        </div>
    }
}

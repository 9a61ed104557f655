//! An input inside its `<label>` (the records screens' compact layout):
//! a text or passphrase box bound to a signal, and a file picker.

use crate::i18n::{use_i18n, Key};
use leptos::ev::Event;
use leptos::prelude::*;

/// A text box (`kind` "text" or "password") holding `value`.
#[component]
pub fn LabelledBox(
    label: Key,
    id: &'static str,
    #[prop(default = "text")] kind: &'static str,
    /// The browser's autofill hint ("off", "new-password", …).
    #[prop(default = "off")]
    autocomplete: &'static str,
    #[prop(optional)] placeholder: Option<&'static str>,
    value: RwSignal<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <label>
            {i18n.tx(label)}
            <input type=kind id=id autocomplete=autocomplete placeholder=placeholder
                prop:value=move || value.get()
                on:input=move |e| value.set(event_target_value(&e)) />
        </label>
    }
}

/// A file picker; `on_change` gets the input's change event.
#[component]
pub fn FilePicker(
    label: Key,
    id: &'static str,
    /// Accepted types (`.json,application/json`).
    accept: &'static str,
    on_change: impl Fn(Event) + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <label>
            {i18n.tx(label)}
            <input type="file" id=id accept=accept on:change=on_change />
        </label>
    }
}

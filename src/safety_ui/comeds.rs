//! The co-medication list: add by typing (Enter or the button; names the
//! interaction table knows are suggested), remove with its button. The list
//! is `patient.comedications`, the same the Patient form edits.

use crate::i18n::{fill, use_i18n, SafetyKey};
use crate::state::use_record;
use dmip_engine::clinical::interactions::known_names;
use leptos::prelude::*;

/// Why a name cannot be added.
fn refusal(name: &str, list: &[String]) -> Option<SafetyKey> {
    if name.is_empty() {
        Some(SafetyKey::ComedEmpty)
    } else if list.iter().any(|m| m.eq_ignore_ascii_case(name)) {
        Some(SafetyKey::ComedDuplicate)
    } else {
        None
    }
}

#[component]
pub fn CoMedications() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_record();
    let typed = RwSignal::new(String::new());
    let refused = RwSignal::new(None::<(SafetyKey, String)>);
    let list = Memo::new(move |_| state.record.with(|r| r.patient.comedications.clone()));
    let add = move || {
        let text = typed.get_untracked();
        let name = text.trim().to_owned();
        match list.with_untracked(|l| refusal(&name, l)) {
            Some(key) => refused.set(Some((key, name))),
            None => {
                state.record.update(|r| r.patient.comedications.push(name));
                typed.set(String::new());
                refused.set(None);
            }
        }
    };
    let remove = move |i: usize| {
        state.record.update(|r| {
            if i < r.patient.comedications.len() {
                r.patient.comedications.remove(i);
            }
        })
    };
    let names = known_names();
    view! {
        <div class="safety-comeds">
            <div class="field safety-comed-field">
                <label for="safety-comed-input">{i18n.tx(SafetyKey::ComedAdd)}</label>
                <div class="field-input">
                    <input
                        id="safety-comed-input"
                        type="text"
                        list="safety-comed-names"
                        autocomplete="off"
                        prop:value=move || typed.get()
                        on:input=move |ev| typed.set(event_target_value(&ev))
                        on:keydown=move |ev| {
                            if ev.key() == "Enter" {
                                ev.prevent_default();
                                add();
                            }
                        }
                        aria-invalid=move || if refused.with(Option::is_some) { "true" } else { "false" }
                        aria-describedby="safety-comed-error"
                    />
                    <button type="button" id="safety-comed-add" on:click=move |_| add()>
                        {i18n.tx(SafetyKey::Add)}
                    </button>
                </div>
                <p class="field-error" id="safety-comed-error" aria-live="polite">
                    {move || refused.get().map(|(k, name)| fill(i18n.t(k), &[("name", &name)]))}
                </p>
                <datalist id="safety-comed-names">
                    {names.into_iter().map(|n| view! { <option value=n></option> }).collect_view()}
                </datalist>
            </div>
            <p class="note">{i18n.tx(SafetyKey::ComedHint)}</p>
            <ul id="safety-comed-list" class="safety-comed-list">
                {move || {
                    list.get()
                        .into_iter()
                        .enumerate()
                        .map(|(i, name)| {
                            let label = fill(i18n.t(SafetyKey::ComedRemove), &[("name", &name)]);
                            view! {
                                <li>
                                    <span class="safety-comed-name">{name}</span>
                                    <button type="button" class="small danger" aria-label=label on:click=move |_| remove(i)>
                                        {i18n.t(SafetyKey::Remove)}
                                    </button>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
            <Show when=move || list.with(Vec::is_empty)>
                <p class="note" id="safety-comed-none">{i18n.tx(SafetyKey::ComedNone)}</p>
            </Show>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_and_duplicate_names_are_refused() {
        let list = vec!["Rosuvastatin".to_owned()];
        assert_eq!(refusal("", &list), Some(SafetyKey::ComedEmpty));
        assert_eq!(
            refusal("rosuvastatin", &list),
            Some(SafetyKey::ComedDuplicate)
        );
        assert_eq!(refusal("fluconazole", &list), None);
    }
}

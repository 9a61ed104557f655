//! A `<select>` bound to a value of the open record through its text form
//! (the Patient form and the disease profile): the choice is written to
//! the record when it differs, so opening a screen writes nothing; a
//! choice changed elsewhere (another tab's save) is shown.

use super::field::Choice;
use crate::i18n::{use_i18n, Text};
use crate::state::use_record;
use dmip_engine::record::PatientRecord;
use leptos::prelude::*;

/// `(form value, label key)` options; `get` reads the record's value as a
/// form value, `set` writes one back.
pub fn bound_choice<K: Text + Send + Sync + 'static>(
    id: &'static str,
    label: K,
    options: &'static [(&'static str, K)],
    get: impl Fn(&PatientRecord) -> &'static str + Copy + Send + Sync + 'static,
    set: impl Fn(&mut PatientRecord, &str) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_record();
    let raw = RwSignal::new(state.record.with_untracked(|r| get(r).to_owned()));
    super::follow(
        raw,
        move || state.record.with(|r| get(r).to_owned()),
        move |v: String| state.record.update(|r| set(r, &v)),
        |t| Some(t.to_owned()),
        String::clone,
    );
    let options = Signal::derive(move || {
        options
            .iter()
            .map(|(v, k)| ((*v).to_owned(), i18n.t(*k).to_owned()))
            .collect()
    });
    view! { <Choice id=id.to_owned() label=label options=options value=raw /> }
}

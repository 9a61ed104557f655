//! The Safety screen's parts (issue 9 item 7): the co-medication list and
//! its interaction tables, the adverse-event checks, and the entry of the
//! results they read. `session.rs` is the one memo calling the engine;
//! `text.rs` puts engine values in the UI language.

mod checks;
mod comeds;
mod entry;
mod interactions;
mod session;
mod text;

use crate::i18n::{use_i18n, SafetyKey};
use leptos::prelude::*;

/// Everything the Safety screen shows.
#[component]
pub fn SafetyPanels() -> impl IntoView {
    let i18n = use_i18n();
    let safety = session::safety_memo();
    view! {
        <section class="panel safety-panel" aria-labelledby="safety-int-title">
            <h3 id="safety-int-title">{i18n.tx(SafetyKey::InteractionsTitle)}</h3>
            <comeds::CoMedications />
            <interactions::InteractionTables safety=safety />
        </section>
        <section class="panel safety-panel" aria-labelledby="safety-ae-title">
            <h3 id="safety-ae-title">{i18n.tx(SafetyKey::AdverseTitle)}</h3>
            <p class="note">{i18n.tx(SafetyKey::AdverseNote)}</p>
            <entry::ResultEntry />
            <checks::AdverseChecks safety=safety />
            <h4>{i18n.tx(SafetyKey::ResultsTitle)}</h4>
            <entry::ResultList />
        </section>
    }
}

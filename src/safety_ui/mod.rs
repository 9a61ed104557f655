//! The Safety screen's parts: the co-medication list and its interaction
//! tables (also shown in the report), the adverse-event checks, and the entry of the
//! results they read. `session.rs` is the one memo calling the engine;
//! `text.rs` puts engine values in the UI language.

mod checks;
mod comeds;
mod entry;
mod interactions;
mod session;
mod text;

pub(crate) use interactions::report_view as interaction_table;
pub(crate) use text::comedication as comedication_text;
pub(crate) use text::not_checked as not_checked_text;
#[cfg(test)]
pub(crate) use text::{gap as gap_text, note as note_text};

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

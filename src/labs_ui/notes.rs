//! A list of the engine's notes, each with its citation, and of the items
//! the pack cannot give, each with its reason.

use super::text::{gap_text, note_text};
use crate::i18n::{use_i18n, LabKey};
use dmip_engine::clinical::notes::Note;
use dmip_engine::clinical::Gap;
use leptos::prelude::*;

#[component]
pub fn NoteList(notes: Vec<Note>) -> impl IntoView {
    let i18n = use_i18n();
    (!notes.is_empty()).then(|| {
        view! {
            <ul class="lab-notes" aria-label=i18n.tx(LabKey::Notes)>
                {notes
                    .into_iter()
                    .map(|n| view! {
                        <li>
                            {move || note_text(i18n.lang(), n)}
                            " "
                            <cite>{move || format!("({}: {})", i18n.t(LabKey::SourceLabel), n.source().citation())}</cite>
                        </li>
                    })
                    .collect_view()}
            </ul>
        }
    })
}

#[component]
pub fn GapList(gaps: Vec<Gap>) -> impl IntoView {
    let i18n = use_i18n();
    (!gaps.is_empty()).then(|| {
        view! {
            <div class="lab-gaps">
                <strong>{i18n.tx(LabKey::NotAvailable)}</strong>
                <ul>
                    {gaps
                        .into_iter()
                        .map(|g| view! { <li>{move || gap_text(i18n.lang(), g)}</li> })
                        .collect_view()}
                </ul>
            </div>
        }
    })
}

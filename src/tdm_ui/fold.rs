//! The drug screen's fold: what the clinician came for stays on top (the
//! headline, the new level, the advice, the plot); history, targets, AUCs,
//! the estimate, the next days and the model sit in one fold below, one
//! tap away. Open or closed is a setting of this browser once the user
//! chooses; until then it opens unless a phone opens a record that already
//! has levels (the bedside case).

use super::market::storage;
use super::session::Session;
use crate::i18n::{use_i18n, Key};
use leptos::prelude::*;

const STORAGE_KEY: &str = "dmip.details";

/// The user's choice, if any.
fn stored() -> Option<bool> {
    match storage()?.get_item(STORAGE_KEY).ok()??.as_str() {
        "open" => Some(true),
        "closed" => Some(false),
        _ => None,
    }
}

fn store(open: bool) {
    if let Some(s) = storage() {
        // A refused write keeps the choice for this page only.
        let _ = s.set_item(STORAGE_KEY, if open { "open" } else { "closed" });
    }
}

/// Narrower than 40rem at 16 px (the layout's phone width).
fn phone() -> bool {
    web_sys::window()
        .and_then(|w| w.inner_width().ok()?.as_f64())
        .is_some_and(|w| w < 640.0)
}

#[component]
pub fn Fold(session: Session, children: Children) -> impl IntoView {
    let i18n = use_i18n();
    let slug = session.spec.slug;
    let has_levels = session.drug.with_untracked(|d| !d.levels.is_empty());
    let open = RwSignal::new(stored().unwrap_or(!(phone() && has_levels)));
    // The summary's click (or Enter, Space) toggles the fold: the new
    // state is the user's choice.
    let chosen = move |_| {
        open.update(|o| *o = !*o);
        store(open.get_untracked());
    };
    view! {
        <details class="fold" id=format!("{slug}-details") open=open.get_untracked()>
            <summary id=format!("{slug}-details-toggle") on:click=chosen>{i18n.tx(Key::TdmDetailsSummary)}</summary>
            {children()}
        </details>
    }
}

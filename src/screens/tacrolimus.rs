//! Tacrolimus: doses, levels, model, estimate, advice (to be built).

use super::{Planned, Screen, ScreenFrame};
use crate::i18n::Key;
use leptos::prelude::*;

#[component]
pub fn TacrolimusScreen() -> impl IntoView {
    view! {
        <ScreenFrame screen=Screen::Tacrolimus>
            <Planned summary=Key::PlannedTacrolimus />
        </ScreenFrame>
    }
}

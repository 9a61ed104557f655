//! Cyclosporine: doses, levels, model, estimate, advice (to be built); for
//! now it hosts the concentration–time demo panel.

use super::{Planned, Screen, ScreenFrame};
use crate::i18n::Key;
use crate::panels::ConcentrationDemo;
use leptos::prelude::*;

#[component]
pub fn CyclosporineScreen() -> impl IntoView {
    view! {
        <ScreenFrame screen=Screen::Cyclosporine>
            <Planned summary=Key::PlannedCyclosporine />
            <ConcentrationDemo />
        </ScreenFrame>
    }
}

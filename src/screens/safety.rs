//! Safety: co-medications against the interaction table, adverse-event
//! checks (the views are in `safety_ui`).

use super::{Screen, ScreenFrame};
use crate::safety_ui::SafetyPanels;
use leptos::prelude::*;

#[component]
pub fn SafetyScreen() -> impl IntoView {
    view! {
        <ScreenFrame screen=Screen::Safety>
            <SafetyPanels />
        </ScreenFrame>
    }
}

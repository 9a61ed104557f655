//! Safety: interactions and adverse-event trends (to be built).

use super::{Planned, Screen, ScreenFrame};
use crate::i18n::Key;
use leptos::prelude::*;

#[component]
pub fn SafetyScreen() -> impl IntoView {
    view! {
        <ScreenFrame screen=Screen::Safety>
            <Planned summary=Key::PlannedSafety />
        </ScreenFrame>
    }
}

//! Cyclophosphamide IV pulse: doses, cumulative dose, nadir (to be built).

use super::{Planned, Screen, ScreenFrame};
use crate::i18n::Key;
use leptos::prelude::*;

#[component]
pub fn CyclophosphamideScreen() -> impl IntoView {
    view! {
        <ScreenFrame screen=Screen::Cyclophosphamide>
            <Planned summary=Key::PlannedCyclophosphamide />
        </ScreenFrame>
    }
}

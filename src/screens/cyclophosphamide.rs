//! Cyclophosphamide IV pulse: the planner (`ivcy_ui`).

use super::{Screen, ScreenFrame};
use crate::ivcy_ui::IvcyPlanner;
use leptos::prelude::*;

#[component]
pub fn CyclophosphamideScreen() -> impl IntoView {
    view! {
        <ScreenFrame screen=Screen::Cyclophosphamide>
            <IvcyPlanner />
        </ScreenFrame>
    }
}

//! Biomarker and infection-laboratory timeline (to be built).

use super::{Planned, Screen, ScreenFrame};
use crate::i18n::Key;
use leptos::prelude::*;

#[component]
pub fn BiomarkersScreen() -> impl IntoView {
    view! {
        <ScreenFrame screen=Screen::Biomarkers>
            <Planned summary=Key::PlannedBiomarkers />
        </ScreenFrame>
    }
}

//! Biomarker, lung-function and infection-laboratory timeline and risk models
//! of DM/PM-associated interstitial pneumonia; the views are in
//! `crate::labs_ui`.

use super::{Screen, ScreenFrame};
use crate::labs_ui::LabsScreen;
use leptos::prelude::*;

#[component]
pub fn BiomarkersScreen() -> impl IntoView {
    view! {
        <ScreenFrame screen=Screen::Biomarkers>
            <LabsScreen />
        </ScreenFrame>
    }
}

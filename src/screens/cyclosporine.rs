//! Cyclosporine: the shared drug screen (`tdm_ui::DrugScreen`) with the
//! cyclosporine models, targets and regimens; the concentration–time demo
//! panel stays below it.

use super::{Screen, ScreenFrame};
use crate::panels::ConcentrationDemo;
use crate::tdm_ui::{DrugScreen, CYCLOSPORINE};
use leptos::prelude::*;

#[component]
pub fn CyclosporineScreen() -> impl IntoView {
    view! {
        <ScreenFrame screen=Screen::Cyclosporine>
            <DrugScreen spec=CYCLOSPORINE />
            <ConcentrationDemo />
        </ScreenFrame>
    }
}

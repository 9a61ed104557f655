//! Cyclosporine: the shared drug screen (`tdm_ui::DrugScreen`) with the
//! cyclosporine models, targets and regimens.

use super::{Screen, ScreenFrame};
use crate::tdm_ui::{DrugScreen, CYCLOSPORINE};
use leptos::prelude::*;

#[component]
pub fn CyclosporineScreen() -> impl IntoView {
    view! {
        <ScreenFrame screen=Screen::Cyclosporine>
            <DrugScreen spec=CYCLOSPORINE />
        </ScreenFrame>
    }
}

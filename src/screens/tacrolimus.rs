//! Tacrolimus: the shared drug screen (`tdm_ui::DrugScreen`) with the
//! tacrolimus models, targets and regimens.

use super::{Screen, ScreenFrame};
use crate::tdm_ui::{DrugScreen, TACROLIMUS};
use leptos::prelude::*;

#[component]
pub fn TacrolimusScreen() -> impl IntoView {
    view! {
        <ScreenFrame screen=Screen::Tacrolimus>
            <DrugScreen spec=TACROLIMUS />
        </ScreenFrame>
    }
}

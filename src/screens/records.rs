//! Records: encrypted storage, export, import (to be built).

use super::{Planned, Screen, ScreenFrame};
use crate::i18n::Key;
use leptos::prelude::*;

#[component]
pub fn RecordsScreen() -> impl IntoView {
    view! {
        <ScreenFrame screen=Screen::Records>
            <Planned summary=Key::PlannedRecords />
        </ScreenFrame>
    }
}

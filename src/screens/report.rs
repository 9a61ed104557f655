//! Printable report (to be built).

use super::{Planned, Screen, ScreenFrame};
use crate::i18n::Key;
use leptos::prelude::*;

#[component]
pub fn ReportScreen() -> impl IntoView {
    view! {
        <ScreenFrame screen=Screen::Report>
            <Planned summary=Key::PlannedReport />
        </ScreenFrame>
    }
}

//! Patient and disease profile (to be built).

use super::{Planned, Screen, ScreenFrame};
use crate::i18n::Key;
use leptos::prelude::*;

#[component]
pub fn PatientScreen() -> impl IntoView {
    view! {
        <ScreenFrame screen=Screen::Patient>
            <Planned summary=Key::PlannedPatient />
        </ScreenFrame>
    }
}

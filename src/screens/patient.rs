//! Patient: background values the drug models and the renal and body-size
//! equations use (the form is `tdm_ui::PatientForm`).

use super::{Planned, Screen, ScreenFrame};
use crate::i18n::Key;
use crate::tdm_ui::PatientForm;
use leptos::prelude::*;

#[component]
pub fn PatientScreen() -> impl IntoView {
    view! {
        <ScreenFrame screen=Screen::Patient>
            <PatientForm />
            <Planned summary=Key::PlannedPatient />
        </ScreenFrame>
    }
}

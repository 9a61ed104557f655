//! Patient: background values the drug models and the renal and body-size
//! equations use (the form is `tdm_ui::PatientForm`), then the disease
//! profile (`disease_ui`).

use super::{Screen, ScreenFrame};
use crate::disease_ui::DiseaseProfileSection;
use crate::tdm_ui::PatientForm;
use leptos::prelude::*;

#[component]
pub fn PatientScreen() -> impl IntoView {
    view! {
        <ScreenFrame screen=Screen::Patient>
            <PatientForm />
            <DiseaseProfileSection />
        </ScreenFrame>
    }
}

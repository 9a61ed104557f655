//! Patient: background values the drug models and the renal and body-size
//! equations use (the form is `tdm_ui::PatientForm`), then the disease
//! profile (`disease_ui`), built one frame later (below the fold on a
//! phone: the form paints first).

use super::{Screen, ScreenFrame};
use crate::disease_ui::DiseaseProfileSection;
use crate::tdm_ui::PatientForm;
use crate::widgets::AfterFirstFrame;
use leptos::prelude::*;

#[component]
pub fn PatientScreen() -> impl IntoView {
    view! {
        <ScreenFrame screen=Screen::Patient>
            <PatientForm />
            <AfterFirstFrame min_height_px=1900>
                <DiseaseProfileSection />
            </AfterFirstFrame>
        </ScreenFrame>
    }
}

//! The Biomarkers screen: result entry with unit checks,
//! blood gas → A-aDO2, results and trends by test, the Pneumocystis
//! prophylaxis reminder, the risk models, and the one time axis. Every
//! number comes from `dmip_engine::labs` / `clinical` in a memo; the views
//! only format.

mod blood_gas;
mod entry;
mod field;
mod notes;
mod reminder;
mod risk;
mod table;
pub(crate) mod text;
mod timeline;
mod timeline_draw;

pub(crate) use risk::summary_lines as risk_summary;

use crate::i18n::{use_i18n, LabKey};
use leptos::prelude::*;

#[component]
pub fn LabsScreen() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="labs">
            <p class="note">{i18n.tx(LabKey::Intro)}</p>
            <entry::LabEntry />
            <blood_gas::BloodGas />
            <table::ResultTables />
            <timeline::TimelinePlot />
            <reminder::PcpReminder />
            <risk::RiskModels />
        </div>
    }
}

//! The IV cyclophosphamide planner: BSA by the chosen formula,
//! published regimen, dose, the EULAR 2009 table, planned dates, the ledger
//! of given pulses with cumulative dose and WBC nadirs, the hand-over to
//! maintenance. `plan.rs` keeps the typed inputs and the record's plan in
//! step, `calc.rs` holds the memos that call the engine, `text.rs` puts
//! engine results into words (the engine's own, `dmip_engine::text`); the
//! rest are panels.

mod bsa;
mod calc;
mod cumulative;
mod dose;
mod eular;
mod handover;
mod ledger;
mod plan;
mod regimen;
mod rules;
mod schedule;
mod text;

pub(crate) use calc::ledger;
pub use plan::parse_date;
pub use text::Unavailable;

use leptos::prelude::*;

#[component]
pub fn IvcyPlanner() -> impl IntoView {
    let inputs = plan::PlanInputs::bound();
    let derived = calc::Derived::new();
    let i18n = crate::i18n::use_i18n();
    view! {
        <div class="ivcy">
            <p class="note">{i18n.tx(crate::i18n::IvcyKey::PublishedNotAdvice)}</p>
            <bsa::BsaPanel inputs=inputs derived=derived />
            <regimen::RegimenPanel inputs=inputs />
            <dose::DosePanel inputs=inputs derived=derived />
            <eular::EularPanel />
            <schedule::SchedulePanel inputs=inputs derived=derived />
            <ledger::LedgerPanel derived=derived />
            <cumulative::CumulativePanel derived=derived />
            <handover::HandoverPanel derived=derived />
        </div>
    }
}

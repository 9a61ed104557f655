//! After the sixth pulse: the hand-over to maintenance (e.g. azathioprine
//! mg/kg/day) as a dose calculation — unavailable while the pack gives no
//! dose — and the infusion notes (mesna, hydration) with their sources.

use super::calc::Derived;
use super::text::{require, why, Need, NoteLine, Unavailable, Why};
use crate::i18n::{fill, use_i18n, IvcyKey, Key};
use crate::state::use_record;
use dmip_engine::clinical::cyclophosphamide::{maintenance_daily_dose_mg, INFUSION_NOTES, MESNA};
use dmip_engine::clinical::error::Field;
use dmip_engine::clinical::status::Status;
use leptos::prelude::*;

/// The induction length after which the hand-over is planned (Yamasaki
/// 2007: at least 6 pulses; Euro-Lupus and NIH: 6).
const INDUCTION_PULSES: u32 = 6;

#[component]
pub fn HandoverPanel(derived: Derived) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_record();
    let given = Memo::new(move |_| derived.ledger.with(|l| l.as_ref().map_or(0, |s| s.pulses)));
    let maintenance = Memo::new(move |_| {
        let weight = state.record.with(|r| r.patient.weight_kg);
        require(&[(weight, Need::Field(Field::WeightKg))])
            .and_then(|w| maintenance_daily_dose_mg(w[0]).map_err(Why::from))
    });
    let mesna_gap = MESNA.gap();
    view! {
        <section class="panel" aria-labelledby="ivcy-handover-title">
            <h3 id="ivcy-handover-title">{i18n.tx(IvcyKey::HandoverTitle)}</h3>
            <p id="ivcy-handover-count">
                {move || fill(
                    i18n.t(IvcyKey::HandoverCount),
                    &[("given", &given.get().to_string()), ("n", &INDUCTION_PULSES.to_string())],
                )}
            </p>
            <div id="ivcy-maintenance">
                {move || match maintenance.get() {
                    Ok(Status::Available { value }) => view! { <p>{format!("{} {}", crate::format::significant(value, 3), i18n.t(Key::TdmUnitMgPerDay))}</p> }.into_any(),
                    Ok(Status::Unavailable { gap }) => view! { <Unavailable gap=gap /> }.into_any(),
                    Err(w) => view! { <p class="missing">{why(i18n, &w)}</p> }.into_any(),
                }}
            </div>
            <h4>{i18n.tx(IvcyKey::InfusionTitle)}</h4>
            <ul class="ivcy-notes">
                {INFUSION_NOTES.into_iter().map(|n| view! { <NoteLine note=n /> }).collect_view()}
            </ul>
            {mesna_gap.map(|g| view! { <Unavailable gap=g /> })}
        </section>
    }
}

//! The reminder to check Pneumocystis prophylaxis (TMP-SMX) when the record
//! shows combined immunosuppression today (engine: `labs::pcp_check`).

use super::notes::{GapList, NoteList};
use super::text::today;
use crate::i18n::{fill, use_i18n, LabKey, Lang};
use crate::state::use_record;
use dmip_engine::labs::{pcp_check, Agent};
use leptos::prelude::*;

fn agent_key(a: Agent) -> LabKey {
    match a {
        Agent::Glucocorticoid => LabKey::AgentGc,
        Agent::Cyclosporine => LabKey::AgentCsa,
        Agent::Tacrolimus => LabKey::AgentTac,
        Agent::IvCyclophosphamide => LabKey::AgentIvcy,
    }
}

#[component]
pub fn PcpReminder() -> impl IntoView {
    let i18n = use_i18n();
    let record = use_record().record;
    let check = Memo::new(move |_| record.with(|r| pcp_check(r, today())));
    let body = move || match check.get() {
        None => view! { <p class="muted" id="pcp-none">{i18n.t(LabKey::PcpNone)}</p> }.into_any(),
        Some(c) => {
            let agents: Vec<&str> = c.agents.iter().map(|a| i18n.t(agent_key(*a))).collect();
            let sep = if i18n.lang() == Lang::Ja { "、" } else { ", " };
            view! {
                <div class="lab-reminder" id="pcp-reminder" role="status">
                    <p><strong>{fill(i18n.t(LabKey::PcpAgents), &[("agents", &agents.join(sep))])}</strong></p>
                    <NoteList notes=c.notes />
                    <GapList gaps=vec![c.gap] />
                </div>
            }
            .into_any()
        }
    };
    view! {
        <section class="panel" aria-labelledby="pcp-title">
            <h3 id="pcp-title">{i18n.tx(LabKey::PcpTitle)}</h3>
            {body}
        </section>
    }
}

//! Self-check: the engine's reference cases run in this browser, expected vs
//! computed, for an on-site qualification record (printable).

use super::{Screen, ScreenFrame};
use crate::app::VERSION;
use crate::i18n::{fill, use_i18n, Key};
use crate::panels::ConcentrationDemo;
use crate::tdm_ui::PopulationChecks;
use dmip_engine::selfcheck::{run, Tolerance};
use leptos::prelude::*;

fn num(x: f64) -> String {
    format!("{x:.6}")
}

fn group_key(group: &str) -> Key {
    match group {
        "NCA" => Key::SelfGroupNca,
        "MAP" => Key::SelfGroupMap,
        "formula" => Key::SelfGroupFormula,
        _ => Key::SelfGroupTypical,
    }
}

#[component]
pub fn SelfCheckScreen() -> impl IntoView {
    let i18n = use_i18n();
    let rows = run();
    let passed = rows.iter().filter(|r| r.pass).count();
    let total = rows.len();
    let all = passed == total;
    let ua = web_sys::window()
        .and_then(|w| w.navigator().user_agent().ok())
        .unwrap_or_default();
    let rows_view = rows
        .into_iter()
        .map(|r| {
            let tol = match r.kind {
                Tolerance::Relative => format!("{} rel", r.tolerance),
                Tolerance::Absolute => format!("{} abs", r.tolerance),
            };
            let computed = r.computed.map(num).unwrap_or_else(|| "—".into());
            view! {
                <tr class=if r.pass { "pass" } else { "fail" }>
                    <td>{move || i18n.t(group_key(r.group))}</td>
                    <td>{r.name}</td>
                    <td>{r.source}</td>
                    <td class="num">{num(r.expected)}</td>
                    <td class="num">{computed}</td>
                    <td class="num">{tol}</td>
                    <td class="verdict">{move || i18n.t(if r.pass { Key::SelfPass } else { Key::SelfFail })}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <ScreenFrame screen=Screen::SelfCheck>
            <p>{i18n.tx(Key::SelfIntro)}</p>
            <p id="self-summary" class=if all { "self-summary pass" } else { "self-summary fail" }>
                {move || fill(i18n.t(Key::SelfSummary), &[("passed", &passed.to_string()), ("total", &total.to_string())])}
            </p>
            <p class="self-env">{i18n.tx(Key::Version)}" "{VERSION}" · "{ua.clone()}</p>
            <button type="button" class="no-print" id="self-print"
                on:click=move |_| { if let Some(w) = web_sys::window() { let _ = w.print(); } }>
                {i18n.tx(Key::Print)}
            </button>
            <table class="self-table">
                <thead><tr>
                    <th>{i18n.tx(Key::SelfGroup)}</th>
                    <th>{i18n.tx(Key::SelfCase)}</th>
                    <th>{i18n.tx(Key::SelfSource)}</th>
                    <th>{i18n.tx(Key::SelfExpected)}</th>
                    <th>{i18n.tx(Key::SelfComputed)}</th>
                    <th>{i18n.tx(Key::SelfTolerance)}</th>
                    <th>{i18n.tx(Key::SelfResult)}</th>
                </tr></thead>
                <tbody>{rows_view}</tbody>
            </table>
            <p class="self-sign">{i18n.tx(Key::SelfSignature)}</p>
            // Each model's typical patient against the DM/PM-IP cohorts.
            <PopulationChecks />
            // The reference model's typical curve, live (not a drug model).
            <div class="no-print"><ConcentrationDemo /></div>
        </ScreenFrame>
    }
}

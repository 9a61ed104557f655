//! The unit question for a level implausible for the drug ("1.15 ng/mL is
//! implausibly low … did you mean µg/mL (= 1150 ng/mL)?"), asked by the
//! level form and the bedside entry before the level is added; the typed
//! text stays in its field until the user answers.

use super::summary::CONC_UNIT;
use crate::format::{significant, tick};
use crate::i18n::{fill, I18n, Key};
use dmip_engine::tdm::{plausibility, plausible_range, Drug, Implausible, LevelRow};
use leptos::prelude::*;

/// Adds `row`, or first asks the unit question when its value is
/// implausible for `drug` (the typed text stays meanwhile).
pub fn add_or_ask(
    drug: Drug,
    row: LevelRow,
    pending: RwSignal<Option<Implausible>>,
    add: impl Fn(LevelRow),
) {
    match row.value_ng_ml.and_then(|v| plausibility(drug, v)) {
        Some(q) => pending.set(Some(q)),
        None => add(row),
    }
}

/// The user's answer for the level still typed: the µg/mL reading
/// converted to ng/mL (`converted`), else the value as typed.
pub fn answer(
    typed: Option<LevelRow>,
    pending: RwSignal<Option<Implausible>>,
    converted: bool,
    add: impl Fn(LevelRow),
) {
    let Some(mut row) = typed else { return };
    if converted {
        let Some(c) = pending.get_untracked().and_then(|q| q.as_ug_ml) else {
            return;
        };
        row.value_ng_ml = Some(c);
    }
    add(row);
}

/// The pending question, while the typed value is still the one asked
/// about.
pub fn asked(pending: Option<Implausible>, typed: Option<f64>) -> Option<Implausible> {
    pending.filter(|q| typed == Some(q.value))
}

/// The question for `q`, with the buttons "add as converted" (when a µg/mL
/// reading fits) and "add as typed"; ids `{prefix}-question`,
/// `{prefix}-use-converted`, `{prefix}-keep-typed`.
pub fn question(
    i18n: I18n,
    drug: Drug,
    q: Implausible,
    prefix: &str,
    (use_converted, keep_typed): (
        impl Fn(leptos::ev::MouseEvent) + 'static,
        impl Fn(leptos::ev::MouseEvent) + 'static,
    ),
) -> impl IntoView {
    let value = significant(q.value, 3);
    let text = match (q.low, q.as_ug_ml) {
        (Some(low), Some(c)) if q.value < low => fill(
            i18n.t(Key::TdmImplausibleLow),
            &[
                ("value", &value),
                ("low", &tick(low)),
                ("converted", &tick(c)),
            ],
        ),
        _ => {
            let (low, high) = plausible_range(drug);
            let range = low.map_or_else(
                || format!("≤ {}", tick(high)),
                |l| format!("{}–{}", tick(l), tick(high)),
            );
            fill(
                i18n.t(Key::TdmImplausible),
                &[
                    ("value", &value),
                    ("range", &format!("{range} {CONC_UNIT}")),
                ],
            )
        }
    };
    view! {
        <div class="question" id=format!("{prefix}-question") role="alert">
            <p>{text}</p>
            {q.as_ug_ml.map(|c| view! {
                <button type="button" class="primary" id=format!("{prefix}-use-converted") on:click=use_converted>
                    {fill(i18n.t(Key::TdmUseConverted), &[("converted", &tick(c))])}
                </button>
            })}
            <button type="button" id=format!("{prefix}-keep-typed") on:click=keep_typed>
                {fill(i18n.t(Key::TdmKeepAsTyped), &[("value", &value)])}
            </button>
        </div>
    }
}

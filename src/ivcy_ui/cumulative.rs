//! Cumulative dose in g and g/m² against the published thresholds, the
//! lowest WBC nadir, and what cannot be said (with the reason).

use super::calc::Derived;
use super::text::{missing, why, Cite, Need, NoteLine, Unavailable};
use crate::format::{significant, tick};
use crate::i18n::{fill, use_i18n, I18n, IvcyKey, Key};
use crate::tdm_ui::{Unit, AGE};
use crate::widgets::bound_number;
use crate::widgets::data_table;
use dmip_engine::clinical::cyclophosphamide::ledger::{PerWhat, Threshold, ThresholdCheck};
use dmip_engine::clinical::cyclophosphamide::LedgerSummary;
use dmip_engine::text::Words;
use leptos::prelude::*;

fn threshold_text(i18n: I18n, t: Threshold) -> &'static str {
    t.words(i18n.lang())
}

fn threshold_row(i18n: I18n, c: ThresholdCheck) -> impl IntoView {
    let (limit, per, source) = c.threshold.figure();
    let unit = match per {
        PerWhat::Grams => "g",
        PerWhat::GramsPerM2 => "g/m²",
    };
    let status = i18n.t(if c.reached {
        IvcyKey::Reached
    } else {
        IvcyKey::NotReached
    });
    view! {
        <tr class:flagged=c.reached>
            <td>{threshold_text(i18n, c.threshold)}<span class="row-note"><Cite source=source /></span></td>
            <td class="num" data-label=i18n.t(IvcyKey::ColFigure)>{format!("{} {unit}", tick(limit))}</td>
            <td class="num" data-label=i18n.t(IvcyKey::ColPatient)>{format!("{} {unit}", significant(c.patient_value, 3))}</td>
            <td class="num" data-label=i18n.t(IvcyKey::ColStatus)>{status}</td>
        </tr>
    }
}

fn summary_view(i18n: I18n, s: LedgerSummary) -> impl IntoView {
    let per_m2 = match s.cumulative_g_per_m2 {
        Some(v) => format!("{} g/m²", significant(v, 3)),
        None => fill(
            i18n.t(IvcyKey::PulsesWithoutBsa),
            &[("pulses", &format!("{:?}", s.pulses_without_bsa))],
        ),
    };
    let nadir = s.lowest_nadir.map(|n| {
        fill(
            i18n.t(IvcyKey::LowestNadir),
            &[
                ("value", &tick(n.wbc_per_ul)),
                ("pulse", &n.pulse.to_string()),
            ],
        )
    });
    let needs: Vec<Need> = s.missing_inputs.iter().map(|f| Need::Field(*f)).collect();
    view! {
        <dl class="result" id="ivcy-cumulative">
            <dt>{i18n.t(IvcyKey::PulsesGiven)}</dt>
            <dd><span class="value">{s.pulses}</span></dd>
            <dt>{i18n.t(IvcyKey::CumulativeG)}</dt>
            <dd><span class="value" id="ivcy-cum-g">{format!("{} g", significant(s.cumulative_g, 3))}</span></dd>
            <dt>{i18n.t(IvcyKey::CumulativeGm2)}</dt>
            <dd><span class="value" id="ivcy-cum-gm2">{per_m2}</span></dd>
        </dl>
        <p id="ivcy-lowest-nadir">{nadir}</p>
        {data_table(
            "ivcy-thresholds",
            "tdm-table",
            &[IvcyKey::ColThreshold, IvcyKey::ColFigure, IvcyKey::ColPatient, IvcyKey::ColStatus],
            0,
            view! {
                {s.thresholds.into_iter().map(|c| threshold_row(i18n, c)).collect_view()}
            },
        )}
        {(!needs.is_empty()).then(|| view! {
            <p class="missing" id="ivcy-ovarian-missing">
                <strong>{i18n.t(IvcyKey::OvarianLabel)}</strong> " " {missing(i18n, &needs)}
            </p>
        })}
        {s.unavailable.into_iter().map(|g| view! { <Unavailable gap=g /> }).collect_view()}
        <ul class="ivcy-notes">
            {s.notes.into_iter().map(|n| view! { <NoteLine note=n /> }).collect_view()}
        </ul>
    }
}

#[component]
pub fn CumulativePanel(derived: Derived) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="panel" aria-labelledby="ivcy-cum-title">
            <h3 id="ivcy-cum-title">{i18n.tx(IvcyKey::CumulativeTitle)}</h3>
            <p class="note">{i18n.tx(IvcyKey::PublishedNotAdvice)}</p>
            <div class="fields">
                {bound_number(
                    "ivcy-age-first",
                    IvcyKey::AgeAtFirstPulse,
                    Unit::Word(Key::TdmUnitYears),
                    (AGE.min, AGE.max),
                    |r| r.ivcy.age_at_first_pulse,
                    |r, v| r.ivcy.age_at_first_pulse = v,
                )}
            </div>
            <p class="note" id="ivcy-age-first-note">{i18n.tx(IvcyKey::AgeAtFirstPulseNote)}</p>
            {move || match derived.ledger.get() {
                Ok(s) => summary_view(i18n, s).into_any(),
                Err(w) => view! { <p class="missing">{why(i18n, &w)}</p> }.into_any(),
            }}
        </section>
    }
}

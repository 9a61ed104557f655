//! The ledger of given pulses: date, dose, the BSA it was calculated on and
//! the WBC nadir after it; add, edit, delete.

use super::calc::Derived;
use super::plan::{parse_amount, parse_date};
use crate::format::{parse_number, significant, tick};
use crate::i18n::{fill, use_i18n, IvcyKey};
use crate::state::use_record;
use crate::tdm_ui::{Choice, Field, RowActions, Unit as FieldUnit};
use crate::widgets::data_table;
use dmip_engine::clinical::cyclophosphamide::{GivenPulse, WbcNadir};
use dmip_engine::clinical::units::Unit;
use leptos::prelude::*;

const NADIR_UNITS: [(Unit, &str, &str); 2] = [
    (Unit::PerUl, "per_ul", "/µL"),
    (Unit::GigaPerL, "giga_l", "×10⁹/L"),
];

fn unit_symbol(u: Unit) -> &'static str {
    NADIR_UNITS
        .iter()
        .find(|(x, _, _)| *x == u)
        .map_or("", |(_, _, s)| s)
}

/// A nadir as typed: `Some(None)` empty, `None` not a number ≥ 0.
fn parse_nadir(text: &str) -> Option<Option<f64>> {
    if text.trim().is_empty() {
        return Some(None);
    }
    let v = parse_number(text);
    (v.is_finite() && v >= 0.0).then_some(Some(v))
}

#[component]
pub fn LedgerPanel(derived: Derived) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_record();
    let (date, dose, nadir) = (
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
    );
    let unit = RwSignal::new("per_ul".to_owned());
    let (tried, editing) = (RwSignal::new(false), RwSignal::new(None::<usize>));
    let date_error = Signal::derive(move || {
        let t = date.get();
        (parse_date(&t).is_none() && (tried.get() || !t.trim().is_empty()))
            .then(|| i18n.t(IvcyKey::ErrDate).to_owned())
    });
    let dose_error = Signal::derive(move || {
        let t = dose.get();
        (parse_amount(&t).is_none() && (tried.get() || !t.trim().is_empty()))
            .then(|| fill(i18n.t(IvcyKey::ErrPositive), &[("value", t.trim())]))
    });
    let nadir_error = Signal::derive(move || {
        let t = nadir.get();
        parse_nadir(&t)
            .is_none()
            .then(|| fill(i18n.t(IvcyKey::ErrNonNegative), &[("value", t.trim())]))
    });
    let units = Signal::derive(|| {
        NADIR_UNITS
            .iter()
            .map(|(_, v, s)| ((*v).to_owned(), (*s).to_owned()))
            .collect()
    });
    let submit = move |_| {
        tried.set(true);
        let (Some(d), Some(mg), Some(n)) = (
            parse_date(&date.get_untracked()),
            parse_amount(&dose.get_untracked()),
            parse_nadir(&nadir.get_untracked()),
        ) else {
            return;
        };
        let u = NADIR_UNITS
            .iter()
            .find(|(_, v, _)| *v == unit.get_untracked())
            .map_or(Unit::PerUl, |(u, _, _)| *u);
        let pulse = GivenPulse {
            date: d,
            dose_mg: mg,
            bsa_m2: derived.bsa.get_untracked().ok(),
            wbc_nadir: n.map(|value| WbcNadir {
                date: None,
                value,
                unit: u,
            }),
        };
        let at = editing.get_untracked();
        state.record.update(|r| {
            let given = &mut r.ivcy.given;
            match at {
                Some(i) if i < given.len() => given[i] = pulse,
                _ => given.push(pulse),
            }
            given.sort_by_key(|p| p.date);
        });
        editing.set(None);
        tried.set(false);
        for s in [date, dose, nadir] {
            s.set(String::new());
        }
    };
    let load = move |i: usize| {
        if let Some(p) = state
            .record
            .with_untracked(|r| r.ivcy.given.get(i).copied())
        {
            date.set(p.date.to_string());
            dose.set(p.dose_mg.to_string());
            nadir.set(p.wbc_nadir.map(|n| tick(n.value)).unwrap_or_default());
            let u = p.wbc_nadir.map_or(Unit::PerUl, |n| n.unit);
            if let Some((_, v, _)) = NADIR_UNITS.iter().find(|(x, _, _)| *x == u) {
                unit.set((*v).to_owned());
            }
            editing.set(Some(i));
        }
    };
    let fill_planned = move |_| {
        if let Ok(mg) = derived.dose.get_untracked() {
            dose.set(significant(mg, 5));
        }
    };
    let row = move |(i, p): (usize, GivenPulse)| {
        view! {
            <tr>
                <td>{i + 1}</td>
                <td class="num">{p.date.to_string()}</td>
                <td class="num">{format!("{} mg", significant(p.dose_mg, 5))}</td>
                <td class="num">{p.bsa_m2.map_or_else(|| "—".to_owned(), |b| format!("{} m²", significant(b, 4)))}</td>
                <td class="num">{p.wbc_nadir.map_or_else(|| "—".to_owned(), |n| format!("{} {}", tick(n.value), unit_symbol(n.unit)))}</td>
                <RowActions
                    on_edit=move |_| load(i)
                    on_delete=move |_| state.record.update(|r| {
                        if i < r.ivcy.given.len() {
                            r.ivcy.given.remove(i);
                        }
                    })
                />
            </tr>
        }
    };
    view! {
        <section class="panel" aria-labelledby="ivcy-ledger-title">
            <h3 id="ivcy-ledger-title">{i18n.tx(IvcyKey::LedgerTitle)}</h3>
            <p class="note">{i18n.tx(IvcyKey::LedgerNote)}</p>
            {data_table(
                "ivcy-ledger",
                "tdm-table",
                &[IvcyKey::ColPulse, IvcyKey::ColDate, IvcyKey::ColDose, IvcyKey::ColBsa, IvcyKey::ColNadir],
                1,
                view! {
                    {move || state.record.with(|r| r.ivcy.given.clone()).into_iter().enumerate().map(row).collect_view()}
                },
            )}
            <div class="fields entry">
                <Field id="ivcy-given-date".to_owned() label=IvcyKey::ColDate kind="date" value=date error=date_error />
                <Field id="ivcy-given-dose".to_owned() label=IvcyKey::ColDose unit=FieldUnit::Symbol("mg") value=dose error=dose_error />
                <Field id="ivcy-nadir".to_owned() label=IvcyKey::ColNadir value=nadir error=nadir_error />
                <Choice id="ivcy-nadir-unit".to_owned() label=IvcyKey::NadirUnit options=units value=unit />
            </div>
            <div class="toolbar">
                <button type="button" id="ivcy-given-fill" on:click=fill_planned>
                    {i18n.tx(IvcyKey::FillPlanned)}
                </button>
                <button type="button" class="primary" id="ivcy-given-add" on:click=submit>
                    {move || i18n.t(if editing.get().is_some() { IvcyKey::SaveRow } else { IvcyKey::AddPulse })}
                </button>
            </div>
        </section>
    }
}

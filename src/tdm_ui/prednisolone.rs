//! The patient's prednisolone over time: one row per daily dose from its
//! start (a taper is several rows; a row without a start holds from before
//! the first dose — what a record that kept one number becomes), add,
//! edit, delete, kept in time order. The field conventions are the dose
//! rows': the text typed stays in its field, the message beside it.

use super::clock;
use super::patient_limits::{patient_error, patient_value};
use crate::format::tick;
use crate::i18n::{use_i18n, Key, TimeKey};
use crate::state::use_record;
use crate::widgets::data_table;
use crate::widgets::field::{RowActions, TextInput};
use dmip_engine::clinical::limits::PatientField;
use dmip_engine::record::PrednisoloneRow;
use dmip_engine::tdm::view::{display, local_input};
use leptos::prelude::*;

/// What is wrong with the row typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct RowError {
    start: bool,
    dose: bool,
}

/// The row typed: a blank start is "since before the first dose".
fn parse_row(start: &str, mg_day: &str) -> Result<PrednisoloneRow, RowError> {
    let start = match start.trim() {
        "" => Ok(None),
        t => clock::parse(t).map(Some),
    };
    let dose = patient_value(mg_day, PatientField::PrednisoloneMgDay);
    match (start, dose) {
        (Ok(start), Some(mg_day)) => Ok(PrednisoloneRow { start, mg_day }),
        (s, d) => Err(RowError {
            start: s.is_err(),
            dose: d.is_none(),
        }),
    }
}

/// Puts `row` at `at` (or adds it) and keeps the rows in time order, the
/// row without a start first.
fn place(rows: &mut Vec<PrednisoloneRow>, at: Option<usize>, row: PrednisoloneRow) {
    match at {
        Some(i) if i < rows.len() => rows[i] = row,
        _ => rows.push(row),
    }
    rows.sort_by_key(|r| r.start);
}

const COLUMNS: [Key; 2] = [Key::TdmColStart, Key::TdmPrednisolone];

#[component]
pub fn PrednisoloneRows() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_record();
    let rows = Memo::new(move |_| state.record.with(|r| r.patient.prednisolone.clone()));
    let start = RwSignal::new(String::new());
    let dose = RwSignal::new(String::new());
    let editing = RwSignal::new(None::<usize>);
    let tried = RwSignal::new(false);
    let parsed = Memo::new(move |_| parse_row(&start.read(), &dose.read()));
    let start_error = Signal::derive(move || {
        let bad = parsed.with(|p| matches!(p, Err(e) if e.start));
        (bad && (tried.get() || !start.read().trim().is_empty()))
            .then(|| i18n.t(Key::TdmErrDateTime).to_owned())
    });
    let dose_error = Signal::derive(move || {
        patient_error(i18n.lang(), &dose.read(), PatientField::PrednisoloneMgDay).or_else(|| {
            let missing = parsed.with(|p| matches!(p, Err(e) if e.dose));
            (tried.get() && missing).then(|| i18n.t(Key::TdmErrPositive).to_owned())
        })
    });
    let submit = move |_| {
        tried.set(true);
        let Ok(row) = parsed.get_untracked() else {
            return;
        };
        let at = editing.get_untracked();
        state
            .record
            .update(|r| place(&mut r.patient.prednisolone, at, row));
        editing.set(None);
        tried.set(false);
        dose.set(String::new());
    };
    let load = move |i: usize| {
        if let Some(r) = rows.with_untracked(|rows| rows.get(i).cloned()) {
            start.set(r.start.map(|t| local_input(&t)).unwrap_or_default());
            dose.set(tick(r.mg_day));
            editing.set(Some(i));
        }
    };
    let remove = move |i: usize| {
        state.record.update(|r| {
            if i < r.patient.prednisolone.len() {
                r.patient.prednisolone.remove(i);
            }
        });
        editing.set(None);
    };
    let text = move |key: TimeKey| Signal::derive(move || i18n.t(key).to_owned());
    let body = move || {
        rows.get()
            .into_iter()
            .enumerate()
            .map(|(i, r)| {
                let when = r
                    .start
                    .map_or_else(|| i18n.t(TimeKey::PslBeforeFirst).to_owned(), |t| display(&t));
                view! {
                    <tr>
                        <td class="lead">{when}</td>
                        <td data-label=i18n.t(COLUMNS[1])>{format!("{} {}", tick(r.mg_day), i18n.t(Key::TdmUnitMgPerDay))}</td>
                        <RowActions on_edit=move |_| load(i) on_delete=move |_| remove(i) />
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        <div class="field-wide psl-rows" aria-labelledby="pt-psl-title">
            <h4 id="pt-psl-title">{i18n.tx(TimeKey::PslTitle)}</h4>
            <p class="note">{i18n.tx(TimeKey::PslNote)}</p>
            {data_table("pt-psl-table", "tdm-table stack rows", &COLUMNS, 1, body)}
            {move || rows.with(Vec::is_empty).then(|| view! { <p class="muted" id="pt-psl-none">{i18n.t(TimeKey::PslNone)}</p> })}
            <div class="fields entry">
                <TextInput id="pt-psl-start" label=text(TimeKey::PslStartOptional) kind="datetime-local" value=start error=start_error />
                <TextInput id="pt-psl" label=text(TimeKey::PslColDose) unit=Signal::derive(move || i18n.t(Key::TdmUnitMgPerDay).to_owned()) value=dose error=dose_error />
            </div>
            <button type="button" class="primary" id="pt-psl-add" on:click=submit>
                {move || i18n.t(if editing.get().is_some() { Key::TdmSaveRow } else { Key::TdmAddRow })}
            </button>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dmip_engine::tdm::view::DateTime;

    #[test]
    fn a_row_is_read_with_a_blank_start_before_the_first_dose() {
        assert_eq!(
            parse_row("", "30"),
            Ok(PrednisoloneRow {
                start: None,
                mg_day: 30.0
            })
        );
        assert_eq!(
            parse_row("2026-11-15T08:00", "１５"),
            Ok(PrednisoloneRow {
                start: DateTime::parse_from_rfc3339("2026-11-15T08:00:00+09:00").ok(),
                mg_day: 15.0
            })
        );
        // 0 is a stop; above a pulse, a negative dose, a bad date: named.
        assert!(parse_row("", "0").is_ok());
        assert_eq!(
            parse_row("next week", "5000"),
            Err(RowError {
                start: true,
                dose: true
            })
        );
        assert_eq!(
            parse_row("", "-5"),
            Err(RowError {
                start: false,
                dose: true
            })
        );
    }

    #[test]
    fn rows_stay_in_time_order_and_an_edit_replaces_its_row() {
        let at = |s: &str| DateTime::parse_from_rfc3339(s).ok();
        let row = |start: Option<&str>, mg_day: f64| PrednisoloneRow {
            start: start.and_then(at),
            mg_day,
        };
        let mut rows = vec![];
        place(
            &mut rows,
            None,
            row(Some("2026-11-15T08:00:00+09:00"), 15.0),
        );
        place(&mut rows, None, row(None, 30.0));
        place(
            &mut rows,
            None,
            row(Some("2026-11-08T08:00:00+09:00"), 20.0),
        );
        let doses: Vec<f64> = rows.iter().map(|r| r.mg_day).collect();
        assert_eq!(doses, [30.0, 20.0, 15.0]);
        place(
            &mut rows,
            Some(1),
            row(Some("2026-11-20T08:00:00+09:00"), 10.0),
        );
        let doses: Vec<f64> = rows.iter().map(|r| r.mg_day).collect();
        assert_eq!(doses, [30.0, 15.0, 10.0]);
    }
}

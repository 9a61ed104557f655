//! Measured levels: sample time, value, label (C0…C6, other), below the
//! limit of quantification with its limit, assay; hours after the last
//! dose and the engine's timing check shown on each row.

use super::bounds;
use super::clock;
use super::clock::display;
use super::history_table::HistoryTable;
use super::session::Session;
use super::summary::CONC_UNIT;
use super::text::{label_from, label_text, label_value, LABELS};
use super::unit_question::{add_or_ask, answer, asked};
use crate::format::{significant, tick};
use crate::i18n::{fill, use_i18n, Key};
use crate::widgets::field::{bounded_error, bounded_value, Check, Choice, Field, RowActions, Unit};
use dmip_engine::tdm::view::{local_input, FixedOffset};
use dmip_engine::tdm::{Implausible, LevelRow};
use dmip_engine::text::Say;
use leptos::prelude::*;

/// The level typed in the form, or which fields are wrong
/// (time, value, limit).
fn parse_level(
    (sampled, zone): (&str, Option<FixedOffset>),
    value: &str,
    label: &str,
    blq: bool,
    lloq: &str,
    assay: &str,
) -> Result<LevelRow, [bool; 3]> {
    let sampled = clock::parse_in(sampled, zone);
    let v = bounded_value(value, bounds::LEVEL_NG_ML);
    let l = bounded_value(lloq, bounds::LEVEL_NG_ML).filter(|l| *l > 0.0);
    let value_ok = blq || v.is_some();
    let lloq_ok = if blq {
        l.is_some()
    } else {
        lloq.trim().is_empty() || l.is_some()
    };
    match sampled {
        Ok(sampled) if value_ok && lloq_ok => Ok(LevelRow {
            sampled,
            value_ng_ml: v.filter(|_| !blq),
            blq,
            lloq_ng_ml: l,
            label: label_from(label),
            assay: Some(assay.trim().to_owned()).filter(|a| !a.is_empty()),
        }),
        s => Err([s.is_err(), !value_ok, !lloq_ok]),
    }
}

/// The table's column headings.
const LEVEL_COLUMNS: [Key; 5] = [
    Key::TdmColSampled,
    Key::TdmColLabel,
    Key::TdmColValue,
    Key::TdmColAfterDose,
    Key::TdmColAssay,
];

#[component]
pub fn LevelTable(session: Session) -> impl IntoView {
    let i18n = use_i18n();
    let slug = session.spec.slug;
    let drug = session.spec.drug;
    let id = move |name: &str| format!("{slug}-level-{name}");
    let sampled = RwSignal::new(String::new());
    let value = RwSignal::new(String::new());
    let label = RwSignal::new("C0".to_owned());
    let blq = RwSignal::new(false);
    let lloq = RwSignal::new(String::new());
    let assay = RwSignal::new(String::new());
    let editing = RwSignal::new(None::<usize>);
    // The UTC offset of the level being edited: its time stays in it.
    let zone = RwSignal::new(None::<FixedOffset>);
    let tried = RwSignal::new(false);
    let parsed = Memo::new(move |_| {
        parse_level(
            (&sampled.read(), zone.get()),
            &value.read(),
            &label.read(),
            blq.get(),
            &lloq.read(),
            &assay.read(),
        )
    });
    let problem = move |k: usize| parsed.with(|p| matches!(p, Err(e) if e[k]));
    let time_error = Signal::derive(move || {
        (tried.get() && problem(0)).then(|| i18n.t(Key::TdmErrDateTime).to_owned())
    });
    let value_error = Signal::derive(move || {
        bounded_error(i18n, &value.read(), bounds::LEVEL_NG_ML).or_else(|| {
            (tried.get() && problem(1)).then(|| i18n.t(Key::TdmErrValueOrBlq).to_owned())
        })
    });
    let lloq_error = Signal::derive(move || {
        bounded_error(i18n, &lloq.read(), bounds::LEVEL_NG_ML)
            .or_else(|| (tried.get() && problem(2)).then(|| i18n.t(Key::TdmErrLloq).to_owned()))
    });
    // A level implausible for the drug waits for the user's answer (the
    // unit question) with the typed text kept.
    let pending = RwSignal::new(None::<Implausible>);
    let add = move |row: LevelRow| {
        let at = editing.get_untracked();
        session.edit(|d| match at {
            Some(i) if i < d.levels.len() => d.levels[i] = row,
            _ => d.levels.push(row),
        });
        editing.set(None);
        zone.set(None);
        tried.set(false);
        pending.set(None);
        value.set(String::new());
    };
    let submit = move |_| {
        tried.set(true);
        if let Ok(row) = parsed.get_untracked() {
            add_or_ask(drug, row, pending, add);
        }
    };
    let keep_typed = move |_| answer(parsed.get_untracked().ok(), pending, false, add);
    let use_converted = move |_| answer(parsed.get_untracked().ok(), pending, true, add);
    // The question, while the typed value is still the one asked about.
    let question = move || {
        asked(
            pending.get(),
            parsed.with(|p| p.as_ref().ok().and_then(|r| r.value_ng_ml)),
        )
    };
    let load = move |i: usize| {
        if let Some(r) = session.drug.with_untracked(|d| d.levels.get(i).cloned()) {
            zone.set(Some(*r.sampled.offset()));
            sampled.set(local_input(&r.sampled));
            value.set(r.value_ng_ml.map(tick).unwrap_or_default());
            label.set(label_value(r.label).to_owned());
            blq.set(r.blq);
            lloq.set(r.lloq_ng_ml.map(tick).unwrap_or_default());
            assay.set(r.assay.unwrap_or_default());
            editing.set(Some(i));
        }
    };
    let labels = Signal::derive(move || {
        LABELS
            .iter()
            .map(|(l, v)| ((*v).to_owned(), label_text(i18n, *l).to_owned()))
            .collect()
    });
    // Timing of each level, from the engine's output (same order).
    let timings = Memo::new(move |_| {
        session
            .output
            .with(|o| o.as_ref().map(|o| o.levels.clone()).unwrap_or_default())
    });

    let levels = session.rows(|d| &d.levels);

    view! {
        <section class="panel" aria-labelledby=id("title")>
            <h3 id=id("title")>{i18n.tx(Key::TdmLevelsTitle)}</h3>
            <p class="note">{i18n.tx(Key::TdmLevelsNote)}</p>
            <HistoryTable session=session prefix=format!("{slug}-level") columns=&LEVEL_COLUMNS sort=|d| d.levels.sort_by_key(|r| r.sampled)>
                        {move || {
                            let t = timings.get();
                            levels
                                .get()
                                .into_iter()
                                .enumerate()
                                .map(|(i, r)| {
                                    let timing_row = t.get(i).cloned();
                                    let after = timing_row
                                        .as_ref()
                                        .and_then(|t| t.after_dose_h)
                                        .map(|h| fill(i18n.t(Key::TdmHoursAfter), &[("hours", &format!("{h:.2}"))]))
                                        .unwrap_or_else(|| "-".to_owned());
                                    let issue = timing_row
                                        .and_then(|t| t.problem)
                                        .map(|p| p.say(i18n.lang()));
                                    let flagged = issue.is_some();
                                    let shown = if r.blq {
                                        fill(
                                            i18n.t(Key::TdmBelowLloq),
                                            &[("lloq", &r.lloq_ng_ml.map(|v| significant(v, 3)).unwrap_or_default())],
                                        )
                                    } else {
                                        format!("{} {CONC_UNIT}", r.value_ng_ml.map(|v| significant(v, 3)).unwrap_or_default())
                                    };
                                    view! {
                                        <tr class:flagged=flagged>
                                            <td class="lead">{display(&r.sampled)}</td>
                                            <td data-label=i18n.t(LEVEL_COLUMNS[1])>{label_text(i18n, r.label)}</td>
                                            <td data-label=i18n.t(LEVEL_COLUMNS[2])>{shown}</td>
                                            <td data-label=i18n.t(LEVEL_COLUMNS[3])>
                                                {after}
                                                {issue.map(|m| view! { <span class="row-warning" role="note">{m}</span> })}
                                            </td>
                                            <td data-label=i18n.t(LEVEL_COLUMNS[4])>{r.assay.unwrap_or_default()}</td>
                                            <RowActions
                                                on_edit=move |_| load(i)
                                                on_delete=move |_| session.remove_row(|d| &mut d.levels, i)
                                            />
                                        </tr>
                                    }
                                })
                                .collect_view()
                        }}
            </HistoryTable>
            <div class="fields entry">
                <Field id=id("time") label=Key::TdmColSampled kind="datetime-local" value=sampled error=time_error />
                <Choice id=id("label") label=Key::TdmColLabel options=labels value=label />
                <Field id=id("value") label=Key::TdmColValue unit=Unit::Symbol(CONC_UNIT) value=value error=value_error />
                <Check id=id("blq") label=Key::TdmBlq value=blq />
                <Field id=id("lloq") label=Key::TdmLloq unit=Unit::Symbol(CONC_UNIT) value=lloq error=lloq_error />
                <Field id=id("assay") label=Key::TdmColAssay kind="search" value=assay error=Signal::derive(|| None::<String>) />
            </div>
            {move || question().map(|q| super::unit_question::question(i18n, drug, q, &format!("{slug}-level"), (use_converted, keep_typed)))}
            <button type="button" class="primary" id=id("add") on:click=submit>
                {move || i18n.t(if editing.get().is_some() { Key::TdmSaveRow } else { Key::TdmAddRow })}
            </button>
        </section>
    }
}

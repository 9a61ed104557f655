//! The results of each test: reference (JCCLS interval for the patient's
//! sex, a verified limit, or why there is none: the lab's own), each
//! result with its flag and % change from baseline, the notes that apply.

use super::notes::NoteList;
use super::text::{analyte_name, analyte_slug, assay_text, date_text, gap_text, num, GROUPS};
use crate::format::significant;
use crate::i18n::{fill, use_i18n, I18n, LabKey};
use crate::state::use_record;
use dmip_engine::clinical::analyte::{Analyte, LimitKind, ReferenceLimit};
use dmip_engine::clinical::biomarkers::notes;
use dmip_engine::clinical::body::Sex;
use dmip_engine::clinical::ranges::{reference, Position, Reference, ReferenceRange};
use dmip_engine::clinical::{Gap, Status};
use dmip_engine::labs::{rows, Row};
use leptos::prelude::*;

fn limit_text(i18n: I18n, lim: &ReferenceLimit) -> String {
    let (key, sign) = match lim.kind {
        LimitKind::Below => (LabKey::Reference, "<"),
        LimitKind::AtMost => (LabKey::Reference, "≤"),
        LimitKind::StudyCutOff => (LabKey::StudyCutOff, ""),
    };
    let limit = format!("{sign}{} {}", num(lim.value), lim.unit.symbol());
    fill(
        i18n.t(key),
        &[("limit", &limit), ("source", lim.source.citation())],
    )
}

fn range_text(r: &ReferenceRange) -> String {
    format!("{}–{} {}", num(r.low), num(r.high), r.unit.symbol())
}

/// The reference line of `analyte` for the assay of its latest result and
/// the patient's sex.
fn reference_line(i18n: I18n, analyte: Analyte, rows: &[Row], sex: Option<Sex>) -> (String, bool) {
    let assay = rows.last().and_then(|r| r.result.assay.clone());
    match reference(analyte, assay.as_ref(), sex) {
        Status::Available {
            value: Reference::Limit { limit },
        } => (limit_text(i18n, &limit), false),
        Status::Available {
            value: Reference::Range { range },
        } => (
            fill(
                i18n.t(LabKey::ReferenceRange),
                &[
                    ("range", &range_text(&range)),
                    ("source", range.source.citation()),
                ],
            ),
            false,
        ),
        Status::Available {
            value: Reference::BySex { male, female },
        } => (
            fill(
                i18n.t(LabKey::ReferenceBySex),
                &[
                    ("male", &range_text(&male)),
                    ("female", &range_text(&female)),
                    ("source", male.source.citation()),
                ],
            ),
            false,
        ),
        // No range at all: the lab's own; otherwise why the pack's does not apply.
        Status::Unavailable {
            gap: Gap::LabReferenceRange,
        } => (i18n.t(LabKey::LabsOwnRange).to_owned(), true),
        Status::Unavailable { gap } => (gap_text(i18n.lang(), gap).to_owned(), true),
    }
}

fn status_cell(i18n: I18n, row: &Row) -> (String, bool) {
    match &row.interpretation {
        Ok(i) if i.position.is_some() => {
            let (key, out) = match i.position {
                Some(Position::Low) => (LabKey::RangeLow, true),
                Some(Position::High) => (LabKey::RangeHigh, true),
                _ => (LabKey::RangeWithin, false),
            };
            (i18n.t(key).to_owned(), out)
        }
        Ok(i) => match (i.beyond_limit, i.fold_of_limit) {
            (Some(above), Some(fold)) => {
                let key = if above {
                    LabKey::AboveLimit
                } else {
                    LabKey::WithinLimit
                };
                (fill(i18n.t(key), &[("fold", &significant(fold, 2))]), above)
            }
            _ => (i18n.t(LabKey::NoVerdict).to_owned(), false),
        },
        Err(e) => (e.to_string(), false),
    }
}

fn change_cell(i18n: I18n, row: &Row) -> String {
    match row.change_pct {
        Some(p) => format!("{}{} %", if p > 0.0 { "+" } else { "" }, significant(p, 3)),
        None if row.baseline => i18n.t(LabKey::Baseline).to_owned(),
        None => i18n.t(LabKey::NotComparable).to_owned(),
    }
}

#[component]
fn AnalyteTable(analyte: Analyte, rows: Vec<Row>) -> impl IntoView {
    let i18n = use_i18n();
    let record = use_record().record;
    let slug = analyte_slug(analyte);
    let reference = {
        let rows = rows.clone();
        Signal::derive(move || {
            let sex = record.with(|r| r.patient.sex);
            reference_line(i18n, analyte, &rows, sex)
        })
    };
    let body = move || {
        rows.iter()
            .map(|row| {
                let (status, above) = status_cell(i18n, row);
                let change = change_cell(i18n, row);
                let index = row.index;
                let r = &row.result;
                let value = format!("{} {}", num(r.value), r.unit.symbol());
                let assay = assay_text(i18n.lang(), r.assay.as_ref());
                let no_assay = assay.is_empty();
                view! {
                    <tr class:flagged=above>
                        <td class="lab-date-cell">{date_text(r.date)}</td>
                        <td class="num" data-label=i18n.t(LabKey::ColValue)>{value}</td>
                        <td class="lab-assay" class:lab-none=no_assay data-label=i18n.t(LabKey::ColAssay)>{assay}</td>
                        <td class="lab-status" data-label=i18n.t(LabKey::ColStatus)>{status}</td>
                        <td class="num lab-change" data-label=i18n.t(LabKey::ColChange)>{change}</td>
                        <td>
                            <button type="button" class="small danger" on:click=move |_| record.update(|rec| {
                                if index < rec.labs.len() {
                                    rec.labs.remove(index);
                                }
                            })>
                                {i18n.t(LabKey::Delete)}
                            </button>
                        </td>
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        <section class="lab-analyte" id=format!("lab-table-{slug}")>
            <h5>{move || analyte_name(i18n.lang(), analyte)}</h5>
            <p class=move || if reference.get().1 { "lab-ref muted" } else { "lab-ref" }>{move || reference.get().0}</p>
            <div class="table-wrap">
                <table class="tdm-table lab-table">
                    <thead>
                        <tr>
                            <th>{i18n.tx(LabKey::ColDate)}</th>
                            <th>{i18n.tx(LabKey::ColValue)}</th>
                            <th>{i18n.tx(LabKey::ColAssay)}</th>
                            <th>{i18n.tx(LabKey::ColStatus)}</th>
                            <th>{i18n.tx(LabKey::ColChange)}</th>
                            <th></th>
                        </tr>
                    </thead>
                    <tbody>{body}</tbody>
                </table>
            </div>
            <NoteList notes=notes(analyte).to_vec() />
        </section>
    }
}

/// Every test with results, by section.
#[component]
pub fn ResultTables() -> impl IntoView {
    let i18n = use_i18n();
    let record = use_record().record;
    let content = move || {
        let labs = record.with(|r| r.labs.clone());
        let sex = record.with(|r| r.patient.sex);
        if labs.is_empty() {
            return view! { <p class="muted">{i18n.t(LabKey::NoResults)}</p> }.into_any();
        }
        GROUPS
            .iter()
            .filter_map(|(group, list)| {
                let tables: Vec<_> = list
                    .iter()
                    .map(|a| (*a, rows(&labs, *a, sex)))
                    .filter(|(_, r)| !r.is_empty())
                    .collect();
                (!tables.is_empty()).then(|| {
                    view! {
                        <div class="lab-group">
                            <h4>{i18n.t(*group)}</h4>
                            {tables
                                .into_iter()
                                .map(|(a, r)| view! { <AnalyteTable analyte=a rows=r /> })
                                .collect_view()}
                        </div>
                    }
                })
            })
            .collect_view()
            .into_any()
    };
    view! {
        <section class="panel" id="lab-tables" aria-labelledby="lab-tables-title">
            <h3 id="lab-tables-title">{i18n.tx(LabKey::ResultsTitle)}</h3>
            {content}
        </section>
    }
}

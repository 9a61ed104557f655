//! Calculation files of the open record: NONMEM-style CSV of one drug's
//! doses and levels (export, import), and the reproducible calculation
//! capsule (export, open and recompute).

use crate::app::VERSION;
use crate::i18n::{fill, use_i18n, Key};
use crate::state::use_record;
use crate::storage::capsule::{self, Replay};
use crate::storage::live::{use_vault, Notice};
use crate::storage::web::{download, now_clock, read_file};
use crate::tdm_ui::market;
use crate::widgets::{FilePicker, LabelledBox};
use dmip_engine::catalog::builtin;
use dmip_engine::io::{nonmem, nonmem_write};
use dmip_engine::record::PatientRecord;
use dmip_engine::tdm::view::{DateTime, FixedOffset};
use dmip_engine::tdm::Drug;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

const ORIGIN_FORMAT: &str = "%Y%m%dT%H%M%z";

fn slug(drug: Drug) -> &'static str {
    match drug {
        Drug::Cyclosporine => "csa",
        Drug::Tacrolimus => "tac",
    }
}

fn drug_of(r: &mut PatientRecord, drug: Drug) -> &mut dmip_engine::record::DrugRecord {
    match drug {
        Drug::Cyclosporine => &mut r.cyclosporine,
        Drug::Tacrolimus => &mut r.tacrolimus,
    }
}

/// The compartment the model observes levels in (doses go into 1).
fn central_cmt(model_id: &str) -> usize {
    builtin(model_id)
        .and_then(Result::ok)
        .map(|d| d.compartments().1)
        .unwrap_or(1)
}

/// The CSV text and its file name (TIME 0 in the name, to import back).
fn csv_for(r: &PatientRecord, drug: Drug) -> Result<(String, String), String> {
    let now = now_clock().ok_or("no clock")?;
    let input = capsule::input_for(drug, r, now, market::stored())?;
    let central = central_cmt(&input.model_id);
    let origin = input
        .doses
        .iter()
        .map(|d| d.start)
        .chain(input.levels.iter().map(|l| l.sampled))
        .min()
        .ok_or("no doses and no levels")?;
    // NONMEM wants a numeric ID; the record id stays out of the file.
    let id = "1";
    // A covariate that changes over time (a prednisolone taper) is written
    // row by row, so the file computes what the screen does.
    let text = nonmem_write::write_with_steps(
        id,
        &input.doses,
        &input.levels,
        &input.covariates,
        &input.covariate_steps,
        central,
    )
    .map_err(|e| e.to_string())?;
    Ok((
        text,
        format!("dmip-{}-{}.csv", slug(drug), origin.format(ORIGIN_FORMAT)),
    ))
}

/// TIME 0 from a file name written by [`csv_for`], or typed `YYYY-MM-DD HH:MM`.
fn origin(name: &str, typed: &str) -> Option<DateTime<FixedOffset>> {
    let stem = name.trim_end_matches(".csv");
    if let Some(o) = stem
        .rsplit('-')
        .next()
        .and_then(|s| DateTime::parse_from_str(s, ORIGIN_FORMAT).ok())
    {
        return Some(o);
    }
    // Names like dmip-csa-20260401T0800+0900.csv: the offset may hold a '-'.
    if let Some(i) = stem.find(|c: char| c.is_ascii_digit()) {
        if let Ok(o) = DateTime::parse_from_str(&stem[i..], ORIGIN_FORMAT) {
            return Some(o);
        }
    }
    let now = now_clock()?;
    let naive = dmip_engine::tdm::view::DateTime::parse_from_str(
        &format!("{} {}", typed.trim(), now.format("%z")),
        "%Y-%m-%d %H:%M %z",
    );
    naive.ok()
}

fn import_csv(
    r: &mut PatientRecord,
    drug: Drug,
    text: &str,
    when: DateTime<FixedOffset>,
) -> Result<usize, String> {
    let subjects = nonmem::read(text.as_bytes()).map_err(|e| e.to_string())?;
    if subjects.len() != 1 {
        return Err(nonmem_write::NonmemWriteError::Subjects(subjects.len()).to_string());
    }
    let model_id = capsule::input_for(drug, r, when, market::stored())?.model_id;
    let (doses, levels) = nonmem_write::to_rows(&subjects[0], when, central_cmt(&model_id))
        .map_err(|e| e.to_string())?;
    let n = doses.len() + levels.len();
    let d = drug_of(r, drug);
    d.doses = doses;
    d.levels = levels;
    Ok(n)
}

fn input_el(e: &leptos::ev::Event) -> Option<web_sys::HtmlInputElement> {
    e.target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
}

#[component]
pub fn CalcFiles() -> impl IntoView {
    let i18n = use_i18n();
    let vault = use_vault();
    let record = use_record();
    let drug = RwSignal::new(Drug::Cyclosporine);
    let typed_origin = RwSignal::new(String::new());
    let replay = RwSignal::new(None::<Replay>);
    let fail = move |key: Key, e: String| vault.notify(Notice::error(key, e));

    let export_csv = move |_| {
        vault.notices.set(Vec::new());
        match record
            .record
            .with_untracked(|r| csv_for(r, drug.get_untracked()))
            .and_then(|(text, name)| download(&name, &text, "text/csv"))
        {
            Ok(()) => vault.notify(Notice::info(Key::RecExported)),
            Err(e) => fail(Key::RecCsvFailed, e),
        }
    };
    let export_capsule = move |_| {
        vault.notices.set(Vec::new());
        let d = drug.get_untracked();
        let result = now_clock()
            .ok_or_else(|| "no clock".to_string())
            .and_then(|now| {
                record
                    .record
                    .with_untracked(|r| capsule::input_for(d, r, now, market::stored()))
            })
            .and_then(|input| capsule::make(&input, VERSION).map_err(|e| e.to_string()))
            .and_then(|text| {
                download(
                    &format!("dmip-capsule-{}.json", slug(d)),
                    &text,
                    "application/json",
                )
            });
        match result {
            Ok(()) => vault.notify(Notice::info(Key::RecExported)),
            Err(e) => fail(Key::RecCapsuleFailed, e),
        }
    };
    let on_csv = move |e: leptos::ev::Event| {
        let Some(input) = input_el(&e) else { return };
        vault.notices.set(Vec::new());
        leptos::task::spawn_local(async move {
            match read_file(&input).await {
                // The columns are checked before asking when TIME 0 was.
                Ok((_, text)) if nonmem::read(text.as_bytes()).is_err() => {
                    let e = nonmem::read(text.as_bytes()).err().map(|e| e.to_string());
                    fail(Key::RecCsvFailed, e.unwrap_or_default())
                }
                Ok((name, text)) => match origin(&name, &typed_origin.get_untracked()) {
                    None => fail(Key::RecCsvNoOrigin, String::new()),
                    Some(when) => {
                        let mut copy = record.record.get_untracked();
                        match import_csv(&mut copy, drug.get_untracked(), &text, when) {
                            Ok(n) => {
                                record.record.set(copy);
                                vault.notify(Notice {
                                    key: Key::RecCsvImported.into(),
                                    args: vec![("count", n.to_string())],
                                    error: false,
                                });
                            }
                            Err(e) => fail(Key::RecCsvFailed, e),
                        }
                    }
                },
                Err(e) => fail(Key::RecCsvFailed, e),
            }
            input.set_value("");
        });
    };
    let on_capsule = move |e: leptos::ev::Event| {
        let Some(input) = input_el(&e) else { return };
        vault.notices.set(Vec::new());
        replay.set(None);
        leptos::task::spawn_local(async move {
            match read_file(&input)
                .await
                .and_then(|(_, text)| capsule::replay(&text).map_err(|e| e.to_string()))
            {
                Ok(r) => replay.set(Some(r)),
                Err(e) => fail(Key::RecCapsuleFailed, e),
            }
            input.set_value("");
        });
    };
    let num = |x: Option<f64>| x.map(|v| format!("{v:.6}")).unwrap_or_else(|| "—".into());
    view! {
        <fieldset class="rec-files rec-calc">
            <legend>{i18n.tx(Key::RecCalcFiles)}</legend>
            <div class="rec-drug" role="group">
                {[(Drug::Cyclosporine, Key::ScreenCyclosporine), (Drug::Tacrolimus, Key::ScreenTacrolimus)]
                    .into_iter()
                    .map(|(d, k)| view! {
                        <label class="inline">
                            <input type="radio" name="rec-drug" data-drug=slug(d)
                                prop:checked=move || drug.get() == d
                                on:change=move |_| drug.set(d) />
                            {i18n.tx(k)}
                        </label>
                    })
                    .collect_view()}
            </div>
            <button type="button" id="rec-csv-export" on:click=export_csv>{i18n.tx(Key::RecCsvExport)}</button>
            <LabelledBox label=Key::RecCsvOrigin id="rec-csv-origin" placeholder="2026-04-01 08:00" value=typed_origin />
            <FilePicker label=Key::RecCsvImport id="rec-csv-import" accept=".csv,text/csv" on_change=on_csv />
            <button type="button" id="rec-capsule-export" on:click=export_capsule>{i18n.tx(Key::RecCapsuleExport)}</button>
            <FilePicker label=Key::RecCapsuleOpen id="rec-capsule-open" accept=".json,application/json" on_change=on_capsule />
            {move || replay.get().map(|r| {
                let verdict = if r.differences.is_empty() {
                    fill(i18n.t(Key::RecCapsuleSame), &[("version", r.app.as_str()), ("model", r.model_id.as_str())])
                } else {
                    fill(i18n.t(Key::RecCapsuleDiffers), &[
                        ("version", r.app.as_str()),
                        ("count", &r.differences.len().to_string()),
                        ("detail", &r.differences.join("; ")),
                    ])
                };
                let cls = if r.differences.is_empty() { "rec-notice" } else { "rec-notice error" };
                view! {
                    <div class="rec-capsule">
                        <p id="rec-capsule-verdict" class=cls>{verdict}</p>
                        <table class="self-table">
                            <thead><tr>
                                <th>{i18n.t(Key::SelfCase)}</th>
                                <th>{i18n.t(Key::RecCapsuleStored)}</th>
                                <th>{i18n.t(Key::RecCapsuleNow)}</th>
                            </tr></thead>
                            <tbody>
                                {r.lines.into_iter().map(|(k, s, n)| view! {
                                    <tr><td>{k}</td><td class="num">{num(s)}</td><td class="num">{num(n)}</td></tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }
            })}
        </fieldset>
    }
}

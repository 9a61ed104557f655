//! Records: the encrypted store (create, unlock, lock), the list (search,
//! open, duplicate, delete with undo), export and import files.

#[path = "records_files.rs"]
mod records_files;

use super::{Screen, ScreenFrame};
use crate::app::VERSION;
use crate::i18n::{fill, use_i18n, Key, StoreKey};
use crate::state::use_record;
use crate::storage::files::{self, ImportError};
use crate::storage::live::{use_vault, Notice, Vault};
use crate::storage::store::Status;
use crate::storage::vault::KdfParams;
use crate::storage::web::{chosen_file_size, download, fill_random, new_id, read_file};
use crate::widgets::{FilePicker, LabelledBox};
use dmip_engine::record::PatientRecord;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The notices of the store, newest last.
#[component]
pub fn Notices() -> impl IntoView {
    let i18n = use_i18n();
    let vault = use_vault();
    view! {
        <div class="rec-notices" role="status" aria-live="polite">
            {move || {
                vault
                    .notices
                    .get()
                    .into_iter()
                    .map(|n| {
                        let args: Vec<(&str, &str)> =
                            n.args.iter().map(|(k, v)| (*k, v.as_str())).collect();
                        let text = fill(i18n.t(n.key), &args);
                        view! {
                            <p class=if n.error { "rec-notice error" } else { "rec-notice" }>{text}</p>
                        }
                    })
                    .collect_view()
            }}
        </div>
    }
}

fn export_records(vault: Vault, records: &[PatientRecord], passphrase: &str, name: &str) {
    let pass = (!passphrase.is_empty()).then_some(passphrase);
    match files::export(records, VERSION, pass, KdfParams::DEFAULT, &mut fill_random)
        .map_err(|e| e.to_string())
        .and_then(|text| download(name, &text, "application/json"))
    {
        Ok(()) => vault.notify(Notice::info(Key::RecExported)),
        Err(e) => vault.notify(Notice::error(Key::RecStorageError, e)),
    }
}

fn import_text(vault: Vault, text: &str, passphrase: &str, copy_of: &'static str) {
    let pass = (!passphrase.is_empty()).then_some(passphrase);
    match files::import_bounded(text, pass) {
        Ok((records, shortened)) => {
            let copy_label = |label: &str| fill(copy_of, &[("label", label)]);
            let done = vault.import(records, &copy_label);
            vault.notify(Notice::with(
                Key::RecImported,
                vec![("count", done.stored.to_string())],
                false,
            ));
            if shortened > 0 {
                vault.notify(Notice::with(
                    StoreKey::ImportShortened,
                    vec![
                        ("count", shortened.to_string()),
                        ("max", crate::storage::bounded::MAX_TEXT_CHARS.to_string()),
                    ],
                    false,
                ));
            }
            if done.copies > 0 {
                vault.notify(Notice::with(
                    StoreKey::ImportCopies,
                    vec![("count", done.copies.to_string())],
                    false,
                ));
            }
            if let Some(first) = done.failed.first() {
                vault.notify(Notice::with(
                    StoreKey::ImportNotAll,
                    vec![
                        ("count", done.failed.len().to_string()),
                        ("detail", first.to_string()),
                    ],
                    true,
                ));
            }
        }
        Err(ImportError::NeedsPassphrase) => {
            vault.notify(Notice::error(Key::RecImportNeedsPassphrase, ""))
        }
        Err(ImportError::Decrypt) => vault.notify(Notice::error(Key::RecWrongPassphrase, "")),
        Err(ImportError::TooLarge { size, limit }) => too_large(vault, size, limit),
        Err(e) => vault.notify(Notice::error(Key::RecImportFailed, e.to_string())),
    }
}

fn megabytes(bytes: usize) -> String {
    format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
}

fn too_large(vault: Vault, size: usize, limit: usize) {
    vault.notify(Notice::with(
        StoreKey::ImportTooLarge,
        vec![("size", megabytes(size)), ("limit", megabytes(limit))],
        true,
    ));
}

/// Downloads every entry of the store exactly as stored.
fn export_raw(vault: Vault) {
    match vault
        .export_raw()
        .map_err(|e| e.to_string())
        .and_then(|text| download("dmip-store-raw.json", &text, "application/json"))
    {
        Ok(()) => vault.notify(Notice::info(Key::RecExported)),
        Err(e) => vault.notify(Notice::error(Key::RecStorageError, e)),
    }
}

#[component]
fn RawExportButton() -> impl IntoView {
    let i18n = use_i18n();
    let vault = use_vault();
    view! {
        <button type="button" id="rec-raw-export" on:click=move |_| export_raw(vault)>
            {i18n.tx(StoreKey::RawExport)}
        </button>
    }
}

/// A store this app does not open: what was found, that it is kept, and
/// its raw export.
#[component]
fn Problem() -> impl IntoView {
    let i18n = use_i18n();
    let vault = use_vault();
    let text = move || match vault.status.get() {
        Status::Problem(p) => {
            let n = Notice::problem(&p);
            let args: Vec<(&str, &str)> = n.args.iter().map(|(k, v)| (*k, v.as_str())).collect();
            fill(i18n.t(n.key), &args)
        }
        _ => String::new(),
    };
    view! {
        <div class="rec-problem">
            <p class="rec-notice error" id="rec-problem">{text}</p>
            <p>{i18n.tx(StoreKey::ProblemKept)}</p>
            <RawExportButton />
        </div>
    }
}

#[component]
fn Setup() -> impl IntoView {
    let i18n = use_i18n();
    let vault = use_vault();
    let pass = RwSignal::new(String::new());
    let confirm = RwSignal::new(String::new());
    let accept_plain = RwSignal::new(false);
    let create = move |_| {
        let (p, c) = (pass.get_untracked(), confirm.get_untracked());
        if p.chars().count() < 8 {
            vault
                .notices
                .set(vec![Notice::error(Key::RecPassTooShort, "")]);
        } else if p != c {
            vault
                .notices
                .set(vec![Notice::error(Key::RecPassMismatch, "")]);
        } else {
            vault.create(Some(&p));
        }
    };
    view! {
        <div class="rec-setup">
            <p>{i18n.tx(Key::RecSetupIntro)}</p>
            <LabelledBox label=Key::RecPassphrase id="rec-new-pass" kind="password" autocomplete="new-password" value=pass />
            <LabelledBox label=Key::RecPassphraseAgain id="rec-new-pass2" kind="password" autocomplete="new-password" value=confirm />
            <button type="button" id="rec-create" on:click=create>{i18n.tx(Key::RecCreate)}</button>
            <details class="rec-plain">
                <summary>{i18n.tx(Key::RecPlainSummary)}</summary>
                <p class="warning">{i18n.tx(Key::RecPlainWarning)}</p>
                <label>
                    <input type="checkbox" id="rec-plain-accept"
                        prop:checked=move || accept_plain.get()
                        on:change=move |e| accept_plain.set(event_target_checked(&e)) />
                    {i18n.tx(Key::RecPlainAccept)}
                </label>
                <button type="button" id="rec-create-plain" disabled=move || !accept_plain.get()
                    on:click=move |_| vault.create(None)>
                    {i18n.tx(Key::RecCreatePlain)}
                </button>
            </details>
        </div>
    }
}

#[component]
fn Unlock() -> impl IntoView {
    let i18n = use_i18n();
    let vault = use_vault();
    let pass = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let unlock = move || {
        busy.set(true);
        // Let the browser paint "unlocking…" before the slow key derivation.
        set_timeout(
            move || {
                vault.unlock(&pass.get_untracked());
                pass.set(String::new());
                busy.set(false);
            },
            std::time::Duration::from_millis(30),
        );
    };
    view! {
        <form class="rec-unlock" on:submit=move |e| { e.prevent_default(); unlock(); }>
            <LabelledBox label=Key::RecPassphrase id="rec-pass" kind="password" autocomplete="current-password" value=pass />
            <button type="submit" id="rec-unlock" disabled=move || busy.get()>
                {move || if busy.get() { i18n.t(Key::RecUnlocking) } else { i18n.t(Key::RecUnlock) }}
            </button>
            <RawExportButton />
        </form>
    }
}

#[component]
fn Open() -> impl IntoView {
    let i18n = use_i18n();
    let vault = use_vault();
    let record = use_record();
    let search = RwSignal::new(String::new());
    let export_pass = RwSignal::new(String::new());
    let import_pass = RwSignal::new(String::new());
    let entries = Memo::new(move |_| {
        let q = search.get().to_lowercase();
        vault
            .session
            .with(|s| s.as_ref().map(|s| s.entries.clone()).unwrap_or_default())
            .into_iter()
            .filter(|e| q.is_empty() || e.label.to_lowercase().contains(&q) || e.id.contains(&q))
            .collect::<Vec<_>>()
    });
    let load = move |id: &str| -> Option<PatientRecord> {
        let mut out = None;
        vault.session.update(|s| {
            if let Some(s) = s {
                out = vault.with_kv(|kv| s.load(kv, id)).ok();
            }
        });
        out
    };
    let export_all = move |_| {
        let ids: Vec<String> = vault
            .session
            .with_untracked(|s| {
                s.as_ref()
                    .map(|s| s.entries.iter().map(|e| e.id.clone()).collect())
            })
            .unwrap_or_default();
        let all: Vec<PatientRecord> = ids.iter().filter_map(|id| load(id)).collect();
        export_records(
            vault,
            &all,
            &export_pass.get_untracked(),
            "dmip-records.json",
        );
    };
    let on_file = move |e: leptos::ev::Event| {
        let Some(input) = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        vault.notices.set(Vec::new());
        // Refused before the file is read, let alone parsed.
        if let Some(size) = chosen_file_size(&input) {
            if let Err(ImportError::TooLarge { size, limit }) = files::check_size(size) {
                too_large(vault, size, limit);
                input.set_value("");
                return;
            }
        }
        let copy_of = i18n.t(Key::RecCopyOf);
        leptos::task::spawn_local(async move {
            match read_file(&input).await {
                Ok((_, text)) => import_text(vault, &text, &import_pass.get_untracked(), copy_of),
                Err(e) => vault.notify(Notice::error(Key::RecImportFailed, e)),
            }
            input.set_value("");
        });
    };
    view! {
        <div class="rec-open">
            <p class="rec-mode">
                {move || {
                    let enc = vault.session.with(|s| s.as_ref().is_some_and(|s| s.encrypted()));
                    i18n.t(if enc { Key::RecModeEncrypted } else { Key::RecModePlain })
                }}
            </p>
            <div class="rec-current">
                <label>
                    {i18n.tx(Key::RecLabel)}
                    <input type="text" id="rec-label"
                        prop:value=move || record.record.with(|r| r.label.clone())
                        on:input=move |e| {
                            vault.saving.set(true);
                            let v = event_target_value(&e);
                            record.record.update(|r| {
                                if r.id == "new" { r.id = new_id(); }
                                r.label = v;
                            });
                        } />
                </label>
                <button type="button" id="rec-new" on:click=move |_| vault.new_record(record)>
                    {i18n.tx(Key::RecNew)}
                </button>
                <button type="button" id="rec-lock" on:click=move |_| vault.lock(record)>
                    {i18n.tx(Key::RecLock)}
                </button>
            </div>
            <label class="rec-search">
                {i18n.tx(Key::RecSearch)}
                <input type="search" id="rec-search"
                    prop:value=move || search.get()
                    on:input=move |e| search.set(event_target_value(&e)) />
            </label>
            {move || vault.undo.get().map(|(entry, _)| view! {
                <p class="rec-undo">
                    {fill(i18n.t(Key::RecDeleted), &[("label", if entry.label.is_empty() { entry.id.as_str() } else { entry.label.as_str() })])}
                    " "
                    <button type="button" id="rec-undo" on:click=move |_| {
                        if let Some(u) = vault.undo.get_untracked() {
                            vault.session.update(|s| if let Some(s) = s {
                                let _ = vault.with_kv(|kv| s.undelete(kv, u, &mut fill_random));
                            });
                            vault.undo.set(None);
                        }
                    }>{i18n.t(Key::RecUndo)}</button>
                </p>
            })}
            <table class="rec-list">
                <thead><tr>
                    <th>{i18n.tx(Key::RecLabel)}</th>
                    <th>{i18n.tx(Key::RecUpdated)}</th>
                    <th></th>
                </tr></thead>
                <tbody>
                    <For each=move || entries.get() key=|e| (e.id.clone(), e.label.clone(), e.updated.clone()) let:e>
                        {
                            let (id1, id2, id3, id4, id5) = (e.id.clone(), e.id.clone(), e.id.clone(), e.id.clone(), e.id.clone());
                            let label = if e.label.is_empty() { format!("({})", e.id) } else { e.label.clone() };
                            view! {
                                <tr data-id=id5>
                                    <td class="rec-name">{label}</td>
                                    <td>{let u = e.updated.clone(); move || super::report::date_time_text(i18n.lang(), &u)}</td>
                                    <td class="rec-actions">
                                        <button type="button" class="rec-open-btn" on:click=move |_| vault.open(record, &id1)>
                                            {i18n.tx(Key::RecOpen)}
                                        </button>
                                        <button type="button" class="rec-dup-btn" on:click=move |_| {
                                            if let Some(mut r) = load(&id2) {
                                                r.id = new_id();
                                                r.label = fill(i18n.t(Key::RecCopyOf), &[("label", r.label.as_str())]);
                                                vault.save(&r);
                                            }
                                        }>{i18n.tx(Key::RecDuplicate)}</button>
                                        <button type="button" class="rec-export-btn" on:click=move |_| {
                                            if let Some(r) = load(&id3) {
                                                export_records(vault, &[r], &export_pass.get_untracked(), "dmip-record.json");
                                            }
                                        }>{i18n.tx(Key::RecExport)}</button>
                                        <button type="button" class="rec-del-btn" on:click=move |_| {
                                            let id = id4.clone();
                                            if record.record.with_untracked(|r| r.id == id) {
                                                vault.saving.set(false);
                                                record.record.set(PatientRecord::new("new"));
                                            }
                                            vault.session.update(|s| if let Some(s) = s {
                                                if let Ok(u) = vault.with_kv(|kv| s.delete(kv, &id, &mut fill_random)) {
                                                    vault.undo.set(Some(u));
                                                }
                                            });
                                        }>{i18n.tx(Key::RecDelete)}</button>
                                    </td>
                                </tr>
                            }
                        }
                    </For>
                </tbody>
            </table>
            {move || entries.with(Vec::is_empty).then(|| view! { <p class="rec-empty">{i18n.t(Key::RecNone)}</p> })}
            <fieldset class="rec-files">
                <legend>{i18n.tx(Key::RecFiles)}</legend>
                <LabelledBox label=Key::RecExportPass id="rec-export-pass" kind="password" value=export_pass />
                <button type="button" id="rec-export-all" on:click=export_all>{i18n.tx(Key::RecExportAll)}</button>
                <LabelledBox label=Key::RecImportPass id="rec-import-pass" kind="password" value=import_pass />
                <FilePicker label=Key::RecImport id="rec-import" accept=".json,application/json" on_change=on_file />
            </fieldset>
            <records_files::CalcFiles />
        </div>
    }
}

#[component]
pub fn RecordsScreen() -> impl IntoView {
    let i18n = use_i18n();
    let vault = use_vault();
    // Which view, as a memo: the open view is not rebuilt (losing what is
    // typed in it) when the store's status changes while it stays open.
    let view =
        Memo::new(
            move |_| match (vault.session.with(Option::is_some), vault.status.get()) {
                (true, _) => 0,
                (false, Status::Empty) => 1,
                (false, Status::Problem(_)) => 3,
                (false, _) => 2,
            },
        );
    view! {
        <ScreenFrame screen=Screen::Records>
            {(!vault.persistent()).then(|| view! { <p class="rec-notice error">{i18n.tx(Key::RecNoStorage)}</p> })}
            <Notices />
            {move || match view.get() {
                0 => Open().into_any(),
                1 => Setup().into_any(),
                3 => Problem().into_any(),
                _ => Unlock().into_any(),
            }}
        </ScreenFrame>
    }
}

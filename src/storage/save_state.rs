//! Whether what the user typed is kept: the open record's save state, shown on
//! every screen under the navigation (the user always knows: saved · saving ·
//! not saved and why, with "export now"; not kept while there is no store or
//! the store is locked, with the button that fixes it).

use super::files;
use super::live::use_vault;
use super::store::{Status, StoreError};
use super::vault::KdfParams;
use super::web::{download, fill_random};
use crate::i18n::{fill, use_i18n, StoreKey};
use crate::state::use_record;
use crate::VERSION;
use dmip_engine::record::PatientRecord;
use leptos::prelude::*;

/// The open record's save state.
#[derive(Debug, Clone, PartialEq)]
pub enum SaveState {
    /// Nothing typed that needs keeping.
    Nothing,
    /// Typed; written within the autosave delay (or at once when the page
    /// is hidden or closed, or another record is opened).
    Pending,
    /// Written at this clock time (YYYY-MM-DDTHH:MM).
    Saved(String),
    /// The write failed; the edit stays in memory and the write is retried.
    Failed(Failure),
    /// Typed while no store is open: lost when the page closes.
    NotKept(NoStore),
    /// The open record was deleted in another tab: what is on screen is not
    /// written back; it stays in memory and can be kept as a new record.
    Deleted,
}

impl SaveState {
    /// Whether closing the page now would lose what was typed (after the
    /// flush that closing triggers).
    pub fn would_lose(&self) -> bool {
        matches!(
            self,
            SaveState::Failed(_) | SaveState::NotKept(_) | SaveState::Deleted
        )
    }
}

/// Why a write failed.
#[derive(Debug, Clone, PartialEq)]
pub enum Failure {
    /// The browser's storage is full.
    Full,
    /// Anything else, as the store says it.
    Other(String),
}

impl Failure {
    pub fn of(e: &StoreError) -> Self {
        let text = e.to_string();
        // Chromium: "QuotaExceededError"; Firefox: "NS_ERROR_DOM_QUOTA_REACHED".
        if text.to_ascii_lowercase().contains("quota") {
            Failure::Full
        } else {
            Failure::Other(text)
        }
    }
}

/// Why nothing is kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoStore {
    /// No store exists yet.
    Create,
    /// The store is locked.
    Unlock,
    /// The store cannot be opened (damaged, newer, altered, unavailable).
    Problem,
}

impl NoStore {
    pub fn of(status: &Status) -> Self {
        match status {
            Status::Empty => NoStore::Create,
            Status::Locked | Status::Plain => NoStore::Unlock,
            Status::Problem(_) => NoStore::Problem,
        }
    }
}

/// Whether `r` holds anything typed (a fresh record does not).
pub fn typed(r: &PatientRecord) -> bool {
    *r != PatientRecord::new(r.id.clone())
}

/// The save state line, for every screen.
#[component]
pub fn SaveStatus() -> impl IntoView {
    let i18n = use_i18n();
    let vault = use_vault();
    let record = use_record();
    let export_now = move |_| {
        let r = record.record.get_untracked();
        let text = files::export(&[r], VERSION, None, KdfParams::DEFAULT, &mut fill_random)
            .map_err(|e| e.to_string())
            .and_then(|t| download("dmip-record.json", &t, "application/json"));
        if let Err(e) = text {
            vault.save_state.set(SaveState::Failed(Failure::Other(e)));
        }
    };
    move || {
        let state = vault.save_state.get();
        let (class, text) = match &state {
            SaveState::Nothing => return None,
            SaveState::Pending => ("save-state pending", i18n.t(StoreKey::Saving).to_owned()),
            SaveState::Saved(at) => (
                "save-state saved",
                fill(
                    i18n.t(StoreKey::SavedAt),
                    &[("time", &at.replace('T', " "))],
                ),
            ),
            SaveState::Failed(f) => {
                let why = match f {
                    Failure::Full => i18n.t(StoreKey::StorageFull).to_owned(),
                    Failure::Other(d) => d.clone(),
                };
                (
                    "save-state failed",
                    fill(i18n.t(StoreKey::NotSaved), &[("detail", &why)]),
                )
            }
            SaveState::NotKept(why) => (
                "save-state failed",
                i18n.t(match why {
                    NoStore::Create => StoreKey::NotKeptCreate,
                    NoStore::Unlock => StoreKey::NotKeptUnlock,
                    NoStore::Problem => StoreKey::NotKeptProblem,
                })
                .to_owned(),
            ),
            SaveState::Deleted => (
                "save-state failed",
                i18n.t(StoreKey::DeletedElsewhere).to_owned(),
            ),
        };
        let action = match &state {
            SaveState::Failed(_) => Some(
                view! {
                    <button type="button" id="save-export-now" on:click=export_now>
                        {i18n.tx(StoreKey::ExportNow)}
                    </button>
                }
                .into_any(),
            ),
            SaveState::Deleted => Some(
                view! {
                    <button type="button" id="save-keep-new" on:click=move |_| vault.keep_as_new()>
                        {i18n.tx(StoreKey::KeepAsNew)}
                    </button>
                }
                .into_any(),
            ),
            SaveState::NotKept(why) => Some(
                view! {
                    <a class="button" id="save-go-records" href="#/records">
                        {i18n.tx(match why {
                            NoStore::Create => StoreKey::GoCreate,
                            NoStore::Unlock => StoreKey::GoUnlock,
                            NoStore::Problem => StoreKey::GoRecords,
                        })}
                    </a>
                }
                .into_any(),
            ),
            _ => None,
        };
        let role = if state.would_lose() {
            "alert"
        } else {
            "status"
        };
        Some(view! {
            <p class=class id="save-state" role=role>
                <span>{text}</span>
                {action}
            </p>
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_storage_is_named_and_other_failures_keep_their_text() {
        let full = StoreError::Storage("QuotaExceededError: the quota has been exceeded".into());
        assert_eq!(Failure::of(&full), Failure::Full);
        let other = StoreError::Storage("SecurityError: access denied".into());
        assert_eq!(
            Failure::of(&other),
            Failure::Other("storage unavailable: SecurityError: access denied".into())
        );
    }

    #[test]
    fn only_unsaved_or_unkept_input_would_be_lost() {
        assert!(SaveState::NotKept(NoStore::Create).would_lose());
        assert!(SaveState::Failed(Failure::Full).would_lose());
        assert!(SaveState::Deleted.would_lose());
        assert!(!SaveState::Pending.would_lose());
        assert!(!SaveState::Saved("2026-12-04T10:00".into()).would_lose());
        assert!(!SaveState::Nothing.would_lose());
    }

    #[test]
    fn a_fresh_record_holds_nothing_typed() {
        let mut r = PatientRecord::new("x");
        assert!(!typed(&r));
        r.patient.weight_kg = Some(52.0);
        assert!(typed(&r));
    }
}

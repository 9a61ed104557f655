//! The store in the running app: context with the session (key and list),
//! autosave of the open record (debounced), the inactivity lock, and other
//! tabs' saves (`tabs.rs`: the open record and the list kept in step).

pub use super::notice::Notice;
use super::quarantine;
use super::save_state::{typed, Failure, NoStore, SaveState};
use super::store::{self, Entry, Imported, Kv, Opened, Session, Status, StoreError, StoreProblem};
use super::vault::KdfParams;
use super::web::{fill_random, new_id, now_local, now_ms, Backend};
use crate::i18n::{Key, StoreKey};
use crate::state::RecordState;
use dmip_engine::record::merge::Conflict;
use dmip_engine::record::PatientRecord;
use leptos::prelude::*;
use std::time::Duration;

/// Lock after this much inactivity (the key is dropped and wiped).
pub const LOCK_AFTER_MS: f64 = 15.0 * 60.0 * 1000.0;
/// Autosave this long after the last edit.
const AUTOSAVE_MS: u64 = 400;
/// A failed write is tried again this long after.
const RETRY_MS: u64 = 5000;

/// The store's state, shared through context.
#[derive(Clone, Copy)]
pub struct Vault {
    pub(super) kv: StoredValue<Backend, LocalStorage>,
    pub session: RwSignal<Option<Session>>,
    pub status: RwSignal<Status>,
    pub notices: RwSignal<Vec<Notice>>,
    pub undo: RwSignal<Option<(Entry, String)>>,
    /// The open record is in the store (autosave on).
    pub saving: RwSignal<bool>,
    /// Whether what was typed is kept (shown on every screen).
    pub save_state: RwSignal<SaveState>,
    /// Fields the last save or refresh could not merge with another tab's
    /// save (shown on the save state until dismissed or another record is
    /// opened).
    pub conflicts: RwSignal<Vec<Conflict>>,
    /// The open record as stored when this tab opened or last saved it
    /// (`None`: not stored yet): what a save is merged against.
    pub(super) base: StoredValue<Option<Opened>>,
    last_activity: StoredValue<f64>,
    generation: StoredValue<u64>,
    /// The open record (what autosave writes).
    pub(super) open: RecordState,
}

impl Vault {
    pub fn with_kv<T>(&self, f: impl FnOnce(&dyn Kv) -> T) -> T {
        self.kv.with_value(|kv| f(kv))
    }

    pub fn persistent(&self) -> bool {
        self.kv.with_value(|kv| kv.persistent())
    }

    pub fn notify(&self, n: Notice) {
        self.notices.update(|v| v.push(n));
    }

    pub fn touch(&self) {
        self.last_activity.set_value(now_ms());
    }

    /// Reads the store's status again (after a refusal).
    pub fn refresh_status(&self) {
        let st = self.with_kv(|kv| store::status(kv));
        self.status.set(status_or_problem(st));
    }

    /// Creates the store (with or without passphrase) and opens it; where
    /// something is already stored, says what and changes nothing.
    pub fn create(&self, passphrase: Option<&str>) {
        self.notices.set(Vec::new());
        let r =
            self.with_kv(|kv| store::create(kv, passphrase, KdfParams::DEFAULT, &mut fill_random));
        match r {
            Ok(s) => {
                self.status.set(if passphrase.is_some() {
                    Status::Locked
                } else {
                    Status::Plain
                });
                self.session.set(Some(s));
                self.adopt();
            }
            Err(e) => {
                self.notify(Notice::failed(&e));
                self.refresh_status();
            }
        }
    }

    /// Unlocks with `passphrase`; a wrong one, or a store this app does not
    /// open, changes nothing.
    pub fn unlock(&self, passphrase: &str) {
        self.notices.set(Vec::new());
        match self.with_kv(|kv| store::unlock(kv, passphrase, &mut fill_random)) {
            Ok((s, q)) => {
                for q in &q {
                    self.notify(Notice::quarantined(q));
                }
                for h in &s.held {
                    self.notify(Notice::held(h));
                }
                self.session.set(Some(s));
                self.touch();
                self.adopt();
            }
            Err(StoreError::WrongPassphrase) => {
                self.notify(Notice::failed(&StoreError::WrongPassphrase));
                self.notify(Notice::info(StoreKey::WrongOrAltered));
            }
            Err(StoreError::Refused(p)) => self.status.set(Status::Problem(p)),
            Err(StoreError::NoStore) => self.status.set(Status::Empty),
            Err(e) => self.notify(Notice::failed(&e)),
        }
    }

    /// What was typed while no store was open becomes a stored record (with
    /// a fresh id) once one is opened: it is written at once.
    fn adopt(&self) {
        let record = self.open.record;
        if self.saving.get_untracked() || !record.with_untracked(typed) {
            return;
        }
        self.saving.set(true);
        if record.with_untracked(|r| r.id == "new") {
            record.update(|r| r.id = new_id());
        }
        self.save(&record.get_untracked());
    }

    /// Saves `r` now (if the store is open), merged with what another tab
    /// saved since this one opened it; whether it was stored. Where both
    /// changed a field the stored value stays and the open record shows it.
    pub fn save(&self, r: &PatientRecord) -> bool {
        let mut result = None;
        let base = self.base.get_value().filter(|b| b.record.id == r.id);
        self.session.update(|s| {
            if let Some(s) = s {
                result = Some(self.kv.with_value(|kv| {
                    s.save_merged(kv, base.as_ref(), r, &now_local(), &mut fill_random)
                }));
            }
        });
        match result {
            Some(Ok(saved)) => {
                self.base.set_value(Some(saved.opened.clone()));
                if saved.opened.record != *r {
                    self.open.record.set(saved.opened.record);
                }
                if !saved.conflicts.is_empty() {
                    self.conflicts.set(saved.conflicts);
                }
                self.save_state.set(SaveState::Saved(now_local()));
                super::tabs::announce();
                true
            }
            Some(Err(StoreError::DeletedElsewhere(_))) => {
                // Said on the save state, with the button that keeps it.
                self.save_state.set(SaveState::Deleted);
                false
            }
            Some(Err(e)) => {
                self.notify(Notice::failed(&e));
                self.save_state.set(SaveState::Failed(Failure::of(&e)));
                false
            }
            None => false,
        }
    }

    /// Keeps the open record, deleted in another tab, as a new record (a
    /// new id, everything on screen) and writes it at once.
    pub fn keep_as_new(&self) {
        self.base.set_value(None);
        self.conflicts.set(Vec::new());
        self.saving.set(true);
        let record = self.open.record;
        record.update(|r| r.id = new_id());
        self.save(&record.get_untracked());
    }

    /// Writes the open record now if an edit is waiting (or failed): before
    /// another record replaces it, and when the page is hidden or closed.
    pub fn flush(&self, record: RecordState) {
        let waiting = self
            .save_state
            .with_untracked(|s| matches!(s, SaveState::Pending | SaveState::Failed(_)));
        if waiting && self.saving.get_untracked() {
            self.generation.set_value(self.generation.get_value() + 1);
            self.save(&record.record.get_untracked());
        }
    }

    /// Stores imported records (copies where an id is in use); what was
    /// stored is counted, nothing stored is overwritten.
    pub fn import(
        &self,
        records: Vec<PatientRecord>,
        copy_label: &dyn Fn(&str) -> String,
    ) -> Imported {
        let mut out = Imported::default();
        self.session.update(|s| {
            if let Some(s) = s {
                out = self.kv.with_value(|kv| {
                    s.import(
                        kv,
                        records,
                        &now_local(),
                        &mut fill_random,
                        &mut new_id,
                        copy_label,
                    )
                });
            }
        });
        out
    }

    /// Every entry of the store as stored (for a file), or why not.
    pub fn export_raw(&self) -> Result<String, StoreError> {
        self.with_kv(quarantine::export_raw)
    }

    /// Locks: drops the key (wiped on drop) and closes the open record.
    pub fn lock(&self, record: RecordState) {
        if self.saving.get_untracked() {
            self.save(&record.record.get_untracked());
        }
        self.saving.set(false);
        self.base.set_value(None);
        self.conflicts.set(Vec::new());
        self.session.set(None);
        self.undo.set(None);
        record.record.set(PatientRecord::new("new"));
    }

    /// Opens a stored record for editing.
    pub fn open(&self, record: RecordState, id: &str) {
        let mut result = None;
        self.session.update(|s| {
            if let Some(s) = s {
                result = Some(self.kv.with_value(|kv| s.open(kv, id)));
            }
        });
        match result {
            Some(Ok(opened)) => {
                self.flush(record);
                self.conflicts.set(Vec::new());
                self.base.set_value(Some(opened.clone()));
                record.record.set(opened.record);
                self.saving.set(true);
                self.save_state.set(SaveState::Nothing);
            }
            Some(Err((e, q))) => match q {
                Some(q) => self.notify(Notice::quarantined(&q)),
                None => self.notify(Notice::failed(&e)),
            },
            None => {}
        }
    }

    /// Starts a new record (saved on its first edit).
    pub fn new_record(&self, record: RecordState) {
        self.flush(record);
        self.base.set_value(None);
        self.conflicts.set(Vec::new());
        record.record.set(PatientRecord::new(new_id()));
        self.saving.set(true);
        self.save_state.set(SaveState::Nothing);
    }
}

/// Provides the store and starts autosave and the inactivity lock.
pub fn provide_vault(record: RecordState) -> Vault {
    let kv = Backend::open();
    let status = status_or_problem(store::status(&kv));
    if status == Status::Locked {
        // A store without records yet stays encrypted even if another page
        // strips its header; failing to write this is reported at unlock.
        let _ = super::header::remember_encrypted(&kv);
    }
    let vault = Vault {
        kv: StoredValue::new_local(kv),
        session: RwSignal::new(None),
        status: RwSignal::new(status.clone()),
        notices: RwSignal::new(Vec::new()),
        undo: RwSignal::new(None),
        saving: RwSignal::new(false),
        save_state: RwSignal::new(SaveState::Nothing),
        conflicts: RwSignal::new(Vec::new()),
        base: StoredValue::new(None),
        last_activity: StoredValue::new(now_ms()),
        generation: StoredValue::new(0),
        open: record,
    };
    if status == Status::Plain {
        vault.unlock("");
    }
    provide_context(vault);

    // Autosave: each edit of the record restarts a short timer; a failed
    // write is retried; typing with no store open is said at once.
    Effect::new(move |_| {
        let r = record.record.get();
        if vault.session.with_untracked(Option::is_none) {
            vault.save_state.set(if typed(&r) {
                SaveState::NotKept(NoStore::of(&vault.status.get_untracked()))
            } else {
                SaveState::Nothing
            });
            return;
        }
        if !vault.saving.get_untracked() {
            // Data entered on another screen while the store is open: it
            // becomes a stored record (with a fresh id) at its first edit.
            if !typed(&r) {
                return;
            }
            vault.saving.set(true);
            if r.id == "new" {
                record.record.update(|x| x.id = new_id());
                return;
            }
        }
        if vault
            .base
            .with_value(|b| b.as_ref().is_some_and(|b| b.record == r))
        {
            // As stored (opened, saved, or refreshed from another tab).
            return;
        }
        vault.touch();
        vault.save_state.set(SaveState::Pending);
        let generation = vault.generation.get_value() + 1;
        vault.generation.set_value(generation);
        save_later(vault, record, generation, AUTOSAVE_MS);
    });
    // What is waiting is written when the page is hidden or closed, and the
    // browser asks before closing a page whose input would be lost.
    let flush = move || vault.flush(record);
    let hidden = window_event_listener(leptos::ev::visibilitychange, move |_| {
        if document().hidden() {
            flush();
        }
    });
    let closing = window_event_listener(leptos::ev::pagehide, move |_| flush());
    let unloading = window_event_listener(leptos::ev::beforeunload, move |e| {
        flush();
        if vault.save_state.with_untracked(SaveState::would_lose) {
            e.prevent_default();
            e.set_return_value("");
        }
    });

    let tabs = super::tabs::listen(vault);

    // Activity resets the lock timer; a check every 20 s locks when idle.
    let keys = window_event_listener(leptos::ev::keydown, move |_| vault.touch());
    let clicks = window_event_listener(leptos::ev::pointerdown, move |_| vault.touch());
    let timer = set_interval_with_handle(
        move || {
            let idle = now_ms() - vault.last_activity.get_value();
            if idle > LOCK_AFTER_MS
                && vault
                    .session
                    .with_untracked(|s| s.as_ref().is_some_and(Session::encrypted))
            {
                vault.lock(record);
                vault.notify(Notice::info(Key::RecLockedIdle));
            }
        },
        Duration::from_secs(20),
    );
    on_cleanup(move || {
        hidden.remove();
        closing.remove();
        unloading.remove();
        keys.remove();
        clicks.remove();
        tabs.remove();
        if let Ok(t) = timer {
            t.clear();
        }
    });
    vault
}

/// Writes the open record `after_ms` from now unless another edit came in
/// between, holding the store's write lock across tabs (`lock.rs`); a
/// failed write is tried again every `RETRY_MS`.
fn save_later(vault: Vault, record: RecordState, generation: u64, after_ms: u64) {
    let due = move || {
        vault.generation.try_get_value() == Some(generation)
            && vault.saving.get_untracked()
            && vault
                .save_state
                .with_untracked(|s| matches!(s, SaveState::Pending | SaveState::Failed(_)))
    };
    set_timeout(
        move || {
            if !due() {
                return;
            }
            super::lock::with_write_lock(move || {
                // Still waiting once the lock is held (no flush, no newer edit).
                if due()
                    && !vault.save(&record.record.get_untracked())
                    && vault
                        .save_state
                        .with_untracked(|s| matches!(s, SaveState::Failed(_)))
                {
                    save_later(vault, record, generation, RETRY_MS);
                }
            });
        },
        Duration::from_millis(after_ms),
    );
}

/// A status that could not be read is a problem, never "no store".
fn status_or_problem(st: Result<Status, StoreError>) -> Status {
    match st {
        Ok(s) => s,
        Err(StoreError::Refused(p)) => Status::Problem(p),
        Err(e) => Status::Problem(StoreProblem::Unavailable(e.to_string())),
    }
}

/// The store provided by [`provide_vault`].
pub fn use_vault() -> Vault {
    expect_context::<Vault>()
}

//! The store in the running app: context with the session (key and list),
//! autosave of the open record (debounced) and the inactivity lock.

pub use super::notice::Notice;
use super::quarantine;
use super::store::{self, Entry, Imported, Kv, Session, Status, StoreError, StoreProblem};
use super::vault::KdfParams;
use super::web::{fill_random, new_id, now_local, now_ms, Backend};
use crate::i18n::{Key, StoreKey};
use crate::state::RecordState;
use dmip_engine::record::PatientRecord;
use leptos::prelude::*;
use std::time::Duration;

/// Lock after this much inactivity (the key is dropped and wiped).
pub const LOCK_AFTER_MS: f64 = 15.0 * 60.0 * 1000.0;
/// Autosave this long after the last edit.
const AUTOSAVE_MS: u64 = 400;

/// The store's state, shared through context.
#[derive(Clone, Copy)]
pub struct Vault {
    kv: StoredValue<Backend, LocalStorage>,
    pub session: RwSignal<Option<Session>>,
    pub status: RwSignal<Status>,
    pub notices: RwSignal<Vec<Notice>>,
    pub undo: RwSignal<Option<(Entry, String)>>,
    /// The open record is in the store (autosave on).
    pub saving: RwSignal<bool>,
    last_activity: StoredValue<f64>,
    generation: StoredValue<u64>,
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

    /// Saves `r` now (if the store is open); whether it was stored.
    pub fn save(&self, r: &PatientRecord) -> bool {
        let mut result = None;
        self.session.update(|s| {
            if let Some(s) = s {
                result = Some(
                    self.kv
                        .with_value(|kv| s.save(kv, r, &now_local(), &mut fill_random)),
                );
            }
        });
        match result {
            Some(Ok(())) => true,
            Some(Err(e)) => {
                self.notify(Notice::failed(&e));
                false
            }
            None => false,
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
        self.session.set(None);
        self.undo.set(None);
        record.record.set(PatientRecord::new("new"));
    }

    /// Opens a stored record for editing.
    pub fn open(&self, record: RecordState, id: &str) {
        let mut result = None;
        self.session.update(|s| {
            if let Some(s) = s {
                result = Some(self.kv.with_value(|kv| s.load(kv, id)));
            }
        });
        match result {
            Some(Ok(r)) => {
                record.record.set(r);
                self.saving.set(true);
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
        record.record.set(PatientRecord::new(new_id()));
        self.saving.set(true);
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
        last_activity: StoredValue::new(now_ms()),
        generation: StoredValue::new(0),
    };
    if status == Status::Plain {
        vault.unlock("");
    }
    provide_context(vault);

    // Autosave: each edit of the record restarts a short timer.
    Effect::new(move |_| {
        let r = record.record.get();
        if vault.session.with_untracked(Option::is_none) {
            return;
        }
        if !vault.saving.get_untracked() {
            // Data entered on another screen while the store is open: it
            // becomes a stored record (with a fresh id) at its first edit.
            if r == PatientRecord::new(r.id.clone()) {
                return;
            }
            vault.saving.set(true);
            if r.id == "new" {
                record.record.update(|x| x.id = new_id());
                return;
            }
        }
        vault.touch();
        let generation = vault.generation.get_value() + 1;
        vault.generation.set_value(generation);
        set_timeout(
            move || {
                if vault.generation.get_value() == generation && vault.saving.get_untracked() {
                    vault.save(&r);
                }
            },
            Duration::from_millis(AUTOSAVE_MS),
        );
    });

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
        keys.remove();
        clicks.remove();
        if let Ok(t) = timer {
            t.clear();
        }
    });
    vault
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

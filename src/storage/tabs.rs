//! Other tabs' saves (two tabs on one record: no edit lost): every save is
//! heard in the other tabs of this browser within a second — through the
//! `storage` event (fired in every other page sharing the storage, file://
//! included) and a BroadcastChannel named [`CHANNEL`] — and each refreshes its
//! record list and the open record. An edit not yet saved is merged field by
//! field with what the other tab saved; a field both changed keeps the stored
//! value and is named on the save state line.

use super::live::Vault;
use super::save_state::SaveState;
use super::web::now_local;
use dmip_engine::record::merge::merge;
use leptos::prelude::*;
use std::cell::RefCell;
use std::time::Duration;
use wasm_bindgen::JsValue;

/// The channel every tab of the app posts its saves on.
pub const CHANNEL: &str = "dmip-records";
/// Events of one save (record, index, old revision) are read together.
const SETTLE_MS: u64 = 40;

/// The channel and its listener (kept for the life of the app).
type Channel = (web_sys::BroadcastChannel, gloo_events::EventListener);

thread_local! {
    static OUT: RefCell<Option<Channel>> = const { RefCell::new(None) };
}

/// Tells the other tabs that something was saved (where the browser has
/// BroadcastChannel; the `storage` event tells them anyway).
pub fn announce() {
    OUT.with(|c| {
        if let Some((c, _)) = c.borrow().as_ref() {
            let _ = c.post_message(&JsValue::from_str("saved"));
        }
    });
}

/// The listeners, removed with the app.
pub struct Listening {
    storage: WindowListenerHandle,
}

impl Listening {
    pub fn remove(self) {
        self.storage.remove();
        OUT.with(|c| {
            if let Some((c, _)) = c.borrow_mut().take() {
                c.close();
            }
        });
    }
}

/// Starts listening for other tabs' saves.
pub fn listen(vault: Vault) -> Listening {
    let waiting = StoredValue::new(false);
    let heard = move || {
        if waiting.get_value() {
            return;
        }
        waiting.set_value(true);
        set_timeout(
            move || {
                waiting.set_value(false);
                vault.sync();
            },
            Duration::from_millis(SETTLE_MS),
        );
    };
    let storage = window_event_listener(leptos::ev::storage, move |e| {
        // A cleared storage has no key.
        if e.key().is_none_or(|k| k.starts_with("dmip.")) {
            heard();
        }
    });
    if let Ok(c) = web_sys::BroadcastChannel::new(CHANNEL) {
        let on_message = gloo_events::EventListener::new(&c, "message", move |_| heard());
        OUT.with(|out| *out.borrow_mut() = Some((c, on_message)));
    }
    Listening { storage }
}

impl Vault {
    /// Reads what another tab saved: the store (created or unlocked
    /// elsewhere), the record list, and the open record — as stored when
    /// nothing is waiting here, else merged with the edit waiting.
    pub fn sync(self) {
        if self.session.with_untracked(Option::is_none) {
            // A store made (or changed) in another tab.
            let before = self.status.get_untracked();
            self.refresh_status();
            let now = self.status.get_untracked();
            if before != now {
                self.notices.set(Vec::new());
                if now == super::store::Status::Plain {
                    self.unlock("");
                }
            }
            return;
        }
        let mut opened = None;
        let mut deleted = false;
        let base = self.base.get_value();
        self.session.update(|s| {
            let Some(s) = s else { return };
            self.with_kv(|kv| {
                let _ = s.refresh(kv);
                let Some(base) = &base else { return };
                match s.stored_rev(kv, &base.record.id) {
                    Ok(Some(rev)) if rev != base.rev => {
                        opened = s.open(kv, &base.record.id).ok();
                    }
                    Ok(None) => deleted = true,
                    _ => {}
                }
            });
        });
        let open_here = base
            .as_ref()
            .is_some_and(|b| self.open.record.with_untracked(|r| r.id == b.record.id));
        if deleted && open_here && self.saving.get_untracked() {
            // Deleted in another tab: said where the user types; what is on
            // screen stays, and is not written back.
            self.save_state.set(SaveState::Deleted);
            return;
        }
        if open_here && self.save_state.with_untracked(|s| *s == SaveState::Deleted) {
            // Put back in the other tab (undo): what is here is saved.
            self.save(&self.open.record.get_untracked());
        }
        let (Some(base), Some(theirs)) = (base, opened) else {
            return;
        };
        if !self.saving.get_untracked() {
            return;
        }
        let record = self.open.record;
        let mine = record.get_untracked();
        if mine.id != theirs.record.id {
            return;
        }
        self.base.set_value(Some(theirs.clone()));
        if mine == base.record {
            // Nothing waiting here: show what was stored.
            record.set(theirs.record);
            self.save_state.set(SaveState::Saved(now_local()));
            return;
        }
        // An edit waiting here: merged, then saved by autosave.
        if let Ok(m) = merge(&base.record, &mine, &theirs.record) {
            if !m.conflicts.is_empty() {
                self.conflicts.set(m.conflicts);
            }
            record.set(m.record);
        }
    }
}

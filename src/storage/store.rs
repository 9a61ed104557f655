//! The record store over any key–value storage (localStorage in the
//! browser, a map in tests). Layout, all under "dmip.":
//!
//! - `dmip.store`: the header (`header.rs`): `{format, version, kdf?,
//!   check?}`, plain; the salt and the authenticated passphrase check.
//! - `dmip.encrypted`: present once the store is encrypted.
//! - `dmip.index`: the list of records (id, label, updated), sealed.
//! - `dmip.rec.<id>#<rev>`: one record each (engine `record::write`),
//!   sealed, under its revision (`revisions.rs`: written new, then the
//!   index switched, then the old one removed); `dmip.rec.<id>` is the
//!   layout before revisions (revision 0), read as it is.
//! - `dmip.quarantine.<n>.<key>`: what could not be read, kept aside
//!   (`quarantine.rs`).
//!
//! A slot is `{"sealed": {nonce, ct}}` (AES-GCM, the slot name as AAD: a
//! record moved to another id no longer opens) or, in the chosen
//! no-passphrase mode, `{"plain": "<json>"}`. The key is derived from the
//! header's salt and cost, so every sealed slot is also bound to them.

use super::files::as_copies;
use super::header::{self, inspect, Found};
pub use super::header::{status, Status, StoreProblem, META, STORE_VERSION};
pub use super::kv::{Kv, MemKv};
use super::quarantine::quarantine;
pub use super::quarantine::Quarantined;
use super::revisions::{current, parse_record_key, present, record_key};
pub use super::revisions::{Opened, Saved};
use super::vault::{open, seal, KdfParams, KdfSpec, Key, Sealed, VaultError};
use dmip_engine::record::{self, PatientRecord, RecordError};
use serde::{Deserialize, Serialize};

pub const INDEX: &str = "dmip.index";
pub const RECORD_PREFIX: &str = "dmip.rec.";
pub const QUARANTINE_PREFIX: &str = "dmip.quarantine.";

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
enum Slot {
    Sealed(Sealed),
    Plain(String),
}

/// A line of the record list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    pub id: String,
    pub label: String,
    /// When last saved (RFC 3339, local time).
    pub updated: String,
    /// The revision the index points to (0: a record stored before
    /// revisions, under `dmip.rec.<id>`).
    #[serde(default)]
    pub rev: u64,
}

/// A record written by a newer version of the app: left where it is
/// (a newer version finds it there), not listed, never overwritten.
#[derive(Debug, Clone, PartialEq)]
pub struct Held {
    pub id: String,
    /// Its record format.
    pub found: u32,
    /// Its line of the index, kept when the index is rewritten.
    pub listed: Option<Entry>,
}

/// Why an operation failed; nothing stored was changed unless it says so.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StoreError {
    #[error("wrong passphrase, or the store header was changed")]
    WrongPassphrase,
    #[error("storage unavailable: {0}")]
    Storage(String),
    #[error("{0}")]
    Refused(StoreProblem),
    #[error("there is no store yet")]
    NoStore,
    #[error("a store already exists here; nothing was changed")]
    Exists,
    #[error("this browser holds encrypted records: a store without passphrase is not created")]
    StaysEncrypted,
    #[error("record “{0}” was written by a newer version of the app; it is kept as it is")]
    Held(String),
    #[error("“{0}” is in use; nothing was put back")]
    Occupied(String),
    #[error("{0}")]
    Vault(#[from] VaultError),
    #[error("no record “{0}”")]
    Missing(String),
    /// The record this tab opened was deleted in another tab since: it is
    /// not written back (kept in memory; it can be kept as a new record).
    #[error("record “{0}” was deleted in another tab; this edit was not saved")]
    DeletedElsewhere(String),
}

pub(super) fn storage(e: String) -> StoreError {
    StoreError::Storage(e)
}

/// Why a slot could not be read.
enum Unreadable {
    /// A record of a newer format: kept in place.
    Newer(u32),
    /// Encrypted data met without a key: the store is refused, not read.
    Encrypted,
    /// Does not open with this key (changed, or another store's): kept
    /// aside, unless nothing opens (see [`Session::plan`]).
    Decrypt(String),
    /// Damaged: kept aside (quarantined).
    Bad(String),
}

impl Unreadable {
    fn reason(&self) -> String {
        match self {
            Unreadable::Newer(found) => format!("record format {found}"),
            Unreadable::Encrypted => "encrypted data in a store without passphrase".into(),
            Unreadable::Decrypt(m) | Unreadable::Bad(m) => m.clone(),
        }
    }
}

/// What a scan read, before anything is changed.
struct Plan {
    index: Option<(String, Result<Vec<Entry>, Unreadable>)>,
    /// The revision read of each record: key, text, what it holds.
    records: Vec<(String, String, Result<PatientRecord, Unreadable>)>,
    /// Revisions older than the one read (left by a page closed between
    /// writes): removed once the one read opens.
    older: Vec<(String, Vec<String>)>,
}

/// An unlocked store: the key (absent in plain mode) and the record list.
#[derive(Debug, Clone)]
pub struct Session {
    key: Option<Key>,
    pub entries: Vec<Entry>,
    /// Records of a newer format, left in place.
    pub held: Vec<Held>,
}

/// Creates a store: encrypted with `passphrase`, or plain with `None`.
/// Only where there is no store at all: a damaged, newer or altered one,
/// or records without header, are never overwritten; and a store without
/// passphrase is not created where anything encrypted remains.
pub fn create(
    kv: &dyn Kv,
    passphrase: Option<&str>,
    params: KdfParams,
    rand: &mut dyn FnMut(&mut [u8]),
) -> Result<Session, StoreError> {
    match inspect(kv)? {
        Found::Empty => {}
        Found::Problem(p) => return Err(StoreError::Refused(p)),
        Found::Plain | Found::Locked { .. } => return Err(StoreError::Exists),
    }
    let key = match passphrase {
        Some(p) => {
            let mut salt = [0u8; 16];
            rand(&mut salt);
            let spec = KdfSpec::new(params, salt);
            let key = spec.derive(p)?;
            header::write_encrypted(kv, &spec, &key, rand)?;
            Some(key)
        }
        None if header::encryption_signs(kv)? => return Err(StoreError::StaysEncrypted),
        None => {
            header::write_plain(kv)?;
            None
        }
    };
    Ok(Session {
        key,
        entries: Vec::new(),
        held: Vec::new(),
    })
}

/// Opens the store with `passphrase` (ignored for a plain store). A wrong
/// passphrase, or a store this app does not open, changes nothing. A
/// layout-1 header is rewritten in the current, authenticated layout once
/// the passphrase has opened it. Returns what had to be kept aside.
pub fn unlock(
    kv: &dyn Kv,
    passphrase: &str,
    rand: &mut dyn FnMut(&mut [u8]),
) -> Result<(Session, Vec<Quarantined>), StoreError> {
    let key = match inspect(kv)? {
        Found::Empty => return Err(StoreError::NoStore),
        Found::Problem(p) => return Err(StoreError::Refused(p)),
        Found::Plain => None,
        Found::Locked {
            version,
            kdf,
            check,
        } => Some((
            header::open_check(version, &kdf, &check, passphrase)?,
            version,
            kdf,
        )),
    };
    let mut s = Session {
        key: key.as_ref().map(|(k, _, _)| k.clone()),
        entries: Vec::new(),
        held: Vec::new(),
    };
    // Everything is read (and a store that is not this one refused)
    // before the header is migrated or anything is kept aside.
    let plan = s.plan(kv)?;
    if let Some((key, version, kdf)) = &key {
        if *version < STORE_VERSION {
            header::write_encrypted(kv, kdf, key, rand)?;
        } else {
            header::remember_encrypted(kv)?;
        }
    }
    let q = s.apply(kv, plan)?;
    Ok((s, q))
}

/// What an import stored.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Imported {
    /// Records stored (this is the count to report).
    pub stored: usize,
    /// Of these, how many were stored as copies with a new id.
    pub copies: usize,
    /// Why the others were not stored.
    pub failed: Vec<StoreError>,
}

impl Session {
    pub fn encrypted(&self) -> bool {
        self.key.is_some()
    }

    /// Every id in use: listed, held, or present in the storage.
    pub fn ids_in_use(&self, kv: &dyn Kv) -> Vec<String> {
        let mut ids: Vec<String> = self.entries.iter().map(|e| e.id.clone()).collect();
        ids.extend(self.held.iter().map(|h| h.id.clone()));
        if let Ok(keys) = kv.keys() {
            ids.extend(
                keys.iter()
                    .filter_map(|k| parse_record_key(k))
                    .map(|(id, _)| String::from(id)),
            );
        }
        ids
    }

    pub(super) fn wrap(&self, slot: &str, plain: &str, rand: &mut dyn FnMut(&mut [u8])) -> String {
        let slot = match &self.key {
            Some(key) => {
                let mut nonce = [0u8; 12];
                rand(&mut nonce);
                Slot::Sealed(seal(key, nonce, plain.as_bytes(), slot))
            }
            None => Slot::Plain(plain.into()),
        };
        serde_json::to_string(&slot).unwrap_or_default()
    }

    fn read_slot(&self, slot: &str, text: &str) -> Result<String, Unreadable> {
        let bad = |e: String| Unreadable::Bad(e);
        match serde_json::from_str::<Slot>(text).map_err(|e| bad(e.to_string()))? {
            Slot::Plain(p) if self.key.is_none() => Ok(p),
            Slot::Plain(_) => Err(bad("unencrypted data in an encrypted store".into())),
            Slot::Sealed(s) => match &self.key {
                Some(key) => open(key, &s, slot)
                    .map_err(|e| match e {
                        VaultError::Decrypt => Unreadable::Decrypt(e.to_string()),
                        other => bad(other.to_string()),
                    })
                    .and_then(|p| String::from_utf8(p.to_vec()).map_err(|e| bad(e.to_string()))),
                None => Err(Unreadable::Encrypted),
            },
        }
    }

    fn read_record(&self, slot: &str, text: &str) -> Result<PatientRecord, Unreadable> {
        let plain = self.read_slot(slot, text)?;
        record::read(&plain).map_err(|e| match e {
            RecordError::TooNew { found, .. } => Unreadable::Newer(found),
            other => Unreadable::Bad(other.to_string()),
        })
    }

    /// Reads every record again; what cannot be read is quarantined, a
    /// record of a newer format is left in place. Rebuilds the list
    /// (labels from the records, dates from the index).
    pub fn scan(&mut self, kv: &dyn Kv) -> Result<Vec<Quarantined>, StoreError> {
        let plan = self.plan(kv)?;
        self.apply(kv, plan)
    }

    /// Reads everything without changing anything, and refuses a store
    /// that cannot be this one: encrypted data without a key, or a key
    /// that opens none of the encrypted entries (a header copied from
    /// another store would otherwise have every record kept aside).
    fn plan(&self, kv: &dyn Kv) -> Result<Plan, StoreError> {
        let index = match kv.get(INDEX).map_err(storage)? {
            None => None,
            Some(text) => {
                let read = self.read_slot(INDEX, &text).and_then(|p| {
                    serde_json::from_str::<Vec<Entry>>(&p)
                        .map_err(|e| Unreadable::Bad(e.to_string()))
                });
                Some((text, read))
            }
        };
        let listed = |id: &str| match &index {
            Some((_, Ok(v))) => v.iter().find(|e| e.id == id).map(|e| e.rev),
            _ => None,
        };
        let mut records = Vec::new();
        let mut older = Vec::new();
        for (id, revs) in present(kv)? {
            let Some(first) = current(listed(&id), &revs) else {
                continue;
            };
            // The revision to read, then, if it is damaged, the others,
            // newest first: the damaged one is kept aside, the next that
            // opens is the record.
            let others = revs.iter().rev().filter(|r| **r != first);
            for rev in std::iter::once(first).chain(others.copied()) {
                let key = record_key(&id, rev);
                let Some(text) = kv.get(&key).map_err(storage)? else {
                    continue;
                };
                let read = self.read_record(&key, &text);
                let damaged = matches!(read, Err(Unreadable::Bad(_) | Unreadable::Decrypt(_)));
                records.push((key.clone(), text, read));
                if !damaged {
                    let old = revs.iter().filter(|r| **r < rev);
                    older.push((key, old.map(|r| record_key(&id, *r)).collect()));
                    break;
                }
            }
        }
        let errors = index
            .iter()
            .filter_map(|(_, r)| r.as_ref().err())
            .chain(records.iter().filter_map(|(_, _, r)| r.as_ref().err()));
        let (mut locked, mut wrong_key) = (false, 0);
        for e in errors {
            match e {
                Unreadable::Encrypted => locked = true,
                Unreadable::Decrypt(_) => wrong_key += 1,
                _ => {}
            }
        }
        let opened = usize::from(index.as_ref().is_some_and(|(_, r)| r.is_ok()))
            + records.iter().filter(|(_, _, r)| r.is_ok()).count();
        if locked {
            return Err(StoreError::Refused(StoreProblem::EncryptionRemoved));
        }
        if opened == 0 && wrong_key > 0 {
            return Err(StoreError::Refused(StoreProblem::KeyMismatch(wrong_key)));
        }
        Ok(Plan {
            index,
            records,
            older,
        })
    }

    fn apply(&mut self, kv: &dyn Kv, plan: Plan) -> Result<Vec<Quarantined>, StoreError> {
        let mut q = Vec::new();
        let index = match plan.index {
            None => Vec::new(),
            Some((_, Ok(v))) => v,
            Some((text, Err(e))) => {
                q.push(quarantine(kv, INDEX, &text, &e.reason())?);
                Vec::new()
            }
        };
        let listed = |id: &str| index.iter().find(|e| e.id == id).cloned();
        let mut entries = Vec::new();
        let mut held = Vec::new();
        for (key, text, read) in plan.records {
            let (id, rev) = parse_record_key(&key).unwrap_or((&key, 0));
            match read {
                Ok(r) => {
                    entries.push(Entry {
                        id: id.into(),
                        label: r.label.clone(),
                        updated: listed(id).map(|e| e.updated).unwrap_or_default(),
                        rev,
                    });
                    let older = plan.older.iter().filter(|(k, _)| *k == key);
                    for old in older.flat_map(|(_, o)| o) {
                        // Cleaned again at the next scan if this fails.
                        let _ = kv.remove(old);
                    }
                }
                Err(Unreadable::Newer(found)) => held.push(Held {
                    id: id.into(),
                    found,
                    listed: listed(id),
                }),
                Err(e) => q.push(quarantine(kv, &key, &text, &e.reason())?),
            }
        }
        entries.sort_by(|a, b| b.updated.cmp(&a.updated).then(a.label.cmp(&b.label)));
        self.entries = entries;
        self.held = held;
        Ok(q)
    }

    /// The index as stored, if it reads (`None`: absent or unreadable).
    pub(super) fn read_index(&self, kv: &dyn Kv) -> Option<Vec<Entry>> {
        let text = kv.get(INDEX).ok()??;
        let plain = self.read_slot(INDEX, &text).ok()?;
        serde_json::from_str(&plain).ok()
    }

    pub(super) fn write_index(
        &self,
        kv: &dyn Kv,
        rand: &mut dyn FnMut(&mut [u8]),
    ) -> Result<(), StoreError> {
        let mut all = self.entries.clone();
        all.extend(self.held.iter().filter_map(|h| h.listed.clone()));
        let json = serde_json::to_string(&all).unwrap_or_default();
        kv.set(INDEX, &self.wrap(INDEX, &json, rand))
            .map_err(storage)
    }

    /// Saves `record` (new or existing) and updates the list. A record of
    /// a newer format held under the same id is not overwritten.
    pub fn save(
        &mut self,
        kv: &dyn Kv,
        r: &PatientRecord,
        now: &str,
        rand: &mut dyn FnMut(&mut [u8]),
    ) -> Result<(), StoreError> {
        if self.held.iter().any(|h| h.id == r.id) {
            return Err(StoreError::Held(r.id.clone()));
        }
        self.write_revision(kv, r, now, rand).map(|_| ())
    }

    /// Stores imported records: one whose id is in use (or repeated in the
    /// file) becomes a copy with a new id from `new_id` and the label from
    /// `copy_label`; nothing stored is overwritten. Counts what was stored.
    pub fn import(
        &mut self,
        kv: &dyn Kv,
        records: Vec<PatientRecord>,
        now: &str,
        rand: &mut dyn FnMut(&mut [u8]),
        new_id: &mut dyn FnMut() -> String,
        copy_label: &dyn Fn(&str) -> String,
    ) -> Imported {
        let in_use = self.ids_in_use(kv);
        let mut out = Imported::default();
        for (r, copy) in as_copies(records, &in_use, new_id, copy_label) {
            match self.save(kv, &r, now, rand) {
                Ok(()) => {
                    out.stored += 1;
                    out.copies += usize::from(copy);
                }
                Err(e) => out.failed.push(e),
            }
        }
        out
    }

    /// Loads a record (migrated to the current schema). One that cannot be
    /// read is quarantined and the error says where it went; one of a
    /// newer format stays where it is.
    pub fn load(
        &mut self,
        kv: &dyn Kv,
        id: &str,
    ) -> Result<PatientRecord, (StoreError, Option<Quarantined>)> {
        self.open(kv, id).map(|o| o.record)
    }

    /// Loads a record with its revision (what a later save merges against);
    /// see [`Session::load`].
    pub fn open(
        &mut self,
        kv: &dyn Kv,
        id: &str,
    ) -> Result<Opened, (StoreError, Option<Quarantined>)> {
        let rev = self
            .stored_rev(kv, id)
            .map_err(|e| (e, None))?
            .ok_or_else(|| (StoreError::Missing(id.into()), None))?;
        let key = record_key(id, rev);
        let text = kv
            .get(&key)
            .map_err(|e| (storage(e), None))?
            .ok_or_else(|| (StoreError::Missing(id.into()), None))?;
        match self.read_record(&key, &text) {
            Ok(record) => Ok(Opened { record, rev }),
            Err(Unreadable::Newer(_)) => Err((StoreError::Held(id.into()), None)),
            Err(Unreadable::Encrypted) => {
                Err((StoreError::Refused(StoreProblem::EncryptionRemoved), None))
            }
            Err(e) => {
                let reason = e.reason();
                let q = quarantine(kv, &key, &text, &reason).ok();
                self.entries.retain(|x| x.id != id);
                Err((StoreError::Vault(VaultError::Format(reason)), q))
            }
        }
    }

    /// Reads revision `rev` of `id` (nothing is changed or kept aside).
    pub(super) fn load_rev(
        &self,
        kv: &dyn Kv,
        id: &str,
        rev: u64,
    ) -> Result<PatientRecord, StoreError> {
        let key = record_key(id, rev);
        let text = kv
            .get(&key)
            .map_err(storage)?
            .ok_or_else(|| StoreError::Missing(id.into()))?;
        self.read_record(&key, &text).map_err(|e| match e {
            Unreadable::Newer(_) => StoreError::Held(id.into()),
            Unreadable::Encrypted => StoreError::Refused(StoreProblem::EncryptionRemoved),
            other => StoreError::Vault(VaultError::Format(other.reason())),
        })
    }

    /// Deletes a record; returns what [`Session::undelete`] needs.
    pub fn delete(
        &mut self,
        kv: &dyn Kv,
        id: &str,
        rand: &mut dyn FnMut(&mut [u8]),
    ) -> Result<(Entry, String), StoreError> {
        self.refresh(kv)?;
        let revs = present(kv)?.remove(id).unwrap_or_default();
        let listed = self.entries.iter().find(|e| e.id == id).map(|e| e.rev);
        let rev = current(listed, &revs).ok_or_else(|| StoreError::Missing(id.into()))?;
        let key = record_key(id, rev);
        let text = kv
            .get(&key)
            .map_err(storage)?
            .ok_or_else(|| StoreError::Missing(id.into()))?;
        let entry = self
            .entries
            .iter()
            .find(|e| e.id == id)
            .cloned()
            .ok_or_else(|| StoreError::Missing(id.into()))?;
        kv.remove(&key).map_err(storage)?;
        for old in revs.iter().filter(|r| **r != rev) {
            let _ = kv.remove(&record_key(id, *old));
        }
        self.entries.retain(|e| e.id != id);
        self.write_index(kv, rand)?;
        Ok((Entry { rev, ..entry }, text))
    }

    /// Puts back a deleted record.
    pub fn undelete(
        &mut self,
        kv: &dyn Kv,
        (entry, text): (Entry, String),
        rand: &mut dyn FnMut(&mut [u8]),
    ) -> Result<(), StoreError> {
        kv.set(&record_key(&entry.id, entry.rev), &text)
            .map_err(storage)?;
        self.refresh(kv)?;
        self.entries.retain(|e| e.id != entry.id);
        self.entries.insert(0, entry);
        self.write_index(kv, rand)
    }
}

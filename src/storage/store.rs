//! The record store over any key–value storage (localStorage in the
//! browser, a map in tests). Layout, all under "dmip.":
//!
//! - `dmip.store`: `{format, version, kdf?, check?}` — plain; says whether
//!   the store is encrypted and holds the salt and a passphrase check.
//! - `dmip.index`: the list of records (id, label, updated), sealed.
//! - `dmip.rec.<id>`: one record each (engine `record::write`), sealed.
//! - `dmip.quarantine.<n>.<key>`: what could not be read, kept aside.
//!
//! A slot is `{"sealed": {nonce, ct}}` (AES-GCM, the slot name as AAD) or,
//! in the chosen no-passphrase mode, `{"plain": "<json>"}`.

use super::vault::{open, seal, KdfParams, KdfSpec, Key, Sealed, VaultError};
use dmip_engine::record::{self, PatientRecord};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::sync::Mutex;

pub const META: &str = "dmip.store";
pub const INDEX: &str = "dmip.index";
pub const RECORD_PREFIX: &str = "dmip.rec.";
pub const QUARANTINE_PREFIX: &str = "dmip.quarantine.";
/// Version of this storage layout.
pub const STORE_VERSION: u32 = 1;
const CHECK_TEXT: &[u8] = b"dmip-monitor";

/// A key–value storage. Errors are the browser's words (quota, denied).
pub trait Kv {
    fn get(&self, key: &str) -> Result<Option<String>, String>;
    fn set(&self, key: &str, value: &str) -> Result<(), String>;
    fn remove(&self, key: &str) -> Result<(), String>;
    fn keys(&self) -> Result<Vec<String>, String>;
}

/// In-memory storage (tests, and the fallback when localStorage is denied).
#[derive(Debug, Default)]
pub struct MemKv(pub Mutex<BTreeMap<String, String>>);

impl Kv for MemKv {
    fn get(&self, key: &str) -> Result<Option<String>, String> {
        Ok(self.0.lock().map_err(|e| e.to_string())?.get(key).cloned())
    }
    fn set(&self, key: &str, value: &str) -> Result<(), String> {
        self.0
            .lock()
            .map_err(|e| e.to_string())?
            .insert(key.into(), value.into());
        Ok(())
    }
    fn remove(&self, key: &str) -> Result<(), String> {
        self.0.lock().map_err(|e| e.to_string())?.remove(key);
        Ok(())
    }
    fn keys(&self) -> Result<Vec<String>, String> {
        Ok(self
            .0
            .lock()
            .map_err(|e| e.to_string())?
            .keys()
            .cloned()
            .collect())
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct Meta {
    format: String,
    version: u32,
    #[serde(default)]
    kdf: Option<KdfSpec>,
    #[serde(default)]
    check: Option<Sealed>,
}

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
}

/// What the storage holds before unlocking.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// No store yet: offer to create one.
    Empty,
    /// Encrypted: ask for the passphrase.
    Locked,
    /// Created without a passphrase.
    Plain,
}

/// Why an operation failed; nothing stored was changed unless it says so.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StoreError {
    #[error("wrong passphrase")]
    WrongPassphrase,
    #[error("storage unavailable: {0}")]
    Storage(String),
    #[error("the store was written by a newer version of the app (layout {0})")]
    TooNew(u32),
    #[error("{0}")]
    Vault(#[from] VaultError),
    #[error("no record “{0}”")]
    Missing(String),
}

/// Something that could not be read and was kept aside.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quarantined {
    pub from: String,
    pub to: String,
    pub reason: String,
}

fn storage(e: String) -> StoreError {
    StoreError::Storage(e)
}

/// What the storage holds. A damaged `dmip.store` is moved aside (and
/// reported) so that a new store can be created; the records stay.
pub fn status(kv: &dyn Kv) -> Result<(Status, Option<Quarantined>), StoreError> {
    let Some(text) = kv.get(META).map_err(storage)? else {
        return Ok((Status::Empty, None));
    };
    match serde_json::from_str::<Meta>(&text) {
        Ok(m) if m.format == "dmip-store" && m.version > STORE_VERSION => {
            Err(StoreError::TooNew(m.version))
        }
        Ok(m) if m.format == "dmip-store" => Ok((
            if m.kdf.is_some() {
                Status::Locked
            } else {
                Status::Plain
            },
            None,
        )),
        Ok(_) => Ok((
            Status::Empty,
            Some(quarantine(kv, META, &text, "not a DMIP store")?),
        )),
        Err(e) => Ok((
            Status::Empty,
            Some(quarantine(kv, META, &text, &e.to_string())?),
        )),
    }
}

/// Moves `key`'s `text` to a new quarantine slot, then removes `key`.
pub fn quarantine(
    kv: &dyn Kv,
    key: &str,
    text: &str,
    reason: &str,
) -> Result<Quarantined, StoreError> {
    let existing = kv.keys().map_err(storage)?;
    let n = (1..)
        .find(|n| !existing.contains(&format!("{QUARANTINE_PREFIX}{n}.{key}")))
        .unwrap_or(0);
    let to = format!("{QUARANTINE_PREFIX}{n}.{key}");
    kv.set(&to, text).map_err(storage)?;
    kv.remove(key).map_err(storage)?;
    Ok(Quarantined {
        from: key.into(),
        to,
        reason: reason.into(),
    })
}

/// An unlocked store: the key (absent in plain mode) and the record list.
#[derive(Debug, Clone)]
pub struct Session {
    key: Option<Key>,
    pub entries: Vec<Entry>,
}

/// Creates a store: encrypted with `passphrase`, or plain with `None`.
pub fn create(
    kv: &dyn Kv,
    passphrase: Option<&str>,
    params: KdfParams,
    rand: &mut dyn FnMut(&mut [u8]),
) -> Result<Session, StoreError> {
    let (kdf, check, key) = match passphrase {
        Some(p) => {
            let mut salt = [0u8; 16];
            rand(&mut salt);
            let spec = KdfSpec::new(params, salt);
            let key = spec.derive(p)?;
            let mut nonce = [0u8; 12];
            rand(&mut nonce);
            let check = seal(&key, nonce, CHECK_TEXT, META);
            (Some(spec), Some(check), Some(key))
        }
        None => (None, None, None),
    };
    let meta = Meta {
        format: "dmip-store".into(),
        version: STORE_VERSION,
        kdf,
        check,
    };
    kv.set(META, &serde_json::to_string(&meta).unwrap_or_default())
        .map_err(storage)?;
    let mut s = Session {
        key,
        entries: Vec::new(),
    };
    // Records already there (a plain store becoming encrypted is not
    // offered; these are records left by an earlier store) are scanned.
    let _ = s.scan(kv);
    Ok(s)
}

/// Opens the store with `passphrase` (ignored for a plain store). A wrong
/// passphrase changes nothing. Returns what had to be kept aside.
pub fn unlock(kv: &dyn Kv, passphrase: &str) -> Result<(Session, Vec<Quarantined>), StoreError> {
    let text = kv
        .get(META)
        .map_err(storage)?
        .ok_or_else(|| StoreError::Missing(META.into()))?;
    let meta: Meta = serde_json::from_str(&text)
        .map_err(|e| StoreError::Vault(VaultError::Format(e.to_string())))?;
    let key = match (&meta.kdf, &meta.check) {
        (Some(kdf), Some(check)) => {
            let key = kdf.derive(passphrase)?;
            match open(&key, check, META) {
                Ok(p) if p.as_slice() == CHECK_TEXT => Some(key),
                _ => return Err(StoreError::WrongPassphrase),
            }
        }
        _ => None,
    };
    let mut s = Session {
        key,
        entries: Vec::new(),
    };
    let q = s.scan(kv)?;
    Ok((s, q))
}

impl Session {
    pub fn encrypted(&self) -> bool {
        self.key.is_some()
    }

    fn wrap(&self, slot: &str, plain: &str, rand: &mut dyn FnMut(&mut [u8])) -> String {
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

    fn unwrap_slot(&self, slot: &str, text: &str) -> Result<String, String> {
        match serde_json::from_str::<Slot>(text).map_err(|e| e.to_string())? {
            Slot::Plain(p) if self.key.is_none() => Ok(p),
            Slot::Plain(_) => Err("unencrypted data in an encrypted store".into()),
            Slot::Sealed(s) => match &self.key {
                Some(key) => open(key, &s, slot)
                    .map_err(|e| e.to_string())
                    .and_then(|p| String::from_utf8(p.to_vec()).map_err(|e| e.to_string())),
                None => Err("encrypted data in a store without passphrase".into()),
            },
        }
    }

    /// Reads every record; what cannot be read is quarantined. Rebuilds
    /// the list (labels from the records, dates from the index).
    fn scan(&mut self, kv: &dyn Kv) -> Result<Vec<Quarantined>, StoreError> {
        let mut q = Vec::new();
        let index: Vec<Entry> = match kv.get(INDEX).map_err(storage)? {
            None => Vec::new(),
            Some(text) => match self
                .unwrap_slot(INDEX, &text)
                .and_then(|p| serde_json::from_str(&p).map_err(|e| e.to_string()))
            {
                Ok(v) => v,
                Err(e) => {
                    q.push(quarantine(kv, INDEX, &text, &e)?);
                    Vec::new()
                }
            },
        };
        let mut entries = Vec::new();
        for key in kv.keys().map_err(storage)? {
            let Some(id) = key.strip_prefix(RECORD_PREFIX) else {
                continue;
            };
            let Some(text) = kv.get(&key).map_err(storage)? else {
                continue;
            };
            match self
                .unwrap_slot(&key, &text)
                .and_then(|p| record::read(&p).map_err(|e| e.to_string()))
            {
                Ok(r) => entries.push(Entry {
                    id: id.into(),
                    label: r.label.clone(),
                    updated: index
                        .iter()
                        .find(|e| e.id == id)
                        .map(|e| e.updated.clone())
                        .unwrap_or_default(),
                }),
                Err(e) => q.push(quarantine(kv, &key, &text, &e)?),
            }
        }
        entries.sort_by(|a, b| b.updated.cmp(&a.updated).then(a.label.cmp(&b.label)));
        self.entries = entries;
        Ok(q)
    }

    fn write_index(&self, kv: &dyn Kv, rand: &mut dyn FnMut(&mut [u8])) -> Result<(), StoreError> {
        let json = serde_json::to_string(&self.entries).unwrap_or_default();
        kv.set(INDEX, &self.wrap(INDEX, &json, rand))
            .map_err(storage)
    }

    /// Saves `record` (new or existing) and updates the list.
    pub fn save(
        &mut self,
        kv: &dyn Kv,
        r: &PatientRecord,
        now: &str,
        rand: &mut dyn FnMut(&mut [u8]),
    ) -> Result<(), StoreError> {
        let key = format!("{RECORD_PREFIX}{}", r.id);
        kv.set(&key, &self.wrap(&key, &record::write(r), rand))
            .map_err(storage)?;
        self.entries.retain(|e| e.id != r.id);
        self.entries.insert(
            0,
            Entry {
                id: r.id.clone(),
                label: r.label.clone(),
                updated: now.into(),
            },
        );
        self.write_index(kv, rand)
    }

    /// Loads a record (migrated to the current schema). One that cannot be
    /// read is quarantined and the error says where it went.
    pub fn load(
        &mut self,
        kv: &dyn Kv,
        id: &str,
    ) -> Result<PatientRecord, (StoreError, Option<Quarantined>)> {
        let key = format!("{RECORD_PREFIX}{id}");
        let text = kv
            .get(&key)
            .map_err(|e| (storage(e), None))?
            .ok_or_else(|| (StoreError::Missing(id.into()), None))?;
        match self
            .unwrap_slot(&key, &text)
            .and_then(|p| record::read(&p).map_err(|e| e.to_string()))
        {
            Ok(r) => Ok(r),
            Err(e) => {
                let q = quarantine(kv, &key, &text, &e).ok();
                self.entries.retain(|x| x.id != id);
                Err((StoreError::Vault(VaultError::Format(e)), q))
            }
        }
    }

    /// Deletes a record; returns what [`Session::undelete`] needs.
    pub fn delete(
        &mut self,
        kv: &dyn Kv,
        id: &str,
        rand: &mut dyn FnMut(&mut [u8]),
    ) -> Result<(Entry, String), StoreError> {
        let key = format!("{RECORD_PREFIX}{id}");
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
        self.entries.retain(|e| e.id != id);
        self.write_index(kv, rand)?;
        Ok((entry, text))
    }

    /// Puts back a deleted record.
    pub fn undelete(
        &mut self,
        kv: &dyn Kv,
        (entry, text): (Entry, String),
        rand: &mut dyn FnMut(&mut [u8]),
    ) -> Result<(), StoreError> {
        kv.set(&format!("{RECORD_PREFIX}{}", entry.id), &text)
            .map_err(storage)?;
        self.entries.retain(|e| e.id != entry.id);
        self.entries.insert(0, entry);
        self.write_index(kv, rand)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counter() -> impl FnMut(&mut [u8]) {
        let mut n = 0u8;
        move |b: &mut [u8]| {
            for x in b.iter_mut() {
                n = n.wrapping_add(1);
                *x = n;
            }
        }
    }

    fn rec(id: &str, label: &str) -> PatientRecord {
        let mut r = PatientRecord::new(id);
        r.label = label.into();
        r.patient.weight_kg = Some(48.0);
        r
    }

    #[test]
    fn encrypted_store_round_trips_and_hides_the_data() {
        let kv = MemKv::default();
        let mut rand = counter();
        assert_eq!(status(&kv).expect("ok").0, Status::Empty);
        let mut s = create(&kv, Some("pw"), KdfParams::TEST, &mut rand).expect("created");
        s.save(&kv, &rec("a1", "Bed 3 YT"), "2026-04-01T10:00", &mut rand)
            .expect("saved");
        s.save(&kv, &rec("b2", "Bed 4"), "2026-04-01T11:00", &mut rand)
            .expect("saved");
        let raw = kv.get("dmip.rec.a1").expect("ok").expect("stored");
        assert!(!raw.contains("Bed 3") && raw.contains("sealed"), "{raw}");
        assert!(!kv.get(INDEX).expect("ok").expect("index").contains("Bed"));
        assert_eq!(status(&kv).expect("ok").0, Status::Locked);

        let before = kv.0.lock().expect("lock").clone();
        assert_eq!(
            unlock(&kv, "wrong").err(),
            Some(StoreError::WrongPassphrase)
        );
        assert_eq!(
            *kv.0.lock().expect("lock"),
            before,
            "wrong passphrase changed nothing"
        );

        let (mut s2, q) = unlock(&kv, "pw").expect("unlocks");
        assert!(q.is_empty());
        let labels: Vec<&str> = s2.entries.iter().map(|e| e.label.as_str()).collect();
        assert_eq!(labels, ["Bed 4", "Bed 3 YT"]);
        assert_eq!(s2.load(&kv, "a1").expect("loads"), rec("a1", "Bed 3 YT"));

        let undo = s2.delete(&kv, "a1", &mut rand).expect("deleted");
        assert_eq!(s2.entries.len(), 1);
        assert_eq!(kv.get("dmip.rec.a1").expect("ok"), None);
        s2.undelete(&kv, undo, &mut rand).expect("back");
        assert_eq!(s2.load(&kv, "a1").expect("loads").label, "Bed 3 YT");
    }

    #[test]
    fn damaged_records_are_kept_aside_and_reported() {
        let kv = MemKv::default();
        let mut rand = counter();
        let mut s = create(&kv, Some("pw"), KdfParams::TEST, &mut rand).expect("created");
        s.save(&kv, &rec("a1", "A"), "t1", &mut rand)
            .expect("saved");
        s.save(&kv, &rec("b2", "B"), "t2", &mut rand)
            .expect("saved");
        kv.set(
            "dmip.rec.a1",
            "{\"sealed\":{\"nonce\":\"AAAAAAAAAAAAAAAA\",\"ct\":\"AAAA\"}}",
        )
        .expect("set");
        let (s2, q) = unlock(&kv, "pw").expect("unlocks");
        assert_eq!(s2.entries.len(), 1);
        assert_eq!(q.len(), 1);
        assert_eq!(q[0].from, "dmip.rec.a1");
        assert_eq!(q[0].to, "dmip.quarantine.1.dmip.rec.a1");
        assert_eq!(q[0].reason, "wrong passphrase, or the data was changed");
        assert!(kv
            .get("dmip.quarantine.1.dmip.rec.a1")
            .expect("ok")
            .is_some());

        kv.set(META, "garbage").expect("set");
        let (st, q) = status(&kv).expect("ok");
        assert_eq!(st, Status::Empty);
        assert_eq!(
            q.map(|q| q.to),
            Some("dmip.quarantine.1.dmip.store".to_string())
        );
    }

    #[test]
    fn plain_mode_stores_readable_json() {
        let kv = MemKv::default();
        let mut rand = counter();
        let mut s = create(&kv, None, KdfParams::TEST, &mut rand).expect("created");
        assert!(!s.encrypted());
        s.save(&kv, &rec("p", "Plain"), "t", &mut rand)
            .expect("saved");
        assert!(kv
            .get("dmip.rec.p")
            .expect("ok")
            .expect("stored")
            .contains("Plain"));
        assert_eq!(status(&kv).expect("ok").0, Status::Plain);
        let (s2, _) = unlock(&kv, "").expect("opens");
        assert_eq!(s2.entries[0].label, "Plain");
    }
}

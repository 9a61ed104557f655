//! The store's header `dmip.store` and the marker `dmip.encrypted`.
//!
//! Another `file://` page can read and edit every entry, so the header is
//! checked before anything is derived and authenticated after: the
//! passphrase check is sealed with the header's canonical fields (format,
//! version, alg, m, t, p, salt) as associated data, so changing, swapping
//! or removing any of them makes the right passphrase fail instead of
//! opening something else. A store that was encrypted stays encrypted: the
//! marker, an encrypted entry or a sealed check anywhere means a header
//! without key derivation is refused, never read as "no encryption".
//! Layout 1 (check sealed with the slot name only) still opens and is
//! rewritten as layout 2 on its first unlock.

use super::kv::Kv;
use super::store::{storage, StoreError, INDEX, QUARANTINE_PREFIX, RECORD_PREFIX};
use super::vault::{open, seal, KdfSpec, Key, Sealed, VaultError};
use serde::{Deserialize, Serialize};
use serde_json::Value;

pub const META: &str = "dmip.store";
/// Present once a store is encrypted; removed by nothing in the app.
pub const MARKER: &str = "dmip.encrypted";
const MARKER_TEXT: &str = "{\"encrypted\":true}";
pub const FORMAT: &str = "dmip-store";
/// Version of this storage layout (2: authenticated header).
pub const STORE_VERSION: u32 = 2;
const CHECK_TEXT: &[u8] = b"dmip-monitor";

#[derive(Debug, Clone, Serialize, Deserialize)]
struct Meta {
    format: String,
    version: u32,
    #[serde(default)]
    kdf: Option<KdfSpec>,
    #[serde(default)]
    check: Option<Sealed>,
}

/// Why the store is not opened (and nothing in it is changed).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StoreProblem {
    #[error("the store header is missing, but {0} stored entries remain")]
    NoHeader(usize),
    #[error("the store header is damaged: {0}")]
    Damaged(String),
    #[error("the store was written by a newer version of the app (layout {0}; this app reads up to {STORE_VERSION})")]
    Newer(u32),
    #[error("the store header no longer says it is encrypted, but encrypted data remain")]
    EncryptionRemoved,
    #[error("the store header has no passphrase check")]
    NoCheck,
    #[error("the store's key derivation is refused: {0}")]
    Kdf(VaultError),
    #[error("the passphrase opens the store header but none of its {0} encrypted entries: the header may have been replaced")]
    KeyMismatch(usize),
    #[error("the storage cannot be read: {0}")]
    Unavailable(String),
}

/// What the storage holds before unlocking.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    /// No header, no index, no record: offer to create a store.
    Empty,
    /// Encrypted: ask for the passphrase.
    Locked,
    /// Created without a passphrase (and no sign of encryption anywhere).
    Plain,
    /// Something is there that this app does not open: say what, keep it.
    Problem(StoreProblem),
}

/// The header as read, for `store.rs`.
pub(super) enum Found {
    Empty,
    Plain,
    Locked {
        version: u32,
        kdf: KdfSpec,
        check: Sealed,
    },
    Problem(StoreProblem),
}

/// What the storage holds. Reads only; never derives a key.
pub fn status(kv: &dyn Kv) -> Result<Status, StoreError> {
    Ok(match inspect(kv)? {
        Found::Empty => Status::Empty,
        Found::Plain => Status::Plain,
        Found::Locked { .. } => Status::Locked,
        Found::Problem(p) => Status::Problem(p),
    })
}

pub(super) fn inspect(kv: &dyn Kv) -> Result<Found, StoreError> {
    let keys = kv.keys().map_err(storage)?;
    let entries = keys
        .iter()
        .filter(|k| *k == INDEX || k.starts_with(RECORD_PREFIX))
        .count();
    let Some(text) = kv.get(META).map_err(storage)? else {
        return Ok(if entries == 0 {
            Found::Empty
        } else {
            Found::Problem(StoreProblem::NoHeader(entries))
        });
    };
    let damaged = |m: String| Ok(Found::Problem(StoreProblem::Damaged(m)));
    let value: Value = match serde_json::from_str(&text) {
        Ok(v) => v,
        Err(e) => return damaged(e.to_string()),
    };
    let format = value
        .get("format")
        .and_then(Value::as_str)
        .unwrap_or("none");
    if format != FORMAT {
        return damaged(format!("not a DMIP store header (format “{format}”)"));
    }
    let Some(version) = value.get("version").and_then(Value::as_u64) else {
        return damaged("no layout version".into());
    };
    if version > u64::from(STORE_VERSION) {
        let shown = u32::try_from(version).unwrap_or(u32::MAX);
        return Ok(Found::Problem(StoreProblem::Newer(shown)));
    }
    let meta: Meta = match serde_json::from_value(value) {
        Ok(m) => m,
        Err(e) => return damaged(e.to_string()),
    };
    if meta.version == 0 {
        return damaged("layout version 0".into());
    }
    Ok(match (meta.kdf, meta.check) {
        (None, None) if !encryption_signs(kv)? => Found::Plain,
        (None, _) => Found::Problem(StoreProblem::EncryptionRemoved),
        (Some(_), None) => Found::Problem(StoreProblem::NoCheck),
        (Some(kdf), Some(check)) => match kdf.validate() {
            Err(e) => Found::Problem(StoreProblem::Kdf(e)),
            Ok(_) => Found::Locked {
                version: meta.version,
                kdf,
                check,
            },
        },
    })
}

/// Whether anything says this store was encrypted: the marker, or an
/// encrypted entry (index, record, or one kept aside, including a header
/// with key derivation kept aside by an earlier version).
pub(super) fn encryption_signs(kv: &dyn Kv) -> Result<bool, StoreError> {
    if kv.get(MARKER).map_err(storage)?.is_some() {
        return Ok(true);
    }
    for key in kv.keys().map_err(storage)? {
        if key != INDEX && !key.starts_with(RECORD_PREFIX) && !key.starts_with(QUARANTINE_PREFIX) {
            continue;
        }
        let Some(text) = kv.get(&key).map_err(storage)? else {
            continue;
        };
        let sealed = serde_json::from_str::<Value>(&text)
            .is_ok_and(|v| v.get("sealed").is_some() || v.get("kdf").is_some_and(|k| !k.is_null()));
        if sealed {
            return Ok(true);
        }
    }
    Ok(false)
}

/// The associated data of the passphrase check: every field of the header
/// that matters, in one fixed form. Layout 1 bound the slot name only.
pub(super) fn check_aad(version: u32, kdf: &KdfSpec) -> String {
    if version < 2 {
        return META.into();
    }
    let p = &kdf.params;
    format!(
        "{FORMAT}|v{version}|{}|m={}|t={}|p={}|salt={}",
        kdf.alg, p.m_kib, p.t, p.p, kdf.salt
    )
}

/// Derives the key and opens the check. A wrong passphrase and a header
/// changed by someone else look the same here: both are refused.
pub(super) fn open_check(
    version: u32,
    kdf: &KdfSpec,
    check: &Sealed,
    passphrase: &str,
) -> Result<Key, StoreError> {
    let key = kdf.derive(passphrase)?;
    match open(&key, check, &check_aad(version, kdf)) {
        Ok(p) if p.as_slice() == CHECK_TEXT => Ok(key),
        _ => Err(StoreError::WrongPassphrase),
    }
}

/// Writes the marker (if absent): called for an encrypted header as soon
/// as it is seen, so that even a store without records stays encrypted.
pub fn remember_encrypted(kv: &dyn Kv) -> Result<(), StoreError> {
    if kv.get(MARKER).map_err(storage)?.is_none() {
        kv.set(MARKER, MARKER_TEXT).map_err(storage)?;
    }
    Ok(())
}

/// Writes the marker, then a current-layout header for `kdf` and `key`.
pub(super) fn write_encrypted(
    kv: &dyn Kv,
    kdf: &KdfSpec,
    key: &Key,
    rand: &mut dyn FnMut(&mut [u8]),
) -> Result<(), StoreError> {
    remember_encrypted(kv)?;
    let mut nonce = [0u8; 12];
    rand(&mut nonce);
    let meta = Meta {
        format: FORMAT.into(),
        version: STORE_VERSION,
        kdf: Some(kdf.clone()),
        check: Some(seal(key, nonce, CHECK_TEXT, &check_aad(STORE_VERSION, kdf))),
    };
    write(kv, &meta)
}

/// Writes the header of a store without passphrase.
pub(super) fn write_plain(kv: &dyn Kv) -> Result<(), StoreError> {
    let meta = Meta {
        format: FORMAT.into(),
        version: STORE_VERSION,
        kdf: None,
        check: None,
    };
    write(kv, &meta)
}

fn write(kv: &dyn Kv, meta: &Meta) -> Result<(), StoreError> {
    let text = serde_json::to_string(meta)
        .map_err(|e| StoreError::Vault(VaultError::Format(e.to_string())))?;
    kv.set(META, &text).map_err(storage)
}

//! What could not be read is kept aside under `dmip.quarantine.<n>.<key>`,
//! never deleted by the app: listed, put back, or saved to a file as is.
//! The raw export also covers a store the app refuses to open (damaged,
//! newer, altered), so nothing is lost while it stays unopened.

use super::header::{MARKER, META};
use super::kv::Kv;
use super::store::{storage, StoreError, INDEX, QUARANTINE_PREFIX, RECORD_PREFIX};
use serde_json::{json, Map, Value};

/// Format name of the raw export file.
pub const RAW_FORMAT: &str = "dmip-store-raw";

/// Something that could not be read and was kept aside.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quarantined {
    pub from: String,
    pub to: String,
    pub reason: String,
}

/// An entry kept aside, as listed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Kept {
    /// Where it is now (`dmip.quarantine.<n>.<from>`).
    pub key: String,
    /// Where it was.
    pub from: String,
    /// Its length in characters.
    pub size: usize,
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

/// Where a quarantine key came from (`None`: not a quarantine key).
fn origin(key: &str) -> Option<&str> {
    let rest = key.strip_prefix(QUARANTINE_PREFIX)?;
    let (n, from) = rest.split_once('.')?;
    n.parse::<u32>().ok()?;
    Some(from)
}

/// Everything kept aside, in key order.
pub fn list_quarantined(kv: &dyn Kv) -> Result<Vec<Kept>, StoreError> {
    let mut out = Vec::new();
    for key in kv.keys().map_err(storage)? {
        let Some(from) = origin(&key) else {
            continue;
        };
        let Some(text) = kv.get(&key).map_err(storage)? else {
            continue;
        };
        out.push(Kept {
            from: from.into(),
            size: text.chars().count(),
            key,
        });
    }
    out.sort_by(|a, b| a.key.cmp(&b.key));
    Ok(out)
}

/// Puts a kept entry back where it was, if that place is free (nothing is
/// overwritten). Returns where it went; the next unlock or scan reads it
/// again (and keeps it aside again if it still cannot be read).
pub fn restore_quarantined(kv: &dyn Kv, key: &str) -> Result<String, StoreError> {
    let from = origin(key)
        .filter(|f| *f == META || *f == INDEX || f.starts_with(RECORD_PREFIX))
        .ok_or_else(|| StoreError::Missing(key.into()))?;
    let text = kv
        .get(key)
        .map_err(storage)?
        .ok_or_else(|| StoreError::Missing(key.into()))?;
    if kv.get(from).map_err(storage)?.is_some() {
        return Err(StoreError::Occupied(from.into()));
    }
    kv.set(from, &text).map_err(storage)?;
    kv.remove(key).map_err(storage)?;
    Ok(from.into())
}

/// Whether `key` belongs to the store (what the raw export holds).
fn store_key(key: &str) -> bool {
    key == META
        || key == MARKER
        || key == INDEX
        || key.starts_with(RECORD_PREFIX)
        || key.starts_with(QUARANTINE_PREFIX)
}

/// Every entry of the store exactly as stored (encrypted ones stay
/// encrypted), as a JSON file: a copy to keep before anything is done.
pub fn export_raw(kv: &dyn Kv) -> Result<String, StoreError> {
    let mut keys: Vec<String> = kv
        .keys()
        .map_err(storage)?
        .into_iter()
        .filter(|k| store_key(k))
        .collect();
    keys.sort();
    let mut entries = Map::new();
    for key in keys {
        if let Some(text) = kv.get(&key).map_err(storage)? {
            entries.insert(key, Value::String(text));
        }
    }
    let file = json!({ "format": RAW_FORMAT, "version": 1, "entries": entries });
    serde_json::to_string_pretty(&file).map_err(|e| StoreError::Storage(e.to_string()))
}

//! Records under revisions, written atomically, one writer per record across
//! tabs: two tabs saving one record lose no edit, and a page closed in the
//! middle of a save loses no record.
//!
//! Each save writes the record under a new key `dmip.rec.<id>#<rev>`, then
//! switches the index (`dmip.index`, whose line names the revision), then
//! removes the older revisions: a page closed between two writes leaves the
//! old or the new record, never neither. A record with no revision in its
//! key (`dmip.rec.<id>`, the layout before revisions) is revision 0 and is
//! read as it is; its first save moves it to revision 1 the same way.
//!
//! The index is read again before each write, so a record another tab
//! made or renamed is kept as that tab left it. A save made from an older
//! revision than the stored one (another tab saved in between) is merged
//! field by field with it ([`dmip_engine::record::merge`]); what both
//! changed keeps the stored value and is returned as a conflict.

use super::kv::Kv;
use super::store::{storage, Entry, Session, StoreError, RECORD_PREFIX};
use dmip_engine::record::merge::{merge, Conflict};
use dmip_engine::record::PatientRecord;
use std::collections::BTreeMap;

/// The key of revision `rev` of record `id` (revision 0: the layout before
/// revisions).
pub fn record_key(id: &str, rev: u64) -> String {
    if rev == 0 {
        format!("{RECORD_PREFIX}{id}")
    } else {
        format!("{RECORD_PREFIX}{id}#{rev}")
    }
}

/// The record id and revision of a record key (`None`: not a record key).
pub fn parse_record_key(key: &str) -> Option<(&str, u64)> {
    let rest = key.strip_prefix(RECORD_PREFIX)?;
    Some(match rest.rsplit_once('#') {
        Some((id, rev)) => match rev.parse::<u64>() {
            Ok(rev) if rev > 0 => (id, rev),
            _ => (rest, 0),
        },
        None => (rest, 0),
    })
}

/// Every record id stored, with its revisions present (in order).
pub fn present(kv: &dyn Kv) -> Result<BTreeMap<String, Vec<u64>>, StoreError> {
    let mut out: BTreeMap<String, Vec<u64>> = BTreeMap::new();
    for key in kv.keys().map_err(storage)? {
        if let Some((id, rev)) = parse_record_key(&key) {
            out.entry(id.into()).or_default().push(rev);
        }
    }
    for revs in out.values_mut() {
        revs.sort_unstable();
    }
    Ok(out)
}

/// The revision to read among those `present`: the one the index names
/// when it is there, else the newest present (the index was switched to a
/// revision that is gone, or never switched to the one written).
pub fn current(listed: Option<u64>, present: &[u64]) -> Option<u64> {
    match listed {
        Some(rev) if present.contains(&rev) => Some(rev),
        _ => present.last().copied(),
    }
}

/// A record as opened: what a later save is merged against.
#[derive(Debug, Clone, PartialEq)]
pub struct Opened {
    pub record: PatientRecord,
    pub rev: u64,
}

/// What a save stored.
#[derive(Debug, Clone, PartialEq)]
pub struct Saved {
    /// The record as stored (merged with another tab's save, if any).
    pub opened: Opened,
    /// Fields changed here and in another tab: the other tab's value was
    /// kept, this one was not saved.
    pub conflicts: Vec<Conflict>,
}

impl Session {
    /// The record list as stored now (another tab may have changed it): the
    /// index's lines whose record is present, each at the revision to read,
    /// and the records present but not listed (a page closed before the
    /// index was switched), labelled from the record. Nothing is changed.
    pub fn refresh(&mut self, kv: &dyn Kv) -> Result<(), StoreError> {
        let present = present(kv)?;
        let listed = self.read_index(kv).unwrap_or_else(|| self.entries.clone());
        let held = |id: &str| self.held.iter().any(|h| h.id == id);
        let mut entries = Vec::new();
        for e in listed {
            let Some(revs) = present.get(&e.id) else {
                continue;
            };
            if held(&e.id) || entries.iter().any(|x: &Entry| x.id == e.id) {
                continue;
            }
            let rev = current(Some(e.rev), revs).unwrap_or(e.rev);
            entries.push(Entry { rev, ..e });
        }
        for (id, revs) in &present {
            if held(id) || entries.iter().any(|x| x.id == *id) {
                continue;
            }
            let Some(rev) = current(None, revs) else {
                continue;
            };
            if let Ok(label) = self.load_rev(kv, id, rev).map(|r| r.label) {
                let updated = self
                    .entries
                    .iter()
                    .find(|e| e.id == *id)
                    .map(|e| e.updated.clone())
                    .unwrap_or_default();
                entries.push(Entry {
                    id: id.clone(),
                    label,
                    updated,
                    rev,
                });
            }
        }
        entries.sort_by(|a, b| b.updated.cmp(&a.updated).then(a.label.cmp(&b.label)));
        self.entries = entries;
        Ok(())
    }

    /// The revision of `id` stored now, if any.
    pub fn stored_rev(&self, kv: &dyn Kv, id: &str) -> Result<Option<u64>, StoreError> {
        let present = present(kv)?;
        let listed = self
            .read_index(kv)
            .and_then(|v| v.into_iter().find(|e| e.id == id))
            .map(|e| e.rev);
        Ok(present.get(id).and_then(|revs| current(listed, revs)))
    }

    /// Writes `r` as a new revision, switches the index to it, then removes
    /// the older revisions. Returns the revision written.
    pub(super) fn write_revision(
        &mut self,
        kv: &dyn Kv,
        r: &PatientRecord,
        now: &str,
        rand: &mut dyn FnMut(&mut [u8]),
    ) -> Result<u64, StoreError> {
        self.refresh(kv)?;
        let before = present(kv)?.remove(&r.id).unwrap_or_default();
        let listed = self.entries.iter().find(|e| e.id == r.id).map(|e| e.rev);
        let rev = before.iter().copied().chain(listed).max().unwrap_or(0) + 1;
        let key = record_key(&r.id, rev);
        let text = self.wrap(&key, &dmip_engine::record::write(r), rand);
        kv.set(&key, &text).map_err(storage)?;
        let kept = self.entries.clone();
        self.entries.retain(|e| e.id != r.id);
        self.entries.insert(
            0,
            Entry {
                id: r.id.clone(),
                label: r.label.clone(),
                updated: now.into(),
                rev,
            },
        );
        if let Err(e) = self.write_index(kv, rand) {
            // The index still names the old revision: the new one goes.
            let _ = kv.remove(&key);
            self.entries = kept;
            return Err(e);
        }
        for old in before {
            // A revision left behind is cleaned at the next save.
            let _ = kv.remove(&record_key(&r.id, old));
        }
        Ok(rev)
    }

    /// Saves this tab's edit `mine` of the record opened as `base` (`None`:
    /// a record new in this tab). When another tab saved the record since,
    /// the two are merged (see the module) and the conflicts returned; when
    /// another tab deleted it since, nothing is written
    /// ([`StoreError::DeletedElsewhere`]).
    pub fn save_merged(
        &mut self,
        kv: &dyn Kv,
        base: Option<&Opened>,
        mine: &PatientRecord,
        now: &str,
        rand: &mut dyn FnMut(&mut [u8]),
    ) -> Result<Saved, StoreError> {
        if self.held.iter().any(|h| h.id == mine.id) {
            return Err(StoreError::Held(mine.id.clone()));
        }
        let stored = self.stored_rev(kv, &mine.id)?;
        if stored.is_none() && base.is_some() {
            // Stored when this tab opened it, gone now: deleted in another
            // tab. Never written back (it would come back from the dead).
            self.refresh(kv)?;
            return Err(StoreError::DeletedElsewhere(mine.id.clone()));
        }
        let (record, conflicts) = match stored {
            Some(rev) if Some(rev) != base.map(|b| b.rev) => {
                let theirs = self.load_rev(kv, &mine.id, rev)?;
                let fresh = PatientRecord::new(mine.id.clone());
                let from = base.map_or(&fresh, |b| &b.record);
                let m =
                    merge(from, mine, &theirs).map_err(|e| StoreError::Storage(e.to_string()))?;
                (m.record, m.conflicts)
            }
            _ => (mine.clone(), Vec::new()),
        };
        let rev = self.write_revision(kv, &record, now, rand)?;
        Ok(Saved {
            opened: Opened { record, rev },
            conflicts,
        })
    }
}

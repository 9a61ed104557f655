//! Records under revisions (no edit lost, across tabs and closed pages): the
//! layout, a page closed between two writes, the index without its revision,
//! the layout before revisions read losslessly, and two tabs saving one record.

use super::kv::{Kv, MemKv};
use super::revisions::{record_key, Opened};
use super::store::*;
use super::store_tests::{counter, rec, sealed_slot, store_key};
use super::vault::KdfParams;
use serde_json::json;
use std::cell::Cell;

/// A storage whose page is closed after `allowed` more writes: later
/// writes and removals never happen.
struct Crash {
    inner: MemKv,
    allowed: Cell<usize>,
}

impl Crash {
    fn after(inner: MemKv, allowed: usize) -> Self {
        Crash {
            inner,
            allowed: Cell::new(allowed),
        }
    }
    fn step(&self) -> bool {
        let n = self.allowed.get();
        self.allowed.set(n.saturating_sub(1));
        n > 0
    }
}

impl Kv for Crash {
    fn get(&self, key: &str) -> Result<Option<String>, String> {
        self.inner.get(key)
    }
    fn set(&self, key: &str, value: &str) -> Result<(), String> {
        if self.step() {
            self.inner.set(key, value)?;
        }
        Ok(())
    }
    fn remove(&self, key: &str) -> Result<(), String> {
        if self.step() {
            self.inner.remove(key)?;
        }
        Ok(())
    }
    fn keys(&self) -> Result<Vec<String>, String> {
        self.inner.keys()
    }
}

fn record_keys(kv: &dyn Kv) -> Vec<String> {
    let mut keys: Vec<String> = kv
        .keys()
        .expect("ok")
        .into_iter()
        .filter(|k| k.starts_with(RECORD_PREFIX))
        .collect();
    keys.sort();
    keys
}

/// An encrypted store with record a1 saved once ("Bed 3", 48 kg).
fn store() -> MemKv {
    let kv = MemKv::default();
    let mut rand = counter();
    let mut s = create(&kv, Some("pw"), KdfParams::TEST, &mut rand).expect("created");
    s.save(&kv, &rec("a1", "Bed 3"), "t1", &mut rand)
        .expect("saved");
    kv
}

#[test]
fn each_save_writes_a_new_revision_switches_the_index_and_removes_the_old() {
    let kv = store();
    let mut rand = counter();
    let (mut s, _) = unlock(&kv, "pw", &mut rand).expect("opens");
    assert_eq!(record_keys(&kv), ["dmip.rec.a1#1"]);
    let mut r = rec("a1", "Bed 3");
    r.patient.weight_kg = Some(51.0);
    s.save(&kv, &r, "t2", &mut rand).expect("saved");
    assert_eq!(record_keys(&kv), ["dmip.rec.a1#2"]);
    assert_eq!(s.entries[0].rev, 2);
    let raw = kv.get("dmip.rec.a1#2").expect("ok").expect("stored");
    assert!(raw.contains("sealed") && !raw.contains("Bed 3"), "{raw}");
    let (mut s2, q) = unlock(&kv, "pw", &mut rand).expect("opens");
    assert!(q.is_empty());
    assert_eq!(
        s2.open(&kv, "a1").expect("loads"),
        Opened { record: r, rev: 2 }
    );
}

#[test]
fn a_page_closed_between_two_writes_leaves_the_old_or_the_new_record() {
    let mut new = rec("a1", "Bed 3");
    new.patient.weight_kg = Some(51.0);
    let old = rec("a1", "Bed 3");
    // Writes of a save: the new revision, the index, the old one removed.
    for (allowed, expect) in [(0, &old), (1, &old), (2, &new), (3, &new)] {
        let kv = Crash::after(store(), usize::MAX);
        let mut rand = counter();
        let (mut s, _) = unlock(&kv, "pw", &mut rand).expect("opens");
        kv.allowed.set(allowed);
        s.save(&kv, &new, "t2", &mut rand)
            .expect("the page thinks it saved");
        // The page is opened again.
        kv.allowed.set(usize::MAX);
        let (mut s2, q) = unlock(&kv, "pw", &mut rand).expect("opens");
        assert!(q.is_empty(), "{allowed}: {q:?}");
        assert_eq!(s2.entries.len(), 1, "{allowed}");
        assert_eq!(s2.load(&kv, "a1").as_ref(), Ok(expect), "{allowed}");
        // A revision older than the one read is cleaned once it opens; a
        // newer one never listed (another tab may be saving it) at the
        // next save.
        let left = record_keys(&kv);
        assert_eq!(left.len(), if allowed == 1 { 2 } else { 1 }, "{left:?}");
        s2.save(&kv, &new, "t3", &mut rand).expect("saved");
        assert_eq!(
            record_keys(&kv).len(),
            1,
            "{allowed}: {:?}",
            record_keys(&kv)
        );
        assert_eq!(s2.load(&kv, "a1").as_ref(), Ok(&new), "{allowed}");
    }
}

#[test]
fn an_index_naming_a_missing_revision_falls_back_to_the_newest_present() {
    let kv = store();
    let mut rand = counter();
    let (mut s, _) = unlock(&kv, "pw", &mut rand).expect("opens");
    let mut r = rec("a1", "Bed 3");
    r.patient.weight_kg = Some(51.0);
    s.save(&kv, &r, "t2", &mut rand).expect("saved");
    // Revision 2 lost, revisions 1 and 3 (never listed) present.
    let key = store_key(&kv, "pw");
    let text = |rev: u64, kg: f64| {
        let mut x = rec("a1", "Bed 3");
        x.patient.weight_kg = Some(kg);
        let plain = dmip_engine::record::write(&x);
        sealed_slot(&key, &record_key("a1", rev), &plain)
    };
    kv.remove("dmip.rec.a1#2").expect("rm");
    kv.set("dmip.rec.a1#1", &text(1, 40.0)).expect("set");
    kv.set("dmip.rec.a1#3", &text(3, 53.0)).expect("set");
    let (mut s2, q) = unlock(&kv, "pw", &mut rand).expect("opens");
    assert!(q.is_empty());
    let opened = s2.open(&kv, "a1").expect("loads");
    assert_eq!(
        (opened.rev, opened.record.patient.weight_kg),
        (3, Some(53.0))
    );
    assert_eq!(record_keys(&kv), ["dmip.rec.a1#3"], "the older one cleaned");
}

#[test]
fn a_store_written_before_revisions_reads_losslessly_and_moves_on_save() {
    let kv = store();
    let mut rand = counter();
    let key = store_key(&kv, "pw");
    // The layout before revisions: dmip.rec.<id>, index lines without rev.
    for k in record_keys(&kv) {
        kv.remove(&k).expect("rm");
    }
    let mut a = rec("a1", "Bed 3");
    a.notes = "seen on 3 Dec".into();
    a.patient.prednisolone = vec![dmip_engine::record::PrednisoloneRow {
        start: None,
        mg_day: 30.0,
    }];
    let b = rec("b2", "Bed 4");
    for r in [&a, &b] {
        let slot = format!("dmip.rec.{}", r.id);
        let plain = dmip_engine::record::write(r);
        kv.set(&slot, &sealed_slot(&key, &slot, &plain))
            .expect("set");
    }
    let index = json!([
        {"id": "a1", "label": "Bed 3", "updated": "2026-12-01T10:00"},
        {"id": "b2", "label": "Bed 4", "updated": "2026-12-02T10:00"},
    ]);
    kv.set(INDEX, &sealed_slot(&key, INDEX, &index.to_string()))
        .expect("set");

    let (mut s, q) = unlock(&kv, "pw", &mut rand).expect("opens");
    assert!(q.is_empty(), "{q:?}");
    let listed: Vec<(&str, &str, u64)> = s
        .entries
        .iter()
        .map(|e| (e.id.as_str(), e.updated.as_str(), e.rev))
        .collect();
    assert_eq!(
        listed,
        [("b2", "2026-12-02T10:00", 0), ("a1", "2026-12-01T10:00", 0)]
    );
    assert_eq!(s.load(&kv, "a1").as_ref(), Ok(&a));
    assert_eq!(s.load(&kv, "b2").as_ref(), Ok(&b));
    // The first save moves a1 to revision 1; b2 stays as it was.
    a.patient.height_cm = Some(160.0);
    s.save(&kv, &a, "2026-12-04T09:00", &mut rand)
        .expect("saved");
    assert_eq!(record_keys(&kv), ["dmip.rec.a1#1", "dmip.rec.b2"]);
    let (mut s2, q) = unlock(&kv, "pw", &mut rand).expect("opens");
    assert!(q.is_empty());
    assert_eq!(s2.load(&kv, "a1").as_ref(), Ok(&a));
    assert_eq!(s2.load(&kv, "b2").as_ref(), Ok(&b));
    let raw = kv.get("dmip.rec.a1#1").expect("ok").expect("stored");
    assert!(
        raw.contains("sealed") && !raw.contains("Bed 3"),
        "still encrypted"
    );
}

#[test]
fn two_tabs_editing_different_fields_of_one_record_keep_all_four() {
    let kv = store();
    let (mut ra, mut rb) = (counter(), counter());
    let (mut tab_a, _) = unlock(&kv, "pw", &mut ra).expect("opens");
    let (mut tab_b, _) = unlock(&kv, "pw", &mut rb).expect("opens");
    let base_a = tab_a.open(&kv, "a1").expect("loads");
    let base_b = tab_b.open(&kv, "a1").expect("loads");
    let mut mine_a = base_a.record.clone();
    mine_a.patient.weight_kg = Some(52.0);
    mine_a.patient.height_cm = Some(158.0);
    let mut mine_b = base_b.record.clone();
    mine_b.patient.age_years = Some(64.0);
    mine_b.patient.creatinine = Some(0.72);
    let saved_a = tab_a
        .save_merged(&kv, Some(&base_a), &mine_a, "t2", &mut ra)
        .expect("saved");
    assert!(saved_a.conflicts.is_empty());
    // Tab B saves from the older revision: merged, nothing lost.
    let saved_b = tab_b
        .save_merged(&kv, Some(&base_b), &mine_b, "t3", &mut rb)
        .expect("saved");
    assert!(saved_b.conflicts.is_empty(), "{:?}", saved_b.conflicts);
    assert_eq!(saved_b.opened.rev, 3);
    let (mut fresh, _) = unlock(&kv, "pw", &mut ra).expect("opens");
    let p = fresh.load(&kv, "a1").expect("loads").patient;
    assert_eq!(
        (p.weight_kg, p.height_cm, p.age_years, p.creatinine),
        (Some(52.0), Some(158.0), Some(64.0), Some(0.72))
    );
    assert_eq!(record_keys(&kv), ["dmip.rec.a1#3"]);
}

#[test]
fn the_same_field_edited_in_two_tabs_is_refused_naming_it() {
    let kv = store();
    let (mut ra, mut rb) = (counter(), counter());
    let (mut tab_a, _) = unlock(&kv, "pw", &mut ra).expect("opens");
    let (mut tab_b, _) = unlock(&kv, "pw", &mut rb).expect("opens");
    let base = tab_a.open(&kv, "a1").expect("loads");
    let mut mine_a = base.record.clone();
    mine_a.patient.weight_kg = Some(55.0);
    let mut mine_b = base.record.clone();
    mine_b.patient.weight_kg = Some(60.0);
    mine_b.patient.height_cm = Some(170.0);
    tab_a
        .save_merged(&kv, Some(&base), &mine_a, "t2", &mut ra)
        .expect("saved");
    let saved = tab_b
        .save_merged(&kv, Some(&base), &mine_b, "t3", &mut rb)
        .expect("saved");
    assert_eq!(saved.conflicts.len(), 1);
    assert_eq!(saved.conflicts[0].field(), "weight_kg");
    // Not overwritten: tab A's weight stays, tab B's height is saved.
    let p = tab_a.load(&kv, "a1").expect("loads").patient;
    assert_eq!((p.weight_kg, p.height_cm), (Some(55.0), Some(170.0)));
    assert_eq!(saved.opened.record.patient, p);
}

#[test]
fn a_record_made_in_one_tab_is_listed_in_the_other_and_not_renamed_by_it() {
    let kv = store();
    let (mut ra, mut rb) = (counter(), counter());
    let (mut tab_a, _) = unlock(&kv, "pw", &mut ra).expect("opens");
    let (mut tab_b, _) = unlock(&kv, "pw", &mut rb).expect("opens");
    let made = rec("b2", "Made in B");
    tab_b
        .save_merged(&kv, None, &made, "t2", &mut rb)
        .expect("saved");
    tab_a.refresh(&kv).expect("reads");
    let labels = |s: &Session| {
        let mut l: Vec<String> = s.entries.iter().map(|e| e.label.clone()).collect();
        l.sort();
        l
    };
    assert_eq!(labels(&tab_a), ["Bed 3", "Made in B"]);
    // Tab A's next save (of its own record, from a list read before B
    // saved again) keeps B's record and its name.
    let base = tab_a.open(&kv, "a1").expect("loads");
    let mut renamed = made.clone();
    renamed.label = "Renamed in B".into();
    tab_b
        .save_merged(
            &kv,
            Some(&Opened {
                record: made,
                rev: 1,
            }),
            &renamed,
            "t3",
            &mut rb,
        )
        .expect("saved");
    let mut mine = base.record.clone();
    mine.patient.weight_kg = Some(50.0);
    tab_a
        .save_merged(&kv, Some(&base), &mine, "t4", &mut ra)
        .expect("saved");
    let (fresh, _) = unlock(&kv, "pw", &mut ra).expect("opens");
    assert_eq!(labels(&fresh), ["Bed 3", "Renamed in B"]);
    assert_eq!(labels(&tab_a), ["Bed 3", "Renamed in B"]);
}

#[test]
fn a_damaged_newest_revision_without_index_is_kept_aside_and_the_older_one_read() {
    let kv = store();
    let mut rand = counter();
    // Another page removes the index and plants a damaged revision 9.
    kv.remove(INDEX).expect("rm");
    kv.set(
        "dmip.rec.a1#9",
        "{\"sealed\":{\"nonce\":\"AAAAAAAAAAAAAAAA\",\"ct\":\"AAAA\"}}",
    )
    .expect("set");
    let (mut s, q) = unlock(&kv, "pw", &mut rand).expect("opens");
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].from, "dmip.rec.a1#9");
    assert_eq!(s.load(&kv, "a1").as_ref(), Ok(&rec("a1", "Bed 3")));
    assert_eq!(record_keys(&kv), ["dmip.rec.a1#1"]);
}

#[test]
fn a_record_deleted_in_another_tab_is_not_written_back_and_can_be_kept_as_new() {
    let kv = store();
    let (mut ra, mut rb) = (counter(), counter());
    let (mut tab_a, _) = unlock(&kv, "pw", &mut ra).expect("opens");
    let (mut tab_b, _) = unlock(&kv, "pw", &mut rb).expect("opens");
    let base = tab_a.open(&kv, "a1").expect("loads");
    tab_b.delete(&kv, "a1", &mut rb).expect("deleted in B");
    let mut mine = base.record.clone();
    mine.patient.weight_kg = Some(61.5);
    let refused = tab_a.save_merged(&kv, Some(&base), &mine, "t2", &mut ra);
    assert_eq!(refused, Err(StoreError::DeletedElsewhere("a1".into())));
    // Nothing resurrected: no revision, no line in the index.
    assert!(record_keys(&kv).is_empty(), "{:?}", record_keys(&kv));
    let (fresh, _) = unlock(&kv, "pw", &mut ra).expect("opens");
    assert!(fresh.entries.is_empty(), "{:?}", fresh.entries);
    assert!(tab_a.entries.is_empty(), "{:?}", tab_a.entries);
    // Kept as a new record: every field typed is stored under the new id.
    let mut copy = mine.clone();
    copy.id = "c9".into();
    let saved = tab_a
        .save_merged(&kv, None, &copy, "t3", &mut ra)
        .expect("kept as new");
    assert!(saved.conflicts.is_empty());
    assert_eq!(record_keys(&kv), ["dmip.rec.c9#1"]);
    let (mut fresh, _) = unlock(&kv, "pw", &mut ra).expect("opens");
    let stored = fresh.load(&kv, "c9").expect("loads");
    assert_eq!(stored.patient.weight_kg, Some(61.5));
    assert_eq!(stored.label, "Bed 3");
    // Deleted elsewhere and then put back (undo): saved as usual, merged.
    let base = fresh.open(&kv, "c9").expect("loads");
    let (entry, text) = tab_b.delete(&kv, "c9", &mut rb).expect("deleted");
    tab_b
        .undelete(&kv, (entry, text), &mut rb)
        .expect("put back");
    let mut again = base.record.clone();
    again.patient.height_cm = Some(158.0);
    let saved = fresh
        .save_merged(&kv, Some(&base), &again, "t4", &mut ra)
        .expect("saved");
    assert_eq!(saved.opened.record.patient.height_cm, Some(158.0));
}

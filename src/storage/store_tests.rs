//! The store's own tests: round trip, quarantine, plain mode, the
//! layout-1 header's migration, records of a newer format, import counts.

use super::header::{check_aad, MARKER, META};
use super::kv::{Kv, MemKv};
use super::quarantine::{export_raw, list_quarantined, quarantine, restore_quarantined, Kept};
use super::store::*;
use super::vault::KdfParams;
use super::vault::{open, seal, KdfSpec, Key, Sealed};
use dmip_engine::record::PatientRecord;
use serde_json::{json, Value};

pub(super) fn counter() -> impl FnMut(&mut [u8]) {
    let mut n = 0u8;
    move |b: &mut [u8]| {
        for x in b.iter_mut() {
            n = n.wrapping_add(1);
            *x = n;
        }
    }
}

pub(super) fn rec(id: &str, label: &str) -> PatientRecord {
    let mut r = PatientRecord::new(id);
    r.label = label.into();
    r.patient.weight_kg = Some(48.0);
    r
}

#[test]
fn encrypted_store_round_trips_and_hides_the_data() {
    let kv = MemKv::default();
    let mut rand = counter();
    assert_eq!(status(&kv).expect("ok"), Status::Empty);
    let mut s = create(&kv, Some("pw"), KdfParams::TEST, &mut rand).expect("created");
    s.save(&kv, &rec("a1", "Bed 3 YT"), "2026-04-01T10:00", &mut rand)
        .expect("saved");
    s.save(&kv, &rec("b2", "Bed 4"), "2026-04-01T11:00", &mut rand)
        .expect("saved");
    let raw = kv.get("dmip.rec.a1#1").expect("ok").expect("stored");
    assert!(!raw.contains("Bed 3") && raw.contains("sealed"), "{raw}");
    assert!(!kv.get(INDEX).expect("ok").expect("index").contains("Bed"));
    assert_eq!(status(&kv).expect("ok"), Status::Locked);

    let before = kv.0.lock().expect("lock").clone();
    assert_eq!(
        unlock(&kv, "wrong", &mut rand).err(),
        Some(StoreError::WrongPassphrase)
    );
    assert_eq!(
        *kv.0.lock().expect("lock"),
        before,
        "wrong passphrase changed nothing"
    );

    let (mut s2, q) = unlock(&kv, "pw", &mut rand).expect("unlocks");
    assert!(q.is_empty());
    let labels: Vec<&str> = s2.entries.iter().map(|e| e.label.as_str()).collect();
    assert_eq!(labels, ["Bed 4", "Bed 3 YT"]);
    assert_eq!(s2.load(&kv, "a1").expect("loads"), rec("a1", "Bed 3 YT"));

    let undo = s2.delete(&kv, "a1", &mut rand).expect("deleted");
    assert_eq!(s2.entries.len(), 1);
    assert_eq!(kv.get("dmip.rec.a1#1").expect("ok"), None);
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
        "dmip.rec.a1#1",
        "{\"sealed\":{\"nonce\":\"AAAAAAAAAAAAAAAA\",\"ct\":\"AAAA\"}}",
    )
    .expect("set");
    let (s2, q) = unlock(&kv, "pw", &mut rand).expect("unlocks");
    assert_eq!(s2.entries.len(), 1);
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].from, "dmip.rec.a1#1");
    assert_eq!(q[0].to, "dmip.quarantine.1.dmip.rec.a1#1");
    assert_eq!(q[0].reason, "wrong passphrase, or the data was changed");
    assert!(kv
        .get("dmip.quarantine.1.dmip.rec.a1#1")
        .expect("ok")
        .is_some());

    kv.set(META, "garbage").expect("set");
    let before = kv.snapshot();
    let damaged = StoreProblem::Damaged("expected value at line 1 column 1".into());
    assert_eq!(status(&kv).expect("ok"), Status::Problem(damaged.clone()));
    assert_eq!(
        unlock(&kv, "pw", &mut rand).err(),
        Some(StoreError::Refused(damaged.clone()))
    );
    assert_eq!(
        create(&kv, Some("pw"), KdfParams::TEST, &mut rand).err(),
        Some(StoreError::Refused(damaged))
    );
    assert_eq!(kv.snapshot(), before, "the damaged header is kept as it is");
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
        .get("dmip.rec.p#1")
        .expect("ok")
        .expect("stored")
        .contains("Plain"));
    assert_eq!(status(&kv).expect("ok"), Status::Plain);
    let (s2, _) = unlock(&kv, "", &mut rand).expect("opens");
    assert_eq!(s2.entries[0].label, "Plain");
}

/// The header as JSON.
pub(super) fn header(kv: &MemKv) -> Value {
    serde_json::from_str(&kv.get(META).expect("ok").expect("header")).expect("json")
}

/// The store's key, derived as the app does (tests seal entries with it).
pub(super) fn store_key(kv: &MemKv, pass: &str) -> Key {
    let kdf: KdfSpec = serde_json::from_value(header(kv)["kdf"].clone()).expect("kdf");
    kdf.derive(pass).expect("key")
}

/// A slot sealed with `key` for `slot`, as the store writes it.
pub(super) fn sealed_slot(key: &Key, slot: &str, plain: &str) -> String {
    json!({ "sealed": seal(key, [42; 12], plain.as_bytes(), slot) }).to_string()
}

#[test]
fn a_layout_1_header_opens_and_is_rewritten_authenticated() {
    let kv = MemKv::default();
    let mut rand = counter();
    let mut s = create(&kv, Some("pw"), KdfParams::TEST, &mut rand).expect("created");
    s.save(&kv, &rec("a1", "Bed 3"), "t1", &mut rand)
        .expect("saved");
    // What version 1 of the app wrote: the check sealed with the slot name
    // only, and no marker.
    let key = store_key(&kv, "pw");
    let kdf = header(&kv)["kdf"].clone();
    let v1 = json!({
        "format": "dmip-store",
        "version": 1,
        "kdf": kdf,
        "check": seal(&key, [5; 12], b"dmip-monitor", "dmip.store"),
    })
    .to_string();
    kv.set(META, &v1).expect("set");
    kv.remove(MARKER).expect("rm");
    let record = kv.get("dmip.rec.a1#1").expect("ok");
    assert_eq!(status(&kv).expect("ok"), Status::Locked);

    assert_eq!(
        unlock(&kv, "not it", &mut rand).err(),
        Some(StoreError::WrongPassphrase)
    );
    assert_eq!(kv.get(META).expect("ok"), Some(v1.clone()), "unchanged");

    let (s2, q) = unlock(&kv, "pw", &mut rand).expect("opens");
    assert!(q.is_empty());
    assert_eq!(s2.entries[0].label, "Bed 3");
    let h = header(&kv);
    assert_eq!(h["version"], 2);
    assert_eq!(h["kdf"], kdf, "same salt and cost");
    let check: Sealed = serde_json::from_value(h["check"].clone()).expect("check");
    let spec: KdfSpec = serde_json::from_value(kdf).expect("kdf");
    let aad = check_aad(2, &spec);
    assert_eq!(
        aad,
        format!("dmip-store|v2|argon2id|m=64|t=1|p=1|salt={}", spec.salt)
    );
    assert_eq!(
        open(&key, &check, &aad).expect("opens").as_slice(),
        b"dmip-monitor"
    );
    assert!(open(&key, &check, META).is_err(), "no longer layout 1");
    assert_eq!(
        kv.get(MARKER).expect("ok"),
        Some("{\"encrypted\":true}".into())
    );
    assert_eq!(
        kv.get("dmip.rec.a1#1").expect("ok"),
        record,
        "records untouched"
    );
    let (s3, _) = unlock(&kv, "pw", &mut rand).expect("opens again");
    assert_eq!(s3.entries.len(), 1);
}

#[test]
fn records_of_a_newer_format_stay_where_they_are() {
    let kv = MemKv::default();
    let mut rand = counter();
    let mut s = create(&kv, Some("pw"), KdfParams::TEST, &mut rand).expect("created");
    s.save(&kv, &rec("a1", "Bed 3"), "t1", &mut rand)
        .expect("saved");
    let key = store_key(&kv, "pw");
    let newer = sealed_slot(
        &key,
        "dmip.rec.n9",
        r#"{"schema":99,"id":"n9","label":"From the future"}"#,
    );
    kv.set("dmip.rec.n9", &newer).expect("set");
    let index = json!([
        {"id": "a1", "label": "Bed 3", "updated": "t1"},
        {"id": "n9", "label": "From the future", "updated": "t0"},
    ]);
    kv.set(INDEX, &sealed_slot(&key, INDEX, &index.to_string()))
        .expect("set");

    let (mut s2, q) = unlock(&kv, "pw", &mut rand).expect("opens");
    assert!(q.is_empty(), "nothing kept aside: {q:?}");
    assert_eq!(s2.entries.len(), 1);
    let future = Entry {
        id: "n9".into(),
        label: "From the future".into(),
        updated: "t0".into(),
        rev: 0,
    };
    assert_eq!(
        s2.held,
        [Held {
            id: "n9".into(),
            found: 99,
            listed: Some(future.clone()),
        }]
    );
    assert_eq!(
        s2.load(&kv, "n9").err(),
        Some((StoreError::Held("n9".into()), None))
    );
    assert_eq!(
        s2.save(&kv, &rec("n9", "Overwrite"), "t2", &mut rand).err(),
        Some(StoreError::Held("n9".into()))
    );
    s2.save(&kv, &rec("b2", "Bed 4"), "t3", &mut rand)
        .expect("saved");
    assert_eq!(kv.get("dmip.rec.n9").expect("ok"), Some(newer.clone()));
    // The index keeps its line, for the newer version.
    let text = kv.get(INDEX).expect("ok").expect("index");
    let slot: Value = serde_json::from_str(&text).expect("json");
    let sealed: Sealed = serde_json::from_value(slot["sealed"].clone()).expect("sealed");
    let plain = open(&key, &sealed, INDEX).expect("opens");
    let listed: Vec<Entry> = serde_json::from_slice(&plain).expect("entries");
    assert!(listed.contains(&future), "{listed:?}");
    // An import with its id becomes a copy.
    let done = s2.import(
        &kv,
        vec![rec("n9", "Imported")],
        "t4",
        &mut rand,
        &mut || "fresh".to_string(),
        &|l| format!("{l} (copy)"),
    );
    assert_eq!((done.stored, done.copies), (1, 1));
    assert_eq!(
        s2.load(&kv, "fresh").expect("loads").label,
        "Imported (copy)"
    );
    assert_eq!(kv.get("dmip.rec.n9").expect("ok"), Some(newer));
    assert!(list_quarantined(&kv).expect("ok").is_empty());
}

/// A storage that refuses to write one key (a full quota).
struct Full {
    inner: MemKv,
    refuse: &'static str,
}

impl Kv for Full {
    fn get(&self, key: &str) -> Result<Option<String>, String> {
        self.inner.get(key)
    }
    fn set(&self, key: &str, value: &str) -> Result<(), String> {
        if key == self.refuse {
            return Err("QuotaExceededError".into());
        }
        self.inner.set(key, value)
    }
    fn remove(&self, key: &str) -> Result<(), String> {
        self.inner.remove(key)
    }
    fn keys(&self) -> Result<Vec<String>, String> {
        self.inner.keys()
    }
}

#[test]
fn an_import_counts_what_was_stored_and_copies_taken_ids() {
    let kv = Full {
        inner: MemKv::default(),
        refuse: "dmip.rec.c3#1",
    };
    let mut rand = counter();
    let mut s = create(&kv, Some("pw"), KdfParams::TEST, &mut rand).expect("created");
    s.save(&kv, &rec("a1", "Mine"), "t1", &mut rand)
        .expect("saved");
    let mine = kv.get("dmip.rec.a1#1").expect("ok");
    let mut n = 0;
    let mut ids = || {
        n += 1;
        format!("new{n}")
    };
    let done = s.import(
        &kv,
        vec![
            rec("a1", "Theirs"),
            rec("b2", "B"),
            rec("b2", "B again"),
            rec("c3", "C"),
        ],
        "t2",
        &mut rand,
        &mut ids,
        &|l| format!("{l} (copy)"),
    );
    assert_eq!(done.stored, 3);
    assert_eq!(done.copies, 2);
    assert_eq!(
        done.failed,
        [StoreError::Storage("QuotaExceededError".into())]
    );
    assert_eq!(
        kv.get("dmip.rec.a1#1").expect("ok"),
        mine,
        "not overwritten"
    );
    let mut labels: Vec<&str> = s.entries.iter().map(|e| e.label.as_str()).collect();
    labels.sort_unstable();
    assert_eq!(labels, ["B", "B again (copy)", "Mine", "Theirs (copy)"]);
    let stored = kv
        .keys()
        .expect("ok")
        .iter()
        .filter(|k| k.starts_with(RECORD_PREFIX))
        .count();
    assert_eq!(stored, 1 + done.stored);
}

#[test]
fn kept_entries_are_listed_put_back_and_exported_raw() {
    let kv = MemKv::default();
    let mut rand = counter();
    let mut s = create(&kv, Some("pw"), KdfParams::TEST, &mut rand).expect("created");
    s.save(&kv, &rec("a1", "A"), "t1", &mut rand)
        .expect("saved");
    s.save(&kv, &rec("b2", "B"), "t2", &mut rand)
        .expect("saved");
    let text = kv.get("dmip.rec.a1#1").expect("ok").expect("stored");
    let q = quarantine(&kv, "dmip.rec.a1#1", &text, "test").expect("kept");
    assert_eq!(q.to, "dmip.quarantine.1.dmip.rec.a1#1");
    assert_eq!(
        list_quarantined(&kv).expect("ok"),
        [Kept {
            key: q.to.clone(),
            from: "dmip.rec.a1#1".into(),
            size: text.chars().count(),
        }]
    );
    let raw: Value = serde_json::from_str(&export_raw(&kv).expect("ok")).expect("json");
    assert_eq!(raw["format"], "dmip-store-raw");
    assert_eq!(raw["entries"][q.to.as_str()], text.as_str());
    assert_eq!(
        raw["entries"]["dmip.store"],
        kv.get(META).expect("ok").expect("header").as_str()
    );
    assert_eq!(
        raw["entries"].as_object().map(|m| m.len()),
        Some(5),
        "header, marker, index, one record, one kept: {raw}"
    );

    // Not over something in place.
    kv.set("dmip.rec.a1#1", "{}").expect("set");
    assert_eq!(
        restore_quarantined(&kv, &q.to).err(),
        Some(StoreError::Occupied("dmip.rec.a1#1".into()))
    );
    kv.remove("dmip.rec.a1#1").expect("rm");
    assert_eq!(
        restore_quarantined(&kv, &q.to).expect("back"),
        "dmip.rec.a1#1"
    );
    assert!(list_quarantined(&kv).expect("ok").is_empty());
    let (s2, q) = unlock(&kv, "pw", &mut rand).expect("opens");
    assert!(q.is_empty());
    assert_eq!(s2.entries.len(), 2);
    assert_eq!(
        restore_quarantined(&kv, "dmip.lang").err(),
        Some(StoreError::Missing("dmip.lang".into()))
    );
}

//! Another local page attacks the store: every `file://` page shares our
//! localStorage, so it can remove, edit or swap any field of the header.
//! After each attack: nothing is written in clear text, the right
//! passphrase opens the store or is clearly refused, a wrong one never
//! opens it, and no stored entry is overwritten or kept aside.

use super::header::{MARKER, META};
use super::kv::{Kv, MemKv};
use super::store::*;
use super::store_tests::{counter, header, rec};
use super::vault::{KdfParams, DERIVATIONS};
use serde_json::{json, Value};
use std::collections::BTreeMap;

const RIGHT: &str = "right passphrase";

/// An encrypted store with two records, and another store's header made
/// with the same passphrase (for the swap attacks).
fn victim() -> (MemKv, Value) {
    let kv = MemKv::default();
    let mut rand = counter();
    let mut s = create(&kv, Some(RIGHT), KdfParams::TEST, &mut rand).expect("created");
    s.save(&kv, &rec("a1", "Bed 3 YT"), "t1", &mut rand)
        .expect("saved");
    s.save(&kv, &rec("b2", "Bed 4 KS"), "t2", &mut rand)
        .expect("saved");
    let other = MemKv::default();
    let mut rand2 = |b: &mut [u8]| b.fill(0xA5);
    create(&other, Some(RIGHT), KdfParams::TEST, &mut rand2).expect("other");
    (kv, header(&other))
}

/// What the right passphrase must give after an attack.
#[derive(Debug)]
enum Expect {
    /// Opens the two records.
    Opens,
    /// Refused, with this problem, before any key is derived.
    Early(StoreProblem),
    /// Refused after derivation: the check (or the records) do not open.
    Wrong,
    /// Refused after derivation: the header is not this store's.
    Mismatch,
}

fn edit(h: &Value, f: impl FnOnce(&mut Value)) -> Option<String> {
    let mut h = h.clone();
    f(&mut h);
    Some(h.to_string())
}

fn remove(h: &Value, path: &[&str]) -> Option<String> {
    edit(h, |v| {
        let (last, parents) = path.split_last().expect("path");
        let mut at = v;
        for p in parents {
            at = &mut at[*p];
        }
        if let Some(o) = at.as_object_mut() {
            o.remove(*last);
        }
    })
}

/// Each attack: a name, the new header (`None`: deleted), what to expect.
fn attacks(h: &Value, other: &Value) -> Vec<(&'static str, Option<String>, Expect)> {
    use Expect::*;
    use StoreProblem::*;
    let kdf = |m: &str| Kdf(super::vault::VaultError::Kdf(m.into()));
    let cost = |m_kib, t, p| Kdf(super::vault::VaultError::Cost(KdfParams { m_kib, t, p }));
    let damaged = |m: &str| Damaged(m.into());
    let salt_error = |m: &str| Kdf(super::vault::VaultError::Format(m.into()));
    vec![
        ("unchanged, reformatted", edit(h, |_| {}), Opens),
        (
            "alg removed",
            remove(h, &["kdf", "alg"]),
            Early(damaged("missing field `alg`")),
        ),
        (
            "alg edited",
            edit(h, |v| v["kdf"]["alg"] = json!("pbkdf2")),
            Early(kdf("pbkdf2")),
        ),
        (
            "salt removed",
            remove(h, &["kdf", "salt"]),
            Early(damaged("missing field `salt`")),
        ),
        (
            "salt edited",
            edit(h, |v| v["kdf"]["salt"] = json!("AAAAAAAAAAAAAAAAAAAAAA==")),
            Wrong,
        ),
        (
            "salt garbage",
            edit(h, |v| v["kdf"]["salt"] = json!("%%")),
            Early(salt_error("salt: Invalid symbol 37, offset 0.")),
        ),
        (
            "salt swapped",
            edit(h, |v| v["kdf"]["salt"] = other["kdf"]["salt"].clone()),
            Wrong,
        ),
        (
            "m removed",
            remove(h, &["kdf", "m_kib"]),
            Early(damaged("missing field `m_kib`")),
        ),
        (
            "m raised to 1 GiB × 10",
            edit(h, |v| {
                v["kdf"]["m_kib"] = json!(1 << 20);
                v["kdf"]["t"] = json!(10);
            }),
            Early(cost(1 << 20, 10, 1)),
        ),
        (
            "m edited",
            edit(h, |v| v["kdf"]["m_kib"] = json!(65536)),
            Early(cost(65536, 1, 1)),
        ),
        (
            "t removed",
            remove(h, &["kdf", "t"]),
            Early(damaged("missing field `t`")),
        ),
        (
            "t edited",
            edit(h, |v| v["kdf"]["t"] = json!(2)),
            Early(cost(64, 2, 1)),
        ),
        (
            "p removed",
            remove(h, &["kdf", "p"]),
            Early(damaged("missing field `p`")),
        ),
        (
            "p edited",
            edit(h, |v| v["kdf"]["p"] = json!(4)),
            Early(cost(64, 1, 4)),
        ),
        ("check removed", remove(h, &["check"]), Early(NoCheck)),
        (
            "check nulled",
            edit(h, |v| v["check"] = Value::Null),
            Early(NoCheck),
        ),
        (
            "check edited",
            edit(h, |v| {
                v["check"]["ct"] = json!("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")
            }),
            Wrong,
        ),
        (
            "check swapped",
            edit(h, |v| v["check"] = other["check"].clone()),
            Wrong,
        ),
        ("kdf removed", remove(h, &["kdf"]), Early(EncryptionRemoved)),
        (
            "kdf and check removed",
            edit(h, |v| {
                v["kdf"] = Value::Null;
                v["check"] = Value::Null;
            }),
            Early(EncryptionRemoved),
        ),
        (
            "version removed",
            remove(h, &["version"]),
            Early(damaged("no layout version")),
        ),
        (
            "version lowered",
            edit(h, |v| v["version"] = json!(1)),
            Wrong,
        ),
        (
            "version zero",
            edit(h, |v| v["version"] = json!(0)),
            Early(damaged("layout version 0")),
        ),
        (
            "version raised",
            edit(h, |v| v["version"] = json!(3)),
            Early(Newer(3)),
        ),
        (
            "version as text",
            edit(h, |v| v["version"] = json!("2")),
            Early(damaged("no layout version")),
        ),
        (
            "format edited",
            edit(h, |v| v["format"] = json!("other")),
            Early(damaged("not a DMIP store header (format “other”)")),
        ),
        ("header deleted", None, Early(NoHeader(3))),
        (
            "header garbage",
            Some("{\"format\":".into()),
            Early(damaged("EOF while parsing a value at line 1 column 10")),
        ),
        (
            "clear-text header",
            Some(json!({"format": "dmip-store", "version": 2}).to_string()),
            Early(EncryptionRemoved),
        ),
        (
            "layout-1 clear-text header",
            Some(
                json!({"format": "dmip-store", "version": 1, "kdf": null, "check": null})
                    .to_string(),
            ),
            Early(EncryptionRemoved),
        ),
        ("whole header swapped", Some(other.to_string()), Mismatch),
    ]
}

/// Entries other than the header, as they were.
fn entries(kv: &MemKv) -> BTreeMap<String, String> {
    let mut m = kv.snapshot();
    m.remove(META);
    m
}

fn no_clear_text(kv: &MemKv, what: &str) {
    for (k, v) in kv.snapshot() {
        assert!(
            !v.contains("Bed") && !v.contains("\"plain\"") && !v.contains("New after"),
            "{what}: clear text in {k}: {v}"
        );
    }
}

#[test]
fn header_attacks_never_open_in_clear_text_nor_lose_an_entry() {
    let (kv0, other) = victim();
    let h = header(&kv0);
    for (name, new_header, expect) in attacks(&h, &other) {
        let (kv, _) = victim();
        let before = entries(&kv);
        match &new_header {
            Some(text) => kv.set(META, text).expect("set"),
            None => kv.remove(META).expect("rm"),
        }
        let attacked = kv.snapshot();
        let mut rand = counter();
        let st = status(&kv).expect("status");
        assert!(
            !matches!(st, Status::Empty | Status::Plain),
            "{name}: status {st:?}"
        );

        // No store is created over it, with or without passphrase.
        assert!(
            create(&kv, None, KdfParams::TEST, &mut rand).is_err(),
            "{name}: plain store created"
        );
        assert!(
            create(&kv, Some("new"), KdfParams::TEST, &mut rand).is_err(),
            "{name}: new store created"
        );
        // A wrong passphrase never opens it.
        assert!(
            unlock(&kv, "wrong passphrase", &mut rand).is_err(),
            "{name}: a wrong passphrase opened it"
        );
        assert_eq!(kv.snapshot(), attacked, "{name}: refusals wrote something");

        let derived = DERIVATIONS.with(|n| n.get());
        let got = unlock(&kv, RIGHT, &mut rand);
        let derivations = DERIVATIONS.with(|n| n.get()) - derived;
        let mut opened = None;
        match (&expect, got) {
            (Expect::Opens, Ok((s, q))) => {
                assert!(q.is_empty(), "{name}: kept aside {q:?}");
                assert!(s.encrypted(), "{name}: opened without encryption");
                let mut labels: Vec<&str> = s.entries.iter().map(|e| e.label.as_str()).collect();
                labels.sort_unstable();
                assert_eq!(labels, ["Bed 3 YT", "Bed 4 KS"], "{name}");
                opened = Some(s);
            }
            (Expect::Early(p), Err(e)) => {
                assert_eq!(e, StoreError::Refused(p.clone()), "{name}");
                assert_eq!(derivations, 0, "{name}: a key was derived");
                assert_eq!(st, Status::Problem(p.clone()), "{name}: status");
            }
            (Expect::Wrong, Err(e)) => {
                assert_eq!(e, StoreError::WrongPassphrase, "{name}");
                assert_eq!(st, Status::Locked, "{name}: status");
            }
            (Expect::Mismatch, Err(e)) => {
                assert_eq!(
                    e,
                    StoreError::Refused(StoreProblem::KeyMismatch(3)),
                    "{name}"
                );
            }
            (expect, got) => panic!("{name}: expected {expect:?}, got {got:?}"),
        }
        no_clear_text(&kv, name);
        let after = entries(&kv);
        for (k, v) in &before {
            assert_eq!(after.get(k), Some(v), "{name}: {k} changed or moved");
        }
        assert!(
            !after.keys().any(|k| k.starts_with(QUARANTINE_PREFIX)),
            "{name}: something was kept aside"
        );
        // What is saved after it stays encrypted.
        if let Some(mut s) = opened {
            s.save(&kv, &rec("c3", "New after attack"), "t3", &mut rand)
                .expect("saved");
            no_clear_text(&kv, name);
        }
    }
}

#[test]
fn stripping_the_header_and_the_marker_still_leaves_it_encrypted() {
    let (kv, _) = victim();
    kv.remove(MARKER).expect("rm");
    kv.set(
        META,
        &json!({"format": "dmip-store", "version": 2}).to_string(),
    )
    .expect("set");
    assert_eq!(
        status(&kv).expect("ok"),
        Status::Problem(StoreProblem::EncryptionRemoved)
    );

    // A store without records: only the marker says it was encrypted.
    let kv = MemKv::default();
    let mut rand = counter();
    create(&kv, Some(RIGHT), KdfParams::TEST, &mut rand).expect("created");
    kv.set(
        META,
        &json!({"format": "dmip-store", "version": 2}).to_string(),
    )
    .expect("set");
    assert_eq!(
        status(&kv).expect("ok"),
        Status::Problem(StoreProblem::EncryptionRemoved)
    );
    assert_eq!(
        unlock(&kv, "", &mut rand).err(),
        Some(StoreError::Refused(StoreProblem::EncryptionRemoved))
    );

    // Everything deleted but an encrypted entry kept aside: a new store
    // may be created, but not one without passphrase.
    let (kv, _) = victim();
    let text = kv.get("dmip.rec.a1#1").expect("ok").expect("stored");
    for k in kv.keys().expect("ok") {
        kv.remove(&k).expect("rm");
    }
    kv.set("dmip.quarantine.1.dmip.rec.a1", &text).expect("set");
    assert_eq!(status(&kv).expect("ok"), Status::Empty);
    assert_eq!(
        create(&kv, None, KdfParams::TEST, &mut rand).err(),
        Some(StoreError::StaysEncrypted)
    );
    assert_eq!(kv.get(META).expect("ok"), None);
    assert!(create(&kv, Some("new one"), KdfParams::TEST, &mut rand).is_ok());
}

#[test]
fn a_store_that_exists_is_never_created_over() {
    let (kv, _) = victim();
    let before = kv.snapshot();
    let mut rand = counter();
    assert_eq!(
        create(&kv, Some("x"), KdfParams::TEST, &mut rand).err(),
        Some(StoreError::Exists)
    );
    assert_eq!(
        create(&kv, None, KdfParams::TEST, &mut rand).err(),
        Some(StoreError::Exists)
    );
    assert_eq!(kv.snapshot(), before);
}

#[test]
fn the_raised_cost_is_refused_at_once() {
    let (kv, _) = victim();
    let mut h = header(&kv);
    h["kdf"]["m_kib"] = json!(1 << 20);
    h["kdf"]["t"] = json!(10);
    kv.set(META, &h.to_string()).expect("set");
    let mut rand = counter();
    let started = std::time::Instant::now();
    let before = DERIVATIONS.with(|n| n.get());
    let err = unlock(&kv, RIGHT, &mut rand).expect_err("refused");
    assert_eq!(DERIVATIONS.with(|n| n.get()), before);
    assert!(started.elapsed() < std::time::Duration::from_millis(200));
    assert_eq!(
        err.to_string(),
        "the store's key derivation is refused: key-derivation cost 1048576 KiB × 10 passes × 1 lanes is not one this app uses"
    );
}

#[test]
fn a_newer_or_damaged_header_is_kept_and_reported() {
    let (kv, _) = victim();
    let mut rand = counter();
    let mut h = header(&kv);
    h["version"] = json!(7);
    h["future_field"] = json!({"anything": true});
    kv.set(META, &h.to_string()).expect("set");
    let before = kv.snapshot();
    assert_eq!(
        status(&kv).expect("ok"),
        Status::Problem(StoreProblem::Newer(7))
    );
    assert_eq!(
        StoreProblem::Newer(7).to_string(),
        "the store was written by a newer version of the app (layout 7; this app reads up to 2)"
    );
    assert!(unlock(&kv, RIGHT, &mut rand).is_err());
    assert!(create(&kv, Some(RIGHT), KdfParams::TEST, &mut rand).is_err());
    assert_eq!(kv.snapshot(), before, "kept exactly");
    let raw: Value =
        serde_json::from_str(&super::quarantine::export_raw(&kv).expect("raw")).expect("json");
    assert_eq!(raw["entries"]["dmip.store"], h.to_string().as_str());
    assert_eq!(raw["entries"].as_object().map(|m| m.len()), Some(5));
}

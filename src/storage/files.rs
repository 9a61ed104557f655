//! Export and import files: one patient or all, JSON with a format name and
//! version, optionally encrypted with a passphrase (its own salt, Argon2id,
//! AES-GCM). Importing checks everything before anything is changed.

use super::tagged::{tagged_json, TagError};
use super::vault::{open, seal, KdfParams, KdfSpec, Sealed, VaultError};
use dmip_engine::record::{self, PatientRecord};
use serde::{Deserialize, Serialize};
use serde_json::Value;

pub const FORMAT: &str = "dmip-monitor-export";
pub const VERSION: u32 = 1;
const AAD: &str = "dmip-monitor-export";
/// Largest file that is read for import, checked before parsing. The
/// browser keeps about 5 MB of localStorage per origin (shared by every
/// `file://` page), and a sealed record takes a third more room than its
/// JSON (base64): a bigger file could not be stored, and refusing it
/// unread keeps a huge file from stalling the page.
pub const MAX_IMPORT_BYTES: usize = 4 * 1024 * 1024;

#[derive(Debug, Serialize, Deserialize)]
struct Envelope {
    format: String,
    version: u32,
    #[serde(default)]
    app: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    records: Option<Vec<Value>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    kdf: Option<KdfSpec>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    sealed: Option<Sealed>,
}

/// Why a file cannot be imported (nothing was changed).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    #[error("not a JSON file ({0})")]
    NotJson(String),
    #[error("not a DMIP Monitor export (format “{0}”)")]
    NotOurs(String),
    #[error("export format {0} is newer than this app understands ({VERSION})")]
    TooNew(u32),
    #[error("the file is encrypted: enter its passphrase")]
    NeedsPassphrase,
    #[error("wrong passphrase, or the file was changed")]
    Decrypt,
    #[error("the file has no records")]
    Empty,
    #[error("record {index}: {message}")]
    Record { index: usize, message: String },
    #[error("damaged file: {0}")]
    Damaged(String),
    #[error("the file has {size} bytes; files up to {limit} bytes (4 MB) can be imported")]
    TooLarge { size: usize, limit: usize },
}

/// Refuses a file of `size` bytes above [`MAX_IMPORT_BYTES`] (before it is
/// read or parsed).
pub fn check_size(size: usize) -> Result<(), ImportError> {
    if size > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge {
            size,
            limit: MAX_IMPORT_BYTES,
        });
    }
    Ok(())
}

/// Gives each record whose id is in `in_use`, or repeated earlier in the
/// list, a fresh id (from `new_id`, retried until unused) and the label
/// `copy_label(label)`; `true` marks those copies. Nothing is dropped.
pub fn as_copies(
    records: Vec<PatientRecord>,
    in_use: &[String],
    new_id: &mut dyn FnMut() -> String,
    copy_label: &dyn Fn(&str) -> String,
) -> Vec<(PatientRecord, bool)> {
    let mut taken: Vec<String> = in_use.to_vec();
    let mut out = Vec::with_capacity(records.len());
    for mut r in records {
        let copy = taken.contains(&r.id) || r.id.is_empty();
        if copy {
            let mut id = new_id();
            // Ids are 64 random bits; the bound only guards a broken source.
            for _ in 0..64 {
                if !taken.contains(&id) && !id.is_empty() {
                    break;
                }
                id = new_id();
            }
            if taken.contains(&id) || id.is_empty() {
                id = format!("{}-{}", r.id, taken.len() + 1);
            }
            r.id = id;
            r.label = copy_label(&r.label);
        }
        taken.push(r.id.clone());
        out.push((r, copy));
    }
    out
}

impl From<TagError> for ImportError {
    fn from(e: TagError) -> Self {
        match e {
            TagError::NotJson(m) => ImportError::NotJson(m),
            TagError::NotOurs(f) => ImportError::NotOurs(f),
        }
    }
}

fn values(records: &[PatientRecord]) -> Vec<Value> {
    records
        .iter()
        .filter_map(|r| serde_json::from_str(&record::write(r)).ok())
        .collect()
}

/// The export file's text; encrypted when `passphrase` is given.
pub fn export(
    records: &[PatientRecord],
    app: &str,
    passphrase: Option<&str>,
    params: KdfParams,
    rand: &mut dyn FnMut(&mut [u8]),
) -> Result<String, VaultError> {
    let mut env = Envelope {
        format: FORMAT.into(),
        version: VERSION,
        app: app.into(),
        records: None,
        kdf: None,
        sealed: None,
    };
    match passphrase {
        None => env.records = Some(values(records)),
        Some(p) => {
            let mut salt = [0u8; 16];
            rand(&mut salt);
            let spec = KdfSpec::new(params, salt);
            let key = spec.derive(p)?;
            let mut nonce = [0u8; 12];
            rand(&mut nonce);
            let plain = serde_json::to_string(&values(records)).unwrap_or_default();
            env.sealed = Some(seal(&key, nonce, plain.as_bytes(), AAD));
            env.kdf = Some(spec);
        }
    }
    Ok(serde_json::to_string_pretty(&env).unwrap_or_default())
}

/// Whether the file is an encrypted export (to ask for its passphrase).
pub fn is_encrypted(text: &str) -> bool {
    serde_json::from_str::<Envelope>(text).is_ok_and(|e| e.sealed.is_some())
}

/// Reads an export file (migrating older records). All or nothing.
pub fn import(text: &str, passphrase: Option<&str>) -> Result<Vec<PatientRecord>, ImportError> {
    import_bounded(text, passphrase).map(|(records, _)| records)
}

/// [`import`], every text field bounded in length
/// ([`super::bounded::bound_texts`]): the records and how many fields were
/// shortened.
pub fn import_bounded(
    text: &str,
    passphrase: Option<&str>,
) -> Result<(Vec<PatientRecord>, usize), ImportError> {
    check_size(text.len())?;
    let value = tagged_json(text, FORMAT)?;
    let env: Envelope =
        serde_json::from_value(value).map_err(|e| ImportError::Damaged(e.to_string()))?;
    if env.version > VERSION {
        return Err(ImportError::TooNew(env.version));
    }
    let mut list: Vec<serde_json::Value> = match (env.records, env.kdf, env.sealed) {
        (Some(list), _, None) => list,
        (_, Some(kdf), Some(sealed)) => {
            let p = passphrase.ok_or(ImportError::NeedsPassphrase)?;
            let key = kdf
                .derive(p)
                .map_err(|e| ImportError::Damaged(e.to_string()))?;
            let plain = open(&key, &sealed, AAD).map_err(|e| match e {
                VaultError::Decrypt => ImportError::Decrypt,
                other => ImportError::Damaged(other.to_string()),
            })?;
            serde_json::from_slice(&plain).map_err(|e| ImportError::Damaged(e.to_string()))?
        }
        _ => {
            return Err(ImportError::Damaged(
                "neither records nor encrypted data".into(),
            ))
        }
    };
    if list.is_empty() {
        return Err(ImportError::Empty);
    }
    let shortened = list.iter_mut().map(super::bounded::bound_texts).sum();
    let records = list
        .iter()
        .enumerate()
        .map(|(i, v)| {
            record::read(&v.to_string()).map_err(|e| ImportError::Record {
                index: i + 1,
                message: e.to_string(),
            })
        })
        .collect::<Result<_, _>>()?;
    Ok((records, shortened))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rand(b: &mut [u8]) {
        b.iter_mut().enumerate().for_each(|(i, x)| *x = i as u8);
    }

    fn two() -> Vec<PatientRecord> {
        let mut a = PatientRecord::new("a");
        a.label = "A".into();
        a.patient.age_years = Some(61.0);
        vec![a, PatientRecord::new("b")]
    }

    #[test]
    fn long_text_fields_are_shortened_on_import_and_counted() {
        let mut list = two();
        list[0].label = "x".repeat(super::super::bounded::MAX_TEXT_CHARS + 10);
        let text = export(&list, "0.1.0", None, KdfParams::TEST, &mut rand).expect("ok");
        let (records, shortened) = import_bounded(&text, None).expect("imported");
        assert_eq!(shortened, 1);
        assert_eq!(records[0].label.len(), 5000);
        assert_eq!(records[1], two()[1]);
    }

    #[test]
    fn plain_and_encrypted_exports_round_trip() {
        let text = export(&two(), "0.1.0", None, KdfParams::TEST, &mut rand).expect("ok");
        assert!(!is_encrypted(&text));
        assert_eq!(import(&text, None), Ok(two()));
        let enc = export(&two(), "0.1.0", Some("pw"), KdfParams::TEST, &mut rand).expect("ok");
        assert!(is_encrypted(&enc) && !enc.contains("\"A\""));
        assert_eq!(import(&enc, None), Err(ImportError::NeedsPassphrase));
        assert_eq!(import(&enc, Some("nope")), Err(ImportError::Decrypt));
        assert_eq!(import(&enc, Some("pw")), Ok(two()));
    }

    #[test]
    fn bad_files_are_named() {
        let text = export(&two(), "0.1.0", None, KdfParams::TEST, &mut rand).expect("ok");
        let truncated = &text[..text.len() / 2];
        assert!(matches!(
            import(truncated, None),
            Err(ImportError::NotJson(_))
        ));
        assert_eq!(
            import("{\"format\":\"other-app\",\"data\":[]}", None),
            Err(ImportError::NotOurs("other-app".into()))
        );
        assert_eq!(
            import("{\"format\":\"dmip-monitor-export\",\"version\":9}", None),
            Err(ImportError::TooNew(9))
        );
        let current = format!("\"schema\": {}", dmip_engine::record::SCHEMA_VERSION);
        let tampered = text.replace(&current, "\"schema\": 7");
        assert_ne!(tampered, text);
        assert_eq!(
            import(&tampered, None),
            Err(ImportError::Record {
                index: 1,
                message: format!(
                    "record format 7 is newer than this version of the app understands ({}); update the app",
                    dmip_engine::record::SCHEMA_VERSION
                )
            })
        );
    }

    #[test]
    fn oversized_files_are_refused_before_parsing() {
        // Not JSON at all: only the size check can name it.
        let huge = "x".repeat(MAX_IMPORT_BYTES + 1);
        let err = import(&huge, None).expect_err("refused");
        assert_eq!(
            err,
            ImportError::TooLarge {
                size: 4_194_305,
                limit: 4_194_304
            }
        );
        assert_eq!(
            err.to_string(),
            "the file has 4194305 bytes; files up to 4194304 bytes (4 MB) can be imported"
        );
        assert_eq!(check_size(MAX_IMPORT_BYTES), Ok(()));
        assert!(matches!(
            import(&"x".repeat(MAX_IMPORT_BYTES), None),
            Err(ImportError::NotJson(_))
        ));
    }

    #[test]
    fn repeated_and_taken_ids_become_copies() {
        let mut a2 = PatientRecord::new("a");
        a2.label = "A again".into();
        let list = vec![
            two()[0].clone(),
            a2,
            PatientRecord::new("b"),
            PatientRecord::new("c"),
        ];
        let mut n = 0;
        let mut ids = || {
            n += 1;
            // The first fresh id collides with "c", which is in use.
            if n == 1 {
                "c".to_string()
            } else {
                format!("n{n}")
            }
        };
        let out = as_copies(list, &["b".into(), "c".into()], &mut ids, &|l| {
            format!("{l} (copy)")
        });
        let got: Vec<(&str, &str, bool)> = out
            .iter()
            .map(|(r, c)| (r.id.as_str(), r.label.as_str(), *c))
            .collect();
        assert_eq!(
            got,
            [
                ("a", "A", false),
                ("n2", "A again (copy)", true),
                ("n3", " (copy)", true),
                ("n4", " (copy)", true),
            ]
        );
    }
}

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
    let value = tagged_json(text, FORMAT)?;
    let env: Envelope =
        serde_json::from_value(value).map_err(|e| ImportError::Damaged(e.to_string()))?;
    if env.version > VERSION {
        return Err(ImportError::TooNew(env.version));
    }
    let list = match (env.records, env.kdf, env.sealed) {
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
    list.iter()
        .enumerate()
        .map(|(i, v)| {
            record::read(&v.to_string()).map_err(|e| ImportError::Record {
                index: i + 1,
                message: e.to_string(),
            })
        })
        .collect()
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
        let tampered = text.replace("\"schema\": 2", "\"schema\": 7");
        assert_eq!(
            import(&tampered, None),
            Err(ImportError::Record {
                index: 1,
                message: "record format 7 is newer than this version of the app understands (2); update the app".into()
            })
        );
    }
}

//! Encryption of records at rest: passphrase → key with Argon2id, AES-256-GCM
//! with a fresh 96-bit nonce per write. Pure Rust (RustCrypto), so it works
//! where `crypto.subtle` is missing (plain-http intranet hosts); the caller
//! supplies random bytes (`crypto.getRandomValues` in the browser).

use aes_gcm::aead::{Aead, KeyInit, Payload};
use aes_gcm::{Aes256Gcm, Nonce};
use argon2::{Algorithm, Argon2, Params, Version};
use base64::engine::general_purpose::STANDARD as B64;
use base64::Engine;
use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

/// Argon2id cost. Stored with the salt, so a store keeps opening with the
/// parameters it was created with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct KdfParams {
    /// Memory, KiB.
    pub m_kib: u32,
    /// Passes.
    pub t: u32,
    /// Lanes.
    pub p: u32,
}

impl KdfParams {
    /// Default for new stores: Argon2id, 64 MiB, 4 passes, 1 lane (above
    /// OWASP's minimum of 19 MiB × 2). Measured in headless Chromium on the
    /// 2-core build machine: see the e2e log line "unlock (Argon2id …)".
    pub const DEFAULT: KdfParams = KdfParams {
        m_kib: 64 * 1024,
        t: 4,
        p: 1,
    };
    /// The first default (19 MiB, 2 passes, 1 lane: OWASP's minimum),
    /// written by the first release of the records (commit 0a8007a) until
    /// the default was raised; stores and files made then still open.
    pub const V0: KdfParams = KdfParams {
        m_kib: 19 * 1024,
        t: 2,
        p: 1,
    };
    /// For native unit tests only (fast).
    pub const TEST: KdfParams = KdfParams {
        m_kib: 64,
        t: 1,
        p: 1,
    };

    /// Whether this app writes (or once wrote) these parameters. Anything
    /// else in a store or a file was not written by this app: a page that
    /// raises the cost to 1 GiB × 10 passes would otherwise freeze the tab
    /// for seconds and then fail, so it is refused before any derivation.
    pub fn accepted(&self) -> bool {
        *self == KdfParams::DEFAULT
            || *self == KdfParams::V0
            || (cfg!(test) && *self == KdfParams::TEST)
    }
}

impl std::fmt::Display for KdfParams {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} KiB × {} passes × {} lanes",
            self.m_kib, self.t, self.p
        )
    }
}

/// The KDF description kept beside encrypted data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KdfSpec {
    /// Always "argon2id".
    pub alg: String,
    #[serde(flatten)]
    pub params: KdfParams,
    /// Base64, 16 bytes.
    pub salt: String,
}

/// Why something cannot be decrypted or keyed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum VaultError {
    #[error("wrong passphrase, or the data was changed")]
    Decrypt,
    #[error("unsupported key derivation “{0}”")]
    Kdf(String),
    #[error("key-derivation cost {0} is not one this app uses")]
    Cost(KdfParams),
    #[error("damaged encrypted data: {0}")]
    Format(String),
}

/// A 256-bit key, wiped from memory when dropped.
#[derive(Clone)]
pub struct Key(Zeroizing<[u8; 32]>);

impl std::fmt::Debug for Key {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Key(…)")
    }
}

impl KdfSpec {
    /// A new spec with `salt` (16 random bytes).
    pub fn new(params: KdfParams, salt: [u8; 16]) -> Self {
        KdfSpec {
            alg: "argon2id".into(),
            params,
            salt: B64.encode(salt),
        }
    }

    /// Checks the spec without deriving anything: the algorithm, the cost
    /// (one this app writes, see [`KdfParams::accepted`]) and a 16-byte
    /// salt. Returns the salt.
    pub fn validate(&self) -> Result<Vec<u8>, VaultError> {
        if self.alg != "argon2id" {
            return Err(VaultError::Kdf(self.alg.clone()));
        }
        if !self.params.accepted() {
            return Err(VaultError::Cost(self.params));
        }
        let salt = B64
            .decode(&self.salt)
            .map_err(|e| VaultError::Format(format!("salt: {e}")))?;
        if salt.len() != 16 {
            return Err(VaultError::Format(format!(
                "salt of {} bytes, expected 16",
                salt.len()
            )));
        }
        Ok(salt)
    }

    /// Derives the key from `passphrase`, after [`KdfSpec::validate`].
    pub fn derive(&self, passphrase: &str) -> Result<Key, VaultError> {
        let salt = self.validate()?;
        let p = &self.params;
        #[cfg(test)]
        DERIVATIONS.with(|n| n.set(n.get() + 1));
        let params =
            Params::new(p.m_kib, p.t, p.p, Some(32)).map_err(|e| VaultError::Kdf(e.to_string()))?;
        let mut out = Zeroizing::new([0u8; 32]);
        Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
            .hash_password_into(passphrase.as_bytes(), &salt, out.as_mut())
            .map_err(|e| VaultError::Kdf(e.to_string()))?;
        Ok(Key(out))
    }
}

#[cfg(test)]
thread_local! {
    /// How many Argon2id derivations this test thread has started.
    pub static DERIVATIONS: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// Encrypted bytes with their nonce, both base64.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sealed {
    pub nonce: String,
    pub ct: String,
}

/// Encrypts `plain`, binding it to `aad` (the storage slot), with `nonce`
/// (12 fresh random bytes: never reuse one with the same key).
pub fn seal(key: &Key, nonce: [u8; 12], plain: &[u8], aad: &str) -> Sealed {
    let cipher = Aes256Gcm::new(key.0.as_ref().into());
    // Encryption with a valid key and nonce cannot fail (only on > 64 GiB).
    let ct = cipher
        .encrypt(
            Nonce::from_slice(&nonce),
            Payload {
                msg: plain,
                aad: aad.as_bytes(),
            },
        )
        .unwrap_or_default();
    Sealed {
        nonce: B64.encode(nonce),
        ct: B64.encode(ct),
    }
}

/// Decrypts what [`seal`] wrote under the same `aad`.
pub fn open(key: &Key, sealed: &Sealed, aad: &str) -> Result<Zeroizing<Vec<u8>>, VaultError> {
    let nonce = B64
        .decode(&sealed.nonce)
        .map_err(|e| VaultError::Format(format!("nonce: {e}")))?;
    if nonce.len() != 12 {
        return Err(VaultError::Format(format!(
            "nonce of {} bytes, expected 12",
            nonce.len()
        )));
    }
    let ct = B64
        .decode(&sealed.ct)
        .map_err(|e| VaultError::Format(format!("ciphertext: {e}")))?;
    let cipher = Aes256Gcm::new(key.0.as_ref().into());
    cipher
        .decrypt(
            Nonce::from_slice(&nonce),
            Payload {
                msg: &ct,
                aad: aad.as_bytes(),
            },
        )
        .map(Zeroizing::new)
        .map_err(|_| VaultError::Decrypt)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seals_and_opens_and_refuses_wrong_key_slot_or_tampering() {
        let spec = KdfSpec::new(KdfParams::TEST, [7; 16]);
        let key = spec.derive("correct horse").expect("key");
        let sealed = seal(&key, [1; 12], b"{\"id\":\"a\"}", "dmip.rec.a");
        assert_eq!(
            open(&key, &sealed, "dmip.rec.a").expect("opens").as_slice(),
            b"{\"id\":\"a\"}"
        );
        let wrong = spec.derive("Correct horse").expect("key");
        assert_eq!(
            open(&wrong, &sealed, "dmip.rec.a").err(),
            Some(VaultError::Decrypt)
        );
        assert_eq!(
            open(&key, &sealed, "dmip.rec.b").err(),
            Some(VaultError::Decrypt)
        );
        let mut bytes = B64.decode(&sealed.ct).expect("b64");
        bytes[0] ^= 1;
        let tampered = Sealed {
            ct: B64.encode(bytes),
            ..sealed.clone()
        };
        assert_eq!(
            open(&key, &tampered, "dmip.rec.a").err(),
            Some(VaultError::Decrypt)
        );
        let short = Sealed {
            nonce: B64.encode([0u8; 8]),
            ..sealed
        };
        assert_eq!(
            open(&key, &short, "dmip.rec.a").err(),
            Some(VaultError::Format("nonce of 8 bytes, expected 12".into()))
        );
    }

    #[test]
    fn same_passphrase_and_salt_give_the_same_key_and_nonces_differ() {
        let spec = KdfSpec::new(KdfParams::TEST, [9; 16]);
        let a = spec.derive("pw").expect("key");
        let b = spec.derive("pw").expect("key");
        assert_eq!(a.0.as_ref(), b.0.as_ref());
        let s1 = seal(&a, [1; 12], b"x", "k");
        let s2 = seal(&a, [2; 12], b"x", "k");
        assert_ne!(s1.ct, s2.ct);
        let bad = KdfSpec {
            alg: "md5".into(),
            ..spec
        };
        assert_eq!(bad.derive("pw").err(), Some(VaultError::Kdf("md5".into())));
    }

    #[test]
    fn only_the_apps_own_costs_are_derived() {
        assert!(KdfParams::DEFAULT.accepted() && KdfParams::V0.accepted());
        assert!(KdfParams::TEST.accepted());
        let huge = KdfParams {
            m_kib: 1 << 20,
            t: 10,
            p: 1,
        };
        let before = DERIVATIONS.with(|n| n.get());
        let started = std::time::Instant::now();
        let spec = KdfSpec::new(huge, [1; 16]);
        assert_eq!(spec.derive("pw").err(), Some(VaultError::Cost(huge)));
        assert_eq!(
            VaultError::Cost(huge).to_string(),
            "key-derivation cost 1048576 KiB × 10 passes × 1 lanes is not one this app uses"
        );
        let short = KdfSpec {
            salt: B64.encode([1u8; 8]),
            ..KdfSpec::new(KdfParams::TEST, [0; 16])
        };
        assert_eq!(
            short.derive("pw").err(),
            Some(VaultError::Format("salt of 8 bytes, expected 16".into()))
        );
        assert_eq!(DERIVATIONS.with(|n| n.get()), before, "no derivation ran");
        assert!(started.elapsed() < std::time::Duration::from_millis(50));
    }
}

//! Messages of the store for the user: a key of one of the translation
//! tables and the values it names.

use super::quarantine::Quarantined;
use super::store::{Held, StoreError, StoreProblem, STORE_VERSION};
use crate::i18n::{Key, Lang, StoreKey, Text};

/// A key of the main table or of the store's table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoticeKey {
    Main(Key),
    Store(StoreKey),
}

impl From<Key> for NoticeKey {
    fn from(k: Key) -> Self {
        NoticeKey::Main(k)
    }
}

impl From<StoreKey> for NoticeKey {
    fn from(k: StoreKey) -> Self {
        NoticeKey::Store(k)
    }
}

impl Text for NoticeKey {
    fn text(self, lang: Lang) -> &'static str {
        match self {
            NoticeKey::Main(k) => k.text(lang),
            NoticeKey::Store(k) => k.text(lang),
        }
    }
}

/// A message for the user.
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    pub key: NoticeKey,
    pub args: Vec<(&'static str, String)>,
    pub error: bool,
}

impl Notice {
    pub fn info(key: impl Into<NoticeKey>) -> Self {
        Notice {
            key: key.into(),
            args: Vec::new(),
            error: false,
        }
    }
    pub fn error(key: impl Into<NoticeKey>, detail: impl Into<String>) -> Self {
        Notice {
            key: key.into(),
            args: vec![("detail", detail.into())],
            error: true,
        }
    }
    /// `key` with `args`, as an error or not.
    pub fn with(key: impl Into<NoticeKey>, args: Vec<(&'static str, String)>, error: bool) -> Self {
        Notice {
            key: key.into(),
            args,
            error,
        }
    }
    pub fn quarantined(q: &Quarantined) -> Self {
        Notice::with(
            Key::RecQuarantined,
            vec![
                ("from", q.from.clone()),
                ("to", q.to.clone()),
                ("detail", q.reason.clone()),
            ],
            true,
        )
    }
    pub fn held(h: &Held) -> Self {
        Notice::with(
            StoreKey::HeldNewer,
            vec![("id", h.id.clone()), ("found", h.found.to_string())],
            false,
        )
    }
    /// What was found instead of a store this app opens.
    pub fn problem(p: &StoreProblem) -> Self {
        let (key, args) = match p {
            StoreProblem::NoHeader(n) => {
                (StoreKey::ProblemNoHeader, vec![("count", n.to_string())])
            }
            StoreProblem::Damaged(d) => (StoreKey::ProblemDamaged, vec![("detail", d.clone())]),
            StoreProblem::Newer(v) => (
                StoreKey::ProblemNewer,
                vec![
                    ("version", v.to_string()),
                    ("supported", STORE_VERSION.to_string()),
                ],
            ),
            StoreProblem::EncryptionRemoved => (StoreKey::ProblemEncryptionRemoved, Vec::new()),
            StoreProblem::NoCheck => (StoreKey::ProblemNoCheck, Vec::new()),
            StoreProblem::Kdf(e) => (StoreKey::ProblemKdf, vec![("detail", e.to_string())]),
            StoreProblem::KeyMismatch(n) => {
                (StoreKey::ProblemKeyMismatch, vec![("count", n.to_string())])
            }
            StoreProblem::Unavailable(d) => {
                (StoreKey::ProblemUnavailable, vec![("detail", d.clone())])
            }
        };
        Notice::with(key, args, true)
    }
    /// A failed store operation.
    pub fn failed(e: &StoreError) -> Self {
        match e {
            StoreError::WrongPassphrase => Notice::with(Key::RecWrongPassphrase, Vec::new(), true),
            StoreError::Refused(p) => Notice::problem(p),
            StoreError::Exists => Notice::with(StoreKey::CreateExists, Vec::new(), true),
            StoreError::StaysEncrypted => Notice::with(StoreKey::StaysEncrypted, Vec::new(), true),
            other => Notice::error(Key::RecStorageError, other.to_string()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::fill;

    fn shown(n: &Notice, lang: Lang) -> String {
        let args: Vec<(&str, &str)> = n.args.iter().map(|(k, v)| (*k, v.as_str())).collect();
        fill(n.key.text(lang), &args)
    }

    #[test]
    fn problems_read_in_both_languages() {
        let n = Notice::problem(&StoreProblem::Newer(3));
        assert_eq!(
            shown(&n, Lang::En),
            "This store was written by a newer version of the app (layout 3; this app reads up to layout 2). Open it with that version."
        );
        assert_eq!(
            shown(&n, Lang::Ja),
            "この保存領域は新しいバージョンのアプリで作成されています（形式 3。このアプリが読めるのは形式 2 までです）。新しいバージョンで開いてください。"
        );
        let n = Notice::failed(&StoreError::Refused(StoreProblem::NoHeader(4)));
        assert!(n.error);
        assert!(shown(&n, Lang::Ja).contains("4 件残っています"));
        assert_eq!(
            shown(&Notice::failed(&StoreError::WrongPassphrase), Lang::En),
            "Wrong passphrase. Nothing stored was changed."
        );
    }
}

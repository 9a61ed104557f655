//! The one translation table (Japanese and English) and the language signal.
//!
//! Every string the UI shows goes through [`Key`]; the table in `table.rs`
//! gives each key both languages, so a missing translation does not compile.

mod average;
mod conflict;
mod dosing;
mod ivcy;
mod labs;
mod limits;
mod over_time;
mod popcheck;
mod safety;
mod shown;
mod store;
mod table;

pub use average::AvgKey;
pub use conflict::ConflictKey;
pub use dmip_engine::text::covariate_description;
pub use dosing::DoseKey;
pub use ivcy::IvcyKey;
pub use labs::LabKey;
pub use limits::LimitKey;
pub use over_time::TimeKey;
pub use popcheck::PopKey;
pub use safety::SafetyKey;
pub use store::StoreKey;
pub use table::Key;

/// A key of one of the translation tables.
pub trait Text: Copy {
    fn text(self, lang: Lang) -> &'static str;
}

use leptos::prelude::*;

/// localStorage key of the chosen language (not patient data).
const STORAGE_KEY: &str = "dmip.lang";

/// A UI language: the engine's (`dmip_engine::text`), so that the
/// engine's words and the screens' follow one switch.
pub use dmip_engine::text::Lang;

/// The language before the user chooses one: the users are Japanese
/// clinicians.
pub const DEFAULT_LANG: Lang = Lang::Ja;

/// Handle on the current language, shared through Leptos context.
#[derive(Clone, Copy, Debug)]
pub struct I18n {
    lang: RwSignal<Lang>,
}

impl I18n {
    /// The text of `key` in the current language (tracked: views re-render).
    pub fn t(self, key: impl Text) -> &'static str {
        key.text(self.lang.get())
    }

    /// A reactive text of `key` for a view (a node or an attribute). All
    /// call sites share one closure type per table, so the view code for a
    /// translated text is compiled once, not once per label.
    pub fn tx<K: Text + Send + Sync + 'static>(
        self,
        key: K,
    ) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
        move || self.t(key)
    }

    /// What goes between two sentences: nothing after "。", a space in English.
    pub fn sentence_gap(self) -> &'static str {
        match self.lang.get() {
            Lang::Ja => "",
            Lang::En => " ",
        }
    }

    /// The current language (tracked).
    pub fn lang(self) -> Lang {
        self.lang.get()
    }

    /// Switches language, remembers the choice and updates `<html lang>`.
    pub fn set_lang(self, lang: Lang) {
        self.lang.set(lang);
        if let Some(storage) = local_storage() {
            // Failing to remember the choice (quota, privacy mode) is harmless.
            let _ = storage.set_item(STORAGE_KEY, lang.tag());
        }
        set_document_lang(lang);
    }
}

/// An [`I18n`] fixed to `lang` (native tests: no browser storage).
#[cfg(test)]
pub fn fixed_i18n(lang: Lang) -> I18n {
    I18n {
        lang: RwSignal::new(lang),
    }
}

/// Creates the language signal (from the stored choice) and provides it.
pub fn provide_i18n() -> I18n {
    let stored = local_storage().and_then(|s| s.get_item(STORAGE_KEY).ok().flatten());
    let lang = stored
        .as_deref()
        .and_then(Lang::from_tag)
        .unwrap_or(DEFAULT_LANG);
    set_document_lang(lang);
    let i18n = I18n {
        lang: RwSignal::new(lang),
    };
    provide_context(i18n);
    i18n
}

/// The [`I18n`] provided by the app; a default one outside it (tests).
pub fn use_i18n() -> I18n {
    use_context::<I18n>().unwrap_or_else(|| I18n {
        lang: RwSignal::new(DEFAULT_LANG),
    })
}

/// An [`I18n`] fixed to `lang`, for native tests (no storage, no document).
#[cfg(test)]
pub fn fixed(lang: Lang) -> I18n {
    I18n {
        lang: RwSignal::new(lang),
    }
}

/// localStorage, or `None` where the browser denies it (it may throw).
fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn set_document_lang(lang: Lang) {
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("lang", lang.tag());
    }
}

/// Replaces each `{name}` in `template` by its value.
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    args.iter().fold(template.to_owned(), |acc, (name, value)| {
        acc.replace(&format!("{{{name}}}"), value)
    })
}

/// Checks a table: both languages present, Japanese text really Japanese
/// (except `same_in_both`), the same `{placeholders}` in both.
#[cfg(test)]
fn check_table<K: Text + std::fmt::Debug + PartialEq>(all: &[K], same_in_both: &[K]) {
    use std::collections::BTreeSet;
    fn placeholders(text: &str) -> BTreeSet<&str> {
        text.split('{')
            .skip(1)
            .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
            .collect()
    }
    for &key in all {
        let (ja, en) = (key.text(Lang::Ja), key.text(Lang::En));
        assert!(!ja.trim().is_empty(), "{key:?}: empty Japanese text");
        assert!(!en.trim().is_empty(), "{key:?}: empty English text");
        if !same_in_both.contains(&key) {
            assert_ne!(ja, en, "{key:?}: Japanese text not translated");
            assert!(
                !ja.is_ascii(),
                "{key:?}: Japanese text has no Japanese character: {ja}"
            );
        }
        assert_eq!(placeholders(ja), placeholders(en), "{key:?}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_round_trip() {
        for lang in Lang::ALL {
            assert_eq!(Lang::from_tag(lang.tag()), Some(lang));
        }
        assert_eq!(Lang::from_tag("fr"), None);
    }

    #[test]
    fn fill_replaces_every_placeholder() {
        assert_eq!(
            fill("{a} and {b}, {a}", &[("a", "x"), ("b", "y")]),
            "x and y, x"
        );
    }
}

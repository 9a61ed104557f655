//! The engine's words, in English and Japanese, in one place: every gap,
//! note, name and error the engine hands to a person (the app's screens,
//! the `dmip` CLI with `--lang ja`). Each kind has its file here and one
//! exhaustive `match` giving each case its two texts side by side, so a
//! case without a translation does not compile; the tests check that the
//! Japanese is Japanese. Nothing else lives here but the one number
//! formatter these sentences and the app's screens share ([`significant`],
//! [`tick`]); the types keep their English as `en()` (their `Display`) by
//! asking this module.
//!
//! Japanese terms follow the project's Japanese glossary; the screens'
//! own text is in the app's `src/i18n/` tables.

mod errors;
mod fit;
mod gaps;
mod limits;
mod names;
mod notes;
mod number;
mod reasons;
mod tdm;
mod tdm_notes;
mod thresholds;

pub use fit::covariate_description;
pub use number::{significant, tick};

/// A language the engine speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Lang {
    /// 日本語.
    Ja,
    /// English.
    En,
}

impl Lang {
    /// Both languages, in the order a language switch shows them.
    pub const ALL: [Lang; 2] = [Lang::Ja, Lang::En];

    /// BCP 47 tag (`ja`, `en`): the CLI's `--lang`, the page's `lang`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Ja => "ja",
            Lang::En => "en",
        }
    }

    /// Reads a tag written by [`Lang::tag`].
    pub fn from_tag(tag: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.tag() == tag)
    }

    /// The language's own name, whatever the language shown.
    pub fn endonym(self) -> &'static str {
        match self {
            Lang::Ja => "日本語",
            Lang::En => "English",
        }
    }

    /// `en` or `ja`, as this language asks.
    pub fn pick<T>(self, en: T, ja: T) -> T {
        match self {
            Lang::En => en,
            Lang::Ja => ja,
        }
    }

    /// What separates the items of a list ("a, b" / "a、b").
    pub fn list_separator(self) -> &'static str {
        self.pick(", ", "、")
    }
}

/// A fixed text of the engine in a language (a name, a gap, a note).
pub trait Words: Copy {
    fn words(self, lang: Lang) -> &'static str;
}

/// A statement of the engine in a language, built from its values (an
/// error naming its field and number).
pub trait Say {
    fn say(&self, lang: Lang) -> String;
}

/// Whether `text` holds Japanese (kana or kanji): what the tests ask of a
/// Japanese text.
pub fn has_japanese(text: &str) -> bool {
    text.chars()
        .any(|c| matches!(c as u32, 0x3040..=0x30FF | 0x4E00..=0x9FFF))
}

/// Asserts that `en` holds no Japanese and `ja` does (`what` names the case).
#[cfg(test)]
fn both(what: &str, en: &str, ja: &str) {
    assert!(!has_japanese(en), "{what}: {en}");
    assert!(has_japanese(ja), "{what}: {ja}");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn languages_read_their_tags() {
        for l in Lang::ALL {
            assert_eq!(Lang::from_tag(l.tag()), Some(l));
        }
        assert_eq!(Lang::from_tag("fr"), None);
        assert_eq!(Lang::Ja.pick("a", "b"), "b");
        assert!(has_japanese("値") && !has_japanese("value (ｍｇ)"));
    }

    /// The numbers of a text (digits with their decimal point).
    fn numbers(text: &str) -> Vec<&str> {
        let mut out: Vec<&str> = text
            .split(|c: char| !(c.is_ascii_digit() || c == '.'))
            .map(|n| n.trim_matches('.'))
            .filter(|n| n.chars().any(|c| c.is_ascii_digit()))
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    /// Every number of the English is in the Japanese (a translation does
    /// not change a cut-off).
    pub(super) fn same_numbers(what: &str, en: &str, ja: &str) {
        let ja_numbers = numbers(ja);
        for n in numbers(en) {
            assert!(ja_numbers.contains(&n), "{what}: {n} not in “{ja}”");
        }
    }

    #[test]
    fn numbers_are_compared() {
        assert_eq!(numbers("≥800 U/mL (811.5), 2×."), ["2", "800", "811.5"]);
    }
}

//! Engine values in the UI language: drugs, categories, concerns, analytes,
//! gaps, notes and input errors. The engine gives both languages
//! (`dmip_engine::text`); the input errors this screen words itself show
//! the text as typed.

use crate::format::significant;
use crate::i18n::{fill, I18n, Lang, SafetyKey};
use dmip_engine::clinical::adverse::Concern;
use dmip_engine::clinical::analyte::Analyte;
use dmip_engine::clinical::interactions::{Hit, InteractionReport, Severity, Subject};
use dmip_engine::clinical::notes::Note;
use dmip_engine::clinical::sources::Source;
use dmip_engine::clinical::{ClinicalError, Field, Gap};
use dmip_engine::record::CoMedication;
use dmip_engine::text::{Say, Words};

/// A co-medication as typed, with its period when one is known
/// ("itraconazole (from 2026-11-02 08:00)").
pub fn comedication(i18n: I18n, m: &CoMedication) -> String {
    m.say(i18n.lang())
}

pub fn subject(s: Subject, lang: Lang) -> &'static str {
    s.words(lang)
}

pub fn analyte(a: Analyte, lang: Lang) -> &'static str {
    a.words(lang)
}

pub fn concern(c: Concern, lang: Lang) -> &'static str {
    c.words(lang)
}

/// The Japanese label category, always shown as the label writes it.
pub fn severity(s: Severity, lang: Lang) -> String {
    match lang {
        Lang::Ja => s.words(Lang::Ja).to_owned(),
        Lang::En => format!("{} — {}", capitalised(s.words(Lang::En)), s.words(Lang::Ja)),
    }
}

/// First letter upper case (English headings from lower-case engine names).
pub fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

pub fn gap(g: Gap, lang: Lang) -> String {
    g.words(lang).to_owned()
}

/// The drug a co-medication was read as, in the UI language.
pub fn drug_name(h: &Hit, lang: Lang) -> &str {
    match lang {
        Lang::Ja => &h.drug_ja,
        Lang::En => &h.drug_en,
    }
}

/// The label row: as printed (Japanese) or its English.
pub fn partner(h: &Hit, lang: Lang) -> &str {
    match lang {
        Lang::Ja => &h.printed,
        Lang::En => &h.partner,
    }
}

/// The label's wording in the UI language, or why it is not shown.
pub fn effect(h: &Hit, lang: Lang) -> String {
    let text = match lang {
        Lang::Ja => h.effect_ja.as_ref(),
        Lang::En => h.effect.as_ref(),
    };
    text.cloned()
        .unwrap_or_else(|| gap(Gap::InteractionMechanism, lang))
}

/// The quantified effect on the level, with its source.
pub fn quantified(h: &Hit, lang: Lang) -> Option<String> {
    h.quantified.as_ref().map(|q| {
        let effect = match lang {
            Lang::Ja => &q.ja,
            Lang::En => &q.en,
        };
        fill(
            SafetyKey::Quantified.text(lang),
            &[("effect", effect), ("source", q.source.citation())],
        )
    })
}

/// Every source of a row, one after the other.
pub fn sources(sources: &[Source]) -> String {
    sources
        .iter()
        .map(|s| s.citation())
        .collect::<Vec<_>>()
        .join("; ")
}

/// The names not checked, each quoted, with the nearest known name.
pub fn not_checked(r: &InteractionReport, lang: Lang) -> Option<String> {
    let names: Vec<String> = r
        .not_checked
        .iter()
        .map(|n| match &n.suggestion {
            Some(name) => fill(
                SafetyKey::DidYouMean.text(lang),
                &[("typed", &n.typed), ("name", name)],
            ),
            None => fill(SafetyKey::Quoted.text(lang), &[("typed", &n.typed)]),
        })
        .collect();
    (!names.is_empty()).then(|| names.join(", "))
}

/// The known drugs without a row on this label.
pub fn no_row(r: &InteractionReport, lang: Lang) -> Option<String> {
    let names: Vec<String> = r
        .no_row
        .iter()
        .map(|n| {
            let drug = match lang {
                Lang::Ja => &n.drug_ja,
                Lang::En => &n.drug_en,
            };
            let typed = fill(SafetyKey::Quoted.text(lang), &[("typed", &n.typed)]);
            match lang {
                Lang::Ja => format!("{typed}（{drug}）"),
                Lang::En => format!("{typed} ({drug})"),
            }
        })
        .collect();
    (!names.is_empty()).then(|| names.join(", "))
}

pub fn note(n: Note, lang: Lang) -> String {
    n.words(lang).to_owned()
}

fn field(f: Field, lang: Lang) -> &'static str {
    f.words(lang)
}

/// An input error in the UI language; `typed` is the text as typed (empty
/// for stored values: the engine's value is shown).
pub fn error(e: &ClinicalError, typed: &str, lang: Lang) -> String {
    let (key, f, extra): (SafetyKey, Option<Field>, Vec<(&str, String)>) = match e {
        ClinicalError::NotFinite { field, .. } if typed.trim().is_empty() => {
            (SafetyKey::ErrMissing, Some(*field), vec![])
        }
        ClinicalError::NotFinite { field, .. } => (SafetyKey::ErrNotNumber, Some(*field), vec![]),
        ClinicalError::Negative { field, .. } => (SafetyKey::ErrNegative, Some(*field), vec![]),
        ClinicalError::OutOfRange {
            field, min, max, ..
        } => (
            SafetyKey::ErrOutOfRange,
            Some(*field),
            vec![("min", significant(*min, 3)), ("max", significant(*max, 3))],
        ),
        ClinicalError::Missing { field } => (SafetyKey::ErrMissing, Some(*field), vec![]),
        ClinicalError::BadDate { field, .. } => (SafetyKey::ErrBadDate, Some(*field), vec![]),
        other => return other.say(lang),
    };
    let shown = match (typed.trim(), e) {
        ("", ClinicalError::NotFinite { value, .. } | ClinicalError::BadDate { value, .. }) => {
            value.clone()
        }
        ("", ClinicalError::Negative { value, .. } | ClinicalError::OutOfRange { value, .. }) => {
            significant(*value, 3)
        }
        (t, _) => t.to_owned(),
    };
    let mut args: Vec<(&str, String)> = vec![
        (
            "field",
            f.map(|f| field(f, lang)).unwrap_or_default().to_owned(),
        ),
        ("value", shown),
    ];
    args.extend(extra);
    let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
    fill(key.text(lang), &args)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn categories_keep_the_label_term() {
        assert_eq!(severity(Severity::Contraindicated, Lang::Ja), "併用禁忌");
        assert_eq!(
            severity(Severity::Contraindicated, Lang::En),
            "Contraindicated — 併用禁忌"
        );
        assert_eq!(
            severity(Severity::Caution, Lang::En),
            "Use with caution — 併用注意"
        );
    }

    #[test]
    fn errors_name_field_and_typed_text() {
        let e = ClinicalError::Negative {
            field: Field::Lab(Analyte::Potassium),
            value: -4.0,
        };
        assert_eq!(
            error(&e, " -4 ", Lang::En),
            "potassium: cannot be negative (typed “-4”)"
        );
        assert!(error(&e, "-4", Lang::Ja).starts_with("血清カリウム"));
        let nan = ClinicalError::NotFinite {
            field: Field::Lab(Analyte::Glucose),
            value: "NaN".into(),
        };
        assert_eq!(error(&nan, "", Lang::En), "blood glucose: required");
        assert_eq!(
            error(&nan, "１２ｘ", Lang::En),
            "blood glucose: please enter a number (typed “１２ｘ”)"
        );
        let e = ClinicalError::BadDate {
            field: Field::Date,
            value: "2025-02-30".into(),
        };
        assert!(error(&e, "2025-02-30", Lang::Ja).contains("2025-02-30"));
    }

    #[test]
    fn screen_gaps_are_translated() {
        for g in [
            Gap::CreatinineRiseThreshold,
            Gap::AdverseEventThreshold,
            Gap::InteractionMechanism,
            Gap::CyclosporineCyp3aRow,
            Gap::CyclosporinePotassiumRow,
            Gap::TacrolimusNephrotoxicRow,
            Gap::TacrolimusInducerRow,
            Gap::AsunaprevirVaniprevirCategory,
        ] {
            assert_ne!(gap(g, Lang::Ja), g.reason(), "{g:?}");
            assert_eq!(gap(g, Lang::En), g.reason(), "{g:?}");
        }
    }
}

//! Drug interactions of cyclosporine and tacrolimus, Japanese label
//! categories first (pack §4). [`check`] matches co-medications by generic
//! name, listed brand or Japanese name (case-insensitive); anything it does
//! not find is returned in `not_in_table` — not checked, not "safe".

mod regimen;
mod table;

pub use regimen::{check_regimen, known_names, labels_to_check};

use super::error::{ClinicalError, Result};
use super::notes::Note;
use super::sources::Source;
use super::status::Status;
use serde::{Deserialize, Serialize};
use table::{Entry, CYCLOSPORINE_NAMES, TABLE, TACROLIMUS_NAMES};

/// The drug whose label the table comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Subject {
    Cyclosporine,
    Tacrolimus,
}

impl Subject {
    pub fn en(self) -> &'static str {
        match self {
            Subject::Cyclosporine => "cyclosporine",
            Subject::Tacrolimus => "tacrolimus",
        }
    }

    /// glossary-ja.md
    pub fn ja(self) -> &'static str {
        match self {
            Subject::Cyclosporine => "シクロスポリン",
            Subject::Tacrolimus => "タクロリムス",
        }
    }

    fn names(self) -> &'static [&'static str] {
        match self {
            Subject::Cyclosporine => CYCLOSPORINE_NAMES,
            Subject::Tacrolimus => TACROLIMUS_NAMES,
        }
    }

    /// Recognises "cyclosporine", "ネオーラル", "Prograf 1 mg"…
    pub fn parse(name: &str) -> Result<Subject> {
        [Subject::Cyclosporine, Subject::Tacrolimus]
            .into_iter()
            .find(|s| matches_any(name, s.names()))
            .ok_or_else(|| ClinicalError::UnknownDrug {
                name: name.to_string(),
            })
    }
}

/// Japanese package-insert category.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// 併用禁忌 (禁忌)
    Contraindicated,
    /// 併用注意
    Caution,
}

impl Severity {
    pub fn en(self) -> &'static str {
        match self {
            Severity::Contraindicated => "contraindicated",
            Severity::Caution => "use with caution",
        }
    }

    /// The section heading of the Japanese package insert (glossary-ja.md).
    pub fn ja(self) -> &'static str {
        match self {
            Severity::Contraindicated => "併用禁忌",
            Severity::Caution => "併用注意",
        }
    }
}

/// Effect on the CsA / TAC blood level.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LevelChange {
    Up,
    Down,
    NotStated,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Hit {
    /// The co-medication as typed.
    pub co_medication: String,
    pub partner: String,
    pub category: Status<Severity>,
    /// None: the pack gives no (verified) mechanism — see Gap::InteractionMechanism.
    pub effect: Option<String>,
    pub level: LevelChange,
    pub source: Source,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct InteractionReport {
    pub subject: Subject,
    /// Contraindicated first, then caution, then unknown category.
    pub hits: Vec<Hit>,
    /// Co-medications the table does not list: not checked.
    pub not_in_table: Vec<String>,
    /// A listed drug changes the CsA / TAC level: recheck levels.
    pub recheck_levels: bool,
    pub notes: Vec<Note>,
}

/// Lower case, full-width ASCII folded, '-' and '_' as spaces.
fn normalise(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '\u{3000}' | '-' | '_' => ' ',
            c => c,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

/// ASCII aliases match as whole words (an 's' plural allowed); others as
/// substrings (Japanese has no spaces).
fn matches_alias(text: &str, alias: &str) -> bool {
    let alias = normalise(alias);
    if !alias.is_ascii() {
        return text.contains(&alias);
    }
    let word = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
    text.match_indices(&alias).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let rest = &text[i + alias.len()..];
        let rest = rest.strip_prefix('s').unwrap_or(rest);
        !word(before) && !word(rest.chars().next())
    })
}

fn matches_any(name: &str, aliases: &[&str]) -> bool {
    let text = normalise(name);
    aliases.iter().any(|a| matches_alias(&text, a))
}

fn hit(co: &str, e: &Entry) -> Hit {
    Hit {
        co_medication: co.to_string(),
        partner: e.partner.to_string(),
        category: e.category.clone(),
        effect: e.effect.map(str::to_string),
        level: e.level,
        source: e.source,
    }
}

fn rank(h: &Hit) -> u8 {
    match h.category {
        Status::Available {
            value: Severity::Contraindicated,
        } => 0,
        Status::Available {
            value: Severity::Caution,
        } => 1,
        Status::Unavailable { .. } => 2,
    }
}

/// Checks `co_medications` against the label of `drug` (cyclosporine or
/// tacrolimus, any listed name).
pub fn check(co_medications: &[&str], drug: &str) -> Result<InteractionReport> {
    Subject::parse(drug).map(|s| check_subject(co_medications, s))
}

/// Checks `co_medications` against the label of `subject`.
pub fn check_subject(co_medications: &[&str], subject: Subject) -> InteractionReport {
    let mut hits = Vec::new();
    let mut not_in_table = Vec::new();
    for co in co_medications.iter().filter(|c| !c.trim().is_empty()) {
        if matches_any(co, subject.names()) {
            continue; // the drug itself
        }
        let found: Vec<Hit> = TABLE
            .iter()
            .filter(|e| e.subjects.contains(&subject) && matches_any(co, e.aliases))
            .map(|e| hit(co, e))
            .collect();
        if found.is_empty() {
            not_in_table.push(co.to_string());
        }
        hits.extend(found);
    }
    hits.sort_by_key(rank);
    let recheck_levels = hits.iter().any(|h| h.level != LevelChange::NotStated);
    let mut notes = vec![Note::InteractionTableCoverage];
    if subject == Subject::Cyclosporine {
        notes.push(Note::CyclosporineMeasureLevels);
    }
    InteractionReport {
        subject,
        hits,
        not_in_table,
        recheck_levels,
        notes,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clinical::status::Gap;

    fn categories(r: &InteractionReport) -> Vec<(String, Option<Severity>)> {
        r.hits
            .iter()
            .map(|h| (h.partner.clone(), h.category.clone().available()))
            .collect()
    }

    #[test]
    fn cyclosporine_with_tacrolimus_is_contraindicated_both_ways() {
        let r = check(&["Prograf 1 mg"], "Neoral").unwrap();
        assert_eq!(r.subject, Subject::Cyclosporine);
        assert_eq!(r.hits.len(), 1);
        assert_eq!(
            r.hits[0].category.clone().available(),
            Some(Severity::Contraindicated)
        );
        assert_eq!(r.hits[0].level, LevelChange::Up);
        assert!(r.recheck_levels);
        let r = check(&["シクロスポリン（ネオーラル）"], "タクロリムス").unwrap();
        assert_eq!(
            categories(&r),
            vec![("cyclosporine".into(), Some(Severity::Contraindicated))]
        );
        assert_eq!(Severity::Contraindicated.ja(), "併用禁忌");
        assert_eq!(Severity::Caution.ja(), "併用注意");
    }

    #[test]
    fn order_levels_and_unlisted() {
        let r = check(
            &[
                "Fluconazole 100 mg",
                "rosuvastatin",
                "clarithromycin",
                "ＳＴ合剤",
                "  ",
            ],
            "cyclosporine",
        )
        .unwrap();
        let cats = categories(&r);
        assert_eq!(
            cats[0],
            ("rosuvastatin".into(), Some(Severity::Contraindicated))
        );
        assert_eq!(cats.len(), 3);
        assert!(cats.iter().all(|(_, c)| c.is_some()));
        assert!(r.recheck_levels);
        // clarithromycin is a macrolide, but the pack names no macrolide: not checked.
        assert_eq!(r.not_in_table, vec!["clarithromycin".to_string()]);
        assert!(r.notes.contains(&Note::CyclosporineMeasureLevels));
    }

    #[test]
    fn whole_words_only() {
        // "tac" must not match inside another word; "azoles" plural matches.
        let r = check(&["stacking", "azoles"], "cyclosporine").unwrap();
        assert_eq!(r.not_in_table, vec!["stacking".to_string()]);
        assert_eq!(r.hits.len(), 1);
        let r = check(&["Amphotericin-B liposomal"], "CsA").unwrap();
        assert_eq!(r.hits[0].partner, "nephrotoxic drugs");
        assert!(!r.recheck_levels);
    }

    #[test]
    fn unverified_categories_stay_unavailable() {
        let r = check(
            &["BCG vaccine", "spironolactone", "eplerenone"],
            "tacrolimus",
        )
        .unwrap();
        let bcg = r
            .hits
            .iter()
            .find(|h| h.co_medication == "BCG vaccine")
            .unwrap();
        assert_eq!(bcg.category.gap(), Some(Gap::TacrolimusLiveVaccineCategory));
        assert_eq!(rank(&r.hits[0]), 0); // spironolactone 禁忌 first
        assert_eq!(r.hits[1].partner, "eplerenone");
        let r = check(&["asunaprevir"], "cyclosporine").unwrap();
        assert_eq!(
            r.hits[0].category.gap(),
            Some(Gap::AsunaprevirVaniprevirCategory)
        );
        let r = check(&["bosentan"], "cyclosporine").unwrap();
        assert_eq!(r.hits[0].effect, None);
    }

    #[test]
    fn rifampicin_lowers_and_unknown_drug_errors() {
        let r = check(&["rifampicin"], "グラセプター").unwrap();
        assert_eq!(r.hits[0].level, LevelChange::Down);
        assert!(r.recheck_levels);
        assert_eq!(
            check(&["digoxin"], "mycophenolate")
                .unwrap_err()
                .to_string(),
            "mycophenolate: interactions are checked for cyclosporine and tacrolimus only"
        );
        // digoxin is a cyclosporine-label item only
        assert_eq!(
            check(&["digoxin"], "tacrolimus")
                .unwrap()
                .not_in_table
                .len(),
            1
        );
    }

    #[test]
    fn table_is_well_formed() {
        for e in TABLE {
            assert!(
                !e.aliases.is_empty() && !e.subjects.is_empty(),
                "{}",
                e.partner
            );
            for a in e.aliases {
                assert_eq!(normalise(a), normalise(&normalise(a)), "{a}");
            }
        }
    }
}

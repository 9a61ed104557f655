//! Drug interactions of cyclosporine and tacrolimus, Japanese label first.
//!
//! A typed co-medication is identified by the synonym table ([`drugs`]:
//! English INN, Japanese generic name, brands, abbreviations; width, case,
//! kana and spacing folded by [`fold`]) and checked against the rows of the
//! subject's label ([`cyclosporine_label`], [`tacrolimus_label`]: 禁忌 and
//! 併用注意 as printed, class lines included, each with its source). A name
//! the table does not know is "not checked", with the nearest known name
//! as a suggestion; a known drug without a row on this label is listed as
//! such — neither is evidence of safety. [`effects`] adds the quantified
//! effect on the CsA / TAC level where a study gives one.

mod cyclosporine_label;
pub mod drugs;
pub mod effects;
pub mod fold;
mod regimen;
mod rows;
mod tacrolimus_label;
#[cfg(test)]
mod tests;

pub use effects::Quantified;
pub use regimen::{check_regimen, known_names, labels_to_check};
/// The azoles of the labels' rows (synonym-table keys).
pub use rows::AZOLES;

use super::error::{ClinicalError, Result};
use super::notes::Note;
use super::sources::Source;
use super::status::Status;
use crate::text::{Lang, Words};
use drugs::{Drug, DRUGS, TACROLIMUS_TOPICAL, TOPICAL_FORMS};
use rows::Row;
use serde::{Deserialize, Serialize};

/// The drug whose label the table comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Subject {
    Cyclosporine,
    Tacrolimus,
}

impl Subject {
    /// In English (both languages: `crate::text`).
    pub fn en(self) -> &'static str {
        self.words(Lang::En)
    }

    fn key(self) -> &'static str {
        match self {
            Subject::Cyclosporine => drugs::CYCLOSPORINE,
            Subject::Tacrolimus => drugs::TACROLIMUS,
        }
    }

    fn rows(self) -> &'static [Row] {
        match self {
            Subject::Cyclosporine => cyclosporine_label::ROWS,
            Subject::Tacrolimus => tacrolimus_label::ROWS,
        }
    }

    /// Recognises "cyclosporine", "ネオーラル", "Prograf 1 mg"…
    pub fn parse(name: &str) -> Result<Subject> {
        let found = identify(name);
        [Subject::Cyclosporine, Subject::Tacrolimus]
            .into_iter()
            .find(|s| found.iter().any(|d| d.key == s.key()))
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
    /// In English (both languages: `crate::text`).
    pub fn en(self) -> &'static str {
        self.words(Lang::En)
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

/// One co-medication found in one label row.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Hit {
    /// The co-medication as typed.
    pub co_medication: String,
    /// The drug it was identified as (synonym-table key and names).
    pub drug: String,
    pub drug_en: String,
    pub drug_ja: String,
    /// The row in English.
    pub partner: String,
    /// The row as printed in the label (Japanese).
    pub printed: String,
    pub category: Status<Severity>,
    /// The label's wording in English; None when it was not read (see
    /// `Gap::InteractionMechanism`).
    pub effect: Option<String>,
    /// The label's wording as printed.
    pub effect_ja: Option<String>,
    pub level: LevelChange,
    /// The effect on the subject's level in numbers, where known.
    pub quantified: Option<Quantified>,
    pub sources: Vec<Source>,
}

/// A typed name the synonym table does not know.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NotChecked {
    pub typed: String,
    /// The nearest known name (edit distance on the folded form), if close.
    pub suggestion: Option<String>,
}

/// A known drug for which the label rows read hold no row.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NoRow {
    pub typed: String,
    pub drug_en: String,
    pub drug_ja: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct InteractionReport {
    pub subject: Subject,
    /// Contraindicated first, then caution, then unknown category.
    pub hits: Vec<Hit>,
    /// Names not in the synonym table: not checked.
    pub not_checked: Vec<NotChecked>,
    /// Known drugs without a row on this label (rows read).
    pub no_row: Vec<NoRow>,
    /// A listed drug changes the CsA / TAC level: recheck levels.
    pub recheck_levels: bool,
    pub notes: Vec<Note>,
}

impl InteractionReport {
    /// The 禁忌 hits.
    pub fn contraindicated(&self) -> impl Iterator<Item = &Hit> {
        self.hits
            .iter()
            .filter(|h| h.category.clone().available() == Some(Severity::Contraindicated))
    }

    /// Hits that change the subject's level, one per drug.
    pub fn level_changes(&self) -> Vec<&Hit> {
        let mut out: Vec<&Hit> = Vec::new();
        for h in self
            .hits
            .iter()
            .filter(|h| h.level != LevelChange::NotStated)
        {
            if !out.iter().any(|o| o.drug == h.drug) {
                out.push(h);
            }
        }
        out
    }
}

/// The drugs of the synonym table that `typed` names, in the order
/// written; where names overlap the longest wins.
pub fn identify(typed: &str) -> Vec<&'static Drug> {
    let text = fold::fold(typed);
    let mut spans: Vec<(usize, usize, usize)> = Vec::new();
    for (i, d) in DRUGS.iter().enumerate() {
        for name in d.all_names() {
            for (a, b) in text.find(&fold::key(name)) {
                spans.push((a, b, i));
            }
        }
    }
    let inside = |x: &(usize, usize, usize), y: &(usize, usize, usize)| {
        y.0 <= x.0 && x.1 <= y.1 && (y.1 - y.0) > (x.1 - x.0)
    };
    let mut kept: Vec<(usize, usize, usize)> = spans
        .iter()
        .filter(|x| !spans.iter().any(|y| inside(x, y)))
        .copied()
        .collect();
    kept.sort_unstable();
    let topical = TOPICAL_FORMS
        .iter()
        .any(|w| !text.find(&fold::key(w)).is_empty());
    let mut out: Vec<&'static Drug> = Vec::new();
    for (_, _, i) in kept {
        let mut d = &DRUGS[i];
        if topical && d.key == drugs::TACROLIMUS {
            d = drugs::by_key(TACROLIMUS_TOPICAL).unwrap_or(d);
        }
        if !out.iter().any(|o| o.key == d.key) {
            out.push(d);
        }
    }
    out
}

/// The nearest known name to `typed`, when it is close (at most a third
/// of its letters differ); names of three letters or fewer are not offered.
pub fn suggest(typed: &str) -> Option<&'static str> {
    let stem = fold::stem(typed);
    if stem.is_empty() {
        return None;
    }
    let limit = (stem.len() / 3).max(1);
    DRUGS
        .iter()
        .flat_map(Drug::all_names)
        .map(|n| (n, fold::key(n)))
        .filter(|(_, k)| k.len() > 3)
        .map(|(n, k)| (fold::distance(&stem, &k), n))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, n)| n)
}

fn hit(co: &str, d: &Drug, subject: Subject, r: &Row) -> Hit {
    Hit {
        co_medication: co.to_string(),
        drug: d.key.to_string(),
        drug_en: d.en.to_string(),
        drug_ja: d.ja.to_string(),
        partner: r.partner.to_string(),
        printed: r.printed.to_string(),
        category: r.category.clone(),
        effect: r.effect_en.map(str::to_string),
        effect_ja: r.effect_ja.map(str::to_string),
        level: r.level,
        quantified: effects::quantified(subject, d.key),
        sources: r.sources.to_vec(),
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
    let mut not_checked = Vec::new();
    let mut no_row = Vec::new();
    for co in co_medications.iter().filter(|c| !c.trim().is_empty()) {
        let found = identify(co);
        if found.is_empty() {
            not_checked.push(NotChecked {
                typed: co.to_string(),
                suggestion: suggest(co).map(str::to_string),
            });
            continue;
        }
        let mut rows_hit: Vec<usize> = Vec::new();
        for d in found.into_iter().filter(|d| d.key != subject.key()) {
            let rows: Vec<(usize, &Row)> = subject
                .rows()
                .iter()
                .enumerate()
                .filter(|(_, r)| r.members.contains(&d.key))
                .collect();
            if rows.is_empty() {
                no_row.push(NoRow {
                    typed: co.to_string(),
                    drug_en: d.en.to_string(),
                    drug_ja: d.ja.to_string(),
                });
            }
            for (i, r) in rows {
                if !rows_hit.contains(&i) {
                    rows_hit.push(i);
                    hits.push(hit(co, d, subject, r));
                }
            }
        }
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
        not_checked,
        no_row,
        recheck_levels,
        notes,
    }
}

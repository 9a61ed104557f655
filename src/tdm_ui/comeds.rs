//! The co-medications in the drug screen's headline and the report, before
//! any dose: every 禁忌 of this drug's label, every co-medication that
//! changes its level (with the effect in numbers and its source where a
//! study gives one), how many other rows there are, and the names that
//! could not be checked. The rows are the Safety screen's
//! (`interactions::check_subject` over `patient.comedications`).

use crate::i18n::{fill, I18n, Lang, SafetyKey};
use dmip_engine::clinical::interactions::{check_subject, InteractionReport, LevelChange, Subject};
use dmip_engine::record::PatientRecord;
use dmip_engine::tdm::Drug;
use dmip_engine::text::Words;

/// The label checked for `drug`.
pub fn subject(drug: Drug) -> Subject {
    match drug {
        Drug::Cyclosporine => Subject::Cyclosporine,
        Drug::Tacrolimus => Subject::Tacrolimus,
    }
}

/// The record's co-medications against `drug`'s label.
pub fn report(r: &PatientRecord, drug: Drug) -> InteractionReport {
    check_subject(&r.patient.comedication_names(), subject(drug))
}

fn name(lang: Lang, ja: &str, en: &str) -> String {
    match lang {
        Lang::Ja => ja.to_owned(),
        Lang::En => en.to_owned(),
    }
}

fn list(lang: Lang, items: &[String]) -> String {
    items.join(match lang {
        Lang::Ja => "、",
        Lang::En => ", ",
    })
}

/// The headline's sentences about the co-medications (none when nothing
/// in the list matters for this drug).
pub fn sentences(i18n: I18n, r: &InteractionReport) -> Vec<String> {
    let lang = i18n.lang();
    let drug = r.subject.words(lang);
    let mut out = Vec::new();
    let mut contra: Vec<String> = Vec::new();
    for h in r.contraindicated() {
        let n = name(lang, &h.drug_ja, &h.drug_en);
        if !contra.contains(&n) {
            contra.push(n);
        }
    }
    if !contra.is_empty() {
        out.push(fill(
            i18n.t(SafetyKey::HeadContra),
            &[("drug", drug), ("names", &list(lang, &contra))],
        ));
    }
    let changes = r.level_changes();
    let items: Vec<String> = changes
        .iter()
        .map(|h| {
            let n = name(lang, &h.drug_ja, &h.drug_en);
            let up = h.level == LevelChange::Up;
            match &h.quantified {
                Some(q) => {
                    let key = if up {
                        SafetyKey::HeadUpQuantified
                    } else {
                        SafetyKey::HeadDownQuantified
                    };
                    let effect = name(lang, &q.ja, &q.en);
                    fill(
                        i18n.t(key),
                        &[
                            ("name", &n),
                            ("effect", &effect),
                            ("source", q.source.citation()),
                        ],
                    )
                }
                None => {
                    let key = if up {
                        SafetyKey::HeadUp
                    } else {
                        SafetyKey::HeadDown
                    };
                    fill(i18n.t(key), &[("name", &n)])
                }
            }
        })
        .collect();
    if !items.is_empty() {
        out.push(fill(
            i18n.t(SafetyKey::HeadLevels),
            &[("drug", drug), ("items", &list(lang, &items))],
        ));
    }
    let named: Vec<&str> = r
        .contraindicated()
        .chain(changes.iter().copied())
        .map(|h| h.drug.as_str())
        .collect();
    let mut others: Vec<&str> = r
        .hits
        .iter()
        .map(|h| h.drug.as_str())
        .filter(|d| !named.contains(d))
        .collect();
    others.dedup();
    if !others.is_empty() {
        out.push(fill(
            i18n.t(SafetyKey::HeadOthers),
            &[("count", &others.len().to_string())],
        ));
    }
    if let Some(names) = crate::safety_ui::not_checked_text(r, lang) {
        out.push(fill(
            i18n.t(SafetyKey::HeadNotChecked),
            &[("names", &names)],
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::use_i18n;
    use dmip_engine::clinical::interactions::check;

    #[test]
    fn contraindications_and_level_changes_are_named_before_a_dose() {
        let i18n = use_i18n();
        let r = check(
            &[
                "ロスバスタチン",
                "ボセンタン",
                "ピタバスタチン",
                "ボリコナゾール",
                "ST合剤",
                "ロスバスタチソ",
            ],
            "cyclosporine",
        )
        .unwrap();
        let s = sentences(i18n, &r);
        assert_eq!(
            s[0],
            "シクロスポリンと併用禁忌（添付文書）：ロスバスタチン、ボセンタン、ピタバスタチン — 併用しないこととされています。"
        );
        assert!(
            s[1].starts_with("シクロスポリンの血中濃度を変える併用薬：ボセンタン（↓低下）、ボリコナゾール（↑上昇：シクロスポリンの濃度/投与量比 +82.1 %（中央値、日本人同種造血幹細胞移植患者）、Mori T, et al. Bone Marrow Transplant 2009"),
            "{}",
            s[1]
        );
        assert!(
            s[1].ends_with("— 用量を決める前に血中濃度を再測定してください。"),
            "{}",
            s[1]
        );
        assert_eq!(
            s[2],
            "ほかに併用注意・区分不明の併用薬 1 件：安全性画面で確認してください。"
        );
        assert_eq!(
            s[3],
            "確認できない併用薬名：「ロスバスタチソ」（もしかして「ロスバスタチン」？）。"
        );
        // Nothing that matters: no sentence.
        assert!(sentences(i18n, &check(&["ジスロマック"], "cyclosporine").unwrap()).is_empty());
    }
}

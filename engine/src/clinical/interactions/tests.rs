//! The matcher against the Japanese labels: the scenario of a clinician's
//! list typed in Japanese and English, the corrected 禁忌 lists, and every
//! synonym in every ordinary writing.

use super::drugs::DRUGS;
use super::*;
use crate::clinical::status::Gap;
use std::collections::{BTreeSet, HashMap};
use unicode_normalization::UnicodeNormalization;

fn category(r: &InteractionReport, drug: &str) -> Vec<Status<Severity>> {
    r.hits
        .iter()
        .filter(|h| h.drug == drug)
        .map(|h| h.category.clone())
        .collect()
}

fn contraindicated(r: &InteractionReport) -> BTreeSet<String> {
    r.contraindicated().map(|h| h.drug.clone()).collect()
}

const CONTRA_S: Status<Severity> = Status::Available {
    value: Severity::Contraindicated,
};
const CAUTION_S: Status<Severity> = Status::Available {
    value: Severity::Caution,
};

#[test]
fn cyclosporine_scenario_typed_in_japanese_and_english() {
    let r = check(
        &[
            "ロスバスタチン錠2.5mg「DSEP」",
            "ボセンタン",
            "ﾋﾟﾀﾊﾞｽﾀﾁﾝ",
            "Clarithromycin 200 mg",
            "エリスロマイシン",
            "atorvastatin",
            "TMP-SMX",
        ],
        "ネオーラル",
    )
    .unwrap();
    assert_eq!(r.subject, Subject::Cyclosporine);
    assert_eq!(
        contraindicated(&r),
        ["bosentan", "pitavastatin", "rosuvastatin"]
            .map(String::from)
            .into()
    );
    // 禁忌 first, in the order typed.
    assert_eq!(r.hits[0].co_medication, "ロスバスタチン錠2.5mg「DSEP」");
    assert_eq!(r.hits[0].printed, "ロスバスタチン（クレストール）");
    assert_eq!(
        r.hits[0].effect.as_deref(),
        Some("Rosuvastatin Cmax ×10.6.")
    );
    assert_eq!(
        r.hits[0].sources,
        vec![Source::JapicCyclosporine, Source::Dsu327]
    );
    assert_eq!(category(&r, "clarithromycin"), vec![CAUTION_S]);
    assert_eq!(
        category(&r, "erythromycin"),
        vec![Status::Unavailable {
            gap: Gap::CyclosporineCyp3aRow
        }]
    );
    assert_eq!(category(&r, "atorvastatin"), vec![CAUTION_S]);
    assert_eq!(category(&r, "smx_tmp"), vec![CAUTION_S]);
    assert!(r.not_checked.is_empty() && r.no_row.is_empty(), "{r:?}");
    // Bosentan lowers cyclosporine (bosentan label); the macrolides raise it.
    let changes: Vec<(&str, LevelChange)> = r
        .level_changes()
        .iter()
        .map(|h| (h.drug.as_str(), h.level))
        .collect();
    assert_eq!(
        changes,
        vec![
            ("bosentan", LevelChange::Down),
            ("clarithromycin", LevelChange::Up),
            ("erythromycin", LevelChange::Up)
        ]
    );
}

#[test]
fn tacrolimus_scenario() {
    let r = check(
        &[
            "スピロノラクトン",
            "ST合剤",
            "アムホテリシンB",
            "生ワクチン",
            "ロキソニン錠60mg",
            "ゲンタマイシン",
            "Voriconazole (VRCZ) 200mg",
        ],
        "プログラフ",
    )
    .unwrap();
    assert_eq!(
        contraindicated(&r),
        ["live_vaccines", "spironolactone"].map(String::from).into()
    );
    let nephro = Status::Unavailable {
        gap: Gap::TacrolimusNephrotoxicRow,
    };
    for d in ["smx_tmp", "amphotericin_b", "loxoprofen", "gentamicin"] {
        assert_eq!(category(&r, d), vec![nephro.clone()], "{d}");
    }
    let st = r.hits.iter().find(|h| h.drug == "smx_tmp").unwrap();
    assert_eq!(
        st.effect.as_deref(),
        Some("Additive nephrotoxicity: watch renal function (Advagraf SmPC).")
    );
    let vori = r.hits.iter().find(|h| h.drug == "voriconazole").unwrap();
    assert_eq!(vori.category, CAUTION_S);
    assert_eq!(vori.level, LevelChange::Up);
    let q = vori.quantified.as_ref().unwrap();
    assert!(
        q.en.starts_with("tacrolimus concentration/dose ratio +115.6 %"),
        "{}",
        q.en
    );
    assert_eq!(q.source, Source::Mori2009);
    assert!(r.recheck_levels);
    assert!(r.not_checked.is_empty() && r.no_row.is_empty(), "{r:?}");
}

#[test]
fn label_corrections_of_2024() {
    // The whole cyclosporine 禁忌 list (Jul 2024) and the tacrolimus one.
    let csa_contra = [
        "タクロリムス",
        "ピタバスタチン",
        "ロスバスタチン",
        "ボセンタン",
        "アリスキレン",
        "グラゾプレビル",
        "ペマフィブラート",
        "乾燥BCG",
    ];
    let r = check(&csa_contra, "cyclosporine").unwrap();
    assert_eq!(r.contraindicated().count(), 8, "{r:?}");
    let tac_contra = [
        "シクロスポリン",
        "ボセンタン",
        "トリアムテレン",
        "カンレノ酸カリウム",
        "麻しん風しん混合ワクチン",
    ];
    let r = check(&tac_contra, "tacrolimus").unwrap();
    assert_eq!(r.contraindicated().count(), 5, "{r:?}");
    // Tacrolimus + live vaccine is 禁忌 (Graceptor 2.4, Prograf 10.1).
    assert_eq!(
        category(&check(&["BCG"], "TAC").unwrap(), "live_vaccines"),
        vec![CONTRA_S]
    );
    // Azoles are 併用注意 with both drugs, never 禁忌.
    for s in ["cyclosporine", "tacrolimus"] {
        let r = check(
            &["itraconazole", "ボリコナゾール", "ノクサフィル", "FLCZ"],
            s,
        )
        .unwrap();
        assert_eq!(r.hits.len(), 4, "{s}");
        assert!(r.hits.iter().all(|h| h.category == CAUTION_S), "{s}");
    }
    // Asunaprevir and vaniprevir left the 禁忌 list.
    let r = check(&["asunaprevir"], "cyclosporine").unwrap();
    assert_eq!(
        r.hits[0].category.gap(),
        Some(Gap::AsunaprevirVaniprevirCategory)
    );
    // Eplerenone with tacrolimus: 併用注意 in the 2017 label, said so.
    let r = check(&["セララ"], "tacrolimus").unwrap();
    assert_eq!(r.hits[0].category, CAUTION_S);
    assert!(r.hits[0].effect.as_deref().unwrap().contains("2017 label"));
    // Cyclosporine with spironolactone: the spironolactone label's 10.2.
    let r = check(&["アルダクトンA錠25mg"], "cyclosporine").unwrap();
    assert_eq!(r.hits[0].category, CAUTION_S);
    assert_eq!(r.hits[0].sources, vec![Source::SpironolactoneLabel]);
}

#[test]
fn topical_tacrolimus_is_excluded_and_the_drug_itself_skipped() {
    let r = check(
        &["プロトピック軟膏0.1%", "タクロリムス軟膏"],
        "cyclosporine",
    )
    .unwrap();
    assert!(r.hits.is_empty(), "{r:?}");
    assert_eq!(r.no_row.len(), 2);
    assert_eq!(r.no_row[0].drug_en, "tacrolimus (topical)");
    let r = check(&["Prograf 1 mg", "ネオーラル25mgカプセル"], "cyclosporine").unwrap();
    assert_eq!(contraindicated(&r), ["tacrolimus".to_string()].into());
    assert_eq!(r.hits.len(), 1);
}

#[test]
fn unknown_names_are_not_checked_with_the_nearest_name() {
    let r = check(
        &[
            "ロスバスタチソ錠5mg",
            "Rosuvastatn 5 mg",
            "zzz-unknown",
            "stacking",
            "metronidazole",
        ],
        "cyclosporine",
    )
    .unwrap();
    let got: Vec<(&str, Option<&str>)> = r
        .not_checked
        .iter()
        .map(|n| (n.typed.as_str(), n.suggestion.as_deref()))
        .collect();
    assert_eq!(
        got,
        vec![
            ("ロスバスタチソ錠5mg", Some("ロスバスタチン")),
            ("Rosuvastatn 5 mg", Some("rosuvastatin")),
            ("zzz-unknown", None),
            ("stacking", None),
            ("metronidazole", None),
        ]
    );
    assert!(r.hits.is_empty());
    // Known, but without a row on this label: said so, not "safe".
    let r = check(&["ジスロマック"], "tacrolimus").unwrap();
    assert_eq!(r.no_row[0].drug_ja, "アジスロマイシン");
    assert_eq!(
        check(&["digoxin"], "mycophenolate")
            .unwrap_err()
            .to_string(),
        "mycophenolate: interactions are checked for cyclosporine and tacrolimus only"
    );
}

#[test]
fn longest_name_wins() {
    let keys = |t: &str| identify(t).iter().map(|d| d.key).collect::<Vec<_>>();
    assert_eq!(keys("バルガンシクロビル"), vec!["valganciclovir"]);
    assert_eq!(keys("ホスフルコナゾール"), vec!["fosfluconazole"]);
    assert_eq!(keys("非ステロイド性抗炎症薬"), vec!["nsaids"]);
    assert_eq!(keys("パキロビッドパック"), vec!["nirmatrelvir_ritonavir"]);
    assert_eq!(
        keys("バクタ配合錠 + ロキソニン"),
        vec!["smx_tmp", "loxoprofen"]
    );
    assert_eq!(keys("フルバスタチン"), vec!["statins"]);
}

// ---- Every synonym, every writing ----

/// Full-width katakana → half-width (the inverse of NFKC, built from NFKC).
fn half_width_table() -> HashMap<char, String> {
    let mut t = HashMap::new();
    let marks = ['\u{FF9E}', '\u{FF9F}'];
    for c in (0xFF66..=0xFF9D).filter_map(char::from_u32) {
        let full: String = c.to_string().nfkc().collect();
        if let Some(f) = full.chars().next() {
            t.entry(f).or_insert_with(|| c.to_string());
        }
        for m in marks {
            let s: String = [c, m].iter().collect::<String>().nfkc().collect();
            let mut it = s.chars();
            if let (Some(f), None) = (it.next(), it.next()) {
                t.entry(f).or_insert_with(|| format!("{c}{m}"));
            }
        }
    }
    t.insert('ー', "\u{FF70}".into());
    t
}

fn writings(name: &str, half: &HashMap<char, String>) -> Vec<String> {
    let full_width: String = name
        .chars()
        .map(|c| match c {
            '!'..='~' => char::from_u32(c as u32 + 0xFEE0).unwrap_or(c),
            ' ' => '\u{3000}',
            c => c,
        })
        .collect();
    let half_kana: String = name
        .chars()
        .map(|c| half.get(&c).cloned().unwrap_or_else(|| c.to_string()))
        .collect();
    let hiragana: String = name
        .chars()
        .map(|c| match c {
            '\u{30A1}'..='\u{30F6}' => char::from_u32(c as u32 - 0x60).unwrap_or(c),
            c => c,
        })
        .collect();
    let spaced: String = name.replace('-', " ");
    vec![
        name.to_string(),
        name.to_uppercase(),
        full_width,
        half_kana,
        hiragana,
        spaced,
        format!("{name}錠5mg"),
        format!("{name} 10 mg"),
        format!("{name}カプセル25mg「日医工」"),
        format!("  {} ", name.to_uppercase()),
    ]
}

#[test]
fn every_synonym_in_every_writing_matches_its_drug() {
    let half = half_width_table();
    assert_eq!(half.get(&'ガ').map(String::as_str), Some("ｶﾞ"));
    let mut checked = 0;
    for d in DRUGS {
        for name in d.all_names() {
            for w in writings(name, &half) {
                let found: Vec<&str> = identify(&w).iter().map(|x| x.key).collect();
                assert_eq!(found, vec![d.key], "{name:?} written {w:?}");
                checked += 1;
            }
        }
    }
    assert!(checked > 3000, "{checked}");
}

#[test]
fn the_table_is_well_formed() {
    // No spelling names two drugs.
    let mut owner: HashMap<String, &str> = HashMap::new();
    for d in DRUGS {
        for n in d.all_names() {
            let k: String = fold::key(n).into_iter().collect();
            if let Some(other) = owner.insert(k.clone(), d.key) {
                assert_eq!(other, d.key, "{n:?} is both {other} and {}", d.key);
            }
        }
    }
    for s in [Subject::Cyclosporine, Subject::Tacrolimus] {
        for r in s.rows() {
            assert!(!r.sources.is_empty(), "{}", r.partner);
            for m in r.members {
                assert!(drugs::by_key(m).is_some(), "{m} in {}", r.partner);
            }
            for t in [Some(r.printed), Some(r.partner), r.effect_en, r.effect_ja]
                .into_iter()
                .flatten()
            {
                let bad = crate::clinical::citable::workshop_words(t);
                assert!(bad.is_empty(), "{t}: {bad:?}");
            }
        }
    }
}

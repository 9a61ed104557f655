//! Japanese for the covariate descriptions of the built-in model files
//! (`engine/models/*.toml`). Matched on the whole English text, so a
//! model file with another wording (a user's, or an edited one) shows its
//! own text rather than a translation of something else. Terms are the
//! usual forms of Japanese package inserts, guidelines and laboratory
//! reports, not literal translations (C0, AUC, KL-6 and such stay in Latin
//! letters).

use super::Lang;

const JA: &[(&str, &str)] = &[
    ("body weight", "体重"),
    ("age", "年齢"),
    ("prednisolone dose", "プレドニゾロン投与量"),
    ("haematocrit", "ヘマトクリット"),
    (
        "creatinine clearance (Cockcroft–Gault, not BSA-normalised)",
        "クレアチニンクリアランス（Cockcroft–Gault 式、体表面積補正なし）",
    ),
    (
        "CYP3A5 expresser (*1 carrier = 1, *3/*3 = 0)",
        "CYP3A5 発現型（*1 保有 = 1、*3/*3 = 0）",
    ),
    (
        "CYP3A5 *1 carrier (1 = carrier)",
        "CYP3A5 *1 保有（保有 = 1）",
    ),
    (
        "formulation (Prograf twice daily = 1, Advagraf once daily = 0)",
        "製剤（プログラフ 1日2回 = 1、グラセプター〔Advagraf〕1日1回 = 0）",
    ),
    ("cystic fibrosis (1 = yes)", "嚢胞性線維症（あり = 1）"),
    (
        "fat-free mass (Janmahasatian, from body weight, height and sex)",
        "除脂肪体重（Janmahasatian 式、体重・身長・性別から）",
    ),
    ("height", "身長"),
    ("sex (1 = female, 0 = male)", "性別（女性 = 1、男性 = 0）"),
    (
        "azole antifungal (1 = on, and for one week after stopping)",
        "アゾール系抗真菌薬（併用中、および中止後1週間 = 1）",
    ),
];

/// A model file's covariate description in `lang`: the translation when
/// the text is one of the built-in models', the file's text otherwise.
pub fn covariate_description(lang: Lang, description: &str) -> &str {
    match lang {
        Lang::En => description,
        Lang::Ja => JA
            .iter()
            .find(|(en, _)| *en == description)
            .map_or(description, |(_, ja)| ja),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dmip_engine::catalog::{builtin, builtin_ids};

    #[test]
    fn every_built_in_covariate_has_japanese() {
        for id in builtin_ids() {
            let def = builtin(id).expect("built-in").expect("loads");
            for c in &def.file.covariates {
                let ja = covariate_description(Lang::Ja, &c.description);
                assert_ne!(ja, c.description, "{id}: {} has no Japanese", c.name);
            }
        }
    }

    #[test]
    fn an_unknown_description_is_shown_as_written() {
        assert_eq!(
            covariate_description(Lang::Ja, "serum albumin"),
            "serum albumin"
        );
        assert_eq!(
            covariate_description(Lang::En, "body weight"),
            "body weight"
        );
        assert_eq!(covariate_description(Lang::Ja, "body weight"), "体重");
    }
}

//! What the user must know about a MAP estimate ([`FitWarning`]) and a
//! covariate of the model in use ([`CovariateIssue`]), in English and
//! Japanese, as the drug screens, the report and the command line say
//! them; with the Japanese of the built-in model files' covariate
//! descriptions ([`covariate_description`]). The English is also their
//! `Display`.

use super::{significant, Lang, Say};
use crate::catalog::CovariateIssue;
use crate::estimate::FitWarning;
use std::fmt;

impl Say for FitWarning {
    fn say(&self, lang: Lang) -> String {
        let n = |x: f64| significant(x, 4);
        let signed = |x: f64| format!("{x:+.1}");
        match (self, lang) {
            (FitWarning::NoLevels, Lang::En) => "No measured level: these are population (a-priori) predictions from the covariates alone.".to_owned(),
            (FitWarning::NoLevels, Lang::Ja) => "測定値がありません。共変量だけによる母集団（事前）予測です。".to_owned(),
            (FitWarning::FewLevels { levels, parameters }, Lang::En) => format!("Only {levels} level(s) for {parameters} individual parameters: the estimate leans on the population model."),
            (FitWarning::FewLevels { levels, parameters }, Lang::Ja) => format!("個体パラメータ {parameters} 個に対して測定値が {levels} 点のみです。推定値は母集団モデルに強く依存します。"),
            (FitWarning::NotConverged, Lang::En) => "The estimate did not converge: it is shown, but do not base a dose on it.".to_owned(),
            (FitWarning::NotConverged, Lang::Ja) => "推定が収束しませんでした。表示はしますが、この推定値で投与量を決めないでください。".to_owned(),
            (FitWarning::MultipleModes { objective_difference: d }, Lang::En) => format!("Different starting points gave different estimates (objective differs by {d:.3}); the best one is shown."),
            (FitWarning::MultipleModes { objective_difference: d }, Lang::Ja) => format!("初期値によって異なる推定値が得られました（目的関数の差 {d:.3}）。最良のものを表示しています。"),
            (FitWarning::LevelUnexplained { time, observed, predicted, iwres }, Lang::En) => format!(
                "The level at {time:.2} h ({}) is far from what the model can explain ({}; {} SD): check the sample time, the dose times and the unit.",
                n(*observed), n(*predicted), signed(*iwres)
            ),
            (FitWarning::LevelUnexplained { time, observed, predicted, iwres }, Lang::Ja) => format!(
                "{time:.2} 時間の測定値（{}）はモデルで説明できる範囲から大きく外れています（予測 {}、{} SD）。採血時刻、投与時刻、単位を確認してください。",
                n(*observed), n(*predicted), signed(*iwres)
            ),
            (FitWarning::ParameterExtreme { eta, sd_units }, Lang::En) => format!("This patient's {eta} is {} SD from the population: outside what the model has seen.", signed(*sd_units)),
            (FitWarning::ParameterExtreme { eta, sd_units }, Lang::Ja) => format!("この患者の {eta} は母集団から {} SD 離れています。モデルが想定する範囲の外です。", signed(*sd_units)),
            (FitWarning::UncertaintyUnavailable, Lang::En) => "The uncertainty of the estimate could not be computed (flat or ill-defined objective).".to_owned(),
            (FitWarning::UncertaintyUnavailable, Lang::Ja) => "推定値の不確かさを計算できませんでした（目的関数が平坦または不定）。".to_owned(),
            (FitWarning::BelowLimit { levels }, Lang::En) => format!("{levels} level(s) below the limit of quantification were used as censored (M3)."),
            (FitWarning::BelowLimit { levels }, Lang::Ja) => format!("定量下限未満の測定値 {levels} 点を打ち切りデータ（M3法）として使用しました。"),
            (FitWarning::Covariate(issue), _) => issue.say(lang),
        }
    }
}

impl fmt::Display for FitWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.say(Lang::En))
    }
}

impl Say for CovariateIssue {
    fn say(&self, lang: Lang) -> String {
        let n = |x: f64| significant(x, 3);
        match (self, lang) {
            (CovariateIssue::Missing { name, description }, Lang::En) => {
                format!("{description} ({name}) is needed by this model and was not given.")
            }
            (CovariateIssue::Missing { name, description }, Lang::Ja) => format!(
                "{}（{name}）が未入力です。このモデルの計算に必要です。",
                covariate_description(lang, description)
            ),
            (CovariateIssue::OutsideRange { name, value, min, max, unit }, Lang::En) => format!(
                "{name} {} {unit} is outside the model's source population ({}–{} {unit}); the prediction extrapolates.",
                n(*value), n(*min), n(*max)
            ),
            (CovariateIssue::OutsideRange { name, value, min, max, unit }, Lang::Ja) => format!(
                "{name} {} {unit} はモデル作成集団の範囲外です（{}–{} {unit}）。予測は外挿になります。",
                n(*value), n(*min), n(*max)
            ),
        }
    }
}

impl fmt::Display for CovariateIssue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.say(Lang::En))
    }
}

/// The Japanese of the built-in model files' covariate descriptions
/// (`engine/models/*.toml`), matched on the whole English text, so a model
/// file with another wording (a user's, or an edited one) shows its own
/// text rather than a translation of something else. Terms are the usual
/// forms of Japanese package inserts, guidelines and laboratory reports,
/// not literal translations (C0, AUC, KL-6 and such stay in Latin letters).
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
    use super::super::has_japanese;
    use super::*;
    use crate::catalog::{builtin, builtin_ids};

    #[test]
    fn every_fit_warning_is_said_in_both_languages() {
        let missing = CovariateIssue::Missing {
            name: "HCT".into(),
            description: "haematocrit".into(),
        };
        let all = [
            FitWarning::NoLevels,
            FitWarning::FewLevels {
                levels: 1,
                parameters: 3,
            },
            FitWarning::NotConverged,
            FitWarning::MultipleModes {
                objective_difference: 0.12345,
            },
            FitWarning::LevelUnexplained {
                time: 49.9,
                observed: 25.0,
                predicted: 7.123456,
                iwres: 4.26,
            },
            FitWarning::ParameterExtreme {
                eta: "CL".into(),
                sd_units: -3.24,
            },
            FitWarning::UncertaintyUnavailable,
            FitWarning::BelowLimit { levels: 2 },
            FitWarning::Covariate(missing.clone()),
            FitWarning::Covariate(CovariateIssue::OutsideRange {
                name: "WT".into(),
                value: 20.0,
                min: 40.0,
                max: 110.0,
                unit: "kg".into(),
            }),
        ];
        for w in &all {
            let (en, ja) = (w.say(Lang::En), w.say(Lang::Ja));
            assert!(
                !has_japanese(&en) && has_japanese(&ja),
                "{w:?}: {en} / {ja}"
            );
            assert_eq!(w.to_string(), en);
        }
        assert_eq!(
            all[4].say(Lang::En),
            "The level at 49.90 h (25.00) is far from what the model can explain (7.123; +4.3 SD): check the sample time, the dose times and the unit."
        );
        assert_eq!(
            missing.say(Lang::Ja),
            "ヘマトクリット（HCT）が未入力です。このモデルの計算に必要です。"
        );
    }

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

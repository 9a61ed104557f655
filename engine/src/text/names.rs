//! Names of the engine's things, English and Japanese: analytes, the
//! inputs of clinical calculations and the patient fields, the units a
//! number may have been typed in, what an adverse-event check watches
//! for, risk groups, and the places and counts the dosing limits name.

use super::{Lang, Say, Words};
use crate::clinical::adverse::Concern;
use crate::clinical::analyte::Analyte;
use crate::clinical::error::Field;
use crate::clinical::interactions::{Severity, Subject};
use crate::clinical::limits::{OtherUnit, PatientField};
use crate::clinical::risk::flair::FlairGroup;
use crate::clinical::risk::Label;
use crate::dosing::limits::{Many, Place};

/// A laboratory test (lower case in English, as messages show it).
impl Words for Analyte {
    fn words(self, lang: Lang) -> &'static str {
        let (en, ja) = match self {
            Analyte::Kl6 => ("KL-6", "KL-6"),
            Analyte::SpD => ("SP-D", "SP-D"),
            Analyte::SpA => ("SP-A", "SP-A"),
            Analyte::Ferritin => ("ferritin", "フェリチン"),
            Analyte::Crp => ("CRP", "CRP"),
            Analyte::Ldh => ("LDH", "LDH（乳酸脱水素酵素）"),
            Analyte::Ck => ("CK", "CK（クレアチンキナーゼ）"),
            Analyte::Aldolase => ("aldolase", "アルドラーゼ"),
            Analyte::BetaDGlucan => ("β-D-glucan", "β-D-グルカン"),
            Analyte::CmvAntigenaemia => {
                ("CMV antigenaemia (C7-HRP)", "CMVアンチゲネミア（C7-HRP）")
            }
            Analyte::Procalcitonin => ("procalcitonin", "プロカルシトニン"),
            Analyte::Wbc => ("white blood cell count", "白血球数"),
            Analyte::Lymphocytes => ("lymphocyte count", "リンパ球数"),
            Analyte::IgG => ("IgG", "IgG"),
            Analyte::Creatinine => ("serum creatinine", "血清クレアチニン"),
            Analyte::Fvc => ("FVC", "努力肺活量（FVC）"),
            Analyte::PercentVc => ("%VC", "%肺活量（%VC）"),
            Analyte::Dlco => ("DLco", "肺拡散能（DLco）"),
            Analyte::PercentDlco => ("%DLco", "%DLco"),
            Analyte::Tlc => ("TLC", "全肺気量（TLC）"),
            Analyte::Vc => ("VC", "肺活量（VC）"),
            Analyte::Fev1 => ("FEV1", "1秒量（FEV1）"),
            Analyte::SpO2 => ("SpO2", "経皮的動脈血酸素飽和度（SpO2）"),
            Analyte::PaO2 => ("PaO2", "動脈血酸素分圧（PaO2）"),
            Analyte::PaCo2 => ("PaCO2", "動脈血二酸化炭素分圧（PaCO2）"),
            Analyte::FiO2 => ("FiO2", "吸入酸素濃度（FiO2）"),
            Analyte::Potassium => ("potassium", "血清カリウム"),
            Analyte::Glucose => ("blood glucose", "血糖"),
            Analyte::Hba1c => ("HbA1c", "HbA1c"),
            Analyte::Ast => ("AST", "AST"),
            Analyte::Alt => ("ALT", "ALT"),
            Analyte::SystolicBp => ("systolic blood pressure", "収縮期血圧"),
            Analyte::DiastolicBp => ("diastolic blood pressure", "拡張期血圧"),
        };
        lang.pick(en, ja)
    }
}

/// An input of a clinical calculation, with its unit where it has one.
impl Words for Field {
    fn words(self, lang: Lang) -> &'static str {
        let (en, ja) = match self {
            Field::Lab(a) => return a.words(lang),
            Field::HeightCm => ("height (cm)", "身長 (cm)"),
            Field::WeightKg => ("weight (kg)", "体重 (kg)"),
            Field::AgeYears => ("age (years)", "年齢"),
            Field::Sex => ("sex", "性別"),
            Field::Bsa => ("body surface area (m²)", "体表面積 (m²)"),
            Field::Dose => ("dose", "投与量"),
            Field::PulseCount => ("number of pulses", "パルス回数"),
            Field::IntervalDays => ("interval (days)", "投与間隔 (日)"),
            Field::AntiMda5 => ("anti-MDA5 antibody", "抗MDA5抗体"),
            Field::AntiMda5Grade => ("anti-MDA5 grade (+/++/+++)", "抗MDA5抗体 判定（+/++/+++）"),
            Field::HrctScore => ("HRCT score", "HRCTスコア"),
            Field::RpIld => ("rapidly progressive ILD", "急速進行性間質性肺炎"),
            Field::AaDo2 => ("A-aDO2", "肺胞気・動脈血酸素分圧較差（A-aDO2）"),
            Field::FiO2 => ("FiO2", "FiO2"),
            Field::PaO2 => ("PaO2", "PaO2"),
            Field::PaCO2 => ("PaCO2", "PaCO2"),
            Field::BarometricPressure => ("barometric pressure", "大気圧"),
            Field::WaterVapourPressure => ("water vapour pressure", "水蒸気圧"),
            Field::RespiratoryQuotient => ("respiratory quotient", "呼吸商"),
            Field::Value => ("value", "値"),
            Field::Baseline => ("baseline value", "ベースライン値"),
            Field::WbcNadir => ("WBC nadir", "白血球数 最低値（ナディア）"),
            Field::Neutrophils => ("neutrophil count", "好中球数"),
            Field::Date => ("date", "日付"),
        };
        lang.pick(en, ja)
    }
}

/// The drug whose label an interaction table comes from.
impl Words for Subject {
    fn words(self, lang: Lang) -> &'static str {
        let (en, ja) = match self {
            Subject::Cyclosporine => ("cyclosporine", "シクロスポリン"),
            Subject::Tacrolimus => ("tacrolimus", "タクロリムス"),
        };
        lang.pick(en, ja)
    }
}

/// A Japanese package-insert category (in Japanese, the insert's section
/// heading).
impl Words for Severity {
    fn words(self, lang: Lang) -> &'static str {
        let (en, ja) = match self {
            Severity::Contraindicated => ("contraindicated", "併用禁忌"),
            Severity::Caution => ("use with caution", "併用注意"),
        };
        lang.pick(en, ja)
    }
}

/// A patient field (lower case in English, as messages show it).
impl Words for PatientField {
    fn words(self, lang: Lang) -> &'static str {
        let (en, ja) = match self {
            PatientField::AgeYears => ("age", "年齢"),
            PatientField::WeightKg => ("weight", "体重"),
            PatientField::HeightCm => ("height", "身長"),
            PatientField::CreatinineMgDl | PatientField::CreatinineUmolL => {
                ("serum creatinine", "血清クレアチニン")
            }
            PatientField::HematocritPct => ("haematocrit", "ヘマトクリット"),
            PatientField::AlbuminGDl => ("serum albumin", "血清アルブミン"),
            PatientField::PrednisoloneMgDay => ("prednisolone", "プレドニゾロン"),
        };
        lang.pick(en, ja)
    }
}

/// The unit a typed number seems to be in.
impl Words for OtherUnit {
    fn words(self, lang: Lang) -> &'static str {
        let (en, ja) = match self {
            OtherUnit::Fraction => ("a fraction", "割合（小数）"),
            OtherUnit::Metres => ("metres", "メートル"),
            OtherUnit::Grams => ("grams", "グラム"),
            OtherUnit::GramsPerLitre => ("g/L", "g/L"),
            OtherUnit::MicromolPerLitre => ("µmol/L", "µmol/L"),
            OtherUnit::MgPerDl => ("mg/dL", "mg/dL"),
        };
        lang.pick(en, ja)
    }
}

/// What an adverse-event check watches for (肝障害: the usual
/// package-insert term).
impl Words for Concern {
    fn words(self, lang: Lang) -> &'static str {
        let (en, ja) = match self {
            Concern::Nephrotoxicity => ("nephrotoxicity", "腎障害（腎毒性）"),
            Concern::Hyperkalaemia => ("hyperkalaemia", "高カリウム血症"),
            Concern::Hypertension => ("hypertension", "高血圧"),
            Concern::Hyperglycaemia => ("hyperglycaemia", "高血糖"),
            Concern::LiverInjury => ("liver injury", "肝障害"),
        };
        lang.pick(en, ja)
    }
}

/// A FLAIR risk group.
impl Words for FlairGroup {
    fn words(self, lang: Lang) -> &'static str {
        let (en, ja) = match self {
            FlairGroup::Low => ("low risk", "低リスク"),
            FlairGroup::Medium => ("medium risk", "中リスク"),
            FlairGroup::High => ("high risk", "高リスク"),
        };
        lang.pick(en, ja)
    }
}

/// What every risk model's output is, shown with it.
impl Words for Label {
    fn words(self, lang: Lang) -> &'static str {
        let (en, ja) = match self {
            Label::PublishedModelOutputNotAdvice => (
                "Published model output, not advice",
                "公表モデルの出力であり、治療の推奨ではありません",
            ),
        };
        lang.pick(en, ja)
    }
}

/// What there are too many of.
impl Words for Many {
    fn words(self, lang: Lang) -> &'static str {
        let (en, ja) = match self {
            Many::DoseRows => ("dose rows", "投与歴の行"),
            Many::Doses => ("doses", "投与回数"),
            Many::Levels => ("levels", "血中濃度"),
            Many::DoseChanges => ("dose changes", "服薬変更"),
            Many::CovariateSteps => ("covariate steps", "共変量の変化"),
            Many::Comedications => ("co-medications", "併用薬"),
            Many::Regimens => ("regimens", "用法の候補"),
            Many::Draws => ("posterior draws", "事後分布の抽出数"),
        };
        lang.pick(en, ja)
    }
}

/// Where in a record a value beyond the limits is.
impl Say for Place {
    fn say(&self, lang: Lang) -> String {
        match (*self, lang) {
            (Place::DoseRow(n), Lang::En) => format!("dose row {n}"),
            (Place::DoseRow(n), Lang::Ja) => format!("投与歴の {n} 行目"),
            (Place::DoseChange(n), Lang::En) => format!("dose change {n}"),
            (Place::DoseChange(n), Lang::Ja) => format!("服薬変更の {n} 件目"),
            (Place::Level(n), Lang::En) => format!("level {n}"),
            (Place::Level(n), Lang::Ja) => format!("血中濃度の {n} 件目"),
            (Place::CovariateStep(n), Lang::En) => format!("covariate step {n}"),
            (Place::CovariateStep(n), Lang::Ja) => format!("共変量の変化の {n} 件目"),
            (Place::Comedication(n), Lang::En) => format!("co-medication {n}"),
            (Place::Comedication(n), Lang::Ja) => format!("併用薬の {n} 件目"),
            (Place::Now, Lang::En) => "the present".to_owned(),
            (Place::Now, Lang::Ja) => "現在時刻".to_owned(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::has_japanese;
    use super::*;

    fn both<T: Words + std::fmt::Debug>(all: &[T]) {
        for &t in all {
            let (en, ja) = (t.words(Lang::En), t.words(Lang::Ja));
            assert!(!en.is_empty() && !ja.is_empty(), "{t:?}");
            assert!(!has_japanese(en), "{t:?}: {en}");
        }
    }

    #[test]
    fn every_name_has_both_languages() {
        both(&Analyte::ALL);
        both(&PatientField::ALL);
        both(&[Concern::Nephrotoxicity, Concern::LiverInjury]);
        both(&[FlairGroup::Low, FlairGroup::Medium, FlairGroup::High]);
        both(&[Label::PublishedModelOutputNotAdvice]);
        assert_eq!(Analyte::Ferritin.words(Lang::Ja), "フェリチン");
        assert_eq!(Field::Lab(Analyte::Crp).words(Lang::En), "CRP");
        assert_eq!(Field::WeightKg.words(Lang::Ja), "体重 (kg)");
        assert_eq!(OtherUnit::Fraction.words(Lang::Ja), "割合（小数）");
        assert_eq!(Many::Draws.words(Lang::Ja), "事後分布の抽出数");
        assert_eq!(Place::DoseRow(3).say(Lang::Ja), "投与歴の 3 行目");
        assert_eq!(Place::Now.say(Lang::En), "the present");
    }
}

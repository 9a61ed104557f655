//! The translation table: every key with its Japanese and English text.
//! Japanese terms follow `shared/clinical/glossary-ja.md`. `{name}` marks a
//! value filled in by [`super::fill`].

use super::Lang;

macro_rules! table {
    ($($key:ident => $ja:literal, $en:literal;)+) => {
        /// A string the UI shows.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Key { $($key),+ }

        impl Key {
            /// Every key, in table order.
            pub const ALL: &'static [Key] = &[$(Key::$key),+];

            /// The text of this key in `lang`.
            pub fn text(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $((Key::$key, Lang::Ja) => $ja, (Key::$key, Lang::En) => $en,)+
                }
            }
        }
    };
}

table! {
    AppName => "DMIP Monitor", "DMIP Monitor";
    AppTagline => "皮膚筋炎に伴う間質性肺炎の治療支援", "Treatment support for interstitial pneumonia in dermatomyositis";
    Version => "バージョン", "Version";
    NavLabel => "画面", "Screens";
    LangSwitch => "表示言語", "Language";
    Disclaimer => "研究・教育用の試作版です。臨床判断は医師が行ってください。", "Research and teaching prototype. Clinical decisions remain with the physician.";

    ScreenPatient => "患者", "Patient";
    ScreenCyclosporine => "シクロスポリン", "Cyclosporine";
    ScreenTacrolimus => "タクロリムス", "Tacrolimus";
    ScreenCyclophosphamide => "シクロホスファミド", "Cyclophosphamide";
    ScreenBiomarkers => "バイオマーカー", "Biomarkers";
    ScreenSafety => "安全性", "Safety";
    ScreenReport => "レポート", "Report";
    ScreenRecords => "記録", "Records";

    PlannedPatient => "患者背景と病型（皮膚筋炎・臨床的無筋症性皮膚筋炎、自己抗体、間質性肺炎の病型）を入力する画面です。準備中。", "Patient and disease profile: DM or CADM, autoantibodies, type of interstitial pneumonia. In preparation.";
    PlannedCyclosporine => "投与歴、血中濃度、母集団薬物動態モデル、ベイズ推定、推奨投与量。準備中。", "Doses, levels, population pharmacokinetic model, Bayesian estimate, forecast and dose advice. In preparation.";
    PlannedTacrolimus => "投与歴、トラフ濃度（C0）、母集団薬物動態モデル、ベイズ推定、推奨投与量。準備中。", "Doses, trough levels (C0), population pharmacokinetic model, Bayesian estimate and dose advice. In preparation.";
    PlannedCyclophosphamide => "静注パルス療法（IVCY）の投与量、累積投与量、白血球数の最低値（ナディア）。準備中。", "IV pulse (IVCY) doses, cumulative dose and white-cell nadir. In preparation.";
    PlannedBiomarkers => "KL-6、SP-D、フェリチン、CRP、LDH、CK と感染症検査（β-D-グルカン、CMVアンチゲネミア）の推移。準備中。", "Time course of KL-6, SP-D, ferritin, CRP, LDH, CK and infection tests (β-D-glucan, CMV antigenaemia). In preparation.";
    PlannedSafety => "併用禁忌・併用注意と有害事象（腎障害、高血圧、高血糖、高カリウム血症）の推移。準備中。", "Interactions (contraindicated, use with caution) and adverse-event trends: nephrotoxicity, hypertension, hyperglycaemia, hyperkalaemia. In preparation.";
    PlannedReport => "印刷や診療録への貼り付けに使うレポート。準備中。", "A report to print or paste into the medical record. In preparation.";
    PlannedRecords => "記録の保存（暗号化）、エクスポート、インポート。準備中。", "Saving records (encrypted), export and import. In preparation.";

    DemoTitle => "濃度推移のデモ", "Concentration–time demo";
    DemoNote => "参照モデル（mapbayr の例題モデル 001：1-コンパートメント、一次吸収、CL 4 L/h、V 70 L、KA 1 /h）の典型的な患者での計算例です。シクロスポリンのモデルではありません。臨床判断には使用しないでください。", "Typical subject of a reference model (mapbayr example model 001: one compartment, first-order absorption, CL 4 L/h, V 70 L, KA 1 /h). Not a cyclosporine model; not for clinical decisions.";
    FieldDose => "投与量", "Dose";
    FieldInterval => "投与間隔", "Dosing interval";
    UnitMg => "mg", "mg";
    UnitHours => "時間", "h";
    UnitMgPerL => "mg/L", "mg/L";
    PeakLabel => "最高濃度（0–{hours} 時間）", "Peak concentration (0–{hours} h)";
    PeakAt => "{time} 時間の時点", "at {time} h";
    NotComputable => "計算できません", "Not computable";
    AxisTime => "時間 (h)", "Time (h)";
    AxisConcentration => "濃度 (mg/L)", "Concentration (mg/L)";
    PlotDescription => "濃度–時間曲線（最高濃度 {peak} mg/L）", "Concentration–time curve (peak {peak} mg/L)";
    PlotFailed => "グラフを描画できません：{error}", "The plot could not be drawn: {error}";

    // ── Patient, cyclosporine and tacrolimus screens (issue 6): add keys here.

    // ── Records, report, self-check (issue 7): add keys here.

    ErrNotPositive => "{field}には正の数値を入力してください（入力：「{value}」）", "{field} must be a positive finite number (got “{value}”)";
    ErrTooSmall => "{field}は {min} 以上にしてください（入力：{value}）", "{field} must be at least {min} (got {value})";
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    /// Keys whose text is the same in both languages on purpose.
    const SAME_IN_BOTH: &[Key] = &[Key::AppName, Key::UnitMg, Key::UnitMgPerL];

    fn placeholders(text: &str) -> BTreeSet<&str> {
        text.split('{')
            .skip(1)
            .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
            .collect()
    }

    #[test]
    fn every_key_has_both_languages() {
        for &key in Key::ALL {
            let (ja, en) = (key.text(Lang::Ja), key.text(Lang::En));
            assert!(!ja.trim().is_empty(), "{key:?}: empty Japanese text");
            assert!(!en.trim().is_empty(), "{key:?}: empty English text");
            if !SAME_IN_BOTH.contains(&key) {
                assert_ne!(ja, en, "{key:?}: Japanese text not translated");
                assert!(
                    !ja.is_ascii(),
                    "{key:?}: Japanese text has no Japanese character: {ja}"
                );
            }
        }
    }

    #[test]
    fn placeholders_match_between_languages() {
        for &key in Key::ALL {
            assert_eq!(
                placeholders(key.text(Lang::Ja)),
                placeholders(key.text(Lang::En)),
                "{key:?}"
            );
        }
    }
}

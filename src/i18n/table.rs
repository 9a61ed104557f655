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

    ScreenSelfCheck => "自己診断", "Self-check";
    Print => "印刷", "Print";
    RecSetupIntro => "記録はこのブラウザ内にだけ保存され、パスフレーズで暗号化されます（Argon2id・AES-GCM）。パスフレーズを忘れると記録は復元できません。", "Records are kept only in this browser, encrypted with a passphrase (Argon2id, AES-GCM). A forgotten passphrase cannot be recovered.";
    RecPassphrase => "パスフレーズ", "Passphrase";
    RecPassphraseAgain => "パスフレーズ（確認）", "Passphrase (again)";
    RecCreate => "暗号化して保存を開始", "Start encrypted storage";
    RecPlainSummary => "パスフレーズなしで使う（非推奨）", "Use without a passphrase (not recommended)";
    RecPlainWarning => "暗号化されません。このコンピューターで開いた他のHTMLファイルからも記録が読めます。", "Nothing is encrypted: any other HTML file opened on this computer can read the records.";
    RecPlainAccept => "危険を理解したうえで暗号化しない", "I understand the risk; do not encrypt";
    RecCreatePlain => "暗号化せずに保存を開始", "Start unencrypted storage";
    RecPassTooShort => "パスフレーズは8文字以上にしてください", "The passphrase must have at least 8 characters";
    RecPassMismatch => "2つのパスフレーズが一致しません", "The two passphrases differ";
    RecUnlock => "開く", "Unlock";
    RecUnlocking => "鍵を生成中…", "Deriving the key…";
    RecWrongPassphrase => "パスフレーズが違います。保存された記録は変更されていません。", "Wrong passphrase. Nothing stored was changed.";
    RecStorageError => "保存領域のエラー：{detail}", "Storage error: {detail}";
    RecNoStorage => "このブラウザは保存を許可していません。記録はページを閉じると失われます。", "This browser does not allow storage: records are lost when the page closes.";
    RecQuarantined => "読めないデータ（{from}）を {to} に退避しました：{detail}", "Unreadable data ({from}) was kept aside as {to}: {detail}";
    RecLockedIdle => "15分間操作がなかったため施錠しました。", "Locked after 15 minutes without activity.";
    RecModeEncrypted => "暗号化して保存中", "Stored encrypted";
    RecModePlain => "暗号化なしで保存中", "Stored without encryption";
    RecLabel => "記録名（イニシャル・病床など）", "Record name (initials, bed…)";
    RecNew => "新しい記録", "New record";
    RecLock => "施錠", "Lock";
    RecSearch => "検索", "Search";
    RecUpdated => "更新日時", "Updated";
    RecOpen => "開く", "Open";
    RecDuplicate => "複製", "Duplicate";
    RecCopyOf => "{label}（複製）", "{label} (copy)";
    RecExport => "書き出し", "Export";
    RecDelete => "削除", "Delete";
    RecDeleted => "「{label}」を削除しました。", "Deleted “{label}”.";
    RecUndo => "元に戻す", "Undo";
    RecNone => "記録はありません。", "No records.";
    RecFiles => "ファイル（バックアップ・移行）", "Files (backup, transfer)";
    RecExportPass => "書き出し用パスフレーズ（任意）", "Passphrase for the file (optional)";
    RecExportAll => "すべて書き出し", "Export all";
    RecImportPass => "読み込むファイルのパスフレーズ", "Passphrase of the file to import";
    RecImport => "ファイルを読み込む", "Import a file";
    RecExported => "ファイルを書き出しました。", "File exported.";
    RecImported => "{count} 件の記録を読み込みました。", "Imported {count} record(s).";
    RecImportNeedsPassphrase => "暗号化されたファイルです。パスフレーズを入力してから選び直してください。{detail}", "The file is encrypted: enter its passphrase, then choose it again.{detail}";
    RecImportFailed => "読み込めません（何も変更していません）：{detail}", "Cannot import (nothing was changed): {detail}";
    ReportPlain => "この記録の要約です。推定値と推奨量は各薬剤の画面で確認してください。", "Summary of this record. Check estimates and dose advice on each drug's screen.";
    ReportNotRecorded => "未記録", "not recorded";
    ReportPatient => "患者", "Patient";
    ReportAge => "年齢", "Age";
    ReportWeight => "体重", "Weight";
    ReportHeight => "身長", "Height";
    ReportCreatinine => "血清クレアチニン", "Serum creatinine";
    ReportModel => "モデル", "Model";
    ReportDefaultModel => "既定のモデル", "default model";
    ReportDoses => "投与歴", "Doses";
    ReportLevels => "血中濃度", "Levels";
    ReportSeeScreen => "ベイズ推定と推奨投与量は薬剤の画面に表示されます。", "The Bayesian estimate and dose advice are on the drug's screen.";
    ReportFooter => "DMIP Monitor バージョン {version}", "DMIP Monitor version {version}";
    SelfIntro => "計算エンジンの参照例（NCA、NONMEMとのMAP推定、体表面積・腎機能の式、母集団モデルの典型値）をこのブラウザで計算し、期待値と比較します。", "Runs the engine's reference cases in this browser (NCA, MAP estimate vs NONMEM, body-surface-area and renal formulas, population-model typical values) and compares them with the expected values.";
    SelfSummary => "{total} 件中 {passed} 件合格", "{passed} of {total} passed";
    SelfGroup => "分類", "Group";
    SelfCase => "項目", "Case";
    SelfSource => "出典", "Source";
    SelfExpected => "期待値", "Expected";
    SelfComputed => "計算値", "Computed";
    SelfTolerance => "許容誤差", "Tolerance";
    SelfResult => "判定", "Result";
    SelfPass => "合格", "pass";
    SelfFail => "不合格", "FAIL";
    SelfSignature => "確認者：＿＿＿＿＿＿＿＿　日付：＿＿＿＿＿＿", "Checked by: ____________  Date: __________";

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

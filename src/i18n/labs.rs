//! Translation table for the biomarker, lung-function and infection timeline and the risk models.
//! The engine's notes and gap reasons are the engine's words, in both
//! languages (`dmip_engine::text`).

use super::table::table;

table! {
    LabKey;
    Title => "検査値", "Laboratory results";
    Intro => "バイオマーカー、呼吸機能、血液ガス、感染症の検査を入力します。数値の基準・カットオフは出典で確認できたものだけを出典付きで表示します。", "Enter biomarkers, lung function, blood gases and infection tests. Limits and cut-offs are shown only where a published source verifies them, with that source.";
    EntryTitle => "結果の入力", "Enter a result";
    Analyte => "検査項目", "Test";
    GroupMarkers => "血清マーカー", "Serum markers";
    GroupLung => "呼吸機能", "Lung function";
    GroupGas => "酸素化・血液ガス", "Oxygenation and blood gas";
    GroupInfection => "感染症の検査", "Infection monitoring";
    Date => "検査日", "Date";
    Value => "値", "Value";
    UnitLabel => "単位", "Unit";
    Assay => "測定法・キット", "Assay or kit";
    AssayNone => "未指定", "Not stated";
    AssayOther => "その他（名称を入力）", "Other (type its name)";
    AssayOtherName => "測定法・キットの名称", "Name of the assay or kit";
    AssayBml => "BML CLEIA", "BML CLEIA";
    AssayHiscl => "HISCL", "HISCL";
    AssayMk => "ファンギテック G テスト MK", "Fungitec G-test MK";
    AssayWako => "β-グルカンテストワコー", "β-glucan test Wako";
    Add => "追加", "Add";
    Delete => "削除", "Delete";
    ErrDate => "日付を入力してください", "Enter a date";
    ErrNumber => "数値を入力してください（入力：「{value}」）", "Please enter a number (got “{value}”)";
    ErrEmpty => "値を入力してください", "Please enter a value";
    ErrNegative => "0 以上の数値を入力してください（入力：「{value}」）", "Please enter a number of 0 or more (got “{value}”)";
    ErrRange => "{value} は取りうる範囲 {min}–{max} の外です", "{value} is outside the possible range {min}–{max}";
    ErrFio2Fraction => "{value} は割合の書き方です。FiO2 は % で入力してください（{value} → {percent}）", "{value} is a fraction: enter FiO2 in % ({value} → {percent})";
    ErrAssayName => "測定法・キットの名称を入力してください", "Type the name of the assay or kit";
    ErrOther => "入力を確認してください: {error}", "Please check the input: {error}";
    UseUnit => "{unit} に切り替える", "Switch to {unit}";
    ResultsTitle => "結果の推移", "Results over time";
    NoResults => "まだ結果がありません。", "No results yet.";
    ColDate => "日付", "Date";
    ColValue => "値", "Value";
    ColStatus => "基準との比較", "Against the limit";
    ColChange => "ベースラインからの変化", "Change from baseline";
    ColAssay => "測定法", "Assay";
    Reference => "基準: {limit}（出典: {source}）", "Reference: {limit} (source: {source})";
    StudyCutOff => "研究のカットオフ: {limit}（出典: {source}）", "Study cut-off: {limit} (source: {source})";
    LabsOwnRange => "施設の基準範囲を使用してください（確認済みの基準範囲がありません）", "Use the lab's own range (no verified reference interval for this test)";
    ReferenceRange => "基準範囲: {range}（出典: {source}）", "Reference interval: {range} (source: {source})";
    ReferenceBySex => "基準範囲: 男性 {male}、女性 {female}（出典: {source}）— 患者画面で性別を入力すると判定します", "Reference interval: men {male}, women {female} (source: {source}) — enter the sex on the Patient screen for a verdict";
    RangeLow => "低値（基準範囲下限未満）", "Low (below the reference interval)";
    RangeHigh => "高値（基準範囲上限超）", "High (above the reference interval)";
    RangeWithin => "基準範囲内", "Within the reference interval";
    AboveLimit => "超過（{fold}倍）", "Above ({fold}×)";
    WithinLimit => "範囲内（{fold}倍）", "Within ({fold}×)";
    NoVerdict => "判定なし", "No verdict";
    Baseline => "ベースライン", "Baseline";
    NotComparable => "比較不可（単位または測定法が異なる）", "Not comparable (unit or assay differs)";
    Notes => "注記", "Notes";
    SourceLabel => "出典", "Source";
    GasTitle => "血液ガス（A-aDO2 を計算）", "Blood gas (A-aDO2 computed)";
    GasAdd => "血液ガスを追加", "Add blood gas";
    GasConvention => "A-aDO2 = FiO2 ×（PB − PH2O）− PaCO2 / RQ − PaO2。PB 760 mmHg、PH2O 47 mmHg、RQ 0.8 は慣例の教科書値で、出典で確認した値ではありません。", "A-aDO2 = FiO2 × (PB − PH2O) − PaCO2 / RQ − PaO2. PB 760 mmHg, PH2O 47 mmHg and RQ 0.8 are conventional textbook values, not taken from a cited source.";
    AaDo2Title => "A-aDO2（血液ガスから計算）", "A-aDO2 (from blood gas)";
    AaDo2Negative => "負の値: 入力を確認してください", "Negative: check the inputs";
    PcpTitle => "ニューモシスチス肺炎の予防", "Pneumocystis prophylaxis";
    PcpAgents => "併用中の免疫抑制: {agents}", "Combined immunosuppression: {agents}";
    PcpNone => "併用免疫抑制は記録されていません（副腎皮質ステロイド、カルシニューリン阻害薬、IVCY のうち2つ以上で確認を促します）。", "No combined immunosuppression recorded (the reminder shows with two or more of: glucocorticoid, calcineurin inhibitor, IVCY).";
    AgentGc => "副腎皮質ステロイド", "glucocorticoid";
    AgentCsa => "シクロスポリン", "cyclosporine";
    AgentTac => "タクロリムス", "tacrolimus";
    AgentIvcy => "シクロホスファミド静注（IVCY）", "IV cyclophosphamide (IVCY)";
    RiskTitle => "リスクモデル", "Risk models";
    RiskAsOf => "基準日", "As of";
    RiskAsOfHint => "この日以前の最新値を使います。抗MDA5抗体、HRCTスコア、急速進行性は病型の入力から取ります。", "Uses the latest value on or before this date. Anti-MDA5, HRCT score and rapid progression come from the disease profile.";
    ModelFlair => "FLAIR（Lian 2020）", "FLAIR (Lian 2020)";
    ModelMck => "MCK（Gono 2021、Miyake 2025 の外部検証のカットオフ）", "MCK (Gono 2021; cut-offs as in the Miyake 2025 validation)";
    ModelGono2010 => "フェリチン（Gono 2010）", "Ferritin (Gono 2010)";
    ModelGono2012 => "A-aDO2 とフェリチン（Gono 2012）", "A-aDO2 and ferritin (Gono 2012)";
    ModelIsoda => "フェリチンと A-aDO2（Isoda 2014）", "Ferritin and A-aDO2 (Isoda 2014)";
    Missing => "不足している入力: {fields}", "Missing inputs: {fields}";
    InputsUsed => "使用した入力: {inputs}", "Inputs used: {inputs}";
    FlairTotal => "合計 {total} / 13 点: {group}", "Total {total} of 13 points: {group}";
    CriteriaMet => "{met} / {n} 項目が基準値以上", "{met} of {n} cut-offs met";
    CriterionLine => "{field} {value} {unit}（基準値 ≥ {cut} {unit}）: {verdict}", "{field} {value} {unit} (cut-off ≥ {cut} {unit}): {verdict}";
    Met => "該当", "met";
    NotMet => "非該当", "not met";
    Points => "{field}: {points} 点", "{field}: {points} points";
    NotAvailable => "提供できない項目", "Not available";
    ModelError => "計算できません: {error}", "Cannot compute: {error}";
    Mda5Negative => "陰性", "negative";
    Mda5Positive => "陽性（判定 +/++/+++ 未入力）", "positive (grade +/++/+++ not entered)";
    Yes => "あり", "yes";
    No => "なし", "no";
    PlotTitle => "経過（共通の時間軸）", "Time course (one time axis)";
    PlotNote => "薬剤は実測値、検査値のパネルは各項目の最初の値（0 を除く）を 100% とした比で表示します。実測値はグラフをタップして確認してください。", "Drugs are plotted as measured; laboratory panels as % of each test's first non-zero value. Tap the plot for measured values.";
    ZoomAll => "全期間", "All";
    Zoom90 => "直近90日", "Last 90 days";
    Zoom30 => "直近30日", "Last 30 days";
    ZoomLabel => "表示期間", "Range shown";
    ReadoutHint => "グラフをタップすると、その日付付近の値を表示します。", "Tap the plot to read the values near that date.";
    ReadoutNone => "{date}: この日付付近に値はありません", "{date}: no values near this date";
    PanelLevels => "血中濃度 (ng/mL)", "Blood levels (ng/mL)";
    PanelDoses => "1日投与量 (mg/日)", "Daily dose (mg/day)";
    PanelIvcy => "IVCY (mg)", "IVCY (mg)";
    PanelMarkers => "血清マーカー (初回値比 %)", "Serum markers (% of first)";
    PanelLung => "呼吸機能・血液ガス (初回値比 %)", "Lung function, blood gas (% of first)";
    PanelInfection => "感染症の検査 (初回値比 %)", "Infection tests (% of first)";
    PlotEmpty => "表示するデータがまだありません。", "No data to plot yet.";
    SeriesCsaLevel => "シクロスポリン濃度", "cyclosporine level";
    SeriesTacLevel => "タクロリムス濃度", "tacrolimus level";
    SeriesCsaDose => "シクロスポリン 1日量", "cyclosporine daily dose";
    SeriesTacDose => "タクロリムス 1日量", "tacrolimus daily dose";
    SeriesIvcy => "IVCY パルス", "IVCY pulse";
    SeriesAaDo2 => "A-aDO2", "A-aDO2";
    Legend => "凡例", "Legend";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_has_both_languages_and_the_same_placeholders() {
        super::super::check_table(
            LabKey::ALL,
            &[
                LabKey::AssayBml,
                LabKey::AssayHiscl,
                LabKey::PanelIvcy,
                LabKey::SeriesAaDo2,
            ],
        );
    }
}

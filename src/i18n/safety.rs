//! Translation table for interactions and adverse-event checks (the Safety
//! screen, the drug screens' headline and the report's co-medication section).
//! Terms as Japanese package inserts, guidelines and laboratory reports
//! write them; the engine's gaps and notes are its own words
//! (`dmip_engine::text`).

use super::table::table;

table! {
    SafetyKey;
    Title => "安全性", "Safety";
    InteractionsTitle => "併用薬と相互作用", "Co-medications and interactions";
    AdverseTitle => "有害事象のチェック", "Adverse-event checks";
    AdverseNote => "ベースライン＝各項目の最初の結果。閾値は出典で確認できたもののみ出典付きで表示し、ないものは理由を示します。", "Baseline = the first result of each item. Thresholds are shown only where a published source verifies them, with the source; otherwise the reason is given.";
    ResultsTitle => "入力済みの結果", "Results entered";

    ComedAdd => "併用薬を追加", "Add a co-medication";
    ComedHint => "一般名・商品名・略号（ST合剤、VRCZ など）で入力し Enter で追加。全角・半角、ひらがな・カタカナ、「錠」「mg」などの剤形・規格は区別しません。患者画面の併用薬と同じ一覧です。", "Type a generic name, brand or abbreviation (ST合剤, TMP-SMX, VRCZ…) and press Enter; width, case, kana, spacing and strengths such as “5 mg tablet” do not matter. Same list as on the Patient screen.";
    ComedEmpty => "薬剤名を入力してください。", "Type a drug name.";
    ComedDuplicate => "「{name}」はすでに一覧にあります。", "“{name}” is already in the list.";
    ComedRemove => "「{name}」を削除", "Remove “{name}”";
    ComedNone => "併用薬は登録されていません。", "No co-medications listed.";
    ComedPeriodHint => "開始・中止日時は分かる場合に入力してください（空欄：初回投与より前から／継続中）。アゾール系抗真菌薬の期間は、アゾール併用を共変量にもつモデル（Kirubakaran 2022）の計算に使われ、時系列グラフに表示されます。", "Enter the start and stop when known (blank: since before the first dose / still taken). An azole antifungal's period enters the model that has azole co-medication as a covariate (Kirubakaran 2022) and is shown on the timeline.";
    ComedStart => "開始", "Start";
    ComedStop => "中止", "Stop";
    ComedStopBeforeStart => "中止が開始より前です", "The stop is before the start";
    Add => "追加", "Add";
    Remove => "削除", "Delete";

    ScopeBoth => "シクロスポリン・タクロリムスの投与記録がないため、両方の添付文書で確認しています。", "No cyclosporine or tacrolimus doses are recorded: checked against both labels.";
    ScopeOn => "投与記録のある薬剤の添付文書で確認：{drugs}", "Checked against the label of the drug with doses recorded: {drugs}";
    LabelOf => "{drug}の添付文書", "{drug} label";
    ColComed => "併用薬", "Co-medication";
    ColCategory => "区分（添付文書）", "Category (JP label)";
    ColEffect => "機序・影響", "Mechanism / effect";
    ColLevel => "血中濃度", "Blood level";
    ColSource => "出典", "Source";
    PartnerAs => "添付文書の記載：{partner}", "label row: {partner}";
    ReadAs => "{drug}として確認", "read as {drug}";
    DidYouMean => "「{typed}」（もしかして「{name}」？）", "“{typed}” (did you mean “{name}”?)";
    Quoted => "「{typed}」", "“{typed}”";
    NoRow => "{drug}の添付文書で確認した項目に記載がない薬剤：{names} — 安全という意味ではありません。", "No row for these in the {drug} label rows read: {names} — this is not evidence of safety.";
    Quantified => "数値：{effect}（{source}）", "In numbers: {effect} ({source})";
    ReportTitle => "併用薬と相互作用", "Co-medications and interactions";
    ReportNone => "併用薬は登録されていません。", "No co-medications listed.";
    HeadContra => "{drug}と併用禁忌（添付文書）：{names} — 併用しないこととされています。", "Contraindicated with {drug} (Japanese label, 禁忌): {names} — the label says not to combine them.";
    HeadLevels => "{drug}の血中濃度を変える併用薬：{items} — 用量を決める前に血中濃度を再測定してください。", "Co-medications that change the {drug} level: {items} — recheck levels before deciding the dose.";
    HeadUp => "{name}（↑上昇）", "{name} (↑ rise)";
    HeadDown => "{name}（↓低下）", "{name} (↓ fall)";
    HeadUpQuantified => "{name}（↑上昇：{effect}、{source}）", "{name} (↑ rise: {effect}; {source})";
    HeadDownQuantified => "{name}（↓低下：{effect}、{source}）", "{name} (↓ fall: {effect}; {source})";
    HeadOthers => "ほかに併用注意・区分不明の併用薬 {count} 件：安全性画面で確認してください。", "{count} more co-medication(s) listed as 併用注意 or of unknown category: see the Safety screen.";
    HeadNotChecked => "確認できない併用薬名：{names}。", "Co-medication names not checked: {names}.";
    CategoryUnavailable => "区分不明：", "Category unavailable:";
    LevelUp => "血中濃度が変化します（↑上昇）— 再測定してください", "Levels will change (↑ rise) — recheck";
    LevelDown => "血中濃度が変化します（↓低下）— 再測定してください", "Levels will change (↓ fall) — recheck";
    RecheckBanner => "{drug}の血中濃度を変える併用薬があります：血中濃度を再測定してください。", "A co-medication changes the {drug} blood level: recheck levels.";
    NoHits => "この表で該当する組み合わせはありません。", "No pair from this table.";
    NotInTable => "{drug}の表で見つからない薬剤名：{names} — 確認していません（安全という意味ではありません）。", "Not found in the {drug} table: {names} — not checked (this is not evidence of safety).";

    WatchFor => "注意する有害事象：{concern}", "Watch for: {concern}";
    Baseline => "ベースライン", "Baseline";
    Latest => "最新", "Latest";
    Trend => "推移", "Trend";
    Change => "変化", "Change";
    Threshold => "閾値", "Threshold";
    NoResultsFor => "結果未入力の項目：{names}", "No results yet: {names}";
    NoResult => "結果なし", "no result";
    Unavailable => "表示できません：{reason}", "unavailable: {reason}";
    CutOff => "カットオフ値", "cut-off";
    LinkedBy => "{drug}：{concern}（記載：{source}）", "{drug}: {concern} — stated in {source}";
    NotComparable => "単位を換算できない結果は推移から除外：{dates}", "Left out of the trend (unit cannot be converted): {dates}";

    Analyte => "項目", "Item";
    Date => "日付", "Date";
    Value => "値", "Value";
    Unit => "単位", "Unit";
    AddResult => "結果を追加", "Add result";
    UseSuggested => "単位を変更：", "Switch unit to";

    ErrNotNumber => "{field}：数値を入力してください（入力：「{value}」）", "{field}: please enter a number (typed “{value}”)";
    ErrNegative => "{field}：負の値は入力できません（入力：「{value}」）", "{field}: cannot be negative (typed “{value}”)";
    ErrOutOfRange => "{field}：{value} は {min}～{max} の範囲外です", "{field}: {value} is outside {min}–{max}";
    ErrMissing => "{field}を入力してください", "{field}: required";
    ErrBadDate => "{field}：YYYY-MM-DD の形式で入力してください（入力：「{value}」）", "{field}: please enter a date as YYYY-MM-DD (typed “{value}”)";

}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_has_both_languages_and_the_same_placeholders() {
        super::super::check_table(SafetyKey::ALL, &[]);
    }
}

//! Translation table for interactions and adverse-event checks (issue 9).
//! Gap and note texts: English as the engine words them (a test in
//! `safety_ui::text` keeps them equal); terms from glossary-ja.md.

use super::table::table;

table! {
    SafetyKey;
    Title => "安全性", "Safety";
    InteractionsTitle => "併用薬と相互作用", "Co-medications and interactions";
    AdverseTitle => "有害事象のチェック", "Adverse-event checks";
    AdverseNote => "ベースライン＝各項目の最初の結果。閾値は臨床参照資料で検証されたもののみ出典付きで表示し、ないものは理由を示します。", "Baseline = the first result of each item. Thresholds are shown only where the clinical reference pack verifies them, with the source; otherwise the reason is given.";
    ResultsTitle => "入力済みの結果", "Results entered";

    ComedAdd => "併用薬を追加", "Add a co-medication";
    ComedHint => "一般名・商品名で入力し Enter で追加（候補は相互作用表の薬剤名）。患者画面の併用薬と同じ一覧です。", "Type a generic or brand name and press Enter (suggestions are the names in the interaction table). Same list as on the Patient screen.";
    ComedEmpty => "薬剤名を入力してください。", "Type a drug name.";
    ComedDuplicate => "「{name}」はすでに一覧にあります。", "“{name}” is already in the list.";
    ComedRemove => "「{name}」を削除", "Remove “{name}”";
    ComedNone => "併用薬は登録されていません。", "No co-medications listed.";
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
    PartnerAs => "表の項目：{partner}", "table entry: {partner}";
    CategoryUnavailable => "区分不明：", "Category unavailable:";
    LevelUp => "血中濃度が変化します（↑上昇）— 再測定してください", "Levels will change (↑ rise) — recheck";
    LevelDown => "血中濃度が変化します（↓低下）— 再測定してください", "Levels will change (↓ fall) — recheck";
    RecheckBanner => "{drug}の血中濃度を変える併用薬があります：血中濃度を再測定してください。", "A co-medication changes the {drug} blood level: recheck levels.";
    NoHits => "この表で該当する組み合わせはありません。", "No pair from this table.";
    NotInTable => "{drug}の表にない薬剤：{names} — 確認していません（安全という意味ではありません）。", "Not in the {drug} table: {names} — not checked (this is not evidence of safety).";

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

    GapCreatinineRise => "ベースラインからのクレアチニン上昇：シクロスポリン・タクロリムスの減量を考えるべき閾値（%・絶対値）は臨床参照資料で検証されていません。上昇率を表示します。最新の添付文書と施設の基準で判断してください。", "Creatinine rise from baseline: the clinical pack verifies no threshold (% or absolute) that should prompt a cyclosporine or tacrolimus dose reduction. The rise is shown; judge it against the current label and the institutional rule.";
    GapAdverseEvent => "カリウム、血圧、血糖、HbA1c、肝酵素（AST/ALT）について、この治療中の対応閾値も基準範囲も臨床参照資料で検証されていません。検査室の基準範囲と施設の基準を用いてください。", "The clinical pack verifies no action threshold for potassium, blood pressure, glucose, HbA1c or liver enzymes (AST/ALT) during this treatment, and no reference range for them; use the laboratory's range and the institutional rule.";
    GapMechanism => "添付文書にこの組み合わせの記載がありますが、機序は臨床参照資料に記載がないか未検証 [M] です。", "The label lists this pair; its mechanism is not given, or is unverified [M], in the clinical pack.";
    GapTacLiveVaccine => "タクロリムス＋生ワクチン：日本の添付文書での区分は未検証 [M] です（日本では併用注意とされ、米国では「避ける」）。最新のPMDA添付文書を確認してください。", "Tacrolimus + live vaccines: the Japanese label category is not verified [M] (believed 併用注意 in Japan; 'avoid' in the US). Check the current PMDA label.";
    GapAsunaprevir => "シクロスポリン＋アスナプレビル／バニプレビルは2024年7月改訂（DSU No.327）で禁忌から削除されました。現在の区分は臨床参照資料にありません。", "Cyclosporine + asunaprevir/vaniprevir were removed from 禁忌 in the Jul 2024 revision (DSU No.327); the current category is not in the pack.";
    NoteCoverage => "確認するのは臨床参照資料にある組み合わせのみです（一般名・記載の商品名）。ここにない薬剤も安全とは限りません。最新の添付文書を確認してください。", "Only the pairs in the clinical pack are checked, by generic or listed brand name; a drug not found here is not evidence of safety. Check the current package insert.";
    NoteCsaMeasure => "シクロスポリンはCYP3A4で代謝され、CYP3A4とP-gpを阻害し、P-gpの基質です：併用薬が変わったら血中濃度を測定してください。", "Cyclosporine is metabolised by CYP3A4, inhibits CYP3A4 and P-gp and is a P-gp substrate: measure levels when co-medications change.";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_has_both_languages_and_the_same_placeholders() {
        super::super::check_table(SafetyKey::ALL, &[]);
    }
}

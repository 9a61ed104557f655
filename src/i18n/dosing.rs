//! Translation table for prescribing on the drug screens: regimens written
//! as a prescription says them (clock times, meal timing, until changed),
//! the market's products, daily doses per kg, the next days' levels.

use super::table::table;

table! {
    DoseKey;
    Ongoing => "変更まで継続", "Until changed";
    OngoingCount => "変更まで", "until changed";
    ColMeal => "食事", "Meal";
    MealUnstated => "指定なし", "not stated";
    Breakfast => "朝食の時刻", "Breakfast time";
    BreakfastNote => "「朝食前」「朝食後・夕食後」の投与はこの時刻（と12時間後）で記入します。空欄なら 8:00 とします。", "Doses before or after breakfast (and 12 h later, after dinner) are written at this time. Blank: 8:00.";
    Applied => "記入しました：{regimen} {amount} mg、{start} から変更まで継続。", "Written: {regimen}, {amount} mg from {start}, until changed.";
    AppliedExtended => "記録の最後の用法（{dose}）は {ended} の投与で終わっていたため、推奨の前提どおり新しい用法の開始まで継続したものとして記録しました。投与されていなければ履歴を修正してください。", "The record's last regimen ({dose}) ended with the dose at {ended}: it is recorded as given until the new regimen starts, as the advice assumed. Correct the history if those doses were not given.";
    AppliedReplaces => "現在の用法は {due} の投与から置き換えられます。", "It replaces the current regimen from the dose due at {due}.";
    ApplyFailed => "記入できませんでした：{reason}", "Could not write it: {reason}";
    Continue => "現在の用量を継続", "Continue the current dose";
    Continued => "現在の用法（{dose}）を変更まで継続としました。", "The current regimen ({dose}) now goes on until changed.";
    AlreadyOngoing => "現在の用法（{dose}）は変更まで継続になっています。", "The current regimen ({dose}) already goes on until changed.";
    NoCurrent => "継続する用法がありません（投与歴に定期投与の行がありません）。", "No regimen to continue (the history has no regular-dose row).";
    Solution => "内用液 {ml} mL", "oral solution {ml} mL";
    Market => "製剤の規格", "Products";
    MarketJapan => "日本で販売されている規格", "as sold in Japan";
    MarketModelFile => "モデルファイルに記載の規格", "as listed in the model file";
    AboveLabelMax => "1日 {per_kg} mg/kg：添付文書の上限 {max} mg/kg/日を超えます（{source}）。", "{per_kg} mg/kg/day: above the label's maximum of {max} mg/kg/day ({source}).";
    OutsideUsual => "1日 {per_kg} mg/kg：通常量 {low}–{high} mg/kg/日の範囲外です（{source}）。", "{per_kg} mg/kg/day: outside the usual {low}–{high} mg/kg/day ({source}).";
    NextDaysTitle => "今後3日間の予測濃度", "The next three days";
    NextDaysNote => "選択肢ごとに、今から72時間の各投与の予測濃度（個別予測。測定値がなければ母集団予測）。C0 は投与直前、C2 は投与2時間後。変更までは現在の用法が続くものとします。", "For each option, the predicted level at each dose in the 72 h from now (individual prediction; the population prediction without levels). C0 just before the dose, C2 two hours after it. The current regimen is taken to go on until the change.";
    ColOption => "選択肢", "Option";
    ColFirstDose => "最初の変更", "First change";
    ColDay1 => "0–24 時間", "0–24 h";
    ColDay2 => "24–48 時間", "24–48 h";
    ColDay3 => "48–72 時間", "48–72 h";
    PlanAdvice => "{regimen}、1回 {amount} mg", "{regimen}, {amount} mg";
    PlanHold => "{held} 回休薬し、1回 {amount} mg で再開", "hold {held} dose(s), resume with {amount} mg";
    NoLevel => "—", "—";
    WeightUnknown => "体重が未入力のため、1日量（mg/kg）は確認していません。", "Weight not entered: the daily dose per kg is not checked.";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_has_both_languages_and_the_same_placeholders() {
        super::super::check_table(DoseKey::ALL, &[DoseKey::NoLevel]);
    }
}

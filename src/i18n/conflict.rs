//! Translation table for two tabs saving one record (no edit lost silently):
//! the conflict line on the save state and the names of the fields it names.

use super::table::table;

table! {
    ConflictKey;
    Line => "別のタブでもこの記録が保存されました。次の項目は両方で変更されていたため、この画面の値は保存せず、保存済みの値を残しました：{fields}。確認して、必要なら入力し直してください。", "Another tab saved this record too. These fields were changed in both, so the value typed here was not saved and the stored one was kept: {fields}. Check them and type again if needed.";
    Field => "{field}（この画面：{mine}、保存済み：{theirs}）", "{field} (typed here: {mine}, stored: {theirs})";
    Dismiss => "閉じる", "Dismiss";
    Weight => "体重", "weight";
    Height => "身長", "height";
    Age => "年齢", "age";
    Sex => "性別", "sex";
    Creatinine => "血清クレアチニン", "creatinine";
    CreatinineUnit => "クレアチニンの単位", "creatinine unit";
    Hematocrit => "ヘマトクリット", "haematocrit";
    Albumin => "アルブミン", "albumin";
    Cyp3a5 => "CYP3A5 遺伝子型", "CYP3A5 genotype";
    Breakfast => "朝食の時刻", "breakfast time";
    Label => "記録の名前", "record name";
    Notes => "メモ", "notes";
    Amount => "投与量", "dose amount";
    Interval => "投与間隔", "dose interval";
    Count => "投与回数", "dose count";
    Level => "血中濃度", "level";
    DoseRow => "投与の行", "dose row";
    LevelRow => "血中濃度の行", "level row";
    Comedication => "併用薬", "co-medication";
    Prednisolone => "プレドニゾロン", "prednisolone";
    Target => "目標範囲", "target range";
    Model => "モデルの選択", "model choice";
    Other => "その他の項目（{name}）", "another field ({name})";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_has_both_languages_and_the_same_placeholders() {
        super::super::check_table(ConflictKey::ALL, &[]);
    }
}

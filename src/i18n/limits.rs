//! Translation table for the engine's plausibility limits
//! (`dmip_engine::clinical::limits`, `dmip_engine::dosing::limits`): a value
//! outside its range, the unit question, a year or a dose count typed in a
//! dose row. The engine's own refusals are its words (`dmip_engine::text`).

use super::table::table;

table! {
    LimitKey;
    BelowPlausible => "{min} 以上の数値を入力してください。値と単位を確認してください（入力：「{value}」）", "Must be at least {min}: check the value and its unit (got “{value}”)";
    Question => "{meant} {unit} のことですか？「{value}」は{other}の値のようです。", "Did you mean {meant} {unit}? “{value}” looks like {other}.";
    YearField => "年は {min}〜{max} 年の範囲で入力してください（入力：{year} 年）", "The year must be within {min}–{max} (got {year})";
    CountField => "1行の投与回数は最大 {max} 回です（入力：「{value}」）", "At most {max} doses in a row (got “{value}”)";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_has_both_languages_and_the_same_placeholders() {
        super::super::check_table(LimitKey::ALL, &[]);
    }
}

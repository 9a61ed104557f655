//! Translation table for the engine's plausibility limits
//! (`dmip_engine::clinical::limits`, `dmip_engine::dosing::limits`): a value
//! outside its range, the unit question, a time or count refused before any
//! computation.

use super::table::table;

table! {
    LimitKey;
    BelowPlausible => "{min} 以上の数値を入力してください。値と単位を確認してください（入力：「{value}」）", "Must be at least {min}: check the value and its unit (got “{value}”)";
    Question => "{meant} {unit} のことですか？「{value}」は{other}の値のようです。", "Did you mean {meant} {unit}? “{value}” looks like {other}.";
    Year => "{place}：{year} 年は受け付けられる範囲（{min}〜{max} 年）の外です", "{place}: the year {year} is outside {min}–{max}";
    Amount => "{place}：1回 {value} mg は受け付けられる範囲（{min}〜{max} mg）の外です", "{place}: {value} mg per dose is outside {min}–{max} mg";
    Interval => "{place}：投与間隔 {value} 時間は受け付けられる範囲（{min}〜{max} 時間）の外です", "{place}: a dose every {value} h is outside {min}–{max} h";
    Count => "{place}：{count} 回は多すぎます（1行あたり最大 {max} 回）", "{place}: {count} doses; at most {max} per row";
    Horizon => "予測期間 {value} 時間は長すぎます（最大 {max} 時間）", "A forecast of {value} h; at most {max} h";
    Level => "{place}：{value} ng/mL は濃度として使えません（負の値、{max} ng/mL 超、または数値でない）", "{place}: {value} ng/mL is not a concentration (negative, above {max} ng/mL, or not a number)";
    YearField => "年は {min}〜{max} 年の範囲で入力してください（入力：{year} 年）", "The year must be within {min}–{max} (got {year})";
    CountField => "1行の投与回数は最大 {max} 回です（入力：「{value}」）", "At most {max} doses in a row (got “{value}”)";
    TooMany => "{what}が多すぎます：{count}（最大 {max}）", "{count} {what}; at most {max}";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_has_both_languages_and_the_same_placeholders() {
        super::super::check_table(LimitKey::ALL, &[]);
    }
}

//! Translation table for what changes over time: the prednisolone rows of
//! the Patient form, the drug screen's covariates over time and what a
//! change of meal timing does (the engine words its own notes:
//! `dmip_engine::text`), and the timeline's prednisolone and period panels.

use super::table::table;

table! {
    TimeKey;
    PslTitle => "プレドニゾロン（1日量の推移）", "Prednisolone (daily dose over time)";
    PslNote => "減量は1行ずつ入力します（開始日時と1日量）。開始日時が空欄の行は初回投与より前から続く量です。最初の開始日時より前はプレドニゾロンなしとして計算します。", "Enter a taper one row at a time (start and daily dose). A row with a blank start holds from before the first dose; before the first row with a start, there is no prednisolone.";
    PslColDose => "1日量", "Daily dose";
    PslBeforeFirst => "初回投与より前から", "since before the first dose";
    PslNone => "プレドニゾロンは入力されていません。", "No prednisolone entered.";
    PslStartOptional => "開始日時（空欄：初回投与より前から）", "Start (blank: since before the first dose)";

    MealNote => "服用タイミング（食前・食後）が変わると、吸収に機会間変動をもつモデル（Umpierrez 2021、Press 2010）では新しい吸収の機会として計算し、それまでの測定値から推定した吸収は引き継ぎません。", "A change of meal timing (before / after meals) starts a new absorption occasion in the models with between-occasion variability on absorption (Umpierrez 2021, Press 2010): the absorption estimated from the earlier levels is not carried over.";

    OverTimeTitle => "時間とともに変わる共変量", "Covariates over time";
    OverTimeNone => "このモデルの共変量で、記録上時間とともに変わるものはありません。", "None of this model's covariates changes over time in the record.";
    OverTimeBefore => "{value} {unit}（初回投与より前から）", "{value} {unit} since before the first dose";
    OverTimeFrom => "{value} {unit}（{start} から）", "{value} {unit} from {start}";


    PanelPrednisolone => "プレドニゾロン (mg/日)", "Prednisolone (mg/day)";
    PanelPeriods => "併用薬・服用タイミング", "Co-medications and meal timing";
    SeriesPsl => "プレドニゾロン 1日量", "Prednisolone daily dose";
    SeriesMeal => "{drug}（{meal}）", "{drug} ({meal})";
    ReadoutOn => "服用中", "taken";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_has_both_languages_and_the_same_placeholders() {
        super::super::check_table(TimeKey::ALL, &[]);
    }
}

//! Translation table for model averaging on the drug screens: the model
//! choice (the average or one pinned model, LL or AIC weights), the
//! weights table, the headline's and the report's sentences, and why a
//! model was left out.

use super::table::table;

table! {
    AvgKey;
    ChoiceAverage => "全モデルの平均（既定）", "Average of all models (default)";
    Weighting => "重み付け", "Weighting";
    WeightingLl => "尤度：exp(−OFV/2)", "Likelihood: exp(−OFV/2)";
    WeightingAic => "AIC：exp(−OFV/2 − η の数)", "AIC: exp(−OFV/2 − number of η)";
    WeightingEvidence => "周辺尤度（ラプラス近似）：exp(−(OFV − ln det(ΣΩ⁻¹))/2)", "Marginal likelihood (Laplace): exp(−(OFV − ln det(ΣΩ⁻¹))/2)";
    WeightingDefault => "{name}（この薬の既定）", "{name} (this drug's default)";
    WeightingWhyAic => "タクロリムスの既定は AIC です。3 つのモデルそれぞれから 500 例の仮想患者を作り次回トラフ値を予測したところ、AIC による平均の誤差はどのモデルが真でも真のモデルの誤差の 10% 以内でしたが、尤度による平均は Kirubakaran 2022 が真のとき 17〜27% 上回りました（残差誤差の小さいモデルに重みが偏るため）。", "AIC is tacrolimus's default: forecasting the next trough in 500 virtual patients of each of its three models, the AIC average's error stayed within 10 % of the true model's whichever was true, while the likelihood average's was 17–27 % above it when Kirubakaran 2022 was true (the weights leaned to the models with the tighter residual error).";
    WeightingNote => "各モデルをこの患者の測定値に当てはめ、目的関数値（OFV）から重みを計算して予測を平均します（Uster DW ら Clin Pharmacol Ther 2021;109:175-183）。1つのモデルだけを使うときは上で選んでください。", "Each model is fitted to this patient's levels, weighted by its objective function value (OFV), and the predictions are averaged (Uster DW et al. Clin Pharmacol Ther 2021;109:175-183). To use one model only, choose it above.";
    Title => "モデル平均", "Model average";
    ColModel => "モデル", "Model";
    ColWeight => "重み", "Weight";
    ColOfv => "目的関数値（OFV）", "OFV";
    ColNext => "次回の測定値の予測", "Its forecast of the next level";
    ColDose => "推奨投与量", "Its dose";
    RowAverage => "平均", "Average";
    LeftOut => "除外：{reason}", "Left out: {reason}";
    EqualWeights => "測定値がまだないため、各モデルの重みは等しくしています。", "No level yet: the models weigh the same.";
    LeadNote => "推定値（η）と次回の採血時刻は、重みが最大のモデル（{model}）のものです。", "The estimate (η) and the next sampling time are those of the heaviest model, {model}.";
    OfvNote => "OFV は測定値の尺度での値です（誤差が ln C 上のモデルは 2·Σ ln y を加えています）。", "OFV on the levels' scale (a model with its error on ln C gets 2·Σ ln y added).";
    AssumedTypicalShort => "{name} {value} {unit}（典型値を仮定）", "{name} {value} {unit} (typical value assumed)";
    AssumedGenotypeShort => "{name}：{genotype}（確率 {weight}）", "{name}: {genotype} ({weight})";
    Suggest => "モデル平均（{weights}）の推奨：{regimen}、1回 {dose} mg。", "The models' average ({weights}) suggests {dose} mg, {regimen}.";
    EqualShort => "測定値がないため、各モデルの重みは等しくしています。", "Without a level the models weigh the same.";
    Assumed => "未入力の共変量は各モデルの既定値で計算しています：{list}。", "Covariates not given are computed with each model's stated default: {list}.";
    Keep => "目標範囲内のため、現在の用量（{regimen}、1回 {dose} mg）の継続を勧めます（この用量での定常状態のモデル平均の確率：範囲未満 {below}、範囲内 {probability}、範囲超 {above}。どちらか一方が {at} 以上のときだけ変更を提案します）。", "In range: keep the current dose, {dose} mg, {regimen} (the models' average probabilities at steady state on it: below the range {below}, in range {probability}, above {above}; a change is suggested only when one side reaches {at}).";
    Change => "目標範囲内ですが、測定値に合うモデル平均では現在の用量の定常状態で範囲未満 {below}、範囲超 {above} となり、一方が {at} 以上のため、変更を提案します。", "In range, but the models' average, which fits the levels, gives {below} below and {above} above the range at steady state on the current dose: one side reaches {at}, so it suggests a change.";
    Misfit => "モデル平均がこの患者の測定値に合っていません（{reasons}）。採血時刻と記録を確認するか、測定値に合うモデルを選んでください。", "The models' average does not fit this patient's levels ({reasons}): check the sampling times and the record, or choose a model that fits.";
    ModelReason => "{model}：{reason}", "{model}: {reason}";
    ReportModel => "モデル平均（{weighting}）", "Model average ({weighting})";
    ReportLine => "{model}：重み {weight}、OFV {ofv}、次回の予測 {next}、推奨 {dose}", "{model}: weight {weight}, OFV {ofv}, next level {next}, its dose {dose}";
    ReportAssumed => "未入力の共変量は既定値：{list}", "Covariates not given, at the model's default: {list}";
    ReportSameNote => "{model} と同じ注意", "Same note as {model}";
    ReportEstimateOf => "（{model}：重みが最大のモデル）", " ({model}, the heaviest model)";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_has_both_languages_and_the_same_placeholders() {
        super::super::check_table(AvgKey::ALL, &[]);
    }
}

//! Translation table for the population check (each model's typical patient
//! against the DM/PM-IP cohorts: the drug screen's model section and the
//! self-check screen) and the tacrolimus starting dose before any level.

use super::table::table;

table! {
    PopKey;
    Title => "母集団チェック：各モデルの典型患者と DM/PM-IP の報告値", "Population check: each model's typical patient against DM/PM-IP cohorts";
    Summary => "母集団チェック（{flagged}/{total} 件が報告値から外れています）", "Population check ({flagged} of {total} comparisons off the cohort)";
    Intro => "体重 {weight} kg・身長 {height}・性別 {sex} の典型患者（η = 0、定常状態）の予測値です。そのほかの共変量は各モデルの既定値（各行に記載）、プレドニゾロンは DM-IP コホートと同じ 1 mg/kg/日（{psl} mg/日）として計算しており、Press 2010 のプレドニゾロン効果（20 mg/日以上）は入っています。効果を外した計算は「改変モデル」と明記しています。", "Predictions for a typical patient (η = 0, steady state) of {weight} kg, height {height}, sex {sex}. Every other covariate is at each model's stated default (named in its row); prednisolone is 1 mg/kg/day as in the DM-IP cohorts ({psl} mg/day), so Press 2010's prednisolone effect (≥ 20 mg/day) is on. A computation without it is labelled a variant.";
    PslSource => "プレドニゾロン量の出典：{source}", "Prednisolone dose: {source}";
    Reference => "記録に体重がないため、参照患者（55 kg、158 cm、女性）で計算しています。", "No weight in the record: computed for the reference patient (55 kg, 158 cm, woman).";
    Unknown => "未入力（既定値）", "not given (default)";
    Female => "女性", "woman";
    Male => "男性", "man";
    ColModel => "モデル", "Model";
    ColRegimen => "用法・用量", "Regimen";
    ColCompared => "モデル予測値と報告値", "Model and cohort";
    ColVerdict => "判定", "Verdict";
    Regimen => "1回 {dose} mg、{hours} 時間ごと（{mgkg} mg/kg/日）", "{dose} mg every {hours} h ({mgkg} mg/kg/day)";
    Reaching => "C2 が {value} ng/mL になる投与量", "the dose that puts C2 at {value} ng/mL";
    Compared => "{metric}：モデル {model}、報告値 {cohort} ng/mL（比 {ratio}）", "{metric}: model {model}, cohort {cohort} ng/mL (ratio {ratio})";
    WithinSd => "1 SD 以内（{sds} SD）", "within 1 SD ({sds} SD)";
    BeyondSd => "1 SD を超えて外れる（{sds} SD）", "more than 1 SD away ({sds} SD)";
    InRange => "報告範囲内", "inside the cohort's range";
    OutsideRange => "報告範囲外", "outside the cohort's range";
    MeanOnly => "平均値のみの報告（判定なし）", "only a mean published (no verdict)";
    Variant => "改変モデル：プレドニゾロン効果なし（PSL 0）", "variant: prednisolone effect off (PSL 0)";
    Genotype => "CYP3A5 は非発現型（*3/*3）で計算しています（日本人患者で多い遺伝子型で、C/D の報告値もこの遺伝子型のものです）。", "CYP3A5 computed as non-expresser (*3/*3): the more frequent genotype in Japanese patients, and the genotype of the C/D figure.";
    NotComputed => "計算できません：{reason}", "Not computed: {reason}";
    Source => "出典：{source}", "Source: {source}";
    ReportTitle => "母集団チェック（各モデルの典型患者と DM/PM-IP の報告値）", "Population check (each model's typical patient against DM/PM-IP cohorts)";
    ReportIntro => "典型患者（η = 0、定常状態）：{weight} kg、プレドニゾロン {psl} mg/日（1 mg/kg/日）。身長 {height}・性別 {sex}、そのほかはモデルの既定値。太字：1 SD 超または報告範囲外。", "Typical patient (η = 0, steady state): {weight} kg, prednisolone {psl} mg/day (1 mg/kg/day); height {height}, sex {sex}, the rest at the models' defaults. Bold: beyond 1 SD or out of range.";
    ReportColCohort => "報告値", "Cohort";
    ReportEvery => "{hours} 時間ごと", "every {hours} h";
    ReportHead => "{cohort}：{figures}", "{cohort}: {figures}";
    ReportCell => "1回 {dose} mg：{values}", "{dose} mg: {values}";
    ReportValue => "{metric} {model}（{verdict}）", "{metric} {model} ({verdict})";
    ReportWithin => "{sds} SD", "{sds} SD";
    ReportBeyond => "{sds} SD、1 SD 超", "{sds} SD, beyond 1 SD";
    ReportInRange => "範囲内", "in range";
    ReportOutside => "範囲外", "out of range";
    ReportRatio => "比 {ratio}", "ratio {ratio}";
    ReportVariantNote => "Press 2010 のプレドニゾロン効果を外した改変モデル：シクロスポリンの画面を参照。", "Press 2010 without its prednisolone effect (a variant): see the cyclosporine screen.";
    StartTitle => "開始投与量（血中濃度の測定前）", "Starting dose (no level yet)";
    StartLabel => "添付文書：1回 {dose} mg、1日2回朝食後・夕食後（0.0375 mg/kg = {exact} mg、0.5 mg 刻み、1日上限 0.3 mg/kg）{capped}。", "Label: {dose} mg twice daily after breakfast and dinner (0.0375 mg/kg = {exact} mg, in 0.5-mg steps, at most 0.3 mg/kg/day){capped}.";
    StartAveraged => "モデル平均（測定値なし・等しい重み）：1回 {dose} mg、12 時間ごと（目標 {aim} ng/mL に対する C0 予測 {c0} ng/mL；{models}）{capped}。", "Models' average a priori (no level, equal weights): {dose} mg every 12 h (predicted C0 {c0} ng/mL for the aim {aim} ng/mL; {models}){capped}.";
    StartModel => "{name} 1回 {dose} mg", "{name} {dose} mg";
    StartFormula => "日本人 DM-ILD の用量式（少数例での確認用）：{genotype}1回 {dose} mg、12 時間ごと（1日 {daily} mg = 目標 {aim} × 体重 ÷ {divisor}）{capped}。", "Japanese DM-ILD dose formula (a check from a small sample): {genotype} {dose} mg every 12 h ({daily} mg/day = aim {aim} × weight ÷ {divisor}){capped}.";
    StartCapped => "（1日 0.3 mg/kg の上限で制限）", " (capped at 0.3 mg/kg/day)";
    StartGenotypeAssumed => "CYP3A5 が不明のため、モデル平均は日本人患者で多い非発現型（*3/*3）で計算しています。", "CYP3A5 unknown: the models' average is computed for the non-expresser (*3/*3), the more frequent genotype in Japanese patients.";
    StartNoWeight => "体重を入力すると開始用量を表示します。", "Enter the weight to see the starting dose.";
    NonExpresser => "非発現型（*3/*3）：", "non-expresser (*3/*3):";
    Expresser => "発現型（*1 保有）：", "expresser (*1 carrier):";
}

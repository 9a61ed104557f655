//! The translation table: every key with its Japanese and English text.
//! Japanese terms are the usual forms of Japanese package inserts,
//! guidelines and laboratory reports, not literal translations (C0, AUC,
//! KL-6 and such stay in Latin letters). `{name}` marks a value filled in
//! by [`super::fill`].

/// Declares a table: an enum of keys, `ALL`, and [`Text`] giving each key's
/// Japanese and English text. The main table is [`Key`]; each screen area may
/// declare its own (`ivcy.rs`, `labs.rs`, `safety.rs`), checked by the same
/// tests ([`super::check_table`]).
macro_rules! table {
    ($name:ident; $($key:ident => $ja:literal, $en:literal;)+) => {
        /// A string the UI shows.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum $name { $($key),+ }

        impl $name {
            /// Every key, in table order.
            pub const ALL: &'static [$name] = &[$($name::$key),+];

            /// The text of this key in `lang`.
            pub fn text(self, lang: $crate::i18n::Lang) -> &'static str {
                match (self, lang) {
                    $(($name::$key, $crate::i18n::Lang::Ja) => $ja,
                      ($name::$key, $crate::i18n::Lang::En) => $en,)+
                }
            }
        }

        impl $crate::i18n::Text for $name {
            fn text(self, lang: $crate::i18n::Lang) -> &'static str {
                $name::text(self, lang)
            }
        }
    };
}
pub(crate) use table;

table! {
    Key;
    AppName => "DMIP Monitor", "DMIP Monitor";
    AppTagline => "皮膚筋炎に伴う間質性肺炎の治療支援", "Treatment support for interstitial pneumonia in dermatomyositis";
    Version => "バージョン", "Version";
    NavLabel => "画面", "Screens";
    LangSwitch => "表示言語", "Language";
    Disclaimer => "研究・教育用の試作版です。臨床判断は医師が行ってください。", "Research and teaching prototype. Clinical decisions remain with the physician.";

    ScreenPatient => "患者", "Patient";
    ScreenCyclosporine => "シクロスポリン", "Cyclosporine";
    ScreenTacrolimus => "タクロリムス", "Tacrolimus";
    ScreenCyclophosphamide => "シクロホスファミド", "Cyclophosphamide";
    ScreenBiomarkers => "バイオマーカー", "Biomarkers";
    ScreenSafety => "安全性", "Safety";
    ScreenReport => "レポート", "Report";
    ScreenRecords => "記録", "Records";


    DemoTitle => "濃度推移のデモ", "Concentration–time demo";
    DemoNote => "参照モデル（mapbayr の例題モデル 001：1-コンパートメント、一次吸収、CL 4 L/h、V 70 L、KA 1 /h）の典型的な患者での計算例です。シクロスポリンのモデルではありません。臨床判断には使用しないでください。", "Typical subject of a reference model (mapbayr example model 001: one compartment, first-order absorption, CL 4 L/h, V 70 L, KA 1 /h). Not a cyclosporine model; not for clinical decisions.";
    FieldDose => "投与量", "Dose";
    FieldInterval => "投与間隔", "Dosing interval";
    UnitMg => "mg", "mg";
    UnitHours => "時間", "h";
    UnitMgPerL => "mg/L", "mg/L";
    PeakLabel => "最高濃度（0–{hours} 時間）", "Peak concentration (0–{hours} h)";
    PeakAt => "{time} 時間の時点", "at {time} h";
    NotComputable => "計算できません", "Not computable";
    AxisTime => "時間 (h)", "Time (h)";
    AxisConcentration => "濃度 (mg/L)", "Concentration (mg/L)";
    PlotDescription => "濃度–時間曲線（最高濃度 {peak} mg/L）", "Concentration–time curve (peak {peak} mg/L)";
    PlotFailed => "グラフを描画できません：{error}", "The plot could not be drawn: {error}";

    // ── Patient, cyclosporine and tacrolimus screens: add keys here.
    TdmPatientTitle => "患者背景", "Patient background";
    TdmPatientNote => "薬物動態モデルと腎機能・体表面積の計算に使う値です。空欄は未入力として扱います。", "Values used by the pharmacokinetic models and the renal and body-size equations. Empty fields count as not given.";
    TdmAge => "年齢", "Age";
    TdmUnitYears => "歳", "years";
    TdmSex => "性別", "Sex";
    TdmSexFemale => "女性", "female";
    TdmSexMale => "男性", "male";
    TdmUnknown => "不明", "unknown";
    TdmWeight => "体重", "Weight";
    TdmHeight => "身長", "Height";
    TdmCreatinine => "血清クレアチニン", "Serum creatinine";
    TdmCreatinineUnit => "クレアチニンの単位", "Creatinine unit";
    TdmUnitMgDl => "mg/dL（酵素法）", "mg/dL (enzymatic)";
    TdmUnitUmolL => "µmol/L（マイクロモル）", "µmol/L";
    TdmHematocrit => "ヘマトクリット", "Haematocrit";
    TdmAlbumin => "アルブミン", "Albumin";
    TdmCyp3a5 => "CYP3A5 遺伝子型", "CYP3A5 genotype";
    TdmCyp3a5Expresser => "発現型（*1 保有）", "expresser (*1 carrier)";
    TdmCyp3a5NonExpresser => "非発現型（*3/*3）", "non-expresser (*3/*3)";
    TdmPrednisolone => "プレドニゾロン（PSL）", "Prednisolone (PSL)";
    TdmUnitMgPerDay => "mg/日", "mg/day";
    TdmComedications => "併用薬（1 行に 1 剤）", "Co-medications (one per line)";
    TdmBsaTitle => "体表面積", "Body surface area";
    TdmBsaDuBois => "DuBois 式", "DuBois formula";
    TdmBsaMosteller => "Mosteller 式", "Mosteller formula";
    TdmBsaFujimoto => "藤本式（Fujimoto 1968）", "Fujimoto formula (1968)";
    TdmRenalTitle => "腎機能", "Renal function";
    TdmRenalCg => "クレアチニンクリアランス（Cockcroft–Gault 式）", "Creatinine clearance (Cockcroft–Gault)";
    TdmRenalCkdEpi => "eGFR（CKD-EPI 2021 式）", "eGFR (CKD-EPI 2021)";
    TdmRenalJsn => "eGFR（日本腎臓学会の推算式）", "eGFR (Japanese Society of Nephrology equation)";
    TdmNeedsHeightWeight => "計算できません（不足：身長、体重）", "Not computable (missing: height, weight)";
    TdmNeedsAgeSexCreatinine => "計算できません（不足：年齢、性別、血清クレアチニン）", "Not computable (missing: age, sex, serum creatinine)";
    TdmErrNotNumber => "数値を入力してください（入力：「{value}」）", "Please enter a number (got “{value}”)";
    TdmErrBelowMin => "{min} 以上の数値を入力してください（入力：「{value}」）", "Must be at least {min} (got “{value}”)";
    TdmErrNotAbove => "{min} より大きい数値を入力してください（入力：「{value}」）", "Must be greater than {min} (got “{value}”)";
    TdmErrAboveMax => "{max} 以下の数値を入力してください。値と単位を確認してください（入力：「{value}」）", "Must be at most {max}: check the value and its unit (got “{value}”)";
    TdmErrDateTime => "日付と時刻を入力してください", "Please enter a date and time";
    TdmErrPositive => "正の数値を入力してください", "Please enter a positive number";
    TdmErrCount => "回数は 1 以上の整数にしてください", "The count must be a whole number of at least 1";
    TdmErrValueOrBlq => "濃度を入力するか「定量下限未満」を選んでください", "Enter a value or tick “below the limit of quantification”";
    TdmErrLloq => "定量下限未満の場合は定量下限（正の数値）を入力してください", "Below the limit: enter the limit of quantification (a positive number)";
    TdmErrHighBelowLow => "上限が下限より小さくなっています", "The upper end is below the lower end";
    TdmDosesTitle => "投与歴", "Dosing history";
    TdmDosesNote => "時刻はこの端末の時刻（UTC との時差込み）で記録します。「回数」は同じ間隔で続けた投与の回数です。", "Times are this device's clock time (kept with its UTC offset). “Count” is the number of doses given at that interval.";
    TdmProduct => "製剤", "Product";
    TdmFormNeoral => "ネオーラル", "Neoral";
    TdmFormPrograf => "プログラフ（1日2回）", "Prograf (twice daily)";
    TdmFormGraceptor => "グラセプター（1日1回）", "Graceptor (once daily)";
    TdmChangesTitle => "飲み忘れ・服用時刻のずれ", "Missed and late doses";
    TdmChangesNote => "予定された投与（上の投与歴の一回分）の日時を入力し、飲み忘れか実際の服用日時を記録します。", "Enter when a dose of the history above was due, then record it as missed or give the time it was actually taken.";
    TdmChangeScheduled => "予定日時", "Due at";
    TdmChangeKind => "記録", "What happened";
    TdmChangeMissed => "飲み忘れ", "Missed";
    TdmChangeLate => "時刻がずれた", "Taken at another time";
    TdmChangeTaken => "実際の服用日時", "Taken at";
    TdmChangeAdd => "記録する", "Record";
    TdmChangeNoDose => "この日時に予定された投与がありません（投与歴を確認してください）", "No dose of the history is due at this time (check the history)";
    TdmChangeNone => "記録はありません。", "None recorded.";
    TdmColStart => "開始日時", "Start";
    TdmColAmount => "1回量", "Amount";
    TdmColInterval => "投与間隔", "Interval";
    TdmColCount => "回数", "Count";
    TdmColSteadyState => "開始時に定常状態", "At steady state";
    TdmEvery12h => "12 時間ごと", "every 12 h";
    TdmEvery24h => "24 時間ごと", "every 24 h";
    TdmEveryHours => "{hours} 時間ごと", "every {hours} h";
    TdmSingleDose => "単回", "single dose";
    TdmEveryHoursTimes => "{hours} 時間ごと × {count} 回", "every {hours} h × {count}";
    TdmYes => "はい", "yes";
    TdmNo => "いいえ", "no";
    TdmEdit => "編集", "Edit";
    TdmDelete => "削除", "Delete";
    TdmSortByTime => "時刻順に並べる", "Sort by time";
    TdmUndo => "元に戻す", "Undo";
    TdmAddRow => "追加", "Add";
    TdmSaveRow => "変更を保存", "Save changes";
    TdmLevelsTitle => "血中濃度（全血）", "Levels (whole blood)";
    TdmLevelsNote => "採血時刻と最終投与からの時間を照合します。ラベルと実際の時間が合わない場合は実際の時刻で計算します。", "Each sample is checked against the last dose; when its label and the clock disagree, its real time is used.";
    TdmColSampled => "採血日時", "Sampled";
    TdmColLabel => "ラベル", "Label";
    TdmColValue => "値", "Value";
    TdmColAfterDose => "投与後時間", "After the dose";
    TdmColAssay => "測定法", "Assay";
    TdmLabelOther => "その他", "other";
    TdmBlq => "定量下限未満", "Below the limit of quantification";
    TdmLloq => "定量下限", "Limit of quantification";
    TdmBelowLloq => "定量下限未満（< {lloq} ng/mL）", "below the limit (< {lloq} ng/mL)";
    TdmHoursAfter => "投与 {hours} 時間後", "{hours} h after the dose";
    TdmModelTitle => "母集団薬物動態モデル", "Population pharmacokinetic model";
    TdmModel => "モデル", "Model";
    TdmCitation => "文献", "Citation";
    TdmPopulation => "モデル作成集団", "Source population";
    TdmAssay => "測定法", "Assay";
    TdmStrengths => "カプセル規格", "Capsule strengths";
    TdmCovariatesUsed => "使用した共変量", "Covariates used";
    TdmResultsTitle => "結果", "Results";
    TdmNotComputable => "計算できません：{reason}", "Not computable: {reason}";
    TdmSummaryLevel => "最新の {metric}（{value}）は目標範囲 {range} に対して{status}。", "The latest {metric} ({value}) is {status} the target {range}.";
    TdmSummaryNoLevel => "{metric} の測定値がまだありません（母集団予測のみ）。", "No {metric} level yet (population prediction only).";
    TdmSummarySuggest => "モデルの推奨：{regimen}、1回 {dose} mg。", "The model suggests {dose} mg, {regimen}.";
    TdmSummaryTooHigh => "警告：有害事象が増える濃度に達しています。", "Warning: the level is where adverse effects rise.";
    TdmImplausibleLow => "{value} ng/mL は全血中濃度として低すぎます（{low} ng/mL 未満）。µg/mL で入力しましたか（= {converted} ng/mL）？", "{value} ng/mL is implausibly low for a whole-blood level (below {low} ng/mL): did you mean µg/mL (= {converted} ng/mL)?";
    TdmImplausible => "{value} ng/mL はこの薬剤の全血中濃度として考えにくい値です（{range} の外）。値と単位を確認してください。", "{value} ng/mL is implausible for a whole-blood level of this drug (outside {range}): check the value and its unit.";
    TdmUseConverted => "{converted} ng/mL として追加", "Add as {converted} ng/mL";
    TdmKeepAsTyped => "入力どおり {value} ng/mL で追加", "Add {value} ng/mL as typed";
    TdmHold => "休薬計画：次の {n} 回を休薬してください。{metric} は {at} に {threshold} ng/mL まで下がる予測です。{resume_at} から{resume} で再開。", "Plan: hold the next {n} dose(s); {metric} is predicted back at {threshold} ng/mL at {at}. Resume at {resume_at} with {resume}.";
    TdmHoldNone => "休薬は不要です：{metric} は次の投与時刻までに {threshold} ng/mL まで下がる予測です（{at}）。{resume_at} から{resume} に変更。", "No dose needs holding: {metric} is predicted back at {threshold} ng/mL by the next due dose ({at}). From {resume_at}: {resume}.";
    TdmHoldNotWithin => "{metric} は 14 日以内に {threshold} ng/mL まで下がる予測になりません（休薬 {n} 回分）。記録と測定値を確認してください。", "{metric} is not predicted back at {threshold} ng/mL within 14 days ({n} doses held): check the record and the level.";
    TdmNextSample => "次回の採血は {at}（{label}）が最適です：{metric} の予測の幅が {pct} 狭まります。", "Draw the next sample at {at} ({label}): it narrows the {metric} forecast by {pct}.";
    TdmNextSampleNone => "次回投与の採血時刻（C0–C6）のどれでも、{metric} の予測の幅は 1 % 以上狭まりません。", "No sampling time of the next dose (C0–C6) would narrow the {metric} forecast by 1 % or more.";
    ListSeparator => "、", "; ";
    TdmCheckKeep => "目標範囲内のため、現在の用量（{regimen}、1回 {dose} mg）の継続を勧めます（この用量での定常状態のモデルの確率：範囲未満 {below}、範囲内 {probability}、範囲超 {above}。どちらか一方が {at} 以上のときだけ変更を提案します）。", "In range: keep the current dose, {dose} mg, {regimen} (the model's probabilities at steady state on it: below the range {below}, in range {probability}, above {above}; a change is suggested only when one side reaches {at}).";
    TdmCheckChange => "目標範囲内ですが、測定値に合うモデルでは現在の用量の定常状態で範囲未満 {below}、範囲超 {above} となり、一方が {at} 以上のため、変更を提案します。", "In range, but the model, which fits the levels, gives {below} below and {above} above the range at steady state on the current dose: one side reaches {at}, so it suggests a change.";
    TdmCheckMisfit => "モデルがこの患者の測定値に合っていません（{reasons}）。採血時刻と記録を確認するか、別のモデルを選んでください。", "The model does not fit this patient's levels ({reasons}): check the sampling times and the record, or choose another model.";
    TdmCheckOutsideBand => "{level} が測定値の 90 % 予測区間 {low}–{high} ng/mL の外", "{level} lies outside the model's 90 % prediction interval for a measurement, {low}–{high} ng/mL";
    TdmCheckResidual => "{level} の IWRES が {iwres}", "{level} has IWRES {iwres}";
    TdmCheckDisagrees => "モデルの用量が測定値の比例換算と {pct} 異なる", "its dose differs from the levels' proportional dose by {pct}";
    TdmCheckProportional => "患者自身の測定値からの比例換算（{current} mg で {level}）：{regimen}、1回 {dose} mg。", "By the patient's own levels ({level} on {current} mg, scaled linearly to the target): {dose} mg, {regimen}.";
    TdmCheckOtherModels => "ほかのモデルの推奨：{answers}。", "Other models: {answers}.";
    TdmCheckOtherFits => "{model}：{regimen}、1回 {dose} mg（測定値に合う）", "{model}: {dose} mg, {regimen} (fits the levels)";
    TdmCheckOtherMisses => "{model}：{regimen}、1回 {dose} mg（これも測定値に合わない）", "{model}: {dose} mg, {regimen} (also misses the levels)";
    TdmCheckOtherNone => "{model}：推奨なし", "{model}: no advice";
    TdmLowNoExtra => "低値でも臨時の追加投与は勧めません（追加投与を示す検証済みの根拠がありません）。新しい投与量は次の予定投与（{start}）から始めます。", "No one-off extra dose for a low level (no verified source gives one): the new dose starts with the dose due next, {start}.";
    TdmQuickTitle => "新しい測定値", "New level";
    TdmLabelGuessed => "{label}（投与からの時間で推定）", "{label} (from the time after the dose)";
    TdmQuickAdded => "追加しました：{label} {value}（{at}）。", "Added: {label} {value} at {at}.";
    TdmDetailsSummary => "投与歴・測定値・目標・AUC・推定値・今後3日間・モデル", "Dosing history, levels, targets, AUC, estimate, next three days, model";
    TdmTargetsTitle => "目標・AUC・推定値", "Targets, AUC and estimate";
    TdmAssumedTypical => "{description}（{name}）が未入力のため、モデルの標準値 {value} {unit} で計算しています。", "{description} ({name}) was not given: computed with the model's typical value, {value} {unit}.";
    TdmAssumedGenotypeLevels => "{name} が不明のため、測定値からより確からしい{genotype}として計算しています（確率 {weight}、測定値を考慮する前は {prior}）。", "{name} unknown: computed as {genotype}, the more probable given the levels ({weight}; {prior} before them).";
    TdmAssumedGenotypePrior => "{name} が不明のため、日本人患者でより多い{genotype}として計算しています（{prior}）。", "{name} unknown: computed as {genotype}, the more frequent in Japanese patients ({prior}).";
    TdmAssumedOther => "{genotype}ならモデルの推奨は{regimen}、1回 {dose} mg です。", "If {genotype}, the model would suggest {dose} mg, {regimen}.";
    TdmAssumedBranch => "{genotype}：頻度 {prior}、測定値を考慮した確率 {weight}、推奨 {advice}。", "{genotype}: frequency {prior}, probability given the levels {weight}, advice {advice}.";
    TdmAssumedSource => "頻度の出典（日本人患者のコホートを合算）：{source}", "Frequencies (Japanese patient cohorts pooled): {source}.";
    TdmAssumedAdvice => "{regimen}、1回 {dose} mg", "{dose} mg, {regimen}";
    TdmStatusBelow => "低値です", "below";
    TdmStatusWithin => "範囲内です", "within";
    TdmStatusAbove => "高値です", "above";
    TdmColTarget => "目標", "Target";
    TdmColRange => "範囲", "Range";
    TdmColLatest => "最新の測定値", "Latest level";
    TdmColSource => "出典", "Source";
    TdmTargetAim => "目標範囲", "Aim";
    TdmTargetLimit => "上限", "Limit";
    TdmTargetPreferred => "望ましい範囲", "Preferred";
    TdmTargetWarning => "警告", "Warning at";
    TdmSourceUser => "ユーザーが変更", "changed by the user";
    TdmTargetLow => "目標の下限", "Target, lower end";
    TdmTargetHigh => "目標の上限", "Target, upper end";
    TdmLimitHigh => "上限（毒性）", "Limit (toxicity)";
    TdmTargetMetric => "目標の指標：{metric}", "Target metric: {metric}";
    TdmDefaultsFrom => "既定の目標の出典：{source}", "Default target from: {source}";
    TdmAucTitle => "AUC（血中濃度－時間曲線下面積）", "AUC (area under the concentration–time curve)";
    TdmAucNote => "台形法（実測値から）、限定採血法（LSS、式の作成集団を併記）、モデルによる推定を比較します。差が設定値を超えると表示します。", "By trapezoid (from the levels), by limited-sampling equations (LSS, with the population they come from) and by the model; a difference above the set percentage is flagged.";
    TdmDisagreement => "不一致とみなす差", "Flag a difference above";
    TdmColMethod => "方法", "Method";
    TdmColBasis => "根拠", "Basis";
    TdmMethodTrapezoid => "台形法", "Trapezoid";
    TdmAucBasisTrapezoid => "実測値 {levels} 点、線形台形法", "{levels} levels, linear trapezoid";
    TdmMethodLss => "限定採血法（LSS）", "Limited sampling (LSS)";
    TdmMethodModel => "モデル", "Model";
    TdmDisagrees => "モデルと不一致", "disagrees with the model";
    TdmFitTitle => "ベイズ推定（MAP 推定）", "Bayesian estimate (MAP)";
    TdmFitNote => "測定値と母集団モデルから、この患者の薬物動態パラメータ（CL：クリアランス、V：分布容積など）を推定します。", "This patient's pharmacokinetic parameters (CL: clearance, V: volume of distribution, …) estimated from the levels and the population model.";
    TdmFitNone => "測定値がないため、母集団予測のみです。", "No level yet: population prediction only.";
    TdmColParameter => "パラメータ", "Parameter";
    TdmColIndividual => "個別推定値", "Individual";
    TdmColTypical => "母集団の典型値", "Population typical";
    TdmEtaNote => "個体間変動 η の推定値と不確かさ：事後標準偏差はラプラス近似（2·H⁻¹）、η 縮小は事後分散 ÷ 事前分散（0 = 測定値で決まる、100 % = 測定値から情報なし＝母集団値のまま）。", "Each random effect η with its uncertainty: posterior SD from the Laplace approximation (2·H⁻¹); η-shrinkage is posterior variance ÷ prior variance (0 = set by the levels, 100 % = the levels tell nothing, the population value stands).";
    TdmEtaAbove100 => "100 % を超える値：この η の周りで測定値の項の曲率が負であり、ラプラス近似（正規近似）が粗いことを示します。予測区間はこの η について過大になりえます。", "Above 100 %: the levels' term curves the wrong way around this η, so the Laplace (normal) approximation is rough there; the prediction band may be too wide for it.";
    TdmColEta => "変量効果", "Random effect";
    TdmColEstimate => "推定値", "Estimate";
    TdmColPosteriorSd => "事後標準偏差", "Posterior SD";
    TdmColShrinkage => "η 縮小", "η-shrinkage";
    TdmPlotTitle => "濃度推移の予測", "Concentration forecast";
    TdmPlotLegend => "青線：個別予測、灰色線：母集団予測、青い帯：90 % 予測区間、緑の帯：目標範囲、橙の破線：上限（C0）、赤丸：実測値（白抜き：定量下限未満）、三角：投与（数字は mg）、紫線：現在、青緑の破線と青緑の三角：計画（休薬後の再開、または推奨用法）の予測と投与。", "Blue: individual prediction; grey: population prediction; blue band: 90 % prediction interval; green band: target range; orange dashes: the limit (C0); red dots: levels (hollow: below the limit of quantification); triangles: doses (figures in mg); purple line: now; teal dashes and teal triangles: the plan (hold then resume, or the suggested regimen) and its doses.";
    TdmAxisTime => "日付・時刻", "Date and time";
    TdmAxisConc => "全血中濃度 (ng/mL)", "Whole-blood concentration (ng/mL)";
    TdmZoomWhole => "全期間を表示", "Show the whole history";
    TdmZoomRecent => "直近 48 時間を表示", "Show the last 48 h";
    TdmReadout => "{time}：個別予測 {individual}（90 % 予測区間 {low}–{high}）、母集団予測 {population}", "{time}: individual {individual} (90 % interval {low}–{high}), population {population}";
    TdmReadoutHint => "グラフ上を指すかタップすると、その時刻の予測値を表示します。", "Point at or tap the plot to read the values at that time.";
    TdmAdviceTitle => "推奨投与量", "Dose advice";
    TdmAdviceNote => "カプセル規格に丸めた量です。「適用」で次回投与から投与歴に追加します。", "Amounts are rounded to capsule strengths. “Apply” adds the regimen to the dosing history from the next dose.";
    TdmAdviceNone => "投与歴がないため推奨量を計算できません。", "No advice without a dosing history.";
    TdmBasisIndividual => "根拠：測定値によるベイズ推定", "Basis: Bayesian estimate from the levels";
    TdmBasisPrior => "根拠：共変量のみ（母集団予測）", "Basis: covariates only (population prediction)";
    TdmColRegimen => "用法", "Regimen";
    TdmColDose => "1回量", "Dose";
    TdmColPredicted => "予測値", "Predicted";
    TdmColProbability => "目標範囲に入る確率", "Chance in range";
    TdmColMeets => "判定", "Verdict";
    TdmDosePer => "{amount} mg（{capsules}）、1日 {daily} mg", "{amount} mg ({capsules}), {daily} mg/day";
    TdmMeetsTarget => "目標範囲内", "meets the target";
    TdmMissesTarget => "目標範囲外", "misses the target";
    TdmMeetsLimit => "上限以下", "within the limit";
    TdmMissesLimit => "上限超過", "above the limit";
    TdmApply => "適用", "Apply";
    TdmRegimenCsaTwiceDaily => "1日2回朝食後・夕食後（12 時間ごと）", "twice daily after breakfast and dinner (every 12 h)";
    TdmRegimenCsaOnceDaily => "1日1回朝食前（24 時間ごと）", "once daily before breakfast (every 24 h)";
    TdmRegimenNoFoodEffect => "モデルには食事の影響が含まれていません。", "The models have no food effect.";
    TdmRegimenNagai => "食前1日1回投与では C0 が低くなることが報告されています（Nagai 2010）。モデルには食事の影響が含まれていません。", "Nagai 2010 found a lower C0 with once-daily preprandial dosing; the models have no food effect.";
    TdmRegimenTacPrograf => "プログラフ 1日2回朝食後・夕食後（12 時間ごと）", "Prograf twice daily after breakfast and dinner (every 12 h)";

    // ── Records, report, self-check: add keys here.

    ScreenSelfCheck => "自己診断", "Self-check";
    Print => "印刷", "Print";
    RecSetupIntro => "記録はこのブラウザ内にだけ保存され、パスフレーズで暗号化されます（Argon2id・AES-GCM）。パスフレーズを忘れると記録は復元できません。", "Records are kept only in this browser, encrypted with a passphrase (Argon2id, AES-GCM). A forgotten passphrase cannot be recovered.";
    RecPassphrase => "パスフレーズ", "Passphrase";
    RecPassphraseAgain => "パスフレーズ（確認）", "Passphrase (again)";
    RecCreate => "暗号化して保存を開始", "Start encrypted storage";
    RecPlainSummary => "パスフレーズなしで使う（非推奨）", "Use without a passphrase (not recommended)";
    RecPlainWarning => "暗号化されません。このコンピューターで開いた他のHTMLファイルからも記録が読めます。", "Nothing is encrypted: any other HTML file opened on this computer can read the records.";
    RecPlainAccept => "危険を理解したうえで暗号化しない", "I understand the risk; do not encrypt";
    RecCreatePlain => "暗号化せずに保存を開始", "Start unencrypted storage";
    RecPassTooShort => "パスフレーズは8文字以上にしてください", "The passphrase must have at least 8 characters";
    RecPassMismatch => "2つのパスフレーズが一致しません", "The two passphrases differ";
    RecUnlock => "開く", "Unlock";
    RecUnlocking => "鍵を生成中…", "Deriving the key…";
    RecWrongPassphrase => "パスフレーズが違います。保存された記録は変更されていません。", "Wrong passphrase. Nothing stored was changed.";
    RecStorageError => "保存領域のエラー：{detail}", "Storage error: {detail}";
    RecNoStorage => "このブラウザは保存を許可していません。記録はページを閉じると失われます。", "This browser does not allow storage: records are lost when the page closes.";
    RecQuarantined => "読めないデータ（{from}）を {to} に退避しました：{detail}", "Unreadable data ({from}) was kept aside as {to}: {detail}";
    RecLockedIdle => "15分間操作がなかったため施錠しました。", "Locked after 15 minutes without activity.";
    RecModeEncrypted => "暗号化して保存中", "Stored encrypted";
    RecModePlain => "暗号化なしで保存中", "Stored without encryption";
    RecLabel => "記録名（イニシャル・病床など）", "Record name (initials, bed…)";
    RecNew => "新しい記録", "New record";
    RecLock => "施錠", "Lock";
    RecSearch => "検索", "Search";
    RecUpdated => "更新日時", "Updated";
    RecOpen => "開く", "Open";
    RecDuplicate => "複製", "Duplicate";
    RecCopyOf => "{label}（複製）", "{label} (copy)";
    RecExport => "書き出し", "Export";
    RecDelete => "削除", "Delete";
    RecDeleted => "「{label}」を削除しました。", "Deleted “{label}”.";
    RecUndo => "元に戻す", "Undo";
    RecNone => "記録はありません。", "No records.";
    RecFiles => "ファイル（バックアップ・移行）", "Files (backup, transfer)";
    RecExportPass => "書き出し用パスフレーズ（任意）", "Passphrase for the file (optional)";
    RecExportAll => "すべて書き出し", "Export all";
    RecImportPass => "読み込むファイルのパスフレーズ", "Passphrase of the file to import";
    RecImport => "ファイルを読み込む", "Import a file";
    RecExported => "ファイルを書き出しました。", "File exported.";
    RecImported => "{count} 件の記録を読み込みました。", "Imported {count} record(s).";
    RecImportNeedsPassphrase => "暗号化されたファイルです。パスフレーズを入力してから選び直してください。{detail}", "The file is encrypted: enter its passphrase, then choose it again.{detail}";
    RecImportFailed => "読み込めません（何も変更していません）：{detail}", "Cannot import (nothing was changed): {detail}";
    RecCalcFiles => "計算ファイル（開いている記録）", "Calculation files (open record)";
    RecCsvExport => "NONMEM形式CSVを書き出し", "Export NONMEM-style CSV";
    RecCsvOrigin => "CSVの TIME 0 の日時（ファイル名にない場合）", "Date and time of TIME 0 (if not in the file name)";
    RecCsvImport => "NONMEM形式CSVを読み込む（この薬剤の投与歴と濃度を置き換え）", "Import NONMEM-style CSV (replaces this drug's doses and levels)";
    RecCsvImported => "CSVから {count} 行を読み込みました。", "Read {count} rows from the CSV.";
    RecCsvFailed => "CSVを処理できません（何も変更していません）：{detail}", "Cannot use the CSV (nothing was changed): {detail}";
    RecCsvNoOrigin => "TIME 0 の日時が分かりません。「YYYY-MM-DD HH:MM」で入力してから選び直してください。{detail}", "TIME 0 is unknown: type it as YYYY-MM-DD HH:MM, then choose the file again.{detail}";
    RecCapsuleExport => "計算カプセルを書き出し（入力・モデル・結果）", "Export calculation capsule (inputs, model, results)";
    RecCapsuleOpen => "計算カプセルを開いて再計算", "Open a calculation capsule and recompute";
    RecCapsuleSame => "バージョン {version} の結果（モデル {model}）と同じ値を再計算しました。", "Recomputed the same numbers as version {version} (model {model}).";
    RecCapsuleDiffers => "このバージョンはバージョン {version} と異なる計算をします（{count} 箇所）：{detail}", "This version computes differently from version {version} ({count} values): {detail}";
    RecCapsuleFailed => "カプセルを処理できません：{detail}", "Cannot use the capsule: {detail}";
    RecCapsuleStored => "保存された値", "Stored";
    RecCapsuleNow => "このバージョンの値", "This version";
    ReportPlain => "この記録の要約です。推奨量は計算による提案であり、投与量は医師が決定します。", "Summary of this record. Dose options are computed suggestions; the physician decides the dose.";
    ReportKeyLabs => "主な検査値（最新値と初回からの変化）", "Key laboratory results (latest, and change from the first)";
    ReportLabLine => "{name}：{value} {unit}（{date}）{change}", "{name}: {value} {unit} ({date}){change}";
    ReportLabChange => "、初回から {pct}", ", {pct} from the first";
    ReportIvcy => "静注シクロホスファミド", "IV cyclophosphamide";
    ReportIvcyTotal => "{pulses} 回、累積 {grams} g（{per_m2}）", "{pulses} pulse(s), cumulative {grams} g ({per_m2})";
    ReportRisk => "予後予測モデル（公表モデルの出力であり、推奨ではありません）", "Risk models (published model output, not advice)";
    ReportBuild => "ビルド", "build";
    ReportNotRecorded => "未記録", "not recorded";
    ReportPatient => "患者", "Patient";
    ReportAge => "年齢", "Age";
    ReportWeight => "体重", "Weight";
    ReportHeight => "身長", "Height";
    ReportCreatinine => "血清クレアチニン", "Serum creatinine";
    ReportModel => "モデル", "Model";
    ReportDefaultModel => "既定のモデル", "default model";
    ReportDoses => "投与歴", "Doses";
    ReportLevels => "血中濃度", "Levels";
    ReportEstimate => "個別推定（ベイズ推定のη）", "Individual estimate (Bayesian η)";
    ReportAdvice => "投与量の候補（モデルによる予測値。投与量は医師が決定します）", "Dose options (model predictions; the physician decides the dose)";
    ReportSeeScreen => "詳細（濃度推移の図、予測区間、採血時刻の確認）は薬剤の画面に表示されます。", "Details (concentration plot, prediction band, sampling-time checks) are on the drug's screen.";
    ReportFooter => "DMIP Monitor バージョン {version}", "DMIP Monitor version {version}";
    SelfIntro => "計算エンジンの参照例（NCA、NONMEMとのMAP推定、体表面積・腎機能の式、母集団モデルの典型値）をこのブラウザで計算し、期待値と比較します。", "Runs the engine's reference cases in this browser (NCA, MAP estimate vs NONMEM, body-surface-area and renal formulas, population-model typical values) and compares them with the expected values.";
    SelfSummary => "{total} 件中 {passed} 件合格", "{passed} of {total} passed";
    SelfGroup => "分類", "Group";
    SelfGroupNca => "NCA（ノンコンパートメント解析）", "NCA";
    SelfGroupMap => "MAPベイズ推定", "MAP";
    SelfGroupFormula => "計算式", "Formula";
    SelfGroupTypical => "典型値", "Typical value";
    SelfCase => "項目", "Case";
    SelfSource => "出典", "Source";
    SelfExpected => "期待値", "Expected";
    SelfComputed => "計算値", "Computed";
    SelfTolerance => "許容誤差", "Tolerance";
    SelfResult => "判定", "Result";
    SelfPass => "合格", "pass";
    SelfFail => "不合格", "FAIL";
    SelfSignature => "確認者：＿＿＿＿＿＿＿＿　日付：＿＿＿＿＿＿", "Checked by: ____________  Date: __________";

    ErrNotPositive => "{field}には正の数値を入力してください（入力：「{value}」）", "{field} must be a positive finite number (got “{value}”)";
    ErrTooSmall => "{field}は {min} 以上にしてください（入力：{value}）", "{field} must be at least {min} (got {value})";
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Keys whose text is the same in both languages on purpose.
    const SAME_IN_BOTH: &[Key] = &[Key::AppName, Key::UnitMg, Key::UnitMgPerL];

    #[test]
    fn every_key_has_both_languages_and_the_same_placeholders() {
        super::super::check_table(Key::ALL, SAME_IN_BOTH);
    }
}

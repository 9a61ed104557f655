//! Translation table for the cyclophosphamide planner and the disease profile.
//! Terms are the usual forms of Japanese package inserts, guidelines and
//! laboratory reports, not literal translations.

use super::table::table;

table! {
    IvcyKey;
    Title => "静注シクロホスファミド", "IV cyclophosphamide";
    PublishedNotAdvice => "文献に公表された値・モデルの出力であり、推奨ではありません。臨床判断は医師が行ってください。", "Published figures and model output, not advice. Clinical decisions remain with the physician.";
    UnavailableLabel => "表示できません：", "Not available:";
    SourceLabel => "出典：", "Source:";
    NotComputable => "計算できません（不足：{missing}）", "Not computable (missing: {missing})";
    FirstPulse => "初回投与日", "first pulse date";
    FirstPulseLabel => "初回投与日", "First pulse date";

    ErrNotFinite => "{field}：数値を入力してください（入力：「{value}」）", "{field}: please enter a number (got “{value}”)";
    ErrNotPositive => "{field}：0 より大きい値を入力してください（入力：{value}）", "{field}: must be greater than 0 (got {value})";
    ErrNegative => "{field}：負の値は入力できません（入力：{value}）", "{field}: cannot be negative (got {value})";
    ErrOutOfRange => "{field}：{value} は {min}–{max} の範囲外です", "{field}: {value} is outside {min}–{max}";
    ErrDateOutOfRange => "予定がカレンダーで扱える最後の日付を超えます", "The schedule runs past the last date the calendar can hold";
    ErrNonFinite => "計算結果が有限の数値になりませんでした。入力を確認してください", "The calculation did not give a finite number; please check the inputs";
    ErrPositive => "0 より大きい数値を入力してください（入力：「{value}」）", "Please enter a number greater than 0 (got “{value}”)";
    ErrNonNegative => "0 以上の数値を入力してください（入力：「{value}」）", "Please enter a number of 0 or more (got “{value}”)";
    ErrRange => "{min}–{max} の数値を入力してください（入力：「{value}」）", "Please enter a number from {min} to {max} (got “{value}”)";
    ErrCount => "1–100 の整数を入力してください（入力：「{value}」）", "Please enter a whole number from 1 to 100 (got “{value}”)";
    ErrDate => "日付を入力してください（年-月-日）", "Please enter a date (year-month-day)";
    ErrOtherName => "薬剤名を入力してください", "Please enter the drug's name";

    BsaTitle => "体表面積", "Body surface area";
    BsaNote => "身長と体重は「患者」画面の値を使います。", "Height and weight come from the Patient screen.";
    BsaFormula => "体表面積の計算式", "BSA formula";
    BsaDuBois => "DuBois 式", "DuBois";
    BsaMosteller => "Mosteller 式", "Mosteller";
    BsaHaycock => "Haycock 式", "Haycock";
    BsaFujimoto => "藤本式（Fujimoto）", "Fujimoto";

    RegimenTitle => "レジメン（文献）", "Published regimen";
    Regimen => "レジメン", "Regimen";
    RegCustom => "指定しない（手入力）", "None (enter by hand)";
    RegYamasaki => "Yamasaki 2007（PM/DM 進行性間質性肺炎）", "Yamasaki 2007 (PM/DM progressive IP)";
    RegNih => "NIH（SLE）", "NIH (SLE)";
    RegEuroLupus => "Euro-Lupus（SLE）", "Euro-Lupus (SLE)";
    RegKameda => "Kameda 2005（3剤併用療法）", "Kameda 2005 (triple therapy)";
    RegShen => "Shen（低用量、CTD-ILD）", "Shen (low dose, CTD-ILD)";
    RegTsuji => "Tsuji 2020（3剤併用療法）", "Tsuji 2020 (triple therapy)";
    RegCyclops => "CYCLOPS（AAV）", "CYCLOPS (AAV)";
    PresetDose => "1回投与量", "Dose per pulse";
    PresetInterval => "投与間隔", "Interval";
    PresetPulses => "投与回数", "Number of pulses";
    EveryWeeks => "{weeks} 週ごと", "every {weeks} weeks";
    Monthly => "毎月", "monthly";
    AtLeastPulses => "{n} 回以上", "at least {n}";
    ExactlyPulses => "{n} 回", "{n}";
    PulsesNotStated => "記載なし", "not stated";

    DoseTitle => "投与量", "Dose";
    Basis => "投与量の単位", "Dose basis";
    BasisPerM2 => "体表面積あたり（mg/m²）", "per m² (mg/m²)";
    BasisPerKg => "体重あたり（mg/kg）", "per kg (mg/kg)";
    BasisFixed => "固定量（mg）", "fixed (mg)";
    Amount => "処方量", "Prescribed amount";
    PulseDose => "1回投与量", "Pulse dose";
    OutsideRange => "選択したレジメンの公表範囲外の量です。", "This amount is outside the chosen regimen's published range.";
    DoseNote => "丸めは行っていません。調製可能な量は施設の手順に従ってください。", "Not rounded; follow your pharmacy's preparation rules.";

    EularTitle => "年齢・腎機能による減量（EULAR 2009 表6）", "Reduction for age and renal function (EULAR 2009 Table 6)";
    EularAge => "年齢", "Age";
    EularLower => "クレアチニン 低い列", "Creatinine, lower column";
    EularHigher => "クレアチニン 高い列", "Creatinine, higher column";
    AgeUnder60 => "60歳未満", "< 60 y";
    Age60To70 => "60–70歳", "60–70 y";
    AgeOver70 => "70歳超", "> 70 y";

    ScheduleTitle => "投与予定", "Schedule";
    Spacing => "投与間隔", "Interval";
    Every2Weeks => "2週ごと", "every 2 weeks";
    Every3Weeks => "3週ごと", "every 3 weeks";
    Every4Weeks => "4週ごと", "every 4 weeks";
    Count => "投与回数", "Number of pulses";
    OutsideInterval => "選択したレジメンの公表された投与間隔と異なります。", "This interval differs from the chosen regimen's published one.";
    ColPulse => "回", "Pulse";
    ColDate => "投与日", "Date";
    ColDose => "投与量", "Dose";
    PlannedTotal => "予定の合計：{grams} g", "Planned total: {grams} g";
    ColPlanned => "予定量（減量前）", "Planned (full)";
    ColRules => "適用した規則", "Rules applied";
    Given => "投与済み", "given";
    Held => "休薬（延期）", "held";
    NoRuleApplied => "適用した規則なし", "no rule applied";
    NadirBelowRange => "前回ナディアが基準範囲下限未満", "previous nadir below the reference range";
    DayBelowRange => "投与日の白血球数が基準範囲下限未満", "WBC on the day below the reference range";
    RulesTitle => "第 {pulse} 回（次回）に適用する規則", "Rules for pulse {pulse} (the next)";
    RulesLater => "第 {pulse} 回以降も年齢・クレアチニンの規則は同じです。ナディアはその前の回の後に判定します。", "From pulse {pulse} on, the age and creatinine rules are the same; each nadir is read after the pulse before.";
    DayCountsTitle => "次回投与日の血球数", "Counts on the day of the next pulse";
    DayWbc => "白血球数（投与日）", "WBC (pulse day)";
    DayNeutrophils => "好中球数（投与日）", "Neutrophils (pulse day)";
    RuleEularAge => "EULAR 2009 表6（年齢の行）", "EULAR 2009 Table 6, age row";
    RuleEularCreatinine => "EULAR 2009 表6（クレアチニンの列）", "EULAR 2009 Table 6, creatinine column";
    RuleRenal => "eGFR・クレアチニンクリアランスによる減量", "Reduction by eGFR or creatinine clearance";
    RulePreviousNadir => "前回投与後の白血球数最低値（ナディア）", "WBC nadir after the previous pulse";
    RuleDayNeutrophils => "投与日の好中球数", "Neutrophils on the pulse day";
    RuleDayWbc => "投与日の白血球数", "WBC on the pulse day";
    OutReduced => "{band}：試験の全量 15 mg/kg に対し {cell} mg/kg → 予定量の {factor} 倍", "{band}: {cell} mg/kg of the trial's full 15 mg/kg → {factor} × the planned dose";
    OutUnchanged => "{band}：{cell} mg/kg（試験の全量）のため減量なし", "{band}: {cell} mg/kg, the trial's full dose: no reduction";
    OutLowerColumn => "クレアチニン {value} µmol/L（150 未満）：低い列を適用（脚注：150 µmol/L 未満の別レジメンはない）", "creatinine {value} µmol/L (below 150): the lower column applies (footnote: no separate regimen below 150 µmol/L)";
    OutColumnUnknown => "クレアチニン {value} µmol/L（150 以上）：どちらの列かは資料で確認できないため、低い列の量で予定しています。高い列（{cell} mg/kg）なら {mg} mg", "creatinine {value} µmol/L (150 or more): which column applies is not in the source, so the lower column's dose is planned; the higher column ({cell} mg/kg) gives {mg} mg";
    OutColumnNoCreatinine => "クレアチニン未入力：列を選べないため、低い列の量で予定しています。高い列（{cell} mg/kg）なら {mg} mg", "creatinine not entered: the column cannot be chosen, so the lower column's dose is planned; the higher column ({cell} mg/kg) gives {mg} mg";
    OutHeldNeutrophils => "{value}/µL（{limit}/µL 未満）：今回は延期（2週間を超えない）、または 25 % 減量して {mg} mg", "{value}/µL (below {limit}/µL): postpone this pulse (not more than 2 weeks) or reduce it by 25 % to {mg} mg";
    OutHeldWbc => "{value}/µL（基準範囲下限の1/2、{limit}/µL 以下）：回復まで休薬", "{value}/µL (at most {limit}/µL, half the lower reference limit): hold until recovery";
    OutNadirLow => "第 {pulse} 回後 {value}/µL：基準範囲下限 {low}/µL 未満", "{value}/µL after pulse {pulse}: below the reference range (lower limit {low}/µL)";
    OutDayLow => "{value}/µL：基準範囲下限 {low}/µL 未満", "{value}/µL: below the reference range (lower limit {low}/µL)";
    OutNormal => "{value}/µL：変更なし", "{value}/µL: no change";
    OutPending => "第 {pulse} 回はまだ投与されていません", "pulse {pulse} not given yet";
    EularPatient => "この患者（{band}）：{mg_kg} mg/kg — 投与予定の各回に適用（下の「投与予定」）", "This patient ({band}): {mg_kg} mg/kg — applied to each pulse to come (Schedule below)";

    LedgerTitle => "投与記録", "Pulses given";
    LedgerNote => "体表面積は記録した時点の値を保存します（累積 g/m² の計算に使用）。白血球数最低値（ナディア）は各回の後に入力できます（「編集」）。", "The BSA at the time of entry is kept with each pulse (for the cumulative g/m²). The WBC nadir can be added after each pulse (Edit).";
    ColBsa => "体表面積", "BSA";
    ColNadir => "白血球数 最低値（ナディア）", "WBC nadir";
    NadirUnit => "ナディアの単位", "Nadir unit";
    FillPlanned => "計算した投与量を入れる", "Use the calculated dose";
    AddPulse => "投与を記録", "Record pulse";
    SaveRow => "変更を保存", "Save changes";

    CumulativeTitle => "累積投与量", "Cumulative dose";
    AgeAtFirstPulse => "初回投与時の年齢", "Age at the first pulse";
    AgeAtFirstPulseNote => "未入力の場合は患者画面の現在の年齢を用います（記録に生年月日はありません）。卵巣機能不全の閾値は初回投与時の年齢によって異なります。", "When empty, the current age from the Patient screen is used (the record keeps no birth date). The ovarian failure thresholds depend on the age at the first pulse.";
    PulsesGiven => "投与回数", "Pulses given";
    CumulativeG => "累積投与量（g）", "Cumulative dose (g)";
    CumulativeGm2 => "累積投与量（g/m²）", "Cumulative dose (g/m²)";
    PulsesWithoutBsa => "計算できません（体表面積のない回：{pulses}）", "Not computable (pulses without BSA: {pulses})";
    LowestNadir => "白血球数の最低値：{value}/µL（第 {pulse} 回）", "Lowest WBC nadir: {value}/µL (pulse {pulse})";
    ColThreshold => "公表値", "Published figure";
    ColFigure => "値", "Value";
    ColPatient => "この患者", "This patient";
    ColStatus => "比較", "Compared";
    OvarianLabel => "卵巣機能不全の閾値（D50/D90）：", "Ovarian failure thresholds (D50/D90):";
    Reached => "到達", "reached";
    NotReached => "未到達", "not reached";

    HandoverTitle => "維持療法への移行", "Hand-over to maintenance";
    HandoverCount => "投与済み {given} 回／導入 {n} 回の後に維持療法（例：アザチオプリン）へ移行", "{given} of {n} induction pulses given; then maintenance (e.g. azathioprine)";
    InfusionTitle => "投与時の注意（メスナ・補液）", "Infusion notes (mesna, hydration)";

    DiseaseTitle => "病型", "Disease profile";
    NotRecorded => "未入力", "not recorded";
    MyositisType => "病型", "Myositis type";
    TypeDm => "皮膚筋炎（DM）", "Dermatomyositis (DM)";
    TypePm => "多発性筋炎（PM）", "Polymyositis (PM)";
    TypeCadm => "臨床的無筋症性皮膚筋炎（CADM）", "Clinically amyopathic DM (CADM)";
    AntiMda5 => "抗MDA5抗体", "Anti-MDA5 antibody";
    Negative => "陰性", "negative";
    PositiveNoGrade => "陽性（判定不明）", "positive (grade not known)";
    Plus1 => "陽性（+）", "positive (+)";
    Plus2 => "陽性（++）", "positive (++)";
    Plus3 => "陽性（+++）", "positive (+++)";
    AntiMda5Titre => "抗MDA5抗体価（測定法の単位）", "Anti-MDA5 titre (the assay's unit)";
    AntiArs => "抗ARS抗体", "Anti-ARS antibodies";
    Antibodies => "その他の自己抗体", "Other autoantibodies";
    OtherAntibodies => "その他（報告書の表記、読点区切り）", "Others (as reported, comma-separated)";
    IpPattern => "間質性肺炎の病型", "IP pattern";
    PatternNsip => "非特異性間質性肺炎（NSIP）", "NSIP";
    PatternCop => "特発性器質化肺炎（COP）", "COP";
    PatternDad => "びまん性肺胞傷害（DAD）", "DAD";
    PatternUip => "通常型間質性肺炎（UIP）", "UIP";
    PatternUnclassified => "分類不能", "unclassified";
    IpCourse => "経過", "Course";
    CourseAcute => "急性・亜急性", "acute/subacute";
    CourseChronic => "慢性", "chronic";
    CourseAsymptomatic => "無症候性", "asymptomatic";
    RapidlyProgressive => "急速進行性", "Rapidly progressive";

    HrctTitle => "HRCT 所見", "HRCT findings";
    HrctDate => "HRCT 撮影日", "HRCT date";
    HrctFindings => "所見", "Findings";
    HrctGgo => "すりガラス影", "ground-glass opacity";
    HrctConsolidation => "浸潤影（コンソリデーション）", "consolidation";
    HrctCurvilinear => "胸膜下曲線状影", "subpleural curvilinear shadow";
    HrctReticulation => "網状影", "reticulation";
    HrctTraction => "牽引性気管支拡張", "traction bronchiectasis";
    HrctVolume => "肺容積減少", "decreased lung volume";
    HrctHoneycombing => "蜂巣肺", "honeycombing";
    HrctExtent => "病変の広がり", "Extent";
    HrctScore => "HRCTスコア", "HRCT score";

    StartsTitle => "治療開始日", "Treatment start dates";
    StartsNote => "副腎皮質ステロイドの最初の開始日から各免疫抑制薬の開始までの日数を表示します。", "Days from the first corticosteroid start to each immunosuppressant's start.";
    ColTreatment => "治療", "Treatment";
    ColStartDate => "開始日", "Start date";
    ColInterval => "ステロイド開始からの日数", "Days after corticosteroid start";
    DaysAfterSteroid => "{days} 日", "{days} days";
    NeedsSteroidStart => "計算できません（不足：副腎皮質ステロイドの開始日）", "Not computable (missing: corticosteroid start date)";
    TxCorticosteroid => "副腎皮質ステロイド", "Corticosteroid";
    TxMpslPulse => "ステロイドパルス療法（メチルプレドニゾロン）", "Steroid pulse (methylprednisolone)";
    TxCyclosporine => "シクロスポリン", "Cyclosporine";
    TxTacrolimus => "タクロリムス", "Tacrolimus";
    TxIvcy => "シクロホスファミド静注パルス療法（IVCY）", "IV cyclophosphamide (IVCY)";
    TxOther => "その他", "Other";
    TxOtherName => "その他の薬剤名", "Other drug's name";
    AddStart => "開始日を追加", "Add start date";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_has_both_languages_and_the_same_placeholders() {
        super::super::check_table(IvcyKey::ALL, &[]);
    }
}

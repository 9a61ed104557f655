//! Why an item is unavailable ([`Gap`]): each reason in English and
//! Japanese.

use super::{Lang, Words};
use crate::clinical::status::Gap;

impl Words for Gap {
    fn words(self, lang: Lang) -> &'static str {
        let (en, ja) = match self {
            Gap::FerritinPmolFactor => (
                "Ferritin pmol/L ↔ ng/mL: the factor (≈ 2.247) is not verified; enter ferritin in ng/mL (= µg/L).",
                "フェリチン pmol/L ↔ ng/mL の換算係数（≈ 2.247）は確認できていません。フェリチンは ng/mL（= µg/L）で入力してください。",
            ),
            Gap::MckRiskGroupMapping => (
                "MCK: the mapping of anti-MDA5 status × number of risk factors to low/moderate/high predicted mortality, and the mortality per group, were not seen in Gono 2021 (table/figure not read). Only the number of criteria met is shown.",
                "MCK: 抗MDA5抗体 × 危険因子数から低・中・高リスク群への対応と各群の死亡率は Gono 2021 で確認できていません（表・図未読）。該当項目数のみ表示します。",
            ),
            Gap::FlairMortalityPerGroup => (
                "FLAIR: mortality per risk group is not in the abstract read (Lian 2020); only the group is shown.",
                "FLAIR: リスク群ごとの死亡率は確認した抄録（Lian 2020）にありません。群のみ表示します。",
            ),
            Gap::EularCreatinineBands => (
                "EULAR 2009 Table 6: the creatinine limits of its two columns are not in the copy of the table read (only the footnote: no separate regimen below 150 µmol/L), so for a creatinine of 150 µmol/L or more the column cannot be chosen: the lower column's dose is planned and the higher column's dose is shown beside it.",
                "EULAR 2009 表6：参照した表には2つの列のクレアチニンの境界がありません（脚注の「150 µmol/L 未満の別レジメンはない」のみ）。そのため 150 µmol/L 以上では列を選べず、低い列の量で予定し、高い列の量を併記します。",
            ),
            Gap::WbcNadirDoseAdjustment => (
                "A dose reduction for a low WBC nadir after the previous pulse is reported only by a hospital protocol citing de Groot 2009; the trial's own text was not read, so no reduction is applied for the nadir. The nadir is shown and flagged when below the reference range.",
                "前回投与後の白血球数最低値（ナディア）が低い場合の減量は、de Groot 2009 を引用する病院のプロトコルにのみ記載があり、試験本文は確認できていません。そのためナディアによる減量は行いません。ナディアは表示し、基準範囲下限未満のときは注意を示します。",
            ),
            Gap::IvcyRenalDoseReduction => (
                "No dose reduction by eGFR or creatinine clearance was found in the sources read (none in the Endoxan label text read; EULAR 2009 Table 6 uses serum creatinine, not eGFR), so eGFR changes no pulse.",
                "eGFR・クレアチニンクリアランスによる減量は、参照した資料にありません（確認したエンドキサン添付文書の記載にもなく、EULAR 2009 表6は eGFR ではなく血清クレアチニンによる）。そのため eGFR では投与量を変えません。",
            ),
            Gap::TsujiIvcyDose => (
                "Tsuji 2020 triple therapy: the IVCY dose (500–1000 mg/m² every 2 weeks) is not verified; exact scheme not seen.",
                "Tsuji 2020 の3剤併用療法：IVCY 投与量（500–1000 mg/m² を2週ごと）は検証されておらず、正確なスケジュールは確認できていません。",
            ),
            Gap::CyclopsRegimen => (
                "CYCLOPS/EUVAS schedule: de Groot 2009 gives 15 mg/kg every 2 to 3 weeks; the weeks (0, 2, 4, 7, 10, 13) and the maximum per pulse (1.2 or 1.5 g) come from secondary summaries only, so the regimen is not offered as a preset.",
                "CYCLOPS/EUVAS のスケジュール：de Groot 2009 は 15 mg/kg を2–3週ごととしています。投与週（0・2・4・7・10・13週）と1回の上限（1.2 g または 1.5 g）は二次資料のみのため、プリセットとしては提供しません。",
            ),
            Gap::AzathioprineMaintenanceDose => (
                "Maintenance hand-over: no verified azathioprine (or other maintenance) dose.",
                "維持療法への移行：アザチオプリン（その他の維持療法薬を含む）の検証済みの投与量はありません。",
            ),
            Gap::MesnaDose => (
                "Mesna: eviQ states no harmonised mesna dose is established; MSD's SLE table gives mesna equal to the cyclophosphamide dose. Not computed; shown as notes.",
                "メスナ：eviQ は統一されたメスナ投与量は確立されていないとしています。MSD マニュアルの SLE の表ではシクロホスファミドと同量です。計算せず、注意事項として表示します。",
            ),
            Gap::OvarianFailureUnder32 => (
                "Ovarian failure: D50/D90 were reported for age ≥32 only; for ≤31 y the study reports 5/44 with sustained amenorrhoea, no dose threshold.",
                "卵巣機能不全：D50/D90 は32歳以上でのみ報告されています。31歳以下では 5/44 例が持続性無月経となり、用量の閾値は報告されていません。",
            ),
            Gap::LabReferenceRange => (
                "No verified reference range for this analyte; use the laboratory's own range.",
                "この項目の確認できた基準範囲はありません。施設の基準範囲を使用してください。",
            ),
            Gap::Kl6OtherAssay => (
                "KL-6 reference limit verified for the BML CLEIA only (<500 U/mL); other assays differ (e.g. HISCL). Store the assay and use its own limit.",
                "KL-6 の基準値は BML CLEIA（<500 U/mL）のみ検証済みです。他の測定法（HISCL など）は異なります。測定法を記録し、その基準値を使用してください。",
            ),
            Gap::BetaDGlucanOtherKit => (
                "β-D-glucan limits verified for Fungitec G-test MK (≤20 pg/mL) and β-glucan test Wako (≤11 pg/mL) only; values differ by kit.",
                "β-D-グルカンの基準値はファンギテック G テスト MK（≤20 pg/mL）と β-グルカンテストワコー（≤11 pg/mL）のみ検証済みです。キットにより値が異なります。",
            ),
            Gap::CmvCtdThreshold => (
                "CMV pp65 antigenaemia: no CTD-specific action threshold was verified (only transplant thresholds, Gentile 2006); use the institutional threshold.",
                "CMV pp65 アンチゲネミア: 膠原病に特化した対応閾値は検証されていません（移植の閾値のみ、Gentile 2006）。施設の閾値を使用してください。",
            ),
            Gap::InteractionMechanism => (
                "The label lists this pair; its wording (mechanism, advice) was not read or is not verified.",
                "添付文書にこの組み合わせの記載がありますが、その記載（機序・措置）は確認できていません。",
            ),
            Gap::CyclosporineCyp3aRow => (
                "The cyclosporine label's 10.2 row for CYP3A4 inhibitors and inducers (macrolides other than clarithromycin, calcium antagonists, rifampicin…) was not read: its category is not available. The label's class line says drugs acting on CYP3A4 or P-gp change the level: measure levels.",
                "シクロスポリンの添付文書 10.2 の CYP3A4 阻害剤・誘導剤の行（クラリスロマイシン以外のマクロライド系、カルシウム拮抗剤、リファンピシンなど）は確認できていないため、区分は表示できません。添付文書の前文は、CYP3A4・P糖蛋白に作用する薬剤で血中濃度が変化するとしています：血中濃度を測定してください。",
            ),
            Gap::CyclosporinePotassiumRow => (
                "The cyclosporine label's hyperkalaemia row for potassium-sparing diuretics other than spironolactone and esaxerenone was not read: its category is not available. Watch serum potassium and check the current label.",
                "スピロノラクトン・エサキセレノン以外のカリウム保持性利尿剤について、シクロスポリンの添付文書の高カリウム血症の行は確認できていないため、区分は表示できません。血清カリウム値に注意し、最新の添付文書を確認してください。",
            ),
            Gap::TacrolimusNephrotoxicRow => (
                "The tacrolimus label's row for nephrotoxic drugs (amphotericin B, aminoglycosides, sulfamethoxazole-trimethoprim, NSAIDs…) was not read: the Japanese category is not available. Watch renal function and check the current label.",
                "タクロリムスの添付文書の腎毒性のある薬剤（アムホテリシンB、アミノ糖系抗生物質、スルファメトキサゾール・トリメトプリム、非ステロイド性消炎鎮痛剤など）の行は確認できていないため、日本での区分は表示できません。腎機能を観察し、最新の添付文書を確認してください。",
            ),
            Gap::TacrolimusInducerRow => (
                "The tacrolimus label's row for CYP3A4 inducers (rifampicin, antiepileptics) was not read: its category is not available. The level falls: recheck levels.",
                "タクロリムスの添付文書の CYP3A4 誘導剤（リファンピシン、抗てんかん薬）の行は確認できていないため、区分は表示できません。血中濃度が低下します：再測定してください。",
            ),
            Gap::AsunaprevirVaniprevirCategory => (
                "Cyclosporine + asunaprevir/vaniprevir were removed from 禁忌 in the Jul 2024 revision (DSU No.327); their current category was not found. Check the current label.",
                "シクロスポリン＋アスナプレビル／バニプレビルは2024年7月改訂（DSU No.327）で禁忌から削除されました。現在の区分は確認できていません。最新の添付文書を確認してください。",
            ),
            Gap::PneumocystisProphylaxis => (
                "Pneumocystis prophylaxis: no verified recommendation, dose or threshold; the app only reminds to check whether prophylaxis is in place under combined immunosuppression.",
                "ニューモシスチス肺炎の予防: 確認できた推奨・用量・閾値はありません。併用免疫抑制中に予防の有無の確認を促すのみです。",
            ),
            Gap::CreatinineRiseThreshold => (
                "Creatinine rise from baseline: no verified threshold (% or absolute) should prompt a cyclosporine or tacrolimus dose reduction. The rise is shown; judge it against the current label and the institutional rule.",
                "ベースラインからのクレアチニン上昇：シクロスポリン・タクロリムスの減量を考えるべき閾値（%・絶対値）は確認できていません。上昇率を表示します。最新の添付文書と施設の基準で判断してください。",
            ),
            Gap::AdverseEventThreshold => (
                "No verified action threshold for potassium, blood pressure, glucose, HbA1c or liver enzymes (AST/ALT) during this treatment, and no reference range for them; use the laboratory's range and the institutional rule.",
                "カリウム、血圧、血糖、HbA1c、肝酵素（AST/ALT）について、この治療中の対応閾値も基準範囲も確認できていません。検査室の基準範囲と施設の基準を用いてください。",
            ),
            Gap::EarlyCombinationWindow => (
                "Early combination therapy: the interval between start dates is shown in days, without a verdict (the 2-week window of Nagasawa 2003 and Takada 2007 is not applied as a rule).",
                "早期併用療法：開始日の間隔を日数で表示するのみで、判定は行いません（Nagasawa 2003・Takada 2007 の「2週間以内」は規則として適用していません）。",
            ),
            Gap::PulseDayWbcLimit => (
                "No numeric WBC limit for the day of a pulse was found (a 'postpone if WBC < 4000/µL' rule is not in the sources read). The Endoxan label holds the drug when the WBC has fallen to half of normal or less, without a number, and no verified WBC reference interval is at hand: the day's WBC holds no pulse here; the neutrophil rule does.",
                "投与日の白血球数の数値基準は見つかりませんでした（「白血球数 <4000/µL で延期」は参照した資料にありません）。エンドキサン添付文書は「正常の1/2以下に減少したときは、一時休薬」としていますが数値はありません。確認済みの白血球数の基準範囲もないため、ここでは投与日の白血球数だけでは休薬にしません（好中球数の基準で判断します）。",
            ),
        };
        lang.pick(en, ja)
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::same_numbers;
    use super::*;

    #[test]
    fn every_gap_has_japanese_with_the_same_numbers() {
        for g in Gap::ALL {
            let (en, ja) = (g.words(Lang::En), g.words(Lang::Ja));
            assert!(super::super::has_japanese(ja) && ja != en, "{g:?}");
            assert_eq!(en, g.reason(), "{g:?}");
            same_numbers(&format!("{g:?}"), en, ja);
        }
    }
}

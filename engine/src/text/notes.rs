//! Statements from the literature shown next to results ([`Note`]): each
//! in English and Japanese.

use super::{Lang, Words};
use crate::clinical::notes::Note;

impl Words for Note {
    fn words(self, lang: Lang) -> &'static str {
        let (en, ja) = match self {
            Note::TwiceCutOffPoorPrognosis => (
                "KL-6 / SP-D values about 2× the cut-off or more may indicate poor prognosis (Japanese review).",
                "KL-6・SP-D がカットオフ値の約2倍以上では予後不良を示唆することがあります（日本の総説）。",
            ),
            Note::Kl6Progression800 => (
                "KL-6 ≥800 U/mL predicted ILD progression (optimal ROC cut-off 811 U/mL).",
                "KL-6 ≥800 U/mL は間質性肺疾患の進行を予測しました（ROC の最適カットオフ 811 U/mL）。",
            ),
            Note::Kl6AssayDependence => (
                "KL-6 depends on the assay: with HISCL the ILD-vs-healthy cut-off was 304 U/mL, lower than the manufacturer's. Compare results of the same assay only.",
                "KL-6 は測定法に依存します。HISCL では間質性肺疾患と健常者のカットオフが 304 U/mL で、メーカー値より低値でした。同じ測定法の結果どうしで比較してください。",
            ),
            Note::OneOfKl6SpDSpABilled => (
                "Japanese billing: only one of KL-6 / SP-D / SP-A is billed when measured together.",
                "保険請求: KL-6・SP-D・SP-A を同時に測定しても算定できるのは1項目のみです。",
            ),
            Note::FerritinTrendsMatter => (
                "A single ferritin / anti-MDA5 / IL-18 value has limited prognostic value; trends matter.",
                "フェリチン・抗MDA5抗体・IL-18 の単回値の予後予測能は限られます。推移が重要です。",
            ),
            Note::BetaDGlucanMedienceZones => (
                "LSI Medience: >20 pg/mL treatment target, 10–20 observe, ≤10 healthy. Values differ by kit.",
                "LSIメディエンス: >20 pg/mL 治療対象、10–20 経過観察、≤10 健常。キットにより値が異なります。",
            ),
            Note::CmvTransplantThresholdsOnly => (
                "No CTD-specific CMV antigenaemia threshold was verified; published thresholds are for transplant patients. Use the institutional threshold.",
                "膠原病に特化した CMV アンチゲネミアの閾値は検証されていません。公表閾値は移植患者のものです。施設の閾値を使用してください。",
            ),
            Note::SingleEthnicityCohorts => (
                "Derived from retrospective or single-centre cohorts of one ethnicity (mostly Japanese or Chinese); cut-offs depend on the assay.",
                "単一民族（主に日本人または中国人）の後ろ向き・単施設コホートから導かれたモデルです。カットオフは測定法に依存します。",
            ),
            Note::MckModel => (
                "MCK model (JAMI cohort; derivation 497, validation 111): anti-MDA5 status + CRP + KL-6; risk groups by the number of risk factors. Cut-offs here are those applied in the external validation (Miyake 2025).",
                "MCK モデル（JAMI コホート: 導出 497 例、検証 111 例）: 抗MDA5抗体 + CRP + KL-6。リスク群は危険因子の数で分けます。ここでのカットオフは外部検証（Miyake 2025）で用いられた値です。",
            ),
            Note::MckMda5PositiveNotPredictive => (
                "External validation (n=242): in anti-MDA5-positive patients, MCK = 2 did not significantly predict mortality.",
                "外部検証（242 例）: 抗MDA5抗体陽性例では MCK = 2 は死亡を有意に予測しませんでした。",
            ),
            Note::MckMda5NegativePredictive => (
                "External validation (n=242): in anti-MDA5-negative patients, MCK = 2 predicted all-cause mortality, flares and infections needing hospitalisation.",
                "外部検証（242 例）: 抗MDA5抗体陰性例では MCK = 2 は全死亡、再燃、入院を要する感染症を予測しました。",
            ),
            Note::FlairCentreSpecificInputs => (
                "The HRCT score is the Renji centre's semi-quantitative system and the anti-MDA5 +/++/+++ grading is assay-specific (line-blot intensity); both are hard to reproduce elsewhere (caveat not verified).",
                "HRCT スコアは Renji 施設の半定量法、抗MDA5抗体の +/++/+++ はアッセイ固有（ラインブロットの強度）で、他施設での再現は困難です（注意書き、未検証）。",
            ),
            Note::IsodaBothFactorsDied => (
                "CsA-treated DM-A/SIP (Isoda 2014): lower 24-week survival with ferritin ≥600 ng/mL or A-aDO2 ≥45 Torr; all patients with both factors died.",
                "シクロスポリン治療の DM-A/SIP（Isoda 2014）: フェリチン ≥600 ng/mL または A-aDO2 ≥45 Torr で 24 週生存率が低く、両方を満たす例は全例死亡しました。",
            ),
            Note::Gono2010Survival => (
                "DM with A/SIP (Gono 2010): significantly lower survival with ferritin ≥1500 ng/mL.",
                "A/SIP を伴う皮膚筋炎（Gono 2010）: フェリチン ≥1500 ng/mL で生存率が有意に低値でした。",
            ),
            Note::Gono2012Cohort => (
                "Anti-MDA5 RP-ILD (Gono 2012, n=27): A-aDO2 ≥32 mmHg and ferritin ≥828 ng/mL at admission were poor prognostic factors.",
                "抗MDA5抗体陽性の急速進行性間質性肺炎（Gono 2012、27 例）: 入院時 A-aDO2 ≥32 mmHg とフェリチン ≥828 ng/mL が予後不良因子でした。",
            ),
            Note::NihAdjustToResponseAndNadir => (
                "NIH regimen: subsequent doses are adjusted to response and WBC nadir (how much is not verified here).",
                "NIH レジメン：2回目以降の投与量は効果と白血球数最低値に応じて調整します（調整幅はここでは未検証）。",
            ),
            Note::MesnaNoHarmonisedDose => (
                "No harmonised mesna dose is established; mesna must be present in the bladder during exposure, continued up to 12–24 h.",
                "統一されたメスナ投与量は確立されていません。曝露中はメスナが膀胱内にある必要があり、12–24 時間まで継続します。",
            ),
            Note::MesnaEqualToCyclophosphamide => (
                "MSD Manual (SLE protocols): mesna is given in a dose equal to cyclophosphamide.",
                "MSD マニュアル（SLE のプロトコル）：メスナはシクロホスファミドと同量を投与します。",
            ),
            Note::Hydration => (
                "Hydration: 1–2 L saline IV starting about 30 min before the infusion; mesna 15–30 min before and again hours after.",
                "補液：点滴開始の約30分前から生理食塩液 1–2 L を静注。メスナは 15–30 分前と数時間後に投与します。",
            ),
            Note::EuroLupusFertility => (
                "Fertility preservation may not be necessary for Euro-Lupus females without other risks (e.g. age >30).",
                "Euro-Lupus の女性で他のリスク（例：30歳超）がなければ、妊孕性温存は不要な場合があります。",
            ),
            Note::OvarianFailureUnder32 => (
                "Age ≤31 y: 5/44 developed sustained amenorrhoea with monthly IVCY; no dose threshold was reported.",
                "31歳以下：毎月の IVCY で 5/44 例が持続性無月経となりました。用量の閾値は報告されていません。",
            ),
            Note::Eular2009NoRegimenBelow150 => (
                "EULAR 2009 Table 6 footnote: the trial did not include a separate regimen for patients with a creatinine of <150 µmol/L.",
                "EULAR 2009 表6の脚注：試験にはクレアチニン <150 µmol/L の患者のための別レジメンはありませんでした。",
            ),
            Note::KamedaCoTherapy => (
                "Kameda triple therapy: high-dose prednisolone + IVCY + cyclosporine 2–4 mg/kg/day.",
                "Kameda の3剤併用療法：高用量プレドニゾロン＋IVCY＋シクロスポリン 2–4 mg/kg/日。",
            ),
            Note::InteractionTableCoverage => (
                "Only the label rows read are checked (generic names, brands and abbreviations); a drug not found, or without a row, is not evidence of safety. Check the current package insert.",
                "確認するのは添付文書で確認できた行のみです（一般名・商品名・略号）。見つからない薬剤や記載のない薬剤も安全とは限りません。最新の添付文書を確認してください。",
            ),
            Note::CyclosporineMeasureLevels => (
                "Cyclosporine is metabolised by CYP3A4, inhibits CYP3A4 and P-gp and is a P-gp substrate: measure levels when co-medications change.",
                "シクロスポリンはCYP3A4で代謝され、CYP3A4とP-gpを阻害し、P-gpの基質です：併用薬が変わったら血中濃度を測定してください。",
            ),
            Note::DlcoMostSensitive => (
                "DLco is the most sensitive index of impaired gas exchange.",
                "DLco はガス交換障害の最も鋭敏な指標です。",
            ),
            Note::FallingFvcWithoutIp => (
                "A falling FVC without interstitial pneumonia suggests respiratory-muscle weakness.",
                "間質性肺炎がないのに FVC が低下する場合は、呼吸筋力低下を示唆します。",
            ),
            Note::Kl6SpDNormalInAcutePhase => (
                "KL-6 and SP-D can be normal in the acute phase: a normal value does not exclude active interstitial pneumonia.",
                "KL-6・SP-D は急性期に正常のことがあり、正常値でも活動性の間質性肺炎は否定できません。",
            ),
            Note::RisingFerritinAcuteIp => (
                "Rising ferritin goes with acute/subacute interstitial pneumonia and its prognosis.",
                "フェリチンの上昇は急性・亜急性間質性肺炎とその予後に関連します。",
            ),
            Note::PcpProphylaxisCheck => (
                "Combined immunosuppression: check whether Pneumocystis prophylaxis (TMP-SMX) is in place. No verified recommendation, dose or threshold is given here.",
                "併用免疫抑制中です: ニューモシスチス肺炎の予防（ST合剤）が行われているか確認してください。確認できた推奨・用量・閾値はありません。",
            ),
            Note::CyclosporineSmxTmpCaution => (
                "Cyclosporine + SMX-TMP is listed as 併用注意 (use with caution): additive nephrotoxicity; monitor creatinine/BUN often.",
                "シクロスポリンと ST合剤は併用注意です: 腎毒性が相加します。クレアチニン・BUN を頻回に確認してください。",
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
    fn every_note_has_japanese_with_the_same_numbers() {
        for n in Note::ALL {
            let (en, ja) = (n.words(Lang::En), n.words(Lang::Ja));
            assert!(super::super::has_japanese(ja) && ja != en, "{n:?}");
            same_numbers(&format!("{n:?}"), en, ja);
        }
    }
}

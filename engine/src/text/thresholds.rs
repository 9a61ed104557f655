//! The cumulative cyclophosphamide thresholds ([`Threshold`]) in words,
//! English and Japanese.

use super::{Lang, Words};
use crate::clinical::cyclophosphamide::ledger::Threshold;

impl Words for Threshold {
    fn words(self, lang: Lang) -> &'static str {
        let (en, ja) = match self {
            Threshold::BladderOrDoublesPer10g => (
                "Bladder cancer: risk roughly doubles per 10 g cumulative (OR 2.0)",
                "膀胱癌：累積投与量 10 g ごとにリスクが約2倍（OR 2.0）",
            ),
            Threshold::BladderControlsMedian => (
                "Bladder cancer study: median cumulative dose of controls, 25 g",
                "膀胱癌の研究：対照群の累積投与量の中央値 25 g",
            ),
            Threshold::BladderNihOver100g => (
                "NIH cohort: in 6/7 bladder cancers the cumulative dose was >100 g and treatment >2.7 years",
                "NIH コホート：膀胱癌 7 例中 6 例で累積投与量 >100 g かつ治療期間 >2.7 年",
            ),
            Threshold::BladderCasesMedian => (
                "Bladder cancer study: median cumulative dose of cases, 113 g",
                "膀胱癌の研究：症例群の累積投与量の中央値 113 g",
            ),
            Threshold::OvarianD50 => (
                "Ovarian failure with monthly IVCY 0.75–1 g/m², age ≥32: 50 % at 8 g/m² (D50)",
                "毎月 IVCY 0.75–1 g/m²、32歳以上の卵巣機能不全：8 g/m² で 50 %（D50）",
            ),
            Threshold::OvarianD90 => (
                "Ovarian failure with monthly IVCY 0.75–1 g/m², age ≥32: 90 % at 12 g/m² (D90)",
                "毎月 IVCY 0.75–1 g/m²、32歳以上の卵巣機能不全：12 g/m² で 90 %（D90）",
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
    fn every_threshold_has_japanese_with_the_same_numbers() {
        for t in Threshold::ALL {
            let (en, ja) = (t.words(Lang::En), t.words(Lang::Ja));
            assert!(super::super::has_japanese(ja), "{t:?}");
            same_numbers(&format!("{t:?}"), en, ja);
        }
    }
}

//! Japanese text for the engine's English-only statements that these
//! screens show (unavailable items, literature notes, cumulative-dose
//! thresholds). Terms follow shared/clinical/glossary-ja.md. An item
//! without a translation falls back to the engine's English.

use dmip_engine::clinical::cyclophosphamide::ledger::Threshold;
use dmip_engine::clinical::notes::Note;
use dmip_engine::clinical::status::Gap;

pub fn gap(g: Gap) -> Option<&'static str> {
    Some(match g {
        Gap::EularCreatinineBands => "EULAR 2009 表6：クレアチニンの列見出しが確認できていません（二次資料の <300 / 300–500 µmol/L は未検証 [M]）。そのため患者のクレアチニン値に対応する列を選べません。",
        Gap::WbcNadirDoseAdjustment => "白血球数最低値（ナディア）による減量（CYCLOPS −40 % / −20 %、ナディア <3,000/µL で延期）は未検証 [M] です。ナディアは記録・表示のみ行います。",
        Gap::IvcyRenalDoseReduction => "eGFR・CrCl による IVCY 減量（添付文書・Aronoff 型）は臨床参照資料で検証されていません。",
        Gap::TsujiIvcyDose => "Tsuji 2020 の3剤併用療法：IVCY 投与量（500–1000 mg/m² を2週ごと）は未検証 [M] で、正確なスケジュールは確認できていません。",
        Gap::CyclopsRegimen => "CYCLOPS/EUVAS のレジメン（15 mg/kg、0・2・4・7・10・13週、1回最大 1.5 g）は二次資料 [M] によるものです。",
        Gap::AzathioprineMaintenanceDose => "維持療法への移行：アザチオプリン（その他の維持療法薬を含む）の投与量は臨床参照資料にありません。",
        Gap::MesnaDose => "メスナ：eviQ は統一されたメスナ投与量は確立されていないとしています。MSD マニュアルの SLE の表ではシクロホスファミドと同量です。計算せず、注意事項として表示します。",
        Gap::OvarianFailureUnder32 => "卵巣機能不全：D50/D90 は32歳以上でのみ報告されています。31歳以下では 5/44 例が持続性無月経となり、用量の閾値は報告されていません。",
        Gap::EarlyCombinationWindow => "早期併用療法：issue 9 が引用する「2週間以内」の基準と生存率（Nagasawa 2003、Takada 2007）は臨床参照資料にありません。開始日の間隔を日数で表示するのみで、判定は行いません。",
        _ => return None,
    })
}

pub fn note(n: Note) -> Option<&'static str> {
    Some(match n {
        Note::NihAdjustToResponseAndNadir => "NIH レジメン：2回目以降の投与量は効果と白血球数最低値に応じて調整します（調整幅はここでは未検証）。",
        Note::MesnaNoHarmonisedDose => "統一されたメスナ投与量は確立されていません。曝露中はメスナが膀胱内にある必要があり、12–24 時間まで継続します。",
        Note::MesnaEqualToCyclophosphamide => "MSD マニュアル（SLE のプロトコル）：メスナはシクロホスファミドと同量を投与します。",
        Note::Hydration => "補液：点滴開始の約30分前から生理食塩液 1–2 L を静注。メスナは 15–30 分前と数時間後に投与します。",
        Note::EuroLupusFertility => "Euro-Lupus の女性で他のリスク（例：30歳超）がなければ、妊孕性温存は不要な場合があります。",
        Note::OvarianFailureUnder32 => "31歳以下：毎月の IVCY で 5/44 例が持続性無月経となりました。用量の閾値は報告されていません。",
        Note::Eular2009NoRegimenBelow150 => "EULAR 2009 表6の脚注：試験にはクレアチニン <150 µmol/L の患者のための別レジメンはありませんでした。",
        Note::KamedaCoTherapy => "Kameda の3剤併用療法：高用量プレドニゾロン＋IVCY＋シクロスポリン 2–4 mg/kg/日。",
        _ => return None,
    })
}

pub fn threshold(t: Threshold) -> &'static str {
    match t {
        Threshold::BladderOrDoublesPer10g => {
            "膀胱癌：累積投与量 10 g ごとにリスクが約2倍（OR 2.0）"
        }
        Threshold::BladderControlsMedian => "膀胱癌の研究：対照群の累積投与量の中央値 25 g",
        Threshold::BladderCasesMedian => "膀胱癌の研究：症例群の累積投与量の中央値 113 g",
        Threshold::BladderNihOver100g => {
            "NIH コホート：膀胱癌 7 例中 6 例で累積投与量 >100 g かつ治療期間 >2.7 年"
        }
        Threshold::OvarianD50 => {
            "毎月 IVCY 0.75–1 g/m²、32歳以上の卵巣機能不全：8 g/m² で 50 %（D50）"
        }
        Threshold::OvarianD90 => {
            "毎月 IVCY 0.75–1 g/m²、32歳以上の卵巣機能不全：12 g/m² で 90 %（D90）"
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_item_these_screens_show_is_in_japanese() {
        let gaps = [
            Gap::EularCreatinineBands,
            Gap::WbcNadirDoseAdjustment,
            Gap::IvcyRenalDoseReduction,
            Gap::TsujiIvcyDose,
            Gap::CyclopsRegimen,
            Gap::AzathioprineMaintenanceDose,
            Gap::MesnaDose,
            Gap::OvarianFailureUnder32,
            Gap::EarlyCombinationWindow,
        ];
        for g in gaps {
            let ja = gap(g).unwrap_or_default();
            assert!(!ja.is_ascii() && ja.len() > 40, "{g:?}");
        }
        let notes = [
            Note::NihAdjustToResponseAndNadir,
            Note::MesnaNoHarmonisedDose,
            Note::MesnaEqualToCyclophosphamide,
            Note::Hydration,
            Note::EuroLupusFertility,
            Note::OvarianFailureUnder32,
            Note::Eular2009NoRegimenBelow150,
            Note::KamedaCoTherapy,
        ];
        for n in notes {
            assert!(note(n).is_some_and(|t| !t.is_ascii()), "{n:?}");
        }
        // The numbers match the engine's English statements.
        assert!(threshold(Threshold::OvarianD90).contains("12 g/m²"));
        assert!(Threshold::OvarianD90.en().contains("12 g/m²"));
        assert_eq!(gap(Gap::Kl6OtherAssay), None);
    }
}

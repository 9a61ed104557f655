//! Japanese text for the engine's English-only statements that these
//! screens show (unavailable items, literature notes, cumulative-dose
//! thresholds). Terms follow the project's Japanese glossary. An item
//! without a translation falls back to the engine's English.

use dmip_engine::clinical::cyclophosphamide::ledger::Threshold;
use dmip_engine::clinical::notes::Note;
use dmip_engine::clinical::status::Gap;

pub fn gap(g: Gap) -> Option<&'static str> {
    Some(match g {
        Gap::EularCreatinineBands => "EULAR 2009 表6：参照した表には2つの列のクレアチニンの境界がありません（脚注の「150 µmol/L 未満の別レジメンはない」のみ）。そのため 150 µmol/L 以上では列を選べず、低い列の量で予定し、高い列の量を併記します。",
        Gap::WbcNadirDoseAdjustment => "前回投与後の白血球数最低値（ナディア）が低い場合の減量は、de Groot 2009 を引用する病院のプロトコルにのみ記載があり、試験本文は確認できていません。そのためナディアによる減量は行いません。ナディアは表示し、基準範囲下限未満のときは注意を示します。",
        Gap::IvcyRenalDoseReduction => "eGFR・クレアチニンクリアランスによる減量は、参照した資料にありません（確認したエンドキサン添付文書の記載にもなく、EULAR 2009 表6は eGFR ではなく血清クレアチニンによる）。そのため eGFR では投与量を変えません。",
        Gap::TsujiIvcyDose => "Tsuji 2020 の3剤併用療法：IVCY 投与量（500–1000 mg/m² を2週ごと）は検証されておらず、正確なスケジュールは確認できていません。",
        Gap::CyclopsRegimen => "CYCLOPS/EUVAS のスケジュール：de Groot 2009 は 15 mg/kg を2–3週ごととしています。投与週（0・2・4・7・10・13週）と1回の上限（1.2 g または 1.5 g）は二次資料のみのため、プリセットとしては提供しません。",
        Gap::AzathioprineMaintenanceDose => "維持療法への移行：アザチオプリン（その他の維持療法薬を含む）の検証済みの投与量はありません。",
        Gap::MesnaDose => "メスナ：eviQ は統一されたメスナ投与量は確立されていないとしています。MSD マニュアルの SLE の表ではシクロホスファミドと同量です。計算せず、注意事項として表示します。",
        Gap::OvarianFailureUnder32 => "卵巣機能不全：D50/D90 は32歳以上でのみ報告されています。31歳以下では 5/44 例が持続性無月経となり、用量の閾値は報告されていません。",
        Gap::PulseDayWbcLimit => "投与日の白血球数の数値基準は見つかりませんでした（「白血球数 <4000/µL で延期」は参照した資料にありません）。エンドキサン添付文書は「正常の1/2以下に減少したときは、一時休薬」としていますが数値はありません。確認済みの白血球数の基準範囲もないため、ここでは投与日の白血球数だけでは休薬にしません（好中球数の基準で判断します）。",
        Gap::EarlyCombinationWindow => "早期併用療法：開始日の間隔を日数で表示するのみで、判定は行いません（Nagasawa 2003・Takada 2007 の「2週間以内」は規則として適用していません）。",
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
            Gap::PulseDayWbcLimit,
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

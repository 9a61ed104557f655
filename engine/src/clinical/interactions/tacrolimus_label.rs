//! The tacrolimus (Prograf, Graceptor) label's interaction rows: 2. 禁忌 /
//! 10.1 併用禁忌 (Prograf and Graceptor, Dec 2023; Prograf granules), the
//! 10.2 併用注意 rows read (CYP3A4 row: DSU No.323, Jan 2024; others: the 2017
//! Prograf granule label), and the rows of other drugs' labels that name
//! tacrolimus (spironolactone, esaxerenone, bosentan).

use super::rows::{unavailable, Row, CAUTION, CONTRA, CYP3A4_ROW_TAC, NSAIDS};
use super::LevelChange::{Down, NotStated, Up};
use crate::clinical::sources::Source;
use crate::clinical::status::Gap;

pub const ROWS: &[Row] = &[
    // ---- 2. 禁忌 / 10.1 併用禁忌 ----
    Row {
        printed: "シクロスポリン（サンディミュン、ネオーラル）",
        partner: "cyclosporine",
        members: &["cyclosporine"],
        category: CONTRA,
        effect_ja: Some("副作用が増強されたとの報告がある。なお、シクロスポリンより本剤に切り換える場合はシクロスポリンの最終投与から24時間以上経過後に本剤の投与を開始することが望ましい。"),
        effect_en: Some("Adverse effects were reported to be enhanced. When switching from cyclosporine, start tacrolimus at least 24 h after the last cyclosporine dose."),
        level: NotStated,
        sources: &[Source::PrografGranuleLabel, Source::PrografLabel2023],
    },
    Row {
        printed: "ボセンタン（トラクリア）",
        partner: "bosentan",
        members: &["bosentan"],
        category: CONTRA,
        effect_ja: Some("ボセンタンの副作用が発現する可能性がある。ボセンタンの添付文書：ボセンタンの血中濃度が上昇し、タクロリムスの血中濃度が低下する（CYP3A4誘導）。"),
        effect_en: Some("Bosentan adverse effects may occur. Bosentan label: the bosentan level rises and the tacrolimus level falls (CYP3A4 induction)."),
        level: Down,
        sources: &[Source::PrografGranuleLabel, Source::BosentanLabel],
    },
    Row {
        printed: "カリウム保持性利尿剤（スピロノラクトン、トリアムテレン、カンレノ酸カリウム）",
        partner: "potassium-sparing diuretics (spironolactone, triamterene, potassium canrenoate)",
        members: &["k_sparing", "spironolactone", "triamterene", "potassium_canrenoate"],
        category: CONTRA,
        effect_ja: Some("高カリウム血症が発現することがある（スピロノラクトンの添付文書 10.1）。"),
        effect_en: Some("Hyperkalaemia may occur (spironolactone label 10.1)."),
        level: NotStated,
        sources: &[Source::GraceptorLabel2023, Source::SpironolactoneLabel],
    },
    Row {
        printed: "生ワクチン（乾燥弱毒生麻しんワクチン、乾燥弱毒生風しんワクチン、経口生ポリオワクチン等）",
        partner: "live vaccines (measles, rubella, oral polio…)",
        members: &["live_vaccines"],
        category: CONTRA,
        effect_ja: Some("類薬による免疫抑制下で、生ワクチン接種により発症したとの報告がある。（免疫抑制作用により発症の可能性が増加する。）"),
        effect_en: Some("Disease after a live vaccine has been reported under immunosuppression with similar drugs: do not give live vaccines."),
        level: NotStated,
        sources: &[Source::PrografGranuleLabel, Source::GraceptorLabel2023],
    },
    // ---- 10.2 併用注意 ----
    Row {
        printed: "抗生物質（エリスロマイシン、ジョサマイシン、クラリスロマイシン）、アゾール系抗真菌剤（イトラコナゾール、フルコナゾール、ボリコナゾール等）、カルシウム拮抗剤（ニフェジピン、ニルバジピン、ニカルジピン、ジルチアゼム等）、HIVプロテアーゼ阻害剤（リトナビル）、その他の薬剤（ブロモクリプチン、ダナゾール、エチニルエストラジオール、オメプラゾール、ランソプラゾール、トフィソパム、アミオダロン）、飲食物（グレープフルーツジュース）",
        partner: "CYP3A4 inhibitors: macrolides, azole antifungals, calcium antagonists, ritonavir, others, grapefruit juice",
        members: CYP3A4_ROW_TAC,
        category: CAUTION,
        effect_ja: Some("腎障害、不整脈等の副作用が発現することがある。併用開始後数日以内に本剤血中濃度が上昇し、副作用が発現した症例も報告されていることから、患者の状態を十分に観察する。"),
        effect_en: Some("Renal impairment, arrhythmia and other adverse effects may occur; levels rose within days of starting in reported cases: observe closely and recheck levels."),
        level: Up,
        sources: &[Source::Dsu323],
    },
    Row {
        printed: "エプレレノン（セララ）",
        partner: "eplerenone",
        members: &["eplerenone"],
        category: CAUTION,
        effect_ja: Some("血清カリウム値が上昇する可能性があるので、血清カリウム値を定期的に観察するなど十分に注意すること。（2017年版の添付文書。現行版での区分は未確認）"),
        effect_en: Some("Serum potassium may rise: check it regularly. (2017 label; its category in the current label was not verified.)"),
        level: NotStated,
        sources: &[Source::PrografLabel2017],
    },
    Row {
        printed: "エサキセレノン（ミネブロの添付文書 10.2：タクロリムス）",
        partner: "esaxerenone (esaxerenone label 10.2)",
        members: &["esaxerenone"],
        category: CAUTION,
        effect_ja: Some("血清カリウム値の上昇（高カリウム血症）。"),
        effect_en: Some("Serum potassium rises (hyperkalaemia)."),
        level: NotStated,
        sources: &[Source::EsaxerenoneLabel],
    },
    Row {
        printed: "不活化ワクチン（インフルエンザHAワクチン等）",
        partner: "inactivated vaccines (influenza HA vaccine…)",
        members: &["inactivated_vaccines"],
        category: CAUTION,
        effect_ja: Some("ワクチンの効果を減弱させることがある。"),
        effect_en: Some("The vaccine may work less well."),
        level: NotStated,
        sources: &[Source::PrografLabel2017],
    },
    Row {
        printed: "免疫抑制作用を有する薬剤：免疫抑制剤、副腎皮質ホルモン剤等、抗リウマチ薬（DMARD）メトトレキサート等",
        partner: "immunosuppressive drugs: immunosuppressants, corticosteroids, DMARDs (methotrexate…)",
        members: &["immunosuppressants", "corticosteroids", "prednisolone", "dmards", "methotrexate", "cyclophosphamide", "atg"],
        category: CAUTION,
        effect_ja: Some("過度の免疫抑制が起こることがある。"),
        effect_en: Some("Over-immunosuppression may occur."),
        level: NotStated,
        sources: &[Source::PrografLabel2017],
    },
    Row {
        printed: "腎毒性のある薬剤（アムホテリシンB、アミノ糖系抗生物質、スルファメトキサゾール・トリメトプリム、非ステロイド性抗炎症剤、バンコマイシン、ガンシクロビル）",
        partner: "nephrotoxic drugs: amphotericin B, aminoglycosides, sulfamethoxazole-trimethoprim, NSAIDs, vancomycin, ganciclovir (row not read)",
        members: &["amphotericin_b", "aminoglycosides", "gentamicin", "tobramycin", "smx_tmp", "vancomycin", "ganciclovir", NSAIDS[0], NSAIDS[1], NSAIDS[2], NSAIDS[3], NSAIDS[4], NSAIDS[5]],
        category: unavailable(Gap::TacrolimusNephrotoxicRow),
        effect_ja: Some("腎毒性が相加的に強まる：腎機能を観察する（Advagraf の欧州製品概要）。"),
        effect_en: Some("Additive nephrotoxicity: watch renal function (Advagraf SmPC)."),
        level: NotStated,
        sources: &[Source::AdvagrafSmpc],
    },
    Row {
        printed: "CYP3A4誘導剤（リファンピシン等）",
        partner: "CYP3A4 inducers: rifampicin (row not read)",
        members: &["rifampicin"],
        category: unavailable(Gap::TacrolimusInducerRow),
        effect_ja: Some("本剤の血中濃度が低下する：血中濃度を再測定する。"),
        effect_en: Some("The tacrolimus level falls: recheck levels."),
        level: Down,
        sources: &[Source::PrografUsLabel],
    },
];

//! The synonym table: every drug (or class word) the label rows name, with
//! its ordinary spellings — English INN, Japanese generic name (カタカナ),
//! Japanese brands, abbreviations — as the Japanese-label synonym table
//! lists them (verified and secondary cells; names it marks missing are
//! left out, never added from memory). A typed name is matched by
//! [`super::fold`]; the longest name found wins ("バルガンシクロビル" is
//! valganciclovir, not ganciclovir).

/// One drug or class word of the table.
pub struct Drug {
    /// Stable key, used by the label rows.
    pub key: &'static str,
    pub en: &'static str,
    pub ja: &'static str,
    /// Every spelling matched (the display names are matched too).
    pub names: &'static [&'static str],
}

const fn d(
    key: &'static str,
    en: &'static str,
    ja: &'static str,
    names: &'static [&'static str],
) -> Drug {
    Drug { key, en, ja, names }
}

/// The subjects themselves (their labels are the ones checked).
pub const CYCLOSPORINE: &str = "cyclosporine";
pub const TACROLIMUS: &str = "tacrolimus";
/// Topical tacrolimus: 「外用剤を除く」 in the cyclosporine label.
pub const TACROLIMUS_TOPICAL: &str = "tacrolimus_topical";

/// Words that make a tacrolimus product topical.
pub const TOPICAL_FORMS: &[&str] = &["軟膏", "外用", "点眼", "ointment", "topical", "eye drops"];

pub const DRUGS: &[Drug] = &[
    // ---- The calcineurin inhibitors ----
    d(
        CYCLOSPORINE,
        "cyclosporine",
        "シクロスポリン",
        &[
            "ciclosporin",
            "cyclosporin",
            "csa",
            "ネオーラル",
            "サンディミュン",
            "neoral",
            "sandimmun",
            "sandimmune",
        ],
    ),
    d(
        TACROLIMUS,
        "tacrolimus",
        "タクロリムス",
        &[
            "タクロリムス水和物",
            "プログラフ",
            "グラセプター",
            "prograf",
            "graceptor",
            "fk-506",
            "tac",
        ],
    ),
    d(
        TACROLIMUS_TOPICAL,
        "tacrolimus (topical)",
        "タクロリムス（外用）",
        &["プロトピック", "protopic"],
    ),
    // ---- Statins ----
    d(
        "pitavastatin",
        "pitavastatin",
        "ピタバスタチン",
        &["リバロ"],
    ),
    d(
        "rosuvastatin",
        "rosuvastatin",
        "ロスバスタチン",
        &["クレストール"],
    ),
    d(
        "simvastatin",
        "simvastatin",
        "シンバスタチン",
        &["リポバス"],
    ),
    d(
        "pravastatin",
        "pravastatin",
        "プラバスタチン",
        &["メバロチン"],
    ),
    d(
        "atorvastatin",
        "atorvastatin",
        "アトルバスタチン",
        &["リピトール"],
    ),
    d(
        "statins",
        "statins (HMG-CoA reductase inhibitors)",
        "HMG-CoA還元酵素阻害剤",
        &[
            "statin",
            "スタチン",
            "hmg-coa reductase inhibitor",
            "hmg-coa還元酵素阻害薬",
        ],
    ),
    // ---- Cyclosporine 禁忌 ----
    d("bosentan", "bosentan", "ボセンタン", &["トラクリア"]),
    d(
        "aliskiren",
        "aliskiren",
        "アリスキレン",
        &["アリスキレンフマル酸塩", "ラジレス"],
    ),
    d("grazoprevir", "grazoprevir", "グラゾプレビル", &[]),
    d("pemafibrate", "pemafibrate", "ペマフィブラート", &[]),
    d("asunaprevir", "asunaprevir", "アスナプレビル", &[]),
    d("vaniprevir", "vaniprevir", "バニプレビル", &[]),
    // ---- Potassium ----
    d(
        "spironolactone",
        "spironolactone",
        "スピロノラクトン",
        &["アルダクトンa", "アルダクトン"],
    ),
    d(
        "triamterene",
        "triamterene",
        "トリアムテレン",
        &["トリテレン"],
    ),
    d(
        "potassium_canrenoate",
        "potassium canrenoate",
        "カンレノ酸カリウム",
        &["canrenoate"],
    ),
    d("eplerenone", "eplerenone", "エプレレノン", &["セララ"]),
    d(
        "esaxerenone",
        "esaxerenone",
        "エサキセレノン",
        &["ミネブロ"],
    ),
    d("finerenone", "finerenone", "フィネレノン", &[]),
    d("mitotane", "mitotane", "ミトタン", &["オペプリム"]),
    d(
        "k_sparing",
        "potassium-sparing diuretics",
        "カリウム保持性利尿剤",
        &[
            "potassium sparing diuretic",
            "k-sparing diuretic",
            "カリウム保持性利尿薬",
        ],
    ),
    // ---- Nephrotoxic ----
    d(
        "smx_tmp",
        "sulfamethoxazole-trimethoprim (co-trimoxazole)",
        "スルファメトキサゾール・トリメトプリム",
        &[
            "sulfamethoxazole trimethoprim",
            "trimethoprim-sulfamethoxazole",
            "co-trimoxazole",
            "コトリモキサゾール",
            "バクタ",
            "バクタミニ",
            "バクトラミン",
            "st合剤",
            "tmp-smx",
            "smx-tmp",
        ],
    ),
    d(
        "amphotericin_b",
        "amphotericin B",
        "アムホテリシンB",
        &["ファンギゾン", "アンビゾーム", "amph-b", "l-amb"],
    ),
    d(
        "gentamicin",
        "gentamicin",
        "ゲンタマイシン",
        &["ゲンタシン"],
    ),
    d("tobramycin", "tobramycin", "トブラマイシン", &[]),
    d(
        "aminoglycosides",
        "aminoglycosides",
        "アミノ糖系抗生物質",
        &["aminoglycoside", "アミノグリコシド系", "アミノグリコシド"],
    ),
    d("vancomycin", "vancomycin", "バンコマイシン", &[]),
    d("ganciclovir", "ganciclovir", "ガンシクロビル", &[]),
    d(
        "valganciclovir",
        "valganciclovir",
        "バルガンシクロビル",
        &["バリキサ"],
    ),
    d("foscarnet", "foscarnet", "ホスカルネット", &[]),
    d(
        "ciprofloxacin",
        "ciprofloxacin",
        "シプロフロキサシン",
        &["シプロキサン"],
    ),
    d("melphalan", "melphalan (injection)", "メルファラン", &[]),
    d(
        "bezafibrate",
        "bezafibrate",
        "ベザフィブラート",
        &["ベザトール"],
    ),
    d(
        "fenofibrate",
        "fenofibrate",
        "フェノフィブラート",
        &["トライコア"],
    ),
    d(
        "fibrates",
        "fibrates",
        "フィブラート系薬剤",
        &["fibrate", "フィブラート系"],
    ),
    // ---- NSAIDs ----
    d(
        "diclofenac",
        "diclofenac",
        "ジクロフェナク",
        &["ボルタレン"],
    ),
    d("naproxen", "naproxen", "ナプロキセン", &[]),
    d("sulindac", "sulindac", "スリンダク", &[]),
    d(
        "indometacin",
        "indometacin",
        "インドメタシン",
        &["indomethacin", "インテバン", "インダシン"],
    ),
    d(
        "loxoprofen",
        "loxoprofen",
        "ロキソプロフェン",
        &["ロキソニン"],
    ),
    d(
        "nsaids",
        "NSAIDs",
        "非ステロイド性消炎鎮痛剤",
        &[
            "nsaid",
            "非ステロイド性抗炎症薬",
            "非ステロイド性抗炎症剤",
            "非ステロイド性消炎鎮痛薬",
        ],
    ),
    // ---- Macrolides ----
    d(
        "erythromycin",
        "erythromycin",
        "エリスロマイシン",
        &["エリスロシン", "em"],
    ),
    d(
        "clarithromycin",
        "clarithromycin",
        "クラリスロマイシン",
        &["クラリス", "クラリシッド", "cam"],
    ),
    d("josamycin", "josamycin", "ジョサマイシン", &[]),
    d(
        "azithromycin",
        "azithromycin",
        "アジスロマイシン",
        &["ジスロマック", "azm"],
    ),
    d(
        "macrolides",
        "macrolide antibiotics",
        "マクロライド系抗生物質",
        &["macrolide", "マクロライド系", "マクロライド"],
    ),
    // ---- Antifungals ----
    d(
        "itraconazole",
        "itraconazole",
        "イトラコナゾール",
        &["イトリゾール", "itcz"],
    ),
    d(
        "fluconazole",
        "fluconazole",
        "フルコナゾール",
        &["ジフルカン", "flcz"],
    ),
    d(
        "fosfluconazole",
        "fosfluconazole",
        "ホスフルコナゾール",
        &["プロジフ", "f-flcz"],
    ),
    d(
        "voriconazole",
        "voriconazole",
        "ボリコナゾール",
        &["ブイフェンド", "vrcz"],
    ),
    d(
        "posaconazole",
        "posaconazole",
        "ポサコナゾール",
        &["ノクサフィル", "pscz"],
    ),
    d(
        "isavuconazole",
        "isavuconazole",
        "イサブコナゾール",
        &[
            "イサブコナゾニウム硫酸塩",
            "イサブコナゾニウム",
            "クレセンバ",
            "iscz",
        ],
    ),
    d(
        "miconazole",
        "miconazole",
        "ミコナゾール",
        &["フロリード", "オラビ", "mcz"],
    ),
    d(
        "azoles",
        "azole antifungals",
        "アゾール系抗真菌剤",
        &[
            "azole",
            "azole antifungal",
            "アゾール系抗真菌薬",
            "アゾール系",
        ],
    ),
    d(
        "micafungin",
        "micafungin",
        "ミカファンギン",
        &["ファンガード", "mcfg"],
    ),
    d(
        "caspofungin",
        "caspofungin",
        "カスポファンギン",
        &["カンサイダス", "cpfg"],
    ),
    // ---- Calcium antagonists ----
    d("nifedipine", "nifedipine", "ニフェジピン", &["アダラート"]),
    d("nilvadipine", "nilvadipine", "ニルバジピン", &[]),
    d("nicardipine", "nicardipine", "ニカルジピン", &[]),
    d("diltiazem", "diltiazem", "ジルチアゼム", &["ヘルベッサー"]),
    d("verapamil", "verapamil", "ベラパミル", &["ワソラン"]),
    d(
        "calcium_antagonists",
        "calcium antagonists",
        "カルシウム拮抗剤",
        &[
            "calcium antagonist",
            "calcium channel blocker",
            "カルシウム拮抗薬",
            "ca拮抗薬",
            "ca拮抗剤",
        ],
    ),
    // ---- Other CYP3A4 row members ----
    d("ritonavir", "ritonavir", "リトナビル", &["ノービア"]),
    d(
        "nirmatrelvir_ritonavir",
        "nirmatrelvir/ritonavir",
        "ニルマトレルビル・リトナビル",
        &[
            "nirmatrelvir",
            "ニルマトレルビル",
            "パキロビッドパック",
            "パキロビッド",
        ],
    ),
    d(
        "bromocriptine",
        "bromocriptine",
        "ブロモクリプチン",
        &["パーロデル"],
    ),
    d("danazol", "danazol", "ダナゾール", &["ボンゾール"]),
    d("amiodarone", "amiodarone", "アミオダロン", &["アンカロン"]),
    d("omeprazole", "omeprazole", "オメプラゾール", &[]),
    d(
        "lansoprazole",
        "lansoprazole",
        "ランソプラゾール",
        &["タケプロン"],
    ),
    d("tofisopam", "tofisopam", "トフィソパム", &[]),
    d(
        "ethinylestradiol",
        "ethinylestradiol",
        "エチニルエストラジオール",
        &["ethinyl estradiol"],
    ),
    d(
        "grapefruit",
        "grapefruit juice",
        "グレープフルーツジュース",
        &["grapefruit", "グレープフルーツ"],
    ),
    d(
        "rifampicin",
        "rifampicin",
        "リファンピシン",
        &["rifampin", "リマクタン", "アプテシン", "リファジン"],
    ),
    // ---- Other cyclosporine 10.2 rows ----
    d("ambrisentan", "ambrisentan", "アンブリセンタン", &[]),
    d("digoxin", "digoxin", "ジゴキシン", &["ジゴシン"]),
    d(
        "metoclopramide",
        "metoclopramide",
        "メトクロプラミド",
        &["プリンペラン"],
    ),
    d(
        "bile_acids",
        "bile acid preparations",
        "胆汁酸製剤",
        &["bile acid"],
    ),
    d("acetazolamide", "acetazolamide", "アセタゾラミド", &[]),
    d("carvedilol", "carvedilol", "カルベジロール", &[]),
    d("repaglinide", "repaglinide", "レパグリニド", &[]),
    d(
        "atg",
        "antithymocyte globulin (ATG)",
        "抗胸腺細胞免疫グロブリン",
        &["atg", "antithymocyte globulin", "anti-thymocyte globulin"],
    ),
    d(
        "puva",
        "ultraviolet therapy including PUVA",
        "PUVA療法を含む紫外線療法",
        &["puva", "紫外線療法", "ultraviolet therapy"],
    ),
    // ---- Vaccines ----
    d(
        "live_vaccines",
        "live vaccines",
        "生ワクチン",
        &[
            "live vaccine",
            "live attenuated vaccine",
            "乾燥弱毒生麻しんワクチン",
            "麻しん",
            "麻疹",
            "measles",
            "乾燥弱毒生風しんワクチン",
            "風しん",
            "風疹",
            "rubella",
            "経口生ポリオワクチン",
            "oral polio",
            "乾燥bcg",
            "bcg",
        ],
    ),
    d(
        "inactivated_vaccines",
        "inactivated vaccines",
        "不活化ワクチン",
        &[
            "inactivated vaccine",
            "インフルエンザhaワクチン",
            "influenza ha vaccine",
        ],
    ),
    // ---- Immunosuppressive drugs (tacrolimus 10.2) ----
    d(
        "immunosuppressants",
        "immunosuppressants",
        "免疫抑制剤",
        &["immunosuppressant", "免疫抑制薬"],
    ),
    d(
        "corticosteroids",
        "corticosteroids",
        "副腎皮質ホルモン剤",
        &[
            "corticosteroid",
            "steroid",
            "ステロイド",
            "副腎皮質ステロイド",
        ],
    ),
    d(
        "prednisolone",
        "prednisolone",
        "プレドニゾロン",
        &["プレドニン", "psl"],
    ),
    d(
        "dmards",
        "antirheumatic drugs (DMARDs)",
        "抗リウマチ薬",
        &["dmard", "antirheumatic drug"],
    ),
    d("methotrexate", "methotrexate", "メトトレキサート", &[]),
    d(
        "cyclophosphamide",
        "cyclophosphamide",
        "シクロホスファミド",
        &["シクロホスファミド水和物", "エンドキサン", "cyc", "ivcy"],
    ),
];

/// The drug with `key` (rows name only keys of [`DRUGS`]; a test checks it).
pub fn by_key(key: &str) -> Option<&'static Drug> {
    DRUGS.iter().find(|d| d.key == key)
}

impl Drug {
    /// Every spelling: the display names and the listed names.
    pub fn all_names(&self) -> impl Iterator<Item = &'static str> {
        [self.en, self.ja]
            .into_iter()
            .chain(self.names.iter().copied())
    }
}

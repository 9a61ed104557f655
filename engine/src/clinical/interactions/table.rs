//! The pack's interaction table (§4) as data. Names are those the pack and the
//! glossary list (generic, listed brands, Japanese where given); nothing else.

use super::{LevelChange, Severity, Subject};
use crate::clinical::sources::Source;
use crate::clinical::status::{Gap, Status};

pub struct Entry {
    pub subjects: &'static [Subject],
    /// How the partner is shown (generic name or class, as in the pack).
    pub partner: &'static str,
    /// Names that match the partner (case-insensitive).
    pub aliases: &'static [&'static str],
    pub category: Status<Severity>,
    /// Effect / mechanism; None when the pack gives none or marks it [M].
    pub effect: Option<&'static str>,
    /// Effect on the subject's (CsA / TAC) blood level.
    pub level: LevelChange,
    pub source: Source,
}

const CSA: &[Subject] = &[Subject::Cyclosporine];
const TAC: &[Subject] = &[Subject::Tacrolimus];
const BOTH: &[Subject] = &[Subject::Cyclosporine, Subject::Tacrolimus];

const CONTRA: Status<Severity> = Status::Available {
    value: Severity::Contraindicated,
};
const CAUTION: Status<Severity> = Status::Available {
    value: Severity::Caution,
};

/// Names of the subjects themselves (pack; glossary-ja.md).
pub const CYCLOSPORINE_NAMES: &[&str] = &[
    "cyclosporine",
    "ciclosporin",
    "cyclosporin",
    "csa",
    "neoral",
    "シクロスポリン",
    "ネオーラル",
];
pub const TACROLIMUS_NAMES: &[&str] = &[
    "tacrolimus",
    "tac",
    "prograf",
    "graceptor",
    "タクロリムス",
    "プログラフ",
    "グラセプター",
];
const LIVE_VACCINES: &[&str] = &["live vaccine", "measles", "rubella", "oral polio", "bcg"];

pub const TABLE: &[Entry] = &[
    // ---- Cyclosporine label: 禁忌 [V] ----
    Entry {
        subjects: CSA,
        partner: "tacrolimus (systemic)",
        aliases: TACROLIMUS_NAMES,
        category: CONTRA,
        effect: Some("Cyclosporine level ↑ (metabolism inhibited); additive nephrotoxicity. Topical tacrolimus is excluded."),
        level: LevelChange::Up,
        source: Source::JapicCyclosporine,
    },
    Entry {
        subjects: CSA,
        partner: "pitavastatin",
        aliases: &["pitavastatin"],
        category: CONTRA,
        effect: Some("OATP inhibition → pitavastatin Cmax 6.6×, AUC 4.6×"),
        level: LevelChange::NotStated,
        source: Source::JapicCyclosporine,
    },
    Entry {
        subjects: CSA,
        partner: "rosuvastatin",
        aliases: &["rosuvastatin"],
        category: CONTRA,
        effect: Some("Rosuvastatin Cmax 10.6×"),
        level: LevelChange::NotStated,
        source: Source::JapicCyclosporine,
    },
    Entry {
        subjects: CSA,
        partner: "bosentan",
        aliases: &["bosentan"],
        category: CONTRA,
        effect: None, // mechanism [M]
        level: LevelChange::NotStated,
        source: Source::Dsu327,
    },
    Entry {
        subjects: CSA,
        partner: "aliskiren",
        aliases: &["aliskiren"],
        category: CONTRA,
        effect: None, // mechanism [M]
        level: LevelChange::NotStated,
        source: Source::Dsu327,
    },
    Entry {
        subjects: CSA,
        partner: "grazoprevir",
        aliases: &["grazoprevir"],
        category: CONTRA,
        effect: Some("OATP inhibition → grazoprevir ↑"),
        level: LevelChange::NotStated,
        source: Source::Dsu327,
    },
    Entry {
        subjects: CSA,
        partner: "pemafibrate",
        aliases: &["pemafibrate"],
        category: CONTRA,
        effect: None, // listing only
        level: LevelChange::NotStated,
        source: Source::Dsu327,
    },
    Entry {
        subjects: CSA,
        partner: "asunaprevir / vaniprevir",
        aliases: &["asunaprevir", "vaniprevir"],
        category: Status::Unavailable {
            gap: Gap::AsunaprevirVaniprevirCategory,
        },
        effect: None,
        level: LevelChange::NotStated,
        source: Source::Dsu327,
    },
    Entry {
        subjects: CSA,
        partner: "live vaccines",
        aliases: LIVE_VACCINES,
        category: CONTRA,
        effect: Some("The vaccine strain may proliferate."),
        level: LevelChange::NotStated,
        source: Source::JapicCyclosporine,
    },
    // ---- Cyclosporine label: 併用注意 [V] ----
    Entry {
        subjects: CSA,
        partner: "nephrotoxic drugs",
        aliases: &[
            "foscarnet",
            "amphotericin b",
            "aminoglycoside",
            "gentamicin",
            "tobramycin",
            "smx-tmp",
            "sulfamethoxazole",
            "trimethoprim",
            "st合剤",
            "スルファメトキサゾール・トリメトプリム",
            "ciprofloxacin",
            "vancomycin",
            "ganciclovir",
            "fibrate",
            "bezafibrate",
            "fenofibrate",
        ],
        category: CAUTION,
        effect: Some("Additive nephrotoxicity: monitor creatinine / BUN often."),
        level: LevelChange::NotStated,
        source: Source::ClinicalsupCyclosporine,
    },
    Entry {
        subjects: CSA,
        partner: "melphalan (injection)",
        aliases: &["melphalan"],
        category: CAUTION,
        effect: Some("Nephrotoxicity (mechanism unknown)."),
        level: LevelChange::NotStated,
        source: Source::ClinicalsupCyclosporine,
    },
    Entry {
        subjects: CSA,
        partner: "NSAIDs",
        aliases: &["nsaid", "diclofenac", "naproxen", "sulindac", "indometacin", "indomethacin"],
        category: CAUTION,
        effect: Some("Nephrotoxicity; hyperkalaemia."),
        level: LevelChange::NotStated,
        source: Source::ClinicalsupCyclosporine,
    },
    Entry {
        subjects: CSA,
        partner: "antithymocyte globulin (ATG)",
        aliases: &["atg", "antithymocyte globulin", "anti-thymocyte globulin"],
        category: CAUTION,
        effect: Some("Over-immunosuppression."),
        level: LevelChange::NotStated,
        source: Source::ClinicalsupCyclosporine,
    },
    Entry {
        subjects: CSA,
        partner: "statins (simvastatin, pravastatin…)",
        aliases: &["simvastatin", "pravastatin"],
        category: CAUTION,
        effect: Some("Rhabdomyolysis with renal deterioration."),
        level: LevelChange::NotStated,
        source: Source::CyclosporineLabelCopy,
    },
    Entry {
        subjects: CSA,
        partner: "caspofungin",
        aliases: &["caspofungin"],
        category: CAUTION,
        effect: Some("Caspofungin AUC ↑, transient AST/ALT ↑ (OATP)."),
        level: LevelChange::NotStated,
        source: Source::CyclosporineLabelCopy,
    },
    Entry {
        subjects: CSA,
        partner: "digoxin",
        aliases: &["digoxin"],
        category: CAUTION,
        effect: Some("Digoxin level ↑."),
        level: LevelChange::NotStated,
        source: Source::CyclosporineLabelCopy,
    },
    Entry {
        subjects: CSA,
        partner: "ambrisentan",
        aliases: &["ambrisentan"],
        category: CAUTION,
        effect: Some("Ambrisentan AUC about 2×."),
        level: LevelChange::NotStated,
        source: Source::CyclosporineLabelCopy,
    },
    // ---- Prograf label [V] ----
    Entry {
        subjects: TAC,
        partner: "cyclosporine",
        aliases: CYCLOSPORINE_NAMES,
        category: CONTRA,
        effect: None,
        level: LevelChange::NotStated,
        source: Source::PrografLabel2023,
    },
    Entry {
        subjects: TAC,
        partner: "bosentan",
        aliases: &["bosentan"],
        category: CONTRA,
        effect: None,
        level: LevelChange::NotStated,
        source: Source::PrografLabel2023,
    },
    Entry {
        subjects: TAC,
        partner: "potassium-sparing diuretics",
        aliases: &["potassium-sparing diuretic", "spironolactone", "aldactone"],
        category: CONTRA,
        effect: Some("Hyperkalaemia (additive). Spironolactone's own label also lists tacrolimus as 禁忌."),
        level: LevelChange::NotStated,
        source: Source::PrografLabel2023,
    },
    Entry {
        subjects: TAC,
        partner: "eplerenone",
        aliases: &["eplerenone", "selara"],
        category: CAUTION,
        effect: Some("Hyperkalaemia: monitor potassium. 併用注意 in the label version seen (date unknown); check the current label."),
        level: LevelChange::NotStated,
        source: Source::PrografLabelCopy,
    },
    Entry {
        subjects: TAC,
        partner: "live vaccines",
        aliases: LIVE_VACCINES,
        category: Status::Unavailable {
            gap: Gap::TacrolimusLiveVaccineCategory,
        },
        effect: None,
        level: LevelChange::NotStated,
        source: Source::PrografLabelCopy,
    },
    Entry {
        subjects: TAC,
        partner: "inactivated vaccines",
        aliases: &["inactivated vaccine"],
        category: CAUTION,
        effect: Some("Vaccine efficacy may be reduced."),
        level: LevelChange::NotStated,
        source: Source::PrografLabelCopy,
    },
    // ---- CYP3A (both) [V] general; fold-changes not extracted ----
    Entry {
        subjects: BOTH,
        partner: "azole antifungals / macrolides (CYP3A inhibition)",
        aliases: &["azole", "fluconazole", "itraconazole", "voriconazole", "macrolide"],
        category: CAUTION,
        effect: Some("CYP3A inhibition: blood levels will rise — recheck levels."),
        level: LevelChange::Up,
        source: Source::FluconazoleSmpc,
    },
    Entry {
        subjects: BOTH,
        partner: "rifampicin (CYP3A induction)",
        aliases: &["rifampicin", "rifampin"],
        category: CAUTION,
        effect: Some("CYP3A induction: blood levels will fall — recheck levels."),
        level: LevelChange::Down,
        source: Source::FluconazoleSmpc,
    },
];

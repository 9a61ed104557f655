//! A row of a label's interaction section, as printed: the category (2. 禁忌
//! / 10.1 併用禁忌, or 10.2 併用注意), the drugs it names (keys of the
//! synonym table, class words included where the row says 「等」), the
//! label's wording and where it was read.

use super::{LevelChange, Severity};
use crate::clinical::sources::Source;
use crate::clinical::status::{Gap, Status};

pub struct Row {
    /// 薬剤名等 as printed (or the label's class line).
    pub printed: &'static str,
    /// The row in English.
    pub partner: &'static str,
    /// Synonym-table keys the row covers.
    pub members: &'static [&'static str],
    pub category: Status<Severity>,
    /// 臨床症状・措置方法 as printed; None when the wording was not read.
    pub effect_ja: Option<&'static str>,
    pub effect_en: Option<&'static str>,
    /// Effect on the subject's (CsA / TAC) blood level.
    pub level: LevelChange,
    pub sources: &'static [Source],
}

pub const CONTRA: Status<Severity> = Status::Available {
    value: Severity::Contraindicated,
};
pub const CAUTION: Status<Severity> = Status::Available {
    value: Severity::Caution,
};

pub const fn unavailable(gap: Gap) -> Status<Severity> {
    Status::Unavailable { gap }
}

/// Members of the tacrolimus label's CYP3A4 row (抗生物質, アゾール系抗真菌剤 等,
/// カルシウム拮抗剤 等, リトナビル, その他の薬剤, グレープフルーツジュース).
pub const CYP3A4_ROW_TAC: &[&str] = &[
    "erythromycin",
    "josamycin",
    "clarithromycin",
    "macrolides",
    "azoles",
    "itraconazole",
    "fluconazole",
    "fosfluconazole",
    "voriconazole",
    "posaconazole",
    "isavuconazole",
    "miconazole",
    "calcium_antagonists",
    "nifedipine",
    "nilvadipine",
    "nicardipine",
    "diltiazem",
    "verapamil",
    "ritonavir",
    "nirmatrelvir_ritonavir",
    "bromocriptine",
    "danazol",
    "ethinylestradiol",
    "omeprazole",
    "lansoprazole",
    "tofisopam",
    "amiodarone",
    "grapefruit",
];

pub const AZOLES: &[&str] = &[
    "azoles",
    "itraconazole",
    "fluconazole",
    "fosfluconazole",
    "voriconazole",
    "posaconazole",
    "isavuconazole",
    "miconazole",
];

pub const NSAIDS: &[&str] = &[
    "nsaids",
    "diclofenac",
    "naproxen",
    "sulindac",
    "indometacin",
    "loxoprofen",
];

//! Quantified effects of a co-medication on the cyclosporine or tacrolimus
//! level, where a study or a label gives a number (population-PK and
//! interaction studies; numbers only from verified sources, each with its
//! setting). The headline of the drug screen shows them before a dose.

use super::Subject;
use crate::clinical::sources::Source;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Quantified {
    pub en: String,
    pub ja: String,
    pub source: Source,
}

struct Effect {
    subject: Subject,
    /// Synonym-table keys.
    drugs: &'static [&'static str],
    en: &'static str,
    ja: &'static str,
    source: Source,
}

const CCBS: &[&str] = &[
    "calcium_antagonists",
    "nifedipine",
    "nilvadipine",
    "nicardipine",
    "diltiazem",
    "verapamil",
];

const EFFECTS: &[Effect] = &[
    Effect {
        subject: Subject::Tacrolimus,
        drugs: &["voriconazole"],
        en: "tacrolimus concentration/dose ratio +115.6 % (median; Japanese allogeneic HSCT recipients, n = 21)",
        ja: "タクロリムスの濃度/投与量比 +115.6 %（中央値、日本人同種造血幹細胞移植患者 21例）",
        source: Source::Mori2009,
    },
    Effect {
        subject: Subject::Cyclosporine,
        drugs: &["voriconazole"],
        en: "cyclosporine concentration/dose ratio +82.1 % (median; Japanese allogeneic HSCT recipients)",
        ja: "シクロスポリンの濃度/投与量比 +82.1 %（中央値、日本人同種造血幹細胞移植患者）",
        source: Source::Mori2009,
    },
    Effect {
        subject: Subject::Tacrolimus,
        drugs: &["posaconazole"],
        en: "tacrolimus Cmax ×2.21, AUC ×4.58 (posaconazole 400 mg twice daily, healthy volunteers)",
        ja: "タクロリムスの Cmax 2.21倍、AUC 4.58倍（ポサコナゾール 400 mg 1日2回、健康成人）",
        source: Source::PosaconazoleUsLabel,
    },
    Effect {
        subject: Subject::Cyclosporine,
        drugs: &["posaconazole"],
        en: "cyclosporine trough rose; dose reductions of up to 29 % were needed (heart transplant recipients)",
        ja: "シクロスポリンのトラフ値が上昇し、最大 29 % の減量を要した（心移植患者）",
        source: Source::PosaconazoleUsLabel,
    },
    Effect {
        subject: Subject::Tacrolimus,
        drugs: &["itraconazole"],
        en: "tacrolimus CL/F 21.1 → 4.2 L/h (−80 %) with an azole, mostly itraconazole (heart transplant population model)",
        ja: "アゾール系（主にイトラコナゾール）併用でタクロリムスの CL/F 21.1 → 4.2 L/h（−80 %）（心移植患者の母集団モデル）",
        source: Source::Kirubakaran2023,
    },
    Effect {
        subject: Subject::Tacrolimus,
        drugs: &["rifampicin"],
        en: "tacrolimus bioavailability 14 ± 6 % → 7 ± 3 % (rifampicin 600 mg, healthy volunteers, n = 6)",
        ja: "タクロリムスのバイオアベイラビリティ 14 ± 6 % → 7 ± 3 %（リファンピシン 600 mg、健康成人 6例）",
        source: Source::PrografUsLabel,
    },
    Effect {
        subject: Subject::Tacrolimus,
        drugs: CCBS,
        en: "tacrolimus CL/F ×0.94 with a calcium-channel blocker (kidney transplant population model)",
        ja: "カルシウム拮抗剤併用でタクロリムスの CL/F 0.94倍（腎移植患者の母集団モデル）",
        source: Source::Passey2011,
    },
];

/// The quantified effect of `drug` (a synonym-table key) on `subject`'s level.
pub fn quantified(subject: Subject, drug: &str) -> Option<Quantified> {
    EFFECTS
        .iter()
        .find(|e| e.subject == subject && e.drugs.contains(&drug))
        .map(|e| Quantified {
            en: e.en.to_owned(),
            ja: e.ja.to_owned(),
            source: e.source,
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn voriconazole_has_a_figure_for_both_drugs() {
        let t = quantified(Subject::Tacrolimus, "voriconazole").unwrap();
        assert!(t.en.contains("+115.6 %"), "{}", t.en);
        assert_eq!(t.source, Source::Mori2009);
        let c = quantified(Subject::Cyclosporine, "voriconazole").unwrap();
        assert!(c.ja.contains("+82.1 %"), "{}", c.ja);
        assert!(quantified(Subject::Cyclosporine, "fluconazole").is_none());
        assert!(quantified(Subject::Tacrolimus, "nifedipine")
            .unwrap()
            .en
            .contains("×0.94"));
    }
}

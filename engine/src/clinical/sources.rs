//! Every published source a clinical number in this module comes from, as
//! written in shared/clinical/clinical-reference.md (the "pack"). Results
//! carry a [`Source`] key; the UI shows [`Source::citation`].

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    // Body size and renal function (pack §5.2, §5.3; shared/reference/README.md).
    DuBois,
    Mosteller,
    Haycock,
    Fujimoto1968,
    CockcroftGault,
    Matsuo2009,
    ImaiHorioReview,
    Inker2021,
    // Units (pack §2).
    BmcGeriatr2021Creatinine,
    Definitional,
    ClinicalPack,
    // Risk models (pack §1).
    Gono2021Mck,
    Miyake2025,
    Lian2020Flair,
    Gono2010,
    Gono2012,
    Isoda2014,
    // Biomarkers (pack §2).
    BmlKl6,
    Ko2020,
    Onishi2025,
    HisclKl6,
    LabDataBook,
    FujifilmWakoBdg,
    MedienceBdg,
    Gentile2006,
    Muro2013,
    // Cyclophosphamide (pack §3).
    Yamasaki2007,
    Kameda2005,
    ShenArchRheumatol,
    MsdManualSle,
    UpToDateIvcy,
    Eular2009Table6,
    Knight2004,
    TalarWilliams1996,
    JRheumatol2002Ovarian,
    EviqMesna,
    DeGroot2009,
    EndoxanLabel2022,
    FrenchVasculitis2020,
    // Reference ranges (labels-and-protocols §4).
    Jccls2022,
    BmlProcalcitonin,
    // Interactions (pack §4).
    JapicCyclosporine,
    Dsu327,
    PrografLabel2023,
    SpironolactoneLabel,
    PrografLabelCopy,
    ClinicalsupCyclosporine,
    CyclosporineLabelCopy,
    FluconazoleSmpc,
    Issue9Review,
}

impl Source {
    /// The citation as the pack gives it. Items the pack marks [M] are said so.
    pub fn citation(self) -> &'static str {
        match self {
            Source::DuBois => "DuBois formula (0.007184·W^0.425·H^0.725); citation: shared/reference/README.md formulas table; pack §5.2 (public code implementations)",
            Source::Mosteller => "Mosteller formula √(W·H/3600); citation: shared/reference/README.md formulas table; pack §5.2 (public code)",
            Source::Haycock => "Haycock formula (0.024265·W^0.5378·H^0.3964); citation: shared/reference/README.md formulas table (not in the clinical pack)",
            Source::Fujimoto1968 => "Fujimoto S, et al. Nippon Eiseigaku Zasshi 1968;5:443-450 (via public code, pack §5.2)",
            Source::CockcroftGault => "Cockcroft–Gault equation; citation: shared/reference/README.md formulas table; pack §5.3 (Taber's; rxkinetics.com; medicalalgorithms.com)",
            Source::Matsuo2009 => "Matsuo S, Imai E, Horio M, et al. Revised equations for estimated GFR from serum creatinine in Japan. Am J Kidney Dis 2009;53(6):982-992",
            Source::ImaiHorioReview => "Imai/Horio review (copy at wnt-signaling.com) and Matsuo 2009 abstract: Cockcroft–Gault × 0.789 approximates GFR with IDMS creatinine in Japanese patients",
            Source::Inker2021 => "Inker LA, et al. New creatinine- and cystatin C-based equations to estimate GFR without race. N Engl J Med 2021;385:1737-1749 (kidney.org; qxmd)",
            Source::BmcGeriatr2021Creatinine => "BMC Geriatrics 2021, table footnote (s12877-021-02428-y): 1 mg/dL creatinine = 88.4 µmol/L",
            Source::ClinicalPack => "shared/clinical/clinical-reference.md, design caveat",
            Source::Definitional => "Definition of the units (1 dL = 100 mL; 1 ng/mL = 1 µg/L)",
            Source::Gono2021Mck => "Gono T, Masui K, Nishina N, Kawaguchi Y, Kawakami A, … Kuwana M, et al., JAMI Investigators. Risk prediction modeling based on a combination of initial serum biomarker levels in PM/DM-ILD. Arthritis Rheumatol 2021 (vol/pages not verified)",
            Source::Miyake2025 => "Miyake H, Nakashima R, Tsuji H, … Kotani T. Validation of the MCK model … multicentre MYKO cohort study. Mod Rheumatol 2025, doi 10.1093/mr/roaf070",
            Source::Lian2020Flair => "Lian X, Zou J, Guo Q, et al. Mortality risk prediction in amyopathic dermatomyositis associated with ILD: the FLAIR model. Chest 2020;158(4):1535-1545, doi 10.1016/j.chest.2020.04.057",
            Source::Gono2010 => "Gono T, Kawaguchi Y, Hara M, et al. Rheumatology (Oxford) 2010;49(7)",
            Source::Gono2012 => "Gono T, Sato S, Kawaguchi Y, Kuwana M, et al. Rheumatology 2012;51(9):1563-1570",
            Source::Isoda2014 => "Isoda K, Takeuchi T, Kotani T, et al. PLoS ONE 2014;9(2):e89610",
            Source::BmlKl6 => "BML test catalogue, KL-6 (code 00147), CLEIA",
            Source::Ko2020 => "Ko et al. PLoS ONE 2020;15:e0244114",
            Source::Onishi2025 => "Onishi H, Yokoyama A. 診断と治療 2025",
            Source::HisclKl6 => "HISCL KL-6 study (abstract, discovery.researcher.life)",
            Source::LabDataBook => "臨床検査データブック (Igaku-Shoin)",
            Source::FujifilmWakoBdg => "FUJIFILM Wako diagnostics (β-D-glucan kits); Igaku-Shoin",
            Source::MedienceBdg => "LSI Medience test information (data.medience.co.jp), β-D-glucan",
            Source::Gentile2006 => "Gentile G, et al. BMC Infect Dis 2006;6:167",
            Source::Muro2013 => "Muro Y, et al. Clin Rheumatol 2013;32(3):395-398",
            Source::Yamasaki2007 => "Yamasaki Y, et al. Rheumatology (Oxford) 2007;46(1):124-130",
            Source::Kameda2005 => "Kameda H, et al. J Rheumatol 2005;32(9):1719-1726",
            Source::ShenArchRheumatol => "Shen L, Yan Q, Chen X. Arch Rheumatol (archivesofrheumatology.org, full text 1069)",
            Source::MsdManualSle => "MSD Manual, SLE treatment table (adapted from EULAR 2019 SLE recommendations)",
            Source::UpToDateIvcy => "UpToDate IV cyclophosphamide table (copy at medilib.ir/uptodate/show/147634)",
            Source::Eular2009Table6 => "Mukhtyar C, Guillevin L, Cid MC, et al., for EUVAS. EULAR recommendations for the management of primary small and medium vessel vasculitis. Ann Rheum Dis 2009;68:310-317, doi 10.1136/ard.2008.088096, Table 6 (dose modification of pulsed cyclophosphamide as used in the CYCLOPS trial)",
            Source::Knight2004 => "Knight A, Askling J, Granath F, Sparen P, Ekbom A. Ann Rheum Dis 2004;63(10):1307-1311",
            Source::TalarWilliams1996 => "Talar-Williams C, … Sneller MC. Ann Intern Med 1996;124(5):477-484",
            Source::JRheumatol2002Ovarian => "J Rheumatol 2002;29(10):2129 (jrheum.org; authors Ioannidis JPA et al. not verified)",
            Source::EviqMesna => "eviQ (Australia), haemorrhagic cystitis page",
            Source::DeGroot2009 => "de Groot K, et al. Pulse versus daily oral cyclophosphamide for induction of remission in ANCA-associated vasculitis: a randomized trial. Ann Intern Med 2009;150(10):670-680, doi 10.7326/0003-4819-150-10-200905190-00004",
            Source::EndoxanLabel2022 => "注射用エンドキサン 500 mg package insert (Nov 2022, 2nd edition), dosage and administration (single-agent line)",
            Source::FrenchVasculitis2020 => "French recommendations for the management of systemic necrotizing vasculitides (polyarteritis nodosa and ANCA-associated vasculitides). Orphanet J Rare Dis 2020;15(Suppl 2):351, doi 10.1186/s13023-020-01621-3, Box 6",
            Source::Jccls2022 => "JCCLS (Japanese Committee for Clinical Laboratory Standards) 共用基準範囲 — common reference intervals for Japan, revision of 31 Oct 2022",
            Source::BmlProcalcitonin => "BML test catalogue, procalcitonin (ECLIA): reference value ≤ 0.05 ng/mL",
            Source::JapicCyclosporine => "Cyclosporine package insert (KEGG/JAPIC japic_code 00061863)",
            Source::Dsu327 => "DSU No.327 (Jul 2024)",
            Source::PrografLabel2023 => "Prograf 5 mg package insert, Dec 2023 revision (packageinsert.jp)",
            Source::SpironolactoneLabel => "Spironolactone (Aldactone-A) package insert 2.4/10.1 (medpeer)",
            Source::PrografLabelCopy => "Prograf package insert copy (120ty.net; revision date unknown)",
            Source::ClinicalsupCyclosporine => "Package-insert interaction list, clinicalsup.jp drugslist 00065027 (pack: probably the cyclosporine label)",
            Source::CyclosporineLabelCopy => "Cyclosporine package insert copy (120ty.net aid=2897)",
            Source::Issue9Review => "The review summarised in issue 9 (interpretive statement without a number; not in the clinical pack, so not verified there)",
            Source::FluconazoleSmpc => "Fluconazole SmPC (copy at grainofsound.org)",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn citations_name_the_paper() {
        assert!(Source::Lian2020Flair.citation().contains("Chest 2020"));
        assert!(Source::Matsuo2009
            .citation()
            .contains("Am J Kidney Dis 2009"));
        assert!(Source::Gono2021Mck.citation().contains("not verified"));
    }
}

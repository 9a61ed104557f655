//! Every published source a clinical number or statement comes from: a
//! publication, a label or a guideline, cited so that a clinician can cite
//! it too (author, year, journal or document; no internal references and no
//! copy sites: [`crate::clinical::citable`] checks). Results carry a
//! [`Source`] key; the UI shows [`Source::citation`].

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    // Body size and renal function (pack §5.2, §5.3).
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
    // Interactions: Japanese labels and other drugs' labels.
    JapicCyclosporine,
    Dsu327,
    CyclosporineLabel102,
    CyclosporineLabelOld,
    ClarithromycinLabel,
    SpironolactoneLabel,
    EsaxerenoneLabel,
    BosentanLabel,
    AzoleLabels,
    FluconazoleSmpc,
    PrografLabel2023,
    GraceptorLabel2023,
    PrografGranuleLabel,
    PrografLabel2017,
    Dsu323,
    AdvagrafSmpc,
    JapaneseLabels,
    // Quantified effects on the CsA / TAC level.
    Mori2009,
    PosaconazoleUsLabel,
    Kirubakaran2023,
    PrografUsLabel,
    Passey2011,
    // The review this calculator is built from.
    Review,
    CohortStudies,
}

impl Source {
    /// Every source (the citation check runs over all of them).
    pub const ALL: [Source; 64] = [
        Source::DuBois,
        Source::Mosteller,
        Source::Haycock,
        Source::Fujimoto1968,
        Source::CockcroftGault,
        Source::Matsuo2009,
        Source::ImaiHorioReview,
        Source::Inker2021,
        Source::BmcGeriatr2021Creatinine,
        Source::Definitional,
        Source::Gono2021Mck,
        Source::Miyake2025,
        Source::Lian2020Flair,
        Source::Gono2010,
        Source::Gono2012,
        Source::Isoda2014,
        Source::BmlKl6,
        Source::Ko2020,
        Source::Onishi2025,
        Source::HisclKl6,
        Source::LabDataBook,
        Source::FujifilmWakoBdg,
        Source::MedienceBdg,
        Source::Gentile2006,
        Source::Muro2013,
        Source::Yamasaki2007,
        Source::Kameda2005,
        Source::ShenArchRheumatol,
        Source::MsdManualSle,
        Source::UpToDateIvcy,
        Source::Eular2009Table6,
        Source::Knight2004,
        Source::TalarWilliams1996,
        Source::JRheumatol2002Ovarian,
        Source::EviqMesna,
        Source::JapicCyclosporine,
        Source::Dsu327,
        Source::CyclosporineLabel102,
        Source::CyclosporineLabelOld,
        Source::ClarithromycinLabel,
        Source::SpironolactoneLabel,
        Source::EsaxerenoneLabel,
        Source::BosentanLabel,
        Source::AzoleLabels,
        Source::FluconazoleSmpc,
        Source::PrografLabel2023,
        Source::GraceptorLabel2023,
        Source::PrografGranuleLabel,
        Source::PrografLabel2017,
        Source::Dsu323,
        Source::AdvagrafSmpc,
        Source::JapaneseLabels,
        Source::Mori2009,
        Source::PosaconazoleUsLabel,
        Source::Kirubakaran2023,
        Source::PrografUsLabel,
        Source::Passey2011,
        Source::Review,
        Source::CohortStudies,
        Source::DeGroot2009,
        Source::EndoxanLabel2022,
        Source::FrenchVasculitis2020,
        Source::Jccls2022,
        Source::BmlProcalcitonin,
    ];

    /// The citation; what was not verified is said so.
    pub fn citation(self) -> &'static str {
        match self {
            Source::DuBois => "DuBois body-surface-area formula: 0.007184 × W^0.425 × H^0.725",
            Source::Mosteller => "Mosteller body-surface-area formula: √(W × H / 3600)",
            Source::Haycock => "Haycock body-surface-area formula: 0.024265 × W^0.5378 × H^0.3964",
            Source::Fujimoto1968 => "Fujimoto S, et al. Nippon Eiseigaku Zasshi 1968;5:443-450",
            Source::CockcroftGault => "Cockcroft–Gault equation: (140 − age) × weight / (72 × serum creatinine), × 0.85 if female",
            Source::Matsuo2009 => "Matsuo S, Imai E, Horio M, et al. Revised equations for estimated GFR from serum creatinine in Japan. Am J Kidney Dis 2009;53(6):982-992",
            Source::ImaiHorioReview => "Imai E, Horio M (review of the Japanese GFR equations) and Matsuo S, et al. Am J Kidney Dis 2009;53:982-992: Cockcroft–Gault × 0.789 approximates GFR with IDMS creatinine in Japanese patients",
            Source::Inker2021 => "Inker LA, et al. New creatinine- and cystatin C-based equations to estimate GFR without race. N Engl J Med 2021;385:1737-1749",
            Source::BmcGeriatr2021Creatinine => "BMC Geriatrics 2021 (s12877-021-02428-y), table footnote: 1 mg/dL creatinine = 88.4 µmol/L",
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
            Source::HisclKl6 => "HISCL KL-6 assay study (abstract; authors and journal not captured)",
            Source::LabDataBook => "臨床検査データブック (Igaku-Shoin)",
            Source::FujifilmWakoBdg => "FUJIFILM Wako diagnostics, β-D-glucan kit information; 臨床検査データブック (Igaku-Shoin)",
            Source::MedienceBdg => "LSI Medience test information, β-D-glucan",
            Source::Gentile2006 => "Gentile G, et al. BMC Infect Dis 2006;6:167",
            Source::Muro2013 => "Muro Y, et al. Clin Rheumatol 2013;32(3):395-398",
            Source::Yamasaki2007 => "Yamasaki Y, et al. Rheumatology (Oxford) 2007;46(1):124-130",
            Source::Kameda2005 => "Kameda H, et al. J Rheumatol 2005;32(9):1719-1726",
            Source::ShenArchRheumatol => "Shen L, Yan Q, Chen X. Archives of Rheumatology (low-dose cyclophosphamide in CTD-ILD; year not captured)",
            Source::MsdManualSle => "MSD Manual, SLE treatment table (adapted from the EULAR 2019 SLE recommendations)",
            Source::UpToDateIvcy => "UpToDate, intravenous cyclophosphamide regimens table",
            Source::Eular2009Table6 => "Mukhtyar C, Guillevin L, Cid MC, et al., for EUVAS. EULAR recommendations for the management of primary small and medium vessel vasculitis. Ann Rheum Dis 2009;68:310-317, doi 10.1136/ard.2008.088096, Table 6 (dose modification of pulsed cyclophosphamide as used in the CYCLOPS trial)",
            Source::Knight2004 => "Knight A, Askling J, Granath F, Sparen P, Ekbom A. Ann Rheum Dis 2004;63(10):1307-1311",
            Source::TalarWilliams1996 => "Talar-Williams C, … Sneller MC. Ann Intern Med 1996;124(5):477-484",
            Source::JRheumatol2002Ovarian => "J Rheumatol 2002;29(10):2129 (authors not verified)",
            Source::EviqMesna => "eviQ (Cancer Institute NSW, Australia), haemorrhagic cystitis guidance",
            Source::JapicCyclosporine => "シクロスポリンカプセル「日医工」 Japanese package insert (JAPIC), 2. 禁忌 and 10.1 併用禁忌",
            Source::Dsu327 => "Drug Safety Update (DSU) No.327, Jul 2024: cyclosporine (oral, injection) package insert revision, 2. 禁忌 and 10. 相互作用",
            Source::CyclosporineLabel102 => "Cyclosporine Japanese package insert, 10.2 併用注意 (current format), as reproduced in 今日の臨床サポート",
            Source::CyclosporineLabelOld => "Cyclosporine Japanese package insert, older format (edition date not shown), 10.2 併用注意",
            Source::ClarithromycinLabel => "Clarithromycin Japanese package insert, 10.2 併用注意 (cyclosporine, tacrolimus hydrate), as reproduced in 今日の臨床サポート",
            Source::SpironolactoneLabel => "Drug Safety Update (DSU) No.312, Nov 2022: spironolactone package insert, 2. 禁忌 and 10. 相互作用",
            Source::EsaxerenoneLabel => "Drug Safety Update (DSU) No.332, Jan 2025: esaxerenone (ミネブロ) package insert, 10.2 併用注意",
            Source::BosentanLabel => "Bosentan (トラクリア) Japanese package insert, 2. 禁忌 (cyclosporine or tacrolimus) and 10.1",
            Source::AzoleLabels => "Japanese package inserts of itraconazole (Apr 2024), voriconazole (Jul 2024) and posaconazole (ノクサフィル, Jul 2022): cyclosporine and tacrolimus are not in 2.1 禁忌",
            Source::FluconazoleSmpc => "Fluconazole SmPC (summary of product characteristics): cyclosporine and tacrolimus listed as clinically significant interactions",
            Source::PrografLabel2023 => "Prograf capsules 5 mg Japanese package insert, Dec 2023 (第2版), 2. 禁忌",
            Source::GraceptorLabel2023 => "Graceptor capsules 5 mg Japanese package insert, Dec 2023 (第2版), 2. 禁忌 and 10.1",
            Source::PrografGranuleLabel => "Prograf granules Japanese package insert (JAPIC), 10.1 併用禁忌",
            Source::PrografLabel2017 => "Prograf granules Japanese package insert, 2017 edition, 10.2 併用注意",
            Source::Dsu323 => "Drug Safety Update (DSU) No.323, Jan 2024: tacrolimus hydrate (oral, injection) package insert revision, 10. 相互作用",
            Source::AdvagrafSmpc => "Advagraf (prolonged-release tacrolimus) SmPC, interactions",
            Source::JapaneseLabels => "Japanese package inserts of cyclosporine (DSU No.327, Jul 2024) and tacrolimus (DSU No.323, Jan 2024; Prograf and Graceptor, Dec 2023)",
            Source::Mori2009 => "Mori T, et al. Bone Marrow Transplant 2009: voriconazole with tacrolimus or cyclosporine in Japanese allogeneic HSCT recipients (n = 21)",
            Source::PosaconazoleUsLabel => "US prescribing information of posaconazole, drug-interaction table (tacrolimus: healthy volunteers; cyclosporine: heart transplant recipients)",
            Source::Kirubakaran2023 => "Kirubakaran R, Uster DW, Hennig S, Carland JE, Day RO, Wicha SG, Stocker SL. Br J Clin Pharmacol 2023;89(4):1162-1175",
            Source::PrografUsLabel => "Prograf (tacrolimus) US prescribing information, clinical pharmacology: rifampin interaction study",
            Source::Passey2011 => "Passey C, et al. Tacrolimus dosing in kidney transplant recipients, 2011 (PMC3244642)",
            Source::Review => "‘Interstitial Pneumonia in Dermatomyositis’, review chapter in Neuromuscular Disorders (InTech)",
            Source::CohortStudies => "The cohort studies each cut-off comes from (e.g. Gono 2010, Gono 2012, Isoda 2014, Ko 2020)",
            Source::DeGroot2009 => "de Groot K, et al. Pulse versus daily oral cyclophosphamide for induction of remission in ANCA-associated vasculitis: a randomized trial. Ann Intern Med 2009;150(10):670-680, doi 10.7326/0003-4819-150-10-200905190-00004",
            Source::EndoxanLabel2022 => "注射用エンドキサン 500 mg package insert (Nov 2022, 2nd edition), dosage and administration (single-agent line)",
            Source::FrenchVasculitis2020 => "French recommendations for the management of systemic necrotizing vasculitides (polyarteritis nodosa and ANCA-associated vasculitides). Orphanet J Rare Dis 2020;15(Suppl 2):351, doi 10.1186/s13023-020-01621-3, Box 6",
            Source::Jccls2022 => "JCCLS (Japanese Committee for Clinical Laboratory Standards) 共用基準範囲 — common reference intervals for Japan, revision of 31 Oct 2022",
            Source::BmlProcalcitonin => "BML test catalogue, procalcitonin (ECLIA): reference value ≤ 0.05 ng/mL",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_citation_can_be_cited() {
        for s in Source::ALL {
            let c = s.citation();
            let bad = crate::clinical::citable::workshop_words(c);
            assert!(bad.is_empty(), "{s:?}: {bad:?} in “{c}”");
        }
    }

    #[test]
    fn citations_name_the_paper() {
        assert!(Source::Lian2020Flair.citation().contains("Chest 2020"));
        assert!(Source::Matsuo2009
            .citation()
            .contains("Am J Kidney Dis 2009"));
        assert!(Source::Gono2021Mck.citation().contains("not verified"));
    }
}

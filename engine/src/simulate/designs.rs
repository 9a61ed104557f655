//! The forecast benchmark's designs (`designs/*.csv`), one per drug: a
//! patient starting the drug, two levels to fit, the next trough held out.
//! Every virtual patient has the same covariates — a 55-kg, 158-cm woman
//! (fat-free mass 36.0 kg by Janmahasatian; the typical Japanese DM-IP
//! patient of the engine's population check,
//! `engine/tests/population_check.rs`) — a choice of the benchmark, not a
//! clinical fact.
//!
//! **Tacrolimus** (`tacrolimus.csv`): 0.0375 mg/kg twice daily → 2.06 mg,
//! 2.0 mg in 0.5-mg steps every 12 h from 0 h (Japanese label for PM/DM
//! interstitial pneumonia, DSU No.323, 2024-01); troughs at 48 h (day 3),
//! 144 h (day 7) fitted, 312 h (day 14) held out. Haematocrit 35 %
//! (Woillard 2011's typical value), CYP3A5 \*3/\*3 (0: the commoner
//! genotype, 41 of 73 Japanese patients in the engine's pooled prior
//! `tdm::CYP3A5_JAPANESE`), Prograf (FORM 1), no cystic fibrosis, no
//! azole, age 55.
//!
//! **Cyclosporine** (`cyclosporine.csv`): 4 mg/kg/day with prednisolone
//! 1 mg/kg/day (Kotani T et al. J Rheumatol 2008;35:254-259) → 220 mg/day,
//! 110 mg every 12 h ("twice daily after meals", Nagai 2010 as cited by
//! the review ‘Interstitial Pneumonia in Dermatomyositis’, Neuromuscular
//! Disorders, InTech); C0 and C2 on day 3 (48 h, 50 h) fitted — C2
//! monitoring is the practice in DM-IP (Kotani 2008, 2011) — and the C0
//! of day 7 (144 h) held out. PSL 55 mg/day (≥ 20: Press 2010's
//! prednisolone effect on), creatinine clearance 92 mL/min. Two
//! occasions (`OCC`): the held-out trough's day starts a new one at 120 h
//! (day 6), so a model with between-occasion variability forecasts it
//! with κ = 0. LLOQ 12.5 ng/mL on every level (the CMIA assay of
//! Umpierrez 2021, Biomed Res Int 2021:3108749).

/// The tacrolimus design (CSV text).
pub const TACROLIMUS: &str = include_str!("designs/tacrolimus.csv");

/// The cyclosporine design (CSV text).
pub const CYCLOSPORINE: &str = include_str!("designs/cyclosporine.csv");

/// The design of `drug` ("tacrolimus", "cyclosporine").
pub fn for_drug(drug: &str) -> Option<&'static str> {
    match drug {
        "tacrolimus" => Some(TACROLIMUS),
        "cyclosporine" => Some(CYCLOSPORINE),
        _ => None,
    }
}

//! Published limited-sampling equations with full coefficients, copied with
//! their population, n, r² and citation exactly as the project's
//! pharmacokinetic pack transcribes them from each publication (each
//! verified against the paper). Equations published without coefficients (Gaspari
//! 1997 CsA 0-1-3 h; Minamisono 2026 tacrolimus C0-C1-C3-C6) are not here.
//! Concentrations in ng/mL, AUC in ng·h/mL.

use super::{AucInterval, Drug, Equation, Term};

const fn t(time_h: f64, coef: f64) -> Term {
    Term { time_h, coef }
}

/// Monchaud & Marquet 2009 review, Table V (verified against the paper).
const MONCHAUD_2009: &str =
    "Monchaud & Marquet 2009 Clin Pharmacokinet 48:419 review, Table V (PMC3678153)";

/// Oriental kidney Tx abstract (verified against the abstract).
const ORIENTAL_KIDNEY: &str = "V-paper abstract (\"Pharmacokinetic studies of cyclosporine in oriental kidney transplantation patients\")";

/// Tacrolimus review table (verified against the paper).
const PMC4138452: &str = "V-paper, PMC4138452 Table 2 (review)";

pub(super) static EQUATIONS: &[Equation] = &[
    // ---- Cyclosporine ----
    Equation {
        id: "csa-heart-c1-c4",
        drug: Drug::Cyclosporine,
        interval: AucInterval::Auc0To12,
        formula: "AUC0-12 = 531 + 0.64·C1 + 8.12·C4",
        intercept: 531.0,
        terms: &[t(1.0, 0.64), t(4.0, 8.12)],
        population: "stable heart Tx",
        n: Some("15"),
        r_squared: "0.973",
        formulation: None,
        citation: MONCHAUD_2009,
    },
    Equation {
        id: "csa-heart-c2-c6",
        drug: Drug::Cyclosporine,
        interval: AucInterval::Auc0To12,
        formula: "AUC0-12 = 330.841 + 2.235·C2 + 7.970·C6",
        intercept: 330.841,
        terms: &[t(2.0, 2.235), t(6.0, 7.970)],
        population: "heart Tx",
        n: Some("20 (validation 17, 14)"),
        r_squared: "0.951 (wk 1), 0.918 (mo 3), 0.949 (yr 1)",
        formulation: None,
        citation: MONCHAUD_2009,
    },
    Equation {
        id: "csa-lung-early-c2-c3",
        drug: Drug::Cyclosporine,
        interval: AucInterval::Auc0To6,
        formula: "AUC0-6 = 0.496·C2 + 0.517·C3 + 776.9",
        intercept: 776.9,
        terms: &[t(2.0, 0.496), t(3.0, 0.517)],
        population: "lung Tx < week 2",
        n: Some("12"),
        r_squared: "0.94",
        formulation: None,
        citation: MONCHAUD_2009,
    },
    Equation {
        id: "csa-lung-stable-c1-c3",
        drug: Drug::Cyclosporine,
        interval: AucInterval::Auc0ToTau,
        formula: "AUC0-τ = 185.62 + 1.75·C1 + 4.91·C3",
        intercept: 185.62,
        terms: &[t(1.0, 1.75), t(3.0, 4.91)],
        population: "stable lung Tx",
        n: Some("8"),
        r_squared: "0.904",
        formulation: None,
        citation: MONCHAUD_2009,
    },
    Equation {
        id: "csa-lung-stable-c0-c1-c3",
        drug: Drug::Cyclosporine,
        interval: AucInterval::Auc0ToTau,
        formula: "AUC0-τ = 53.54 − 5.47·C0 + 2.11·C1 + 6.44·C3",
        intercept: 53.54,
        terms: &[t(0.0, -5.47), t(1.0, 2.11), t(3.0, 6.44)],
        population: "stable lung Tx",
        n: None,
        r_squared: "0.908",
        formulation: None,
        citation: MONCHAUD_2009,
    },
    Equation {
        id: "csa-oriental-kidney-c2-c8",
        drug: Drug::Cyclosporine,
        interval: AucInterval::Auc0To12,
        formula: "AUC0-12 = 4.262·C2 + 8.390·C8 − 669.417",
        intercept: -669.417,
        terms: &[t(2.0, 4.262), t(8.0, 8.390)],
        population: "stable \"Oriental\" kidney Tx",
        n: Some("10"),
        r_squared: "0.9808 (C2 alone 0.9322)",
        formulation: Some("Neoral BID"),
        citation: ORIENTAL_KIDNEY,
    },
    Equation {
        id: "csa-oriental-kidney-trapezoid-c2-c8",
        drug: Drug::Cyclosporine,
        interval: AucInterval::Auc0To12,
        formula: "AUC0-12 = 4·C2 + 5·C8 (trapezoid-derived)",
        intercept: 0.0,
        terms: &[t(2.0, 4.0), t(8.0, 5.0)],
        population: "stable \"Oriental\" kidney Tx",
        n: Some("10"),
        r_squared: "0.978",
        formulation: Some("Neoral BID"),
        citation: ORIENTAL_KIDNEY,
    },
    Equation {
        id: "csa-oriental-kidney-c0-c2-c6",
        drug: Drug::Cyclosporine,
        interval: AucInterval::Auc0To12,
        formula: "AUC0-12 = 4·C0 + 3·C2 + 5·C6",
        intercept: 0.0,
        terms: &[t(0.0, 4.0), t(2.0, 3.0), t(6.0, 5.0)],
        population: "stable \"Oriental\" kidney Tx",
        n: Some("10"),
        r_squared: "0.9475",
        formulation: Some("Neoral BID"),
        citation: ORIENTAL_KIDNEY,
    },
    // ---- Tacrolimus ----
    Equation {
        id: "tac-kidney-c0-c1-c4",
        drug: Drug::Tacrolimus,
        interval: AucInterval::Auc0To12,
        formula: "AUC0-12 = 8.90 + 4.0·C0 + 1.77·C1 + 5.47·C4",
        intercept: 8.90,
        terms: &[t(0.0, 4.0), t(1.0, 1.77), t(4.0, 5.47)],
        population: "adult kidney Tx",
        n: Some("14 + 13"),
        r_squared: "0.965 (C4 alone 0.790)",
        formulation: None,
        citation: "V-paper abstract \"Evaluation of a Limited Sampling Strategy to Estimate AUC of Tacrolimus in Adult Renal Transplant Patients\" (scilit f1e33a2a…); authors not in the excerpt",
    },
    Equation {
        id: "tac-advagraf-kidney-c0-c2-c4",
        drug: Drug::Tacrolimus,
        interval: AucInterval::Auc0To24,
        formula: "AUC0-24 = 44.9 + 8.9·C0 + 2.1·C2 + 7.6·C4 (Advagraf)",
        intercept: 44.9,
        terms: &[t(0.0, 8.9), t(2.0, 2.1), t(4.0, 7.6)],
        population: "stable Caucasian kidney Tx",
        n: Some("26"),
        r_squared: "0.95 (C24 alone 0.77)",
        formulation: Some("Advagraf"),
        citation: "V-paper abstract, PubMed 25980838",
    },
    Equation {
        id: "tac-chen-mmf-c1-c2-c4",
        drug: Drug::Tacrolimus,
        interval: AucInterval::Auc0To12,
        formula: "AUC0-12 = 10.776 + 0.749·C1 + 1.604·C2 + 4.116·C4",
        intercept: 10.776,
        terms: &[t(1.0, 0.749), t(2.0, 1.604), t(4.0, 4.116)],
        population: "adults, TAC + MMF (Chen et al.)",
        n: None,
        r_squared: "0.750",
        formulation: None,
        citation: PMC4138452,
    },
    Equation {
        id: "tac-attard-paediatric-c0-c0.33-c2",
        drug: Drug::Tacrolimus,
        interval: AucInterval::Auc0To12,
        formula: "AUC0-12 = 9.1 + 5.7·C0 + 1.1·C0.33 + 2.1·C2",
        intercept: 9.1,
        terms: &[t(0.0, 5.7), t(0.33, 1.1), t(2.0, 2.1)],
        population: "paediatric (Attard et al.)",
        n: None,
        r_squared: "0.740",
        formulation: None,
        citation: PMC4138452,
    },
    Equation {
        id: "tac-chen-emit-c2-c4-c8",
        drug: Drug::Tacrolimus,
        interval: AucInterval::Auc0To12,
        formula: "AUC0-12 = 9.37 + 2.18·C2 + 2.10·C4 + 4.71·C8",
        intercept: 9.37,
        terms: &[t(2.0, 2.18), t(4.0, 2.10), t(8.0, 4.71)],
        population: "adults (Chen et al., EMIT)",
        n: None,
        r_squared: "0.901",
        formulation: None,
        citation: PMC4138452,
    },
];

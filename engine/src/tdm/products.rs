//! What can be prescribed: the strengths sold in the selected market, the
//! drug's dose step, and the daily dose per kg against the label's maximum
//! (tacrolimus) or the usual range in DM/PM-IP (cyclosporine).

use super::input::{Formulation, TdmInput};
use super::targets::Drug;
use crate::catalog::ModelDef;
use crate::dose::{Recommendation, Rounding};
use serde::{Deserialize, Serialize};

/// Where the products are bought.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Market {
    /// The Japanese market (no 100 mg Neoral capsule).
    #[default]
    Japan,
    /// The strengths the model file lists (its own source).
    ModelFile,
}

/// The prescription settings the advice is made for.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct Prescribing {
    #[serde(default)]
    pub market: Market,
    /// For the daily dose per kg; `None`: not checked (and said so).
    #[serde(default)]
    pub weight_kg: Option<f64>,
    /// The patient's breakfast time (regimens before or after breakfast
    /// are written at it); `None`: 08:00.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub breakfast: Option<chrono::NaiveTime>,
}

/// A product as sold in a market.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Product {
    pub formulation: Formulation,
    pub capsules_mg: &'static [f64],
    pub solution_mg_per_ml: Option<f64>,
    pub source: &'static str,
}

const NEORAL_JP: &str = "Neoral in Japan: 内用液10% and 10, 25, 50 mg capsules, no 100 mg capsule (社会保険診療報酬支払基金 審査情報提供事例 No.357, 2022-02-28; Neoral package insert, Novartis, 2015, 20th ed.)";
const PROGRAF_JP: &str = "Prograf capsules 0.5, 1, 5 mg (Prograf package insert, Astellas: 0.5/1 mg 2017-08, 38th ed.; 5 mg 2023-12, 2nd ed.)";
const GRACEPTOR_JP: &str =
    "Graceptor capsules 0.5, 1, 5 mg (KEGG MEDICUS product page, グラセプター)";
/// Tacrolimus in PM/DM-IP: at most 0.3 mg/kg/day, 0.5 mg steps.
pub const TACROLIMUS_LABEL: &str = "Japanese tacrolimus label, PM/DM-IP: at most 0.3 mg/kg/day, 0.5 mg steps (DSU No.323, 2024-01)";
/// Usual cyclosporine in DM/PM-IP: 100–300 mg/day (3–5 mg/kg/day).
pub const CYCLOSPORINE_USUAL: &str = "Usual cyclosporine in DM/PM-IP 3–5 mg/kg/day (100–300 mg/day), no specific guideline (Interstitial Pneumonia in Dermatomyositis, in Neuromuscular Disorders, InTech)";

/// The product in the Japanese market; `None` in [`Market::ModelFile`].
pub fn product(market: Market, formulation: Formulation) -> Option<Product> {
    if market != Market::Japan {
        return None;
    }
    Some(match formulation {
        Formulation::Neoral => Product {
            formulation,
            capsules_mg: &[10.0, 25.0, 50.0],
            solution_mg_per_ml: Some(100.0),
            source: NEORAL_JP,
        },
        Formulation::Prograf => Product {
            formulation,
            capsules_mg: &[0.5, 1.0, 5.0],
            solution_mg_per_ml: None,
            source: PROGRAF_JP,
        },
        Formulation::Graceptor => Product {
            formulation,
            capsules_mg: &[0.5, 1.0, 5.0],
            solution_mg_per_ml: None,
            source: GRACEPTOR_JP,
        },
    })
}

/// How the advice makes its amounts: the market's product (or the model
/// file's strengths), at most two strengths and four capsules a dose, on
/// the drug's step: tacrolimus 0.5 mg (the label); cyclosporine multiples
/// of 10 or 25 mg, a solution dose in 10 mg (0.1 mL of 10 %) steps.
pub fn rounding(
    drug: Drug,
    market: Market,
    formulation: Formulation,
    model_strengths: &[f64],
) -> Rounding {
    let (capsules, solution) = match product(market, formulation) {
        Some(p) => (p.capsules_mg.to_vec(), p.solution_mg_per_ml),
        None => (model_strengths.to_vec(), None),
    };
    let (steps_mg, solution_step_mg) = match drug {
        Drug::Tacrolimus => (vec![0.5], 0.5),
        Drug::Cyclosporine => (vec![10.0, 25.0], 10.0),
    };
    Rounding {
        solution_mg_per_ml: solution,
        steps_mg,
        solution_step_mg,
        ..Rounding::capsules(&capsules)
    }
}

/// The product of the latest dose row, else the drug's usual one
/// (Neoral, Prograf).
pub fn product_in_use(input: &TdmInput) -> Formulation {
    input
        .doses
        .iter()
        .max_by_key(|r| r.start)
        .and_then(|r| r.formulation)
        .unwrap_or(match input.drug {
            Drug::Cyclosporine => Formulation::Neoral,
            Drug::Tacrolimus => Formulation::Prograf,
        })
}

/// The rounding for a screen's input: its market, and the product of the
/// latest dose row (else the drug's usual one: Neoral, Prograf).
pub fn rounding_for(input: &TdmInput, def: &ModelDef) -> Rounding {
    let formulation = product_in_use(input);
    let strengths = def
        .file
        .products
        .first()
        .map_or(&[][..], |p| &p.strengths_mg[..]);
    rounding(input.drug, input.prescribing.market, formulation, strengths)
}

/// The daily dose of one advised regimen, with its flags.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CandidateDaily {
    /// The regimen's label (as in the advice).
    pub regimen: String,
    pub daily_mg: f64,
    pub flags: Vec<DailyDose>,
}

/// The daily-dose flags of every advised regimen.
pub fn check_advice(input: &TdmInput, advice: Option<&Recommendation>) -> Vec<CandidateDaily> {
    advice.map_or_else(Vec::new, |a| {
        a.candidates
            .iter()
            .map(|c| CandidateDaily {
                regimen: c.regimen.label.clone(),
                daily_mg: c.daily_mg,
                flags: check_daily(input.drug, c.daily_mg, input.prescribing.weight_kg),
            })
            .collect()
    })
}

/// A daily dose against the label or the usual range.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "flag", rename_all = "snake_case")]
pub enum DailyDose {
    /// Above the label's maximum (tacrolimus 0.3 mg/kg/day).
    AboveLabelMaximum {
        mg_kg_day: f64,
        max_mg_kg_day: f64,
        source: &'static str,
    },
    /// Outside the usual range (cyclosporine 3–5 mg/kg/day).
    OutsideUsualRange {
        mg_kg_day: f64,
        low: f64,
        high: f64,
        source: &'static str,
    },
    /// No weight: the per-kg dose is not checked.
    WeightUnknown,
}

/// The flags of a daily dose (empty: within the label and the usual range).
pub fn check_daily(drug: Drug, daily_mg: f64, weight_kg: Option<f64>) -> Vec<DailyDose> {
    let Some(w) = weight_kg.filter(|w| w.is_finite() && *w > 0.0) else {
        return vec![DailyDose::WeightUnknown];
    };
    let per_kg = daily_mg / w;
    match drug {
        Drug::Tacrolimus if per_kg > 0.3 + 1e-9 => vec![DailyDose::AboveLabelMaximum {
            mg_kg_day: per_kg,
            max_mg_kg_day: 0.3,
            source: TACROLIMUS_LABEL,
        }],
        Drug::Cyclosporine if !(3.0 - 1e-9..=5.0 + 1e-9).contains(&per_kg) => {
            vec![DailyDose::OutsideUsualRange {
                mg_kg_day: per_kg,
                low: 3.0,
                high: 5.0,
                source: CYCLOSPORINE_USUAL,
            }]
        }
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dose::nearest;

    #[test]
    fn the_japanese_market_has_no_100_mg_neoral() {
        let r = rounding(
            Drug::Cyclosporine,
            Market::Japan,
            Formulation::Neoral,
            &[10.0, 25.0, 50.0, 100.0],
        );
        assert_eq!(r.capsules_mg, vec![10.0, 25.0, 50.0]);
        let (_, above) = nearest(190.0, &r).unwrap();
        // 200 mg = 50 × 4, not 100 × 2.
        assert_eq!(above.unwrap().capsules, vec![(50.0, 4)]);
        // The model file's strengths elsewhere: 200 = 100 × 2.
        let other = rounding(
            Drug::Cyclosporine,
            Market::ModelFile,
            Formulation::Neoral,
            &[10.0, 25.0, 50.0, 100.0],
        );
        let (_, above) = nearest(190.0, &other).unwrap();
        assert_eq!(above.unwrap().capsules, vec![(100.0, 2)]);
    }

    #[test]
    fn daily_doses_are_checked_per_kg() {
        // Tacrolimus 9 mg/day at 25 kg = 0.36 mg/kg/day > 0.3.
        let flags = check_daily(Drug::Tacrolimus, 9.0, Some(25.0));
        assert!(matches!(
            flags[..],
            [DailyDose::AboveLabelMaximum { mg_kg_day, .. }] if (mg_kg_day - 0.36).abs() < 1e-12
        ));
        assert!(check_daily(Drug::Tacrolimus, 4.0, Some(55.0)).is_empty());
        // The 310 mg twice daily at 52 kg: 11.9 mg/kg/day.
        let flags = check_daily(Drug::Cyclosporine, 620.0, Some(52.0));
        assert!(matches!(
            flags[..],
            [DailyDose::OutsideUsualRange { mg_kg_day, .. }] if (mg_kg_day - 11.923).abs() < 1e-3
        ));
        assert!(check_daily(Drug::Cyclosporine, 200.0, Some(50.0)).is_empty());
        assert_eq!(
            check_daily(Drug::Cyclosporine, 200.0, None),
            vec![DailyDose::WeightUnknown]
        );
    }
}

//! FLAIR score for amyopathic DM-ILD (Lian 2020, Chest). All points [V].
//! Mortality per group is not verified and is not given.

use super::{AntiMda5, InputUsed, InputValue, Model, ModelOutput, RiskInputs};
use crate::clinical::analyte::Analyte;
use crate::clinical::error::{Field, Result};
use crate::clinical::notes::Note;
use crate::clinical::status::Gap;
use crate::text::{Lang, Words};
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FlairGroup {
    Low,
    Medium,
    High,
}

impl FlairGroup {
    /// [V] Lian 2020: low 0–4, medium 5–9, high 10–13.
    fn of(total: u32) -> FlairGroup {
        match total {
            0..=4 => FlairGroup::Low,
            5..=9 => FlairGroup::Medium,
            _ => FlairGroup::High,
        }
    }

    /// In English (both languages: `crate::text`).
    pub fn en(self) -> &'static str {
        self.words(Lang::En)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct ItemPoints {
    pub field: Field,
    pub points: u32,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FlairResult {
    pub items: Vec<ItemPoints>,
    /// 0–13.
    pub total: u32,
    pub group: FlairGroup,
}

/// [V] Lian 2020: (field, value ≥ cut-off, points): ferritin ≥636 ng/mL → 2,
/// LDH ≥355 U/L → 2, HRCT score ≥133 → 3.
const NUMERIC: [(Field, f64, u32); 3] = [
    (Field::Lab(Analyte::Ferritin), 636.0, 2),
    (Field::Lab(Analyte::Ldh), 355.0, 2),
    (Field::HrctScore, 133.0, 3),
];

/// [V] Lian 2020: anti-MDA5 negative 0, + 2, ++ 3, +++ 4.
fn mda5_points(m: AntiMda5) -> Option<u32> {
    match m {
        AntiMda5::Negative => Some(0),
        AntiMda5::Plus1 => Some(2),
        AntiMda5::Plus2 => Some(3),
        AntiMda5::Plus3 => Some(4),
        AntiMda5::Positive => None,
    }
}

/// [V] Lian 2020: RP-ILD 2, non-RP-ILD 0.
const RP_ILD_POINTS: u32 = 2;

pub fn flair(inputs: &RiskInputs) -> Result<ModelOutput<FlairResult>> {
    let mut out = ModelOutput::new(Model::Flair);
    out.unavailable.push(Gap::FlairMortalityPerGroup);
    out.notes.push(Note::FlairCentreSpecificInputs);
    let mut items = Vec::new();
    for (field, cut_off, points) in NUMERIC {
        if let Some(v) = out.take_number(inputs, field)? {
            let points = if v >= cut_off { points } else { 0 };
            items.push(ItemPoints { field, points });
        }
    }
    match inputs.anti_mda5 {
        Some(m) => {
            out.inputs_used.push(InputUsed {
                field: Field::AntiMda5,
                value: InputValue::AntiMda5(m),
            });
            match mda5_points(m) {
                Some(points) => items.push(ItemPoints {
                    field: Field::AntiMda5,
                    points,
                }),
                None => out.missing_inputs.push(Field::AntiMda5Grade),
            }
        }
        None => out.missing_inputs.push(Field::AntiMda5),
    }
    match inputs.rp_ild {
        Some(rp) => {
            out.inputs_used.push(InputUsed {
                field: Field::RpIld,
                value: InputValue::Flag(rp),
            });
            items.push(ItemPoints {
                field: Field::RpIld,
                points: if rp { RP_ILD_POINTS } else { 0 },
            });
        }
        None => out.missing_inputs.push(Field::RpIld),
    }
    if out.missing_inputs.is_empty() {
        let total = items.iter().map(|i| i.points).sum();
        out.result = Some(FlairResult {
            items,
            total,
            group: FlairGroup::of(total),
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(ferritin: f64, ldh: f64, mda5: AntiMda5, hrct: f64, rp: bool) -> RiskInputs {
        RiskInputs {
            ferritin_ng_ml: Some(ferritin),
            ldh_u_l: Some(ldh),
            anti_mda5: Some(mda5),
            hrct_score: Some(hrct),
            rp_ild: Some(rp),
            ..Default::default()
        }
    }

    fn total(i: &RiskInputs) -> (u32, FlairGroup) {
        let r = flair(i).unwrap().result.unwrap();
        (r.total, r.group)
    }

    #[test]
    fn published_points_and_groups() {
        assert_eq!(
            total(&all(635.9, 354.9, AntiMda5::Negative, 132.9, false)),
            (0, FlairGroup::Low)
        );
        assert_eq!(
            total(&all(636.0, 355.0, AntiMda5::Plus3, 133.0, true)),
            (13, FlairGroup::High)
        );
        // 2 + 2 = 4: still low; + anti-MDA5 + (2) = 6 medium; ++ (3) with HRCT (3) and RP (2) = 12 high
        assert_eq!(
            total(&all(700.0, 400.0, AntiMda5::Negative, 100.0, false)),
            (4, FlairGroup::Low)
        );
        assert_eq!(
            total(&all(700.0, 400.0, AntiMda5::Plus1, 100.0, false)),
            (6, FlairGroup::Medium)
        );
        assert_eq!(
            total(&all(700.0, 400.0, AntiMda5::Plus2, 140.0, true)),
            (12, FlairGroup::High)
        );
        assert_eq!(
            total(&all(100.0, 400.0, AntiMda5::Plus2, 140.0, true)),
            (10, FlairGroup::High)
        );
        assert_eq!(
            total(&all(100.0, 100.0, AntiMda5::Plus2, 140.0, true)),
            (8, FlairGroup::Medium)
        );
        assert_eq!(
            total(&all(100.0, 100.0, AntiMda5::Plus1, 140.0, false)),
            (5, FlairGroup::Medium)
        );
    }

    #[test]
    fn missing_grade_and_inputs_are_listed() {
        let i = RiskInputs {
            anti_mda5: Some(AntiMda5::Positive),
            ferritin_ng_ml: Some(900.0),
            ..Default::default()
        };
        let out = flair(&i).unwrap();
        assert_eq!(out.result, None);
        assert_eq!(
            out.missing_inputs,
            vec![
                Field::Lab(Analyte::Ldh),
                Field::HrctScore,
                Field::AntiMda5Grade,
                Field::RpIld
            ]
        );
        assert_eq!(out.unavailable, vec![Gap::FlairMortalityPerGroup]);
        assert_eq!(out.source, crate::clinical::Source::Lian2020Flair);
    }
}

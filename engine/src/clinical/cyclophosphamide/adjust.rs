//! The planned pulses adjusted for age, renal function, the WBC nadir of the
//! previous pulse and the counts on the day of the next pulse — each rule
//! looked at is returned with its outcome and source, so the planner can say
//! which one it applied and which it could not.
//!
//! Rules, and what the sources verify:
//! - **Age and creatinine**: EULAR 2009 Table 6 (the CYCLOPS trial's dose
//!   modification, de Groot 2009: full dose 15 mg/kg/pulse). Its cell for
//!   the patient's age row and creatinine column, divided by the trial's
//!   15 mg/kg, is the fraction of the planned dose given (for a 15 mg/kg
//!   plan this is the table's own mg/kg). The columns' creatinine limits
//!   are not in the copy read; the footnote says the trial had no separate
//!   regimen below 150 µmol/L, so below 150 the lower column applies. At
//!   150 or more the column cannot be chosen: the lower column's dose is
//!   planned and the higher column's is given as the alternative.
//! - **eGFR / creatinine clearance**: no verified reduction ([`Gap`]).
//! - **Nadir after the previous pulse**: recorded, not judged: no verified
//!   WBC reference interval ([`Gap::LabReferenceRange`]); the nadir-based
//!   reduction is not verified either ([`Gap::WbcNadirDoseAdjustment`]).
//! - **Counts on the day of the next pulse**: neutrophils < 1.5 ×10⁹/L →
//!   held (French recommendations 2020: reduce by 25 % or postpone). The
//!   Endoxan label's "hold at half of normal or less" needs a verified WBC
//!   reference interval, so the day's WBC holds nothing by itself
//!   ([`Gap::PulseDayWbcLimit`]).

use super::eular2009::{self, AgeBand};
use super::ledger::GivenPulse;
use super::schedule::PlannedPulse;
use crate::clinical::analyte::Analyte;
use crate::clinical::error::{finite_result, non_negative, ClinicalError, Field, Result};
use crate::clinical::sources::Source;
use crate::clinical::status::Gap;
use crate::clinical::units::{convert, Unit};
use serde::{Deserialize, Serialize};

/// [V] de Groot 2009: pulse CY 15 mg/kg (the table's < 60 y, lower-creatinine cell).
pub const TRIAL_FULL_DOSE_MG_PER_KG: f64 = 15.0;
/// [V] EULAR 2009 Table 6 footnote: no separate regimen below 150 µmol/L.
pub const LOWER_COLUMN_BELOW_UMOL_L: f64 = 150.0;
/// [V] French recommendations 2020 (Box 6): neutrophils < 1.5 ×10⁹/L on the bolus date.
pub const DAY_NEUTROPHILS_PER_UL: f64 = 1500.0;
/// [V] French recommendations 2020 (Box 6): "reduced by 25 %" (or postponed).
pub const DAY_NEUTROPHIL_REDUCTION: f64 = 0.25;

/// The counts on the day of the next pulse, /µL.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct DayCounts {
    pub wbc_per_ul: Option<f64>,
    pub neutrophils_per_ul: Option<f64>,
}

/// What the planner is asked: the full-dose plan, the pulses given, and
/// the patient's facts the rules need.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct AdjustInput<'a> {
    pub planned: &'a [PlannedPulse],
    pub given: &'a [GivenPulse],
    pub age_years: Option<f64>,
    pub creatinine_umol_l: Option<f64>,
    /// Counts on the day of the next pulse (the first not given).
    pub day: DayCounts,
}

/// A rule the planner looks at.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Rule {
    /// EULAR 2009 Table 6: the age row.
    EularAge,
    /// EULAR 2009 Table 6: the creatinine column.
    EularCreatinine,
    /// A reduction by eGFR or creatinine clearance.
    RenalFunction,
    /// The WBC nadir after the previous pulse.
    PreviousNadir,
    /// Neutrophils on the pulse day.
    DayNeutrophils,
    /// WBC on the pulse day.
    DayWbc,
}

/// The creatinine column of Table 6 used.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Column {
    Lower,
    Higher,
}

/// What a rule did.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum Outcome {
    /// The planned dose × `factor` (table cell ÷ the trial's 15 mg/kg).
    Reduced {
        band: AgeBand,
        column: Column,
        cell_mg_per_kg: f64,
        factor: f64,
    },
    /// Looked at; the dose is unchanged (e.g. < 60 y, lower column).
    Unchanged { band: AgeBand, cell_mg_per_kg: f64 },
    /// The creatinine is below 150 µmol/L: the lower column applies.
    LowerColumn { creatinine_umol_l: f64 },
    /// 150 µmol/L or more, or not entered: the column cannot be chosen
    /// ([`Gap::EularCreatinineBands`]); the lower column's dose is planned,
    /// `higher_mg` is the higher column's.
    ColumnUnknown {
        creatinine_umol_l: Option<f64>,
        higher_mg: f64,
        higher_mg_per_kg: f64,
    },
    /// The pulse is held; `or_mg` is the dose the rule allows instead, if any.
    Held {
        value_per_ul: f64,
        limit_per_ul: f64,
        or_mg: Option<f64>,
    },
    /// Below the reference range; the dose is unchanged.
    BelowRange {
        value_per_ul: f64,
        low_per_ul: f64,
        /// The pulse the nadir followed (for [`Rule::PreviousNadir`]).
        after_pulse: Option<u32>,
    },
    /// Within the reference range or above the rule's limit.
    Normal { value_per_ul: f64 },
    /// The rule's number is not verified; `alternative_mg` is the dose
    /// the other reading would give, if any.
    Unavailable {
        gap: Gap,
        alternative_mg: Option<f64>,
    },
    /// An input the rule needs is missing.
    Missing { field: Field },
    /// Not known yet: the previous pulse is still to come.
    Pending { pulse: u32 },
}

impl Outcome {
    /// The rule changed the dose or held the pulse.
    pub fn applied(&self) -> bool {
        matches!(self, Outcome::Reduced { .. } | Outcome::Held { .. })
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Step {
    pub rule: Rule,
    pub outcome: Outcome,
    pub source: Source,
}

/// One pulse of the adjusted plan.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AdjustedPulse {
    pub number: u32,
    pub date: chrono::NaiveDate,
    /// The plan's full dose.
    pub planned_mg: f64,
    /// The dose given (pulses in the ledger).
    pub given_mg: Option<f64>,
    /// The dose after the rules applied (the given dose for a given pulse).
    pub dose_mg: f64,
    pub held: bool,
    /// The rules looked at for this pulse, in order (empty when given).
    pub steps: Vec<Step>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AdjustedPlan {
    pub pulses: Vec<AdjustedPulse>,
    /// The patient's row of Table 6 (None without an age).
    pub band: Option<AgeBand>,
    /// The first pulse not given.
    pub next: Option<u32>,
}

fn step(rule: Rule, outcome: Outcome, source: Source) -> Step {
    Step {
        rule,
        outcome,
        source,
    }
}

/// What Table 6 gives for every pulse to come.
struct Table {
    age: Step,
    /// `Err((creatinine, higher cell))` when the column cannot be chosen.
    column: std::result::Result<f64, (Option<f64>, f64)>,
    factor: f64,
    band: Option<AgeBand>,
}

fn renal_step() -> Step {
    let renal = Outcome::Unavailable {
        gap: Gap::IvcyRenalDoseReduction,
        alternative_mg: None,
    };
    step(Rule::RenalFunction, renal, Source::EndoxanLabel2022)
}

/// The age row and creatinine column (the same for every pulse to come)
/// and the fraction of the planned dose they give.
fn table(input: &AdjustInput) -> Result<Option<Table>> {
    let src = eular2009::SOURCE;
    let Some(age) = input.age_years else {
        return Ok(None);
    };
    let row = eular2009::row(age)?;
    let creatinine = input
        .creatinine_umol_l
        .map(|c| non_negative(Field::Lab(Analyte::Creatinine), c))
        .transpose()?;
    let lower = row.lower_creatinine_mg_per_kg;
    let factor = lower / TRIAL_FULL_DOSE_MG_PER_KG;
    let outcome = if lower < TRIAL_FULL_DOSE_MG_PER_KG {
        Outcome::Reduced {
            band: row.age,
            column: Column::Lower,
            cell_mg_per_kg: lower,
            factor,
        }
    } else {
        Outcome::Unchanged {
            band: row.age,
            cell_mg_per_kg: lower,
        }
    };
    let column = match creatinine {
        Some(c) if c < LOWER_COLUMN_BELOW_UMOL_L => Ok(c),
        other => Err((other, row.higher_creatinine_mg_per_kg)),
    };
    Ok(Some(Table {
        age: step(Rule::EularAge, outcome, src),
        column,
        factor,
        band: Some(row.age),
    }))
}

/// The table's steps for a pulse planned at `planned_mg`.
fn table_steps(t: Option<&Table>, planned_mg: f64) -> Result<Vec<Step>> {
    let src = eular2009::SOURCE;
    let Some(t) = t else {
        let missing = Outcome::Missing {
            field: Field::AgeYears,
        };
        return Ok(vec![step(Rule::EularAge, missing, src), renal_step()]);
    };
    let column = match t.column {
        Ok(c) => Outcome::LowerColumn {
            creatinine_umol_l: c,
        },
        Err((c, higher)) => Outcome::ColumnUnknown {
            creatinine_umol_l: c,
            higher_mg: finite_result(planned_mg * higher / TRIAL_FULL_DOSE_MG_PER_KG)?,
            higher_mg_per_kg: higher,
        },
    };
    Ok(vec![
        t.age.clone(),
        step(Rule::EularCreatinine, column, src),
        renal_step(),
    ])
}

fn count(field: Field, v: Option<f64>) -> Result<Option<f64>> {
    v.map(|x| non_negative(field, x)).transpose()
}

/// The nadir step for pulse `n` (1-based), given the ledger in date order.
fn nadir_step(n: u32, given: &[&GivenPulse]) -> Result<Option<Step>> {
    if n < 2 {
        return Ok(None);
    }
    let prev = n - 1;
    let outcome = match given.get(prev as usize - 1) {
        None => Outcome::Pending { pulse: prev },
        Some(GivenPulse {
            wbc_nadir: None, ..
        }) => Outcome::Missing {
            field: Field::WbcNadir,
        },
        Some(GivenPulse {
            wbc_nadir: Some(w), ..
        }) => {
            let v = non_negative(Field::WbcNadir, w.value)?;
            // The value is checked (unit, sign) but not judged: no
            // verified WBC reference interval (the JCCLS copies read are
            // secondary).
            convert(Analyte::Wbc, v, w.unit, Unit::PerUl)?
                .available()
                .ok_or(ClinicalError::Missing {
                    field: Field::WbcNadir,
                })?;
            Outcome::Unavailable {
                gap: Gap::LabReferenceRange,
                alternative_mg: None,
            }
        }
    };
    Ok(Some(step(
        Rule::PreviousNadir,
        outcome,
        Source::DeGroot2009,
    )))
}

/// The day-of-pulse steps; `dose_mg` is the dose after the table.
fn day_steps(day: DayCounts, dose_mg: f64) -> Result<Vec<Step>> {
    let neutrophils = count(Field::Neutrophils, day.neutrophils_per_ul)?;
    let wbc = count(Field::Lab(Analyte::Wbc), day.wbc_per_ul)?;
    let n = match neutrophils {
        None => Outcome::Missing {
            field: Field::Neutrophils,
        },
        Some(v) if v < DAY_NEUTROPHILS_PER_UL => Outcome::Held {
            value_per_ul: v,
            limit_per_ul: DAY_NEUTROPHILS_PER_UL,
            or_mg: Some(finite_result(dose_mg * (1.0 - DAY_NEUTROPHIL_REDUCTION))?),
        },
        Some(v) => Outcome::Normal { value_per_ul: v },
    };
    // The label holds the drug at half of the normal count or less; with no
    // verified reference interval that count is not known.
    let w = match wbc {
        None => Outcome::Missing {
            field: Field::Lab(Analyte::Wbc),
        },
        Some(_) => Outcome::Unavailable {
            gap: Gap::PulseDayWbcLimit,
            alternative_mg: None,
        },
    };
    let steps = vec![
        step(Rule::DayNeutrophils, n, Source::FrenchVasculitis2020),
        step(Rule::DayWbc, w, Source::EndoxanLabel2022),
    ];
    Ok(steps)
}

/// The plan with each pulse still to come adjusted by the rules, and the
/// pulses already given (the ledger, in date order) with their doses.
pub fn adjust(input: &AdjustInput) -> Result<AdjustedPlan> {
    let mut given: Vec<&GivenPulse> = input.given.iter().collect();
    given.sort_by_key(|p| p.date);
    let table = table(input)?;
    let factor = table.as_ref().map_or(1.0, |t| t.factor);
    let next = input
        .planned
        .iter()
        .map(|p| p.number)
        .find(|&n| n as usize > given.len());
    let mut pulses = Vec::with_capacity(input.planned.len());
    for p in input.planned {
        if let Some(g) = (p.number as usize)
            .checked_sub(1)
            .and_then(|i| given.get(i))
        {
            pulses.push(AdjustedPulse {
                number: p.number,
                date: g.date,
                planned_mg: p.dose_mg,
                given_mg: Some(g.dose_mg),
                dose_mg: g.dose_mg,
                held: false,
                steps: Vec::new(),
            });
            continue;
        }
        let dose_mg = finite_result(p.dose_mg * factor)?;
        let mut steps = table_steps(table.as_ref(), p.dose_mg)?;
        steps.extend(nadir_step(p.number, &given)?);
        if Some(p.number) == next {
            steps.extend(day_steps(input.day, dose_mg)?);
        }
        let held = steps
            .iter()
            .any(|s| matches!(s.outcome, Outcome::Held { .. }));
        pulses.push(AdjustedPulse {
            number: p.number,
            date: p.date,
            planned_mg: p.dose_mg,
            given_mg: None,
            dose_mg,
            held,
            steps,
        });
    }
    Ok(AdjustedPlan {
        pulses,
        band: table.and_then(|t| t.band),
        next,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clinical::cyclophosphamide::ledger::WbcNadir;
    use crate::clinical::cyclophosphamide::schedule::{schedule, Spacing};
    use approx::assert_abs_diff_eq;
    use chrono::NaiveDate;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2025, m, day).unwrap()
    }

    /// 15 mg/kg × 50.4 kg = 756 mg, every 2 weeks × 6 from 1 Apr 2025.
    fn plan() -> Vec<PlannedPulse> {
        schedule(d(4, 1), Spacing::Days { days: 14 }, 6, 756.0).unwrap()
    }

    fn given(nadir_2_per_ul: Option<f64>) -> Vec<GivenPulse> {
        let nadir = |v| WbcNadir {
            date: None,
            value: v,
            unit: Unit::PerUl,
        };
        vec![
            GivenPulse {
                date: d(4, 1),
                dose_mg: 756.0,
                bsa_m2: None,
                wbc_nadir: Some(nadir(4100.0)),
            },
            GivenPulse {
                date: d(4, 15),
                dose_mg: 756.0,
                bsa_m2: None,
                wbc_nadir: nadir_2_per_ul.map(nadir),
            },
        ]
    }

    fn outcome(p: &AdjustedPulse, rule: Rule) -> Option<&Outcome> {
        p.steps.iter().find(|s| s.rule == rule).map(|s| &s.outcome)
    }

    /// 72 y, creatinine 2.1 mg/dL (= 185.64 µmol/L, eGFR ≈ 25), nadir
    /// 2500/µL after pulse 2.
    fn scenario(day: DayCounts) -> AdjustedPlan {
        let (planned, given) = (plan(), given(Some(2500.0)));
        adjust(&AdjustInput {
            planned: &planned,
            given: &given,
            age_years: Some(72.0),
            creatinine_umol_l: Some(2.1 * 88.4),
            day,
        })
        .unwrap()
    }

    #[test]
    fn seventy_two_years_pulses_3_to_6_at_two_thirds() {
        let a = scenario(DayCounts::default());
        assert_eq!((a.band, a.next), (Some(AgeBand::Over70), Some(3)));
        // Pulses 1–2 as given.
        assert_eq!(a.pulses[1].given_mg, Some(756.0));
        assert!(a.pulses[1].steps.is_empty());
        // > 70 y, lower column: 10 of 15 mg/kg → 756 × 10/15 = 504 mg.
        for p in &a.pulses[2..] {
            assert_abs_diff_eq!(p.dose_mg, 504.0, epsilon = 1e-9);
            assert_eq!(p.planned_mg, 756.0);
            assert!(!p.held);
            match outcome(p, Rule::EularAge) {
                Some(Outcome::Reduced {
                    band: AgeBand::Over70,
                    column: Column::Lower,
                    cell_mg_per_kg,
                    factor,
                }) => {
                    assert_eq!(*cell_mg_per_kg, 10.0);
                    assert_abs_diff_eq!(*factor, 2.0 / 3.0, epsilon = 1e-12);
                }
                other => panic!("age step: {other:?}"),
            }
            // 185.6 µmol/L ≥ 150: the column is not known; the higher
            // column (7.5 mg/kg) would give 756 × 7.5/15 = 378 mg.
            match outcome(p, Rule::EularCreatinine) {
                Some(Outcome::ColumnUnknown {
                    creatinine_umol_l: Some(c),
                    higher_mg,
                    higher_mg_per_kg,
                }) => {
                    assert_abs_diff_eq!(*c, 185.64, epsilon = 1e-9);
                    assert_abs_diff_eq!(*higher_mg, 378.0, epsilon = 1e-9);
                    assert_eq!(*higher_mg_per_kg, 7.5);
                }
                other => panic!("column step: {other:?}"),
            }
            assert_eq!(
                outcome(p, Rule::RenalFunction),
                Some(&Outcome::Unavailable {
                    gap: Gap::IvcyRenalDoseReduction,
                    alternative_mg: None
                })
            );
        }
        // The nadir after pulse 2 is recorded on pulse 3, not judged: no
        // verified WBC reference interval.
        assert_eq!(
            outcome(&a.pulses[2], Rule::PreviousNadir),
            Some(&Outcome::Unavailable {
                gap: Gap::LabReferenceRange,
                alternative_mg: None
            })
        );
        assert_eq!(
            outcome(&a.pulses[3], Rule::PreviousNadir),
            Some(&Outcome::Pending { pulse: 3 })
        );
        // The counts of the pulse day are asked for the next pulse only.
        assert_eq!(
            outcome(&a.pulses[2], Rule::DayNeutrophils),
            Some(&Outcome::Missing {
                field: Field::Neutrophils
            })
        );
        assert_eq!(outcome(&a.pulses[3], Rule::DayWbc), None);
    }

    #[test]
    fn counts_on_the_day_hold_the_pulse() {
        // Neutrophils 1200/µL < 1500: held, or 25 % less: 504 × 0.75 = 378 mg.
        let a = scenario(DayCounts {
            wbc_per_ul: Some(4000.0),
            neutrophils_per_ul: Some(1200.0),
        });
        let p3 = &a.pulses[2];
        assert!(p3.held);
        assert_eq!(
            outcome(p3, Rule::DayNeutrophils),
            Some(&Outcome::Held {
                value_per_ul: 1200.0,
                limit_per_ul: 1500.0,
                or_mg: Some(378.0)
            })
        );
        assert!(!a.pulses[3].held);
        // A WBC on the day holds nothing by itself: the label's "half of
        // normal" needs a verified reference interval.
        let a = scenario(DayCounts {
            wbc_per_ul: Some(1600.0),
            neutrophils_per_ul: Some(1600.0),
        });
        let p3 = &a.pulses[2];
        assert!(!p3.held);
        assert_abs_diff_eq!(p3.dose_mg, 504.0, epsilon = 1e-9);
        assert_eq!(
            outcome(p3, Rule::DayWbc),
            Some(&Outcome::Unavailable {
                gap: Gap::PulseDayWbcLimit,
                alternative_mg: None
            })
        );
    }

    #[test]
    fn younger_patients_and_lower_creatinine() {
        // 45 y, creatinine 70 µmol/L: < 60 y lower column = the full dose.
        let planned = schedule(d(4, 1), Spacing::Days { days: 28 }, 6, 1090.86).unwrap();
        let none: Vec<GivenPulse> = Vec::new();
        let input = |age, cr| AdjustInput {
            planned: &planned,
            given: &none,
            age_years: age,
            creatinine_umol_l: cr,
            day: DayCounts::default(),
        };
        let a = adjust(&input(Some(45.0), Some(70.0))).unwrap();
        assert_abs_diff_eq!(a.pulses[0].dose_mg, 1090.86, epsilon = 1e-9);
        assert_eq!(a.next, Some(1));
        assert!(matches!(
            outcome(&a.pulses[0], Rule::EularAge),
            Some(Outcome::Unchanged {
                band: AgeBand::Under60,
                ..
            })
        ));
        assert_eq!(
            outcome(&a.pulses[0], Rule::EularCreatinine),
            Some(&Outcome::LowerColumn {
                creatinine_umol_l: 70.0
            })
        );
        assert_eq!(outcome(&a.pulses[0], Rule::PreviousNadir), None);
        // 65 y: 12.5 of 15 mg/kg → 1090.86 × 12.5/15 = 909.05 mg.
        let a = adjust(&input(Some(65.0), Some(100.0))).unwrap();
        assert_abs_diff_eq!(a.pulses[5].dose_mg, 909.05, epsilon = 1e-9);
        // No age: the dose is not reduced and the age is asked for.
        let a = adjust(&input(None, None)).unwrap();
        assert_eq!(a.pulses[0].dose_mg, 1090.86);
        assert_eq!(
            outcome(&a.pulses[0], Rule::EularAge),
            Some(&Outcome::Missing {
                field: Field::AgeYears
            })
        );
        // No creatinine: the column is not known, the higher one is shown.
        let a = adjust(&input(Some(75.0), None)).unwrap();
        assert!(matches!(
            outcome(&a.pulses[0], Rule::EularCreatinine),
            Some(Outcome::ColumnUnknown {
                creatinine_umol_l: None,
                ..
            })
        ));
        assert!(adjust(&input(Some(200.0), None)).is_err());
        assert!(adjust(&input(Some(70.0), Some(-1.0))).is_err());
    }

    #[test]
    fn a_missing_nadir_is_said() {
        let (planned, given) = (plan(), given(None));
        let a = adjust(&AdjustInput {
            planned: &planned,
            given: &given,
            age_years: Some(50.0),
            creatinine_umol_l: Some(80.0),
            day: DayCounts {
                wbc_per_ul: Some(-5.0),
                neutrophils_per_ul: None,
            },
        });
        assert!(a.is_err());
        let a = adjust(&AdjustInput {
            planned: &planned,
            given: &given,
            age_years: Some(50.0),
            creatinine_umol_l: Some(80.0),
            day: DayCounts::default(),
        })
        .unwrap();
        assert_eq!(
            outcome(&a.pulses[2], Rule::PreviousNadir),
            Some(&Outcome::Missing {
                field: Field::WbcNadir
            })
        );
    }
}

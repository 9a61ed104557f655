//! Meal timing and absorption occasions. Taken before or after a meal, a
//! cyclosporine dose is absorbed differently (Japanese series: preprandial
//! doses peak at C1–C2, postprandial ones often not within 4 h: the
//! pharmacokinetic pack for autoimmune disease, §2.1–2.2), and no published model
//! has meal timing as a covariate. So, in a model with between-occasion
//! variability on absorption (Umpierrez 2021: KA and ALAG; Press 2010: F,
//! the extent absorbed), a change of meal timing between dose rows starts
//! a new occasion: the levels before the change no longer set the
//! absorption after it, which takes the population's value until a level
//! is measured on the new timing. The output says so (the old absorption η
//! is not transferable).
//!
//! The engine's occasion carries every between-occasion η of the model
//! together, so in Umpierrez 2021, whose occasion block joins KA and ALAG
//! with CL (KA–CL correlation −0.551), CL's between-occasion η starts
//! afresh too; the between-subject η (CL, Q) carry over. The note names
//! every parameter that starts afresh.

use super::input::{DoseRow, MealTiming, TdmInput};
use super::session::TdmNote;
use crate::catalog::{ModelDef, Slot};
use crate::dosing::TimeBase;
use chrono::{DateTime, FixedOffset};

/// Parameters about absorption: its rate (KA, KTR), lag (ALAG) and
/// extent (F).
const ABSORPTION: [Slot; 4] = [Slot::Ka, Slot::Ktr, Slot::Alag, Slot::F];

/// A change of meal timing between dose rows.
#[derive(Debug, Clone, PartialEq)]
pub struct MealChange {
    /// The row (index in the input) whose timing differs from the row
    /// before it.
    pub row: usize,
    pub at: DateTime<FixedOffset>,
    pub before: MealTiming,
    pub after: MealTiming,
}

/// Where the stated meal timing changes, rows taken in time order; a row
/// that states none neither keeps nor breaks the timing.
pub fn meal_changes(rows: &[DoseRow]) -> Vec<MealChange> {
    let mut order: Vec<usize> = (0..rows.len()).collect();
    order.sort_by_key(|&i| rows[i].start);
    let mut last: Option<MealTiming> = None;
    let mut out = Vec::new();
    for i in order {
        let Some(meal) = rows[i].meal else {
            continue;
        };
        if let Some(before) = last.filter(|b| *b != meal) {
            out.push(MealChange {
                row: i,
                at: rows[i].start,
                before,
                after: meal,
            });
        }
        last = Some(meal);
    }
    out
}

/// The model's parameters with between-occasion variability, when one of
/// them is about absorption; empty otherwise.
pub fn absorption_iov(def: &ModelDef) -> Vec<Slot> {
    let all: Vec<Slot> = def.iov_parameters().collect();
    if all.iter().any(|s| ABSORPTION.contains(s)) {
        all
    } else {
        Vec::new()
    }
}

/// The occasions the meal timing starts, and the notes that say so.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Occasions {
    /// Start of each new occasion (the first runs from before the history).
    pub starts: Vec<DateTime<FixedOffset>>,
    pub notes: Vec<TdmNote>,
}

impl Occasions {
    /// The occasions' starts in model hours for `Problem::new`: the first
    /// from before everything, then each change; empty (one occasion)
    /// without a change.
    pub fn hours(&self, base: &TimeBase) -> Vec<f64> {
        if self.starts.is_empty() {
            return Vec::new();
        }
        std::iter::once(f64::NEG_INFINITY)
            .chain(self.starts.iter().map(|t| base.hours(*t)))
            .collect()
    }
}

/// The absorption occasions of `input` under `def`: none unless the model
/// has between-occasion variability on absorption.
pub fn absorption_occasions(def: &ModelDef, input: &TdmInput) -> Occasions {
    let parameters = absorption_iov(def);
    if parameters.is_empty() {
        return Occasions::default();
    }
    let changes = meal_changes(&input.doses);
    let measured = |from: DateTime<FixedOffset>, until: Option<DateTime<FixedOffset>>| {
        input
            .levels
            .iter()
            .filter(|l| l.blq || l.value_ng_ml.is_some())
            .filter(|l| l.sampled >= from && until.is_none_or(|u| l.sampled < u))
            .count()
    };
    let notes = changes
        .iter()
        .enumerate()
        .map(|(k, c)| TdmNote::AbsorptionOccasion {
            row: c.row,
            from: c.at.to_rfc3339(),
            before: c.before,
            after: c.after,
            parameters: parameters.iter().map(|s| s.name().to_owned()).collect(),
            levels: measured(c.at, changes.get(k + 1).map(|n| n.at)),
        })
        .collect();
    Occasions {
        starts: changes.iter().map(|c| c.at).collect(),
        notes,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::builtin;

    fn row(start: &str, meal: Option<MealTiming>) -> DoseRow {
        DoseRow {
            start: DateTime::parse_from_rfc3339(start).expect("time"),
            amount_mg: 100.0,
            interval_h: Some(12.0),
            count: 4,
            ongoing: false,
            at_steady_state: false,
            formulation: None,
            meal,
        }
    }

    #[test]
    fn a_change_of_stated_meal_timing_in_time_order_is_found() {
        use MealTiming::{AfterMeal, BeforeMeal};
        let rows = vec![
            row("2026-11-05T08:00:00+09:00", Some(BeforeMeal)),
            row("2026-11-01T08:00:00+09:00", Some(AfterMeal)),
            row("2026-11-03T08:00:00+09:00", None),
            row("2026-11-07T08:00:00+09:00", Some(BeforeMeal)),
        ];
        let c = meal_changes(&rows);
        assert_eq!(c.len(), 1);
        assert_eq!(
            (c[0].row, c[0].before, c[0].after),
            (0, AfterMeal, BeforeMeal)
        );
        assert!(meal_changes(&rows[1..3]).is_empty());
    }

    #[test]
    fn umpierrez_and_press_vary_absorption_between_occasions_the_tacrolimus_models_do_not() {
        let iov = |id: &str| absorption_iov(&builtin(id).expect("built in").expect("valid"));
        assert_eq!(iov("umpierrez2021_csa"), [Slot::Cl, Slot::Ka, Slot::Alag]);
        assert_eq!(iov("press2010_csa"), [Slot::F]);
        for id in [
            "woillard2011_tac",
            "monchaud2012_tac",
            "kirubakaran2022_tac",
        ] {
            assert!(iov(id).is_empty(), "{id}");
        }
    }
}

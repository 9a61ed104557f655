//! The planner's inputs as typed, and the plan they give in the record.
//! Valid text writes through; invalid text stays in its field (with its
//! message) and the record keeps the last valid value.

use crate::format::{parse_number, tick};
use crate::state::use_record;
use dmip_engine::clinical::body::BsaFormula;
use dmip_engine::clinical::cyclophosphamide::{Basis, Prescription, Regimen, Spacing};
use dmip_engine::record::{IvcyPlan, NaiveDate};
use leptos::prelude::*;

/// Formulas offered: DuBois, Mosteller, Fujimoto.
pub const FORMULAS: [(BsaFormula, &str); 3] = [
    (BsaFormula::DuBois, "du_bois"),
    (BsaFormula::Mosteller, "mosteller"),
    (BsaFormula::Fujimoto, "fujimoto"),
];
pub const BASES: [(Basis, &str); 3] = [
    (Basis::MgPerM2, "mg_m2"),
    (Basis::MgPerKg, "mg_kg"),
    (Basis::Mg, "mg"),
];
pub const SPACINGS: [(Spacing, &str); 4] = [
    (Spacing::Days { days: 14 }, "d14"),
    (Spacing::Days { days: 21 }, "d21"),
    (Spacing::Days { days: 28 }, "d28"),
    (Spacing::CalendarMonths { months: 1 }, "m1"),
];
pub const REGIMENS: [(Regimen, &str); 7] = [
    (Regimen::Yamasaki, "yamasaki"),
    (Regimen::Nih, "nih"),
    (Regimen::EuroLupus, "euro_lupus"),
    (Regimen::Kameda, "kameda"),
    (Regimen::ShenLowDose, "shen"),
    (Regimen::TsujiTriple, "tsuji"),
    (Regimen::Cyclops, "cyclops"),
];

/// The form value of `x` in `table`.
pub fn value_of<T: PartialEq + Copy>(table: &[(T, &'static str)], x: T) -> &'static str {
    table.iter().find(|(t, _)| *t == x).map_or("", |(_, v)| v)
}

/// The item with form value `v`.
pub fn from_value<T: Copy>(table: &[(T, &'static str)], v: &str) -> Option<T> {
    table.iter().find(|(_, x)| *x == v).map(|(t, _)| *t)
}

/// The default formula when none was chosen.
pub const DEFAULT_FORMULA: BsaFormula = BsaFormula::DuBois;

/// A date typed in an `<input type=date>` (`YYYY-MM-DD`).
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").ok()
}

/// A whole number of pulses, 1–100 (the engine's guard).
pub fn parse_count(text: &str) -> Option<u32> {
    let v = parse_number(text);
    (v.is_finite() && v.fract() == 0.0 && (1.0..=100.0).contains(&v)).then_some(v as u32)
}

/// A dose amount > 0.
pub fn parse_amount(text: &str) -> Option<f64> {
    let v = parse_number(text);
    (v.is_finite() && v > 0.0).then_some(v)
}

/// The planner's fields, as typed.
#[derive(Clone, Copy)]
pub struct PlanInputs {
    pub formula: RwSignal<String>,
    pub preset: RwSignal<String>,
    pub basis: RwSignal<String>,
    pub amount: RwSignal<String>,
    pub start: RwSignal<String>,
    pub spacing: RwSignal<String>,
    pub count: RwSignal<String>,
}

/// Texts of a stored plan.
fn texts(p: &IvcyPlan) -> [String; 7] {
    [
        value_of(&FORMULAS, p.bsa_formula.unwrap_or(DEFAULT_FORMULA)).to_owned(),
        p.preset.map_or("", |r| value_of(&REGIMENS, r)).to_owned(),
        value_of(&BASES, p.prescription.map_or(Basis::MgPerM2, |x| x.basis)).to_owned(),
        p.prescription.map(|x| tick(x.amount)).unwrap_or_default(),
        p.first_pulse.map(|d| d.to_string()).unwrap_or_default(),
        p.spacing
            .map_or("d28", |s| value_of(&SPACINGS, s))
            .to_owned(),
        p.pulses.map(|n| n.to_string()).unwrap_or_default(),
    ]
}

/// A typed optional value: `Some(v)` valid, `Some(None)` empty, `None` invalid.
fn typed<T>(text: &str, parse: impl Fn(&str) -> Option<T>) -> Option<Option<T>> {
    if text.trim().is_empty() {
        Some(None)
    } else {
        parse(text).map(Some)
    }
}

/// The plan the texts give; an invalid text keeps `previous`'s value.
pub fn plan_from(t: &[String; 7], previous: &IvcyPlan) -> IvcyPlan {
    let basis = from_value(&BASES, &t[2]).unwrap_or(Basis::MgPerM2);
    let prescription = typed(&t[3], parse_amount)
        .map(|a| a.map(|amount| Prescription { basis, amount }))
        .unwrap_or(previous.prescription.map(|p| Prescription { basis, ..p }));
    IvcyPlan {
        bsa_formula: from_value(&FORMULAS, &t[0]),
        preset: from_value(&REGIMENS, &t[1]),
        prescription,
        first_pulse: typed(&t[4], parse_date).unwrap_or(previous.first_pulse),
        spacing: from_value(&SPACINGS, &t[5]),
        pulses: typed(&t[6], parse_count).unwrap_or(previous.pulses),
    }
}

impl PlanInputs {
    /// The fields of the open record's plan; edits write back to it.
    pub fn bound() -> Self {
        let state = use_record();
        let t = state.record.with_untracked(|r| texts(&r.ivcy.plan));
        let s = |i: usize| RwSignal::new(t[i].clone());
        let inputs = PlanInputs {
            formula: s(0),
            preset: s(1),
            basis: s(2),
            amount: s(3),
            start: s(4),
            spacing: s(5),
            count: s(6),
        };
        // The fields were read from the record: only later edits write back
        // (opening the screen does not change, or autosave, the record). A
        // plan changed elsewhere (another tab's save, a merge, an undo) with
        // the fields as they were is shown, field by field: a field whose
        // part of the plan did not change keeps what was typed in it.
        Effect::new(move |seen: Option<([String; 7], IvcyPlan)>| {
            let t = inputs.all();
            let stored = state.record.with(|r| r.ivcy.plan.clone());
            let Some((seen_t, seen_plan)) = seen else {
                return (t, stored);
            };
            if seen_t == t {
                if seen_plan != stored && plan_from(&t, &stored) != stored {
                    let (before, after) = (texts(&seen_plan), texts(&stored));
                    for (i, field) in inputs.fields().into_iter().enumerate() {
                        if before[i] != after[i] {
                            field.set(after[i].clone());
                        }
                    }
                    return (inputs.all_untracked(), stored);
                }
                return (t, stored);
            }
            let plan = plan_from(&t, &stored);
            if plan != stored {
                state.record.update(|r| r.ivcy.plan = plan.clone());
                return (t, plan);
            }
            (t, stored)
        });
        inputs
    }

    fn fields(&self) -> [RwSignal<String>; 7] {
        [
            self.formula,
            self.preset,
            self.basis,
            self.amount,
            self.start,
            self.spacing,
            self.count,
        ]
    }

    fn all_untracked(&self) -> [String; 7] {
        self.fields().map(|f| f.get_untracked())
    }

    fn all(&self) -> [String; 7] {
        [
            self.formula.get(),
            self.preset.get(),
            self.basis.get(),
            self.amount.get(),
            self.start.get(),
            self.spacing.get(),
            self.count.get(),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plan_round_trips_and_invalid_text_keeps_the_last_value() {
        let plan = IvcyPlan {
            preset: Some(Regimen::Yamasaki),
            bsa_formula: Some(BsaFormula::Mosteller),
            prescription: Some(Prescription {
                basis: Basis::MgPerM2,
                amount: 600.0,
            }),
            first_pulse: NaiveDate::from_ymd_opt(2025, 4, 1),
            spacing: Some(Spacing::Days { days: 28 }),
            pulses: Some(6),
        };
        let t = texts(&plan);
        assert_eq!(t[3], "600");
        assert_eq!(t[4], "2025-04-01");
        assert_eq!(plan_from(&t, &IvcyPlan::default()), plan);
        let mut bad = t.clone();
        bad[3] = "-600".into();
        bad[4] = "2025-13-01".into();
        bad[6] = "2.5".into();
        assert_eq!(plan_from(&bad, &plan), plan);
        let mut empty = t;
        empty[3] = " ".into();
        empty[6] = String::new();
        let cleared = plan_from(&empty, &plan);
        assert_eq!((cleared.prescription, cleared.pulses), (None, None));
        assert_eq!(parse_amount("６００"), Some(600.0));
        assert_eq!(parse_count("101"), None);
    }
}

//! Does the model's advice agree with the patient's own levels? Before any
//! dose is shown, the fit is checked against the measured levels (inside
//! the individual 90 % predictive interval of a measurement, |IWRES| ≤ 2) and the model's dose is set
//! beside the patient's own-level answer: the latest level of the target
//! metric scaled to the aim, valid for these linear models at steady state
//! on the current dose.

use super::input::{LevelRow, SampleLabel, TdmInput};
use super::levels::LevelTiming;
use crate::dose::{nearest, probability_at, Capsules, HeldRegimen, Range, Recommendation};
use crate::dosing::TimeBase;
use crate::estimate::{predictive_interval, MapFit, Problem};
use serde::Serialize;

/// Above this difference (percent of the proportional dose) the model's
/// dose and the proportional dose are said to disagree.
pub const DISAGREEMENT_PCT: f64 = 25.0;
/// An individual weighted residual beyond ± this is a level the fit misses.
pub const IWRES_LIMIT: f64 = 2.0;
/// An in-range patient keeps the dose unless the model's probability of
/// staying in range on it is below this.
pub const KEEP_BELOW_PROBABILITY: f64 = 0.5;

/// The patient's own-level answer.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Proportional {
    /// Index of the level (in the input) it scales.
    pub level: usize,
    pub observed: f64,
    /// The dose and interval that level was measured on.
    pub current_mg: f64,
    pub interval_h: f64,
    /// `current × aim / observed`, mg per dose at the same interval.
    pub proportional_mg: f64,
    /// That amount made of the product's strengths (the nearer of the two
    /// neighbours; the lower on a tie).
    pub rounded_mg: Option<f64>,
    /// The model's exact amount for the same interval, when advised.
    pub model_mg: Option<f64>,
    /// `|model − proportional| / proportional`, percent.
    pub disagreement_pct: Option<f64>,
}

/// A reason not to trust the model's advice as it stands.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "warning", rename_all = "snake_case")]
pub enum FitCheckWarning {
    /// A measured level outside the 5–95 % predictive interval of a
    /// measurement at its time (posterior draws plus residual error).
    OutsideBand {
        level: usize,
        value: f64,
        p05: f64,
        p95: f64,
    },
    /// |IWRES| above the limit.
    LargeResidual { level: usize, iwres: f64 },
    /// The model's dose and the proportional dose differ by more than
    /// `DISAGREEMENT_PCT`.
    Disagrees {
        model_mg: f64,
        proportional_mg: f64,
        pct: f64,
    },
}

/// The latest level is in range: keep the dose, unless the model is
/// confident it will not stay there.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Keep {
    pub current_mg: f64,
    pub interval_h: f64,
    /// The model's probability of the target (and limit) at steady state on
    /// the current dose.
    pub probability_in_range: Option<f64>,
    /// `false` only when that probability is below `KEEP_BELOW_PROBABILITY`
    /// and the model fits the levels (a model that misses the levels is not
    /// trusted to move an in-range patient).
    pub keep: bool,
}

/// The check, shown beside the advice.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FitCheck {
    pub proportional: Option<Proportional>,
    pub warnings: Vec<FitCheckWarning>,
    /// Present when the latest level of the target metric is in range (and
    /// the latest level of the limit's metric, if any, within it).
    pub keep: Option<Keep>,
}

impl FitCheck {
    /// "The model does not fit this patient's levels."
    pub fn misfit(&self) -> bool {
        !self.warnings.is_empty()
    }
}

/// The dose row a dose at model time `t` belongs to: (amount, interval).
pub(super) fn row_at(input: &TdmInput, base: &TimeBase, t: f64) -> Option<(f64, f64)> {
    let plan = super::rows::plan_end(&input.doses, input.now, input.horizon_h);
    input
        .doses
        .iter()
        .enumerate()
        .filter_map(|(i, r)| {
            let interval = r.interval_h?;
            let start = base.hours(r.start);
            let n = super::rows::doses_in(&input.doses, i, plan);
            let end = start + interval * f64::from(n.max(1) - 1);
            (start - 1e-6 <= t && t <= end + 1e-6).then_some((r.amount_mg, interval))
        })
        .next_back()
}

/// The latest measured level of the target's metric with a sound timing:
/// its index.
pub fn latest_of(target: &Range, levels: &[LevelRow], timing: &[LevelTiming]) -> Option<usize> {
    let label = SampleLabel::for_metric(target.metric)?;
    levels
        .iter()
        .zip(timing)
        .enumerate()
        .filter(|(_, (l, t))| {
            l.label == label && !l.blq && l.value_ng_ml.is_some() && t.problem.is_none()
        })
        .max_by_key(|(_, (l, _))| l.sampled)
        .map(|(i, _)| i)
}

/// What the screen computed before its checks: the input, its clock, the
/// problem, the fit, the levels' timing and the advice.
#[derive(Clone, Copy)]
pub struct Computed<'a> {
    pub input: &'a TdmInput,
    pub base: &'a TimeBase,
    pub problem: &'a Problem,
    pub fit: Option<&'a MapFit>,
    pub timing: &'a [LevelTiming],
    pub advice: Option<&'a Recommendation>,
}

/// Checks the fit and the advice against the levels.
pub fn check(c: Computed<'_>) -> FitCheck {
    let Computed {
        input,
        base,
        problem,
        fit,
        timing,
        advice,
    } = c;
    let mut warnings = Vec::new();
    let index_of = |time: f64, dv: f64| {
        input.levels.iter().zip(timing).position(|(l, t)| {
            (t.time_h - time).abs() < 1e-9 && l.value_ng_ml == Some(dv) && !l.blq
        })
    };
    let measured: Vec<(usize, f64, f64)> = problem
        .levels
        .iter()
        .filter(|l| !l.blq)
        .filter_map(|l| {
            let dv = l.dv?;
            Some((index_of(l.time, dv)?, l.time, dv))
        })
        .collect();
    if let Some(fit) = fit {
        let times: Vec<f64> = measured.iter().map(|m| m.1).collect();
        let interval = predictive_interval(problem, fit, &times, input.draws.max(100), 2);
        for ((level, _, value), &(p05, p95)) in measured.iter().zip(interval.iter().flatten()) {
            if *value < p05 || *value > p95 {
                warnings.push(FitCheckWarning::OutsideBand {
                    level: *level,
                    value: *value,
                    p05,
                    p95,
                });
            }
        }
        for (l, r) in problem.levels.iter().zip(&fit.iwres) {
            let Some(r) = r.filter(|r| r.abs() > IWRES_LIMIT) else {
                continue;
            };
            if let Some(level) = l.dv.and_then(|dv| index_of(l.time, dv)) {
                warnings.push(FitCheckWarning::LargeResidual { level, iwres: r });
            }
        }
    }
    let proportional = latest_of(&input.target, &input.levels, timing).and_then(|i| {
        let observed = input.levels[i].value_ng_ml.filter(|v| *v > 0.0)?;
        let (current_mg, interval_h) = row_at(input, base, timing[i].dose_time_h?)?;
        let proportional_mg = current_mg * input.target.aim() / observed;
        let model_mg = advice.and_then(|a| {
            a.candidates
                .iter()
                .find(|c| (c.regimen.interval_h - interval_h).abs() < 1e-9)
                .map(|c| c.exact_mg)
        });
        let disagreement_pct =
            model_mg.map(|m| (m - proportional_mg).abs() / proportional_mg * 100.0);
        let rounding = super::products::rounding_for(input, &problem.def);
        let rounded_mg = nearest(proportional_mg, &rounding).and_then(|(below, above)| {
            let pick = |c: Option<Capsules>| c.map(|c| c.amount_mg);
            match (pick(below), pick(above)) {
                (Some(b), Some(a)) if a - proportional_mg < proportional_mg - b => Some(a),
                (Some(b), _) => Some(b),
                (None, a) => a,
            }
        });
        Some(Proportional {
            level: i,
            observed,
            current_mg,
            interval_h,
            proportional_mg,
            rounded_mg,
            model_mg,
            disagreement_pct,
        })
    });
    if let Some(p) = &proportional {
        if let (Some(model_mg), Some(pct)) = (p.model_mg, p.disagreement_pct) {
            if pct > DISAGREEMENT_PCT {
                warnings.push(FitCheckWarning::Disagrees {
                    model_mg,
                    proportional_mg: p.proportional_mg,
                    pct,
                });
            }
        }
    }
    let misfit = !warnings.is_empty();
    let keep = proportional.as_ref().and_then(|p| {
        let limit_ok = input.limit.as_ref().is_none_or(|l| {
            latest_of(l, &input.levels, timing)
                .and_then(|i| input.levels[i].value_ng_ml)
                .is_none_or(|v| l.contains(v))
        });
        if !(input.target.contains(p.observed) && limit_ok) {
            return None;
        }
        let held = HeldRegimen {
            target: &input.target,
            limit: input.limit.as_ref(),
            interval_h: p.interval_h,
            amount_mg: p.current_mg,
            draws: input.draws,
            seed: 1,
        };
        let probability_in_range = probability_at(problem, fit, &held).ok().flatten();
        Some(Keep {
            current_mg: p.current_mg,
            interval_h: p.interval_h,
            probability_in_range,
            keep: misfit || probability_in_range.is_none_or(|q| q >= KEEP_BELOW_PROBABILITY),
        })
    });
    FitCheck {
        proportional,
        warnings,
        keep,
    }
}

//! Does the model's advice agree with the patient's own levels? Before any
//! dose is shown, the fit is checked against the measured levels (inside
//! the individual 90 % predictive interval of a measurement, |IWRES| ≤ 2) and the model's dose is set
//! beside the patient's own-level answer: the latest level of the target
//! metric scaled to the aim, valid for these linear models at steady state
//! on the current dose. Of a model average, the check is the mixture's:
//! the predictive interval pools the models' draws by weight, a level's
//! residual is Σ w·IWRES, and the probability is over the pooled draws.

use super::input::{LevelRow, SampleLabel, TdmInput};
use super::levels::LevelTiming;
use super::levels::TIMING_TOLERANCE_H;
use crate::dose::{
    mixture_outcome_at, nearest, Capsules, DrawMemo, HeldRegimen, Metric, Range, Recommendation,
};
use crate::dosing::TimeBase;
use crate::estimate::{mixture_interval, MapFit, Part, Problem};
use serde::Serialize;

/// Above this difference (percent of the proportional dose) the model's
/// dose and the proportional dose are said to disagree.
pub const DISAGREEMENT_PCT: f64 = 25.0;
/// An individual weighted residual beyond ± this is a level the fit misses.
pub const IWRES_LIMIT: f64 = 2.0;
/// An in-range patient keeps the dose unless the model gives at least this
/// probability of ending below the target, or at least this probability of
/// ending above it (or beyond the limit), at steady state on that dose. A
/// narrow range (C2 1000–1200) is rarely hit by most of the draws, so the
/// probability of staying in range is no reason to move a patient whose
/// level is in it; only a likely drift to one side is.
pub const CHANGE_AT_PROBABILITY: f64 = 0.5;

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

/// The latest level is in range: keep the dose, unless the model expects
/// the level to drift below or above the range.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Keep {
    pub current_mg: f64,
    pub interval_h: f64,
    /// The model's probability of the target (and limit) at steady state on
    /// the current dose.
    pub probability_in_range: Option<f64>,
    /// Its probability of the target metric below the range…
    pub probability_below: Option<f64>,
    /// …and above it (or beyond the limit).
    pub probability_above: Option<f64>,
    /// `false` only when one of those two is at least
    /// [`CHANGE_AT_PROBABILITY`] and the model fits the levels (a model that
    /// misses the levels is not trusted to move an in-range patient).
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
    /// The model shown (of an average: the one with the largest weight).
    pub problem: &'a Problem,
    pub fit: Option<&'a MapFit>,
    /// The models the numbers come from: `problem` alone (weight 1), or
    /// the average's, each with its weight.
    pub parts: &'a [Part<'a>],
    pub timing: &'a [LevelTiming],
    pub advice: Option<&'a Recommendation>,
    /// Where the draws' values are kept (`dose::draws`).
    pub memo: Option<&'a DrawMemo>,
}

/// A measured level as the check reads it: its index (as the caller
/// numbers its levels), model time and value.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MeasuredLevel {
    pub index: usize,
    pub time_h: f64,
    pub value: f64,
}

/// The latest level of a metric and the regimen it was measured on.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LatestLevel {
    pub index: usize,
    pub value: f64,
    pub current_mg: f64,
    pub interval_h: f64,
}

/// The check on model time: what a drug screen ([`check`]) and the CLI
/// (`dmip dose`) both ask.
#[derive(Clone, Copy)]
pub struct LevelCheck<'a> {
    /// The fitted models (one of weight 1, or an average's); they share
    /// the same records.
    pub parts: &'a [Part<'a>],
    pub target: &'a Range,
    pub limit: Option<&'a Range>,
    pub advice: Option<&'a Recommendation>,
    /// Posterior draws of the predictive interval and the probability.
    pub draws: usize,
    /// The measured (not BLQ) levels.
    pub measured: &'a [MeasuredLevel],
    /// The latest level of the target's metric, with its regimen.
    pub latest_target: Option<LatestLevel>,
    /// The value of the latest level of the limit's metric.
    pub latest_limit: Option<f64>,
    /// How the proportional dose is made (as the advice's amounts).
    pub rounding: &'a crate::dose::Rounding,
    /// Where the draws' values are kept (`dose::draws`; `None`: not kept).
    pub memo: Option<&'a DrawMemo>,
}

/// Checks the fit and the advice against the levels of a drug screen.
pub fn check(c: Computed<'_>) -> FitCheck {
    let Computed {
        input,
        base,
        problem,
        parts,
        timing,
        advice,
        memo,
        ..
    } = c;
    let index_of = |time: f64, dv: f64| {
        input.levels.iter().zip(timing).position(|(l, t)| {
            (t.time_h - time).abs() < 1e-9 && l.value_ng_ml == Some(dv) && !l.blq
        })
    };
    let measured: Vec<MeasuredLevel> = problem
        .levels
        .iter()
        .filter(|l| !l.blq)
        .filter_map(|l| {
            let dv = l.dv?;
            Some(MeasuredLevel {
                index: index_of(l.time, dv)?,
                time_h: l.time,
                value: dv,
            })
        })
        .collect();
    let latest_target = latest_of(&input.target, &input.levels, timing).and_then(|i| {
        let value = input.levels[i].value_ng_ml?;
        let (current_mg, interval_h) = row_at(input, base, timing[i].dose_time_h?)?;
        Some(LatestLevel {
            index: i,
            value,
            current_mg,
            interval_h,
        })
    });
    let latest_limit = input.limit.as_ref().and_then(|l| {
        latest_of(l, &input.levels, timing).and_then(|i| input.levels[i].value_ng_ml)
    });
    check_levels(&LevelCheck {
        parts,
        target: &input.target,
        limit: input.limit.as_ref(),
        advice,
        draws: input.draws,
        measured: &measured,
        latest_target,
        latest_limit,
        rounding: &super::products::rounding_for(input, &problem.def),
        memo,
    })
}

/// Checks the fit and the advice against the levels (model time).
pub fn check_levels(q: &LevelCheck<'_>) -> FitCheck {
    let LevelCheck {
        parts,
        target,
        limit,
        advice,
        draws,
        measured,
        latest_target,
        latest_limit,
        rounding,
        memo,
    } = *q;
    let mut warnings = Vec::new();
    let index_of = |time: f64, dv: f64| {
        measured
            .iter()
            .find(|m| (m.time_h - time).abs() < 1e-9 && m.value == dv)
            .map(|m| m.index)
    };
    if let Some(iwres) = mixture_iwres(parts) {
        let times: Vec<f64> = measured.iter().map(|m| m.time_h).collect();
        let interval = mixture_interval(
            parts,
            &times,
            (draws.max(100), 2),
            memo.map(DrawMemo::columns),
        );
        for (m, &(p05, p95)) in measured.iter().zip(interval.iter().flatten()) {
            if m.value < p05 || m.value > p95 {
                warnings.push(FitCheckWarning::OutsideBand {
                    level: m.index,
                    value: m.value,
                    p05,
                    p95,
                });
            }
        }
        let rows = parts.first().map_or(&[][..], |p| &p.problem.levels[..]);
        for (l, r) in rows.iter().zip(&iwres) {
            let Some(r) = r.filter(|r| r.abs() > IWRES_LIMIT) else {
                continue;
            };
            if let Some(level) = l.dv.filter(|_| !l.blq).and_then(|dv| index_of(l.time, dv)) {
                warnings.push(FitCheckWarning::LargeResidual { level, iwres: r });
            }
        }
    }
    let proportional = latest_target.and_then(|latest| {
        let observed = Some(latest.value).filter(|v| *v > 0.0)?;
        let (current_mg, interval_h) = (latest.current_mg, latest.interval_h);
        let proportional_mg = current_mg * target.aim() / observed;
        let model_mg = advice.and_then(|a| {
            a.candidates
                .iter()
                .find(|c| (c.regimen.interval_h - interval_h).abs() < 1e-9)
                .map(|c| c.exact_mg)
        });
        let disagreement_pct =
            model_mg.map(|m| (m - proportional_mg).abs() / proportional_mg * 100.0);
        let rounded_mg = nearest(proportional_mg, rounding).and_then(|(below, above)| {
            let pick = |c: Option<Capsules>| c.map(|c| c.amount_mg);
            match (pick(below), pick(above)) {
                (Some(b), Some(a)) if a - proportional_mg < proportional_mg - b => Some(a),
                (Some(b), _) => Some(b),
                (None, a) => a,
            }
        });
        Some(Proportional {
            level: latest.index,
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
        let limit_ok = limit.is_none_or(|l| latest_limit.is_none_or(|v| l.contains(v)));
        if !(target.contains(p.observed) && limit_ok) {
            return None;
        }
        let held = HeldRegimen {
            target,
            limit,
            interval_h: p.interval_h,
            amount_mg: p.current_mg,
            draws,
            seed: 1,
            memo,
        };
        let outcome = mixture_outcome_at(parts, &held).ok().flatten();
        let drifts = outcome
            .is_some_and(|o| o.below >= CHANGE_AT_PROBABILITY || o.above >= CHANGE_AT_PROBABILITY);
        Some(Keep {
            current_mg: p.current_mg,
            interval_h: p.interval_h,
            probability_in_range: outcome.map(|o| o.within),
            probability_below: outcome.map(|o| o.below),
            probability_above: outcome.map(|o| o.above),
            keep: misfit || !drifts,
        })
    });
    FitCheck {
        proportional,
        warnings,
        keep,
    }
}

/// Each level's IWRES, Σ w·each model's (one model: its own); `None`
/// unless every model with weight has a fit, and a level's `None` unless
/// every such model has one for it.
fn mixture_iwres(parts: &[Part<'_>]) -> Option<Vec<Option<f64>>> {
    let weighted: Vec<(f64, &MapFit)> = parts
        .iter()
        .filter(|p| p.weight != 0.0)
        .map(|p| Some((p.weight, p.fit?)))
        .collect::<Option<_>>()?;
    let rows = weighted.first()?.1.iwres.len();
    Some(
        (0..rows)
            .map(|i| {
                weighted
                    .iter()
                    .try_fold(0.0, |sum, (w, fit)| Some(sum + w * (*fit.iwres.get(i)?)?))
            })
            .collect(),
    )
}

/// Each dose of `problem` (ADDL repeats apart) with the interval it was
/// given on: its record's II, else the gap to the next dose, else to the
/// previous one. Sorted by time.
pub fn dose_times(problem: &Problem) -> Vec<(f64, f64, f64)> {
    let mut doses: Vec<(f64, f64, f64)> = problem
        .events
        .iter()
        .filter_map(|e| match e {
            crate::dosing::Event::Dose(d) => Some(d),
            _ => None,
        })
        .flat_map(|d| d.times().map(move |t| (t, d.amount, d.ii)))
        .collect();
    doses.sort_by(|a, b| a.0.total_cmp(&b.0));
    let times: Vec<f64> = doses.iter().map(|d| d.0).collect();
    for (k, d) in doses.iter_mut().enumerate() {
        if d.2 <= 0.0 {
            let next = times.get(k + 1).map(|t| t - d.0);
            let previous = k.checked_sub(1).map(|j| d.0 - times[j]);
            d.2 = next.or(previous).unwrap_or(0.0);
        }
    }
    doses
}

/// The latest measured level of `metric` on model time, its label read
/// from the time after the dose (within [`TIMING_TOLERANCE_H`]: a C0 up to
/// that far from a dose, or one interval after the last one; a C2 two
/// hours after a dose), with the amount and interval of that dose. `None`
/// for an AUC or when no level has that timing.
pub fn latest_by_time(
    problem: &Problem,
    metric: Metric,
    measured: &[MeasuredLevel],
) -> Option<LatestLevel> {
    let doses = dose_times(problem);
    let tol = TIMING_TOLERANCE_H;
    let of = |m: &MeasuredLevel| -> Option<(f64, f64)> {
        let t = m.time_h;
        let previous = doses.iter().rev().find(|d| d.0 <= t + 1e-9);
        match metric {
            Metric::C0 => doses
                .iter()
                .find(|d| (d.0 - t).abs() <= tol)
                .or_else(|| previous.filter(|d| d.2 > 0.0 && (t - d.0 - d.2).abs() <= tol))
                .map(|d| (d.1, d.2)),
            Metric::C { hours } => previous
                .filter(|d| (t - d.0 - hours).abs() <= tol)
                .map(|d| (d.1, d.2)),
            _ => None,
        }
    };
    measured
        .iter()
        .filter_map(|m| {
            let (current_mg, interval_h) = of(m)?;
            (interval_h > 0.0).then_some(LatestLevel {
                index: m.index,
                value: m.value,
                current_mg,
                interval_h,
            })
        })
        .max_by(|a, b| {
            let time = |l: &LatestLevel| {
                measured
                    .iter()
                    .find(|m| m.index == l.index)
                    .map_or(0.0, |m| m.time_h)
            };
            time(a).total_cmp(&time(b))
        })
}

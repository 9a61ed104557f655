//! Dose recommendation at steady state. With everything else fixed,
//! concentration is linear in the amount, so the amount that hits a target
//! is `aim / (metric per mg)`; it is then rounded to the product's
//! strengths, and each candidate regimen gets its predicted C0, C2, AUCs and
//! the probability of being in range (posterior draws of η, plus a fresh
//! between-occasion κ for the future occasion when the model has IOV).
//!
//! Of a model average ([`recommend_mixture`]) the metric per mg is
//! Σ w_m·(model m's metric per mg at its estimate), so every predicted
//! level of a candidate is Σ w_m·(model m's prediction at that amount) and
//! the exact amount is `aim / Σ w_m·(per mg)`; the probability is over the
//! mixture's draws (model m's posterior gives its share w_m of them).

use super::draws::{individual_of, mixture_draw_units, DrawMemo, DrawUnits};
use super::metric::{Metric, Range};
use super::rounding::{nearest, Capsules, Rounding};
use crate::dosing::{Dose, Event, Observation};
use crate::estimate::mixture::Part;
use crate::estimate::{MapFit, Problem};
use crate::model::{run, Method, ModelError, PkModel, Schedule, Segment};
use serde::Serialize;

/// A regimen to consider.
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
pub struct Regimen {
    pub label: String,
    pub interval_h: f64,
    /// Plain-language remark shown with the candidate.
    pub note: Option<String>,
}

/// Metrics reported for every candidate.
pub const REPORTED: [Metric; 5] = [
    Metric::C0,
    Metric::C { hours: 2.0 },
    Metric::AucTau,
    Metric::Auc { from: 0.0, to: 4.0 },
    Metric::Auc { from: 0.0, to: 6.0 },
];

/// One candidate of the advice table.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Candidate {
    pub regimen: Regimen,
    /// The amount that would hit the aim exactly, mg.
    pub exact_mg: f64,
    pub dose: Capsules,
    pub daily_mg: f64,
    /// `(label, value)` of C0, C2, AUCτ, AUC0-4, AUC0-6 at the estimate.
    pub predicted: Vec<(String, f64)>,
    pub target_value: f64,
    pub limit_value: Option<f64>,
    /// Whether the predicted target metric is in range at this amount.
    pub meets_target: bool,
    /// Whether the limit holds at this amount (`None` without a limit):
    /// `false` means the target and the limit cannot both be met with this
    /// regimen.
    pub meets_limit: Option<bool>,
    /// Fraction of posterior draws with the target metric in range (and the
    /// limit respected, when one is given).
    pub probability_in_range: Option<f64>,
}

/// What the advice rests on (JSON: "individual", "a priori").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum AdviceBasis {
    /// The patient's levels (a MAP estimate).
    #[serde(rename = "individual")]
    Individual,
    /// The covariates only (the population prior).
    #[serde(rename = "a priori")]
    APriori,
}

/// The advice.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Recommendation {
    pub target: Range,
    pub limit: Option<Range>,
    /// From the levels, or from the covariates only.
    pub basis: AdviceBasis,
    pub candidates: Vec<Candidate>,
    pub draws: usize,
}

impl Recommendation {
    /// The regimen to suggest: the first candidate meeting the target and
    /// the limit, else the first.
    pub fn suggested(&self) -> Option<&Candidate> {
        self.candidates
            .iter()
            .find(|c| c.meets_target && c.meets_limit != Some(false))
            .or_else(|| self.candidates.first())
    }
}

/// Why no advice can be given (in words: `crate::text`, whose English is
/// also its `Display`).
#[derive(Debug, Clone, PartialEq)]
pub enum DoseError {
    NoStrengths,
    NoRegimen,
    BadInterval(f64),
    MetricOutsideInterval(String, f64),
    /// A fault of the model's numbers, not of the input.
    Model(ModelError),
    NoExposure(String),
}

impl From<ModelError> for DoseError {
    fn from(e: ModelError) -> Self {
        DoseError::Model(e)
    }
}

/// Times (h after the dose) a metric needs, and its value from
/// predictions at those times.
fn times_of(m: &Metric, tau: f64) -> Vec<f64> {
    match *m {
        Metric::C0 => vec![tau],
        Metric::C { hours } => vec![hours],
        Metric::AucTau => vec![0.0, tau],
        Metric::Auc { from, to } => vec![from, to],
    }
}

/// Steady-state values of `metrics` per mg for `model` dosed every `tau`.
pub fn per_mg(model: &PkModel, tau: f64, metrics: &[Metric]) -> Result<Vec<f64>, DoseError> {
    UnitDose::new(tau, metrics, model)?.evaluate(model)
}

/// One unit dose at steady state with the prediction records `metrics`
/// need, scheduled once and evaluated for many models (posterior draws).
pub struct UnitDose<'a> {
    tau: f64,
    metrics: &'a [Metric],
    events: Vec<Event>,
    schedule: Option<Schedule>,
}

impl<'a> UnitDose<'a> {
    pub fn new(tau: f64, metrics: &'a [Metric], model: &PkModel) -> Result<Self, DoseError> {
        for m in metrics {
            if times_of(m, tau).iter().any(|t| *t > tau + 1e-9) {
                return Err(DoseError::MetricOutsideInterval(m.label(), tau));
            }
        }
        let central = model.layout(false).central_cmt();
        let mut times: Vec<f64> = metrics.iter().flat_map(|m| times_of(m, tau)).collect();
        times.sort_by(f64::total_cmp);
        times.dedup();
        let mut events = vec![Event::Dose(
            Dose::bolus(0.0, 1.0, UNIT_DOSE_CMT).at_steady_state(tau),
        )];
        events.extend(
            times
                .iter()
                .map(|&t| Event::Observation(Observation::prediction(t, central))),
        );
        Ok(UnitDose {
            tau,
            metrics,
            events,
            schedule: None,
        })
    }

    /// The metrics per mg for `model` (the schedule is rebuilt only when
    /// ALAG moved). Every metric is linear in the amount that reaches the
    /// system, so the dose is simulated with F = 1 and the values scaled by
    /// the model's F (a depot dose; F does not apply to another
    /// compartment): posterior draws that differ in F share one schedule.
    pub fn evaluate(&mut self, model: &PkModel) -> Result<Vec<f64>, DoseError> {
        let depot = model.layout(false).is_depot(UNIT_DOSE_CMT);
        let f = if depot { model.bioavailability } else { 1.0 };
        let segments = [Segment {
            from: 0.0,
            model: PkModel {
                bioavailability: 1.0,
                ..model.clone()
            },
        }];
        if !self.schedule.as_ref().is_some_and(|s| s.fits(&segments)) {
            self.schedule = Some(Schedule::new(&segments, &self.events)?);
        }
        let Some(schedule) = self.schedule.as_ref() else {
            return Ok(vec![f64::NAN; self.metrics.len()]);
        };
        let p = run(schedule, &segments, true, Method::Auto)?;
        let at = |t: f64| p.iter().find(|x| x.time == t).copied();
        let tau = self.tau;
        let value = |m: &Metric| -> f64 {
            let ts = times_of(m, tau);
            match (m.is_auc(), at(ts[0]), ts.get(1).and_then(|t| at(*t))) {
                (false, Some(x), _) => x.conc,
                (true, Some(a), Some(b)) => b.auc.unwrap_or(f64::NAN) - a.auc.unwrap_or(f64::NAN),
                _ => f64::NAN,
            }
        };
        Ok(self.metrics.iter().map(|m| f * value(m)).collect())
    }
}

/// The compartment the unit dose goes into (the depot of an oral model).
const UNIT_DOSE_CMT: usize = 1;

/// Fraction of draws in range (and within the limit) at `amount`.
fn in_range_fraction(
    draw_units: &DrawUnits,
    amount: f64,
    target: &Range,
    limit: Option<&Range>,
) -> Option<f64> {
    if draw_units.is_empty() {
        return None;
    }
    let ok = draw_units
        .iter()
        .filter(|(t, l)| {
            target.contains(amount * t)
                && limit
                    .zip(*l)
                    .is_none_or(|(lim, v)| lim.contains(amount * v))
        })
        .count();
    Some(ok as f64 / draw_units.len() as f64)
}

/// A regimen held: `amount_mg` every `interval_h` hours, judged against a
/// target (and a limit) over posterior (or prior) draws.
#[derive(Debug, Clone, Copy)]
pub struct HeldRegimen<'a> {
    pub target: &'a Range,
    pub limit: Option<&'a Range>,
    pub interval_h: f64,
    pub amount_mg: f64,
    pub draws: usize,
    pub seed: u64,
    /// Where draws' values are kept between questions (`dose::draws`).
    pub memo: Option<&'a DrawMemo>,
}

/// The probability that the held regimen keeps the target metric in range
/// (and within the limit) at steady state.
pub fn probability_at(
    problem: &Problem,
    fit: Option<&MapFit>,
    held: &HeldRegimen<'_>,
) -> Result<Option<f64>, DoseError> {
    mixture_probability_at(&Part::one(problem, fit), held)
}

/// [`probability_at`] over a mixture of models' posteriors.
pub fn mixture_probability_at(
    parts: &[Part<'_>],
    held: &HeldRegimen<'_>,
) -> Result<Option<f64>, DoseError> {
    Ok(mixture_outcome_at(parts, held)?.map(|o| o.within))
}

/// Where a held regimen leaves the target metric at steady state, as
/// fractions of the posterior (or prior) draws; they add up to 1.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct HeldOutcome {
    /// The target metric below the target's low end.
    pub below: f64,
    /// In range, and within the limit when one is given.
    pub within: f64,
    /// The target metric above the target's high end, or (in range) the
    /// limit's metric outside the limit: too much drug either way.
    pub above: f64,
}

/// [`HeldOutcome`] over a mixture of models' posteriors (`None` when no
/// draw could be evaluated).
pub fn mixture_outcome_at(
    parts: &[Part<'_>],
    held: &HeldRegimen<'_>,
) -> Result<Option<HeldOutcome>, DoseError> {
    let tau = held.interval_h;
    if !(tau.is_finite() && tau > 0.0) {
        return Err(DoseError::BadInterval(tau));
    }
    let mut metrics = vec![held.target.metric];
    metrics.extend(held.limit.map(|l| l.metric));
    let (units, _) =
        mixture_draw_units(parts, (tau, &metrics), (held.draws, held.seed), held.memo)?;
    if units.is_empty() {
        return Ok(None);
    }
    let amount = held.amount_mg;
    let (mut below, mut above) = (0usize, 0usize);
    for (t, l) in &units {
        let v = amount * t;
        if held.target.low.is_some_and(|low| v < low) {
            below += 1;
        } else if held.target.high.is_some_and(|high| v > high)
            || held
                .limit
                .zip(*l)
                .is_some_and(|(lim, u)| !lim.contains(amount * u))
        {
            above += 1;
        }
    }
    let n = units.len() as f64;
    let within = in_range_fraction(&units, amount, held.target, held.limit).unwrap_or(0.0);
    Ok(Some(HeldOutcome {
        below: below as f64 / n,
        within,
        above: above as f64 / n,
    }))
}

/// Advice for `target` (and an optional `limit`) over `regimens`, with
/// amounts made of the model file's first product's strengths.
pub fn recommend(
    problem: &Problem,
    fit: Option<&MapFit>,
    target: &Range,
    limit: Option<&Range>,
    regimens: &[Regimen],
    n_draws: usize,
    seed: u64,
) -> Result<Recommendation, DoseError> {
    let strengths: Vec<f64> = problem
        .def
        .file
        .products
        .first()
        .map(|p| p.strengths_mg.clone())
        .ok_or(DoseError::NoStrengths)?;
    recommend_with(&Advise {
        problem,
        fit,
        target,
        limit,
        regimens,
        n_draws,
        seed,
        rounding: &Rounding::capsules(&strengths),
        memo: None,
    })
}

/// What the advice is computed from.
#[derive(Clone, Copy)]
pub struct Advise<'a> {
    pub problem: &'a Problem,
    pub fit: Option<&'a MapFit>,
    pub target: &'a Range,
    pub limit: Option<&'a Range>,
    pub regimens: &'a [Regimen],
    pub n_draws: usize,
    pub seed: u64,
    /// How amounts are made (the market's products).
    pub rounding: &'a Rounding,
    /// Where draws' values are kept between questions (`dose::draws`).
    pub memo: Option<&'a DrawMemo>,
}

/// Advice with amounts made as `rounding` says.
pub fn recommend_with(args: &Advise<'_>) -> Result<Recommendation, DoseError> {
    recommend_mixture(&[(1.0, *args)])
}

/// Advice from a model average: each `(weight, advice question)` is one
/// model's problem and fit; the target, limit, regimens, draws, seed and
/// rounding are the first's. A candidate's predicted levels are
/// Σ w·(each model's prediction at its amount), its exact amount hits the
/// aim with them, and its probability is over the mixture's draws. One
/// model of weight 1 is [`recommend_with`].
pub fn recommend_mixture(parts: &[(f64, Advise<'_>)]) -> Result<Recommendation, DoseError> {
    let Some((_, first)) = parts.first() else {
        return Err(DoseError::NoRegimen);
    };
    let &Advise {
        target,
        limit,
        regimens,
        n_draws,
        seed,
        rounding,
        memo,
        ..
    } = first;
    if regimens.is_empty() {
        return Err(DoseError::NoRegimen);
    }
    let mix: Vec<Part<'_>> = parts
        .iter()
        .map(|(w, a)| Part {
            weight: *w,
            problem: a.problem,
            fit: a.fit,
        })
        .collect();
    let models: Vec<_> = mix.iter().map(individual_of).collect();
    let mut metrics = REPORTED.to_vec();
    metrics.push(target.metric);
    if let Some(l) = limit {
        metrics.push(l.metric);
    }
    let mut candidates = Vec::new();
    let mut drawn = 0;
    for r in regimens {
        if !(r.interval_h.is_finite() && r.interval_h > 0.0) {
            return Err(DoseError::BadInterval(r.interval_h));
        }
        let mut unit = vec![0.0; metrics.len()];
        for (part, (_, individual)) in mix.iter().zip(&models) {
            if part.weight == 0.0 {
                continue;
            }
            for (u, x) in unit
                .iter_mut()
                .zip(per_mg(individual, r.interval_h, &metrics)?)
            {
                *u += part.weight * x;
            }
        }
        let t_unit = unit[REPORTED.len()];
        if !(t_unit.is_finite() && t_unit > 0.0) {
            return Err(DoseError::NoExposure(target.metric.label()));
        }
        let exact = target.aim() / t_unit;
        let Some((below, above)) = nearest(exact, rounding) else {
            return Err(DoseError::NoStrengths);
        };
        let (draw_units, n) = mixture_draw_units(
            &mix,
            (r.interval_h, &metrics[REPORTED.len()..]),
            (n_draws, seed),
            memo,
        )?;
        drawn = n;
        let probability = |amount: f64| in_range_fraction(&draw_units, amount, target, limit);
        // Of the two nearest achievable amounts, the one more likely in
        // range; on a tie, the one closer to the aim.
        let score = |c: &Capsules| {
            (
                probability(c.amount_mg).unwrap_or(0.0),
                -(c.amount_mg * t_unit - target.aim()).abs(),
            )
        };
        let chosen = [below, above]
            .into_iter()
            .flatten()
            .max_by(|a, b| {
                score(a)
                    .partial_cmp(&score(b))
                    .unwrap_or(std::cmp::Ordering::Equal)
            })
            .ok_or(DoseError::NoStrengths)?;
        let a = chosen.amount_mg;
        let limit_value = limit.map(|_| a * unit[REPORTED.len() + 1]);
        candidates.push(Candidate {
            meets_target: target.contains(a * t_unit),
            meets_limit: limit.zip(limit_value).map(|(l, v)| l.contains(v)),
            regimen: r.clone(),
            exact_mg: exact,
            daily_mg: a * 24.0 / r.interval_h,
            predicted: REPORTED
                .iter()
                .zip(&unit)
                .map(|(m, u)| (m.label(), a * u))
                .collect(),
            target_value: a * t_unit,
            limit_value,
            probability_in_range: probability(a),
            dose: chosen,
        });
    }
    Ok(Recommendation {
        target: *target,
        limit: limit.copied(),
        basis: if mix.iter().any(|p| p.weight > 0.0 && p.fit.is_some()) {
            AdviceBasis::Individual
        } else {
            AdviceBasis::APriori
        },
        candidates,
        draws: drawn,
    })
}

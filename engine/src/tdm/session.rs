//! One drug screen's computation, from clock-time rows to everything shown:
//! level timing checks, the MAP estimate, population and individual curves
//! with the 90 % band, AUC by trapezoid, by limited-sampling equations and
//! by the model (flagged when they disagree), and the dose advice.

use super::assume::{fill_missing, weights, Assumption, GenotypeBranch};
use super::average::{ModelLeftOut, ScreenAverage};
use super::fit_cache::{FitCache, ProblemParts};
use super::fit_check::{check, Computed, FitCheck};
use super::grid::forecast_grid;
use super::hold::{hold_plan, HoldPlan};
use super::input::{LevelRow, MealTiming, TdmInput};
use super::levels::{timing, LevelTiming};
use super::next_sample::{best_next_sample, NextSample};
use super::other_models::{other_models, ModelAnswer};
use super::plausible::plausibility;
use super::products::{check_advice, rounding_for, CandidateDaily};
use super::rows::{apply_changes, dose_schedule, last_dose, plan_end};
use super::transition::{plan_curve, plan_to_draw, transitions, Plan, Transition};
use crate::catalog::{builtin_ids, Covariates, ModelDef};
use crate::clinical::interactions::Quantified;
use crate::dose::{recommend_with, Advise, DoseError, DrawMemo, Recommendation, Rounding};
use crate::dosing::regimen::ScheduleError;
use crate::dosing::{CovariateSeries, Event, Observation, TimeBase};
use crate::estimate::mixture::weighted_sum;
use crate::estimate::{mixture_band, BandPoint, MapFit, Part, Problem};
use crate::lss::{applicable, LssEstimate, LssSample};
use crate::model::predict;
use crate::nca::{Method, NcaError, NcaOptions, Profile, Sample};
use chrono::{DateTime, Duration, FixedOffset};
use serde::Serialize;

/// The option drawn on the plot beside the history's forecast.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlanCurve {
    pub plan: Plan,
    /// Individual (else typical) prediction on `Curves::time_h`.
    pub values: Vec<f64>,
    pub dose_times_h: Vec<f64>,
    pub dose_amounts_mg: Vec<f64>,
}

/// The curves of the forecast plot, on one time grid (model hours).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Curves {
    /// The hold plan, else the suggested regimen, as applied.
    pub plan: Option<PlanCurve>,
    pub time_h: Vec<f64>,
    pub population: Vec<f64>,
    pub individual: Option<Vec<f64>>,
    pub band: Option<Vec<BandPoint>>,
    pub dose_times_h: Vec<f64>,
    /// The amount of each of those doses, mg.
    pub dose_amounts_mg: Vec<f64>,
    pub now_h: f64,
}

/// One AUC estimate for the latest sampled dosing interval.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AucEstimate {
    pub method: AucMethod,
    /// "AUC0-4", "AUC0-6", "AUC0-12", …
    pub interval: String,
    pub value: f64,
    /// What it rests on: the levels, the equation and its population, or
    /// the model(s).
    pub basis: AucBasis,
    /// Differs from the model's estimate by more than the set percentage.
    pub disagrees: bool,
}

/// How an AUC was computed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AucMethod {
    /// The levels' linear trapezoid.
    Trapezoid,
    /// A limited-sampling equation.
    Lss,
    /// The model's curve.
    Model,
}

/// What an AUC rests on. Written in JSON as one English phrase (its
/// `Display`), as before it was typed; a screen words it in its language.
#[derive(Debug, Clone, PartialEq)]
pub enum AucBasis {
    /// The model's name, or each averaged model's short name with its
    /// weight ("Press 2010 62 %, Umpierrez 2021 38 %").
    Model(String),
    /// The number of levels under the trapezoid.
    Trapezoid { levels: usize },
    /// The equation and the population it was derived in.
    Lss { formula: String, population: String },
}

impl std::fmt::Display for AucBasis {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            AucBasis::Model(name) => f.write_str(name),
            AucBasis::Trapezoid { levels } => write!(f, "{levels} levels, linear trapezoid"),
            AucBasis::Lss {
                formula,
                population,
            } => write!(f, "{formula} ({population})"),
        }
    }
}

impl Serialize for AucBasis {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// Everything the screen shows.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TdmOutput {
    pub origin: String,
    pub levels: Vec<LevelTiming>,
    pub fit: Option<MapFit>,
    pub curves: Curves,
    pub aucs: Vec<AucEstimate>,
    pub lss: Vec<LssEstimate>,
    pub advice: Option<Recommendation>,
    /// What could not be computed, and why.
    pub notes: Vec<TdmNote>,
    /// Indices of the dose changes that name no scheduled dose.
    pub unmatched_changes: Vec<usize>,
    /// What was assumed for covariates the input does not give.
    pub assumptions: Vec<Assumption>,
    /// The fit and the advice against the patient's own levels.
    pub fit_check: FitCheck,
    /// When the latest level is too high: hold the doses until when.
    pub hold: Option<HoldPlan>,
    /// Each advised regimen's daily dose per kg against the label's
    /// maximum or the usual range.
    pub daily_doses: Vec<CandidateDaily>,
    /// The next three days under each option (continue, each advised
    /// regimen, the hold plan).
    pub transitions: Vec<Transition>,
    /// The clinic-grid time whose level would most narrow the target
    /// metric's forecast.
    pub next_sample: Option<NextSample>,
    /// When the model does not fit the levels: the drug's other built-in
    /// models' answers on the same input.
    pub other_models: Vec<ModelAnswer>,
    /// Of a model average: each model's weight, objective, forecast of the
    /// next level and dose (the results above are the average's).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub average: Option<ScreenAverage>,
}

/// A part of the results that could not be computed, and why (written
/// out as the error's English message), or what the computation did with
/// the covariates over time and the co-medications. In words:
/// `crate::text`, whose English is also its `Display`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "note", rename_all = "snake_case")]
pub enum TdmNote {
    NoAdvice {
        #[serde(serialize_with = "as_text")]
        reason: DoseError,
    },
    TrapezoidAuc {
        interval: String,
        #[serde(serialize_with = "as_text")]
        reason: NcaError,
    },
    /// A level outside the drug's plausible range, kept as typed.
    Implausible { level: usize, value: f64 },
    /// The meal timing changes at dose row `row`: a new absorption
    /// occasion starts (`tdm::occasions`); what the levels before said
    /// about `parameters` is not carried over.
    AbsorptionOccasion {
        row: usize,
        /// The row's start (RFC 3339).
        from: String,
        before: MealTiming,
        after: MealTiming,
        parameters: Vec<String>,
        /// Levels measured on the new timing.
        levels: usize,
    },
    /// A model covariate read from the co-medication list (on from the
    /// start until `after_stop_h` after the stop).
    FromComedications {
        covariate: String,
        names: Vec<String>,
        after_stop_h: f64,
    },
    /// A co-medication with a quantified effect on the level that the
    /// model has no covariate for: the predictions leave the effect out.
    Unmodelled {
        /// As typed.
        name: String,
        drug_en: String,
        drug_ja: String,
        start: Option<String>,
        stop: Option<String>,
        effect: Quantified,
    },
}

fn as_text<S: serde::Serializer>(e: &impl std::fmt::Display, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(e)
}

/// Why nothing can be computed (in words: `crate::text`, whose English is
/// also its `Display`).
#[derive(Debug, Clone, PartialEq)]
pub enum TdmError {
    /// The id, and the ids available (for a programmer: not shown).
    UnknownModel(String, String),
    NoDoses,
    /// `row` is 1-based.
    DoseRow {
        row: usize,
        error: ScheduleError,
    },
    /// The estimation's own message (English).
    Estimate(String),
    /// A time, amount, count or horizon beyond the limits
    /// ([`crate::dosing::limits`]), refused before any computation.
    Limit(crate::dosing::limits::LimitError),
    /// Every model of an average failed, each for its reason.
    NoModel(Vec<(String, ModelLeftOut)>),
}

fn level_event(l: &LevelRow, t: f64, central: usize) -> Observation {
    match (l.blq, l.value_ng_ml, l.lloq_ng_ml) {
        (true, _, Some(lloq)) => Observation::below_lloq(t, central, lloq),
        (false, Some(v), _) => Observation::measured(t, central, v),
        _ => Observation::prediction(t, central),
    }
}

/// Computes the screen. A covariate the input lacks takes the model's
/// typical value, or, for a genotype, each genotype is computed and the
/// one the levels (or, without levels, its frequency) favour is shown; the
/// output lists what was assumed. When the model does not fit the levels,
/// the drug's other built-in models are computed too, with their answers.
/// With `input.average`, the models listed are averaged instead
/// ([`super::average`]).
pub fn compute(input: &TdmInput) -> Result<TdmOutput, TdmError> {
    compute_with(input, &FitCache::new())
}

/// [`compute`], reusing the fits `fits` kept from earlier computations of
/// the same problems (and keeping the new ones): the drug screen's edits.
pub fn compute_with(input: &TdmInput, fits: &FitCache) -> Result<TdmOutput, TdmError> {
    super::guard::check_input(input).map_err(TdmError::Limit)?;
    if let Some(a) = input.average.as_ref().filter(|a| !a.models.is_empty()) {
        return super::average::compute_average(input, a, fits);
    }
    let mut out = compute_one(input, Extent::Screen, fits)?;
    if out.fit_check.misfit() {
        out.other_models = other_models(input, |i| compute_one(i, Extent::Answer, fits));
    }
    Ok(out)
}

/// How much of the screen to compute.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Extent {
    /// Everything shown.
    Screen,
    /// The fit, the advice and its check only (another model's answer):
    /// no curves, AUCs, next days, hold plan or next sample.
    Answer,
}

/// The screen with the input's model only.
fn compute_one(input: &TdmInput, extent: Extent, fits: &FitCache) -> Result<TdmOutput, TdmError> {
    let chosen = fit_chosen(input, &input.model_id, fits)?;
    let f = &chosen.fitted;
    let parts = Part::one(&f.problem, f.fit.as_ref());
    let mut out = finish(input, f, &parts, f.advice.clone(), extent, fits.draws());
    out.assumptions = chosen.assumptions;
    Ok(out)
}

/// One model computed up to its own advice, for the input: what every
/// genotype of a missing one and every model of an average goes through
/// before the screen is finished from one or several of them.
pub(super) struct Fitted {
    pub base: TimeBase,
    /// The end of the doses' plan (an ongoing row runs until it).
    pub end: DateTime<FixedOffset>,
    pub doses: Vec<crate::dosing::Dose>,
    pub now_h: f64,
    /// The levels' notes (implausible values).
    pub notes: Vec<TdmNote>,
    pub levels: Vec<LevelTiming>,
    pub unmatched_changes: Vec<usize>,
    pub problem: Problem,
    /// `None` without a level.
    pub fit: Option<MapFit>,
    /// This model's own advice.
    pub advice: Result<Recommendation, DoseError>,
}

impl Fitted {
    /// The model's suggested regimen (label) and amount, mg per dose.
    pub fn suggested(&self) -> Option<(String, f64)> {
        let c = self.advice.as_ref().ok()?.suggested()?;
        Some((c.regimen.label.clone(), c.dose.amount_mg))
    }
}

/// A model fitted with its covariates filled in: for a missing genotype,
/// the most probable one; what was assumed.
pub(super) struct Chosen {
    pub fitted: Fitted,
    pub assumptions: Vec<Assumption>,
}

/// The built-in model `model_id` fitted to the input (each genotype of a
/// missing one, the most probable kept).
pub(super) fn fit_chosen(
    input: &TdmInput,
    model_id: &str,
    fits: &FitCache,
) -> Result<Chosen, TdmError> {
    let def = fits
        .builtin(model_id)
        .ok_or_else(|| {
            TdmError::UnknownModel(
                model_id.to_owned(),
                builtin_ids().collect::<Vec<_>>().join(", "),
            )
        })?
        .map_err(|e| TdmError::Estimate(e.to_string()))?;
    let given = super::timed::given(&def, input);
    let (covariates, mut assumptions, genotype) = fill_missing(&def, &given);
    let Some(prior) = genotype else {
        let fitted = fit_model(input, (model_id, &def), &covariates, fits)?;
        return Ok(Chosen {
            fitted,
            assumptions,
        });
    };
    let mut results: Vec<Result<Fitted, TdmError>> = prior
        .levels
        .iter()
        .map(|&(value, _)| {
            let mut cov = covariates.clone();
            cov.insert(prior.covariate.to_owned(), value);
            fit_model(input, (model_id, &def), &cov, fits)
        })
        .collect();
    let priors: Vec<f64> = prior.levels.iter().map(|l| l.1).collect();
    let objectives: Vec<Option<f64>> = results
        .iter()
        .map(|r| r.as_ref().ok()?.fit.as_ref().map(|f| f.objective))
        .collect();
    let computed: Vec<bool> = results.iter().map(Result::is_ok).collect();
    let w = weights(&priors, &objectives, &computed);
    let Some(chosen) = (0..results.len())
        .filter(|&i| computed[i])
        .max_by(|&a, &b| w[a].total_cmp(&w[b]))
    else {
        return results.swap_remove(0).map(|fitted| Chosen {
            fitted,
            assumptions,
        });
    };
    let branches = prior
        .levels
        .iter()
        .zip(&results)
        .zip(w.iter().zip(&objectives))
        .map(
            |((&(value, prior), r), (&weight, &objective))| GenotypeBranch {
                value,
                prior,
                weight,
                objective,
                suggested: r.as_ref().ok().and_then(Fitted::suggested),
                error: r.as_ref().err().map(ToString::to_string),
            },
        )
        .collect();
    assumptions.push(Assumption::Genotype {
        covariate: prior.covariate.to_owned(),
        chosen: prior.levels[chosen].0,
        branches,
        population: prior.population,
        source: prior.source,
    });
    Ok(Chosen {
        fitted: results.swap_remove(chosen)?,
        assumptions,
    })
}

/// The end of the forecast: the horizon after the present, the latest
/// row's start or the last dose of a row with a count, whichever is latest
/// (an ongoing row runs to the plan's end, so it does not push it).
fn forecast_end(input: &TdmInput, plan_end: DateTime<FixedOffset>) -> DateTime<FixedOffset> {
    let latest = (0..input.doses.len())
        .filter_map(|i| {
            let r = &input.doses[i];
            if r.ongoing {
                Some(r.start)
            } else {
                last_dose(&input.doses, i, plan_end)
            }
        })
        .max()
        .map_or(input.now, |t| t.max(input.now));
    let horizon = Duration::milliseconds((input.horizon_h.clamp(1.0, 1e5) * 3_600_000.0) as i64);
    latest.checked_add_signed(horizon).unwrap_or(latest)
}

/// The model fitted with these covariates, and its own advice.
fn fit_model(
    input: &TdmInput,
    (model_id, def): (&str, &ModelDef),
    covariates: &Covariates,
    fits: &FitCache,
) -> Result<Fitted, TdmError> {
    let end = plan_end(&input.doses, input.now, input.horizon_h);
    let mut schedule = dose_schedule(&input.doses, end)?;
    let unmatched_changes = apply_changes(&mut schedule, &input.dose_changes);
    let base = TimeBase::earliest(schedule.doses.iter().map(|d| d.at)).ok_or(TdmError::NoDoses)?;
    let doses = schedule.to_doses(&base);
    let dose_times: Vec<f64> = doses.iter().map(|d| d.time).collect();
    let now_h = base.hours(input.now);
    let central = def.compartments().1;
    let mut notes: Vec<TdmNote> = input
        .levels
        .iter()
        .enumerate()
        .filter(|(_, l)| !l.blq)
        .filter_map(|(i, l)| {
            let value = l.value_ng_ml?;
            plausibility(input.drug, value).map(|_| TdmNote::Implausible { level: i, value })
        })
        .collect();
    let levels: Vec<LevelTiming> = input
        .levels
        .iter()
        .map(|l| timing(l, base.hours(l.sampled), &dose_times, now_h))
        .collect();
    // Levels with a usable time enter the model at their real time.
    let mut events: Vec<Event> = input
        .levels
        .iter()
        .zip(&levels)
        .filter(|(_, t)| {
            !matches!(
                t.problem,
                Some(
                    super::levels::TimingProblem::BeforeAnyDose
                        | super::levels::TimingProblem::InFuture
                )
            )
        })
        .map(|(l, t)| Event::Observation(level_event(l, t.time_h, central)))
        .collect();
    events.extend(doses.iter().cloned().map(Event::Dose));
    events.sort_by(|a, b| a.time().total_cmp(&b.time()));
    let mut cov = super::timed::covariate_series(def, input, covariates, &base);
    if let Some(form) = form_series(input, &base) {
        cov.insert("FORM".into(), form);
    }
    let occasions = super::occasions::absorption_occasions(def, input);
    let starts = occasions.hours(&base);
    notes.extend(occasions.notes);
    let window = (base.origin, forecast_end(input, end));
    notes.extend(super::interacting::comedication_notes(def, input, window));
    let problem =
        Problem::new(def, events, &cov, &starts).map_err(|e| TdmError::Estimate(e.to_string()))?;
    let has_levels = problem.levels.iter().any(|l| l.informative());
    let parts = ProblemParts {
        model_id,
        events: &problem.events,
        covariates: &cov,
        occasion_starts: &starts,
    };
    let fit = has_levels.then(|| fits.fit(&parts, &problem));
    let rounding = rounding_for(input, def);
    let advice = recommend_with(&advise(
        input,
        &problem,
        fit.as_ref(),
        &rounding,
        fits.draws(),
    ));
    Ok(Fitted {
        base,
        end,
        doses,
        now_h,
        notes,
        levels,
        unmatched_changes,
        problem,
        fit,
        advice,
    })
}

/// The advice question of one model for the input (seed 1; `rounding`:
/// the market's products, `products::rounding_for`).
pub(super) fn advise<'a>(
    input: &'a TdmInput,
    problem: &'a Problem,
    fit: Option<&'a MapFit>,
    rounding: &'a Rounding,
    memo: &'a DrawMemo,
) -> Advise<'a> {
    Advise {
        problem,
        fit,
        target: &input.target,
        limit: input.limit.as_ref(),
        regimens: &input.regimens,
        n_draws: input.draws,
        seed: 1,
        rounding,
        memo: Some(memo),
    }
}

/// Finishes the screen from `lead` (the model shown: its estimate, its
/// levels' timing and notes, its next sampling time) with the numbers of
/// `parts` (`lead` alone, or an average's models) and `advice`.
pub(super) fn finish(
    input: &TdmInput,
    lead: &Fitted,
    parts: &[Part<'_>],
    advice: Result<Recommendation, DoseError>,
    extent: Extent,
    memo: &DrawMemo,
) -> TdmOutput {
    let base = &lead.base;
    let dose_times: Vec<f64> = lead.doses.iter().map(|d| d.time).collect();
    let mut notes = lead.notes.clone();
    let screen = extent == Extent::Screen;
    let (aucs, lss) = if screen {
        aucs(input, parts, &lead.levels, &mut notes)
    } else {
        (vec![], vec![])
    };
    let advice = match advice {
        Ok(a) => Some(a),
        Err(e) => {
            notes.push(TdmNote::NoAdvice { reason: e });
            None
        }
    };
    let computed = Computed {
        input,
        base,
        problem: &lead.problem,
        fit: lead.fit.as_ref(),
        parts,
        timing: &lead.levels,
        advice: advice.as_ref(),
        memo: Some(memo),
    };
    let fit_check = check(computed);
    let daily_doses = check_advice(input, advice.as_ref());
    let amounts: Vec<f64> = lead.doses.iter().map(|d| d.amount).collect();
    let now_h = lead.now_h;
    let (hold, transitions, curves, next_sample) = if screen {
        let hold = hold_plan(computed);
        let transitions = transitions(computed, hold.as_ref());
        let curves = curves(
            parts,
            (&dose_times, &amounts),
            (now_h, base.hours(forecast_end(input, lead.end))),
            (input, plan_to_draw(&transitions, advice.as_ref()), memo),
        );
        (hold, transitions, curves, best_next_sample(computed))
    } else {
        let curves = Curves {
            plan: None,
            time_h: vec![],
            population: vec![],
            individual: None,
            band: None,
            dose_times_h: dose_times.clone(),
            dose_amounts_mg: amounts,
            now_h,
        };
        (None, vec![], curves, None)
    };
    TdmOutput {
        daily_doses,
        transitions,
        fit_check,
        hold,
        next_sample,
        origin: base.origin.to_rfc3339(),
        levels: lead.levels.clone(),
        fit: lead.fit.clone(),
        curves,
        aucs,
        lss,
        advice,
        notes,
        unmatched_changes: lead.unmatched_changes.clone(),
        assumptions: Vec::new(),
        other_models: Vec::new(),
        average: None,
    }
}

/// The product as a time-varying FORM covariate when the rows name
/// products the covariate describes (a switch Prograf → Graceptor changes
/// the model from that row's first dose); rows without a product take the
/// drug's value.
fn form_series(input: &TdmInput, base: &TimeBase) -> Option<CovariateSeries> {
    let default = *input.covariates.get("FORM")?;
    let points: Vec<(f64, f64)> = input
        .doses
        .iter()
        .map(|r| {
            let code = r.formulation.and_then(|f| f.form_code()).unwrap_or(default);
            (base.hours(r.start), code)
        })
        .collect();
    points
        .iter()
        .any(|(_, c)| *c != default)
        .then(|| CovariateSeries::new(points))
        .flatten()
}

fn curves(
    parts: &[Part<'_>],
    (dose_times, dose_amounts): (&[f64], &[f64]),
    (now_h, end): (f64, f64),
    (input, plan, memo): (&TdmInput, Option<&Transition>, &DrawMemo),
) -> Curves {
    // The grid follows the history's doses and, after now, the plan's.
    let mut times: Vec<f64> = dose_times.to_vec();
    if let Some(p) = plan {
        times.retain(|t| *t < now_h);
        times.extend(p.doses.iter().map(|d| d.time).filter(|t| *t >= now_h));
    }
    times.sort_by(f64::total_cmp);
    times.dedup();
    let time_h = forecast_grid(&times, now_h, end);
    // Each model's typical and individual curves on the common grid,
    // weighted (one model: its own).
    let mut population = Vec::with_capacity(parts.len());
    let mut individual = Vec::with_capacity(parts.len());
    for p in parts {
        let zeros = vec![0.0; p.problem.n_params()];
        population.push(p.problem.predict_times(&zeros, &time_h).ok());
        individual.push(
            p.fit
                .and_then(|f| p.problem.predict_times(&f.eta, &time_h).ok()),
        );
    }
    let population = weighted_sum(parts, &population).unwrap_or_default();
    let individual = weighted_sum(parts, &individual);
    let band = if input.without_band {
        None
    } else {
        mixture_band(parts, &time_h, (input.draws, 1), Some(memo.columns()))
    };
    let plan = plan.and_then(|p| plan_curve(parts, p, &time_h));
    Curves {
        plan,
        time_h,
        population,
        individual,
        band,
        dose_times_h: dose_times.to_vec(),
        dose_amounts_mg: dose_amounts.to_vec(),
        now_h,
    }
}

/// The model an AUC is from: its name, or each averaged model's short
/// name with its weight ("Press 2010 62 %, Umpierrez 2021 38 %").
fn model_basis(parts: &[Part<'_>]) -> String {
    match parts {
        [one] => one.problem.def.file.name.clone(),
        _ => parts
            .iter()
            .filter(|p| p.weight > 0.0)
            .map(|p| {
                let name = super::other_models::short_name(&p.problem.def.file.name);
                format!("{name} {:.0} %", p.weight * 100.0)
            })
            .collect::<Vec<_>>()
            .join(", "),
    }
}

/// AUC of the latest dosing interval that has levels: trapezoid (when the
/// profile covers the interval), limited-sampling equations, and the model.
fn aucs(
    input: &TdmInput,
    parts: &[Part<'_>],
    levels: &[LevelTiming],
    notes: &mut Vec<TdmNote>,
) -> (Vec<AucEstimate>, Vec<LssEstimate>) {
    let Some(dose) = levels
        .iter()
        .filter(|l| l.problem.is_none())
        .filter_map(|l| l.dose_time_h)
        .reduce(f64::max)
    else {
        return (vec![], vec![]);
    };
    let samples: Vec<(f64, f64)> = input
        .levels
        .iter()
        .zip(levels)
        .filter(|(_, t)| t.problem.is_none() && t.dose_time_h == Some(dose))
        .filter_map(|(l, t)| Some((t.after_dose_h?.max(0.0), l.value_ng_ml.filter(|_| !l.blq)?)))
        .collect();
    let mut out = Vec::new();
    // The model's AUC over the same windows, for comparison (of an
    // average: Σ w·each model's).
    let one_auc = |part: &Part<'_>, to: f64| -> Option<f64> {
        let (problem, f) = (part.problem, part.fit?);
        let events = problem.prediction_events(&[dose, dose + to]);
        let p = predict(&problem.segments(&f.eta), &events, true).ok()?;
        Some(p.get(1)?.auc? - p.first()?.auc?)
    };
    let model_auc = |to: f64| -> Option<f64> {
        let each: Vec<Option<Vec<f64>>> = parts
            .iter()
            .map(|p| one_auc(p, to).map(|a| vec![a]))
            .collect();
        weighted_sum(parts, &each)?.first().copied()
    };
    let basis = model_basis(parts);
    let tolerance = |x: f64, y: f64| (x - y).abs() / y * 100.0 > input.disagreement_pct;
    for to in [4.0, 6.0] {
        let reference = model_auc(to);
        if let Some(v) = reference {
            out.push(AucEstimate {
                method: AucMethod::Model,
                interval: format!("AUC0-{to}"),
                value: v,
                basis: AucBasis::Model(basis.clone()),
                disagrees: false,
            });
        }
        let covered = samples.iter().any(|s| s.0 <= 0.25)
            && samples.iter().any(|s| (s.0 - to).abs() <= 0.25)
            && samples.len() >= 3;
        if covered {
            let nca: Vec<Sample> = samples
                .iter()
                .map(|&(t, c)| Sample::measured(t, c))
                .collect();
            let opts = NcaOptions {
                method: Method::Linear,
                ..NcaOptions::default()
            };
            match Profile::new(&nca, &opts).and_then(|p| Ok(p.partial_auc(0.0, to)?)) {
                Ok(v) => out.push(AucEstimate {
                    method: AucMethod::Trapezoid,
                    interval: format!("AUC0-{to}"),
                    value: v,
                    basis: AucBasis::Trapezoid {
                        levels: samples.len(),
                    },
                    disagrees: reference.is_some_and(|r| tolerance(v, r)),
                }),
                Err(e) => notes.push(TdmNote::TrapezoidAuc {
                    interval: format!("AUC0-{to}"),
                    reason: e,
                }),
            }
        }
    }
    let lss_samples: Vec<LssSample> = samples
        .iter()
        .map(|&(t, c)| LssSample { time_h: t, conc: c })
        .collect();
    let lss =
        applicable(input.drug, &lss_samples, super::levels::TIMING_TOLERANCE_H).unwrap_or_default();
    for e in &lss {
        let label = serde_json::to_value(e.equation.interval)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        let to = label
            .strip_prefix("AUC0-")
            .and_then(|s| s.parse::<f64>().ok());
        let reference = to.and_then(model_auc);
        out.push(AucEstimate {
            method: AucMethod::Lss,
            interval: label,
            value: e.auc,
            basis: AucBasis::Lss {
                formula: e.equation.formula.to_owned(),
                population: e.equation.population.to_owned(),
            },
            disagrees: reference.is_some_and(|r| tolerance(e.auc, r)),
        });
    }
    (out, lss)
}

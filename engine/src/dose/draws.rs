//! Posterior (or prior) draws of a model's parameters and their per-mg
//! exposure at steady state: what the advice's probabilities are counted
//! over.
//!
//! The draws of a model are seeded, so the first `k` of `n` draws are the
//! `k` draws: a mixture's share of a model's draws is a prefix of that
//! model's own draws. [`DrawMemo`] keeps each model's per-draw values, so
//! the screen's per-model advice, the average's advice and the fit check's
//! keep rule evaluate each draw once, and an edit that leaves the
//! posterior and the interval alone (a target, a limit) evaluates none.
//! The values are the same with or without the memo (tested): it keeps
//! results, it does not approximate them.

use super::metric::Metric;
use super::recommend::{DoseError, UnitDose};
use crate::catalog::Typical;
use crate::estimate::mixture::{shares, Part};
use crate::estimate::{ColumnMemo, MapFit, Problem};
use crate::model::PkModel;
use nalgebra::{DMatrix, DVector};
use rand_chacha::rand_core::SeedableRng;
use rand_chacha::ChaCha8Rng;
use rand_distr::{Distribution, StandardNormal};
use std::cell::RefCell;
use std::rc::Rc;

/// Per-mg values of the target's and (when given) the limit's metric, one
/// pair per posterior draw that could be evaluated.
pub(super) type DrawUnits = Vec<(f64, Option<f64>)>;

/// One draw's per-mg values (`None`: the model could not be evaluated).
type Unit = Option<(f64, Option<f64>)>;

/// How many models' draws are kept (the tacrolimus average with CYP3A5
/// unknown has five fitted problems, each at one or two intervals).
const CAPACITY: usize = 16;

/// Everything a model's per-draw values depend on.
#[derive(Debug, Clone, PartialEq)]
struct DrawKey {
    typical: Typical,
    mean: Vec<f64>,
    cov: Option<DMatrix<f64>>,
    iov: Option<DMatrix<f64>>,
    tau: f64,
    metrics: Vec<Metric>,
    seed: u64,
}

/// Kept per-draw values, most recently used last.
#[derive(Debug, Default)]
pub struct DrawMemo {
    kept: RefCell<Vec<(DrawKey, Rc<Vec<Unit>>)>>,
    columns: ColumnMemo,
}

impl DrawMemo {
    pub fn new() -> Self {
        DrawMemo::default()
    }

    /// The band's and the predictive interval's draw columns, kept
    /// beside the advice's draws.
    pub fn columns(&self) -> &ColumnMemo {
        &self.columns
    }

    /// How many models' draws are kept.
    pub fn len(&self) -> usize {
        self.kept.borrow().len()
    }

    /// Nothing kept.
    pub fn is_empty(&self) -> bool {
        self.kept.borrow().is_empty()
    }

    /// The first `n` draws' values of `key`, computed by `make(n)` unless
    /// at least `n` are kept.
    fn get(
        &self,
        key: DrawKey,
        n: usize,
        make: impl FnOnce(usize) -> Result<Vec<Unit>, DoseError>,
    ) -> Result<Rc<Vec<Unit>>, DoseError> {
        let mut kept = self.kept.borrow_mut();
        if let Some(i) = kept.iter().position(|(k, _)| *k == key) {
            let entry = kept.remove(i);
            // Fewer draws than asked: the model could not be drawn from
            // (none at all), or fewer were asked before.
            if entry.1.len() >= n || entry.1.is_empty() {
                let units = entry.1.clone();
                kept.push(entry);
                return Ok(units);
            }
        }
        let units = Rc::new(make(n)?);
        if kept.len() >= CAPACITY {
            kept.remove(0);
        }
        kept.push((key, units.clone()));
        Ok(units)
    }
}

/// The mean and covariance the η part is drawn from: the posterior's, else
/// the prior's.
fn posterior(problem: &Problem, fit: Option<&MapFit>) -> (Vec<f64>, Option<DMatrix<f64>>) {
    let n_eta = problem.n_eta;
    match fit {
        Some(f) => (
            f.eta[..n_eta].to_vec(),
            f.eta_cov
                .as_ref()
                .map(|c| DMatrix::from_fn(n_eta, n_eta, |i, j| c[i][j])),
        ),
        None => (
            vec![0.0; n_eta],
            problem.def.omega.as_ref().map(|o| o.matrix.clone()),
        ),
    }
}

/// `n` draws of the η part from `(mean, cov)`, each with a fresh κ from
/// `iov` (none when a covariance has no Cholesky factor).
fn draws(
    (mean, cov): (&[f64], Option<&DMatrix<f64>>),
    iov: Option<&DMatrix<f64>>,
    n: usize,
    seed: u64,
) -> Vec<(Vec<f64>, Vec<f64>)> {
    let chol = |m: Option<&DMatrix<f64>>| m.and_then(|m| m.clone().cholesky()).map(|c| c.unpack());
    let (Some(l), iov) = (chol(cov), chol(iov)) else {
        return Vec::new();
    };
    let n_eta = mean.len();
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut normal = |k: usize| DVector::from_fn(k, |_, _| StandardNormal.sample(&mut rng));
    (0..n)
        .map(|_| {
            let eta = DVector::from_column_slice(mean) + &l * normal(n_eta);
            let kappa = iov
                .as_ref()
                .map_or(vec![], |p| (p * normal(p.nrows())).as_slice().to_vec());
            (eta.as_slice().to_vec(), kappa)
        })
        .collect()
}

/// The model's estimate (else the typical values) of a part: its typical
/// parameters of the latest segment and its individual model.
pub(super) fn individual_of<'a>(part: &Part<'a>) -> (&'a Typical, PkModel) {
    let problem = part.problem;
    let eta: Vec<f64> = part.fit.map_or(vec![0.0; problem.n_eta], |f| {
        f.eta[..problem.n_eta].to_vec()
    });
    let typical = problem.current_typical();
    (typical, typical.model(&eta, &[]))
}

/// Per-mg values of `metrics` for each of `n` draws of `part`'s posterior
/// (or prior), dosed every `tau`.
fn part_units(
    part: &Part<'_>,
    tau: f64,
    metrics: &[Metric],
    n: usize,
    seed: u64,
) -> Result<Vec<Unit>, DoseError> {
    let (typical, individual) = individual_of(part);
    let (mean, cov) = posterior(part.problem, part.fit);
    let iov = part.problem.def.iov.as_ref().map(|o| &o.matrix);
    let samples = draws((&mean, cov.as_ref()), iov, n, seed);
    let mut unit_dose = UnitDose::new(tau, metrics, &individual)?;
    Ok(samples
        .iter()
        .map(|(e, k)| {
            let u = unit_dose.evaluate(&typical.model(e, k)).ok()?;
            Some((u[0], u.get(1).copied()))
        })
        .collect())
}

/// Per-mg values of `metrics` (first the target's, then the limit's) for
/// each draw of the mixture, dosed every `tau`: each part's share of `n`
/// draws, seeded by `seed`, kept in `memo` when one is given; with the
/// number of draws made.
pub(super) fn mixture_draw_units(
    parts: &[Part<'_>],
    (tau, metrics): (f64, &[Metric]),
    (n, seed): (usize, u64),
    memo: Option<&DrawMemo>,
) -> Result<(DrawUnits, usize), DoseError> {
    let mut units = Vec::new();
    let mut drawn = 0;
    for (part, count) in parts.iter().zip(shares(parts, n)) {
        if count == 0 {
            continue;
        }
        let per_draw = match memo {
            None => Rc::new(part_units(part, tau, metrics, count, seed)?),
            Some(memo) => {
                let (mean, cov) = posterior(part.problem, part.fit);
                let key = DrawKey {
                    typical: part.problem.current_typical().clone(),
                    mean,
                    cov,
                    iov: part.problem.def.iov.as_ref().map(|o| o.matrix.clone()),
                    tau,
                    metrics: metrics.to_vec(),
                    seed,
                };
                memo.get(key, count, |k| part_units(part, tau, metrics, k, seed))?
            }
        };
        let taken = &per_draw[..count.min(per_draw.len())];
        drawn += taken.len();
        units.extend(taken.iter().flatten());
    }
    Ok((units, drawn))
}

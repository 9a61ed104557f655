//! The band's and the predictive interval's percentiles kept between
//! computations. They depend on each model's predictions (its dose events,
//! its segments' typical values and occasions, its residual error), its
//! posterior (η̂, Σ) and weight, the times, the number of draws and the
//! seed; an edit that leaves all of those alone (a target, a limit, a
//! regimen) draws nothing again and sorts nothing again. The values are
//! the same either way (tested).

use super::mixture::Part;
use super::problem::PredictionIdentity;
use std::cell::RefCell;
use std::rc::Rc;

/// Per time: (p05, p50, p95) of the pooled draws; and Σ w·the individual
/// prediction at the estimate.
pub(super) type Percentiles = (Vec<(f64, f64, f64)>, Vec<f64>);

/// How many mixtures' percentiles are kept (the band's and the interval's
/// of the screen, and of a model pinned in between).
const CAPACITY: usize = 8;

/// One model of the mixture as its draws see it.
#[derive(Debug, Clone, PartialEq)]
struct PartKey {
    weight: f64,
    problem: PredictionIdentity,
    eta: Option<Vec<f64>>,
    cov: Option<Vec<Vec<f64>>>,
}

/// Everything the percentiles depend on.
#[derive(Debug, Clone, PartialEq)]
struct MixtureKey {
    parts: Vec<PartKey>,
    draws: usize,
    seed: u64,
    residual: bool,
}

/// Kept percentiles, most recently used last.
#[derive(Debug, Default)]
pub struct ColumnMemo {
    kept: RefCell<Vec<(MixtureKey, Rc<Option<Percentiles>>)>>,
}

impl ColumnMemo {
    pub fn new() -> Self {
        ColumnMemo::default()
    }

    /// How many mixtures' percentiles are kept.
    pub fn len(&self) -> usize {
        self.kept.borrow().len()
    }

    /// Nothing kept.
    pub fn is_empty(&self) -> bool {
        self.kept.borrow().is_empty()
    }

    /// The percentiles of `parts` at `times`, made by `make` unless kept.
    pub(super) fn get(
        &self,
        parts: &[Part<'_>],
        times: &[f64],
        (draws, seed, residual): (usize, u64, bool),
        make: impl FnOnce() -> Option<Percentiles>,
    ) -> Rc<Option<Percentiles>> {
        let key = MixtureKey {
            parts: parts
                .iter()
                .map(|p| PartKey {
                    weight: p.weight,
                    problem: p.problem.prediction_identity(times),
                    eta: p.fit.map(|f| f.eta.clone()),
                    cov: p.fit.and_then(|f| f.eta_cov.clone()),
                })
                .collect(),
            draws,
            seed,
            residual,
        };
        let mut kept = self.kept.borrow_mut();
        if let Some(i) = kept.iter().position(|(k, _)| *k == key) {
            let entry = kept.remove(i);
            let found = entry.1.clone();
            kept.push(entry);
            return found;
        }
        let made = Rc::new(make());
        if kept.len() >= CAPACITY {
            kept.remove(0);
        }
        kept.push((key, made.clone()));
        made
    }
}

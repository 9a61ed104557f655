//! Fits kept between computations of one screen. A model's MAP fit depends
//! only on its problem: the model, the dose and level events, the
//! covariates over time and the absorption occasions. An edit that leaves
//! those alone (a target, a limit, a regimen, the number of draws, the
//! band) reuses the fit instead of searching again; any change to them is
//! a different key and is fitted afresh. The answer is the same either way
//! (tested): the search is deterministic.
//!
//! The drug screen keeps one cache for its two steps (the estimate and
//! advice first, the band one frame later), so an edit fits each model
//! once, or not at all when only the target moved. The advice's draws are
//! kept beside the fits (`dose::DrawMemo`): a model's own advice, the
//! average's and the keep rule count over the same evaluated draws. [`super::compute`] uses
//! a fresh cache: every call fits.

use crate::catalog::ModelDef;
use crate::dose::DrawMemo;
use crate::dosing::{CovariateSeries, Event};
use crate::estimate::{MapFit, MapOptions, Problem};
use std::cell::RefCell;
use std::collections::BTreeMap;

/// How many fits are kept (the tacrolimus average with CYP3A5 unknown
/// fits five problems per edit).
pub const CAPACITY: usize = 8;

/// What a fit depends on besides the model's definition (fixed by its id).
#[derive(Debug, Clone, PartialEq)]
struct Key {
    model_id: String,
    events: Vec<Event>,
    covariates: BTreeMap<String, CovariateSeries>,
    occasion_starts: Vec<f64>,
}

/// The problem's parts, borrowed, to look a fit up without copying them.
pub(super) struct ProblemParts<'a> {
    pub model_id: &'a str,
    pub events: &'a [Event],
    pub covariates: &'a BTreeMap<String, CovariateSeries>,
    pub occasion_starts: &'a [f64],
}

impl ProblemParts<'_> {
    fn matches(&self, k: &Key) -> bool {
        k.model_id == self.model_id
            && k.events == self.events
            && k.covariates == *self.covariates
            && k.occasion_starts == self.occasion_starts
    }

    fn key(&self) -> Key {
        Key {
            model_id: self.model_id.to_owned(),
            events: self.events.to_vec(),
            covariates: self.covariates.clone(),
            occasion_starts: self.occasion_starts.to_vec(),
        }
    }
}

/// The fits of the last problems seen (most recent last), and the parsed
/// built-in models.
#[derive(Debug, Default)]
pub struct FitCache {
    fits: RefCell<Vec<(Key, MapFit)>>,
    defs: RefCell<Vec<(String, ModelDef)>>,
    draws: DrawMemo,
}

impl FitCache {
    /// A cache that keeps fits across calls.
    pub fn new() -> Self {
        FitCache::default()
    }

    /// The MAP fit of `problem`, whose parts are `parts`: the kept one when
    /// the parts are the same, else a new search (kept, the oldest dropped
    /// beyond [`CAPACITY`]).
    pub(super) fn fit(&self, parts: &ProblemParts<'_>, problem: &Problem) -> MapFit {
        let mut fits = self.fits.borrow_mut();
        if let Some(i) = fits.iter().position(|(k, _)| parts.matches(k)) {
            let entry = fits.remove(i);
            let fit = entry.1.clone();
            fits.push(entry);
            return fit;
        }
        let fit = problem.fit(&MapOptions::default());
        if fits.len() >= CAPACITY {
            fits.remove(0);
        }
        fits.push((parts.key(), fit.clone()));
        fit
    }

    /// The built-in model `id` parsed once (`None`: no such model).
    pub(super) fn builtin(
        &self,
        id: &str,
    ) -> Option<Result<ModelDef, crate::catalog::CatalogError>> {
        if let Some((_, d)) = self.defs.borrow().iter().find(|(i, _)| i == id) {
            return Some(Ok(d.clone()));
        }
        let parsed = crate::catalog::builtin(id)?;
        if let Ok(d) = &parsed {
            self.defs.borrow_mut().push((id.to_owned(), d.clone()));
        }
        Some(parsed)
    }

    /// The advice's posterior draws' values, kept for the same posterior
    /// and interval (`dose::draws`).
    pub(super) fn draws(&self) -> &DrawMemo {
        &self.draws
    }

    /// How many fits are kept.
    pub fn len(&self) -> usize {
        self.fits.borrow().len()
    }

    /// No fit kept.
    pub fn is_empty(&self) -> bool {
        self.fits.borrow().is_empty()
    }
}

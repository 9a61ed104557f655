//! MAP-Bayesian estimation of one patient's parameters from a population
//! model and a few levels (NONMEM POSTHOC objective, M3 for BLQ), with the
//! Laplace posterior and a seeded prediction band.
//!
//! - [`problem`]: the objective of η for a model, history and covariates.
//! - [`optimize`]: BFGS and Nelder–Mead.
//! - [`map`]: the fit, its uncertainty and its warnings.
//! - [`band`]: the 5–95 % prediction band from the posterior.
//! - [`average`]: several models fitted to one patient, weighted by how
//!   well each explains the levels (LL or AIC), predictions averaged.
//! - [`mixture`]: weighted models' posteriors as one (draws shared out by
//!   weight, point predictions Σ w·f).

pub mod average;
pub mod band;
pub mod band_memo;
pub mod map;
pub mod mixture;
pub mod optimize;
pub mod problem;

pub use average::{
    average, AverageError, AverageQuestion, Candidate, ModelAverage, ModelWeight, Weighting,
};
pub use band::{mixture_band, mixture_interval, prediction_band, predictive_interval, BandPoint};
pub use band_memo::ColumnMemo;
pub use map::{FitWarning, MapFit, MapOptions};
pub use mixture::Part;
pub use problem::{normal_cdf, EstimateError, Level, Problem};

//! Dose recommendation for a target exposure at steady state.
//!
//! - [`metric`]: C0, C at a time, AUCτ, partial AUCs, and target ranges;
//! - [`draws`]: posterior draws and their per-mg exposure, kept between
//!   questions;
//! - [`rounding`]: amounts made of the product's strengths;
//! - [`recommend`]: the advice table with predicted exposure and the
//!   probability of being in range.

pub mod draws;
pub mod metric;
pub mod recommend;
pub mod rounding;

pub use draws::DrawMemo;
pub use metric::{Metric, Range};
pub use recommend::{
    mixture_outcome_at, mixture_probability_at, per_mg, probability_at, recommend,
    recommend_mixture, recommend_with, AdviceBasis, Advise, Candidate, DoseError, HeldOutcome,
    HeldRegimen, Recommendation, Regimen, UnitDose, REPORTED,
};
pub use rounding::{nearest, Capsules, Rounding};

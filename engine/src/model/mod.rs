//! Linear compartment models, solved exactly.
//!
//! - [`params`]: structure and parameter values (clearances and volumes, or
//!   micro-constants; IV, first-order or Erlang-chain absorption; lag,
//!   bioavailability; concentration scale), validated.
//! - [`system`]: the compartment layout and the rate matrix `A` of
//!   `dx/dt = A·x + r`.
//! - [`propagator`]: the exact step `x(t+Δ) = exp(AΔ)·x(t) + ∫exp(As)ds·r`
//!   (matrix exponential of the augmented system), cached per Δ.
//! - [`simulate`]: the event sweep with NONMEM semantics, including exact
//!   steady state (SS = 1/2) for boluses, infusions and lagged doses.
//! - [`demo`]: the curve the app shell plots.

pub mod demo;
mod erlang;
mod kernel;
mod modal;
pub mod params;
pub mod propagator;
pub mod simulate;
mod steady_state;
pub mod system;

pub use demo::demo_curve;
pub use kernel::Method;
pub use params::{Absorption, Disposition, ModelError, PkModel};
pub use simulate::{predict, predict_with, run, Prediction, Schedule, Segment};
pub use system::Layout;

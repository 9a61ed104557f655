//! Dosing histories with NONMEM semantics.
//!
//! - [`events`]: dose and observation records (AMT, CMT, RATE/DUR, II + ADDL,
//!   SS = 1/2, LLOQ/BLQ), validated with messages that name the record and
//!   the field.
//! - [`clock`]: local clock time with its UTC offset ↔ hours from the first
//!   event (the one boundary where clock time becomes model time).
//! - [`regimen`]: builders for what clinicians enter ("100 mg every 12 h since
//!   …, at steady state", a missed dose, a late dose, a dose change).
//! - [`limits`]: bounds of times, amounts, intervals, counts and horizons,
//!   checked before any computation.
//! - [`covariates`]: covariates that change over time, last value carried
//!   forward or (NONMEM's convention) the next value carried backward.

pub mod clock;
pub mod covariates;
pub mod events;
pub mod limits;
pub mod regimen;

pub use clock::TimeBase;
pub use covariates::{Convention, CovariateSeries};
pub use events::{Dose, DosingError, Event, Observation, SteadyState};

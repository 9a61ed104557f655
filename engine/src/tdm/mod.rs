//! The drug screens' computation (cyclosporine, tacrolimus): clinician rows
//! at clock times in, everything the screen shows out. The app only
//! formats this.
//!
//! - [`input`]: dose rows, levels, targets;
//! - [`levels`]: time after dose and label checks;
//! - [`targets`]: default targets with their sources;
//! - [`session`]: the computation.

pub mod grid;
pub mod input;
pub mod levels;
pub mod session;
pub mod targets;
pub mod view;

pub use input::{DoseChange, DoseRow, Formulation, LevelRow, SampleLabel, TdmInput};
pub use levels::{LevelTiming, TimingProblem, TIMING_TOLERANCE_H};
pub use session::{compute, AucEstimate, Curves, TdmError, TdmNote, TdmOutput};
pub use targets::{defaults, DefaultTargets, Drug, SourcedRange};

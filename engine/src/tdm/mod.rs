//! The drug screens' computation (cyclosporine, tacrolimus): clinician rows
//! at clock times in, everything the screen shows out. The app only
//! formats this.
//!
//! - [`input`]: dose rows, levels, targets;
//! - [`guard`]: the input checked against the limits of times, amounts,
//!   counts and horizons before anything is computed;
//! - [`apply`]: the advised regimen written as a prescription (clock times,
//!   meal timing, until changed);
//! - [`levels`]: time after dose and label checks;
//! - [`label_guess`]: the label a new level most likely has;
//! - [`plausible`]: a typed level's plausibility for the drug (unit slips);
//! - [`targets`]: default targets with their sources;
//! - [`assume`]: what is assumed for a covariate the record lacks;
//! - [`timed`]: covariates over time (prednisolone taper, azole periods) as
//!   series in model hours;
//! - [`occasions`]: a change of meal timing starts an absorption occasion;
//! - [`interacting`]: co-medications as a model covariate, or a warning
//!   with their quantified effect;
//! - [`fit_cache`]: fits kept between an edit's computations (the same
//!   problem is not fitted twice);
//! - [`fit_check`]: the fit and the advice against the patient's own levels;
//! - [`hold`]: the plan for a high level (hold, then resume);
//! - [`next_sample`]: the best next sampling time of the clinic grid;
//! - [`other_models`]: the drug's other models' answers when the one in
//!   use misses the levels;
//! - [`average`]: the screen as the average of the drug's models;
//! - [`cohorts`]: what DM/PM-IP cohorts (and the tacrolimus label) measured;
//! - [`popcheck`]: each model's typical patient against those cohorts;
//! - [`starting_dose`]: the tacrolimus starting dose before any level (label,
//!   the models' average, the Japanese DM-ILD formula);
//! - [`predict`]: the individual prediction of one model or an average;
//! - [`products`]: what can be prescribed (market strengths, steps, mg/kg/day);
//! - [`rows`]: the doses a row gives (an ongoing row runs until changed);
//! - [`transition`]: the next three days under each option;
//! - [`session`]: the computation.

pub mod apply;
pub mod assume;
pub mod average;
pub mod cohorts;
pub mod drug_catalogue;
pub mod fit_cache;
pub mod fit_check;
pub mod from_record;
pub mod grid;
pub mod guard;
pub mod hold;
pub mod input;
pub mod interacting;
pub mod label_guess;
pub mod levels;
pub mod next_sample;
pub mod occasions;
pub mod other_models;
pub mod plausible;
pub mod popcheck;
pub mod predict;
pub mod products;
pub mod rows;
pub mod session;
pub mod starting_dose;
pub mod target_status;
pub mod targets;
pub mod timed;
pub mod transition;
pub mod view;

pub use assume::{defaults_for, Assumption, GenotypeBranch, GenotypePrior, CYP3A5_JAPANESE};
pub use average::{AveragedModel, Averaging, ModelLeftOut, ScreenAverage};
pub use drug_catalogue::{drug_catalogue, DrugCatalogue, RegimenChoice};
pub use fit_cache::FitCache;
pub use fit_check::{FitCheck, FitCheckWarning, Keep, Proportional};
pub use from_record::{input_from_record, RecordInput, RecordInputError, RecordQuestion};
pub use hold::HoldPlan;
pub use input::{
    CoMedication, CovariateStep, DoseChange, DoseRow, Formulation, LevelRow, MealTiming,
    SampleLabel, TdmInput,
};
pub use label_guess::guess_label;
pub use levels::{LevelTiming, TimingProblem, TIMING_TOLERANCE_H};
pub use next_sample::{
    best_next_sample, next_sample, NextSample, NextSampleError, SampleQuestion, SampleTime,
};
pub use other_models::{models_of, ModelAnswer};
pub use plausible::{plausibility, plausible_range, Implausible};
pub use popcheck::{population_check, Agreement, PopulationCheck, PopulationQuestion};
pub use products::{CandidateDaily, DailyDose, Market, Prescribing};
pub use session::{
    compute, compute_with, AucBasis, AucEstimate, AucMethod, Curves, PlanCurve, TdmError, TdmNote,
    TdmOutput,
};
pub use starting_dose::{starting_dose, StartQuestion, StartingDose};
pub use target_status::{target_status, TargetQuestion, TargetStatus};
pub use targets::{defaults, DefaultTargets, Drug, SourcedRange};
pub use transition::{NextLevel, Plan, Transition};

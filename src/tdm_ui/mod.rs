//! The patient screen's form and the shared drug screen (cyclosporine,
//! tacrolimus): dosing history, levels, model choice, results, forecast
//! plot and dose advice. Every result is a memo over the record that calls
//! `dmip_engine::tdm::compute` (see [`session`]); the views only format.

mod advice;
mod assumed;
mod average;
mod bedside;
mod bounds;
mod checked;
mod clock;
mod comeds;
mod dose_changes;
mod doses;
mod fold;
mod forecast;
mod forecast_plot;
mod headline;
mod history_table;
mod levels;
pub(crate) mod market;
mod model_choice;
mod next_days;
mod next_sample;
mod over_time;
mod patient_form;
mod patient_limits;
mod popcheck;
mod prednisolone;
mod prescribe;
mod results;
mod screen;
mod session;
mod spec;
mod starting_dose;
mod summary;
mod text;
mod unit_question;

pub use crate::widgets::field::{Choice, Field, RowActions, SelectInput, TextInput, Unit};
pub(crate) use advice::candidate_text;
pub(crate) use assumed::sentences as assumed_sentences;
pub(crate) use average::{report_lines as average_report_lines, weighting_text};
pub(crate) use bounds::AGE;
pub(crate) use checked::check_sentences;
pub(crate) use clock::parse as parse_clock;
pub(crate) use comeds::{report as comed_report, sentences as comed_sentences};
pub(crate) use forecast::ForecastData;
pub(crate) use forecast_plot::ForecastFigure;
pub(crate) use next_sample::{key as next_sample_key, sentence as next_sample_sentence};
pub use patient_form::PatientForm;
pub use popcheck::PopulationChecks;
pub(crate) use popcheck::{
    check_for as population_check_for, intro as population_check_intro, report_cell, report_head,
};
pub use screen::DrugScreen;
pub(crate) use session::LIVE_DRAWS;
pub(crate) use spec::formulation_key;
pub use spec::{DrugSpec, CYCLOSPORINE, TACROLIMUS};
pub(crate) use text::{
    fit_warning, label_text as level_label, note as tdm_note, reason as tdm_reason, Reason,
};

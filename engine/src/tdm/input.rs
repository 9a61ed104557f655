//! What the screens collect: regimen rows and levels at clock times.

use super::targets::Drug;
use crate::dose::{Range, Regimen};
use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Product given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Formulation {
    Neoral,
    /// Tacrolimus twice daily.
    Prograf,
    /// Tacrolimus once daily (Graceptor in Japan, Advagraf elsewhere).
    Graceptor,
}

impl Formulation {
    /// The FORM covariate of Woillard 2011: 1 Prograf (twice daily), 0
    /// Advagraf/Graceptor (once daily); `None` for a product the covariate
    /// does not describe.
    pub fn form_code(self) -> Option<f64> {
        match self {
            Formulation::Prograf => Some(1.0),
            Formulation::Graceptor => Some(0.0),
            Formulation::Neoral => None,
        }
    }
}

/// Reads a clock time (RFC 3339 with its offset), naming the field and the
/// text when it is not one (chrono alone says only "input contains invalid
/// characters").
fn clock_time<'de, D: serde::Deserializer<'de>>(
    field: &'static str,
    d: D,
) -> Result<DateTime<FixedOffset>, D::Error> {
    let text = String::deserialize(d)?;
    parse_clock::<D::Error>(field, &text)
}

fn parse_clock<E: serde::de::Error>(field: &str, text: &str) -> Result<DateTime<FixedOffset>, E> {
    DateTime::parse_from_rfc3339(text).map_err(|_| {
        E::custom(format!(
            "{field}: “{text}” is not a date and time like 2026-11-01T08:00:00+09:00"
        ))
    })
}

/// [`clock_time`] for a field that may be absent or null.
pub(crate) fn optional_clock_time<'de, D: serde::Deserializer<'de>>(
    field: &'static str,
    d: D,
) -> Result<Option<DateTime<FixedOffset>>, D::Error> {
    Option::<String>::deserialize(d)?
        .map(|text| parse_clock::<D::Error>(field, &text))
        .transpose()
}

fn step_from<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> Result<Option<DateTime<FixedOffset>>, D::Error> {
    optional_clock_time("covariate step", d)
}

fn comed_start<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> Result<Option<DateTime<FixedOffset>>, D::Error> {
    optional_clock_time("co-medication start", d)
}

fn comed_stop<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> Result<Option<DateTime<FixedOffset>>, D::Error> {
    optional_clock_time("co-medication stop", d)
}

fn dose_start<'de, D: serde::Deserializer<'de>>(d: D) -> Result<DateTime<FixedOffset>, D::Error> {
    clock_time("dose start", d)
}

fn level_sampled<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> Result<DateTime<FixedOffset>, D::Error> {
    clock_time("sampling time", d)
}

/// When a dose is taken relative to a meal, as a prescription says it
/// (「朝食前」, 「朝食後及び夕食後」).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MealTiming {
    BeforeMeal,
    AfterMeal,
}

/// A row of the dosing history.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DoseRow {
    /// First dose of the row (local clock time with its offset).
    #[serde(deserialize_with = "dose_start")]
    pub start: DateTime<FixedOffset>,
    pub amount_mg: f64,
    /// Every `interval_h` hours; `None` for a single dose.
    pub interval_h: Option<f64>,
    /// Doses in the row (1 for a single dose); not read for an ongoing row.
    pub count: u32,
    /// The regimen goes on until the next regimen row starts (or the
    /// forecast ends), as a prescription does: "until changed".
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub ongoing: bool,
    /// The patient was at steady state on this regimen before `start`.
    pub at_steady_state: bool,
    /// Product given in this row (schema 2; `None` = the drug's default).
    #[serde(default)]
    pub formulation: Option<Formulation>,
    /// Before or after a meal, when the prescription says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meal: Option<MealTiming>,
}

/// A dose of a regimen row that was not taken as planned: missed
/// (`taken` = None) or taken at another time.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DoseChange {
    /// When the dose was due (a dose of one of the rows).
    #[serde(deserialize_with = "dose_start")]
    pub scheduled: DateTime<FixedOffset>,
    /// When it was taken; `None`: missed.
    #[serde(default)]
    pub taken: Option<DateTime<FixedOffset>>,
}

/// The nominal sampling time a level is labelled with.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SampleLabel {
    C0,
    C1,
    C2,
    C3,
    C4,
    C6,
    Other,
}

impl SampleLabel {
    /// The labels of a time after the dose (all but the trough and
    /// "other").
    pub const AFTER_DOSE: [SampleLabel; 5] = [
        SampleLabel::C1,
        SampleLabel::C2,
        SampleLabel::C3,
        SampleLabel::C4,
        SampleLabel::C6,
    ];

    /// The label a concentration metric is read from (C0, C2, …); `None`
    /// for an AUC or a time without a label.
    pub fn for_metric(metric: crate::dose::Metric) -> Option<SampleLabel> {
        use crate::dose::Metric;
        match metric {
            Metric::C0 => Some(SampleLabel::C0),
            Metric::C { hours } => SampleLabel::AFTER_DOSE
                .into_iter()
                .find(|l| l.nominal_h().is_some_and(|h| (h - hours).abs() < 1e-9)),
            _ => None,
        }
    }

    /// Hours after the dose the label means (C0: just before the dose).
    pub fn nominal_h(self) -> Option<f64> {
        match self {
            SampleLabel::C0 => Some(0.0),
            SampleLabel::C1 => Some(1.0),
            SampleLabel::C2 => Some(2.0),
            SampleLabel::C3 => Some(3.0),
            SampleLabel::C4 => Some(4.0),
            SampleLabel::C6 => Some(6.0),
            SampleLabel::Other => None,
        }
    }
}

/// A measured level.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LevelRow {
    #[serde(deserialize_with = "level_sampled")]
    pub sampled: DateTime<FixedOffset>,
    /// ng/mL; `None` with `blq`.
    pub value_ng_ml: Option<f64>,
    pub blq: bool,
    pub lloq_ng_ml: Option<f64>,
    pub label: SampleLabel,
    #[serde(default)]
    pub assay: Option<String>,
}

/// A covariate's value from a clock time on, until the next step (last
/// value carried forward).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CovariateStep {
    /// From when; `None`: from before the history (the first dose).
    #[serde(default, deserialize_with = "step_from")]
    pub from: Option<DateTime<FixedOffset>>,
    pub value: f64,
}

/// A co-medication as the record lists it: the name as typed and, when
/// known, when it was started and stopped. Without a start it counts from
/// before the first dose; without a stop it is still taken.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CoMedication {
    pub name: String,
    #[serde(
        default,
        deserialize_with = "comed_start",
        skip_serializing_if = "Option::is_none"
    )]
    pub start: Option<DateTime<FixedOffset>>,
    #[serde(
        default,
        deserialize_with = "comed_stop",
        skip_serializing_if = "Option::is_none"
    )]
    pub stop: Option<DateTime<FixedOffset>>,
}

impl CoMedication {
    /// A co-medication taken throughout (no start, no stop).
    pub fn named(name: impl Into<String>) -> Self {
        CoMedication {
            name: name.into(),
            start: None,
            stop: None,
        }
    }

    /// Whether it is taken at some time in `[from, to]`.
    pub fn overlaps(&self, from: DateTime<FixedOffset>, to: DateTime<FixedOffset>) -> bool {
        self.start.is_none_or(|s| s <= to) && self.stop.is_none_or(|s| s >= from)
    }
}

/// Everything one drug screen computes from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TdmInput {
    pub drug: Drug,
    pub model_id: String,
    /// Covariates by the model's names (constant over the history).
    pub covariates: BTreeMap<String, f64>,
    /// Covariates that change over the history (the prednisolone taper,
    /// an azole's period), by the model's names, as steps at clock times:
    /// for a model that has the covariate they replace its constant.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub covariate_steps: BTreeMap<String, Vec<CovariateStep>>,
    /// The co-medications with their periods: one the model has no
    /// covariate for is a warning that quotes its quantified effect on the
    /// level (`tdm::interacting`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub comedications: Vec<CoMedication>,
    pub doses: Vec<DoseRow>,
    /// Missed and late doses of the rows.
    #[serde(default)]
    pub dose_changes: Vec<DoseChange>,
    pub levels: Vec<LevelRow>,
    /// The present: levels after it are refused, the plot marks it.
    pub now: DateTime<FixedOffset>,
    pub target: Range,
    pub limit: Option<Range>,
    pub regimens: Vec<Regimen>,
    /// Flag AUC estimates that differ by more than this many percent.
    pub disagreement_pct: f64,
    /// Hours of forecast after `now`.
    pub horizon_h: f64,
    /// Posterior draws for the band and the probabilities.
    pub draws: usize,
    /// Leave the 90 % band out of the curves (everything else, the advice's
    /// probabilities included, is computed): a screen shows the estimate at
    /// once and the band a frame later.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub without_band: bool,
    /// The market's products and the weight the daily dose is checked on.
    #[serde(default)]
    pub prescribing: super::products::Prescribing,
    /// Average these models instead of computing `model_id` alone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub average: Option<super::average::Averaging>,
}

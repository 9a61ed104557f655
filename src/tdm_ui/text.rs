//! Engine results in words, in the UI language.

use super::summary::Status;
use crate::format::significant;
use crate::i18n::{fill, I18n, Key};
use dmip_engine::catalog::CovariateIssue;
use dmip_engine::estimate::FitWarning;
use dmip_engine::tdm::{SampleLabel, TdmError, TdmNote, TimingProblem};

/// Why the screen has no results: the engine's error, or a set-up problem
/// (no clock, a model that does not load: programming errors, in English).
#[derive(Debug, Clone, PartialEq)]
pub enum Reason {
    Engine(TdmError),
    Setup(String),
}

/// The reason in the UI language.
pub fn reason(i18n: I18n, r: &Reason) -> String {
    match r {
        Reason::Engine(TdmError::NoDoses) => i18n.t(Key::TdmErrNoDoses).to_owned(),
        Reason::Engine(TdmError::DoseRow { row, message }) => fill(
            i18n.t(Key::TdmErrDoseRow),
            &[("row", &row.to_string()), ("message", message)],
        ),
        Reason::Engine(TdmError::UnknownModel(id, _)) => {
            fill(i18n.t(Key::TdmErrUnknownModel), &[("id", id)])
        }
        Reason::Engine(TdmError::Estimate(message)) => {
            fill(i18n.t(Key::TdmErrEstimate), &[("message", message)])
        }
        Reason::Setup(message) => message.clone(),
    }
}

/// A part of the results that could not be computed, in the UI language
/// (the reason stays the engine's).
pub fn note(i18n: I18n, n: &TdmNote) -> String {
    match n {
        TdmNote::NoAdvice { reason } => fill(i18n.t(Key::TdmNoteNoAdvice), &[("reason", reason)]),
        TdmNote::TrapezoidAuc { interval, reason } => fill(
            i18n.t(Key::TdmNoteTrapezoid),
            &[("interval", interval), ("reason", reason)],
        ),
    }
}

/// A warning about the MAP estimate, in the UI language.
pub fn fit_warning(i18n: I18n, w: &FitWarning) -> String {
    let n = |x: f64| significant(x, 4);
    let signed = |x: f64| format!("{x:+.1}");
    match w {
        FitWarning::NoLevels => i18n.t(Key::FitNoLevels).to_owned(),
        FitWarning::FewLevels { levels, parameters } => fill(
            i18n.t(Key::FitFewLevels),
            &[
                ("levels", &levels.to_string()),
                ("parameters", &parameters.to_string()),
            ],
        ),
        FitWarning::NotConverged => i18n.t(Key::FitNotConverged).to_owned(),
        FitWarning::MultipleModes {
            objective_difference,
        } => fill(
            i18n.t(Key::FitMultipleModes),
            &[("difference", &format!("{objective_difference:.3}"))],
        ),
        FitWarning::LevelUnexplained {
            time,
            observed,
            predicted,
            iwres,
        } => fill(
            i18n.t(Key::FitLevelUnexplained),
            &[
                ("time", &format!("{time:.2}")),
                ("observed", &n(*observed)),
                ("predicted", &n(*predicted)),
                ("iwres", &signed(*iwres)),
            ],
        ),
        FitWarning::ParameterExtreme { eta, sd_units } => fill(
            i18n.t(Key::FitParameterExtreme),
            &[("eta", eta), ("sd", &signed(*sd_units))],
        ),
        FitWarning::UncertaintyUnavailable => i18n.t(Key::FitUncertaintyUnavailable).to_owned(),
        FitWarning::BelowLimit { levels } => fill(
            i18n.t(Key::FitBelowLimit),
            &[("levels", &levels.to_string())],
        ),
        FitWarning::Covariate(issue) => covariate(i18n, issue),
    }
}

/// A level's timing problem.
pub fn timing(i18n: I18n, p: &TimingProblem) -> String {
    match p {
        TimingProblem::BeforeAnyDose => i18n.t(Key::TdmTimingBeforeDose).to_owned(),
        TimingProblem::InFuture => i18n.t(Key::TdmTimingFuture).to_owned(),
        TimingProblem::LabelMismatch { label_h, actual_h } => fill(
            i18n.t(Key::TdmTimingMismatch),
            &[
                ("label", &format!("C{}", crate::format::tick(*label_h))),
                ("hours", &format!("{actual_h:.2}")),
            ],
        ),
    }
}

/// A covariate problem of the model in use.
pub fn covariate(i18n: I18n, issue: &CovariateIssue) -> String {
    match issue {
        CovariateIssue::Missing { name, description } => fill(
            i18n.t(Key::TdmCovMissing),
            &[("name", name), ("description", description)],
        ),
        CovariateIssue::OutsideRange {
            name,
            value,
            min,
            max,
            unit,
        } => fill(
            i18n.t(Key::TdmCovOutside),
            &[
                ("name", name),
                ("value", &significant(*value, 3)),
                ("min", &significant(*min, 3)),
                ("max", &significant(*max, 3)),
                ("unit", unit),
            ],
        ),
    }
}

/// Below / within / above.
pub fn status(i18n: I18n, s: Status) -> &'static str {
    i18n.t(match s {
        Status::Below => Key::TdmStatusBelow,
        Status::Within => Key::TdmStatusWithin,
        Status::Above => Key::TdmStatusAbove,
    })
}

/// Sample labels offered, with their form values.
pub const LABELS: [(SampleLabel, &str); 7] = [
    (SampleLabel::C0, "C0"),
    (SampleLabel::C1, "C1"),
    (SampleLabel::C2, "C2"),
    (SampleLabel::C3, "C3"),
    (SampleLabel::C4, "C4"),
    (SampleLabel::C6, "C6"),
    (SampleLabel::Other, "other"),
];

/// The form value of a label.
pub fn label_value(l: SampleLabel) -> &'static str {
    LABELS
        .iter()
        .find(|(x, _)| *x == l)
        .map_or("other", |(_, v)| v)
}

/// The label with form value `v`.
pub fn label_from(v: &str) -> SampleLabel {
    LABELS
        .iter()
        .find(|(_, x)| *x == v)
        .map_or(SampleLabel::Other, |(l, _)| *l)
}

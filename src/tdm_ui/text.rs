//! Engine results in words, in the UI language.

use super::summary::Status;
use crate::format::significant;
use crate::i18n::{fill, I18n, Key};
use dmip_engine::catalog::CovariateIssue;
use dmip_engine::tdm::{SampleLabel, TimingProblem};

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

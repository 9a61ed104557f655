//! Engine results in words, in the UI language.

use super::summary::Status;
use crate::format::{significant, tick};
use crate::i18n::{covariate_description, fill, I18n, Key};
use dmip_engine::catalog::CovariateIssue;
use dmip_engine::dose::DoseError;
use dmip_engine::dosing::regimen::ScheduleError;
use dmip_engine::estimate::FitWarning;
use dmip_engine::nca::{AreaError, NcaError, NcaOption};
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
        Reason::Engine(TdmError::DoseRow { row, error }) => fill(
            i18n.t(Key::TdmErrDoseRow),
            &[
                ("row", &row.to_string()),
                ("message", &schedule_error(i18n, error)),
            ],
        ),
        Reason::Engine(TdmError::UnknownModel(id, _)) => {
            fill(i18n.t(Key::TdmErrUnknownModel), &[("id", id)])
        }
        Reason::Engine(TdmError::Estimate(message)) => {
            fill(i18n.t(Key::TdmErrEstimate), &[("message", message)])
        }
        Reason::Engine(TdmError::NoModel(reasons)) => super::average::no_model_text(i18n, reasons),
        Reason::Engine(TdmError::Limit(e)) => super::limit_text(i18n.lang(), e),
        Reason::Setup(message) => message.clone(),
    }
}

/// Why a dose row cannot be scheduled.
fn schedule_error(i18n: I18n, e: &ScheduleError) -> String {
    match e {
        ScheduleError::NotPositive {
            field: "dose",
            value,
        } => fill(i18n.t(Key::DoseErrBadAmount), &[("mg", &tick(*value))]),
        ScheduleError::NotPositive {
            field: "dosing interval",
            value,
        } => fill(i18n.t(Key::DoseErrBadInterval), &[("hours", &tick(*value))]),
        other => other.to_string(),
    }
}

/// A part of the results that could not be computed, or what was done
/// with the covariates over time, in the UI language.
pub fn note(i18n: I18n, n: &TdmNote) -> String {
    match n {
        TdmNote::NoAdvice { reason } => fill(
            i18n.t(Key::TdmNoteNoAdvice),
            &[("reason", &dose_error(i18n, reason))],
        ),
        TdmNote::TrapezoidAuc { interval, reason } => fill(
            i18n.t(Key::TdmNoteTrapezoid),
            &[("interval", interval), ("reason", &nca_error(i18n, reason))],
        ),
        TdmNote::Implausible { level, value } => fill(
            i18n.t(Key::TdmNoteImplausible),
            &[
                ("n", &(level + 1).to_string()),
                ("value", &significant(*value, 3)),
            ],
        ),
        TdmNote::AbsorptionOccasion { .. }
        | TdmNote::FromComedications { .. }
        | TdmNote::Unmodelled { .. } => super::over_time::note(i18n, n).unwrap_or_default(),
    }
}

/// Why the dose search failed. A model's own error (a fault of the model
/// file, not of the input) stays in English.
fn dose_error(i18n: I18n, e: &DoseError) -> String {
    let hours = |h: &f64| tick(*h);
    match e {
        DoseError::NoStrengths => i18n.t(Key::DoseErrNoStrengths).to_owned(),
        DoseError::NoRegimen => i18n.t(Key::DoseErrNoRegimen).to_owned(),
        DoseError::BadInterval(h) => fill(i18n.t(Key::DoseErrBadInterval), &[("hours", &hours(h))]),
        DoseError::MetricOutsideInterval(metric, h) => fill(
            i18n.t(Key::DoseErrOutsideInterval),
            &[("metric", metric), ("hours", &hours(h))],
        ),
        DoseError::NoExposure(metric) => {
            fill(i18n.t(Key::DoseErrNoExposure), &[("metric", metric)])
        }
        // A fault of the model's numbers, not of the input: a lead in the
        // UI language, the engine's technical detail as it is.
        DoseError::Model(e) => fill(i18n.t(Key::DoseErrModel), &[("detail", &e.to_string())]),
    }
}

/// Why the trapezoidal AUC failed (times in hours after the dose).
fn nca_error(i18n: I18n, e: &NcaError) -> String {
    let n = |x: &f64| tick(*x);
    match e {
        NcaError::Time { sample, time } => fill(
            i18n.t(Key::NcaErrTime),
            &[("sample", &sample.to_string()), ("time", &n(time))],
        ),
        NcaError::Concentration { sample, conc } => fill(
            i18n.t(Key::NcaErrConc),
            &[("sample", &sample.to_string()), ("conc", &n(conc))],
        ),
        NcaError::Order {
            sample,
            time,
            previous,
        } => fill(
            i18n.t(Key::NcaErrOrder),
            &[
                ("sample", &sample.to_string()),
                ("time", &n(time)),
                ("previous", &n(previous)),
            ],
        ),
        NcaError::Option { option, value } => {
            let option = i18n.t(match option {
                NcaOption::Dose => Key::NcaOptDose,
                NcaOption::Tau => Key::NcaOptTau,
                NcaOption::InfusionDuration => Key::NcaOptInfusion,
            });
            fill(
                i18n.t(Key::NcaErrOption),
                &[("option", option), ("value", &n(value))],
            )
        }
        NcaError::Area(AreaError::Interval { from, to }) => fill(
            i18n.t(Key::NcaErrInterval),
            &[("from", &n(from)), ("to", &n(to))],
        ),
        NcaError::Area(AreaError::Empty) => i18n.t(Key::NcaErrEmpty).to_owned(),
        NcaError::Area(AreaError::NoLambdaZ { to, last }) => fill(
            i18n.t(Key::NcaErrNoLambdaZ),
            &[("to", &n(to)), ("last", &n(last))],
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
            &[
                ("name", name),
                (
                    "description",
                    covariate_description(i18n.lang(), description),
                ),
            ],
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

/// The label as shown: "C0" … "C6", or "other" in the UI language.
pub fn label_text(i18n: I18n, l: SampleLabel) -> &'static str {
    match l {
        SampleLabel::Other => i18n.t(Key::TdmLabelOther),
        _ => label_value(l),
    }
}

/// The label with form value `v`.
pub fn label_from(v: &str) -> SampleLabel {
    LABELS
        .iter()
        .find(|(_, x)| *x == v)
        .map_or(SampleLabel::Other, |(l, _)| *l)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::use_i18n;

    #[test]
    fn a_note_s_reason_is_in_the_ui_language() {
        let i18n = use_i18n(); // Japanese, the default
        let order = TdmNote::TrapezoidAuc {
            interval: "AUC0-4".into(),
            reason: NcaError::Order {
                sample: 3,
                time: 2.0,
                previous: 2.0,
            },
        };
        assert_eq!(
            note(i18n, &order),
            "台形法による AUC0-4 を計算できません：3 番目の採血：投与後時間 2 が前の採血（2）より後ではありません。同じ時刻の測定値が重複していないか確認してください"
        );
        let row = Reason::Engine(TdmError::DoseRow {
            row: 2,
            error: ScheduleError::NotPositive {
                field: "dose",
                value: -5.0,
            },
        });
        assert_eq!(
            reason(i18n, &row),
            "投与歴 2 行目：投与量は 0 mg より大きくしてください（入力値 -5）"
        );
        let outside = TdmNote::NoAdvice {
            reason: DoseError::MetricOutsideInterval("C6".into(), 4.0),
        };
        assert_eq!(
            note(i18n, &outside),
            "投与量の提案を計算できません：C6 は 4 時間の投与間隔の終わりより後です"
        );
        let tail = TdmNote::TrapezoidAuc {
            interval: "AUC0-4".into(),
            reason: NcaError::Area(AreaError::NoLambdaZ { to: 4.0, last: 3.8 }),
        };
        assert_eq!(
            note(i18n, &tail),
            "台形法による AUC0-4 を計算できません：4 時間までの AUC には最後の測定（3.8 時間）より後の外挿が必要ですが、消失速度定数 λz を推定できません"
        );
        let option = NcaError::Option {
            option: NcaOption::Tau,
            value: -12.0,
        };
        assert_eq!(
            nca_error(i18n, &option),
            "投与間隔 τ は 0 より大きい有限の数でなければなりません（入力値 -12）"
        );
    }
}

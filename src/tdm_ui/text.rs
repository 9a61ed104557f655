//! Engine results in words, in the UI language.

use super::summary::Status;
use crate::i18n::{I18n, Key};
use dmip_engine::catalog::CovariateIssue;
use dmip_engine::estimate::FitWarning;
use dmip_engine::tdm::{SampleLabel, TdmError, TdmNote};
use dmip_engine::text::Say;

/// Why the screen has no results: the engine's error, or a set-up problem
/// (no clock, a model that does not load: programming errors, in English).
#[derive(Debug, Clone, PartialEq)]
pub enum Reason {
    Engine(TdmError),
    Setup(String),
}

/// The reason in the UI language: the engine's words.
pub fn reason(i18n: I18n, r: &Reason) -> String {
    match r {
        Reason::Engine(e) => e.say(i18n.lang()),
        Reason::Setup(message) => message.clone(),
    }
}

/// A part of the results that could not be computed, or what was done
/// with the covariates over time, in the UI language: the engine's words.
pub fn note(i18n: I18n, n: &TdmNote) -> String {
    n.say(i18n.lang())
}

/// A warning about the MAP estimate, in the UI language: the engine's words.
pub fn fit_warning(i18n: I18n, w: &FitWarning) -> String {
    w.say(i18n.lang())
}

/// A covariate problem of the model in use: the engine's words.
pub fn covariate(i18n: I18n, issue: &CovariateIssue) -> String {
    issue.say(i18n.lang())
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
    use dmip_engine::dose::DoseError;
    use dmip_engine::dosing::regimen::{ScheduleError, ScheduleField};
    use dmip_engine::nca::{AreaError, NcaError};

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
                field: ScheduleField::Dose,
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
    }
}

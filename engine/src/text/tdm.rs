//! Why a drug screen computed nothing ([`TdmError`], with a dose row's
//! [`ScheduleError`] and each model's reason when no model of an average
//! could be computed: [`ModelLeftOut`], [`LeftOut`]) and what is wrong with
//! a level's timing ([`TimingProblem`]), in English and Japanese, as the
//! screens, the report and `dmip advise --lang` say them. The English is
//! also their `Display`.

use super::{tick, Lang, Say};
use crate::dosing::regimen::{ScheduleError, ScheduleField};
use crate::estimate::average::LeftOut;
use crate::tdm::other_models::short_name;
use crate::tdm::{ModelLeftOut, TdmError, TimingProblem};
use std::fmt;

impl Say for TdmError {
    fn say(&self, lang: Lang) -> String {
        match (self, lang) {
            (TdmError::NoDoses, Lang::En) => "the dosing history is empty: add a dose".to_owned(),
            (TdmError::NoDoses, Lang::Ja) => {
                "投与歴がありません。投与を入力してください".to_owned()
            }
            (TdmError::DoseRow { row, error }, Lang::En) => {
                format!("dosing history row {row}: {}", error.say(lang))
            }
            (TdmError::DoseRow { row, error }, Lang::Ja) => {
                format!("投与歴 {row} 行目：{}", error.say(lang))
            }
            (TdmError::UnknownModel(id, _), Lang::En) => format!("no built-in model “{id}”"),
            (TdmError::UnknownModel(id, _), Lang::Ja) => format!("内蔵モデル「{id}」がありません"),
            // The estimation's own message stays as it is (technical).
            (TdmError::Estimate(message), Lang::En) => format!("no estimate ({message})"),
            (TdmError::Estimate(message), Lang::Ja) => format!("推定できません（{message}）"),
            (TdmError::Limit(e), _) => e.say(lang),
            (TdmError::NoModel(reasons), Lang::En) => {
                format!("no model could be computed: {}", each_model(reasons, lang))
            }
            (TdmError::NoModel(reasons), Lang::Ja) => {
                format!("どのモデルも計算できません：{}", each_model(reasons, lang))
            }
        }
    }
}

/// "Press 2010: reason; Umpierrez 2021: reason" (each model by its short
/// name; an id that names no built-in model as it is).
fn each_model(reasons: &[(String, ModelLeftOut)], lang: Lang) -> String {
    let each: Vec<String> = reasons
        .iter()
        .map(|(id, why)| {
            let name = crate::catalog::builtin(id)
                .and_then(Result::ok)
                .map_or_else(|| id.clone(), |d| short_name(&d.file.name));
            match lang {
                Lang::En => format!("{name}: {}", why.say(lang)),
                Lang::Ja => format!("{name}：{}", why.say(lang)),
            }
        })
        .collect();
    each.join(lang.pick("; ", "、"))
}

impl fmt::Display for TdmError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.say(Lang::En))
    }
}

impl std::error::Error for TdmError {}

impl Say for ScheduleError {
    fn say(&self, lang: Lang) -> String {
        match (self, lang) {
            (
                ScheduleError::NotPositive {
                    field: ScheduleField::Dose,
                    value,
                },
                Lang::En,
            ) => format!("the dose must be > 0 mg (got {})", tick(*value)),
            (
                ScheduleError::NotPositive {
                    field: ScheduleField::Dose,
                    value,
                },
                Lang::Ja,
            ) => format!(
                "投与量は 0 mg より大きくしてください（入力値 {}）",
                tick(*value)
            ),
            (
                ScheduleError::NotPositive {
                    field: ScheduleField::Interval,
                    value,
                },
                Lang::En,
            ) => format!("the dosing interval must be > 0 h (got {})", tick(*value)),
            (
                ScheduleError::NotPositive {
                    field: ScheduleField::Interval,
                    value,
                },
                Lang::Ja,
            ) => format!(
                "投与間隔は 0 時間より長くしてください（入力値 {}）",
                tick(*value)
            ),
            (
                ScheduleError::NotPositive {
                    field: ScheduleField::Delay,
                    value,
                },
                Lang::En,
            ) => format!("the delay must be a finite number of hours (got {value})"),
            (
                ScheduleError::NotPositive {
                    field: ScheduleField::Delay,
                    value,
                },
                Lang::Ja,
            ) => format!("遅れの時間は有限の数値にしてください（入力値 {value}）"),
            (ScheduleError::NoDoseAt(at), Lang::En) => format!("no dose is scheduled at {at}"),
            (ScheduleError::NoDoseAt(at), Lang::Ja) => {
                format!("{at} に予定されている投与はありません")
            }
        }
    }
}

impl fmt::Display for ScheduleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.say(Lang::En))
    }
}

impl std::error::Error for ScheduleError {}

impl Say for ModelLeftOut {
    fn say(&self, lang: Lang) -> String {
        match self {
            ModelLeftOut::Error(e) => e.say(lang),
            ModelLeftOut::Fit(why) => why.say(lang),
        }
    }
}

impl Say for LeftOut {
    fn say(&self, lang: Lang) -> String {
        match (self, lang) {
            // A reason the engine was given as text (the command line's).
            (LeftOut::Given(reason), _) => reason.clone(),
            (LeftOut::NonPositiveLevel, Lang::En) => {
                "a level ≤ 0 cannot be fitted by a model whose error is on ln C".to_owned()
            }
            (LeftOut::NonPositiveLevel, Lang::Ja) => {
                "0 以下の測定値は、誤差を ln C 上に置くこのモデルでは当てはめられません".to_owned()
            }
            (LeftOut::NotFinite, Lang::En) => {
                "the model cannot explain the levels (objective not finite)".to_owned()
            }
            (LeftOut::NotFinite, Lang::Ja) => {
                "このモデルでは測定値を説明できません（目的関数が有限になりません）".to_owned()
            }
            (LeftOut::NoPredictions, Lang::En) => {
                "the model's predictions could not be computed at every level".to_owned()
            }
            (LeftOut::NoPredictions, Lang::Ja) => {
                "このモデルの予測をすべての測定時刻で計算できませんでした".to_owned()
            }
        }
    }
}

impl fmt::Display for LeftOut {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.say(Lang::En))
    }
}

impl std::error::Error for LeftOut {}

impl Say for TimingProblem {
    fn say(&self, lang: Lang) -> String {
        match (self, lang) {
            (TimingProblem::BeforeAnyDose, Lang::En) => {
                "drawn before any dose in the history".to_owned()
            }
            (TimingProblem::BeforeAnyDose, Lang::Ja) => {
                "投与歴のどの投与よりも前に採血されています".to_owned()
            }
            (TimingProblem::InFuture, Lang::En) => "the sample time is in the future".to_owned(),
            (TimingProblem::InFuture, Lang::Ja) => "採血時刻が未来になっています".to_owned(),
            (TimingProblem::LabelMismatch { label_h, actual_h }, Lang::En) => format!(
                "labelled C{} but drawn {actual_h:.2} h after the dose (used at its real time)",
                tick(*label_h)
            ),
            (TimingProblem::LabelMismatch { label_h, actual_h }, Lang::Ja) => format!(
                "C{} とラベルされていますが、投与 {actual_h:.2} 時間後に採血されています（実際の時刻で計算します）",
                tick(*label_h)
            ),
        }
    }
}

impl fmt::Display for TimingProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.say(Lang::En))
    }
}

#[cfg(test)]
mod tests {
    use super::super::both;
    use super::super::limits::tests::examples as limits;
    use super::*;
    use crate::dosing::limits::{LimitError, Place};

    #[test]
    fn every_tdm_error_is_said_in_both_languages() {
        let at = chrono::DateTime::parse_from_rfc3339("2026-11-05T08:00:00+09:00").expect("time");
        let schedule = [
            ScheduleError::NotPositive {
                field: ScheduleField::Dose,
                value: -5.0,
            },
            ScheduleError::NotPositive {
                field: ScheduleField::Interval,
                value: 0.0,
            },
            ScheduleError::NotPositive {
                field: ScheduleField::Delay,
                value: f64::NAN,
            },
            ScheduleError::NoDoseAt(at),
        ];
        let mut all = vec![
            TdmError::NoDoses,
            TdmError::UnknownModel("x".into(), "press2010_csa".into()),
            TdmError::Estimate("the objective is not finite".into()),
            TdmError::NoModel(vec![
                (
                    "press2010_csa".into(),
                    ModelLeftOut::Fit(LeftOut::NonPositiveLevel),
                ),
                ("nope".into(), ModelLeftOut::Error(TdmError::NoDoses)),
            ]),
        ];
        all.extend(schedule.iter().map(|e| TdmError::DoseRow {
            row: 2,
            error: e.clone(),
        }));
        all.extend(limits().into_iter().map(TdmError::Limit));
        for e in &all {
            let (en, ja) = (e.say(Lang::En), e.say(Lang::Ja));
            assert_eq!(en, e.to_string());
            both(&format!("{e:?}"), &en, &ja);
        }
        for e in &schedule {
            assert_eq!(e.say(Lang::En), e.to_string());
            both(&format!("{e:?}"), &e.say(Lang::En), &e.say(Lang::Ja));
        }
        assert_eq!(
            all[4].say(Lang::Ja),
            "投与歴 2 行目：投与量は 0 mg より大きくしてください（入力値 -5）"
        );
        assert_eq!(
            schedule[3].to_string(),
            "no dose is scheduled at 2026-11-05 08:00:00 +09:00"
        );
        assert_eq!(
            all[3].say(Lang::En),
            "no model could be computed: Press 2010: a level ≤ 0 cannot be fitted by a model \
             whose error is on ln C; nope: the dosing history is empty: add a dose"
        );
        assert_eq!(
            all[3].say(Lang::Ja),
            "どのモデルも計算できません：Press 2010：0 以下の測定値は、誤差を ln C 上に置くこのモデルでは当てはめられません、nope：投与歴がありません。投与を入力してください"
        );
    }

    #[test]
    fn a_limit_is_said_as_the_limit_says_it() {
        for e in limits() {
            let said = TdmError::Limit(e.clone());
            for lang in Lang::ALL {
                assert_eq!(said.say(lang), e.say(lang));
            }
        }
        let horizon = TdmError::Limit(LimitError::Horizon { value: 1e12 });
        assert_eq!(horizon.to_string(), "a forecast of 1e12 h; at most 744 h");
        assert_eq!(
            horizon.say(Lang::Ja),
            "予測期間 1e12 時間は長すぎます（最大 744 時間）"
        );
        assert_eq!(
            TdmError::Limit(LimitError::Year {
                place: Place::DoseRow(1),
                year: 9999
            })
            .say(Lang::Ja),
            "投与歴の 1 行目：9999 年は受け付けられる範囲（1900〜2200 年）の外です"
        );
        assert_eq!(
            TdmError::Limit(LimitError::Level {
                place: Place::Level(1),
                value: 2e5
            })
            .say(Lang::Ja),
            "血中濃度の 1 件目：200000 ng/mL は濃度として使えません（負の値、100000 ng/mL 超、または数値でない）"
        );
    }

    #[test]
    fn every_left_out_reason_is_said_in_both_languages() {
        for why in [
            LeftOut::NonPositiveLevel,
            LeftOut::NotFinite,
            LeftOut::NoPredictions,
        ] {
            let (en, ja) = (why.say(Lang::En), why.say(Lang::Ja));
            assert_eq!(en, why.to_string());
            both(&format!("{why:?}"), &en, &ja);
            assert_eq!(ModelLeftOut::Fit(why.clone()).say(Lang::Ja), ja);
        }
        // A reason given as text is the caller's, in both languages.
        let given = LeftOut::Given("the history uses compartment 5".into());
        assert_eq!(given.say(Lang::Ja), "the history uses compartment 5");
        assert_eq!(
            ModelLeftOut::Error(TdmError::UnknownModel("x".into(), String::new())).say(Lang::Ja),
            "内蔵モデル「x」がありません"
        );
    }

    #[test]
    fn every_timing_problem_is_said_in_both_languages() {
        let all = [
            TimingProblem::BeforeAnyDose,
            TimingProblem::InFuture,
            TimingProblem::LabelMismatch {
                label_h: 2.0,
                actual_h: 3.0,
            },
        ];
        for p in &all {
            let (en, ja) = (p.say(Lang::En), p.say(Lang::Ja));
            assert_eq!(en, p.to_string());
            both(&format!("{p:?}"), &en, &ja);
        }
        assert_eq!(
            all[2].to_string(),
            "labelled C2 but drawn 3.00 h after the dose (used at its real time)"
        );
        assert_eq!(
            all[2].say(Lang::Ja),
            "C2 とラベルされていますが、投与 3.00 時間後に採血されています（実際の時刻で計算します）"
        );
    }
}

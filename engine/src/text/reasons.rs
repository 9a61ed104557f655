//! Why a part of a drug screen could not be computed: the dose advice
//! ([`DoseError`]) and the trapezoidal AUC ([`NcaError`], with its
//! [`AreaError`] and the [`NcaOption`] it names), in English and Japanese.
//! The English is also their `Display`. Times are hours after the dose,
//! written as ticks (`crate::text::tick`).

use super::{tick, Lang, Say, Words};
use crate::dose::DoseError;
use crate::nca::{AreaError, NcaError, NcaOption};
use std::fmt;

impl Say for DoseError {
    fn say(&self, lang: Lang) -> String {
        match (self, lang) {
            (DoseError::NoStrengths, Lang::En) => {
                "the model lists no product strengths to round the dose to".to_owned()
            }
            (DoseError::NoStrengths, Lang::Ja) => {
                "モデルに製剤の規格がなく、投与量を丸められません".to_owned()
            }
            (DoseError::NoRegimen, Lang::En) => "no regimen was given".to_owned(),
            (DoseError::NoRegimen, Lang::Ja) => "用法が指定されていません".to_owned(),
            (DoseError::BadInterval(h), Lang::En) => {
                format!("the dosing interval must be > 0 h (got {})", tick(*h))
            }
            (DoseError::BadInterval(h), Lang::Ja) => {
                format!(
                    "投与間隔は 0 時間より長くしてください（入力値 {}）",
                    tick(*h)
                )
            }
            (DoseError::MetricOutsideInterval(metric, h), Lang::En) => {
                format!(
                    "{metric} is after the end of a {} h dosing interval",
                    tick(*h)
                )
            }
            (DoseError::MetricOutsideInterval(metric, h), Lang::Ja) => {
                format!("{metric} は {} 時間の投与間隔の終わりより後です", tick(*h))
            }
            (DoseError::NoExposure(metric), Lang::En) => {
                format!("the model predicts no exposure for {metric}")
            }
            (DoseError::NoExposure(metric), Lang::Ja) => {
                format!("このモデルは {metric} の曝露を予測しません")
            }
            // A fault of the model's numbers, not of the input: a lead in
            // the language asked, the model's technical detail as it is.
            (DoseError::Model(e), Lang::En) => {
                format!("the model's parameters do not allow the calculation ({e})")
            }
            (DoseError::Model(e), Lang::Ja) => {
                format!("モデルのパラメータで計算できません（技術的な詳細：{e}）")
            }
        }
    }
}

impl fmt::Display for DoseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.say(Lang::En))
    }
}

impl std::error::Error for DoseError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            DoseError::Model(e) => Some(e),
            DoseError::NoStrengths
            | DoseError::NoRegimen
            | DoseError::BadInterval(_)
            | DoseError::MetricOutsideInterval(..)
            | DoseError::NoExposure(_) => None,
        }
    }
}

impl Words for NcaOption {
    fn words(self, lang: Lang) -> &'static str {
        let (en, ja) = match self {
            NcaOption::Dose => ("dose", "投与量"),
            NcaOption::Tau => ("tau", "投与間隔 τ"),
            NcaOption::InfusionDuration => ("infusion duration", "点滴時間"),
        };
        lang.pick(en, ja)
    }
}

impl fmt::Display for NcaOption {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.words(Lang::En))
    }
}

/// A number of an NCA error: a tick, or the value as read when it is not
/// finite (a profile file's `NaN`), which a tick would show as "-".
fn n(x: &f64) -> String {
    if x.is_finite() {
        tick(*x)
    } else {
        x.to_string()
    }
}

impl Say for NcaError {
    fn say(&self, lang: Lang) -> String {
        match (self, lang) {
            (NcaError::Time { sample, time }, Lang::En) => {
                format!("sample {sample}: time {} must be a finite number ≥ 0", n(time))
            }
            (NcaError::Time { sample, time }, Lang::Ja) => format!(
                "{sample} 番目の採血：時間 {} は 0 以上の数でなければなりません",
                n(time)
            ),
            (NcaError::Concentration { sample, conc }, Lang::En) => format!(
                "sample {sample}: concentration {} must be a finite number ≥ 0",
                n(conc)
            ),
            (NcaError::Concentration { sample, conc }, Lang::Ja) => format!(
                "{sample} 番目の採血：濃度 {} は 0 以上の数でなければなりません",
                n(conc)
            ),
            (
                NcaError::Order {
                    sample,
                    time,
                    previous,
                },
                Lang::En,
            ) => format!(
                "sample {sample}: time {} is not after the previous time {}; check for a level entered twice",
                n(time),
                n(previous)
            ),
            (
                NcaError::Order {
                    sample,
                    time,
                    previous,
                },
                Lang::Ja,
            ) => format!(
                "{sample} 番目の採血：投与後時間 {} が前の採血（{}）より後ではありません。同じ時刻の測定値が重複していないか確認してください",
                n(time),
                n(previous)
            ),
            (NcaError::Option { option, value }, Lang::En) => format!(
                "{} must be a finite number > 0 (got {})",
                option.words(lang),
                n(value)
            ),
            (NcaError::Option { option, value }, Lang::Ja) => format!(
                "{} は 0 より大きい有限の数でなければなりません（入力値 {}）",
                option.words(lang),
                n(value)
            ),
            (NcaError::Area(e), _) => e.say(lang),
        }
    }
}

impl Say for AreaError {
    fn say(&self, lang: Lang) -> String {
        match (self, lang) {
            (AreaError::Interval { from, to }, Lang::En) => format!(
                "partial AUC interval [{}, {}] must satisfy 0 ≤ t1 ≤ t2",
                n(from),
                n(to)
            ),
            (AreaError::Interval { from, to }, Lang::Ja) => format!(
                "AUC の区間 [{}, {}] は 0 ≤ 開始 ≤ 終了 でなければなりません",
                n(from),
                n(to)
            ),
            (AreaError::Empty, Lang::En) => {
                "partial AUC: the profile has no concentrations".to_owned()
            }
            (AreaError::Empty, Lang::Ja) => "AUC：濃度の測定値がありません".to_owned(),
            (AreaError::NoLambdaZ { to, last }, Lang::En) => format!(
                "AUC to {} h needs extrapolation past the last concentration at {} h, and λz is not estimable",
                n(to),
                n(last)
            ),
            (AreaError::NoLambdaZ { to, last }, Lang::Ja) => format!(
                "{} 時間までの AUC には最後の測定（{} 時間）より後の外挿が必要ですが、消失速度定数 λz を推定できません",
                n(to),
                n(last)
            ),
        }
    }
}

impl fmt::Display for NcaError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.say(Lang::En))
    }
}

impl std::error::Error for NcaError {}

impl fmt::Display for AreaError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.say(Lang::En))
    }
}

impl std::error::Error for AreaError {}

#[cfg(test)]
mod tests {
    use super::super::both;
    use super::*;
    use crate::model::ModelError;

    #[test]
    fn every_dose_error_is_said_in_both_languages() {
        let all = [
            DoseError::NoStrengths,
            DoseError::NoRegimen,
            DoseError::BadInterval(-12.0),
            DoseError::MetricOutsideInterval("C6".into(), 4.0),
            DoseError::Model(ModelError::NotPositive {
                field: "V1",
                value: -1.0,
            }),
            DoseError::NoExposure("AUC0-12".into()),
        ];
        for e in &all {
            let (en, ja) = (e.say(Lang::En), e.say(Lang::Ja));
            assert_eq!(en, e.to_string());
            both(&format!("{e:?}"), &en, &ja);
        }
        assert_eq!(
            all[3].say(Lang::Ja),
            "C6 は 4 時間の投与間隔の終わりより後です"
        );
        assert_eq!(
            all[2].to_string(),
            "the dosing interval must be > 0 h (got -12)"
        );
    }

    #[test]
    fn every_nca_error_is_said_in_both_languages() {
        let mut all = vec![
            NcaError::Time {
                sample: 1,
                time: -1.0,
            },
            NcaError::Concentration {
                sample: 2,
                conc: -3.0,
            },
            NcaError::Order {
                sample: 3,
                time: 2.0,
                previous: 2.0,
            },
            NcaError::Area(AreaError::Interval { from: 4.0, to: 2.0 }),
            NcaError::Time {
                sample: 2,
                time: f64::NAN,
            },
            NcaError::Area(AreaError::Empty),
            NcaError::Area(AreaError::NoLambdaZ { to: 4.0, last: 3.8 }),
        ];
        for option in [NcaOption::Dose, NcaOption::Tau, NcaOption::InfusionDuration] {
            all.push(NcaError::Option {
                option,
                value: -12.0,
            });
            both(
                &format!("{option:?}"),
                option.words(Lang::En),
                option.words(Lang::Ja),
            );
        }
        for e in &all {
            let (en, ja) = (e.say(Lang::En), e.say(Lang::Ja));
            assert_eq!(en, e.to_string());
            both(&format!("{e:?}"), &en, &ja);
        }
        assert_eq!(
            all[2].say(Lang::Ja),
            "3 番目の採血：投与後時間 2 が前の採血（2）より後ではありません。同じ時刻の測定値が重複していないか確認してください"
        );
        assert_eq!(
            all[4].to_string(),
            "sample 2: time NaN must be a finite number ≥ 0"
        );
        assert_eq!(
            all[6].say(Lang::Ja),
            "4 時間までの AUC には最後の測定（3.8 時間）より後の外挿が必要ですが、消失速度定数 λz を推定できません"
        );
        assert_eq!(
            NcaError::Option {
                option: NcaOption::Tau,
                value: -12.0
            }
            .say(Lang::Ja),
            "投与間隔 τ は 0 より大きい有限の数でなければなりません（入力値 -12）"
        );
    }
}

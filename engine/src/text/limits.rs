//! The dosing limits refused ([`LimitError`]: a year, an amount, an
//! interval, a count, a horizon, a level beyond the engine's limits), in
//! English and Japanese. The English is also their `Display`.

use super::{Lang, Say, Words};
use crate::dosing::limits::{
    shown, LimitError, DOSE_MG, INTERVAL_H, LEVEL_NG_ML, MAX_COUNT, MAX_HORIZON_H, YEARS,
};
use std::fmt;

impl Say for LimitError {
    fn say(&self, lang: Lang) -> String {
        match (self, lang) {
            (LimitError::Year { place, year }, Lang::En) => format!(
                "{}: the year {year} is outside {}–{}",
                place.say(lang),
                YEARS.0,
                YEARS.1
            ),
            (LimitError::Year { place, year }, Lang::Ja) => format!(
                "{}：{year} 年は受け付けられる範囲（{}〜{} 年）の外です",
                place.say(lang),
                YEARS.0,
                YEARS.1
            ),
            (LimitError::Amount { place, value }, Lang::En) => format!(
                "{}: {} mg per dose is outside {}–{} mg",
                place.say(lang),
                shown(*value),
                shown(DOSE_MG.0),
                shown(DOSE_MG.1)
            ),
            (LimitError::Amount { place, value }, Lang::Ja) => format!(
                "{}：1回 {} mg は受け付けられる範囲（{}〜{} mg）の外です",
                place.say(lang),
                shown(*value),
                shown(DOSE_MG.0),
                shown(DOSE_MG.1)
            ),
            (LimitError::Interval { place, value }, Lang::En) => format!(
                "{}: a dose every {} h is outside {}–{} h",
                place.say(lang),
                shown(*value),
                shown(INTERVAL_H.0),
                shown(INTERVAL_H.1)
            ),
            (LimitError::Interval { place, value }, Lang::Ja) => format!(
                "{}：投与間隔 {} 時間は受け付けられる範囲（{}〜{} 時間）の外です",
                place.say(lang),
                shown(*value),
                shown(INTERVAL_H.0),
                shown(INTERVAL_H.1)
            ),
            (LimitError::Count { place, count }, Lang::En) => format!(
                "{}: {count} doses; at most {MAX_COUNT} per row",
                place.say(lang)
            ),
            (LimitError::Count { place, count }, Lang::Ja) => format!(
                "{}：{count} 回は多すぎます（1行あたり最大 {MAX_COUNT} 回）",
                place.say(lang)
            ),
            (LimitError::Horizon { value }, Lang::En) => format!(
                "a forecast of {} h; at most {} h",
                shown(*value),
                shown(MAX_HORIZON_H)
            ),
            (LimitError::Horizon { value }, Lang::Ja) => format!(
                "予測期間 {} 時間は長すぎます（最大 {} 時間）",
                shown(*value),
                shown(MAX_HORIZON_H)
            ),
            (LimitError::Level { place, value }, Lang::En) => format!(
                "{}: {} ng/mL is not a concentration (negative, above {} ng/mL, or not a number)",
                place.say(lang),
                shown(*value),
                shown(LEVEL_NG_ML.1)
            ),
            (LimitError::Level { place, value }, Lang::Ja) => format!(
                "{}：{} ng/mL は濃度として使えません（負の値、{} ng/mL 超、または数値でない）",
                place.say(lang),
                shown(*value),
                shown(LEVEL_NG_ML.1)
            ),
            (LimitError::TooMany { what, count, max }, Lang::En) => {
                format!("{count} {}; at most {max}", what.words(lang))
            }
            (LimitError::TooMany { what, count, max }, Lang::Ja) => {
                format!("{}が多すぎます：{count}（最大 {max}）", what.words(lang))
            }
        }
    }
}

impl fmt::Display for LimitError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.say(Lang::En))
    }
}

impl std::error::Error for LimitError {}

#[cfg(test)]
pub(super) mod tests {
    use super::super::has_japanese;
    use super::*;
    use crate::dosing::limits::{Many, Place};

    /// One of each limit refused, for the tests here and in `text::tdm`.
    pub(in crate::text) fn examples() -> Vec<LimitError> {
        vec![
            LimitError::Year {
                place: Place::DoseRow(1),
                year: 9999,
            },
            LimitError::Amount {
                place: Place::DoseRow(2),
                value: 1e-300,
            },
            LimitError::Interval {
                place: Place::DoseRow(1),
                value: 0.001,
            },
            LimitError::Count {
                place: Place::DoseRow(1),
                count: u32::MAX,
            },
            LimitError::Horizon { value: 1e12 },
            LimitError::Level {
                place: Place::Level(2),
                value: -50.0,
            },
            LimitError::TooMany {
                what: Many::Doses,
                count: 40_000,
                max: 5000,
            },
        ]
    }

    #[test]
    fn every_limit_is_said_in_both_languages() {
        let all = examples();
        for e in &all {
            let (en, ja) = (e.say(Lang::En), e.say(Lang::Ja));
            assert!(!has_japanese(&en) && has_japanese(&ja), "{e:?}: {ja}");
        }
        assert_eq!(
            all[1].say(Lang::Ja),
            "投与歴の 2 行目：1回 1e-300 mg は受け付けられる範囲（0.01〜5000 mg）の外です"
        );
        assert_eq!(
            all[1].to_string(),
            "dose row 2: 1e-300 mg per dose is outside 0.01–5000 mg"
        );
    }
}

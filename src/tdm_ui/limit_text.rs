//! The engine's limits of times, amounts, counts and horizons
//! (`dmip_engine::dosing::limits`) in the UI language: why a drug screen
//! computed nothing, with the limit named.

use crate::i18n::Lang;
use dmip_engine::dosing::limits::LimitError;
use dmip_engine::text::Say;

/// `e` in `lang`: the engine's words; the horizon, which the engine words
/// as a clause ("a forecast of …"), starts a sentence on the screen.
pub fn limit_text(lang: Lang, e: &LimitError) -> String {
    let text = e.say(lang);
    match e {
        LimitError::Horizon { .. } => {
            let mut c = text.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect())
                .unwrap_or_default()
        }
        LimitError::Year { .. }
        | LimitError::Amount { .. }
        | LimitError::Interval { .. }
        | LimitError::Count { .. }
        | LimitError::Level { .. }
        | LimitError::TooMany { .. } => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dmip_engine::dosing::limits::{Many, Place};

    #[test]
    fn limits_in_both_languages_match_the_engine() {
        let year = LimitError::Year {
            place: Place::DoseRow(1),
            year: 9999,
        };
        assert_eq!(limit_text(Lang::En, &year), year.to_string());
        assert_eq!(
            limit_text(Lang::Ja, &year),
            "投与歴の 1 行目：9999 年は受け付けられる範囲（1900〜2200 年）の外です"
        );
        let amount = LimitError::Amount {
            place: Place::DoseRow(2),
            value: 1e-300,
        };
        assert_eq!(limit_text(Lang::En, &amount), amount.to_string());
        assert_eq!(
            limit_text(Lang::Ja, &amount),
            "投与歴の 2 行目：1回 1e-300 mg は受け付けられる範囲（0.01〜5000 mg）の外です"
        );
        for e in [
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
        ] {
            let en = limit_text(Lang::En, &e);
            // The engine writes "a forecast", the screen starts a sentence.
            assert_eq!(en.to_lowercase(), e.to_string().to_lowercase());
        }
        assert_eq!(
            limit_text(Lang::Ja, &LimitError::Horizon { value: 1e12 }),
            "予測期間 1e12 時間は長すぎます（最大 744 時間）"
        );
        let above = LimitError::Level {
            place: Place::Level(1),
            value: 2e5,
        };
        assert_eq!(
            limit_text(Lang::Ja, &above),
            "血中濃度の 1 件目：200000 ng/mL は濃度として使えません（負の値、100000 ng/mL 超、または数値でない）"
        );
        assert_eq!(
            dmip_engine::dosing::limits::check_level(Place::Level(1), 2e5),
            Err(above)
        );
    }
}

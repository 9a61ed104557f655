//! The engine's limits of times, amounts, counts and horizons
//! (`dmip_engine::dosing::limits`) in the UI language: why a drug screen
//! computed nothing, with the limit named.

use crate::i18n::{fill, Lang, LimitKey};
use dmip_engine::dosing::limits::{
    shown, LimitError, DOSE_MG, INTERVAL_H, LEVEL_NG_ML, MAX_COUNT, MAX_HORIZON_H, YEARS,
};

/// `e` in `lang`.
pub fn limit_text(lang: Lang, e: &LimitError) -> String {
    let ja = lang == Lang::Ja;
    let place = |p: &dmip_engine::dosing::limits::Place| if ja { p.ja() } else { p.en() };
    let t = |k: LimitKey| k.text(lang);
    match e {
        LimitError::Year { place: p, year } => fill(
            t(LimitKey::Year),
            &[
                ("place", &place(p)),
                ("year", &year.to_string()),
                ("min", &YEARS.0.to_string()),
                ("max", &YEARS.1.to_string()),
            ],
        ),
        LimitError::Amount { place: p, value } => fill(
            t(LimitKey::Amount),
            &[
                ("place", &place(p)),
                ("value", &shown(*value)),
                ("min", &shown(DOSE_MG.0)),
                ("max", &shown(DOSE_MG.1)),
            ],
        ),
        LimitError::Interval { place: p, value } => fill(
            t(LimitKey::Interval),
            &[
                ("place", &place(p)),
                ("value", &shown(*value)),
                ("min", &shown(INTERVAL_H.0)),
                ("max", &shown(INTERVAL_H.1)),
            ],
        ),
        LimitError::Count { place: p, count } => fill(
            t(LimitKey::Count),
            &[
                ("place", &place(p)),
                ("count", &count.to_string()),
                ("max", &MAX_COUNT.to_string()),
            ],
        ),
        LimitError::Horizon { value } => fill(
            t(LimitKey::Horizon),
            &[("value", &shown(*value)), ("max", &shown(MAX_HORIZON_H))],
        ),
        LimitError::Level { place: p, value } => fill(
            t(LimitKey::Level),
            &[
                ("place", &place(p)),
                ("value", &shown(*value)),
                ("max", &shown(LEVEL_NG_ML.1)),
            ],
        ),
        LimitError::TooMany { what, count, max } => fill(
            t(LimitKey::TooMany),
            &[
                ("what", if ja { what.ja() } else { what.en() }),
                ("count", &count.to_string()),
                ("max", &max.to_string()),
            ],
        ),
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

//! Bounds of a dosing history's times, amounts, intervals, counts and
//! forecast horizon, checked before anything is computed
//! (`tdm::guard`), so that no input keeps a page busy: a dose typed in the
//! year 0001 or 9999, a horizon of 10¹² h or a count of 4 294 967 295 is
//! refused with the limit named instead of being expanded dose by dose.
//!
//! These are **limits of this project, not clinical figures**: each is far
//! beyond what a record of a living patient holds, and tight enough that
//! the computation they allow stays short (the drug screen's budget of
//! 2 s).

use crate::text::{Lang, Say, Words};
use chrono::{DateTime, Datelike, FixedOffset};
use serde::Serialize;

/// Years a clock time may fall in. 1900 is before the birth of any living
/// patient and 2200 after any forecast made now: a year outside is a slip
/// (0001, 9999), and the window keeps the model's hours from the first
/// event, and so the doses an ongoing row gives, bounded.
pub const YEARS: (i32, i32) = (1900, 2200);
/// mg per dose: 0.01 mg is below the smallest dose of any product these
/// screens prescribe (1e-300 mg is a slip); 5000 mg was already the dose
/// field's ceiling (µg typed as mg falls above it).
pub const DOSE_MG: (f64, f64) = (0.01, 5000.0);
/// Hours between doses: 1 h to 4 weeks.
pub const INTERVAL_H: (f64, f64) = (1.0, 672.0);
/// Hours of forecast after the present: a month (the screens use 72 h).
pub const MAX_HORIZON_H: f64 = 744.0;
/// Doses of one row (a twice-daily row for almost 7 years).
pub const MAX_COUNT: u32 = 5000;
/// Doses of the whole history once expanded (ongoing rows included). The
/// band's cost grows with doses × draws: measured natively (release, one
/// model), 5000 doses × 200 draws with a 744 h forecast took 0.83 s and
/// 20 000 × 200 took 2.1 s (2026-12-05), so 5000 × [`MAX_DRAWS`] keeps a
/// screen's computation within the 2 s budget. A longer history is entered
/// from a later start, at steady state.
pub const MAX_DOSES: u32 = 5000;
/// Rows of one kind (dose rows, levels, dose changes, covariate steps,
/// co-medications, regimens).
pub const MAX_ROWS: usize = 1000;
/// ng/mL, a measured whole-blood level or its limit of quantification:
/// 100 000 is far above any cyclosporine or tacrolimus level measured
/// (a plausibility limit: a slip of units or digits falls above it).
pub const LEVEL_NG_ML: (f64, f64) = (0.0, 100_000.0);
/// Posterior draws of the band (the screens use 100, a capsule 200).
pub const MAX_DRAWS: usize = 200;

/// Where a refused value was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Place {
    /// Dose row n (from 1).
    DoseRow(usize),
    /// Missed or late dose n (from 1).
    DoseChange(usize),
    /// Level n (from 1).
    Level(usize),
    /// A covariate step n (from 1).
    CovariateStep(usize),
    /// Co-medication n (from 1).
    Comedication(usize),
    /// The present.
    Now,
}

impl Place {
    /// In English (both languages: `crate::text`).
    pub fn en(self) -> String {
        self.say(Lang::En)
    }
}

/// What there are too many of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Many {
    DoseRows,
    Doses,
    Levels,
    DoseChanges,
    CovariateSteps,
    Comedications,
    Regimens,
    Draws,
}

impl Many {
    /// In English (both languages: `crate::text`).
    pub fn en(self) -> &'static str {
        self.words(Lang::En)
    }
}

/// A value beyond the limits, named with the limit (in words:
/// `crate::text`, which is also its `Display`).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "limit", rename_all = "snake_case")]
pub enum LimitError {
    Year {
        place: Place,
        year: i32,
    },
    Amount {
        place: Place,
        value: f64,
    },
    Interval {
        place: Place,
        value: f64,
    },
    Count {
        place: Place,
        count: u32,
    },
    Horizon {
        value: f64,
    },
    Level {
        place: Place,
        value: f64,
    },
    TooMany {
        what: Many,
        count: usize,
        max: usize,
    },
}

/// A number as messages show it: very small or very large ones in
/// exponent form (1e-300, 1e12), not as 300 digits.
pub fn shown(x: f64) -> String {
    if x != 0.0 && x.is_finite() && !(1e-4..1e9).contains(&x.abs()) {
        format!("{x:e}")
    } else {
        x.to_string()
    }
}

/// `t` when its year is within [`YEARS`].
pub fn check_time(place: Place, t: DateTime<FixedOffset>) -> Result<(), LimitError> {
    let year = t.year();
    if (YEARS.0..=YEARS.1).contains(&year) {
        Ok(())
    } else {
        Err(LimitError::Year { place, year })
    }
}

/// A dose within [`DOSE_MG`].
pub fn check_amount(place: Place, mg: f64) -> Result<(), LimitError> {
    if (DOSE_MG.0..=DOSE_MG.1).contains(&mg) {
        Ok(())
    } else {
        Err(LimitError::Amount { place, value: mg })
    }
}

/// An interval within [`INTERVAL_H`].
pub fn check_interval(place: Place, h: f64) -> Result<(), LimitError> {
    if (INTERVAL_H.0..=INTERVAL_H.1).contains(&h) {
        Ok(())
    } else {
        Err(LimitError::Interval { place, value: h })
    }
}

/// A row's dose count within [`MAX_COUNT`].
pub fn check_count(place: Place, count: u32) -> Result<(), LimitError> {
    if count <= MAX_COUNT {
        Ok(())
    } else {
        Err(LimitError::Count { place, count })
    }
}

/// A measured level or limit of quantification within [`LEVEL_NG_ML`] (an
/// imported −50 ng/mL is refused).
pub fn check_level(place: Place, ng_ml: f64) -> Result<(), LimitError> {
    if (LEVEL_NG_ML.0..=LEVEL_NG_ML.1).contains(&ng_ml) {
        Ok(())
    } else {
        Err(LimitError::Level {
            place,
            value: ng_ml,
        })
    }
}

/// A horizon from 0 to [`MAX_HORIZON_H`].
pub fn check_horizon(h: f64) -> Result<(), LimitError> {
    if (0.0..=MAX_HORIZON_H).contains(&h) {
        Ok(())
    } else {
        Err(LimitError::Horizon { value: h })
    }
}

/// At most `max` of `what`.
pub fn check_many(what: Many, count: usize, max: usize) -> Result<(), LimitError> {
    if count <= max {
        Ok(())
    } else {
        Err(LimitError::TooMany { what, count, max })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(s).expect("time")
    }

    fn text(r: Result<(), LimitError>) -> String {
        r.map_or_else(|e| e.to_string(), |()| "ok".to_owned())
    }

    #[test]
    fn years_outside_the_window_are_refused() {
        let p = Place::DoseRow(1);
        assert_eq!(
            text(check_time(p, at("9999-01-01T08:00:00+09:00"))),
            "dose row 1: the year 9999 is outside 1900–2200"
        );
        assert_eq!(
            text(check_time(p, at("0001-01-01T08:00:00+09:00"))),
            "dose row 1: the year 1 is outside 1900–2200"
        );
        assert_eq!(text(check_time(p, at("1900-01-01T00:00:00+00:00"))), "ok");
        assert_eq!(text(check_time(p, at("2200-12-31T23:59:00+00:00"))), "ok");
    }

    #[test]
    fn amounts_intervals_counts_and_horizons_name_the_limit() {
        let p = Place::DoseRow(2);
        assert_eq!(
            text(check_amount(p, 1e-300)),
            "dose row 2: 1e-300 mg per dose is outside 0.01–5000 mg"
        );
        assert_eq!(text(check_amount(p, 0.01)), "ok");
        assert_eq!(text(check_amount(p, 5000.0)), "ok");
        assert_eq!(
            text(check_amount(p, f64::NAN)),
            "dose row 2: NaN mg per dose is outside 0.01–5000 mg"
        );
        assert_eq!(
            text(check_interval(p, 0.01)),
            "dose row 2: a dose every 0.01 h is outside 1–672 h"
        );
        assert_eq!(text(check_interval(p, 12.0)), "ok");
        assert_eq!(
            text(check_count(p, u32::MAX)),
            "dose row 2: 4294967295 doses; at most 5000 per row"
        );
        assert_eq!(text(check_count(p, MAX_COUNT)), "ok");
        assert_eq!(
            text(check_horizon(1e12)),
            "a forecast of 1e12 h; at most 744 h"
        );
        assert_eq!(text(check_horizon(744.0)), "ok");
        assert_eq!(
            text(check_many(Many::Draws, 1_000_000, MAX_DRAWS)),
            "1000000 posterior draws; at most 200"
        );
    }
}

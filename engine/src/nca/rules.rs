//! The terminal-phase (λz) rules, under PKNCA's option names
//! (`PKNCA.options()`): how the fit is chosen (`min.hl.points`,
//! `adj.r.squared.factor`, `allow.tmax.in.half.life`) and when a reported
//! value is marked excluded (`min.span.ratio`, `max.aucinf.pext`,
//! `min.hl.r.squared`). As in PKNCA's `exclude_nca_*` functions, an
//! exclusion marks the values it concerns and keeps them: each one is an
//! [`Exclusion`] naming its rule, the value, the limit and the parameters.
//!
//! The rules are valid by construction: every setter checks PKNCA's range,
//! so an [`NcaOptions`](super::NcaOptions) never carries a rule it cannot use.

use super::Route;
use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

/// λz rules. `Default` is PKNCA's defaults, except that the Tmax point
/// enters an IV bolus fit unless told otherwise (WinNonlin, whose bolus fits
/// start at Cmax; PKNCA's `allow.tmax.in.half.life` is FALSE for all routes).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LambdaZRules {
    min_hl_points: usize,
    adj_r_squared_factor: f64,
    allow_tmax_in_half_life: Option<bool>,
    min_span_ratio: f64,
    max_aucinf_pext: f64,
    min_hl_r_squared: f64,
}

impl Default for LambdaZRules {
    fn default() -> Self {
        Self {
            min_hl_points: 3,
            adj_r_squared_factor: 1e-4,
            allow_tmax_in_half_life: None,
            min_span_ratio: 2.0,
            max_aucinf_pext: 20.0,
            min_hl_r_squared: 0.9,
        }
    }
}

/// A rule set outside PKNCA's accepted range.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
#[error("{option} must be {range} (got {value})")]
pub struct RuleError {
    /// PKNCA's option name, e.g. `min.span.ratio`.
    pub option: &'static str,
    pub range: &'static str,
    pub value: f64,
}

fn check(option: &'static str, range: &'static str, value: f64, ok: bool) -> Result<(), RuleError> {
    if ok && value.is_finite() {
        Ok(())
    } else {
        Err(RuleError {
            option,
            range,
            value,
        })
    }
}

impl LambdaZRules {
    /// `min.hl.points`: fewest points in a terminal fit (≥ 2; default 3).
    pub fn with_min_hl_points(mut self, n: usize) -> Result<Self, RuleError> {
        check("min.hl.points", "an integer ≥ 2", n as f64, n >= 2)?;
        self.min_hl_points = n;
        Ok(self)
    }

    /// `adj.r.squared.factor`: fits whose adjusted R² is within this of the
    /// best count as tied, and the tie goes to the most points (0 < x < 1;
    /// default 1e-4).
    pub fn with_adj_r_squared_factor(mut self, x: f64) -> Result<Self, RuleError> {
        check(
            "adj.r.squared.factor",
            "between 0 and 1, exclusive",
            x,
            x > 0.0 && x < 1.0,
        )?;
        self.adj_r_squared_factor = x;
        Ok(self)
    }

    /// `allow.tmax.in.half.life`: may the Tmax point enter the fit? `None`:
    /// yes for an IV bolus, no otherwise.
    pub fn with_allow_tmax_in_half_life(mut self, allow: Option<bool>) -> Self {
        self.allow_tmax_in_half_life = allow;
        self
    }

    /// `min.span.ratio`: the fit's time span over the half-life below which
    /// the terminal values are marked excluded (> 0; default 2).
    pub fn with_min_span_ratio(mut self, x: f64) -> Result<Self, RuleError> {
        check("min.span.ratio", "> 0", x, x > 0.0)?;
        self.min_span_ratio = x;
        Ok(self)
    }

    /// `max.aucinf.pext`: extrapolated % of AUCinf above which the values
    /// built on that AUCinf are marked excluded (> 0; default 20).
    pub fn with_max_aucinf_pext(mut self, x: f64) -> Result<Self, RuleError> {
        check("max.aucinf.pext", "> 0 (a percentage)", x, x > 0.0)?;
        self.max_aucinf_pext = x;
        Ok(self)
    }

    /// `min.hl.r.squared`: R² of the fit below which the terminal values are
    /// marked excluded (0 < x < 1; default 0.9).
    pub fn with_min_hl_r_squared(mut self, x: f64) -> Result<Self, RuleError> {
        check(
            "min.hl.r.squared",
            "between 0 and 1, exclusive",
            x,
            x > 0.0 && x < 1.0,
        )?;
        self.min_hl_r_squared = x;
        Ok(self)
    }

    pub fn min_hl_points(&self) -> usize {
        self.min_hl_points
    }

    pub fn adj_r_squared_factor(&self) -> f64 {
        self.adj_r_squared_factor
    }

    /// Whether the Tmax point may enter the fit for this route.
    pub fn allow_tmax_in_half_life(&self, route: Route) -> bool {
        self.allow_tmax_in_half_life
            .unwrap_or(matches!(route, Route::IvBolus))
    }

    pub fn min_span_ratio(&self) -> f64 {
        self.min_span_ratio
    }

    pub fn max_aucinf_pext(&self) -> f64 {
        self.max_aucinf_pext
    }

    pub fn min_hl_r_squared(&self) -> f64 {
        self.min_hl_r_squared
    }
}

/// The rules as applied to one profile, under PKNCA's names (the route's
/// answer for `allow.tmax.in.half.life`).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub(crate) struct AppliedRules {
    pub rules: LambdaZRules,
    pub route: Route,
}

impl Serialize for AppliedRules {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let r = &self.rules;
        let mut map = s.serialize_map(Some(6))?;
        map.serialize_entry("min.hl.points", &r.min_hl_points)?;
        map.serialize_entry("adj.r.squared.factor", &r.adj_r_squared_factor)?;
        map.serialize_entry(
            "allow.tmax.in.half.life",
            &r.allow_tmax_in_half_life(self.route),
        )?;
        map.serialize_entry("min.span.ratio", &r.min_span_ratio)?;
        map.serialize_entry("max.aucinf.pext", &r.max_aucinf_pext)?;
        map.serialize_entry("min.hl.r.squared", &r.min_hl_r_squared)?;
        map.end()
    }
}

/// A value that breaks an exclusion rule: the rule (PKNCA's option name),
/// the parameter it tests, its value and limit, and the parameters it marks
/// (their JSON keys). The marked values are still reported.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Exclusion {
    pub rule: &'static str,
    pub parameter: &'static str,
    pub value: f64,
    pub limit: f64,
    pub excludes: Vec<&'static str>,
}

impl Exclusion {
    /// The exclusion in words, for the flags.
    pub(crate) fn sentence(&self) -> String {
        let (v, limit, rule) = (self.value, self.limit, self.rule);
        let what = match rule {
            "min.span.ratio" => format!(
                "{v:.3} < {rule} = {limit} (the terminal fit spans fewer than {limit} half-lives)"
            ),
            "min.hl.r.squared" => format!("{v:.4} < {rule} = {limit}"),
            _ => format!("{v:.2} % of AUCinf extrapolated > {rule} = {limit} %"),
        };
        format!(
            "{}: {what}; {} values reported but marked excluded (see exclusions)",
            self.parameter,
            self.excludes.len()
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn setters_refuse_values_pknca_refuses() {
        let r = LambdaZRules::default();
        assert_eq!(
            r.with_min_span_ratio(0.0).unwrap_err().to_string(),
            "min.span.ratio must be > 0 (got 0)"
        );
        assert_eq!(
            r.with_min_hl_points(1).unwrap_err().to_string(),
            "min.hl.points must be an integer ≥ 2 (got 1)"
        );
        assert!(r.with_adj_r_squared_factor(1.0).is_err());
        assert!(r.with_min_hl_r_squared(f64::NAN).is_err());
        assert!(r.with_max_aucinf_pext(-5.0).is_err());
        let r = r.with_max_aucinf_pext(30.0).unwrap();
        assert_eq!(r.max_aucinf_pext(), 30.0);
    }

    #[test]
    fn tmax_enters_a_bolus_fit_by_default_only() {
        let r = LambdaZRules::default();
        assert!(r.allow_tmax_in_half_life(Route::IvBolus));
        assert!(!r.allow_tmax_in_half_life(Route::Extravascular));
        let r = r.with_allow_tmax_in_half_life(Some(false));
        assert!(!r.allow_tmax_in_half_life(Route::IvBolus));
    }
}

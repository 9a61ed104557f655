//! What a target is expressed in: a concentration at a time after the dose
//! (C0 = trough, C2, …) or an AUC over part of the interval, at steady
//! state; and ranges of such metrics ("c2=1000..1200", "c0<=200").

use serde::{Deserialize, Serialize};

/// A steady-state exposure metric, relative to a dose given at time 0.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(tag = "metric", rename_all = "snake_case")]
pub enum Metric {
    /// Trough: the concentration just before the next dose.
    C0,
    /// Concentration `hours` after the dose (C2 = 2 h).
    C { hours: f64 },
    /// AUC over the whole dosing interval.
    AucTau,
    /// AUC from `from` to `to` hours after the dose (AUC0-4: 0 to 4).
    Auc { from: f64, to: f64 },
}

impl Metric {
    /// Parses `c0`, `c2`, `c1.5`, `auctau`, `auc0-4`, `auc0-6`, `auc2-6`.
    pub fn parse(text: &str) -> Result<Metric, String> {
        let t = text.trim().to_ascii_lowercase();
        let number = |s: &str| -> Result<f64, String> {
            s.parse::<f64>()
                .ok()
                .filter(|v| v.is_finite() && *v >= 0.0)
                .ok_or_else(|| {
                    format!("“{text}” is not a metric (c0, c2, auctau, auc0-4, auc0-6 …)")
                })
        };
        if t == "c0" || t == "trough" {
            Ok(Metric::C0)
        } else if t == "auctau" || t == "auc" {
            Ok(Metric::AucTau)
        } else if let Some(rest) = t.strip_prefix("auc") {
            let (a, b) = rest
                .split_once('-')
                .ok_or_else(|| format!("“{text}”: write an AUC interval as auc0-4"))?;
            let (from, to) = (number(a)?, number(b)?);
            if to <= from {
                return Err(format!(
                    "“{text}”: the AUC interval must end after it starts"
                ));
            }
            Ok(Metric::Auc { from, to })
        } else if let Some(rest) = t.strip_prefix('c') {
            Ok(Metric::C {
                hours: number(rest)?,
            })
        } else {
            Err(format!(
                "“{text}” is not a metric (c0, c2, auctau, auc0-4, auc0-6 …)"
            ))
        }
    }

    /// Short name: C0, C2, AUCτ, AUC0-4.
    pub fn label(&self) -> String {
        match self {
            Metric::C0 => "C0".into(),
            Metric::C { hours } => format!("C{hours}"),
            Metric::AucTau => "AUCτ".into(),
            Metric::Auc { from, to } => format!("AUC{from}-{to}"),
        }
    }

    /// Whether the metric is an AUC (unit conc·h) rather than a concentration.
    pub fn is_auc(&self) -> bool {
        matches!(self, Metric::AucTau | Metric::Auc { .. })
    }
}

/// An acceptable range of a metric (either bound may be open).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Range {
    pub metric: Metric,
    pub low: Option<f64>,
    pub high: Option<f64>,
}

impl Range {
    /// Parses `c2=1000..1200`, `c0<=200`, `c0>=100`, `auc0-4=9500..11500`.
    pub fn parse(text: &str) -> Result<Range, String> {
        let value = |s: &str| -> Result<f64, String> {
            s.trim()
                .parse::<f64>()
                .ok()
                .filter(|v| v.is_finite() && *v > 0.0)
                .ok_or_else(|| format!("“{text}”: “{}” is not a positive number", s.trim()))
        };
        let range = if let Some((m, v)) = text.split_once("<=") {
            Range {
                metric: Metric::parse(m)?,
                low: None,
                high: Some(value(v)?),
            }
        } else if let Some((m, v)) = text.split_once(">=") {
            Range {
                metric: Metric::parse(m)?,
                low: Some(value(v)?),
                high: None,
            }
        } else if let Some((m, v)) = text.split_once('=') {
            let (a, b) = v
                .split_once("..")
                .ok_or_else(|| format!("“{text}”: write a range as c2=1000..1200"))?;
            Range {
                metric: Metric::parse(m)?,
                low: Some(value(a)?),
                high: Some(value(b)?),
            }
        } else {
            return Err(format!("“{text}” is not a target (c2=1000..1200, c0<=200)"));
        };
        if let (Some(l), Some(h)) = (range.low, range.high) {
            if l > h {
                return Err(format!("“{text}”: the low end is above the high end"));
            }
        }
        Ok(range)
    }

    pub fn contains(&self, v: f64) -> bool {
        self.low.is_none_or(|l| v >= l) && self.high.is_none_or(|h| v <= h)
    }

    /// The value a dose is aimed at: the middle of a closed range, else the
    /// one bound given.
    pub fn aim(&self) -> f64 {
        match (self.low, self.high) {
            (Some(l), Some(h)) => 0.5 * (l + h),
            (Some(v), None) | (None, Some(v)) => v,
            (None, None) => f64::NAN,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_parse_and_bad_ones_are_named() {
        let r = Range::parse("c2=1000..1200").unwrap();
        assert_eq!(r.metric, Metric::C { hours: 2.0 });
        assert_eq!(
            (r.low, r.high, r.aim()),
            (Some(1000.0), Some(1200.0), 1100.0)
        );
        assert_eq!(Range::parse("c0<=200").unwrap().high, Some(200.0));
        assert_eq!(
            Range::parse("AUC0-6=3000..4000").unwrap().metric,
            Metric::Auc { from: 0.0, to: 6.0 }
        );
        assert_eq!(
            Range::parse("c2=1200..1000").unwrap_err(),
            "“c2=1200..1000”: the low end is above the high end"
        );
        assert_eq!(
            Range::parse("x2=1..2").unwrap_err(),
            "“x2” is not a metric (c0, c2, auctau, auc0-4, auc0-6 …)"
        );
        assert_eq!(
            Range::parse("c0<=abc").unwrap_err(),
            "“c0<=abc”: “abc” is not a positive number"
        );
    }
}

//! Below-the-limit-of-quantification (BLQ) rules. The rule in force is always
//! named in the result, so BLQ handling is never silent.
//!
//! A sample counts as BLQ when it is marked so ([`Conc::Blq`]) or when its
//! measured value is 0 (as in PKNCA). Its position decides its fate: before
//! the first measurable (positive) concentration, between two measurable
//! ones, or after the last one.

use super::{Conc, Sample};
use serde::Serialize;
use std::fmt;

/// What happens to a BLQ sample at a given position.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum BlqAction {
    /// Keep the sample with concentration 0.
    Zero,
    /// Remove the sample from the profile.
    Drop,
}

impl BlqAction {
    fn parse(text: &str) -> Result<Self, String> {
        match text.trim().to_ascii_lowercase().as_str() {
            "0" | "zero" => Ok(Self::Zero),
            "drop" => Ok(Self::Drop),
            other => Err(format!("unknown BLQ action '{other}' (use zero or drop)")),
        }
    }

    fn label(self) -> &'static str {
        match self {
            Self::Zero => "0",
            Self::Drop => "drop",
        }
    }
}

/// BLQ handling by position. The default is PKNCA's `conc.blq` (first =
/// "keep", middle = "drop", last = "keep"): before the first measurable
/// concentration → 0, between measurable ones → drop, after the last
/// measurable one → 0. A 0 after Tlast counts only in AUCall; AUClast,
/// λz, AUCinf and partial areas past Tlast (on the λz line) ignore it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct BlqRule {
    pub before: BlqAction,
    pub between: BlqAction,
    pub after: BlqAction,
}

impl Default for BlqRule {
    fn default() -> Self {
        Self {
            before: BlqAction::Zero,
            between: BlqAction::Drop,
            after: BlqAction::Zero,
        }
    }
}

impl BlqRule {
    /// Parses `pknca` (the default), `zero` (all → 0), `drop` (all dropped),
    /// or three comma-separated actions `BEFORE,BETWEEN,AFTER`, e.g. `0,drop,drop`.
    pub fn parse(text: &str) -> Result<Self, String> {
        let all = |a| Self {
            before: a,
            between: a,
            after: a,
        };
        match text.trim().to_ascii_lowercase().as_str() {
            "pknca" | "default" => Ok(Self::default()),
            "zero" => Ok(all(BlqAction::Zero)),
            "drop" => Ok(all(BlqAction::Drop)),
            other => {
                let parts: Vec<&str> = other.split(',').collect();
                let [b, m, a] = parts.as_slice() else {
                    return Err(format!(
                        "BLQ rule '{text}': use pknca, zero, drop or BEFORE,BETWEEN,AFTER (e.g. 0,drop,drop)"
                    ));
                };
                Ok(Self {
                    before: BlqAction::parse(b)?,
                    between: BlqAction::parse(m)?,
                    after: BlqAction::parse(a)?,
                })
            }
        }
    }
}

impl fmt::Display for BlqRule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "BLQ before first measurable: {}; between measurables: {}; after last measurable: {}",
            self.before.label(),
            self.between.label(),
            self.after.label()
        )?;
        if *self == Self::default() {
            write!(f, " (PKNCA default)")?;
        }
        Ok(())
    }
}

/// A sample after the BLQ rule: time and a concentration that is a number.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Kept {
    pub t: f64,
    pub c: f64,
}

fn measurable(s: &Sample) -> bool {
    matches!(s.conc, Conc::Measured(c) if c > 0.0)
}

/// Applies the rule. Returns the kept samples and, when any sample was BLQ, a
/// flag saying how many there were and what was done with them.
pub(crate) fn apply(rule: &BlqRule, samples: &[Sample]) -> (Vec<Kept>, Option<String>) {
    let first = samples.iter().position(measurable);
    let last = samples.iter().rposition(measurable);
    let mut kept = Vec::with_capacity(samples.len());
    let (mut n_blq, mut n_dropped) = (0usize, 0usize);
    for (i, s) in samples.iter().enumerate() {
        if measurable(s) {
            if let Conc::Measured(c) = s.conc {
                kept.push(Kept { t: s.time, c });
            }
            continue;
        }
        n_blq += 1;
        let action = match (first, last) {
            (Some(f), _) if i < f => rule.before,
            (_, Some(l)) if i > l => rule.after,
            (Some(_), Some(_)) => rule.between,
            _ => rule.before,
        };
        match action {
            BlqAction::Zero => kept.push(Kept { t: s.time, c: 0.0 }),
            BlqAction::Drop => n_dropped += 1,
        }
    }
    let flag = (n_blq > 0)
        .then(|| format!("blq: {n_blq} sample(s) BLQ or 0, {n_dropped} dropped; rule: {rule}"));
    (kept, flag)
}

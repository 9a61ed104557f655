//! Amounts a patient can actually take, as a prescription writes them: at
//! most two strengths and four capsules a dose, on the drug's dose step,
//! with the fewest capsules; an oral solution (mL) where the capsules
//! cannot make the amount.

use serde::Serialize;

/// An amount made of capsules, or measured as an oral solution.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Capsules {
    pub amount_mg: f64,
    /// `(strength mg, count)`, largest strength first; empty for a solution.
    pub capsules: Vec<(f64, u32)>,
    /// The volume of oral solution, when the dose is measured as one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub solution_ml: Option<f64>,
}

/// How amounts are made.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Rounding {
    /// Capsule strengths sold, mg.
    pub capsules_mg: Vec<f64>,
    /// Oral solution concentration (mg/mL), if sold.
    pub solution_mg_per_ml: Option<f64>,
    /// Amounts are multiples of one of these steps (mg); empty: any sum.
    pub steps_mg: Vec<f64>,
    /// Step of a solution dose, mg.
    pub solution_step_mg: f64,
    /// At most this many different strengths in one dose.
    pub max_strengths: usize,
    /// At most this many capsules in one dose.
    pub max_capsules: u32,
}

/// Two strengths and four capsules a dose: what a prescription can ask of
/// a patient at every dose (the rule the advice follows).
pub const MAX_STRENGTHS: usize = 2;
pub const MAX_CAPSULES: u32 = 4;

impl Rounding {
    /// Capsules of these strengths, any step.
    pub fn capsules(strengths: &[f64]) -> Rounding {
        Rounding {
            capsules_mg: strengths.to_vec(),
            solution_mg_per_ml: None,
            steps_mg: Vec::new(),
            solution_step_mg: 0.0,
            max_strengths: MAX_STRENGTHS,
            max_capsules: MAX_CAPSULES,
        }
    }

    fn valid(&self) -> bool {
        let positive = |s: &f64| s.is_finite() && *s > 0.0;
        !self.capsules_mg.is_empty()
            && self.capsules_mg.iter().all(positive)
            && self.steps_mg.iter().all(positive)
            && self.max_capsules > 0
            && self.max_strengths > 0
    }

    fn on_step(&self, amount: f64) -> bool {
        self.steps_mg.is_empty()
            || self.steps_mg.iter().any(|s| {
                let k = amount / s;
                (k - k.round()).abs() < 1e-6
            })
    }

    /// Every amount the capsules make within the limits, each with its
    /// fewest capsules (then fewest strengths), in increasing amount.
    pub fn capsule_amounts(&self) -> Vec<Capsules> {
        let mut s: Vec<f64> = self.capsules_mg.clone();
        s.sort_by(|a, b| b.total_cmp(a));
        s.dedup();
        let mut out: Vec<Capsules> = Vec::new();
        let mut add = |parts: Vec<(f64, u32)>| {
            let amount = parts.iter().map(|(mg, n)| mg * f64::from(*n)).sum::<f64>();
            let amount = (amount * 1000.0).round() / 1000.0;
            if !self.on_step(amount) {
                return;
            }
            let count = |c: &Capsules| c.capsules.iter().map(|p| p.1).sum::<u32>();
            let new = Capsules {
                amount_mg: amount,
                capsules: parts,
                solution_ml: None,
            };
            match out.iter_mut().find(|c| (c.amount_mg - amount).abs() < 1e-9) {
                Some(old)
                    if (count(&new), new.capsules.len()) < (count(old), old.capsules.len()) =>
                {
                    *old = new
                }
                Some(_) => {}
                None => out.push(new),
            }
        };
        let n = self.max_capsules;
        for (i, &a) in s.iter().enumerate() {
            for ka in 1..=n {
                add(vec![(a, ka)]);
                if self.max_strengths < 2 {
                    continue;
                }
                for &b in &s[i + 1..] {
                    for kb in 1..=(n - ka) {
                        add(vec![(a, ka), (b, kb)]);
                    }
                }
            }
        }
        out.sort_by(|x, y| x.amount_mg.total_cmp(&y.amount_mg));
        out
    }

    /// The oral solution dose on its step nearest below and above `exact`.
    fn solution(&self, exact: f64) -> Option<(Capsules, Capsules)> {
        let conc = self
            .solution_mg_per_ml
            .filter(|c| c.is_finite() && *c > 0.0)?;
        let step = self.solution_step_mg;
        if !(step.is_finite() && step > 0.0) {
            return None;
        }
        let dose = |k: f64| {
            let mg = (k * step * 1000.0).round() / 1000.0;
            Capsules {
                amount_mg: mg,
                capsules: Vec::new(),
                solution_ml: Some((mg / conc * 1000.0).round() / 1000.0),
            }
        };
        let k = exact / step;
        Some((dose(k.floor().max(1.0)), dose(k.ceil().max(1.0))))
    }
}

/// The achievable amounts just below and just above `exact_mg` (either may
/// be missing: nothing below the smallest amount, or above the largest
/// capsule dose when no solution is sold). Capsules first; a solution dose
/// only where `exact_mg` is beyond what the capsules make. `None` when the
/// rounding has no valid strength or `exact_mg` is not finite.
pub fn nearest(exact_mg: f64, rounding: &Rounding) -> Option<(Option<Capsules>, Option<Capsules>)> {
    if !rounding.valid() || !exact_mg.is_finite() {
        return None;
    }
    let amounts = rounding.capsule_amounts();
    let largest = amounts.last()?.amount_mg;
    if exact_mg > largest + 1e-9 {
        if let Some((below, above)) = rounding.solution(exact_mg) {
            return Some((Some(below), Some(above)));
        }
    }
    let below = amounts
        .iter()
        .rev()
        .find(|c| c.amount_mg <= exact_mg + 1e-9)
        .cloned();
    let above = amounts
        .iter()
        .find(|c| c.amount_mg >= exact_mg - 1e-9)
        .cloned();
    Some((below, above))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn japanese_neoral() -> Rounding {
        Rounding {
            capsules_mg: vec![10.0, 25.0, 50.0],
            solution_mg_per_ml: Some(100.0),
            steps_mg: vec![10.0, 25.0],
            solution_step_mg: 10.0,
            max_strengths: 2,
            max_capsules: 4,
        }
    }

    #[test]
    fn neoral_amounts_use_two_strengths_and_four_capsules_at_most() {
        let r = japanese_neoral();
        // 142 mg: 125 (50 × 2 + 25) below, 150 (50 × 3) above; 135 and
        // 140 need five capsules or three strengths.
        let (b, a) = nearest(142.0, &r).unwrap();
        let (b, a) = (b.unwrap(), a.unwrap());
        assert_eq!((b.amount_mg, a.amount_mg), (125.0, 150.0));
        assert_eq!(b.capsules, vec![(50.0, 2), (25.0, 1)]);
        assert_eq!(a.capsules, vec![(50.0, 3)]);
        // The 215 mg: beyond 4 × 50 mg, so the 10 % solution:
        // 210 mg = 2.1 mL, 220 mg = 2.2 mL.
        let (b, a) = nearest(215.0, &r).unwrap();
        let (b, a) = (b.unwrap(), a.unwrap());
        assert_eq!((b.amount_mg, b.solution_ml), (210.0, Some(2.1)));
        assert_eq!((a.amount_mg, a.solution_ml), (220.0, Some(2.2)));
        assert!(a.capsules.is_empty());
        // Every capsule dose obeys the limits.
        for c in r.capsule_amounts() {
            assert!(c.capsules.len() <= 2, "{c:?}");
            assert!(c.capsules.iter().map(|p| p.1).sum::<u32>() <= 4, "{c:?}");
            assert!(
                c.amount_mg % 10.0 == 0.0 || c.amount_mg % 25.0 == 0.0,
                "{c:?}"
            );
        }
    }

    #[test]
    fn prograf_amounts_are_half_milligram_steps() {
        let r = Rounding {
            steps_mg: vec![0.5],
            ..Rounding::capsules(&[0.5, 1.0, 5.0])
        };
        let (b, a) = nearest(2.3, &r).unwrap();
        assert_eq!((b.unwrap().amount_mg, a.unwrap().amount_mg), (2.0, 2.5));
        // 4.5 mg would need 1 × 4 + 0.5 (five capsules): 4 and 5 mg.
        let (b, a) = nearest(4.4, &r).unwrap();
        assert_eq!((b.unwrap().amount_mg, a.unwrap().amount_mg), (4.0, 5.0));
        // Nothing below the smallest capsule; nothing above 20 mg without
        // a solution.
        let (b, a) = nearest(0.2, &r).unwrap();
        assert!(b.is_none());
        assert_eq!(a.unwrap().amount_mg, 0.5);
        let (b, a) = nearest(25.0, &r).unwrap();
        assert_eq!(b.unwrap().amount_mg, 20.0);
        assert!(a.is_none());
        assert!(nearest(10.0, &Rounding::capsules(&[])).is_none());
        assert!(nearest(f64::NAN, &r).is_none());
    }
}

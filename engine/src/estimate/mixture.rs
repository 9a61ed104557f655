//! A posterior made of several models' posteriors, each with a weight: the
//! model average's (`average`), or one model alone (weight 1). Draws are
//! shared out in proportion to the weights (a mixture: model m gives
//! round(w_m·n) of the n draws, by largest remainder), and point
//! predictions are Σ w_m·f_m.

use super::map::MapFit;
use super::problem::Problem;

/// One model of the mixture: its weight, its problem for this patient and
/// its fit (`None` without levels: the prior).
#[derive(Debug, Clone, Copy)]
pub struct Part<'a> {
    pub weight: f64,
    pub problem: &'a Problem,
    pub fit: Option<&'a MapFit>,
}

impl<'a> Part<'a> {
    /// One model alone.
    pub fn one(problem: &'a Problem, fit: Option<&'a MapFit>) -> [Part<'a>; 1] {
        [Part {
            weight: 1.0,
            problem,
            fit,
        }]
    }

    /// The parameters a point prediction is made at: the estimate, else
    /// the typical values (η = κ = 0).
    pub fn theta(&self) -> Vec<f64> {
        self.fit
            .map_or_else(|| vec![0.0; self.problem.n_params()], |f| f.eta.clone())
    }
}

/// How many of `n` draws each part gives: round(w·n) by largest remainder
/// (the counts add up to `n`; ties to the earlier part). A single part of
/// weight 1 gives all `n`.
pub fn shares(parts: &[Part<'_>], n: usize) -> Vec<usize> {
    let total: f64 = parts
        .iter()
        .map(|p| p.weight)
        .filter(|w| w.is_finite() && *w > 0.0)
        .sum();
    if total <= 0.0 || !total.is_finite() {
        return vec![0; parts.len()];
    }
    let exact: Vec<f64> = parts
        .iter()
        .map(|p| {
            let w = if p.weight.is_finite() {
                p.weight.max(0.0)
            } else {
                0.0
            };
            w / total * n as f64
        })
        .collect();
    let mut counts: Vec<usize> = exact.iter().map(|x| x.floor() as usize).collect();
    let left = n.saturating_sub(counts.iter().sum());
    let mut order: Vec<usize> = (0..parts.len()).filter(|&i| exact[i] > 0.0).collect();
    order.sort_by(|&a, &b| {
        let frac = |i: usize| exact[i] - exact[i].floor();
        frac(b).total_cmp(&frac(a)).then(a.cmp(&b))
    });
    for i in order.into_iter().cycle().take(left) {
        counts[i] += 1;
    }
    counts
}

/// Σ w·values of the parts' own results (`None` when a part with weight
/// has none, or the lengths differ). One part of weight 1 gives its own
/// values unchanged.
pub fn weighted_sum(parts: &[Part<'_>], values: &[Option<Vec<f64>>]) -> Option<Vec<f64>> {
    let mut sum: Option<Vec<f64>> = None;
    for (p, v) in parts.iter().zip(values) {
        if p.weight == 0.0 {
            continue;
        }
        let v = v.as_ref()?;
        let s = sum.get_or_insert_with(|| vec![0.0; v.len()]);
        if s.len() != v.len() {
            return None;
        }
        for (a, x) in s.iter_mut().zip(v) {
            *a += p.weight * x;
        }
    }
    sum
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::builtin;
    use crate::dosing::{CovariateSeries, Dose, Event};
    use std::collections::BTreeMap;

    fn problem() -> Problem {
        let def = builtin("press2010_csa").expect("built in").expect("valid");
        let cov: BTreeMap<String, CovariateSeries> = [("WT", 60.0), ("PSL", 10.0)]
            .iter()
            .map(|(k, v)| (k.to_string(), CovariateSeries::constant(*v)))
            .collect();
        let events = vec![Event::Dose(Dose::bolus(0.0, 100.0, 1))];
        Problem::new(&def, events, &cov, &[]).expect("problem")
    }

    #[test]
    fn draws_are_shared_in_proportion_to_the_weights() {
        let p = problem();
        let part = |weight| Part {
            weight,
            problem: &p,
            fit: None,
        };
        assert_eq!(shares(&Part::one(&p, None), 100), vec![100]);
        // 62.5 / 25.5 / 12: the largest remainder (0.5 before 0.5, earlier first).
        let s = shares(&[part(0.625), part(0.255), part(0.12)], 100);
        assert_eq!(s, vec![63, 25, 12]);
        assert_eq!(s.iter().sum::<usize>(), 100);
        // A third each of 100: 34, 33, 33.
        assert_eq!(
            shares(&[part(1.0 / 3.0), part(1.0 / 3.0), part(1.0 / 3.0)], 100),
            vec![34, 33, 33]
        );
        // Weight 0 gives none; NaN or nothing never gives a count.
        assert_eq!(shares(&[part(1.0), part(0.0)], 7), vec![7, 0]);
        assert_eq!(shares(&[part(f64::NAN), part(0.0)], 7), vec![0, 0]);
    }

    #[test]
    fn the_weighted_sum_of_one_part_is_its_own_values() {
        let p = problem();
        let values = vec![Some(vec![1.5, -2.25, 1e-300])];
        assert_eq!(
            weighted_sum(&Part::one(&p, None), &values),
            Some(vec![1.5, -2.25, 1e-300])
        );
        let two = [
            Part {
                weight: 0.25,
                problem: &p,
                fit: None,
            },
            Part {
                weight: 0.75,
                problem: &p,
                fit: None,
            },
        ];
        let v = [Some(vec![4.0, 8.0]), Some(vec![8.0, 0.0])];
        assert_eq!(weighted_sum(&two, &v), Some(vec![7.0, 2.0]));
        assert_eq!(weighted_sum(&two, &[Some(vec![1.0]), None]), None);
    }
}

//! Covariates the record does not give: the screen never goes blank for
//! them. A covariate with a typical value in the model file takes it; a
//! genotype the model uses is computed for each genotype and weighted by
//! how often it occurs (before the levels) and how well it explains the
//! levels (after them). Each is stated, so the screen can say what was
//! assumed and how much the answer would change the other way.

use crate::catalog::{Covariates, Effect, ModelDef};
use serde::Serialize;

/// How often each value of a genotype covariate occurs in the patients the
/// tool is for, with the source.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GenotypePrior {
    pub covariate: &'static str,
    /// `(value, fraction)`; the fractions add up to 1.
    pub levels: &'static [(f64, f64)],
    pub population: &'static str,
    pub source: &'static str,
}

/// CYP3A5 in Japanese patients: no population allele frequency is
/// available, so the three Japanese patient cohorts with genotypes are
/// pooled, 41 non-expressers (\*3/\*3) of 73.
pub const CYP3A5_JAPANESE: GenotypePrior = GenotypePrior {
    covariate: "CYP3A5",
    levels: &[(0.0, 41.0 / 73.0), (1.0, 32.0 / 73.0)],
    population: "Japanese patients with autoimmune disease (3 cohorts pooled, n = 73)",
    source: "Muraki Y et al. Exp Ther Med 2017 (19 of 25 non-expressers); \
             EULAR 2020 SAT0154, Japanese rheumatic patients (16 of 39); \
             EULAR 2020, Japanese DM-ILD (6 of 9 *3/*3)",
};

/// The genotype priors the engine knows.
pub const GENOTYPE_PRIORS: &[GenotypePrior] = &[CYP3A5_JAPANESE];

/// What was assumed for a covariate the record does not give.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "assumption", rename_all = "snake_case")]
pub enum Assumption {
    /// The model file's typical value was used.
    Typical {
        covariate: String,
        value: f64,
        /// The model file's description and unit of the covariate.
        description: String,
        unit: String,
    },
    /// Each genotype was computed; the output is the most probable one.
    Genotype {
        covariate: String,
        /// The value the output was computed with.
        chosen: f64,
        branches: Vec<GenotypeBranch>,
        population: &'static str,
        source: &'static str,
    },
}

/// One genotype's computation.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GenotypeBranch {
    pub value: f64,
    /// Frequency before the levels.
    pub prior: f64,
    /// Probability given the levels (the prior when there are none).
    pub weight: f64,
    /// The MAP objective of this genotype's fit, when levels were fitted.
    pub objective: Option<f64>,
    /// The advice's suggested regimen (label, mg), when there is advice.
    pub suggested: Option<(String, f64)>,
    /// Why this genotype could not be computed.
    pub error: Option<String>,
}

/// What to assume for each covariate the model uses that `has` says is
/// missing and that cannot be computed from others (fat-free mass from
/// weight, height and sex): its typical value when the model file gives one, else, for a
/// genotype the engine knows the frequencies of, the prior to compute each
/// value of.
pub fn defaults_for(
    def: &ModelDef,
    has: impl Fn(&str) -> bool,
) -> (Vec<Assumption>, Option<&'static GenotypePrior>) {
    let mut assumptions = Vec::new();
    let mut genotype = None;
    for c in &def.file.covariates {
        if has(&c.name) || def.derivable(&c.name, &has) || !def.uses_covariate(&c.name) {
            continue;
        }
        if let Some(value) = c.typical {
            assumptions.push(Assumption::Typical {
                covariate: c.name.clone(),
                value,
                description: c.description.clone(),
                unit: c.unit.clone(),
            });
        } else if genotype.is_none() {
            genotype = GENOTYPE_PRIORS
                .iter()
                .find(|g| g.covariate == c.name && categorical(def, &c.name, g));
        }
    }
    (assumptions, genotype)
}

/// The covariates with typical values filled in, what was assumed, and the
/// genotype (with its prior) to compute each value of, if one is missing.
pub fn fill_missing(
    def: &ModelDef,
    given: &Covariates,
) -> (Covariates, Vec<Assumption>, Option<&'static GenotypePrior>) {
    let (assumptions, genotype) = defaults_for(def, |name| given.contains_key(name));
    let mut covariates = given.clone();
    for a in &assumptions {
        if let Assumption::Typical {
            covariate, value, ..
        } = a
        {
            covariates.insert(covariate.clone(), *value);
        }
    }
    (covariates, assumptions, genotype)
}

/// Whether every value of the prior is a level of the model's effects of
/// `name` (a genotype is only mixed over values the model defines).
fn categorical(def: &ModelDef, name: &str, prior: &GenotypePrior) -> bool {
    def.effects().all(|e| match e {
        Effect::Categorical { cov, levels } if cov == name => prior
            .levels
            .iter()
            .all(|(v, _)| levels.iter().any(|(l, _)| l == v)),
        other => other.covariate() != name,
    })
}

/// Weights of the genotypes: prior × exp(−objective/2), normalised over the
/// branches that were computed (the objectives taken relative to the
/// lowest); the prior alone without objectives. A branch that failed
/// weighs 0.
pub fn weights(priors: &[f64], objectives: &[Option<f64>], computed: &[bool]) -> Vec<f64> {
    let fitted = objectives
        .iter()
        .zip(computed)
        .all(|(o, c)| !c || o.is_some_and(f64::is_finite));
    let low = objectives
        .iter()
        .flatten()
        .copied()
        .filter(|o| o.is_finite())
        .fold(f64::INFINITY, f64::min);
    let raw: Vec<f64> = priors
        .iter()
        .zip(objectives)
        .zip(computed)
        .map(|((p, o), c)| match (c, fitted, o) {
            (false, _, _) => 0.0,
            (true, true, Some(o)) => p * (-(o - low) / 2.0).exp(),
            (true, _, _) => *p,
        })
        .collect();
    let total: f64 = raw.iter().sum();
    if total > 0.0 && total.is_finite() {
        raw.iter().map(|w| w / total).collect()
    } else {
        vec![0.0; raw.len()]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_japanese_cyp3a5_prior_pools_three_cohorts() {
        let [(nex, p0), (ex, p1)] = CYP3A5_JAPANESE.levels else {
            panic!("two levels");
        };
        assert_eq!((*nex, *ex), (0.0, 1.0));
        // (19 + 16 + 6) / (25 + 39 + 9)
        assert!((p0 - 0.561_643_8).abs() < 1e-6, "{p0}");
        assert!((p0 + p1 - 1.0).abs() < 1e-12);
    }

    #[test]
    fn weights_are_the_prior_times_the_likelihood_ratio() {
        // No levels: the prior.
        let w = weights(&[0.56, 0.44], &[None, None], &[true, true]);
        assert_eq!(w, vec![0.56 / 1.0, 0.44 / 1.0]);
        // Objectives 10 and 14: ratio exp(-2) for the second.
        let w = weights(&[0.5, 0.5], &[Some(10.0), Some(14.0)], &[true, true]);
        let r = (-2.0f64).exp();
        assert!((w[0] - 1.0 / (1.0 + r)).abs() < 1e-12, "{w:?}");
        assert!((w[1] - r / (1.0 + r)).abs() < 1e-12);
        // A branch that failed weighs nothing.
        let w = weights(&[0.56, 0.44], &[Some(3.0), None], &[true, false]);
        assert_eq!(w, vec![1.0, 0.0]);
        // Nothing computed: zeros, never NaN.
        let w = weights(&[0.56, 0.44], &[None, None], &[false, false]);
        assert_eq!(w, vec![0.0, 0.0]);
    }
}

//! A subject read for one model: its covariate columns under the model's
//! names (matched case-insensitively), occasions from an `OCC` column, and
//! the model's stated default for each covariate the data lacks. Shared by
//! the CLI's `fit`, `predict`, `dose` and `simulate`.

use super::Subject;
use crate::catalog::ModelDef;
use crate::dosing::CovariateSeries;
use crate::tdm::{defaults_for, Assumption};
use std::collections::BTreeMap;

impl Subject {
    /// The covariate series of the subject under the model's names.
    pub fn model_covariates(&self, def: &ModelDef) -> BTreeMap<String, CovariateSeries> {
        def.file
            .covariates
            .iter()
            .filter_map(|c| {
                self.covariates
                    .iter()
                    .find(|(name, _)| name.eq_ignore_ascii_case(&c.name))
                    .map(|(_, series)| (c.name.clone(), series.clone()))
            })
            .collect()
    }

    /// Start times of occasions: the first event and each time an `OCC`
    /// column changes value; none without an `OCC` column (one occasion).
    pub fn occasion_starts(&self) -> Vec<f64> {
        let Some(occ) = self
            .covariates
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case("OCC"))
            .map(|(_, v)| v)
        else {
            return Vec::new();
        };
        let mut starts = vec![self.events.first().map_or(0.0, |e| e.time())];
        starts.extend(occ.change_times());
        starts
    }

    /// [`Subject::model_covariates`] with the model file's typical value
    /// for each covariate the model uses and the data lacks, listed in the
    /// assumptions (a genotype without a typical value stays missing: the
    /// model then names it).
    pub fn covariates_for(
        &self,
        def: &ModelDef,
    ) -> (BTreeMap<String, CovariateSeries>, Vec<Assumption>) {
        let mut covariates = self.model_covariates(def);
        let (assumptions, _) = defaults_for(def, |name| covariates.contains_key(name));
        for a in &assumptions {
            if let Assumption::Typical {
                covariate, value, ..
            } = a
            {
                covariates.insert(covariate.clone(), CovariateSeries::constant(*value));
            }
        }
        (covariates, assumptions)
    }
}

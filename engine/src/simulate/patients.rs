//! Covariates per virtual patient: a CSV table of patients (one row each,
//! an optional `ID` column, one column per covariate under the model's
//! names, e.g. WT, HT, SEX, HCT, CYP3A5), drawn from a cohort by the user.
//! Virtual patient i (1-based) takes row (i − 1) mod n, in the file's order,
//! so the assignment needs no randomness: with the seed, the same question
//! gives the same bytes. A row's values hold for the whole design (they
//! replace the design's series of the same covariate); covariates derived
//! by the model (fat-free mass from WT, HT, SEX) follow them. Columns the
//! model does not use are left out, said so.

use super::SimulateError;
use crate::catalog::ModelDef;
use crate::dosing::CovariateSeries;
use std::collections::BTreeMap;

/// The patients' covariates, for one model.
#[derive(Debug, Clone, PartialEq)]
pub struct CovariateTable {
    /// The model's names of the columns kept, in the file's order.
    pub names: Vec<String>,
    /// One row per patient, values in the order of `names`.
    pub rows: Vec<Vec<f64>>,
    /// The columns the model does not use (left out).
    pub ignored: Vec<String>,
}

impl CovariateTable {
    /// Reads the table `bytes` for `def`: every cell of a kept column must
    /// be a finite number.
    pub fn read(bytes: &[u8], def: &ModelDef) -> Result<CovariateTable, SimulateError> {
        let bad = |e: String| SimulateError::Patients(e);
        let mut reader = csv::ReaderBuilder::new()
            .trim(csv::Trim::All)
            .from_reader(bytes);
        let header: Vec<String> = reader
            .headers()
            .map_err(|e| bad(e.to_string()))?
            .iter()
            .map(|h| h.trim_start_matches('\u{feff}').to_string())
            .collect();
        // (column, model's name) of each kept column.
        let mut kept: Vec<(usize, String)> = Vec::new();
        let mut ignored = Vec::new();
        for (i, h) in header.iter().enumerate() {
            if h.eq_ignore_ascii_case("ID") {
                continue;
            }
            match def
                .file
                .covariates
                .iter()
                .find(|c| c.name.eq_ignore_ascii_case(h))
            {
                Some(c) if !kept.iter().any(|(_, n)| *n == c.name) => {
                    kept.push((i, c.name.clone()));
                }
                Some(_) => return Err(bad(format!("column {h} is given twice"))),
                None => ignored.push(h.clone()),
            }
        }
        if kept.is_empty() {
            return Err(bad(format!(
                "no column is a covariate of {} (header has: {})",
                def.id(),
                header.join(",")
            )));
        }
        let mut rows = Vec::new();
        for record in reader.records() {
            let record = record.map_err(|e| bad(e.to_string()))?;
            let line = record.position().map_or(0, |p| p.line());
            let row = kept
                .iter()
                .map(|(i, name)| {
                    let cell = record.get(*i).unwrap_or("");
                    cell.parse::<f64>()
                        .ok()
                        .filter(|v| v.is_finite())
                        .ok_or_else(|| {
                            bad(format!(
                                "line {line}, column {name}: “{cell}” is not a number"
                            ))
                        })
                })
                .collect::<Result<Vec<f64>, _>>()?;
            rows.push(row);
        }
        if rows.is_empty() {
            return Err(bad("no patient rows after the header".into()));
        }
        Ok(CovariateTable {
            names: kept.into_iter().map(|(_, n)| n).collect(),
            rows,
            ignored,
        })
    }

    /// The row of virtual patient `id` (1-based): (id − 1) mod n.
    pub fn row_of(&self, id: usize) -> usize {
        id.saturating_sub(1) % self.rows.len().max(1)
    }

    /// `design`'s covariates with row `row`'s values, each constant; a
    /// covariate the model derives (fat-free mass) and the table does not
    /// give is computed from the patient's own inputs, not the design's
    /// value or default.
    pub fn apply(
        &self,
        def: &ModelDef,
        row: usize,
        design: &BTreeMap<String, CovariateSeries>,
    ) -> BTreeMap<String, CovariateSeries> {
        let mut out = design.clone();
        if let Some(values) = self.rows.get(row) {
            for (name, v) in self.names.iter().zip(values) {
                out.insert(name.clone(), CovariateSeries::constant(*v));
            }
        }
        out.retain(|name, _| !self.rederived(def, name, design));
        out
    }

    /// Whether covariate `name` is derived by `def` from inputs the table
    /// (or the design) gives, the table not giving it itself.
    pub fn rederived(
        &self,
        def: &ModelDef,
        name: &str,
        design: &BTreeMap<String, CovariateSeries>,
    ) -> bool {
        !self.gives(name) && def.derivable(name, |i| self.gives(i) || design.contains_key(i))
    }

    /// Whether the table gives covariate `name`.
    pub fn gives(&self, name: &str) -> bool {
        self.names.iter().any(|n| n == name)
    }
}

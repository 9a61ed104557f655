//! The design of a simulation: a NONMEM CSV whose first subject (ID 1 as
//! a rule) is the template every virtual patient gets — doses, observation
//! rows (EVID 0; MDV = 1 rows stay predictions), covariate columns, `OCC`
//! for occasions, `LLOQ` per row. Read for one model: observations in the
//! model's central compartment when CMT is left out, covariates under the
//! model's names, a missing one at the model's stated default (said).

use super::{SimLevel, SimulateError};
use crate::catalog::ModelDef;
use crate::dosing::{Convention, CovariateSeries, Event, Observation};
use crate::io::nonmem::{read_with_convention, Options, Subject};
use crate::tdm::Assumption;
use std::collections::BTreeMap;

/// A design read for one model.
#[derive(Debug, Clone, PartialEq)]
pub struct Design {
    /// The template subject's records.
    pub subject: Subject,
    /// Covariates under the model's names, defaults filled in.
    pub covariates: BTreeMap<String, CovariateSeries>,
    /// Occasion start times (from `OCC`; empty = one occasion).
    pub occasions: Vec<f64>,
    /// Covariates the design lacks and the value used.
    pub assumptions: Vec<Assumption>,
    /// For each observation record: whether it gets a simulated level
    /// (every EVID 0 row but those with MDV = 1).
    pub simulated: Vec<bool>,
    /// What the user should know about how the design was read.
    pub notes: Vec<String>,
    /// The file's header as written (BOM removed).
    pub(super) header: Vec<String>,
    /// The template's rows as written, with their line in the file.
    pub(super) rows: Rows,
    /// The line of each observation record.
    pub(super) observation_lines: Vec<u64>,
}

/// The column of `name` in `header` (case-insensitive), if any.
pub(super) fn column(header: &[String], name: &str) -> Option<usize> {
    header.iter().position(|h| h.eq_ignore_ascii_case(name))
}

/// Rows as written, each with its line in the file.
type Rows = Vec<(u64, Vec<String>)>;

/// The file's header and the rows of subject `id` (every row when the
/// file has no ID column), with their lines.
fn raw_rows(bytes: &[u8], id: &str) -> Result<(Vec<String>, Rows), String> {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(bytes);
    let header: Vec<String> = reader
        .headers()
        .map_err(|e| e.to_string())?
        .iter()
        .map(|h| h.trim_start_matches('\u{feff}').to_string())
        .collect();
    let id_col = column(&header, "ID");
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| e.to_string())?;
        let line = record.position().map_or(0, |p| p.line());
        if id_col.is_none_or(|i| record.get(i) == Some(id)) {
            rows.push((line, record.iter().map(str::to_string).collect()));
        }
    }
    Ok((header, rows))
}

impl Design {
    /// Reads the design `bytes` for `def`, covariates under `convention`.
    pub fn read(
        bytes: &[u8],
        def: &ModelDef,
        convention: Convention,
    ) -> Result<Design, SimulateError> {
        let bad = |e: String| SimulateError::Design(e);
        let opts = Options {
            observation_cmt: Some(def.compartments().1),
        };
        let subjects =
            read_with_convention(bytes, &opts, convention).map_err(|e| bad(e.to_string()))?;
        let Some(subject) = subjects.first().cloned() else {
            return Err(bad("no data rows after the header".into()));
        };
        subject
            .validate_for(def.compartments().0)
            .map_err(|e| bad(e.to_string()))?;
        let mut notes = Vec::new();
        if subjects.len() > 1 {
            notes.push(format!(
                "the design has {} subjects; the first (ID {}) is the template of every virtual patient",
                subjects.len(),
                subject.id
            ));
        }
        let (covariates, assumptions) = subject.covariates_for(def);
        let occasions = subject.occasion_starts();
        if def.n_iov() > 0 {
            notes.push(match occasions.len() {
                0 => format!("{} has between-occasion variability and the design has no OCC column: the whole design is one occasion (one κ per patient)", def.id()),
                k => format!("{} has between-occasion variability: κ drawn for each of the design's {k} occasions (OCC)", def.id()),
            });
        }
        let (header, rows) = raw_rows(bytes, &subject.id).map_err(bad)?;
        let mdv = column(&header, "MDV");
        let mut simulated = Vec::new();
        let mut observation_lines = Vec::new();
        for (event, line) in subject.events.iter().zip(&subject.rows) {
            if let Event::Observation(_) = event {
                let row = rows.iter().find(|(l, _)| l == line).map(|(_, r)| r);
                let mdv_1 = mdv
                    .and_then(|i| row.and_then(|r| r.get(i)))
                    .and_then(|t| t.parse::<f64>().ok())
                    == Some(1.0);
                simulated.push(!mdv_1);
                observation_lines.push(*line);
            }
        }
        Ok(Design {
            subject,
            covariates,
            occasions,
            assumptions,
            simulated,
            notes,
            header,
            rows,
            observation_lines,
        })
    }

    /// The template's records with `levels` as the measurements (one per
    /// observation record, in order, as [`super::VirtualPatient::levels`]);
    /// the observation records `hold` lists become predictions only.
    pub fn events_with(&self, levels: &[Option<SimLevel>], hold: &[usize]) -> Vec<Event> {
        let mut j = 0;
        self.subject
            .events
            .iter()
            .map(|e| match e {
                Event::Observation(o) => {
                    let level = levels
                        .get(j)
                        .copied()
                        .flatten()
                        .filter(|_| !hold.contains(&j));
                    j += 1;
                    Event::Observation(match level {
                        Some(SimLevel {
                            blq: true,
                            lloq: Some(lloq),
                            ..
                        }) => Observation::below_lloq(o.time, o.cmt, lloq),
                        Some(l) => Observation {
                            lloq: l.lloq,
                            ..Observation::measured(o.time, o.cmt, l.value)
                        },
                        None => Observation {
                            lloq: o.lloq,
                            ..Observation::prediction(o.time, o.cmt)
                        },
                    })
                }
                other => other.clone(),
            })
            .collect()
    }
}

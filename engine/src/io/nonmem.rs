//! NONMEM-style event CSV: doses, observations and time-varying covariates.
//!
//! - Header required; names case-insensitive, any order. Known columns: `ID`,
//!   `TIME`, `EVID`, `AMT`, `CMT`, `II`, `ADDL`, `SS`, `RATE`, `DUR`, `DV`,
//!   `MDV`, `LLOQ`, `BLQ`, `CENS`. Every other named column is a numeric
//!   covariate, named as written. By default ([`Convention::Locf`]) its
//!   value on each row holds from that row's time on (last value carried
//!   forward); read with [`Convention::Nonmem`] ([`read_with_convention`])
//!   it holds over the interval since the row before (NONMEM's next value
//!   carried backward). An empty cell leaves the value as it was; before a
//!   subject's first value, the first value holds.
//! - Required: `TIME`, and `AMT` or `DV`. Without `ID` the file is subject
//!   "1". Without `EVID`, a row with AMT > 0 is a dose, any other row an
//!   observation.
//! - `.` or an empty cell = missing. Every known column must be numeric or
//!   missing on every row, even where it is not used.
//! - EVID 0 = observation (MDV = 1 or no DV → prediction only), 1 = dose,
//!   2 = covariate row only, 3 = reset (no AMT), 4 = reset and dose (a
//!   reset event, then the dose, both named by the row); another EVID is
//!   an error naming the row. See [`Event::Reset`] for what a reset does.
//! - CMT: missing or 0 = the default (1 for doses; for observations, the
//!   compartment given in [`Options`], else an error).
//! - RATE > 0 = infusion rate, DUR > 0 = infusion duration (not both);
//!   RATE = -1/-2 (modelled) is refused. SS 0/1/2 with II > 0; ADDL needs
//!   II > 0 and is at most [`MAX_ADDL`].
//! - BLQ = 1 (or CENS = 1): below the limit, taken from LLOQ, else from DV
//!   (NONMEM M3 convention).
//! - Each subject's rows must be together, sorted by time, not repeated,
//!   with no measured level before its first dose.
//! - Errors name the 1-based line of the file (the header is line 1) and
//!   the field.

mod for_model;
mod row;

use crate::dosing::events::{validate, DosingError, Event};
use crate::dosing::{Convention, CovariateSeries};
use row::{classify, field_error, parse_number, present, Col, Columns, Kind, Values};
use std::collections::BTreeMap;

/// Most additional doses (ADDL) one record may ask for (the engine's bound).
pub use crate::dosing::events::MAX_ADDL;

/// One subject's records in file order.
#[derive(Debug, Clone, PartialEq)]
pub struct Subject {
    pub id: String,
    pub events: Vec<Event>,
    /// Line of the file (1-based, header = 1) of each event.
    pub rows: Vec<u64>,
    /// Covariate columns with at least one value for this subject.
    pub covariates: BTreeMap<String, CovariateSeries>,
}

/// Defaults for what a file may leave out.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Options {
    /// Compartment of observation rows without CMT (the model's central
    /// compartment, when the model is known).
    pub observation_cmt: Option<usize>,
}

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum NonmemCsvError {
    #[error(transparent)]
    Header(#[from] super::header::HeaderError),
    #[error("no data rows after the header")]
    NoRows,
    #[error("more than {limit} data rows: at most {limit} can be read")]
    TooManyRows { limit: usize },
    #[error("line {line}, field {field}: {message}")]
    Field {
        line: u64,
        field: String,
        message: String,
    },
    #[error("line {line}: {message}")]
    Line { line: u64, message: String },
    #[error("subject {id}: {message}")]
    Subject { id: String, message: String },
}

/// A subject being read, with what the row checks need.
struct Open {
    subject: Subject,
    /// Each covariate's values: (row number within the subject, time, value).
    points: BTreeMap<String, Vec<(usize, f64, f64)>>,
    /// Time of each row of the subject, in file order.
    times: Vec<f64>,
    previous: Option<(csv::StringRecord, f64, u64)>,
    dosed: bool,
}

impl Open {
    fn new(id: String) -> Self {
        Open {
            subject: Subject {
                id,
                events: Vec::new(),
                rows: Vec::new(),
                covariates: BTreeMap::new(),
            },
            points: BTreeMap::new(),
            times: Vec::new(),
            previous: None,
            dosed: false,
        }
    }

    fn check_order(
        &self,
        record: &csv::StringRecord,
        time: f64,
        line: u64,
    ) -> Result<(), NonmemCsvError> {
        let Some((prev, ptime, pline)) = &self.previous else {
            return Ok(());
        };
        if prev == record {
            return Err(NonmemCsvError::Line {
                line,
                message: format!("identical to line {pline} (duplicate row)"),
            });
        }
        if time < *ptime {
            return Err(field_error(
                line,
                "TIME",
                format!(
                    "{time} is before {ptime} on line {pline}; sort each subject's rows by time"
                ),
            ));
        }
        Ok(())
    }

    fn push(&mut self, kind: Kind, line: u64) -> Result<(), NonmemCsvError> {
        let event = match kind {
            Kind::Other => return Ok(()),
            Kind::Reset(time) => Event::Reset { time },
            Kind::ResetDose(d) => {
                self.subject.events.push(Event::Reset { time: d.time });
                self.subject.rows.push(line);
                self.dosed = true;
                Event::Dose(d)
            }
            Kind::Dose(d) => {
                self.dosed = true;
                Event::Dose(d)
            }
            Kind::Observation(o) => {
                if o.dv.is_some() && !self.dosed {
                    return Err(field_error(
                        line,
                        "DV",
                        format!(
                            "a measured level at {} h comes before the subject's first dose",
                            o.time
                        ),
                    ));
                }
                Event::Observation(o)
            }
        };
        self.subject.events.push(event);
        self.subject.rows.push(line);
        Ok(())
    }

    fn covariates(
        &mut self,
        record: &csv::StringRecord,
        cols: &Columns,
        time: f64,
        line: u64,
    ) -> Result<(), NonmemCsvError> {
        let row = self.times.len();
        self.times.push(time);
        for (name, i) in &cols.covariates {
            if let Some(text) = record.get(*i).and_then(present) {
                let x = parse_number(text, line, name)?;
                let points = self.points.entry(name.clone()).or_default();
                points.push((row, time, x));
            }
        }
        Ok(())
    }

    fn close(mut self, convention: Convention) -> Subject {
        for (name, points) in self.points {
            let series = match convention {
                Convention::Locf => {
                    CovariateSeries::new(points.iter().map(|p| (p.1, p.2)).collect())
                }
                Convention::Nonmem => {
                    // Every row's value (an empty cell keeps the last one;
                    // before the first value, the first holds).
                    let mut value = points.first().map_or(f64::NAN, |p| p.2);
                    let mut next = points.iter().peekable();
                    let rows = self.times.iter().enumerate().map(|(row, t)| {
                        if let Some(p) = next.next_if(|p| p.0 == row) {
                            value = p.2;
                        }
                        (*t, value)
                    });
                    CovariateSeries::next_value_backward(rows.collect())
                }
            };
            if let Some(series) = series {
                self.subject.covariates.insert(name, series);
            }
        }
        self.subject
    }
}

/// Data rows a file may have (a limit of this project: a file of
/// 1 000 000 rows once hung the page). 50 000 rows is years of a patient's
/// doses and levels, or a study's hundreds of subjects.
pub const MAX_ROWS: usize = 50_000;

/// Reads a NONMEM-style CSV with the default options.
pub fn read(bytes: &[u8]) -> Result<Vec<Subject>, NonmemCsvError> {
    read_with(bytes, &Options::default())
}

/// Reads a NONMEM-style CSV (any line ending; a UTF-8 BOM is allowed),
/// covariates as last value carried forward.
pub fn read_with(bytes: &[u8], opts: &Options) -> Result<Vec<Subject>, NonmemCsvError> {
    read_with_convention(bytes, opts, Convention::Locf)
}

/// [`read_with`], covariates under `convention` (NONMEM's for files
/// prepared for NONMEM).
pub fn read_with_convention(
    bytes: &[u8],
    opts: &Options,
    convention: Convention,
) -> Result<Vec<Subject>, NonmemCsvError> {
    let close = |o: Open| o.close(convention);
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(bytes);
    let header = reader.headers().map_err(|e| csv_error(&e, 1))?.clone();
    let cols = Columns::find(&header)?;
    let mut done: Vec<Subject> = Vec::new();
    let mut open: Option<Open> = None;
    for (i, record) in reader.records().enumerate() {
        // Counted while reading: a file of a million rows stops here.
        if i >= MAX_ROWS {
            return Err(NonmemCsvError::TooManyRows { limit: MAX_ROWS });
        }
        let fallback = i as u64 + 2;
        let record = record.map_err(|e| csv_error(&e, fallback))?;
        let line = record.position().map_or(fallback, |p| p.line());
        let id = subject_id(&record, &cols, line)?;
        if open.as_ref().is_none_or(|o| o.subject.id != id) {
            if done.iter().any(|s| s.id == id) {
                return Err(field_error(line, "ID", format!("subject {id} appears again after other subjects; keep each subject's rows together")));
            }
            done.extend(open.take().map(close));
            open = Some(Open::new(id));
        }
        if let Some(o) = open.as_mut() {
            read_row(o, &record, &cols, opts, line)?;
        }
    }
    done.extend(open.map(close));
    if done.is_empty() {
        return Err(NonmemCsvError::NoRows);
    }
    Ok(done)
}

fn read_row(
    o: &mut Open,
    record: &csv::StringRecord,
    cols: &Columns,
    opts: &Options,
    line: u64,
) -> Result<(), NonmemCsvError> {
    let v = Values::parse(record, cols, line)?;
    let time = v
        .non_negative(Col::Time)?
        .ok_or_else(|| v.err(Col::Time, "missing"))?;
    o.check_order(record, time, line)?;
    let kind = classify(&v, time, opts)?;
    o.covariates(record, cols, time, line)?;
    o.push(kind, line)?;
    o.previous = Some((record.clone(), time, line));
    Ok(())
}

fn subject_id(
    record: &csv::StringRecord,
    cols: &Columns,
    line: u64,
) -> Result<String, NonmemCsvError> {
    let Some(i) = cols.known[Col::Id as usize] else {
        return Ok("1".into());
    };
    record
        .get(i)
        .and_then(present)
        .map(str::to_string)
        .ok_or_else(|| field_error(line, "ID", "missing"))
}

fn csv_error(e: &csv::Error, fallback: u64) -> NonmemCsvError {
    let line = e.position().map_or(fallback, |p| p.line());
    let message = match e.kind() {
        csv::ErrorKind::Utf8 { .. } => "not valid UTF-8 text".to_string(),
        _ => e.to_string(),
    };
    NonmemCsvError::Line { line, message }
}

/// The record number a dosing error names (1-based in `events`).
fn record_of(e: &DosingError) -> Option<usize> {
    use DosingError::*;
    match e {
        Negative { record, .. }
        | NotPositive { record, .. }
        | RepeatsWithoutInterval { record, .. }
        | TooManyRepeats { record, .. }
        | TooLarge { record, .. }
        | SteadyStateWithoutInterval { record }
        | RateAndDuration { record }
        | UnknownCompartment { record, .. }
        | Unsorted { record, .. }
        | ObservationBeforeDose { record, .. }
        | RepeatsPastReset { record, .. } => Some(*record),
        NoDose => None,
    }
}

impl Subject {
    /// Checks the records for a model with `n_cmt` compartments
    /// ([`validate`]), naming the line of the file.
    pub fn validate_for(&self, n_cmt: usize) -> Result<(), NonmemCsvError> {
        validate(&self.events, n_cmt).map_err(|e| self.locate(&e))
    }

    /// A dosing error with its record number turned into the file line.
    pub fn locate(&self, e: &DosingError) -> NonmemCsvError {
        let text = e.to_string();
        let line = record_of(e).and_then(|r| Some((r, *self.rows.get(r.checked_sub(1)?)?)));
        match line {
            Some((record, line)) => NonmemCsvError::Line {
                line,
                message: text
                    .strip_prefix(&format!("record {record}: "))
                    .unwrap_or(&text)
                    .to_string(),
            },
            None => NonmemCsvError::Subject {
                id: self.id.clone(),
                message: text,
            },
        }
    }
}

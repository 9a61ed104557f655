//! NONMEM-style event CSV: doses, observations and time-varying covariates.
//!
//! - Header required; names case-insensitive, any order. Known columns: `ID`,
//!   `TIME`, `EVID`, `AMT`, `CMT`, `II`, `ADDL`, `SS`, `RATE`, `DUR`, `DV`,
//!   `MDV`, `LLOQ`, `BLQ`, `CENS`. Every other named column is a numeric
//!   covariate, named as written (its value on each row holds from that
//!   row's time on, last value carried forward; an empty cell leaves the
//!   value as it was; before a subject's first value, the first value holds).
//! - Required: `TIME`, and `AMT` or `DV`. Without `ID` the file is subject
//!   "1". Without `EVID`, a row with AMT > 0 is a dose, any other row an
//!   observation.
//! - `.` or an empty cell = missing. Every known column must be numeric or
//!   missing on every row, even where it is not used.
//! - EVID 0 = observation (MDV = 1 or no DV → prediction only), 1 = dose,
//!   2 = covariate row only; 3 and 4 (resets) are refused.
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

use crate::dosing::events::{validate, Dose, DosingError, Event, Observation, SteadyState};
use crate::dosing::CovariateSeries;
use std::collections::BTreeMap;

/// Most additional doses (ADDL) one record may ask for: a guard against
/// typos that would expand into millions of doses.
pub const MAX_ADDL: u32 = 100_000;

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
    #[error("empty file: expected a header line with TIME and AMT or DV columns")]
    Empty,
    #[error("line 1: missing column {column} (header has: {header})")]
    MissingColumn {
        column: &'static str,
        header: String,
    },
    #[error("line 1: column {0} appears more than once")]
    DuplicateColumn(String),
    #[error("no data rows after the header")]
    NoRows,
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

fn field_error(line: u64, field: &str, message: impl Into<String>) -> NonmemCsvError {
    NonmemCsvError::Field {
        line,
        field: field.to_string(),
        message: message.into(),
    }
}

/// Known columns, in the order of [`NAMES`].
#[derive(Debug, Clone, Copy)]
enum Col {
    Id,
    Time,
    Evid,
    Amt,
    Cmt,
    Ii,
    Addl,
    Ss,
    Rate,
    Dur,
    Dv,
    Mdv,
    Lloq,
    Blq,
    Cens,
}

const NAMES: [&str; 15] = [
    "ID", "TIME", "EVID", "AMT", "CMT", "II", "ADDL", "SS", "RATE", "DUR", "DV", "MDV", "LLOQ",
    "BLQ", "CENS",
];

impl Col {
    fn name(self) -> &'static str {
        NAMES[self as usize]
    }
}

/// Where each column sits.
struct Columns {
    known: [Option<usize>; NAMES.len()],
    covariates: Vec<(String, usize)>,
}

impl Columns {
    fn find(header: &csv::StringRecord) -> Result<Self, NonmemCsvError> {
        let written: Vec<&str> = header
            .iter()
            .map(|h| h.trim().trim_start_matches('\u{feff}'))
            .collect();
        let names: Vec<String> = written.iter().map(|h| h.to_ascii_uppercase()).collect();
        if names.iter().all(String::is_empty) {
            return Err(NonmemCsvError::Empty);
        }
        let mut known = [None; NAMES.len()];
        let mut covariates = Vec::new();
        for (i, name) in names.iter().enumerate() {
            if names[..i].contains(name) && !name.is_empty() {
                return Err(NonmemCsvError::DuplicateColumn(name.clone()));
            }
            match NAMES.iter().position(|n| n == name) {
                Some(k) => known[k] = Some(i),
                None if !name.is_empty() => covariates.push((written[i].to_string(), i)),
                None => {}
            }
        }
        let columns = Columns { known, covariates };
        let missing = |column| NonmemCsvError::MissingColumn {
            column,
            header: header.iter().collect::<Vec<_>>().join(","),
        };
        if columns.known[Col::Time as usize].is_none() {
            return Err(missing("TIME"));
        }
        if columns.known[Col::Amt as usize].is_none() && columns.known[Col::Dv as usize].is_none() {
            return Err(missing("AMT or DV"));
        }
        Ok(columns)
    }
}

/// Missing-value convention: `.` or empty.
fn present(text: &str) -> Option<&str> {
    (!text.is_empty() && text != ".").then_some(text)
}

fn parse_number(text: &str, line: u64, field: &str) -> Result<f64, NonmemCsvError> {
    let value: f64 = text
        .parse()
        .map_err(|_| field_error(line, field, format!("'{text}' is not a number")))?;
    if value.is_finite() {
        Ok(value)
    } else {
        Err(field_error(line, field, format!("'{text}' is not finite")))
    }
}

/// The known numeric columns of one row, parsed.
struct Values {
    line: u64,
    v: [Option<f64>; NAMES.len()],
}

impl Values {
    fn parse(
        record: &csv::StringRecord,
        cols: &Columns,
        line: u64,
    ) -> Result<Self, NonmemCsvError> {
        let mut v = [None; NAMES.len()];
        for (k, idx) in cols.known.iter().enumerate().skip(1) {
            let text = idx.and_then(|i| record.get(i)).and_then(present);
            v[k] = text.map(|t| parse_number(t, line, NAMES[k])).transpose()?;
        }
        Ok(Values { line, v })
    }

    fn get(&self, c: Col) -> Option<f64> {
        self.v[c as usize]
    }

    fn err(&self, c: Col, message: impl Into<String>) -> NonmemCsvError {
        field_error(self.line, c.name(), message)
    }

    fn non_negative(&self, c: Col) -> Result<Option<f64>, NonmemCsvError> {
        match self.get(c) {
            Some(x) if x < 0.0 => Err(self.err(c, format!("{x} is negative"))),
            other => Ok(other),
        }
    }

    /// A whole number among `allowed`.
    fn flag(&self, c: Col, allowed: &[i64]) -> Result<Option<i64>, NonmemCsvError> {
        let Some(x) = self.get(c) else {
            return Ok(None);
        };
        match allowed.iter().find(|a| **a as f64 == x) {
            Some(a) => Ok(Some(*a)),
            None => {
                let list: Vec<String> = allowed.iter().map(i64::to_string).collect();
                Err(self.err(c, format!("{x} must be one of {}", list.join(", "))))
            }
        }
    }

    /// A whole number in `0..=max`.
    fn count(&self, c: Col, max: u32) -> Result<Option<u32>, NonmemCsvError> {
        let Some(x) = self.get(c) else {
            return Ok(None);
        };
        if x < 0.0 || x.fract() != 0.0 || x > f64::from(max) {
            return Err(self.err(c, format!("{x} must be a whole number from 0 to {max}")));
        }
        Ok(Some(x as u32))
    }

    fn cmt(&self) -> Result<Option<usize>, NonmemCsvError> {
        Ok(self
            .count(Col::Cmt, u32::from(u16::MAX))?
            .filter(|c| *c > 0)
            .map(|c| c as usize))
    }
}

/// What one row is.
enum Kind {
    Dose(Dose),
    Observation(Observation),
    Other,
}

fn evid(v: &Values) -> Result<i64, NonmemCsvError> {
    match v.flag(Col::Evid, &[0, 1, 2, 3, 4])? {
        Some(3 | 4) => Err(NonmemCsvError::Line {
            line: v.line,
            message: "EVID 3/4 (reset) is not supported".into(),
        }),
        Some(e) => Ok(e),
        None if v.get(Col::Amt).is_some_and(|a| a > 0.0) => Ok(1),
        None => Ok(0),
    }
}

fn rate(v: &Values) -> Result<Option<f64>, NonmemCsvError> {
    match v.get(Col::Rate) {
        None => Ok(None),
        Some(r) if r >= 0.0 => Ok((r > 0.0).then_some(r)),
        Some(r) if r == -1.0 || r == -2.0 => Err(v.err(
            Col::Rate,
            format!("RATE = {r} (rate or duration estimated by the model) is not supported; give RATE > 0 or DUR"),
        )),
        Some(r) => Err(v.err(Col::Rate, format!("{r} is negative"))),
    }
}

fn dose(v: &Values, time: f64) -> Result<Dose, NonmemCsvError> {
    let amount = v
        .non_negative(Col::Amt)?
        .ok_or_else(|| v.err(Col::Amt, "missing on a dose row (EVID = 1)"))?;
    let rate = rate(v)?;
    let duration = v.non_negative(Col::Dur)?.filter(|d| *d > 0.0);
    if rate.is_some() && duration.is_some() {
        return Err(v.err(
            Col::Rate,
            "give either RATE or DUR for an infusion, not both",
        ));
    }
    let ii = v.non_negative(Col::Ii)?.unwrap_or(0.0);
    let addl = v.count(Col::Addl, MAX_ADDL)?.unwrap_or(0);
    let ss = match v.flag(Col::Ss, &[0, 1, 2])? {
        Some(1) => SteadyState::Reset,
        Some(2) => SteadyState::Add,
        _ => SteadyState::No,
    };
    if addl > 0 && ii <= 0.0 {
        return Err(v.err(
            Col::Ii,
            format!("II must be > 0 when ADDL > 0 (ADDL = {addl})"),
        ));
    }
    if ss != SteadyState::No && ii <= 0.0 {
        return Err(v.err(Col::Ii, "a steady-state dose (SS = 1 or 2) needs II > 0"));
    }
    Ok(Dose {
        time,
        amount,
        cmt: v.cmt()?.unwrap_or(1),
        rate,
        duration,
        ii,
        addl,
        ss,
    })
}

fn below_lloq(v: &Values) -> Result<bool, NonmemCsvError> {
    let blq = v.flag(Col::Blq, &[0, 1])? == Some(1);
    let cens = match v.flag(Col::Cens, &[-1, 0, 1])? {
        Some(-1) => {
            return Err(v.err(
                Col::Cens,
                "CENS = -1 (above an upper limit) is not supported",
            ))
        }
        c => c == Some(1),
    };
    Ok(blq || cens)
}

fn observation(v: &Values, time: f64, opts: &Options) -> Result<Observation, NonmemCsvError> {
    let cmt = v.cmt()?.or(opts.observation_cmt).ok_or_else(|| {
        v.err(
            Col::Cmt,
            "missing on an observation, and no default observation compartment is known",
        )
    })?;
    let lloq = v.non_negative(Col::Lloq)?.filter(|l| *l > 0.0);
    let mdv = v.flag(Col::Mdv, &[0, 1])?;
    if mdv == Some(1) {
        return Ok(Observation {
            lloq,
            ..Observation::prediction(time, cmt)
        });
    }
    if below_lloq(v)? {
        let limit = lloq
            .or(v.get(Col::Dv).filter(|d| *d > 0.0))
            .ok_or_else(|| {
                v.err(
                    Col::Lloq,
                    "a BLQ sample needs its limit > 0 (an LLOQ column, or the limit in DV)",
                )
            })?;
        return Ok(Observation::below_lloq(time, cmt, limit));
    }
    match v.non_negative(Col::Dv)? {
        Some(dv) => Ok(Observation {
            lloq,
            ..Observation::measured(time, cmt, dv)
        }),
        None if mdv == Some(0) => Err(v.err(Col::Dv, "missing on an observation with MDV = 0")),
        None => Ok(Observation {
            lloq,
            ..Observation::prediction(time, cmt)
        }),
    }
}

fn classify(v: &Values, time: f64, opts: &Options) -> Result<Kind, NonmemCsvError> {
    Ok(match evid(v)? {
        1 => Kind::Dose(dose(v, time)?),
        2 => Kind::Other,
        _ => Kind::Observation(observation(v, time, opts)?),
    })
}

/// A subject being read, with what the row checks need.
struct Open {
    subject: Subject,
    points: BTreeMap<String, Vec<(f64, f64)>>,
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
        for (name, i) in &cols.covariates {
            if let Some(text) = record.get(*i).and_then(present) {
                let x = parse_number(text, line, name)?;
                self.points.entry(name.clone()).or_default().push((time, x));
            }
        }
        Ok(())
    }

    fn close(mut self) -> Subject {
        for (name, points) in self.points {
            if let Some(series) = CovariateSeries::new(points) {
                self.subject.covariates.insert(name, series);
            }
        }
        self.subject
    }
}

/// Reads a NONMEM-style CSV with default [`Options`].
pub fn read(bytes: &[u8]) -> Result<Vec<Subject>, NonmemCsvError> {
    read_with(bytes, &Options::default())
}

/// Reads a NONMEM-style CSV (any line ending; a UTF-8 BOM is allowed).
pub fn read_with(bytes: &[u8], opts: &Options) -> Result<Vec<Subject>, NonmemCsvError> {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(bytes);
    let header = reader.headers().map_err(|e| csv_error(&e, 1))?.clone();
    let cols = Columns::find(&header)?;
    let mut done: Vec<Subject> = Vec::new();
    let mut open: Option<Open> = None;
    for (i, record) in reader.records().enumerate() {
        let fallback = i as u64 + 2;
        let record = record.map_err(|e| csv_error(&e, fallback))?;
        let line = record.position().map_or(fallback, |p| p.line());
        let id = subject_id(&record, &cols, line)?;
        if open.as_ref().is_none_or(|o| o.subject.id != id) {
            if done.iter().any(|s| s.id == id) {
                return Err(field_error(line, "ID", format!("subject {id} appears again after other subjects; keep each subject's rows together")));
            }
            done.extend(open.take().map(Open::close));
            open = Some(Open::new(id));
        }
        if let Some(o) = open.as_mut() {
            read_row(o, &record, &cols, opts, line)?;
        }
    }
    done.extend(open.map(Open::close));
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
        | ObservationBeforeDose { record, .. } => Some(*record),
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

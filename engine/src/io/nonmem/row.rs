//! One row of a NONMEM-style CSV: the header's columns, the parsed known
//! fields, and what the row is (dose, observation or covariate-only).

use super::{NonmemCsvError, Options, MAX_ADDL};
use crate::dosing::events::{Dose, Observation, SteadyState};
use crate::io::header::{Header, HeaderError};

pub(super) fn field_error(line: u64, field: &str, message: impl Into<String>) -> NonmemCsvError {
    NonmemCsvError::Field {
        line,
        field: field.to_string(),
        message: message.into(),
    }
}

/// Known columns, in the order of [`NAMES`].
#[derive(Debug, Clone, Copy)]
pub(super) enum Col {
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
pub(super) struct Columns {
    pub known: [Option<usize>; NAMES.len()],
    pub covariates: Vec<(String, usize)>,
}

impl Columns {
    pub fn find(record: &csv::StringRecord) -> Result<Self, HeaderError> {
        let header = Header::read(record, "TIME and AMT or DV columns")?;
        let mut known = [None; NAMES.len()];
        let mut covariates = Vec::new();
        for (i, name) in header.names.iter().enumerate() {
            match NAMES.iter().position(|n| n == name) {
                Some(k) => known[k] = Some(i),
                None if !name.is_empty() => covariates.push((header.written[i].clone(), i)),
                None => {}
            }
        }
        if known[Col::Time as usize].is_none() {
            return Err(header.missing("TIME"));
        }
        if known[Col::Amt as usize].is_none() && known[Col::Dv as usize].is_none() {
            return Err(header.missing("AMT or DV"));
        }
        Ok(Columns { known, covariates })
    }
}

/// Missing-value convention: `.` or empty.
pub(super) fn present(text: &str) -> Option<&str> {
    (!text.is_empty() && text != ".").then_some(text)
}

pub(super) fn parse_number(text: &str, line: u64, field: &str) -> Result<f64, NonmemCsvError> {
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
pub(super) struct Values {
    pub line: u64,
    v: [Option<f64>; NAMES.len()],
}

impl Values {
    pub fn parse(
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

    pub fn err(&self, c: Col, message: impl Into<String>) -> NonmemCsvError {
        field_error(self.line, c.name(), message)
    }

    pub fn non_negative(&self, c: Col) -> Result<Option<f64>, NonmemCsvError> {
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
pub(super) enum Kind {
    Dose(Dose),
    Observation(Observation),
    /// EVID 3, at this time.
    Reset(f64),
    /// EVID 4: a reset, then the dose.
    ResetDose(Dose),
    Other,
}

fn evid(v: &Values) -> Result<i64, NonmemCsvError> {
    match v.flag(Col::Evid, &[0, 1, 2, 3, 4])? {
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

pub(super) fn classify(v: &Values, time: f64, opts: &Options) -> Result<Kind, NonmemCsvError> {
    Ok(match evid(v)? {
        1 => Kind::Dose(dose(v, time)?),
        2 => Kind::Other,
        3 => {
            if v.get(Col::Amt).is_some_and(|a| a != 0.0) {
                return Err(v.err(
                    Col::Amt,
                    "an EVID 3 row (reset) gives no dose; use EVID 4 to reset and dose",
                ));
            }
            Kind::Reset(time)
        }
        4 => Kind::ResetDose(dose(v, time)?),
        _ => Kind::Observation(observation(v, time, opts)?),
    })
}

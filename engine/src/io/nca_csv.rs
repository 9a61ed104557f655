//! TIME,DV profile CSV for NCA.
//!
//! - Header required; column names are case-insensitive, in any order; extra
//!   columns are ignored. `TIME` and `DV` are required; `ID` (subject) and
//!   `BLQ` (1 = below the limit of quantification, 0 or empty = not) are optional.
//! - DV: a number ≥ 0; `.` or empty = missing (row skipped, noted);
//!   `<x` (e.g. `<0.5`), `BLQ`, `BQL` = below the limit of quantification.
//! - Times must be finite, ≥ 0 and strictly increasing within a subject.
//! - Errors name the 1-based line of the file and the field.

use crate::io::header::{Header, HeaderError};
use crate::nca::{Conc, Sample};

/// One subject's samples, in file order. `id` is `None` when the file has no
/// ID column. `notes` lists what was skipped.
#[derive(Clone, Debug, PartialEq)]
pub struct Subject {
    pub id: Option<String>,
    pub samples: Vec<Sample>,
    pub notes: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum NcaCsvError {
    #[error(transparent)]
    Header(#[from] HeaderError),
    #[error("no data rows after the header")]
    NoRows,
    #[error("line {line}, field {field}: {message}")]
    Field {
        line: u64,
        field: &'static str,
        message: String,
    },
    #[error("line {line}: {message}")]
    Line { line: u64, message: String },
}

/// Column positions found in the header.
struct Columns {
    time: usize,
    dv: usize,
    id: Option<usize>,
    blq: Option<usize>,
}

impl Columns {
    fn find(record: &csv::StringRecord) -> Result<Self, HeaderError> {
        let header = Header::read(record, "TIME and DV columns")?;
        Ok(Self {
            time: header.required("TIME")?,
            dv: header.required("DV")?,
            id: header.position("ID"),
            blq: header.position("BLQ"),
        })
    }
}

/// Reads a profile CSV from bytes (any line ending; a UTF-8 BOM is allowed).
pub fn read(bytes: &[u8]) -> Result<Vec<Subject>, NcaCsvError> {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(bytes);
    let header = reader.headers().map_err(|e| csv_error(&e, 1))?.clone();
    let columns = Columns::find(&header)?;
    let mut subjects: Vec<Subject> = Vec::new();
    let mut last_time: Vec<Option<(f64, u64)>> = Vec::new();
    let mut rows = 0usize;
    for (i, record) in reader.records().enumerate() {
        // Fallback line number if csv has no position: header + data rows so far.
        let fallback = i as u64 + 2;
        let record = record.map_err(|e| csv_error(&e, fallback))?;
        let line = record.position().map_or(fallback, |p| p.line());
        rows += 1;
        let field = |idx: usize| record.get(idx).unwrap_or("");
        let id = columns.id.map(|c| parse_id(field(c), line)).transpose()?;
        let k = subject_index(&mut subjects, &mut last_time, id);
        let Some(conc) = parse_conc(field(columns.dv), columns.blq.map(field), line)? else {
            subjects[k]
                .notes
                .push(format!("line {line}: DV missing; row skipped"));
            continue;
        };
        let time = parse_time(field(columns.time), line)?;
        check_order(last_time[k], time, line)?;
        last_time[k] = Some((time, line));
        subjects[k].samples.push(Sample { time, conc });
    }
    if rows == 0 {
        return Err(NcaCsvError::NoRows);
    }
    Ok(subjects)
}

fn csv_error(e: &csv::Error, fallback: u64) -> NcaCsvError {
    let line = e.position().map_or(fallback, |p| p.line());
    let message = match e.kind() {
        csv::ErrorKind::Utf8 { .. } => "not valid UTF-8 text".to_string(),
        _ => e.to_string(),
    };
    NcaCsvError::Line { line, message }
}

fn subject_index(
    subjects: &mut Vec<Subject>,
    last_time: &mut Vec<Option<(f64, u64)>>,
    id: Option<String>,
) -> usize {
    if let Some(k) = subjects.iter().position(|s| s.id == id) {
        return k;
    }
    subjects.push(Subject {
        id,
        samples: Vec::new(),
        notes: Vec::new(),
    });
    last_time.push(None);
    subjects.len() - 1
}

fn parse_id(text: &str, line: u64) -> Result<String, NcaCsvError> {
    if text.is_empty() {
        return Err(field_error(line, "ID", "empty subject ID".into()));
    }
    Ok(text.to_string())
}

fn field_error(line: u64, field: &'static str, message: String) -> NcaCsvError {
    NcaCsvError::Field {
        line,
        field,
        message,
    }
}

/// A finite number ≥ 0.
fn parse_number(text: &str, line: u64, field: &'static str) -> Result<f64, NcaCsvError> {
    let value: f64 = text
        .parse()
        .map_err(|_| field_error(line, field, format!("'{text}' is not a number")))?;
    if !value.is_finite() {
        return Err(field_error(line, field, format!("'{text}' is not finite")));
    }
    if value < 0.0 {
        return Err(field_error(line, field, format!("{value} is negative")));
    }
    Ok(value)
}

fn parse_time(text: &str, line: u64) -> Result<f64, NcaCsvError> {
    if text.is_empty() || text == "." {
        return Err(field_error(line, "TIME", "missing".into()));
    }
    parse_number(text, line, "TIME")
}

/// `None` for a missing DV.
fn parse_conc(dv: &str, blq: Option<&str>, line: u64) -> Result<Option<Conc>, NcaCsvError> {
    match blq.unwrap_or("") {
        "" | "0" => {}
        "1" => return Ok(Some(Conc::Blq)),
        other => {
            return Err(field_error(
                line,
                "BLQ",
                format!("'{other}' must be 1 (BLQ), 0 or empty"),
            ))
        }
    }
    if dv.is_empty() || dv == "." {
        return Ok(None);
    }
    let upper = dv.to_ascii_uppercase();
    if upper == "BLQ" || upper == "BQL" {
        return Ok(Some(Conc::Blq));
    }
    if let Some(limit) = dv.strip_prefix('<') {
        let limit = limit.trim();
        if limit.eq_ignore_ascii_case("LLOQ") {
            return Ok(Some(Conc::Blq));
        }
        parse_number(limit, line, "DV")?;
        return Ok(Some(Conc::Blq));
    }
    parse_number(dv, line, "DV").map(|c| Some(Conc::Measured(c)))
}

fn check_order(previous: Option<(f64, u64)>, time: f64, line: u64) -> Result<(), NcaCsvError> {
    match previous {
        Some((p, pline)) if time == p => Err(field_error(
            line,
            "TIME",
            format!("duplicate time {time} (also on line {pline}) for this subject"),
        )),
        Some((p, pline)) if time < p => Err(field_error(
            line,
            "TIME",
            format!("time {time} is before {p} on line {pline}; sort times within each subject"),
        )),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(text: &str) -> String {
        match read(text.as_bytes()) {
            Ok(s) => panic!("expected an error, got {s:?}"),
            Err(e) => e.to_string(),
        }
    }

    #[test]
    fn reads_any_order_case_and_extra_columns() {
        let s = read(b"dv,Note,time\n1.5,a,0\n.,b,1\n<0.5,c,2\n3,d,4\n").unwrap();
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].id, None);
        assert_eq!(
            s[0].samples,
            vec![
                Sample::measured(0.0, 1.5),
                Sample {
                    time: 2.0,
                    conc: Conc::Blq
                },
                Sample::measured(4.0, 3.0),
            ]
        );
        assert_eq!(s[0].notes, vec!["line 3: DV missing; row skipped"]);
    }

    #[test]
    fn groups_by_id_and_reads_a_blq_column() {
        let s = read(b"ID,TIME,DV,BLQ\n1,0,5,0\n2,0,7,\n1,1,0.2,1\n2,1,3,0\n").unwrap();
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].id.as_deref(), Some("1"));
        assert_eq!(s[0].samples[1].conc, Conc::Blq);
        assert_eq!(
            s[1].samples,
            vec![Sample::measured(0.0, 7.0), Sample::measured(1.0, 3.0)]
        );
    }

    #[test]
    fn errors_name_line_and_field() {
        assert_eq!(
            err(""),
            "empty file: expected a header line with TIME and DV columns"
        );
        assert_eq!(err("TIME,DV\n"), "no data rows after the header");
        assert_eq!(
            err("TIME,CONC\n0,1\n"),
            "line 1: missing column DV (header has: TIME,CONC)"
        );
        assert_eq!(
            err("TIME,DV\n0,1\n1,-2\n"),
            "line 3, field DV: -2 is negative"
        );
        assert_eq!(
            err("TIME,DV\n0,1\nx,2\n"),
            "line 3, field TIME: 'x' is not a number"
        );
        assert_eq!(
            err("TIME,DV\n0,1\n1,NaN\n"),
            "line 3, field DV: 'NaN' is not finite"
        );
        assert_eq!(
            err("TIME,DV\n0,1\ninf,2\n"),
            "line 3, field TIME: 'inf' is not finite"
        );
        assert_eq!(
            err("TIME,DV\n0,1\n2,1\n2,3\n"),
            "line 4, field TIME: duplicate time 2 (also on line 3) for this subject"
        );
        assert_eq!(
            err("TIME,DV\n0,1\n2,1\n1,3\n"),
            "line 4, field TIME: time 1 is before 2 on line 3; sort times within each subject"
        );
        assert_eq!(
            err("TIME,DV,BLQ\n0,1,yes\n"),
            "line 2, field BLQ: 'yes' must be 1 (BLQ), 0 or empty"
        );
        assert_eq!(
            err("TIME,DV,time\n0,1,2\n"),
            "line 1: column TIME appears more than once"
        );
        assert_eq!(err("TIME,DV\n0,1\n,2\n"), "line 3, field TIME: missing");
    }

    #[test]
    fn never_panics_on_odd_bytes() {
        for input in [
            &b"\xff\xfe\x00"[..],
            b"TIME,DV\n\xff,1\n",
            b"\xef\xbb\xbfTIME,DV\n0,1\n",
            b"TIME,DV\n0\n",
            b"TIME,DV\n\"0,1\n",
            b",,,\n,,\n",
        ] {
            let _ = read(input);
        }
        assert!(
            read(b"\xef\xbb\xbfTIME,DV\n0,1\n").is_ok(),
            "a UTF-8 BOM is allowed"
        );
    }
}

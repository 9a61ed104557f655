//! A CSV file's header line, as both readers (NONMEM events, NCA profiles)
//! take it: names trimmed, a UTF-8 byte-order mark dropped, compared
//! without case; a name written twice is refused (the file would be
//! ambiguous), and so is a header with no name at all.

/// What is wrong with a header.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum HeaderError {
    /// No name at all; `expected` says what the reader needs.
    #[error("empty file: expected a header line with {expected}")]
    Empty { expected: &'static str },
    #[error("line 1: missing column {column} (header has: {header})")]
    MissingColumn {
        column: &'static str,
        header: String,
    },
    #[error("line 1: column {0} appears more than once")]
    DuplicateColumn(String),
}

/// The header's names, in file order.
#[derive(Debug, Clone)]
pub struct Header {
    /// As written (trimmed, without the byte-order mark).
    pub written: Vec<String>,
    /// Upper case, for matching.
    pub names: Vec<String>,
    /// The line as read, for messages.
    line: String,
}

impl Header {
    /// Reads `record`; `expected` names the columns a reader needs (for
    /// the message of an empty header).
    pub fn read(record: &csv::StringRecord, expected: &'static str) -> Result<Self, HeaderError> {
        let written: Vec<String> = record
            .iter()
            .map(|h| h.trim().trim_start_matches('\u{feff}').to_owned())
            .collect();
        let names: Vec<String> = written.iter().map(|h| h.to_ascii_uppercase()).collect();
        if names.iter().all(String::is_empty) {
            return Err(HeaderError::Empty { expected });
        }
        for (i, name) in names.iter().enumerate() {
            if !name.is_empty() && names[..i].contains(name) {
                return Err(HeaderError::DuplicateColumn(name.clone()));
            }
        }
        Ok(Self {
            written,
            names,
            line: record.iter().collect::<Vec<_>>().join(","),
        })
    }

    /// Where the column `name` (upper case) sits, if present.
    pub fn position(&self, name: &str) -> Option<usize> {
        self.names.iter().position(|n| n == name)
    }

    /// The column `column` (upper case), or the error that names it.
    pub fn required(&self, column: &'static str) -> Result<usize, HeaderError> {
        self.position(column).ok_or_else(|| self.missing(column))
    }

    /// The error for a missing `column` (a description, e.g. "AMT or DV").
    pub fn missing(&self, column: &'static str) -> HeaderError {
        HeaderError::MissingColumn {
            column,
            header: self.line.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(line: &str) -> Result<Header, HeaderError> {
        let record = csv::StringRecord::from(line.split(',').collect::<Vec<_>>());
        Header::read(&record, "TIME and DV columns")
    }

    #[test]
    fn names_are_trimmed_compared_without_case_and_found() {
        let h = header("\u{feff}id, Time ,dv,WT").expect("a header");
        assert_eq!(h.written, ["id", "Time", "dv", "WT"]);
        assert_eq!(h.position("TIME"), Some(1));
        assert_eq!(h.required("DV"), Ok(2));
        assert_eq!(
            h.required("AMT").map_err(|e| e.to_string()),
            Err("line 1: missing column AMT (header has: \u{feff}id, Time ,dv,WT)".into())
        );
    }

    #[test]
    fn an_empty_or_repeated_header_is_refused_with_its_reason() {
        assert_eq!(
            header(" , ").map_err(|e| e.to_string()).err(),
            Some("empty file: expected a header line with TIME and DV columns".into())
        );
        assert_eq!(
            header("TIME,DV,time").err(),
            Some(HeaderError::DuplicateColumn("TIME".into()))
        );
        // Empty names may repeat (trailing commas).
        assert!(header("TIME,DV,,").is_ok());
    }
}

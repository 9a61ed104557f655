//! Three-way merge of a record edited in two places (two browser tabs):
//! `base` is the revision this tab opened, `mine` this tab's edit, `theirs`
//! what is stored now. Field by field: a field changed on one side only
//! takes that side; changed on both sides to different values it is a
//! [`Conflict`] that names the field, and the stored value (`theirs`) is
//! kept — an edit is never overwritten silently, the caller says which of
//! the user's values was not saved.
//!
//! Rows (doses, levels, co-medications, prednisolone, …) are matched by
//! their key ([`row_key`]): a row added on either side is kept (added on
//! both sides under one key with different contents, both are kept); a row
//! deleted on one side and untouched on the other is deleted; a row deleted
//! on one side and changed on the other is a conflict (the stored side
//! wins).

use super::{PatientRecord, RecordError};
use serde_json::{Map, Value};
use std::fmt;

/// One step of a path into the record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Seg {
    /// A field, by its name in the record format (`weight_kg`).
    Field(String),
    /// A row of a list, by its key (a dose's start, a drug's name).
    Row(String),
}

/// A field changed on both sides to different values. The merged record
/// holds `theirs` (what was stored); `mine` was not saved.
#[derive(Debug, Clone, PartialEq)]
pub struct Conflict {
    pub path: Vec<Seg>,
    /// This side's value (`None`: absent or the row deleted here).
    pub mine: Option<Value>,
    /// The stored value, kept (`None`: absent or the row deleted there).
    pub theirs: Option<Value>,
}

impl Conflict {
    /// The name of the field in conflict (the last field of the path,
    /// e.g. `weight_kg`; for a whole row, the list's name, e.g. `doses`).
    pub fn field(&self) -> &str {
        self.path
            .iter()
            .rev()
            .find_map(|s| match s {
                Seg::Field(f) => Some(f.as_str()),
                Seg::Row(_) => None,
            })
            .unwrap_or("")
    }

    /// The key of the row the field belongs to, if any.
    pub fn row(&self) -> Option<&str> {
        self.path.iter().rev().find_map(|s| match s {
            Seg::Row(k) => Some(k.as_str()),
            Seg::Field(_) => None,
        })
    }

    /// Whether the conflict is on a whole row (deleted on one side).
    pub fn whole_row(&self) -> bool {
        matches!(self.path.last(), Some(Seg::Row(_)))
    }
}

impl fmt::Display for Conflict {
    /// The path as text: `tacrolimus.doses[2026-12-01T08:00:00+09:00].amount_mg`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, s) in self.path.iter().enumerate() {
            match s {
                Seg::Field(n) if i == 0 => write!(f, "{n}")?,
                Seg::Field(n) => write!(f, ".{n}")?,
                Seg::Row(k) => write!(f, "[{k}]")?,
            }
        }
        Ok(())
    }
}

/// A value as a person reads it: numbers and text as they are, an absent
/// value as "—", anything else as compact JSON.
pub fn shown(v: Option<&Value>) -> String {
    match v {
        None | Some(Value::Null) => "—".into(),
        Some(Value::String(s)) => s.clone(),
        Some(other) => other.to_string(),
    }
}

/// The merged record and what could not be merged.
#[derive(Debug, Clone, PartialEq)]
pub struct Merged {
    pub record: PatientRecord,
    pub conflicts: Vec<Conflict>,
}

/// Merges `mine` and `theirs`, both edited from `base` (see the module).
pub fn merge(
    base: &PatientRecord,
    mine: &PatientRecord,
    theirs: &PatientRecord,
) -> Result<Merged, RecordError> {
    // Through the record's text form (`write`, as stored): no second serde
    // path for the record's types, so the app's wasm stays small.
    let value = |r: &PatientRecord| {
        serde_json::from_str::<Value>(&super::write(r))
            .map_err(|e| RecordError::NotARecord(e.to_string()))
    };
    let (b, m, t) = (value(base)?, value(mine)?, value(theirs)?);
    let mut conflicts = Vec::new();
    let merged = merge_value(
        Some(&b),
        Some(&m),
        Some(&t),
        &mut Vec::new(),
        &mut conflicts,
    )
    .unwrap_or(Value::Null);
    let record =
        serde_json::from_value(merged).map_err(|e| RecordError::NotARecord(e.to_string()))?;
    Ok(Merged { record, conflicts })
}

/// The fields that identify a row of the list named `list`; `None`: the
/// whole row is its key (an edit is a deletion and an addition).
pub fn row_key(list: &str) -> Option<&'static [&'static str]> {
    Some(match list {
        "doses" | "prednisolone" => &["start"],
        "dose_changes" => &["scheduled"],
        "levels" => &["sampled"],
        "comedications" => &["name"],
        "labs" => &["analyte", "date"],
        _ => return None,
    })
}

fn merge_value(
    base: Option<&Value>,
    mine: Option<&Value>,
    theirs: Option<&Value>,
    path: &mut Vec<Seg>,
    conflicts: &mut Vec<Conflict>,
) -> Option<Value> {
    if mine == theirs || base == theirs {
        return mine.cloned();
    }
    if base == mine {
        return theirs.cloned();
    }
    match (mine, theirs) {
        (Some(Value::Object(m)), Some(Value::Object(t))) => {
            let b = base.and_then(Value::as_object);
            Some(Value::Object(merge_object(b, m, t, path, conflicts)))
        }
        (Some(Value::Array(m)), Some(Value::Array(t))) => {
            let empty = Vec::new();
            let b = base.and_then(Value::as_array).unwrap_or(&empty);
            let list = match path.last() {
                Some(Seg::Field(f)) => f.clone(),
                _ => String::new(),
            };
            Some(Value::Array(merge_rows(&list, b, m, t, path, conflicts)))
        }
        _ => {
            conflicts.push(Conflict {
                path: path.clone(),
                mine: mine.cloned(),
                theirs: theirs.cloned(),
            });
            theirs.cloned()
        }
    }
}

fn merge_object(
    base: Option<&Map<String, Value>>,
    mine: &Map<String, Value>,
    theirs: &Map<String, Value>,
    path: &mut Vec<Seg>,
    conflicts: &mut Vec<Conflict>,
) -> Map<String, Value> {
    let mut keys: Vec<&String> = mine.keys().chain(theirs.keys()).collect();
    keys.sort();
    keys.dedup();
    let mut out = Map::new();
    for k in keys {
        path.push(Seg::Field(k.clone()));
        let b = base.and_then(|b| b.get(k));
        if let Some(v) = merge_value(b, mine.get(k), theirs.get(k), path, conflicts) {
            out.insert(k.clone(), v);
        }
        path.pop();
    }
    out
}

/// Each row with its key: the key fields (or the whole row) as text, and
/// the occurrence of that key (two rows may share a start).
fn keyed<'a>(list: &str, rows: &'a [Value]) -> Vec<((String, usize), &'a Value)> {
    let mut out: Vec<((String, usize), &Value)> = Vec::new();
    for row in rows {
        let text = match row_key(list) {
            Some(fields) => fields
                .iter()
                .map(|f| shown(row.get(f)))
                .collect::<Vec<_>>()
                .join(" "),
            None => row.to_string(),
        };
        let n = out.iter().filter(|((k, _), _)| *k == text).count();
        out.push(((text, n), row));
    }
    out
}

fn merge_rows(
    list: &str,
    base: &[Value],
    mine: &[Value],
    theirs: &[Value],
    path: &mut Vec<Seg>,
    conflicts: &mut Vec<Conflict>,
) -> Vec<Value> {
    let (b, m, t) = (keyed(list, base), keyed(list, mine), keyed(list, theirs));
    let find = |rows: &[((String, usize), &'_ Value)], k: &(String, usize)| {
        rows.iter()
            .find(|(key, _)| key == k)
            .map(|(_, v)| (*v).clone())
    };
    let mut out = Vec::new();
    // This side's rows, in this side's order.
    for (k, mv) in &m {
        let (bv, tv) = (find(&b, k), find(&t, k));
        path.push(Seg::Row(k.0.clone()));
        match (bv, tv) {
            // Added on both sides, different: both kept (below for theirs).
            (None, Some(tv)) if tv != **mv => out.push((*mv).clone()),
            (bv, Some(tv)) => {
                if let Some(v) = merge_value(bv.as_ref(), Some(mv), Some(&tv), path, conflicts) {
                    out.push(v);
                }
            }
            // Added here.
            (None, None) => out.push((*mv).clone()),
            // Deleted there: gone, unless changed here (a conflict).
            (Some(bv), None) => {
                if bv != **mv {
                    conflicts.push(Conflict {
                        path: path.clone(),
                        mine: Some((*mv).clone()),
                        theirs: None,
                    });
                }
            }
        }
        path.pop();
    }
    // Rows only there.
    for (k, tv) in &t {
        let (bv, mv) = (find(&b, k), find(&m, k));
        match (bv, mv) {
            // Added there (or added on both sides, different).
            (None, None) => out.push((*tv).clone()),
            (None, Some(mv)) if mv != **tv => out.push((*tv).clone()),
            // Deleted here: gone, unless changed there (kept, a conflict).
            (Some(bv), None) if bv != **tv => {
                path.push(Seg::Row(k.0.clone()));
                conflicts.push(Conflict {
                    path: path.clone(),
                    mine: None,
                    theirs: Some((*tv).clone()),
                });
                path.pop();
                out.push((*tv).clone());
            }
            _ => {}
        }
    }
    out
}

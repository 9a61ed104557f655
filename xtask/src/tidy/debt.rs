//! The debt list of the tidy: per rule and file, how many findings the tree
//! still has. A file over its count fails with its findings listed; a file
//! under its count fails with the count to write (so the list stays true);
//! a file not listed may have none.

use super::{Finding, Rule};
use crate::cmd::Result;
use std::collections::BTreeMap;

/// Where the list lives, relative to the root.
pub const FILE: &str = "xtask/tidy-debt.txt";

/// (rule, file) → findings allowed.
pub type Allowed = BTreeMap<(Rule, String), usize>;

/// Reads `rule path count` lines; `#` starts a comment.
pub fn parse(text: &str) -> Result<Allowed> {
    let mut allowed = Allowed::new();
    for (i, raw) in text.lines().enumerate() {
        let line = raw.split('#').next().unwrap_or("").trim();
        if line.is_empty() {
            continue;
        }
        let at = || format!("{FILE}:{}", i + 1);
        let fields: Vec<&str> = line.split_whitespace().collect();
        let [rule, path, count] = fields[..] else {
            return Err(format!(
                "{}: expected `rule path count`, found `{line}`",
                at()
            ));
        };
        let rule =
            Rule::from_name(rule).ok_or_else(|| format!("{}: unknown rule `{rule}`", at()))?;
        let count: usize = count
            .parse()
            .map_err(|_| format!("{}: `{count}` is not a count", at()))?;
        if allowed.insert((rule, path.to_owned()), count).is_some() {
            return Err(format!("{}: {} {path} listed twice", at(), rule.name()));
        }
    }
    Ok(allowed)
}

/// What the tidy found against the list.
#[derive(Debug, Default)]
pub struct Verdict {
    /// One line per problem (a finding over the count, a count to lower).
    pub problems: Vec<String>,
    /// Findings within their counts.
    pub owed: usize,
}

pub fn judge(findings: &[Finding], allowed: &Allowed) -> Verdict {
    let mut by_file: BTreeMap<(Rule, String), Vec<&Finding>> = BTreeMap::new();
    for f in findings {
        by_file.entry((f.rule, f.path.clone())).or_default().push(f);
    }
    let mut verdict = Verdict::default();
    for (key, found) in &by_file {
        let limit = allowed.get(key).copied().unwrap_or(0);
        if found.len() > limit {
            verdict.problems.extend(found.iter().map(|f| f.to_string()));
            if limit > 0 {
                verdict.problems.push(format!(
                    "{}: {} has {} finding(s), over its count {limit} in {FILE}",
                    key.1,
                    key.0.name(),
                    found.len()
                ));
            }
        } else {
            verdict.owed += found.len();
            if found.len() < limit {
                verdict.problems.push(lower(key, found.len(), limit));
            }
        }
    }
    for (key, &limit) in allowed {
        if limit > 0 && !by_file.contains_key(key) {
            verdict.problems.push(lower(key, 0, limit));
        }
    }
    verdict
}

fn lower((rule, path): &(Rule, String), now: usize, limit: usize) -> String {
    format!(
        "{path}: {} has {now} finding(s), fewer than its count {limit}: write {now} in {FILE} (remove the line at 0)",
        rule.name()
    )
}

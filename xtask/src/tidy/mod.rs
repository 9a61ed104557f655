//! `cargo xtask tidy`: the project's structural rules, executable. Each rule
//! reads the sources as Rust (`syn`), not as text, and a failing rule names
//! the file and line:
//!
//! | rule | what it asks |
//! |---|---|
//! | `engine-web` | the engine depends on no web crate and names none |
//! | `module-doc` | every Rust file opens with a `//!` module comment |
//! | `japanese-literal` | Japanese string literals only in the text homes |
//! | `wildcard-translation` | no `_ =>` (or catch-all binding) arm in a match that translates (an arm gives a Japanese string) |
//! | `effect-writes` | an `Effect` writes a signal only in the canvas, storage and timer files |
//! | `uncited-number` | every number of `engine/src/clinical` has its source beside it; every model file names its citation |
//! | `widget-imports-feature` | a widget (`src/widgets/`) imports no feature module (`*_ui`, `screens`, `panels`) |
//! | `internal-reference` | no "issue N" or `shared/…` in the sources: say what it means, or cite the publication |
//!
//! What the tree does not yet meet is written, per rule and file, with a
//! count, in `xtask/tidy-debt.txt`: a file may not grow past its count, and
//! a count the file has come under must be lowered (the list stays true).
//! A file not listed may have no finding at all.

mod debt;
mod rules;
mod syntax;
#[cfg(test)]
mod tests;

use crate::cmd::{root, Result};
use std::fmt;
use std::fs;
use std::path::Path;

/// One rule of the tidy.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Rule {
    EngineWeb,
    ModuleDoc,
    JapaneseLiteral,
    WildcardTranslation,
    EffectWrites,
    UncitedNumber,
    InternalReference,
    WidgetImportsFeature,
}

impl Rule {
    pub const ALL: [Rule; 8] = [
        Rule::EngineWeb,
        Rule::ModuleDoc,
        Rule::JapaneseLiteral,
        Rule::WildcardTranslation,
        Rule::EffectWrites,
        Rule::UncitedNumber,
        Rule::InternalReference,
        Rule::WidgetImportsFeature,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Rule::EngineWeb => "engine-web",
            Rule::ModuleDoc => "module-doc",
            Rule::JapaneseLiteral => "japanese-literal",
            Rule::WildcardTranslation => "wildcard-translation",
            Rule::EffectWrites => "effect-writes",
            Rule::UncitedNumber => "uncited-number",
            Rule::InternalReference => "internal-reference",
            Rule::WidgetImportsFeature => "widget-imports-feature",
        }
    }

    pub fn from_name(name: &str) -> Option<Rule> {
        Rule::ALL.into_iter().find(|r| r.name() == name)
    }
}

/// A place where a rule is not met.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub rule: Rule,
    /// The file, relative to the project's root, with `/`.
    pub path: String,
    /// 1-based.
    pub line: usize,
    pub message: String,
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}: {}: {}",
            self.path,
            self.line,
            self.rule.name(),
            self.message
        )
    }
}

/// The folders whose files the tidy reads (relative to the root).
const FOLDERS: [&str; 7] = [
    "src",
    "tests",
    "engine/src",
    "engine/tests",
    "engine/benches",
    "engine/models",
    "xtask/src",
];

/// Every finding of the tree under `root`.
pub fn check_tree(root: &Path) -> Result<Vec<Finding>> {
    let mut files = Vec::new();
    for folder in FOLDERS {
        collect(&root.join(folder), &mut files)?;
    }
    files.sort();
    let mut findings = Vec::new();
    for file in &files {
        let rel = file
            .strip_prefix(root)
            .map_err(|e| format!("{}: {e}", file.display()))?
            .to_string_lossy()
            .replace('\\', "/");
        let text = fs::read_to_string(file).map_err(|e| format!("{rel}: {e}"))?;
        findings.extend(rules::check_file(&rel, &text));
    }
    let manifest = "engine/Cargo.toml";
    let text = fs::read_to_string(root.join(manifest)).map_err(|e| format!("{manifest}: {e}"))?;
    findings.extend(rules::engine_manifest(manifest, &text));
    Ok(findings)
}

fn collect(dir: &Path, out: &mut Vec<std::path::PathBuf>) -> Result {
    let entries = match fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(format!("{}: {e}", dir.display())),
    };
    for entry in entries {
        let path = entry.map_err(|e| format!("{}: {e}", dir.display()))?.path();
        if path.is_dir() {
            collect(&path, out)?;
        } else if matches!(
            path.extension().and_then(|e| e.to_str()),
            Some("rs" | "toml")
        ) {
            out.push(path);
        }
    }
    Ok(())
}

/// `cargo xtask tidy`.
pub fn main() -> Result {
    let root = root();
    let findings = check_tree(&root)?;
    let debt_file = root.join(debt::FILE);
    let text = fs::read_to_string(&debt_file).map_err(|e| format!("{}: {e}", debt::FILE))?;
    let allowed = debt::parse(&text)?;
    let verdict = debt::judge(&findings, &allowed);
    for line in &verdict.problems {
        eprintln!("{line}");
    }
    eprintln!(
        "tidy: {} finding(s) in {} file(s) written as debt in {}; {} problem(s)",
        verdict.owed,
        allowed.len(),
        debt::FILE,
        verdict.problems.len()
    );
    if verdict.problems.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "tidy: {} problem(s), listed above",
            verdict.problems.len()
        ))
    }
}

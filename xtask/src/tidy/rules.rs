//! Which rule applies to which file, the text rules (module comment, model
//! file citation, the engine's manifest) and the scopes of the syntax rules.

use super::syntax::{self, Scope};
use super::{Finding, Rule};

/// Crates that belong to the browser, never to the engine.
pub const WEB_CRATES: [&str; 10] = [
    "wasm-bindgen",
    "wasm-bindgen-futures",
    "web-sys",
    "js-sys",
    "leptos",
    "gloo",
    "plotters-canvas",
    "console_error_panic_hook",
    "serde-wasm-bindgen",
    "wasm-bindgen-test",
];

/// Where Japanese text lives: the app's translation tables (the screens'
/// words), the engine's bilingual home (its gaps, notes, names and errors),
/// and the engine's data that is Japanese by nature (drug names and label
/// wording the interaction matcher reads; titles of Japanese sources).
pub const JAPANESE_HOMES: [&str; 4] = [
    "src/i18n/",
    "engine/src/text/",
    "engine/src/clinical/interactions/",
    "engine/src/clinical/sources.rs",
];

/// Files whose `Effect`s may write signals: the canvas, storage and timers.
pub const EFFECT_HOMES: [&str; 3] = ["src/plot/", "src/storage/", "src/widgets/timer"];

/// Test code: held to the module comment only.
pub fn is_test_file(rel: &str) -> bool {
    let name = rel.rsplit('/').next().unwrap_or(rel);
    rel.starts_with("tests/")
        || rel.starts_with("engine/tests/")
        || rel.starts_with("engine/benches/")
        || name == "tests.rs"
        || name.ends_with("_tests.rs")
}

fn under(rel: &str, homes: &[&str]) -> bool {
    homes.iter().any(|h| rel.starts_with(h))
}

/// The findings of one file (Rust or a model file).
pub fn check_file(rel: &str, text: &str) -> Vec<Finding> {
    let mut findings = internal_references(rel, text);
    if rel.ends_with(".toml") {
        if rel.starts_with("engine/models/") {
            findings.extend(model_citation(rel, text));
        }
        return findings;
    }
    findings.extend(module_doc(rel, text));
    let app_or_engine = rel.starts_with("src/") || rel.starts_with("engine/src/");
    let test = is_test_file(rel);
    let scope = Scope {
        japanese: app_or_engine && !test && !under(rel, &JAPANESE_HOMES),
        wildcard: app_or_engine && !test,
        effects: rel.starts_with("src/") && !test && !under(rel, &EFFECT_HOMES),
        web: rel.starts_with("engine/src/"),
        numbers: rel.starts_with("engine/src/clinical/") && !test,
        widget: rel.starts_with("src/widgets/"),
    };
    if scope.any() {
        match syn::parse_file(text) {
            Ok(file) => findings.extend(syntax::check(rel, text, &file, scope)),
            Err(e) => findings.push(Finding {
                rule: Rule::ModuleDoc,
                path: rel.to_owned(),
                line: e.span().start().line,
                message: format!("not read as Rust: {e}"),
            }),
        }
    }
    findings
}

/// `internal-reference`: a comment that points at an issue number or at
/// the packs outside the repository (`shared/…`), which a reader of the
/// repository cannot follow. (Code may read reference data from there; the
/// tidy's own rules and tests name the patterns.)
pub fn internal_references(rel: &str, text: &str) -> Vec<Finding> {
    let mut findings = Vec::new();
    if rel.starts_with("xtask/src/tidy/") {
        return findings;
    }
    let mark = if rel.ends_with(".toml") { "#" } else { "//" };
    for (i, line) in text.lines().enumerate() {
        let Some(at) = line.find(mark) else {
            continue;
        };
        let comment = &line[at..];
        let lower = comment.to_lowercase();
        let issue = lower.match_indices("issue").any(|(at, _)| {
            let rest = lower[at + 5..].trim_start_matches([' ', '#']);
            rest.starts_with(|c: char| c.is_ascii_digit())
        });
        if issue || comment.contains("shared/") {
            findings.push(Finding {
                rule: Rule::InternalReference,
                path: rel.to_owned(),
                line: i + 1,
                message: "an issue number or a `shared/` path: say what it means, or cite the publication".into(),
            });
        }
    }
    findings
}

/// `module-doc`: the first line that is not blank opens with `//!`.
pub fn module_doc(rel: &str, text: &str) -> Vec<Finding> {
    match text.lines().enumerate().find(|(_, l)| !l.trim().is_empty()) {
        Some((_, l)) if l.trim_start().starts_with("//!") => Vec::new(),
        found => vec![Finding {
            rule: Rule::ModuleDoc,
            path: rel.to_owned(),
            line: found.map_or(1, |(i, _)| i + 1),
            message: "the file does not open with a `//!` comment saying what it holds".into(),
        }],
    }
}

/// `uncited-number` for a model file: its numbers are the citation's, so
/// the file must name it (`citation = "…"`, not empty).
pub fn model_citation(rel: &str, text: &str) -> Vec<Finding> {
    let cited = text.lines().any(|l| {
        let l = l.trim();
        l.strip_prefix("citation")
            .map(|rest| rest.trim_start().starts_with('=') && rest.trim().len() > 4)
            .unwrap_or(false)
    });
    if cited {
        Vec::new()
    } else {
        vec![Finding {
            rule: Rule::UncitedNumber,
            path: rel.to_owned(),
            line: 1,
            message: "a model file without `citation = \"…\"`: its numbers have no source".into(),
        }]
    }
}

/// `engine-web` for the engine's manifest: no web crate in any dependency
/// table (plain, dev, build, or per target).
pub fn engine_manifest(rel: &str, text: &str) -> Vec<Finding> {
    let table: toml::Table = match text.parse() {
        Ok(t) => t,
        Err(e) => {
            return vec![Finding {
                rule: Rule::EngineWeb,
                path: rel.to_owned(),
                line: 1,
                message: format!("not read as TOML: {e}"),
            }]
        }
    };
    let mut tables: Vec<&toml::Table> = Vec::new();
    tables.extend(deps(&table));
    if let Some(targets) = table.get("target").and_then(|v| v.as_table()) {
        for t in targets.values().filter_map(|v| v.as_table()) {
            tables.extend(deps(t));
        }
    }
    let mut findings = Vec::new();
    for t in tables {
        for (key, value) in t {
            let name = value
                .get("package")
                .and_then(|p| p.as_str())
                .unwrap_or(key.as_str());
            if WEB_CRATES.contains(&name) || name.starts_with("gloo-") {
                let line = text
                    .lines()
                    .position(|l| l.trim_start().starts_with(key.as_str()))
                    .map_or(1, |i| i + 1);
                findings.push(Finding {
                    rule: Rule::EngineWeb,
                    path: rel.to_owned(),
                    line,
                    message: format!("the engine depends on `{name}`, a web crate"),
                });
            }
        }
    }
    findings
}

fn deps(t: &toml::Table) -> Vec<&toml::Table> {
    ["dependencies", "dev-dependencies", "build-dependencies"]
        .iter()
        .filter_map(|k| t.get(*k).and_then(|v| v.as_table()))
        .collect()
}

/// Whether a comment or doc text cites: a verification tag, a section, a
/// year, a label or a guideline; or declares the number not clinical (a
/// unit's definition, a plausibility limit, a heuristic of this project).
pub fn cites(text: &str) -> bool {
    const MARKS: [&str; 13] = [
        "[V",
        "§",
        "label",
        "Label",
        "添付文書",
        "guideline",
        "Guideline",
        "et al",
        "efinition",
        "lausib",
        "euristic",
        "not clinical",
        "not a clinical",
    ];
    MARKS.iter().any(|m| text.contains(m)) || has_year(text)
}

fn has_year(text: &str) -> bool {
    let b = text.as_bytes();
    b.windows(4).enumerate().any(|(i, w)| {
        let digits = w.iter().all(u8::is_ascii_digit);
        let century = w.starts_with(b"19") || w.starts_with(b"20");
        let alone = (i == 0 || !b[i - 1].is_ascii_alphanumeric())
            && b.get(i + 4).is_none_or(|c| !c.is_ascii_alphanumeric());
        digits && century && alone
    })
}

/// Whether `c` is Japanese (kana, kanji, Japanese punctuation, full width).
pub fn is_japanese(c: char) -> bool {
    matches!(c as u32,
        0x3000..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xFF00..=0xFFEF)
}

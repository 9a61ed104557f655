//! `docs/sources.md`, every source the engine cites with its full citation,
//! is generated from the engine itself (the clinical sources, the model
//! files, the limited-sampling equations, the DM/PM-IP cohorts) and must
//! match it: a source added or reworded without the document fails here.
//! `DMIP_WRITE_DOCS=1 cargo test -p dmip-engine --test sources_doc` writes it.

use dmip_engine::catalog::{builtin, builtin_ids};
use dmip_engine::clinical::Source;
use dmip_engine::lss;
use dmip_engine::tdm::cohorts::COHORTS;
use std::fmt::Write as _;
use std::path::PathBuf;

fn document() -> String {
    let mut md = String::from(
        "# Sources\n\n\
         Every source the engine cites, with its full citation. Generated from\n\
         the engine by `engine/tests/sources_doc.rs` (`DMIP_WRITE_DOCS=1 cargo\n\
         test -p dmip-engine --test sources_doc`); do not edit by hand.\n\n\
         ## Clinical sources (`dmip_engine::clinical::Source`)\n\n\
         Cited by the clinical rules, notes, gaps, thresholds and interaction\n\
         rows.\n\n\
         | Source | Citation |\n|---|---|\n",
    );
    for s in Source::ALL {
        let _ = writeln!(md, "| `{s:?}` | {} |", cell(s.citation()));
    }
    md.push_str("\n## Population pharmacokinetic models (`engine/models/`)\n\n| Model | Citation | Population |\n|---|---|---|\n");
    for id in builtin_ids() {
        match builtin(id) {
            Some(Ok(def)) => {
                let f = &def.file;
                let _ = writeln!(
                    md,
                    "| `{id}` ({}) | {} | {} |",
                    cell(&f.name),
                    cell(&f.citation),
                    cell(&f.population)
                );
            }
            other => panic!("built-in model {id} does not load: {other:?}"),
        }
    }
    md.push_str("\n## Limited-sampling equations (`dmip_engine::lss`)\n\n| Equation | Citation | Population |\n|---|---|---|\n");
    for e in lss::catalogue() {
        let _ = writeln!(
            md,
            "| {} | {} | {} |",
            cell(e.formula),
            cell(e.citation),
            cell(e.population)
        );
    }
    md.push_str("\n## DM/PM-IP cohorts and the label (`dmip_engine::tdm::cohorts`)\n\n| Cohort | Patients | Source |\n|---|---|---|\n");
    for c in COHORTS {
        let _ = writeln!(
            md,
            "| {} | {} | {} |",
            cell(c.name),
            cell(c.patients),
            cell(c.source)
        );
    }
    md
}

/// A table cell: no line break, no bare `|`.
fn cell(text: &str) -> String {
    text.replace('\n', " ").replace('|', "\\|")
}

#[test]
fn docs_sources_md_lists_every_source_the_engine_cites() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../docs/sources.md");
    let want = document();
    if std::env::var_os("DMIP_WRITE_DOCS").is_some() {
        std::fs::create_dir_all(path.parent().expect("docs/")).expect("docs/ made");
        std::fs::write(&path, &want).expect("docs/sources.md written");
    }
    let have = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        have == want,
        "docs/sources.md is not what the engine cites; write it again with \
         DMIP_WRITE_DOCS=1 cargo test -p dmip-engine --test sources_doc"
    );
    // The document names what a reader looks for.
    for needle in [
        "Inker LA, et al.",
        "Press RR et al.",
        "Nagai 2010",
        "`kirubakaran2022_tac`",
    ] {
        assert!(want.contains(needle), "{needle} missing");
    }
}

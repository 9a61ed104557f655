//! The tidy's rules, each against a planted violation (found, at its line)
//! and its corrected form (not found); the debt list's judgement.

use super::debt::{judge, parse};
use super::rules::{check_file, engine_manifest};
use super::{Finding, Rule};

/// (rule, line) of every finding of `text` read as the file `rel`.
fn found(rel: &str, text: &str) -> Vec<(Rule, usize)> {
    check_file(rel, text)
        .into_iter()
        .map(|f| (f.rule, f.line))
        .collect()
}

const DOC: &str = "//! A module.\n";

#[test]
fn a_file_without_its_module_comment_is_named() {
    assert_eq!(
        found("src/x.rs", "\nfn main() {}\n"),
        [(Rule::ModuleDoc, 2)]
    );
    assert_eq!(found("src/x.rs", "//! Entry.\nfn main() {}\n"), []);
    // Tests are held to it too.
    assert_eq!(
        found("engine/tests/t.rs", "#[test]\nfn t() {}\n"),
        [(Rule::ModuleDoc, 1)]
    );
}

#[test]
fn japanese_text_outside_the_text_homes_is_named_in_code_and_in_macros() {
    let code = format!("{DOC}fn f() -> &'static str {{\n    \"用量\"\n}}\n");
    assert_eq!(
        found("src/tdm_ui/x.rs", &code),
        [(Rule::JapaneseLiteral, 3)]
    );
    let view = format!("{DOC}fn v() {{\n    view! {{ <p>\"投与量\"</p> }}\n}}\n");
    assert_eq!(
        found("src/tdm_ui/x.rs", &view),
        [(Rule::JapaneseLiteral, 3)]
    );
    // At home, in a doc comment, in a test module: not a finding.
    assert_eq!(found("src/i18n/x.rs", &code), []);
    assert_eq!(found("engine/src/text/x.rs", &code), []);
    assert_eq!(
        found("engine/src/clinical/x.rs", &code),
        [(Rule::JapaneseLiteral, 3)]
    );
    let doc = format!("{DOC}/// 用量 in a doc comment.\nfn f() {{}}\n");
    assert_eq!(found("src/tdm_ui/x.rs", &doc), []);
    let test = format!("{DOC}#[cfg(test)]\nmod tests {{\n    const J: &str = \"用量\";\n}}\n");
    assert_eq!(found("src/tdm_ui/x.rs", &test), []);
}

#[test]
fn a_translating_match_with_a_catch_all_arm_is_named() {
    let planted = format!(
        "{DOC}fn ja(d: Drug) -> &'static str {{\n    match d {{\n        Drug::Csa => \"シクロスポリン\",\n        _ => \"tacrolimus\",\n    }}\n}}\n"
    );
    assert_eq!(
        found("src/i18n/x.rs", &planted),
        [(Rule::WildcardTranslation, 5)]
    );
    let binding = planted.replace("        _ =>", "        other =>");
    assert_eq!(
        found("src/i18n/x.rs", &binding),
        [(Rule::WildcardTranslation, 5)]
    );
    // The engine's text home is held to it too.
    assert_eq!(
        found("engine/src/text/x.rs", &planted),
        [(Rule::WildcardTranslation, 5)]
    );
    let named = planted.replace("        _ =>", "        Drug::Tac =>");
    assert_eq!(found("src/i18n/x.rs", &named), []);
    // A match that translates nothing may keep its wildcard.
    let parse = format!("{DOC}fn n(s: &str) -> u8 {{\n    match s {{\n        \"a\" => 1,\n        _ => 0,\n    }}\n}}\n");
    assert_eq!(found("src/i18n/x.rs", &parse), []);
    // Nor does a match that folds characters (a char literal is no text).
    let fold = format!("{DOC}fn k(c: char) -> char {{\n    match c {{\n        'ｱ' => 'ア',\n        c => c,\n    }}\n}}\n");
    assert_eq!(found("src/i18n/x.rs", &fold), []);
}

#[test]
fn an_effect_that_writes_a_signal_is_named_outside_the_canvas_storage_and_timers() {
    let planted = format!(
        "{DOC}fn c(a: Signal, b: RwSignal) {{\n    Effect::new(move |_| {{\n        let v = a.get();\n        b.set(v);\n    }});\n}}\n"
    );
    let findings = check_file("src/tdm_ui/x.rs", &planted);
    assert_eq!(findings.len(), 1);
    assert_eq!(
        (findings[0].rule, findings[0].line),
        (Rule::EffectWrites, 3)
    );
    assert!(
        findings[0].message.contains("`.set(` on line 5"),
        "{}",
        findings[0].message
    );
    assert_eq!(found("src/storage/x.rs", &planted), []);
    assert_eq!(found("src/plot/x.rs", &planted), []);
    let reads_only = planted.replace("b.set(v);", "draw(v);");
    assert_eq!(found("src/tdm_ui/x.rs", &reads_only), []);
}

#[test]
fn the_engine_naming_or_depending_on_a_web_crate_is_named() {
    let used = format!("{DOC}use web_sys::Window;\n");
    assert_eq!(found("engine/src/x.rs", &used), [(Rule::EngineWeb, 2)]);
    let path = format!("{DOC}fn f() {{\n    let _ = wasm_bindgen::JsValue::NULL;\n}}\n");
    assert_eq!(found("engine/src/x.rs", &path), [(Rule::EngineWeb, 3)]);
    assert_eq!(found("src/x.rs", &used), []);
    let manifest = "[package]\nname = \"e\"\n\n[dependencies]\nserde = \"1\"\nweb-sys = \"0.3\"\n\n[target.'cfg(target_arch = \"wasm32\")'.dependencies]\nglue = { package = \"js-sys\", version = \"0.3\" }\n";
    let lines: Vec<usize> = engine_manifest("engine/Cargo.toml", manifest)
        .iter()
        .map(|f| f.line)
        .collect();
    assert_eq!(lines, [6, 9]);
    assert!(engine_manifest("engine/Cargo.toml", "[dependencies]\nserde = \"1\"\n").is_empty());
}

#[test]
fn a_clinical_number_without_its_source_beside_it_is_named() {
    let planted = format!("{DOC}\n\n\n\n\n\n\n\n\nconst C2_TARGET: f64 = 1100.0;\n");
    assert_eq!(
        found("engine/src/clinical/x.rs", &planted),
        [(Rule::UncitedNumber, 11)]
    );
    for cited in [
        "/// [V] pack §5.1b (Nagai 2010).\n",
        "// Cyclosporine label (Neoral).\n",
    ] {
        let text = planted.replace("const C2", &format!("{cited}const C2"));
        assert_eq!(found("engine/src/clinical/x.rs", &text), [], "{cited}");
    }
    let by_source =
        format!("{DOC}const R: Rule = Rule {{ at: 1100.0, source: Source::Nagai2010 }};\n");
    assert_eq!(found("engine/src/clinical/x.rs", &by_source), []);
    // Outside engine/src/clinical, and array lengths, are not held to it.
    assert_eq!(found("engine/src/tdm/x.rs", &planted), []);
    let array = format!("{DOC}\n\n\n\n\n\n\n\n\nconst ALL: [Gap; 26] = [];\n");
    assert_eq!(found("engine/src/clinical/x.rs", &array), []);
}

#[test]
fn a_model_file_without_its_citation_is_named() {
    let planted = "format = 1\nid = \"m\"\n[parameters]\nCL = { typical = 15.0 }\n";
    assert_eq!(
        found("engine/models/m.toml", planted),
        [(Rule::UncitedNumber, 1)]
    );
    let cited = format!("citation = \"Press RR et al. 2010\"\n{planted}");
    assert_eq!(found("engine/models/m.toml", &cited), []);
}

fn finding(rule: Rule, path: &str, line: usize) -> Finding {
    Finding {
        rule,
        path: path.into(),
        line,
        message: "m".into(),
    }
}

#[test]
fn the_debt_list_holds_a_file_to_its_count_both_ways() {
    let allowed =
        parse("# debt\njapanese-literal src/a.rs 2\neffect-writes src/b.rs 1 # two left\n")
            .unwrap();
    let two = [
        finding(Rule::JapaneseLiteral, "src/a.rs", 3),
        finding(Rule::JapaneseLiteral, "src/a.rs", 9),
        finding(Rule::EffectWrites, "src/b.rs", 4),
    ];
    let verdict = judge(&two, &allowed);
    assert!(verdict.problems.is_empty(), "{:?}", verdict.problems);
    assert_eq!(verdict.owed, 3);
    // A new finding elsewhere fails with its place.
    let mut more = two.to_vec();
    more.push(finding(Rule::ModuleDoc, "src/c.rs", 1));
    assert_eq!(
        judge(&more, &allowed).problems,
        ["src/c.rs:1: module-doc: m"]
    );
    // A file under its count asks for the count to be lowered.
    let problems = judge(&two[1..], &allowed).problems;
    assert_eq!(problems.len(), 1);
    assert!(
        problems[0]
            .starts_with("src/a.rs: japanese-literal has 1 finding(s), fewer than its count 2"),
        "{}",
        problems[0]
    );
    let problems = judge(&two[..2], &allowed).problems;
    assert!(
        problems[0].contains("src/b.rs: effect-writes has 0 finding(s)"),
        "{problems:?}"
    );
    assert!(parse("japanese-literal src/a.rs two\n")
        .unwrap_err()
        .contains(":1: `two` is not a count"));
    assert!(parse("no-such-rule src/a.rs 1\n")
        .unwrap_err()
        .contains("unknown rule `no-such-rule`"));
}

#[test]
fn an_issue_number_or_a_path_outside_the_repository_is_named() {
    let planted = format!("{DOC}// Limits of issue 20.\nfn f() {{}}\n/// See ../shared/clinical/x.md §2.\nfn g() {{}}\n");
    assert_eq!(
        found("engine/src/x.rs", &planted),
        [(Rule::InternalReference, 2), (Rule::InternalReference, 4)]
    );
    let meant =
        format!("{DOC}// Input limits that no input may pass (Nagai 2010 §2).\nfn f() {{}}\n");
    assert_eq!(found("engine/src/x.rs", &meant), []);
    let toml =
        "# Every number: shared/clinical/poppk-models.md\ncitation = \"Press RR et al. 2010\"\n";
    assert_eq!(
        found("engine/models/m.toml", toml),
        [(Rule::InternalReference, 1)]
    );
}

#[test]
fn a_widget_importing_a_feature_module_is_named() {
    let planted = format!("{DOC}use crate::i18n::Key;\nuse crate::{{format::tick, tdm_ui::Field}};\nfn f() {{\n    let _ = crate::labs_ui::LIMIT;\n}}\n");
    assert_eq!(
        found("src/widgets/x.rs", &planted),
        [
            (Rule::WidgetImportsFeature, 3),
            (Rule::WidgetImportsFeature, 5)
        ]
    );
    assert_eq!(found("src/tdm_ui/x.rs", &planted), []);
    let shared = format!("{DOC}use crate::i18n::Key;\nuse crate::format::tick;\n");
    assert_eq!(found("src/widgets/x.rs", &shared), []);
}

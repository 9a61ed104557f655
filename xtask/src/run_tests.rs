//! `cargo xtask test [engine|app|e2e]`: formatting, the tidy's structural
//! rules, lints, engine and app
//! unit tests (native), the app's tests in headless Chromium
//! (wasm-bindgen-test), the builds, and the end-to-end tests (Playwright
//! driving Debian Chromium). A tier runs the part one works on; no tier
//! runs everything (what `.ci/run` calls).

use crate::cmd::{command, root, run, target_dir, tools_dir, Result};
use crate::steps::{self, Step};
use crate::{dist, setup, tidy};

const WASM: &str = "wasm32-unknown-unknown";

fn cargo(args: &[&str]) -> Result {
    run(command("cargo").args(args))
}

fn fmt() -> Result {
    cargo(&["fmt", "--all", "--check"])
}

/// `cargo clippy <selection> --all-targets -- -D warnings`.
fn clippy_of(selection: &[&str]) -> Result {
    let mut args = vec!["clippy"];
    args.extend_from_slice(selection);
    args.extend_from_slice(&["--all-targets", "--", "-D", "warnings"]);
    cargo(&args)
}

fn clippy() -> Result {
    clippy_of(&["--workspace"])?;
    clippy_wasm()
}

fn clippy_wasm() -> Result {
    clippy_of(&["-p", "dmip-monitor", "--target", WASM])
}

fn clippy_engine() -> Result {
    clippy_of(&["-p", "dmip-engine", "-p", "xtask"])
}

fn clippy_app() -> Result {
    clippy_of(&["-p", "dmip-monitor"])?;
    clippy_wasm()
}

fn native_tests() -> Result {
    cargo(&["test", "--workspace"])
}

fn engine_tests() -> Result {
    cargo(&["test", "-p", "dmip-engine", "-p", "xtask"])
}

fn app_native_tests() -> Result {
    cargo(&["test", "-p", "dmip-monitor"])
}

/// `tests/browser.rs`, compiled to wasm and run by wasm-bindgen's runner
/// in headless Chromium through chromedriver.
fn browser_tests() -> Result {
    run(command("cargo")
        .args([
            "test",
            "-p",
            "dmip-monitor",
            "--target",
            WASM,
            "--test",
            "browser",
        ])
        .env(
            "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER",
            "wasm-bindgen-test-runner",
        )
        .env("CHROMEDRIVER", setup::CHROMEDRIVER)
        .env(
            "WASM_BINDGEN_TEST_WEBDRIVER_JSON",
            root().join("tests/webdriver.json"),
        )
        .env("WASM_BINDGEN_TEST_TIMEOUT", "120")
        .env("WASM_BINDGEN_TEST_ONLY_WEB", "1"))
}

fn end_to_end() -> Result {
    run(command("node")
        .arg(root().join("tests/e2e/run.mjs"))
        .env("DMIP_NODE_MODULES", tools_dir().join("node_modules"))
        .env("DMIP_DIST", root().join("dist"))
        .env("DMIP_SCREENSHOTS", target_dir().join("screenshots"))
        .env("DMIP_CHROMIUM", setup::CHROMIUM))
}

fn nothing_to_install() -> Result {
    Ok(())
}

/// Every step, in order: what `.ci/run` runs.
const ALL: &[Step<'static>] = &[
    ("setup", &setup::for_tests),
    ("fmt", &fmt),
    ("tidy", &tidy::main),
    ("clippy", &clippy),
    ("native tests", &native_tests),
    ("browser tests", &browser_tests),
    ("build", &dist::build),
    ("end-to-end tests", &end_to_end),
];

/// The engine (and the xtask): pure Rust, no browser.
const ENGINE: &[Step<'static>] = &[
    ("setup", &nothing_to_install),
    ("fmt", &fmt),
    ("tidy", &tidy::main),
    ("clippy (engine, xtask)", &clippy_engine),
    ("engine tests", &engine_tests),
];

/// The app: lints, native unit tests, wasm-bindgen tests in Chromium.
const APP: &[Step<'static>] = &[
    ("setup", &setup::for_app_tests),
    ("fmt", &fmt),
    ("clippy (app, native and wasm32)", &clippy_app),
    ("app native tests", &app_native_tests),
    ("browser tests", &browser_tests),
];

/// The built app in Chromium.
const E2E: &[Step<'static>] = &[
    ("setup", &setup::for_tests),
    ("build", &dist::build),
    ("end-to-end tests", &end_to_end),
];

pub const TIERS: &str = "engine, app, e2e";

/// The steps of a tier (`None`: all of them).
pub fn tier(name: Option<&str>) -> Result<&'static [Step<'static>]> {
    match name {
        None => Ok(ALL),
        Some("engine") => Ok(ENGINE),
        Some("app") => Ok(APP),
        Some("e2e") => Ok(E2E),
        Some(other) => Err(format!(
            "unknown test tier `{other}` (tiers: {TIERS}; none runs everything)"
        )),
    }
}

pub fn main(name: Option<&str>) -> Result {
    let steps = tier(name)?;
    let title = match name {
        Some(t) => format!("cargo xtask test {t}"),
        None => "cargo xtask test".to_owned(),
    };
    steps::run(&title, steps)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(steps: &[Step<'_>]) -> Vec<&'static str> {
        steps.iter().map(|(n, _)| *n).collect()
    }

    #[test]
    fn the_full_run_has_every_step_and_the_tiers_share_them() {
        assert_eq!(
            names(ALL),
            [
                "setup",
                "fmt",
                "tidy",
                "clippy",
                "native tests",
                "browser tests",
                "build",
                "end-to-end tests"
            ]
        );
        assert_eq!(
            names(tier(Some("e2e")).unwrap())[1..],
            ["build", "end-to-end tests"]
        );
        assert!(names(tier(Some("app")).unwrap()).contains(&"browser tests"));
        assert!(names(tier(Some("engine")).unwrap()).contains(&"engine tests"));
        assert!(names(tier(Some("engine")).unwrap()).contains(&"tidy"));
        let err = tier(Some("ui")).err().unwrap_or_default();
        assert_eq!(
            err,
            "unknown test tier `ui` (tiers: engine, app, e2e; none runs everything)"
        );
    }
}

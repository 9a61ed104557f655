//! `cargo xtask test`: formatting, lints, engine and app unit tests
//! (native), the app's tests in headless Chromium (wasm-bindgen-test), the
//! builds, and the end-to-end tests (Playwright driving Debian Chromium).

use crate::cmd::{command, root, run, target_dir, tools_dir, Result};
use crate::{dist, setup};
use std::time::Instant;

const WASM: &str = "wasm32-unknown-unknown";

fn cargo(args: &[&str]) -> Result {
    run(command("cargo").args(args))
}

fn fmt() -> Result {
    cargo(&["fmt", "--all", "--check"])
}

fn clippy() -> Result {
    cargo(&[
        "clippy",
        "--workspace",
        "--all-targets",
        "--",
        "-D",
        "warnings",
    ])?;
    cargo(&[
        "clippy",
        "-p",
        "dmip-monitor",
        "--target",
        WASM,
        "--all-targets",
        "--",
        "-D",
        "warnings",
    ])
}

fn native_tests() -> Result {
    cargo(&["test", "--workspace"])
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

/// A named step of the test run.
type Step = (&'static str, fn() -> Result);

pub fn main() -> Result {
    let steps: [Step; 7] = [
        ("setup", setup::for_tests),
        ("fmt", fmt),
        ("clippy", clippy),
        ("native tests", native_tests),
        ("browser tests", browser_tests),
        ("build", dist::build),
        ("end-to-end tests", end_to_end),
    ];
    let start = Instant::now();
    for (name, step) in steps {
        eprintln!("\n==> {name}");
        let t = Instant::now();
        step().map_err(|e| format!("{name}: {e}"))?;
        eprintln!("==> {name}: ok ({:.0} s)", t.elapsed().as_secs_f64());
    }
    eprintln!(
        "\nall tests passed in {:.0} s",
        start.elapsed().as_secs_f64()
    );
    Ok(())
}

//! Installs what the build and the tests need, from the package registries
//! only (crates.io, npm, Debian): each step checks first, so a second run
//! takes a second.

use crate::cmd::{self, command, output, run, tools_dir, version_of, Result};
use std::fs;
use std::path::{Path, PathBuf};

/// Trunk's version requirement (0.22 needs a newer rustc).
const TRUNK_REQ: &str = "~0.21";
const TRUNK_PREFIX: &str = "trunk 0.21.";
/// Debian's Chromium, its WebDriver, and a Japanese font for screenshots.
const APT_PACKAGES: &[&str] = &["chromium", "chromium-driver", "fonts-ipafont-gothic"];
pub const CHROMIUM: &str = "/usr/bin/chromium";
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
const JAPANESE_FONT: &str = "/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf";

/// The wasm32 target of the Rust toolchain.
pub fn wasm_target() -> Result {
    let installed =
        output(command("rustup").args(["target", "list", "--installed"])).unwrap_or_default();
    if installed
        .lines()
        .any(|l| l.trim() == "wasm32-unknown-unknown")
    {
        return Ok(());
    }
    run(command("rustup").args(["target", "add", "wasm32-unknown-unknown"]))
}

/// Trunk 0.21.x.
pub fn trunk() -> Result {
    if version_of("trunk").is_some_and(|v| v.starts_with(TRUNK_PREFIX)) {
        return Ok(());
    }
    run(command("cargo").args(["install", "--locked", "trunk", "--version", TRUNK_REQ]))
}

/// The version of the `wasm-bindgen` crate in Cargo.lock.
pub fn locked_wasm_bindgen() -> Result<String> {
    let lock = fs::read_to_string(cmd::root().join("Cargo.lock"))
        .map_err(|e| format!("cannot read Cargo.lock: {e}"))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line == "name = \"wasm-bindgen\"" {
            if let Some(version) = lines
                .next()
                .and_then(|l| l.strip_prefix("version = \""))
                .and_then(|l| l.strip_suffix('"'))
            {
                return Ok(version.to_owned());
            }
        }
    }
    Err("no wasm-bindgen in Cargo.lock".to_owned())
}

/// The `wasm_bindgen = "…"` pin in Trunk.toml's `[tools]`.
fn trunk_pin(trunk_toml: &str) -> Option<&str> {
    trunk_toml.lines().find_map(|line| {
        let (key, value) = line.split_once('=')?;
        (key.trim() == "wasm_bindgen").then(|| value.trim().trim_matches('"'))
    })
}

/// Trunk (offline) needs the wasm-bindgen it is pinned to: the one locked.
fn check_trunk_pin(locked: &str) -> Result {
    let toml = fs::read_to_string(cmd::root().join("Trunk.toml"))
        .map_err(|e| format!("cannot read Trunk.toml: {e}"))?;
    match trunk_pin(&toml) {
        Some(pin) if pin == locked => Ok(()),
        pin => Err(format!(
            "Trunk.toml pins wasm_bindgen = {pin:?} but Cargo.lock has {locked}: make them equal"
        )),
    }
}

/// `wasm-bindgen` and `wasm-bindgen-test-runner` at the locked version
/// (installed without `--locked`: one of its locked dependencies is gone
/// from the registry).
pub fn wasm_bindgen() -> Result {
    let version = locked_wasm_bindgen()?;
    check_trunk_pin(&version)?;
    let want = format!("wasm-bindgen {version}");
    let runner = format!("wasm-bindgen-test-runner {version}");
    if version_of("wasm-bindgen").is_some_and(|v| v.trim() == want)
        && version_of("wasm-bindgen-test-runner").is_some_and(|v| v.trim() == runner)
    {
        return Ok(());
    }
    run(command("cargo").args([
        "install",
        "wasm-bindgen-cli",
        "--version",
        &format!("={version}"),
    ]))
}

/// Node.js and npm, from Debian when missing.
fn node() -> Result {
    if version_of("node").is_some() && version_of("npm").is_some() {
        return Ok(());
    }
    apt_install(&["nodejs", "npm"])
}

/// Playwright's core (it drives Debian's Chromium; it never downloads a
/// browser) and binaryen's wasm-opt, from npm into `target/tools`, at the
/// versions of `xtask/tools/package-lock.json`.
pub fn node_tools() -> Result {
    node()?;
    let source = cmd::root().join("xtask/tools");
    let dir = tools_dir();
    let lock = fs::read(source.join("package-lock.json"))
        .map_err(|e| format!("cannot read xtask/tools/package-lock.json: {e}"))?;
    let stamp = dir.join("node_modules/.dmip-lock");
    if fs::read(&stamp).is_ok_and(|s| s == lock) {
        return Ok(());
    }
    fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    for file in ["package.json", "package-lock.json"] {
        fs::copy(source.join(file), dir.join(file))
            .map_err(|e| format!("cannot copy {file}: {e}"))?;
    }
    run(command("npm")
        .args(["ci", "--no-audit", "--no-fund", "--loglevel=error"])
        .current_dir(&dir)
        .env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1"))?;
    fs::write(&stamp, lock).map_err(|e| format!("cannot write {}: {e}", stamp.display()))
}

/// The wasm-opt of npm's binaryen, if installed.
pub fn wasm_opt() -> Option<PathBuf> {
    let path = tools_dir().join("node_modules/.bin/wasm-opt");
    path.exists().then_some(path)
}

/// Debian's Chromium and ChromeDriver (and a Japanese font).
pub fn chromium() -> Result {
    let present = [CHROMIUM, CHROMEDRIVER, JAPANESE_FONT]
        .iter()
        .all(|p| Path::new(p).exists());
    if present {
        return Ok(());
    }
    apt_install(APT_PACKAGES)
}

fn apt_install(packages: &[&str]) -> Result {
    let sudo = output(command("id").arg("-u")).is_some_and(|uid| uid.trim() != "0");
    let apt = |args: &[&str]| {
        let mut cmd = if sudo {
            let mut c = command("sudo");
            c.arg("apt-get");
            c
        } else {
            command("apt-get")
        };
        cmd.args(args).env("DEBIAN_FRONTEND", "noninteractive");
        run(&mut cmd)
    };
    apt(&["update", "-q"])?;
    let mut args = vec!["install", "-y", "-q", "--no-install-recommends"];
    args.extend_from_slice(packages);
    apt(&args)
}

/// Everything `cargo xtask dist` needs.
pub fn for_build() -> Result {
    wasm_target()?;
    trunk()?;
    wasm_bindgen()?;
    crate::wasm_flags::rust_src()?;
    if let Err(e) = node_tools() {
        eprintln!("note: npm tools not installed ({e}); the build goes on without wasm-opt");
    }
    Ok(())
}

/// Everything `cargo xtask test` needs.
pub fn for_tests() -> Result {
    for_build()?;
    node_tools()?;
    chromium()
}

#[cfg(test)]
mod tests {
    use super::trunk_pin;

    #[test]
    fn reads_the_wasm_bindgen_pin() {
        let toml = "[build]\noffline = true\n\n[tools]\nwasm_bindgen = \"0.2.130\"\n";
        assert_eq!(trunk_pin(toml), Some("0.2.130"));
        assert_eq!(trunk_pin("[tools]\nwasm_opt = \"version_123\"\n"), None);
    }
}

//! Installs what the build and the tests need, from the package registries
//! only (crates.io, npm, Debian): each step checks first, so a second run
//! takes a second.

use crate::cmd::{self, command, output, run, succeeds, tools_dir, version_of, Result};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

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

/// A need of the build: its name and the step that meets it.
pub type Need = (&'static str, fn() -> Result);

/// What `cargo xtask dist` needs, in order. Trunk builds offline, and the
/// size build rebuilds std (`wasm_flags.rs`), so the workspace's crates and
/// std's own are fetched before it.
pub const BUILD_NEEDS: &[Need] = &[
    ("wasm32 target", wasm_target),
    ("Trunk", trunk),
    ("wasm-bindgen", wasm_bindgen),
    ("standard library source", crate::wasm_flags::rust_src),
    ("crates of the offline build", offline_crates),
];

/// The lockfiles the offline build reads: the workspace's, and (for the
/// std rebuild) the standard library's under the sysroot.
pub fn offline_manifests() -> Result<Vec<(&'static str, Option<PathBuf>)>> {
    Ok(vec![
        ("the workspace", None),
        (
            "the standard library",
            Some(crate::wasm_flags::std_manifest()?),
        ),
    ])
}

/// `cargo fetch --locked` of a manifest (the workspace's when `None`),
/// `--offline` to check only. std's manifest needs `RUSTC_BOOTSTRAP`.
pub fn fetch_command(manifest: Option<&Path>, offline: bool) -> Command {
    let mut cmd = command("cargo");
    cmd.args(["fetch", "--locked"]);
    if offline {
        cmd.arg("--offline");
    }
    if let Some(manifest) = manifest {
        cmd.arg("--manifest-path")
            .arg(manifest)
            .env("RUSTC_BOOTSTRAP", "1");
    }
    cmd
}

/// Fetches, for every target, the crates the offline build needs that are
/// not yet in the cargo cache (a second run only checks).
pub fn offline_crates() -> Result {
    for (what, manifest) in offline_manifests()? {
        if succeeds(&mut fetch_command(manifest.as_deref(), true)) {
            continue;
        }
        run(&mut fetch_command(manifest.as_deref(), false))
            .map_err(|e| format!("cannot fetch the crates of {what} from crates.io: {e}"))?;
    }
    Ok(())
}

/// Before Trunk's offline build: every crate it needs is in the cargo
/// cache, or a message saying what is missing and what fixes it.
pub fn check_offline_build() -> Result {
    for (what, manifest) in offline_manifests()? {
        let mut check = fetch_command(manifest.as_deref(), true);
        if !succeeds(&mut check) {
            return Err(missing_crates_message(what, &check));
        }
    }
    Ok(())
}

/// What the user reads when the cargo cache lacks crates of `what`.
pub fn missing_crates_message(what: &str, check: &Command) -> String {
    let online = cmd::describe(check).replace(" --offline", "");
    format!(
        "the cargo cache lacks crates of {what}, and the build runs offline. \
         Run `cargo xtask setup` with access to crates.io (it runs `{online}`), \
         then build again."
    )
}

/// Everything `cargo xtask dist` needs.
pub fn for_build() -> Result {
    for (what, need) in BUILD_NEEDS {
        need().map_err(|e| format!("{what}: {e}"))?;
    }
    if let Err(e) = node_tools() {
        eprintln!("note: npm tools not installed ({e}); the build goes on without wasm-opt");
    }
    Ok(())
}

/// Everything the app's native and browser tests need.
pub fn for_app_tests() -> Result {
    wasm_target()?;
    wasm_bindgen()?;
    chromium()
}

/// Everything `cargo xtask test` needs.
pub fn for_tests() -> Result {
    for_build()?;
    node_tools()?;
    chromium()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_build_fetches_the_crates_of_the_std_rebuild_before_trunk() {
        let names: Vec<&str> = BUILD_NEEDS.iter().map(|(name, _)| *name).collect();
        let src = names.iter().position(|n| *n == "standard library source");
        let crates = names
            .iter()
            .position(|n| *n == "crates of the offline build");
        assert!(
            matches!((src, crates), (Some(s), Some(c)) if s < c),
            "{names:?}"
        );
        let std = Path::new("/sysroot/lib/rustlib/src/rust/library/Cargo.toml");
        let fetch = fetch_command(Some(std), false);
        assert_eq!(
            cmd::describe(&fetch),
            "cargo fetch --locked --manifest-path /sysroot/lib/rustlib/src/rust/library/Cargo.toml"
        );
        let bootstrap = fetch
            .get_envs()
            .find(|(k, _)| *k == "RUSTC_BOOTSTRAP")
            .and_then(|(_, v)| v);
        assert_eq!(bootstrap, Some(std::ffi::OsStr::new("1")));
        let check = fetch_command(Some(std), true);
        assert!(cmd::describe(&check).contains("--offline"));
    }

    #[test]
    fn the_offline_check_lists_the_std_library_and_says_how_to_fix_it() {
        let manifests = offline_manifests().expect("rustc --print sysroot");
        let std = manifests
            .iter()
            .find_map(|(what, m)| (*what == "the standard library").then_some(m.clone()))
            .flatten()
            .expect("std's manifest");
        assert!(std.ends_with("lib/rustlib/src/rust/library/Cargo.toml"));
        let message = missing_crates_message(
            "the standard library",
            &fetch_command(Some(Path::new("/s/library/Cargo.toml")), true),
        );
        assert_eq!(
            message,
            "the cargo cache lacks crates of the standard library, and the build runs \
             offline. Run `cargo xtask setup` with access to crates.io (it runs \
             `cargo fetch --locked --manifest-path /s/library/Cargo.toml`), then build again."
        );
    }

    #[test]
    fn reads_the_wasm_bindgen_pin() {
        let toml = "[build]\noffline = true\n\n[tools]\nwasm_bindgen = \"0.2.130\"\n";
        assert_eq!(trunk_pin(toml), Some("0.2.130"));
        assert_eq!(trunk_pin("[tools]\nwasm_opt = \"version_123\"\n"), None);
    }
}

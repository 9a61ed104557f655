//! How the shipped wasm is compiled: for size. Trunk's builds in
//! `cargo xtask dist` and `cargo xtask serve` get these settings; the
//! wasm-bindgen browser tests do not (they keep panic messages).
//!
//! Measured on 2026-11-25, wasm after wasm-opt -Oz (raw / gzip, BENCHMARKS.md):
//! plain release 2 045 / 802 kB; with `erase_components` 1 859 / 720 kB;
//! with std rebuilt as below 1 747 / 680 kB. std's `optimize_for_size`
//! feature would save 93 kB more but made the 1000-dose edit 3× slower
//! (72 ms instead of 25 ms), so it is not used.

use crate::cmd::{command, output, run, target_dir, Result};
use std::path::{Path, PathBuf};
use std::process::Command;

/// Leptos's `erase_components`: every component returns a type-erased view,
/// so one component's view type no longer spreads through its parents'
/// generic code. Stable Rust.
const ERASE_COMPONENTS: &str = "--cfg erase_components";

/// With the standard library rebuilt (needs `rust-src`): a panic traps at
/// once instead of formatting a message nobody sees (the release build
/// already aborts; `www/index.html` shows the trap to the user), and panic
/// locations are not stored. Unstable flags of the stable toolchain, enabled
/// by `RUSTC_BOOTSTRAP=1` for this build only.
const REBUILT_STD_FLAGS: &str = "-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none";

/// Cargo's target directory for these builds: other flags than the tests'
/// wasm builds, so kept apart to avoid rebuilding one over the other.
pub fn target() -> PathBuf {
    target_dir().join("size")
}

/// The standard library's source tree in the sysroot (rustup's `rust-src`).
fn std_library() -> Result<PathBuf> {
    let root = output(command("rustc").args(["--print", "sysroot"]))
        .ok_or("`rustc --print sysroot` failed")?;
    Ok(Path::new(root.trim()).join("lib/rustlib/src/rust/library"))
}

/// The manifest (and beside it the lockfile) `-Zbuild-std` builds std from.
pub fn std_manifest() -> Result<PathBuf> {
    Ok(std_library()?.join("Cargo.toml"))
}

/// The standard library's source (rustup's `rust-src`), installed when
/// missing.
pub fn rust_src() -> Result {
    if std_library()?.join("std").exists() {
        return Ok(());
    }
    run(command("rustup").args(["component", "add", "rust-src"]))
}

/// `trunk <subcommand> --release` with the size settings.
pub fn trunk(subcommand: &str) -> Command {
    let mut cmd = command("trunk");
    cmd.args([subcommand, "--release"])
        .env("CARGO_TARGET_DIR", target())
        .env("RUSTC_BOOTSTRAP", "1")
        .env("CARGO_UNSTABLE_BUILD_STD", "std,panic_abort")
        .env(
            "RUSTFLAGS",
            format!("{ERASE_COMPONENTS} {REBUILT_STD_FLAGS}"),
        );
    cmd
}

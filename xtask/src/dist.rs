//! The builds: Trunk's multi-file build in `dist/web/`, optimised by
//! wasm-opt when it works, then the single file `dist/dmip.html`.

use crate::cmd::{command, root, run, Result};
use crate::{budget, inline, setup, wasm_flags};
use std::fs;
use std::path::{Path, PathBuf};

/// Trunk's output (Trunk.toml `dist`).
pub fn web_dir() -> PathBuf {
    root().join("dist/web")
}

/// The single-file build.
pub fn single_file() -> PathBuf {
    root().join("dist/dmip.html")
}

/// Feature flags of modern rustc output, which wasm-opt must be told about.
const WASM_OPT_ARGS: &[&str] = &[
    "--enable-bulk-memory",
    "--enable-nontrapping-float-to-int",
    "--enable-sign-ext",
    "--enable-mutable-globals",
    "--enable-reference-types",
    "--enable-multivalue",
    "-Oz",
];

/// Builds `dist/web/` and `dist/dmip.html`.
pub fn build() -> Result {
    setup::check_offline_build()?;
    run(&mut wasm_flags::trunk("build"))?;
    let index = fs::read_to_string(web_dir().join("index.html"))
        .map_err(|e| format!("no index.html from Trunk: {e}"))?;
    let wasm = optimise_wasm(&web_dir())?;
    let (html, wasm_gzip) = inline::inline(&index, |name| fs::read(web_dir().join(name)))
        .map_err(|e| format!("single file: {e}"))?;
    fs::write(single_file(), &html).map_err(|e| format!("cannot write dist/dmip.html: {e}"))?;
    let raw = fs::read(&wasm).map_err(|e| format!("cannot read {}: {e}", wasm.display()))?;
    let sizes = budget::Sizes {
        single_file: html.len() as u64,
        wasm_gzip: wasm_gzip as u64,
        wasm_raw: raw.len() as u64,
    };
    eprintln!(
        "dist/dmip.html: {} bytes (one file, no external reference); wasm {} bytes, {} gzipped",
        sizes.single_file, sizes.wasm_raw, sizes.wasm_gzip
    );
    let over = budget::check(sizes);
    if over.is_empty() {
        Ok(())
    } else {
        Err(format!("size budget: {}", over.join("; ")))
    }
}

/// Runs npm binaryen's wasm-opt on the build's wasm, in place. Skipped,
/// with a note, when it is missing or fails: the wasm still works, larger.
/// Returns the wasm's path.
fn optimise_wasm(dir: &Path) -> Result<PathBuf> {
    let wasm = fs::read_dir(dir)
        .map_err(|e| format!("cannot list {}: {e}", dir.display()))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .find(|p| p.extension().is_some_and(|x| x == "wasm"))
        .ok_or("no .wasm in Trunk's build")?;
    let before = fs::metadata(&wasm).map(|m| m.len()).unwrap_or(0);
    let Some(wasm_opt) = setup::wasm_opt() else {
        eprintln!("note: wasm-opt not installed; wasm left unoptimised ({before} bytes)");
        return Ok(wasm);
    };
    let optimised = wasm.with_extension("opt.wasm");
    let outcome = run(command(&wasm_opt)
        .args(WASM_OPT_ARGS)
        .arg(&wasm)
        .arg("-o")
        .arg(&optimised));
    match outcome.and_then(|()| fs::rename(&optimised, &wasm).map_err(|e| e.to_string())) {
        Ok(()) => {
            let after = fs::metadata(&wasm).map(|m| m.len()).unwrap_or(0);
            eprintln!("wasm-opt: {before} → {after} bytes");
        }
        Err(e) => {
            let _ = fs::remove_file(&optimised);
            eprintln!("note: wasm-opt failed ({e}); wasm left unoptimised ({before} bytes)");
        }
    }
    Ok(wasm)
}

/// `cargo xtask dist`.
pub fn main() -> Result {
    setup::for_build()?;
    build()?;
    eprintln!("Single file: {}", single_file().display());
    Ok(())
}

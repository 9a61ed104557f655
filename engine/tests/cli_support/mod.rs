//! Shared by the CLI tests: run the built `dmip`, read its JSON or its
//! failure message, write temporary input files.
#![allow(dead_code)]

use serde_json::Value;
use std::path::PathBuf;
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};

/// Runs `dmip SUBCOMMAND ARGS…`.
pub fn dmip(subcommand: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dmip"))
        .arg(subcommand)
        .args(args)
        .output()
        .expect("run dmip")
}

/// The JSON of a successful run.
#[track_caller]
pub fn json(out: &Output) -> Value {
    assert!(
        out.status.success(),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON on stdout")
}

/// The message of a failed run (exit code 2, nothing on stdout).
#[track_caller]
pub fn failure(out: &Output) -> String {
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    assert!(out.stdout.is_empty());
    String::from_utf8_lossy(&out.stderr).trim_end().to_string()
}

/// Writes `text` to a file named `name` in a folder of its own under the
/// test target's temp folder: tests running at once that write the same
/// name never read each other's half-written file.
pub fn temp_file(name: &str, text: &str) -> String {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let folder = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!(
        "{}-{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    ));
    std::fs::create_dir_all(&folder).expect("create temp folder");
    let path = folder.join(name);
    std::fs::write(&path, text).expect("write temp file");
    path.to_string_lossy().into_owned()
}

/// A file of the reference cases (NCA and NONMEM data), which are kept
/// beside the repository, not in it.
pub fn reference(path: &str) -> String {
    format!(
        "{}/../../shared/reference/{path}",
        env!("CARGO_MANIFEST_DIR")
    )
}

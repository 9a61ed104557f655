//! Running external commands: echoed before they run, with `~/.cargo/bin`
//! and the local npm tools on PATH. What they print goes to the terminal
//! and into the current step's log (`steps.rs` shows its tail on failure).

use std::ffi::OsStr;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Mutex;
use std::thread;

/// The outcome of a step: `Err` carries a message for the user.
pub type Result<T = ()> = std::result::Result<T, String>;

/// The repository root (the parent of this crate's directory).
pub fn root() -> PathBuf {
    let xtask = Path::new(env!("CARGO_MANIFEST_DIR"));
    xtask.parent().unwrap_or(xtask).to_path_buf()
}

/// Cargo's target directory (`CARGO_TARGET_DIR` or `target/`).
pub fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .map(|p| if p.is_absolute() { p } else { root().join(p) })
        .unwrap_or_else(|| root().join("target"))
}

/// Where the npm tools are installed (`target/tools`).
pub fn tools_dir() -> PathBuf {
    target_dir().join("tools")
}

/// Cargo's home (`CARGO_HOME` or `~/.cargo`).
pub fn cargo_home() -> PathBuf {
    std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
        .unwrap_or_else(|| PathBuf::from(".cargo"))
}

/// Where `cargo install` puts binaries.
pub fn cargo_bin() -> PathBuf {
    cargo_home().join("bin")
}

/// PATH with cargo's bin directory first.
fn path_var() -> std::ffi::OsString {
    let mut dirs = vec![cargo_bin()];
    if let Some(path) = std::env::var_os("PATH") {
        dirs.extend(std::env::split_paths(&path));
    }
    std::env::join_paths(dirs).unwrap_or_default()
}

/// A command run from the repository root with the tool PATH.
pub fn command(program: impl AsRef<OsStr>) -> Command {
    let mut cmd = Command::new(program);
    cmd.current_dir(root()).env("PATH", path_var());
    cmd
}

/// The command line of `cmd`, as echoed.
pub fn describe(cmd: &Command) -> String {
    let mut text = cmd.get_program().to_string_lossy().into_owned();
    for arg in cmd.get_args() {
        text.push(' ');
        text.push_str(&arg.to_string_lossy());
    }
    text
}

/// Every line printed by the commands of the current step, and the xtask's
/// own messages about them.
static STEP_LOG: Mutex<Vec<String>> = Mutex::new(Vec::new());

/// Adds a line to the step's log.
pub fn log_line(line: String) {
    if let Ok(mut log) = STEP_LOG.lock() {
        log.push(line);
    }
}

/// Prints `line` on standard error and keeps it in the step's log.
pub fn say(line: impl Into<String>) {
    let line = line.into();
    eprintln!("{line}");
    log_line(line);
}

/// The step's log so far, emptied.
pub fn take_log() -> Vec<String> {
    STEP_LOG
        .lock()
        .map(|mut log| std::mem::take(&mut *log))
        .unwrap_or_default()
}

/// Copies a child's output to `sink` line by line, keeping each line.
fn relay(source: impl Read, mut sink: impl Write) {
    for line in BufReader::new(source).split(b'\n').map_while(|l| l.ok()) {
        let _ = sink.write_all(&line);
        let _ = sink.write_all(b"\n");
        log_line(String::from_utf8_lossy(&line).into_owned());
    }
}

/// Runs `cmd`, showing its output; fails if it does not exit with 0.
pub fn run(cmd: &mut Command) -> Result {
    let text = describe(cmd);
    say(format!("$ {text}"));
    let mut child = cmd
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot start `{text}`: {e}"))?;
    let out = child
        .stdout
        .take()
        .map(|o| thread::spawn(|| relay(o, std::io::stdout())));
    let err = child
        .stderr
        .take()
        .map(|e| thread::spawn(|| relay(e, std::io::stderr())));
    let status = child.wait();
    for relay in [out, err].into_iter().flatten() {
        let _ = relay.join();
    }
    let status = status.map_err(|e| format!("`{text}` did not finish: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{text}` failed ({status})"))
    }
}

/// The standard output of `cmd`, if it starts and exits with 0 (quiet).
pub fn output(cmd: &mut Command) -> Option<String> {
    let out = cmd.stderr(Stdio::null()).output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

/// Whether `cmd` exits with 0, quietly.
pub fn succeeds(cmd: &mut Command) -> bool {
    cmd.stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// `program --version`, if the program runs.
pub fn version_of(program: &str) -> Option<String> {
    output(command(program).arg("--version"))
}

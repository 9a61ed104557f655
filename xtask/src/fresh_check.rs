//! `cargo xtask fresh-check`: the README's two commands as a new user meets
//! them. The committed branch is cloned into a temporary directory (with
//! `../shared` beside it) and run with an **empty `CARGO_HOME`**: only
//! rustup's toolchain is kept (its proxies are linked into the new cargo
//! home), so Trunk, wasm-bindgen and every crate come from the registries
//! again. Steps, each timed: `cargo xtask setup`, `cargo xtask dist`,
//! `cargo xtask serve` until the app answers, `cargo xtask test`.
//! System packages (Debian's Chromium) and npm's download cache are the
//! machine's and stay.
//!
//! Options: `--keep` keeps the directory; `--no-test` stops after serve.

use crate::cmd::{self, cargo_bin, command, output, root, run, Result};
use crate::steps::{self, Step};
use std::fs;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// rustup's proxies: the toolchain a bare machine has.
const RUSTUP_PROXIES: &[&str] = &[
    "cargo",
    "cargo-clippy",
    "cargo-fmt",
    "clippy-driver",
    "rustc",
    "rustdoc",
    "rustfmt",
    "rustup",
];

/// Where `cargo xtask serve` answers, and how long a cold serve may take.
const SERVE_PORT: u16 = 8080;
const SERVE_TIMEOUT: Duration = Duration::from_secs(60 * 60);

/// The temporary clone and its empty cargo home.
struct Fresh {
    dir: PathBuf,
}

impl Fresh {
    fn clone_dir(&self) -> PathBuf {
        self.dir.join("main")
    }

    fn cargo_home(&self) -> PathBuf {
        self.dir.join("cargo-home")
    }

    /// PATH of the bare machine: the new cargo home's bin first, without
    /// the developer's cargo bin (where the installed tools live).
    fn path(&self) -> std::ffi::OsString {
        let old = cargo_bin();
        let mut dirs = vec![self.cargo_home().join("bin")];
        if let Some(path) = std::env::var_os("PATH") {
            dirs.extend(std::env::split_paths(&path).filter(|d| *d != old));
        }
        std::env::join_paths(dirs).unwrap_or_default()
    }

    /// `cargo xtask <args>` in the clone, with the bare machine's
    /// environment (nothing of this cargo run's own).
    fn xtask(&self, args: &[&str]) -> Command {
        let mut cmd = Command::new("cargo");
        cmd.arg("xtask")
            .args(args)
            .current_dir(self.clone_dir())
            .env("CARGO_HOME", self.cargo_home())
            .env("PATH", self.path())
            .env("CI", "true");
        for var in [
            "CARGO_TARGET_DIR",
            "CARGO_MANIFEST_DIR",
            "CARGO",
            "RUSTFLAGS",
            "CARGO_ENCODED_RUSTFLAGS",
            "RUSTC_BOOTSTRAP",
            "RUSTC_WRAPPER",
        ] {
            cmd.env_remove(var);
        }
        cmd
    }

    /// A clone of the committed branch, `../shared` linked beside it, and a
    /// cargo home holding only rustup's proxies.
    fn prepare(&self) -> Result {
        let branch = output(command("git").args(["rev-parse", "--abbrev-ref", "HEAD"]))
            .map(|b| b.trim().to_owned())
            .ok_or("not in a git checkout")?;
        if output(command("git").args(["status", "--porcelain"])).is_some_and(|s| !s.is_empty()) {
            cmd::say(
                "note: uncommitted changes are not in the clone (it checks what is committed)",
            );
        }
        run(command("git")
            .args(["clone", "--quiet", "--no-local", "--branch", &branch])
            .arg(root())
            .arg(self.clone_dir()))?;
        if let Ok(shared) = root().join("../shared").canonicalize() {
            std::os::unix::fs::symlink(shared, self.dir.join("shared"))
                .map_err(|e| format!("cannot link ../shared: {e}"))?;
        }
        let bin = self.cargo_home().join("bin");
        fs::create_dir_all(&bin).map_err(|e| format!("cannot create {}: {e}", bin.display()))?;
        for proxy in RUSTUP_PROXIES {
            let source = cargo_bin().join(proxy);
            if source.exists() {
                std::os::unix::fs::symlink(&source, bin.join(proxy))
                    .map_err(|e| format!("cannot link {proxy}: {e}"))?;
            }
        }
        cmd::say(format!(
            "fresh clone of `{branch}` in {}, CARGO_HOME={} (rustup's proxies only)",
            self.clone_dir().display(),
            self.cargo_home().display()
        ));
        Ok(())
    }

    /// `cargo xtask serve` until the app's page answers on the port; then
    /// the server is stopped.
    fn serve(&self) -> Result {
        TcpListener::bind(("127.0.0.1", SERVE_PORT))
            .map_err(|e| format!("port {SERVE_PORT} is taken ({e}): stop that server first"))?;
        let log_path = self.dir.join("serve.log");
        let log = fs::File::create(&log_path).map_err(|e| format!("cannot create log: {e}"))?;
        let err = log.try_clone().map_err(|e| e.to_string())?;
        let mut serve = self.xtask(&["serve"]);
        serve
            .stdout(Stdio::from(log))
            .stderr(Stdio::from(err))
            .process_group(0);
        cmd::say(format!(
            "$ {} (log: {})",
            cmd::describe(&serve),
            log_path.display()
        ));
        let mut child = serve
            .spawn()
            .map_err(|e| format!("cannot start serve: {e}"))?;
        let outcome = wait_for_page(&mut child);
        stop(&mut child);
        let text = fs::read_to_string(&log_path).unwrap_or_default();
        text.lines().for_each(|l| cmd::log_line(l.to_owned()));
        outcome
    }
}

/// Polls the served page until it is the app, the server exits, or time
/// runs out.
fn wait_for_page(child: &mut Child) -> Result {
    let start = Instant::now();
    while start.elapsed() < SERVE_TIMEOUT {
        if let Ok(Some(status)) = child.try_wait() {
            return Err(format!(
                "`cargo xtask serve` exited ({status}) before serving"
            ));
        }
        if let Some(page) = get_page() {
            if page.starts_with("HTTP/1.1 200") && page.contains("wasm_bindgen") {
                cmd::say(format!(
                    "the app answers at http://127.0.0.1:{SERVE_PORT}/ after {:.0} s",
                    start.elapsed().as_secs_f64()
                ));
                return Ok(());
            }
        }
        std::thread::sleep(Duration::from_secs(2));
    }
    Err(format!(
        "no app at port {SERVE_PORT} after {SERVE_TIMEOUT:?}"
    ))
}

/// `GET /` on the serve port: the whole response, if any.
fn get_page() -> Option<String> {
    let mut stream = TcpStream::connect(("127.0.0.1", SERVE_PORT)).ok()?;
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .ok()?;
    stream
        .write_all(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        .ok()?;
    let mut page = String::new();
    stream.read_to_string(&mut page).ok()?;
    Some(page)
}

/// Stops the server's process group (cargo, the xtask, Trunk).
fn stop(child: &mut Child) {
    let group = format!("-{}", child.id());
    let _ = Command::new("kill").args(["-TERM", "--", &group]).status();
    let _ = child.wait();
}

fn temp_dir() -> PathBuf {
    std::env::temp_dir().join(format!("dmip-fresh-check-{}", std::process::id()))
}

pub fn main(args: &[String]) -> Result {
    let keep = args.iter().any(|a| a == "--keep");
    let no_test = args.iter().any(|a| a == "--no-test");
    if let Some(bad) = args
        .iter()
        .find(|a| !matches!(a.as_str(), "--keep" | "--no-test"))
    {
        return Err(format!(
            "unknown option `{bad}` (options: --keep, --no-test)"
        ));
    }
    let fresh = Fresh { dir: temp_dir() };
    fs::create_dir_all(&fresh.dir).map_err(|e| format!("cannot create temp dir: {e}"))?;
    let prepare = || fresh.prepare();
    let setup = || run(&mut fresh.xtask(&["setup"]));
    let dist = || run(&mut fresh.xtask(&["dist"]));
    let serve = || fresh.serve();
    let test = || run(&mut fresh.xtask(&["test"]));
    let mut plan: Vec<Step<'_>> = vec![
        ("clone with an empty CARGO_HOME", &prepare),
        ("cargo xtask setup", &setup),
        ("cargo xtask dist", &dist),
        ("cargo xtask serve (until the app answers)", &serve),
    ];
    if !no_test {
        plan.push(("cargo xtask test", &test));
    }
    let outcome = steps::run("fresh-machine check", &plan);
    if keep {
        eprintln!("kept: {}", fresh.dir.display());
    } else if let Err(e) = remove(&fresh.dir) {
        eprintln!("note: {e}");
    }
    outcome
}

fn remove(dir: &Path) -> Result {
    fs::remove_dir_all(dir).map_err(|e| format!("cannot remove {}: {e}", dir.display()))
}

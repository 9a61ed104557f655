//! Named steps with their times: each step is announced, timed, and listed
//! in a summary (ok / failed / not run, seconds). A failing step stops the
//! run; its whole output is written to `target/xtask-logs/<step>.log` and
//! its last lines are printed under the summary.

use crate::cmd::{self, target_dir, Result};
use std::fmt::Write as _;
use std::fs;
use std::path::PathBuf;
use std::time::Instant;

/// A named step.
pub type Step<'a> = (&'static str, &'a dyn Fn() -> Result);

/// How many lines of a failed step's output the summary shows.
pub const TAIL_LINES: usize = 40;

/// What became of one step.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    Ok(f64),
    Failed(f64),
    NotRun,
}

/// Runs `steps` in order until one fails; prints the summary.
pub fn run(title: &str, steps: &[Step<'_>]) -> Result {
    let start = Instant::now();
    let mut outcomes = Vec::new();
    let mut failure = None;
    for &(name, step) in steps {
        if failure.is_some() {
            outcomes.push((name, Outcome::NotRun));
            continue;
        }
        eprintln!("\n==> {name}");
        cmd::take_log();
        let t = Instant::now();
        let result = step();
        let seconds = t.elapsed().as_secs_f64();
        match result {
            Ok(()) => {
                eprintln!("==> {name}: ok ({seconds:.0} s)");
                outcomes.push((name, Outcome::Ok(seconds)));
            }
            Err(e) => {
                cmd::say(format!("error: {name}: {e}"));
                outcomes.push((name, Outcome::Failed(seconds)));
                failure = Some((name, e, cmd::take_log()));
            }
        }
    }
    let total = start.elapsed().as_secs_f64();
    eprintln!("\n{}", summary(title, &outcomes, total));
    let Some((name, error, log)) = failure else {
        return Ok(());
    };
    let path = write_log(name, &log);
    eprintln!("{}", tail(name, &log, path.as_deref()));
    Err(format!("{name}: {error}"))
}

/// The table of steps: outcome, seconds, name; then the total.
pub fn summary(title: &str, outcomes: &[(&str, Outcome)], total: f64) -> String {
    let mut text = format!("{title}:\n");
    for (name, outcome) in outcomes {
        let _ = match outcome {
            Outcome::Ok(s) => writeln!(text, "  ok       {s:>6.0} s  {name}"),
            Outcome::Failed(s) => writeln!(text, "  FAILED   {s:>6.0} s  {name}"),
            Outcome::NotRun => writeln!(text, "  not run           {name}"),
        };
    }
    let passed = outcomes.iter().all(|(_, o)| matches!(o, Outcome::Ok(_)));
    let verdict = if passed { "all passed" } else { "failed" };
    let _ = write!(text, "{verdict} in {total:.0} s");
    text
}

/// The last `TAIL_LINES` lines of a failed step, under a heading naming the
/// step and its full log.
pub fn tail(name: &str, log: &[String], path: Option<&std::path::Path>) -> String {
    let from = log.len().saturating_sub(TAIL_LINES);
    let shown = log.len() - from;
    let mut text = format!("--- last {shown} lines of `{name}`");
    if let Some(path) = path {
        let _ = write!(text, " (whole log: {})", path.display());
    }
    text.push_str(" ---\n");
    for line in &log[from..] {
        text.push_str(line);
        text.push('\n');
    }
    text.push_str("---");
    text
}

/// Writes a step's log under `target/xtask-logs/`; its path, if written.
fn write_log(name: &str, log: &[String]) -> Option<PathBuf> {
    let dir = target_dir().join("xtask-logs");
    let file: String = name
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    let path = dir.join(format!("{file}.log"));
    fs::create_dir_all(&dir).ok()?;
    fs::write(&path, log.join("\n") + "\n").ok()?;
    Some(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_summary_names_each_step_with_its_outcome_and_seconds() {
        let outcomes = [
            ("setup", Outcome::Ok(12.4)),
            ("build", Outcome::Failed(31.0)),
            ("end-to-end tests", Outcome::NotRun),
        ];
        let text = summary("cargo xtask test", &outcomes, 43.4);
        assert_eq!(
            text,
            "cargo xtask test:\n  ok           12 s  setup\n  FAILED       31 s  build\n  \
             not run           end-to-end tests\nfailed in 43 s"
        );
    }

    #[test]
    fn a_failure_shows_the_last_forty_lines_and_the_log() {
        let log: Vec<String> = (1..=50).map(|i| format!("line {i}")).collect();
        let text = tail("build", &log, Some(std::path::Path::new("/t/build.log")));
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(
            lines[0],
            "--- last 40 lines of `build` (whole log: /t/build.log) ---"
        );
        assert_eq!(lines[1], "line 11");
        assert_eq!(lines[40], "line 50");
        assert_eq!(lines.len(), 42);
        let short = tail("fmt", &log[..3], None);
        assert_eq!(
            short,
            "--- last 3 lines of `fmt` ---\nline 1\nline 2\nline 3\n---"
        );
    }
}

//! Project automation: `cargo xtask <command>` (see README.md).

mod ascii;
mod budget;
mod cmd;
mod dist;
mod fresh_check;
mod inline;
mod run_tests;
mod serve;
mod setup;
mod steps;
mod tidy;
mod wasm_flags;

use std::process::ExitCode;

const USAGE: &str = "usage: cargo xtask <command>

  serve        install what is missing, build, write dist/dmip.html and
               serve the app at http://127.0.0.1:8080/
  test         install what is missing and run every test (fmt, clippy,
               native, browser, end-to-end)
  test engine  fmt, clippy and tests of the engine and the xtask
  test app     the app's clippy, native tests and browser tests
  test e2e     the build and the end-to-end tests in Chromium
  dist         build dist/dmip.html only
  setup        install what is missing, nothing else
  tidy         the structural rules (xtask/src/tidy), against xtask/tidy-debt.txt
  fresh-check  the two commands in a fresh clone with an empty CARGO_HOME,
               each step timed (--keep keeps it, --no-test stops at serve)
  forecast-bench
               the model-averaging forecast benchmark of BENCHMARKS.md
               (500 virtual patients per truth; --n N, --seed S)";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let command = args.first().cloned().unwrap_or_default();
    let rest = args.get(1..).unwrap_or_default();
    let outcome = match command.as_str() {
        "serve" => serve::main(),
        "test" if rest.len() <= 1 => run_tests::main(rest.first().map(String::as_str)),
        "fresh-check" => fresh_check::main(rest),
        "dist" => dist::main(),
        "setup" => setup::for_tests(),
        "tidy" => tidy::main(),
        "forecast-bench" => cmd::run(
            cmd::command("cargo")
                .args(["run", "--profile", "bench", "-p", "dmip-engine"])
                .args(["--example", "forecast_bench", "--"])
                .args(rest),
        ),
        "" | "help" | "-h" | "--help" => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        other => Err(format!("unknown command `{other}`\n\n{USAGE}")),
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

//! Project automation: `cargo xtask <command>` (see README.md).

mod budget;
mod cmd;
mod dist;
mod inline;
mod run_tests;
mod serve;
mod setup;
mod wasm_flags;

use std::process::ExitCode;

const USAGE: &str = "usage: cargo xtask <command>

  serve   install what is missing, build, write dist/dmip.html and serve
          the app at http://127.0.0.1:8080/
  test    install what is missing and run every test (fmt, clippy, native,
          browser, end-to-end)
  dist    build dist/dmip.html only
  setup   install what is missing, nothing else";

fn main() -> ExitCode {
    let command = std::env::args().nth(1).unwrap_or_default();
    let outcome = match command.as_str() {
        "serve" => serve::main(),
        "test" => run_tests::main(),
        "dist" => dist::main(),
        "setup" => setup::for_tests(),
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

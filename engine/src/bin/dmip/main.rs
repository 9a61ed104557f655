//! `dmip`: the command-line face of the engine (JSON on stdout).
fn main() {
    eprintln!("dmip: no subcommand implemented yet");
    std::process::exit(2);
}

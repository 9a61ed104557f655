//! `cargo xtask serve`: builds everything, then serves the app with Trunk
//! (rebuilding when a source changes; reload the page by hand).

use crate::cmd::{run, Result};
use crate::{dist, setup, wasm_flags};

pub const ADDRESS: &str = "http://127.0.0.1:8080/";

pub fn main() -> Result {
    setup::for_build()?;
    dist::build()?;
    println!();
    println!("Single file: {}", dist::single_file().display());
    println!("App:         {ADDRESS}  (Ctrl-C stops the server)");
    println!();
    run(&mut wasm_flags::trunk("serve"))
}

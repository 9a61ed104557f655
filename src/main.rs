//! The wasm entry point: mounts the app (`dmip_monitor::start`).

fn main() {
    dmip_monitor::start();
}

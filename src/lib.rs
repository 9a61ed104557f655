//! DMIP Monitor web app (Leptos CSR): the user interface over `dmip-engine`.
//! Runs entirely in the browser; it never does network I/O.

mod app;
mod disease_ui;
pub mod format;
pub mod i18n;
mod ivcy_ui;
mod labs_ui;
mod panels;
pub mod plot;
pub mod probe;
mod safety_ui;
mod screens;
pub mod state;
pub mod storage;
mod tdm_ui;
mod widgets;

pub use app::{App, VERSION};
pub use screens::Screen;

/// Mounts the app on `<body>` and removes the start-up placeholder.
pub fn start() {
    probe::mark(probe::START_MARK);
    console_error_panic_hook::set_once();
    if let Some(boot) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("boot"))
    {
        boot.remove();
    }
    leptos::mount::mount_to_body(App);
    probe::mark_interactive();
}

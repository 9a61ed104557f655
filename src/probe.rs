//! Measurement hooks for the in-browser performance harness
//! (`tests/e2e/perf.mjs`): a `performance.mark` when the app is
//! interactive, and functions on the `wasm_bindgen` global that the
//! harness calls (two measurements, one deliberate fault). They read
//! nothing from the record and send nothing anywhere.

use wasm_bindgen::prelude::*;

/// Name of the mark set once the app is mounted.
pub const INTERACTIVE_MARK: &str = "dmip-interactive";

/// Name of the mark set once the first frame after mounting has been
/// painted (the user sees the screen and can tap it).
pub const PAINTED_MARK: &str = "dmip-painted";

/// Name of the mark set when the wasm is instantiated and the app starts
/// (the cold start's split between compile and first render).
pub const START_MARK: &str = "dmip-start";

/// Sets the mark `name` (no-op where the browser has no Performance API).
pub fn mark(name: &str) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.mark(name);
    }
}

/// Marks the moment the app became interactive (mounted), and, after the
/// next frame's layout and paint, the moment it was painted.
pub fn mark_interactive() {
    mark(INTERACTIVE_MARK);
    leptos::prelude::request_animation_frame(|| {
        leptos::prelude::set_timeout(|| mark(PAINTED_MARK), std::time::Duration::ZERO)
    });
}

/// Bytes of the wasm linear memory (what the app's Rust data occupies,
/// with the allocator's free space).
#[wasm_bindgen]
pub fn dmip_probe_memory_bytes() -> f64 {
    wasm_bindgen::memory()
        .dyn_into::<js_sys::WebAssembly::Memory>()
        .map(|m| {
            m.buffer()
                .unchecked_into::<js_sys::ArrayBuffer>()
                .byte_length() as f64
        })
        .unwrap_or(f64::NAN)
}

/// Milliseconds per MAP fit of the mapbayr 001 reference problem (the
/// self-check's), averaged over `repeats` fits; NaN if it cannot run.
#[wasm_bindgen]
pub fn dmip_probe_map_fit_ms(repeats: u32) -> f64 {
    let Some(problem) = dmip_engine::selfcheck::mapbayr001_problem() else {
        return f64::NAN;
    };
    let Some(perf) = web_sys::window().and_then(|w| w.performance()) else {
        return f64::NAN;
    };
    let options = dmip_engine::estimate::MapOptions::default();
    let repeats = repeats.max(1);
    let t0 = perf.now();
    for _ in 0..repeats {
        std::hint::black_box(problem.fit(&options));
    }
    (perf.now() - t0) / f64::from(repeats)
}

/// Stops the app with a panic, as a bug would: the e2e tests check that
/// the page then tells the user (`www/index.html`) instead of going quiet.
#[wasm_bindgen]
pub fn dmip_probe_fault() {
    panic!("fault requested by the test harness");
}

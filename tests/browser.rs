//! The app's own code in a real browser (headless Chromium through
//! wasm-bindgen-test): the plot draws on a canvas, and the mounted app
//! switches language and shows the engine's result and errors.
//! Run by `cargo xtask test` (`--target wasm32-unknown-unknown --test browser`).
#![cfg(target_arch = "wasm32")]

use dmip_engine::model::demo_curve;
use dmip_monitor::plot::{draw_on_canvas, AxisLabels, CURVE_COLOUR};
use dmip_monitor::App;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{CanvasRenderingContext2d, Document, HtmlCanvasElement, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> Document {
    web_sys::window().unwrap().document().unwrap()
}

/// A canvas of 400 × 200 CSS pixels in the page.
fn canvas() -> HtmlCanvasElement {
    let canvas: HtmlCanvasElement = document()
        .create_element("canvas")
        .unwrap()
        .unchecked_into();
    let style = canvas.style();
    style.set_property("width", "400px").unwrap();
    style.set_property("height", "200px").unwrap();
    style.set_property("display", "block").unwrap();
    document().body().unwrap().append_child(&canvas).unwrap();
    canvas
}

/// Pixels of the curve's colour (within a small tolerance).
fn curve_pixels(canvas: &HtmlCanvasElement) -> usize {
    let ctx: CanvasRenderingContext2d = canvas.get_context("2d").unwrap().unwrap().unchecked_into();
    let (w, h) = (canvas.width(), canvas.height());
    let data = ctx
        .get_image_data(0.0, 0.0, w.into(), h.into())
        .unwrap()
        .data();
    let target = [CURVE_COLOUR.0, CURVE_COLOUR.1, CURVE_COLOUR.2];
    data.chunks(4)
        .filter(|px| {
            px[..3]
                .iter()
                .zip(target)
                .all(|(&a, b)| a.abs_diff(b) <= 24)
        })
        .count()
}

const LABELS: AxisLabels = AxisLabels {
    x: "t (h)",
    y: "C (mg/L)",
};

#[wasm_bindgen_test]
fn plot_draws_the_engine_curve_at_device_resolution() {
    let canvas = canvas();
    let curve = demo_curve(100.0, 12.0, 72.0, 289).unwrap();
    draw_on_canvas(&canvas, &curve, LABELS).unwrap();
    let ratio = web_sys::window().unwrap().device_pixel_ratio().max(1.0);
    assert_eq!(canvas.width(), (400.0 * ratio).round() as u32);
    assert_eq!(canvas.height(), (200.0 * ratio).round() as u32);
    let drawn = curve_pixels(&canvas);
    assert!(drawn > 500, "only {drawn} curve pixels");

    draw_on_canvas(&canvas, &[], LABELS).unwrap();
    assert_eq!(curve_pixels(&canvas), 0, "empty data must clear the curve");
    canvas.remove();
}

/// Lets Leptos run its scheduled effects.
async fn tick() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 10)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

fn text(root: &HtmlElement, selector: &str) -> String {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector}"))
        .text_content()
        .unwrap_or_default()
}

fn set_input(root: &HtmlElement, selector: &str, value: &str) {
    let input: web_sys::HtmlInputElement = root
        .query_selector(selector)
        .unwrap()
        .unwrap()
        .unchecked_into();
    input.set_value(value);
    let event = web_sys::Event::new("input").unwrap();
    input.dispatch_event(&event).unwrap();
}

#[wasm_bindgen_test]
async fn app_switches_language_and_shows_engine_results() {
    web_sys::window()
        .unwrap()
        .location()
        .set_hash("#/selfcheck")
        .unwrap();
    let root: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&root).unwrap();
    let _app = leptos::mount::mount_to(root.clone(), App);
    tick().await;

    let english: HtmlElement = root
        .query_selector("button[data-lang=en]")
        .unwrap()
        .unwrap()
        .unchecked_into();
    english.click();
    tick().await;
    assert_eq!(text(&root, "h2"), "Self-check");
    assert_eq!(
        document()
            .document_element()
            .unwrap()
            .get_attribute("lang")
            .as_deref(),
        Some("en")
    );

    let peak_100: f64 = text(&root, "#demo-peak").parse().unwrap();
    set_input(&root, "#demo-dose", "200");
    tick().await;
    let peak_200: f64 = text(&root, "#demo-peak").parse().unwrap();
    assert!(
        (peak_200 / peak_100 - 2.0).abs() < 0.01,
        "{peak_100} → {peak_200}"
    );

    set_input(&root, "#demo-dose", "abc");
    tick().await;
    assert_eq!(
        text(&root, "#demo-dose-error"),
        "Dose must be a positive finite number (got “abc”)"
    );
    assert_eq!(text(&root, "#demo-peak"), "Not computable");

    let japanese: HtmlElement = root
        .query_selector("button[data-lang=ja]")
        .unwrap()
        .unwrap()
        .unchecked_into();
    japanese.click();
    tick().await;
    assert_eq!(text(&root, "h2"), "自己診断");
    assert_eq!(
        text(&root, "#demo-dose-error"),
        "投与量には正の数値を入力してください（入力：「abc」）"
    );
}

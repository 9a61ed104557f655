//! A plot on `<canvas>`: sized in device pixels for sharp lines, redrawn
//! when its data, its labels or the window size change.

use super::{draw_curve, AxisLabels, PlotError};
use crate::i18n::{fill, use_i18n, Key};
use leptos::html::Canvas;
use leptos::prelude::*;
use plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;
use web_sys::HtmlCanvasElement;

/// CSS size used when the canvas is not laid out (hidden): 640 × 300.
const FALLBACK_CSS_SIZE: (i32, i32) = (640, 300);

/// Draws `points` on `canvas`, first sizing its bitmap to its CSS size
/// times `devicePixelRatio`.
pub fn draw_on_canvas(
    canvas: &HtmlCanvasElement,
    points: &[(f64, f64)],
    labels: AxisLabels,
) -> Result<(), PlotError> {
    let ratio = fit_to_device_pixels(canvas, None);
    let backend = CanvasBackend::with_canvas_object(canvas.clone())
        .ok_or_else(|| PlotError("no 2D context on the canvas".to_owned()))?;
    draw_curve(&backend.into_drawing_area(), points, labels, ratio)
}

/// Keeps the outcome of one drawing of a canvas plot: its frame (to read a
/// pointer position back) or its failure message, and counts the drawing
/// (the canvas's `data-drawn`, which the tests wait on).
pub fn record_draw<F: Send + Sync + 'static>(
    result: Result<F, String>,
    frame: RwSignal<F>,
    failure: RwSignal<Option<String>>,
    drawn: RwSignal<u32>,
) {
    match result {
        Ok(f) => {
            frame.set(f);
            failure.set(None);
        }
        Err(e) => failure.set(Some(e)),
    }
    drawn.update(|n| *n = n.wrapping_add(1));
}

/// `devicePixelRatio`, clamped to 1–4 (1 where unknown).
pub fn device_ratio() -> f64 {
    web_sys::window()
        .map(|w| w.device_pixel_ratio())
        .filter(|r| r.is_finite() && *r > 0.0)
        .unwrap_or(1.0)
        .clamp(1.0, 4.0)
}

/// Sizes `canvas`'s bitmap to its CSS size (or `css_height`, when the
/// height follows the content) times the device ratio; returns the ratio.
pub fn fit_to_device_pixels(canvas: &HtmlCanvasElement, css_height: Option<i32>) -> f64 {
    let ratio = device_ratio();
    let (css_w, css_h) = match (
        canvas.client_width(),
        css_height.unwrap_or(canvas.client_height()),
    ) {
        (w, h) if w > 0 && h > 0 => (w, h),
        _ => FALLBACK_CSS_SIZE,
    };
    let width = (f64::from(css_w) * ratio).round() as u32;
    let height = (f64::from(css_h) * ratio).round() as u32;
    if canvas.width() != width {
        canvas.set_width(width);
    }
    if canvas.height() != height {
        canvas.set_height(height);
    }
    ratio
}

/// A line plot of `points`, described for screen readers by `description`.
#[component]
pub fn LinePlot(
    /// The (x, y) points; empty draws the axes only.
    #[prop(into)]
    points: Signal<Vec<(f64, f64)>>,
    /// Axis titles.
    #[prop(into)]
    labels: Signal<AxisLabels>,
    /// Text alternative of the plot.
    #[prop(into)]
    description: Signal<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let canvas_ref = NodeRef::<Canvas>::new();
    let resized = RwSignal::new(0_u32);
    let listener = window_event_listener(leptos::ev::resize, move |_| {
        resized.update(|n| *n = n.wrapping_add(1))
    });
    on_cleanup(move || listener.remove());
    let failure = RwSignal::new(None::<PlotError>);

    Effect::new(move |_| {
        resized.track();
        let Some(canvas) = canvas_ref.get() else {
            return;
        };
        let labels = labels.get();
        let result = points.with(|p| draw_on_canvas(&canvas, p, labels));
        failure.set(result.err());
    });

    view! {
        <figure class="plot">
            <canvas node_ref=canvas_ref role="img" aria-label=move || description.get()></canvas>
            {move || {
                failure
                    .get()
                    .map(|e| {
                        view! {
                            <p class="field-error" role="alert">
                                {fill(i18n.t(Key::PlotFailed), &[("error", &e.0)])}
                            </p>
                        }
                    })
            }}
        </figure>
    }
}

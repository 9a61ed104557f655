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
    let (w, h) = css_size_now(canvas);
    size_bitmap(canvas, (w, css_height.unwrap_or(h)))
}

/// The canvas's CSS box as laid out now, or the fallback when it is not
/// laid out. Reading it lays the page out first if a change is pending.
fn css_size_now(canvas: &HtmlCanvasElement) -> (i32, i32) {
    (canvas.client_width(), canvas.client_height())
}

/// Sizes `canvas`'s bitmap to `css` (the fallback for a box not laid out)
/// times the device ratio; returns the ratio.
fn size_bitmap(canvas: &HtmlCanvasElement, css: (i32, i32)) -> f64 {
    let ratio = device_ratio();
    let (css_w, css_h) = match css {
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

/// A canvas's CSS size, remembered between drawings. Reading the size from
/// the layout in the middle of an update makes the browser lay the page
/// out at once (the screen's text has just changed), which cost a redraw
/// of the forecast about 4 ms on this machine and four times that on a
/// slow phone. So a redraw uses the size remembered from the
/// last one; after the frame is laid out, `recheck` reads the size again
/// (the page is being laid out then anyway) and asks for a redraw only when
/// the box changed (a window resize, a scroll bar, a fold opened).
#[derive(Clone, Copy)]
pub struct RememberedSize(StoredValue<Option<(i32, i32)>>);

impl RememberedSize {
    pub fn new() -> Self {
        RememberedSize(StoredValue::new(None))
    }

    /// Sizes `canvas`'s bitmap to the remembered CSS size (read from the
    /// layout the first time) times the device ratio; returns the ratio.
    pub fn fit(self, canvas: &HtmlCanvasElement) -> f64 {
        let css = match self.0.get_value() {
            Some(css) => css,
            None => {
                let css = css_size_now(canvas);
                self.0.set_value(Some(css));
                css
            }
        };
        size_bitmap(canvas, css)
    }

    /// Forgets the size (the window was resized): the next `fit` reads it.
    pub fn forget(self) {
        self.0.set_value(None);
    }

    /// At the next animation frame, reads `canvas`'s CSS size again and
    /// calls `changed` when it differs from the remembered one.
    pub fn recheck(self, canvas: HtmlCanvasElement, changed: impl FnOnce() + 'static) {
        request_animation_frame(move || {
            let now = css_size_now(&canvas);
            if self.0.try_get_value().flatten() != Some(now) {
                let _ = self.0.try_set_value(Some(now));
                changed();
            }
        });
    }
}

impl Default for RememberedSize {
    fn default() -> Self {
        Self::new()
    }
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

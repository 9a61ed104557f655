//! The forecast plot on a `<canvas>` (device-pixel sized: sharp on
//! high-DPI), with the zoom toggle (last 48 h / whole history) and a text
//! readout of the curves at the time under the pointer or tap.

use super::clock::display;
use super::forecast::{clock_ticks, draw_forecast, ForecastData, Frame};
use super::session::Session;
use super::summary::CONC_UNIT;
use crate::format::significant;
use crate::i18n::{fill, use_i18n, Key};
use crate::plot::{device_ratio, record_draw, RememberedSize};
use dmip_engine::tdm::view::at_hours;
use leptos::html::Canvas;
use leptos::prelude::*;
use plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;
use web_sys::HtmlCanvasElement;

/// Draws `data` over `window` (hours) on `canvas`, sized to its CSS box
/// (as `size` remembers it) in device pixels.
fn draw(
    canvas: &HtmlCanvasElement,
    size: RememberedSize,
    data: &ForecastData,
    window: (f64, f64),
    labels: (&str, &str),
) -> Result<Frame, String> {
    let r = size.fit(canvas);
    let backend = CanvasBackend::with_canvas_object(canvas.clone())
        .ok_or_else(|| "no 2D context on the canvas".to_owned())?;
    draw_forecast(&backend.into_drawing_area(), data, window, labels, r).map_err(|e| e.0)
}

#[component]
pub fn ForecastPlot(session: Session) -> impl IntoView {
    let i18n = use_i18n();
    let slug = session.spec.slug;
    let canvas_ref = NodeRef::<Canvas>::new();
    let recent = RwSignal::new(true);
    let frame = RwSignal::new(Frame::default());
    let pointer = RwSignal::new(None::<f64>);
    let failure = RwSignal::new(None::<String>);
    let drawn = RwSignal::new(0_u32);
    // The time axis's labels, on the canvas for tests and assistive tools.
    let ticks = RwSignal::new(String::new());
    let resized = RwSignal::new(0_u32);
    let size = RememberedSize::new();
    let listener = window_event_listener(leptos::ev::resize, move |_| {
        size.forget();
        resized.update(|n| *n = n.wrapping_add(1))
    });
    on_cleanup(move || listener.remove());
    let data = Memo::new(move |_| {
        let (aim, limit) = session.targets();
        session.output.with(|o| {
            let Ok(out) = o else { return None };
            let data = session
                .drug
                .with(|d| ForecastData::of(out, d, &aim, limit.as_ref()));
            Some((data, out.origin.clone()))
        })
    });
    Effect::new(move |_| {
        resized.track();
        let Some(canvas) = canvas_ref.get() else {
            return;
        };
        let labels = (i18n.t(Key::TdmAxisTime), i18n.t(Key::TdmAxisConc));
        let recent = recent.get();
        let result = data.with(|d| {
            let empty = ForecastData::default();
            let d = d.as_ref().map_or(&empty, |(d, _)| d);
            let window = d.window(recent);
            let labels_of = |o| clock_ticks(o, window, 6).into_iter().map(|t| t.1);
            ticks.set(
                d.origin
                    .as_ref()
                    .map_or_else(String::new, |o| labels_of(o).collect::<Vec<_>>().join(" ")),
            );
            draw(&canvas, size, d, window, labels)
        });
        record_draw(result, frame, failure, drawn);
        size.recheck(canvas, move || {
            let _ = resized.try_update(|n| *n = n.wrapping_add(1));
        });
    });
    let on_pointer = move |x_css: f64| {
        pointer.set(frame.get_untracked().hours_at(x_css * device_ratio()));
    };
    let readout = move || {
        let h = pointer.get()?;
        data.with(|d| {
            let (d, origin) = d.as_ref()?;
            let i = d
                .time_h
                .iter()
                .enumerate()
                .min_by(|a, b| (a.1 - h).abs().total_cmp(&(b.1 - h).abs()))?
                .0;
            let when = at_hours(origin, d.time_h[i])
                .map(|t| display(&t))
                .unwrap_or_default();
            let n = |v: Option<f64>| {
                v.map_or("-".to_owned(), |v| {
                    format!("{} {CONC_UNIT}", significant(v, 3))
                })
            };
            Some(fill(
                i18n.t(Key::TdmReadout),
                &[
                    ("time", &when),
                    (
                        "individual",
                        &n(d.individual.as_ref().and_then(|v| v.get(i).copied())),
                    ),
                    (
                        "low",
                        &n(d.band.as_ref().and_then(|b| b.get(i)).map(|b| b.0)),
                    ),
                    (
                        "high",
                        &n(d.band.as_ref().and_then(|b| b.get(i)).map(|b| b.1)),
                    ),
                    ("population", &n(d.population.get(i).copied())),
                ],
            ))
        })
    };

    view! {
        <section class="panel" aria-labelledby=format!("{slug}-plot-title")>
            <h3 id=format!("{slug}-plot-title")>{i18n.tx(Key::TdmPlotTitle)}</h3>
            <p class="note">{i18n.tx(Key::TdmPlotLegend)}</p>
            <div class="toolbar" role="group">
                <button
                    type="button"
                    id=format!("{slug}-zoom")
                    aria-pressed=move || (!recent.get()).to_string()
                    on:click=move |_| recent.update(|r| *r = !*r)
                >
                    {move || i18n.t(if recent.get() { Key::TdmZoomWhole } else { Key::TdmZoomRecent })}
                </button>
            </div>
            <figure class="forecast-plot">
                <canvas
                    node_ref=canvas_ref
                    id=format!("{slug}-plot")
                    data-drawn=move || drawn.get().to_string()
                    data-ticks=move || ticks.get()
                    role="img"
                    aria-label=i18n.tx(Key::TdmPlotTitle)
                    on:pointermove=move |ev| on_pointer(f64::from(ev.offset_x()))
                    on:pointerdown=move |ev| on_pointer(f64::from(ev.offset_x()))
                ></canvas>
                <figcaption class="readout" id=format!("{slug}-readout") aria-live="polite">
                    {move || readout().unwrap_or_else(|| i18n.t(Key::TdmReadoutHint).to_owned())}
                </figcaption>
                {move || failure.get().map(|e| view! {
                    <p class="field-error" role="alert">{fill(i18n.t(Key::PlotFailed), &[("error", &e)])}</p>
                })}
            </figure>
        </section>
    }
}

/// The forecast of one computed result as a still figure (the report),
/// over [`ForecastData::around_latest`], drawn once the canvas is laid out.
#[component]
pub fn ForecastFigure(data: ForecastData, id: String) -> impl IntoView {
    let i18n = use_i18n();
    let canvas_ref = NodeRef::<Canvas>::new();
    let frame = RwSignal::new(Frame::default());
    let drawn = RwSignal::new(0_u32);
    let failure = RwSignal::new(None::<String>);
    Effect::new(move |_| {
        let Some(canvas) = canvas_ref.get() else {
            return;
        };
        let labels = (i18n.t(Key::TdmAxisTime), i18n.t(Key::TdmAxisConc));
        let size = RememberedSize::new();
        let result = draw(&canvas, size, &data, data.around_latest(), labels);
        record_draw(result, frame, failure, drawn);
    });
    view! {
        <figure class="forecast-plot report-plot">
            <canvas
                node_ref=canvas_ref
                id=id
                data-drawn=move || drawn.get().to_string()
                role="img"
                aria-label=i18n.tx(Key::TdmPlotTitle)
            ></canvas>
            <figcaption class="report-cite">{i18n.tx(Key::TdmPlotLegend)}</figcaption>
            {move || failure.get().map(|e| view! {
                <p class="field-error" role="alert">{fill(i18n.t(Key::PlotFailed), &[("error", &e)])}</p>
            })}
        </figure>
    }
}

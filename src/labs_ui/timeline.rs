//! The one time axis: stacked panels (levels, doses, prednisolone, periods
//! of co-medications and meal timing, IVCY, markers, lung function,
//! infection labs) on a canvas sized in device pixels, a range switch
//! (all, 90 days, 30 days), a legend and the values near a tap.

use super::text::{analyte_name, date_text, num};
use super::timeline_draw::{draw_timeline, series_colour, Frame};
use crate::i18n::{fill, use_i18n, I18n, Key, LabKey, TimeKey};
use crate::plot::{device_ratio, fit_to_device_pixels, record_draw};
use crate::state::use_record;
use chrono::Duration;
use dmip_engine::labs::{timeline, PanelKind, Series, SeriesId, Timeline};
use dmip_engine::tdm::Drug;
use dmip_engine::text::Words;
use leptos::html::Canvas;
use leptos::prelude::*;
use plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;
use web_sys::HtmlCanvasElement;

/// Height of one panel, CSS pixels.
const PANEL_CSS_PX: i32 = 150;
const RANGES: [(LabKey, Option<f64>); 3] = [
    (LabKey::ZoomAll, None),
    (LabKey::Zoom90, Some(90.0)),
    (LabKey::Zoom30, Some(30.0)),
];

fn panel_title(i18n: I18n, k: PanelKind) -> &'static str {
    let key = match k {
        PanelKind::Levels => LabKey::PanelLevels,
        PanelKind::Doses => LabKey::PanelDoses,
        PanelKind::Prednisolone => return i18n.t(TimeKey::PanelPrednisolone),
        PanelKind::Periods => return i18n.t(TimeKey::PanelPeriods),
        PanelKind::Ivcy => LabKey::PanelIvcy,
        PanelKind::Markers => LabKey::PanelMarkers,
        PanelKind::LungFunction => LabKey::PanelLung,
        PanelKind::Infection => LabKey::PanelInfection,
    };
    i18n.t(key)
}

fn series_name(i18n: I18n, s: &Series) -> String {
    if let Some(label) = &s.label {
        return label.clone();
    }
    let key = match s.id {
        SeriesId::Lab(a) => return analyte_name(i18n.lang(), a).to_owned(),
        SeriesId::Level(Drug::Cyclosporine) => LabKey::SeriesCsaLevel,
        SeriesId::Level(Drug::Tacrolimus) => LabKey::SeriesTacLevel,
        SeriesId::DailyDose(Drug::Cyclosporine) => LabKey::SeriesCsaDose,
        SeriesId::DailyDose(Drug::Tacrolimus) => LabKey::SeriesTacDose,
        SeriesId::Prednisolone => return i18n.t(TimeKey::SeriesPsl).to_owned(),
        SeriesId::Meal(drug, meal) => {
            let drug = match drug {
                Drug::Cyclosporine => Key::ScreenCyclosporine,
                Drug::Tacrolimus => Key::ScreenTacrolimus,
            };
            return fill(
                i18n.t(TimeKey::SeriesMeal),
                &[("drug", i18n.t(drug)), ("meal", meal.words(i18n.lang()))],
            );
        }
        SeriesId::CoMedication(_) => return String::new(),
        SeriesId::IvcyPulse => LabKey::SeriesIvcy,
        SeriesId::AaDo2 => LabKey::SeriesAaDo2,
    };
    i18n.t(key).to_owned()
}

/// A series' unit as shown (mg/day in the UI language).
fn unit(i18n: I18n, unit: &str) -> String {
    match unit {
        "mg/day" => i18n.t(Key::TdmUnitMgPerDay).to_owned(),
        other => other.to_owned(),
    }
}

fn window(t: &Timeline, days: Option<f64>) -> (f64, f64) {
    let end = t.last_day + 0.5;
    let start = days.map_or(-0.5, |d| (end - d).max(-0.5));
    (start, end.max(start + 1.0))
}

fn draw(
    canvas: &HtmlCanvasElement,
    t: &Timeline,
    win: (f64, f64),
    titles: &[String],
) -> Result<Frame, String> {
    let css_h = PANEL_CSS_PX * t.panels.len().max(1) as i32;
    let ratio = fit_to_device_pixels(canvas, Some(css_h));
    let backend =
        CanvasBackend::with_canvas_object(canvas.clone()).ok_or("no 2D context on the canvas")?;
    let origin = t.origin;
    // Month/day within a year; with the year when the range is longer.
    let format = if win.1 - win.0 > 300.0 {
        "%Y/%m/%d"
    } else {
        "%m/%d"
    };
    let label = move |d: f64| {
        (origin + Duration::days(d.round() as i64))
            .format(format)
            .to_string()
    };
    draw_timeline(&backend.into_drawing_area(), t, win, titles, &label, ratio).map_err(|e| e.0)
}

#[component]
pub fn TimelinePlot() -> impl IntoView {
    let i18n = use_i18n();
    let record = use_record().record;
    let data = Memo::new(move |_| record.with(timeline));
    let range = RwSignal::new(None::<f64>);
    let canvas_ref = NodeRef::<Canvas>::new();
    let frame = RwSignal::new(Frame::default());
    let failure = RwSignal::new(None::<String>);
    let drawn = RwSignal::new(0_u32);
    let tapped = RwSignal::new(None::<f64>);
    let resized = RwSignal::new(0_u32);
    let listener = window_event_listener(leptos::ev::resize, move |_| {
        resized.update(|n| *n = n.wrapping_add(1))
    });
    on_cleanup(move || listener.remove());
    Effect::new(move |_| {
        resized.track();
        let Some(canvas) = canvas_ref.get() else {
            return;
        };
        let days = range.get();
        let result = data.with(|t| {
            let titles: Vec<String> = t
                .panels
                .iter()
                .map(|p| panel_title(i18n, p.kind).to_owned())
                .collect();
            draw(&canvas, t, window(t, days), &titles)
        });
        record_draw(result, frame, failure, drawn);
    });
    let on_tap = move |x_css: f64| {
        let ratio = device_ratio();
        tapped.set(frame.get_untracked().day_at(x_css * ratio));
    };
    let readout = move || {
        let Some(day) = tapped.get() else {
            return i18n.t(LabKey::ReadoutHint).to_owned();
        };
        data.with(|t| {
            let (a, b) = window(t, range.get());
            let near = t.nearest(day, ((b - a) / 40.0).max(0.6));
            let when = date_text(t.origin + Duration::days(day.round() as i64));
            if near.is_empty() {
                return fill(i18n.t(LabKey::ReadoutNone), &[("date", &when)]);
            }
            let values: Vec<String> = near
                .iter()
                .map(|(s, p)| {
                    if matches!(s.id, SeriesId::CoMedication(_) | SeriesId::Meal(..)) {
                        return format!("{} {}", series_name(i18n, s), i18n.t(TimeKey::ReadoutOn));
                    }
                    let on = date_text(t.origin + Duration::days(p.day.floor() as i64));
                    let u = unit(i18n, s.unit);
                    format!("{} {} {u} ({on})", series_name(i18n, s), num(p.value))
                })
                .collect();
            format!("{when}: {}", values.join("; "))
        })
    };
    let legend = move || {
        data.with(|t| {
            t.panels
                .iter()
                .map(|p| {
                    // A lane's periods share one entry.
                    let mut seen = Vec::new();
                    let items = p
                        .series
                        .iter()
                        .enumerate()
                        .filter(|(_, s)| {
                            let new = !seen.contains(&s.id);
                            seen.push(s.id);
                            new
                        })
                        .map(|(k, s)| {
                            let c = series_colour(p.kind, k, s);
                            let style = format!("background: rgb({}, {}, {})", c.0, c.1, c.2);
                            view! { <li><span class="swatch" style=style></span>{series_name(i18n, s)}</li> }
                        })
                        .collect_view();
                    view! { <li><strong>{panel_title(i18n, p.kind)}</strong><ul>{items}</ul></li> }
                })
                .collect_view()
        })
    };
    let panels = move || data.with(|t| t.panels.len());
    view! {
        <section class="panel" aria-labelledby="labs-plot-title">
            <h3 id="labs-plot-title">{i18n.tx(LabKey::PlotTitle)}</h3>
            <p class="note">{i18n.tx(LabKey::PlotNote)}</p>
            <div class="toolbar" role="group" aria-label=i18n.tx(LabKey::ZoomLabel)>
                {RANGES.iter().enumerate().map(|(k, (key, days))| {
                    let days = *days;
                    view! {
                        <button type="button" id=format!("labs-zoom-{k}") aria-pressed=move || (range.get() == days).to_string() on:click=move |_| range.set(days)>
                            {move || i18n.t(*key)}
                        </button>
                    }
                }).collect_view()}
            </div>
            <Show when=move || panels() == 0>
                <p class="muted" id="labs-plot-empty">{i18n.tx(LabKey::PlotEmpty)}</p>
            </Show>
            <figure class="labs-plot">
                <canvas
                    node_ref=canvas_ref
                    id="labs-plot"
                    data-drawn=move || drawn.get().to_string()
                    style:height=move || format!("{}px", PANEL_CSS_PX * panels().max(1) as i32)
                    role="img"
                    aria-label=i18n.tx(LabKey::PlotTitle)
                    on:pointerdown=move |ev| on_tap(f64::from(ev.offset_x()))
                    on:pointermove=move |ev| if ev.buttons() != 0 { on_tap(f64::from(ev.offset_x())) }
                ></canvas>
                <figcaption class="readout" id="labs-readout" aria-live="polite">{readout}</figcaption>
                {move || failure.get().map(|e| view! { <p class="field-error" role="alert">{fill(i18n.t(Key::PlotFailed), &[("error", &e)])}</p> })}
            </figure>
            <ul class="labs-legend" aria-label=i18n.tx(LabKey::Legend)>{legend}</ul>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{fixed_i18n, Lang};
    use dmip_engine::tdm::MealTiming;

    fn series(id: SeriesId, label: Option<&str>, lane: f64) -> Series {
        let p = dmip_engine::labs::Point {
            day: 0.0,
            value: 1.0,
            y: lane,
        };
        Series {
            id,
            unit: "",
            label: label.map(str::to_owned),
            points: vec![p, p],
        }
    }

    #[test]
    fn periods_are_named_as_typed_or_by_drug_and_meal_and_coloured_by_lane() {
        let meal = series(
            SeriesId::Meal(Drug::Cyclosporine, MealTiming::BeforeMeal),
            None,
            2.0,
        );
        assert_eq!(
            series_name(fixed_i18n(Lang::Ja), &meal),
            "シクロスポリン（食前）"
        );
        assert_eq!(
            series_name(fixed_i18n(Lang::En), &meal),
            "Cyclosporine (before meals)"
        );
        let azole = series(SeriesId::CoMedication(3), Some("イトリゾール"), 1.0);
        assert_eq!(series_name(fixed_i18n(Lang::En), &azole), "イトリゾール");
        // By lane, not by position in the panel.
        assert_eq!(
            series_colour(PanelKind::Periods, 5, &meal),
            series_colour(PanelKind::Doses, 1, &meal)
        );
        assert_eq!(unit(fixed_i18n(Lang::Ja), "mg/day"), "mg/日");
        assert_eq!(
            panel_title(fixed_i18n(Lang::Ja), PanelKind::Periods),
            "併用薬・服用タイミング"
        );
    }
}

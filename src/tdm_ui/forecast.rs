//! The forecast plot drawn on any plotters backend: 90 % band, population
//! and individual curves, target band, the toxicity limit (dashed), observed
//! levels (below the limit of quantification: hollow, at the limit), dose
//! marks with their amounts and the "now" line, on a time axis of dates
//! and clock times.

use crate::format::tick;
use crate::plot::PlotError;
use dmip_engine::dose::{Metric, Range};
use dmip_engine::record::DrugRecord;
use dmip_engine::tdm::view::{DateTime, FixedOffset};
use dmip_engine::tdm::TdmOutput;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

const INDIVIDUAL: RGBColor = RGBColor(0, 78, 152);
const POPULATION: RGBColor = RGBColor(110, 110, 110);
const BAND: RGBColor = RGBColor(160, 190, 230);
const TARGET: RGBColor = RGBColor(196, 232, 196);
const OBSERVED: RGBColor = RGBColor(190, 40, 30);
const NOW: RGBColor = RGBColor(120, 60, 150);
const TEXT: RGBColor = RGBColor(33, 37, 41);
const GRID: RGBColor = RGBColor(225, 229, 235);
/// The toxicity limit (CsA C0 ≤ 200 ng/mL): dashed, this exact colour
/// (the e2e test counts its pixels).
pub const LIMIT: RGBColor = RGBColor(230, 120, 0);
/// The plan (hold then resume, or the suggested regimen): dashed, this
/// exact colour (the e2e test counts its pixels).
pub const PLAN: RGBColor = RGBColor(0, 150, 136);
/// Above this many doses in view their amounts are not written.
const MAX_DOSE_LABELS: usize = 16;

/// What is plotted, in model hours.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ForecastData {
    pub time_h: Vec<f64>,
    pub population: Vec<f64>,
    pub individual: Option<Vec<f64>>,
    /// (p05, p95) on the grid.
    pub band: Option<Vec<(f64, f64)>>,
    /// (time, value, below LLOQ).
    pub levels: Vec<(f64, f64, bool)>,
    pub target: Option<(f64, f64)>,
    pub dose_times_h: Vec<f64>,
    /// The amount of each dose, mg.
    pub dose_amounts_mg: Vec<f64>,
    pub now_h: f64,
    /// Model hour 0 as a clock time: the axis shows dates and times.
    pub origin: Option<DateTime<FixedOffset>>,
    /// The upper limit of a concentration limit (CsA C0 ≤ 200), drawn as a
    /// dashed line.
    pub limit: Option<f64>,
    /// The plan's prediction on the grid (drawn from now on) and its doses
    /// after now.
    pub plan: Option<Vec<f64>>,
    pub plan_doses_h: Vec<f64>,
}

/// Tick positions (model hours) and their labels for the window
/// `(from, to)`: whole clock steps of 3, 6, 12, 24, 48 h or a week, aligned
/// to local midnight, at most `max` of them. Below a day a tick reads
/// `HH:MM`, at midnight `MM/DD`; a step of a day or more reads `MM/DD`.
pub fn clock_ticks(
    origin: &DateTime<FixedOffset>,
    (from, to): (f64, f64),
    max: usize,
) -> Vec<(f64, String)> {
    use chrono::Timelike;
    let span = (to - from).max(1e-9);
    let step = [3.0, 6.0, 12.0, 24.0, 48.0, 168.0]
        .into_iter()
        .find(|s| span / s <= max.max(1) as f64)
        .unwrap_or(168.0);
    // Hours from the origin back to its local midnight.
    let into_day = f64::from(origin.num_seconds_from_midnight()) / 3600.0;
    let first = ((from + into_day) / step).ceil() * step - into_day;
    let mut ticks = Vec::new();
    let mut t = first;
    while t <= to + 1e-9 && ticks.len() <= max {
        let ms = (t * 3_600_000.0).round() as i64;
        if let Some(at) = origin.checked_add_signed(chrono::Duration::milliseconds(ms)) {
            let label = if step >= 24.0 || (at.hour() == 0 && at.minute() == 0) {
                at.format("%m/%d").to_string()
            } else {
                at.format("%H:%M").to_string()
            };
            ticks.push((t, label));
        }
        t += step;
    }
    ticks
}

impl ForecastData {
    /// The plot data of the engine's output for `drug`: its levels (in the
    /// output's order; below the limit: at the limit) and its aim, drawn as
    /// a band for a concentration, not for an AUC.
    pub fn of(out: &TdmOutput, drug: &DrugRecord, aim: &Range, limit: Option<&Range>) -> Self {
        let levels = drug
            .levels
            .iter()
            .zip(&out.levels)
            .filter_map(|(l, t)| {
                let v = if l.blq { l.lloq_ng_ml? } else { l.value_ng_ml? };
                Some((t.time_h, v, l.blq))
            })
            .collect();
        let target = match aim.metric {
            Metric::C0 | Metric::C { .. } => Some((
                aim.low.unwrap_or(0.0),
                aim.high.unwrap_or(aim.low.unwrap_or(0.0)),
            )),
            _ => None,
        };
        let c = &out.curves;
        ForecastData {
            time_h: c.time_h.clone(),
            population: c.population.clone(),
            individual: c.individual.clone(),
            band: c
                .band
                .as_ref()
                .map(|b| b.iter().map(|p| (p.p05, p.p95)).collect()),
            levels,
            target,
            dose_times_h: c.dose_times_h.clone(),
            dose_amounts_mg: c.dose_amounts_mg.clone(),
            now_h: c.now_h,
            origin: DateTime::parse_from_rfc3339(&out.origin).ok(),
            limit: limit
                .filter(|l| matches!(l.metric, Metric::C0 | Metric::C { .. }))
                .and_then(|l| l.high),
            plan: c.plan.as_ref().map(|p| p.values.clone()),
            plan_doses_h: c.plan.as_ref().map_or_else(Vec::new, |p| {
                p.dose_times_h
                    .iter()
                    .copied()
                    .filter(|t| *t >= c.now_h)
                    .collect()
            }),
        }
    }

    /// Hours shown: the whole history, or the last 48 h before now and the
    /// forecast after it.
    pub fn window(&self, recent: bool) -> (f64, f64) {
        let first = self.time_h.first().copied().unwrap_or(0.0);
        let last = self.time_h.last().copied().unwrap_or(1.0).max(first + 1.0);
        if recent {
            ((self.now_h - 48.0).max(first), last)
        } else {
            (first, last)
        }
    }

    /// Hours a still figure shows: the recent window when the latest dose
    /// or level is within a day of now; otherwise (an old record) the 48 h
    /// before the latest of them and the day after it, where the data are.
    pub fn around_latest(&self) -> (f64, f64) {
        let latest = self
            .dose_times_h
            .iter()
            .copied()
            .chain(self.levels.iter().map(|l| l.0))
            .fold(f64::NEG_INFINITY, f64::max);
        let recent = self.window(true);
        if !latest.is_finite() || self.now_h - latest <= 24.0 {
            return recent;
        }
        let (first, last) = self.window(false);
        let from = (latest - 48.0).max(first);
        (from, (latest + 24.0).min(last).max(from + 1.0))
    }
}

/// Where the plotting area is, to read a time back from a pointer position:
/// device pixels `(left, right)` and hours `(from, to)`.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Frame {
    pub pixels: (i32, i32),
    pub hours: (f64, f64),
}

impl Frame {
    /// Hours at device pixel `x`.
    pub fn hours_at(&self, x: f64) -> Option<f64> {
        let (l, r) = self.pixels;
        if r <= l {
            return None;
        }
        let f = ((x - f64::from(l)) / f64::from(r - l)).clamp(0.0, 1.0);
        Some(self.hours.0 + f * (self.hours.1 - self.hours.0))
    }
}

fn err(e: impl std::fmt::Display) -> PlotError {
    PlotError(e.to_string())
}

/// Draws `data` in the window `(from, to)` hours. `scale` is device pixels
/// per CSS pixel.
pub fn draw_forecast<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    data: &ForecastData,
    window: (f64, f64),
    labels: (&str, &str),
    scale: f64,
) -> Result<Frame, PlotError> {
    let px = |css: f64| (css * scale).round() as u32;
    let (from, to) = window;
    let inside = |t: f64| t >= from && t <= to;
    let mut y_max = 0.0_f64;
    for (i, &t) in data.time_h.iter().enumerate() {
        if inside(t) {
            y_max = y_max.max(data.population.get(i).copied().unwrap_or(0.0));
            if let Some(v) = data.individual.as_ref().and_then(|v| v.get(i)) {
                y_max = y_max.max(*v);
            }
            if let Some(b) = data.band.as_ref().and_then(|b| b.get(i)) {
                y_max = y_max.max(b.1);
            }
            if let Some(v) = data.plan.as_ref().and_then(|v| v.get(i)) {
                y_max = y_max.max(*v);
            }
        }
    }
    for l in data.levels.iter().filter(|l| inside(l.0)) {
        y_max = y_max.max(l.1);
    }
    if let Some((_, high)) = data.target {
        y_max = y_max.max(high);
    }
    if let Some(limit) = data.limit {
        y_max = y_max.max(limit);
    }
    let y_top = if y_max.is_finite() && y_max > 0.0 {
        y_max * 1.1
    } else {
        1.0
    };
    let font = ("sans-serif", 13.0 * scale).into_font().color(&TEXT);
    root.fill(&WHITE).map_err(err)?;
    let ticks = data
        .origin
        .as_ref()
        .map(|o| clock_ticks(o, window, 6))
        .unwrap_or_default();
    let mut chart = ChartBuilder::on(root)
        .margin(px(12.0))
        .x_label_area_size(px(40.0))
        .y_label_area_size(px(56.0))
        .build_cartesian_2d(from..to, 0.0..y_top)
        .map_err(err)?;
    chart
        .configure_mesh()
        .x_desc(labels.0)
        .y_desc(labels.1)
        .label_style(font.clone())
        .axis_desc_style(font)
        .axis_style(TEXT)
        .light_line_style(WHITE)
        .bold_line_style(GRID)
        .x_labels(if ticks.is_empty() { 7 } else { 0 })
        .y_labels(6)
        .x_label_formatter(&|x| tick(*x))
        .y_label_formatter(&|y| tick(*y))
        .draw()
        .map_err(err)?;
    // The clock ticks: a grid line each, the label under the axis.
    chart
        .draw_series(
            ticks.iter().map(|&(t, _)| {
                PathElement::new([(t, 0.0), (t, y_top)], GRID.stroke_width(px(1.0)))
            }),
        )
        .map_err(err)?;
    let label_font = ("sans-serif", 13.0 * scale)
        .into_font()
        .color(&TEXT)
        .pos(Pos::new(HPos::Center, VPos::Top));
    for (t, label) in &ticks {
        let (x, y) = chart.backend_coord(&(*t, 0.0));
        root.draw_text(label, &label_font, (x, y + px(4.0) as i32))
            .map_err(err)?;
    }
    if let Some((low, high)) = data.target {
        chart
            .draw_series(std::iter::once(Rectangle::new(
                [(from, low.min(y_top)), (to, high.min(y_top))],
                TARGET.mix(0.6).filled(),
            )))
            .map_err(err)?;
    }
    if let Some(limit) = data.limit.filter(|l| *l < y_top) {
        chart
            .draw_series(DashedLineSeries::new(
                [(from, limit), (to, limit)],
                px(8.0),
                px(5.0),
                LIMIT.stroke_width(px(2.0)),
            ))
            .map_err(err)?;
    }
    let visible: Vec<usize> = (0..data.time_h.len())
        .filter(|&i| inside(data.time_h[i]))
        .collect();
    if let Some(band) = &data.band {
        let mut outline: Vec<(f64, f64)> = visible
            .iter()
            .filter_map(|&i| Some((data.time_h[i], band.get(i)?.1)))
            .collect();
        outline.extend(
            visible
                .iter()
                .rev()
                .filter_map(|&i| Some((data.time_h[i], band.get(i)?.0))),
        );
        chart
            .draw_series(std::iter::once(Polygon::new(
                outline,
                BAND.mix(0.7).filled(),
            )))
            .map_err(err)?;
    }
    let line = |values: &Vec<f64>| -> Vec<(f64, f64)> {
        visible
            .iter()
            .filter_map(|&i| Some((data.time_h[i], *values.get(i)?)))
            .filter(|p| p.1.is_finite())
            .collect()
    };
    chart
        .draw_series(LineSeries::new(
            line(&data.population),
            POPULATION.stroke_width(px(1.5)),
        ))
        .map_err(err)?;
    if let Some(ind) = &data.individual {
        chart
            .draw_series(LineSeries::new(line(ind), INDIVIDUAL.stroke_width(px(2.5))))
            .map_err(err)?;
    }
    if let Some(plan) = &data.plan {
        let after: Vec<(f64, f64)> = line(plan)
            .into_iter()
            .filter(|p| p.0 >= data.now_h)
            .collect();
        chart
            .draw_series(DashedLineSeries::new(
                after,
                px(6.0),
                px(4.0),
                PLAN.stroke_width(px(2.5)),
            ))
            .map_err(err)?;
        let mark = (6.0 * scale).round() as i32;
        chart
            .draw_series(
                data.plan_doses_h
                    .iter()
                    .filter(|t| inside(**t))
                    .map(|&t| TriangleMarker::new((t, y_top * 0.1), mark, PLAN.filled())),
            )
            .map_err(err)?;
    }
    if inside(data.now_h) {
        chart
            .draw_series(LineSeries::new(
                [(data.now_h, 0.0), (data.now_h, y_top)],
                NOW.stroke_width(px(1.5)),
            ))
            .map_err(err)?;
    }
    let mark = (6.0 * scale).round() as i32;
    chart
        .draw_series(
            data.dose_times_h
                .iter()
                .filter(|t| inside(**t))
                .map(|&t| TriangleMarker::new((t, y_top * 0.02), mark, TEXT.filled())),
        )
        .map_err(err)?;
    let shown: Vec<(f64, f64)> = data
        .dose_times_h
        .iter()
        .zip(&data.dose_amounts_mg)
        .filter(|(t, _)| inside(**t))
        .map(|(t, a)| (*t, *a))
        .collect();
    if shown.len() <= MAX_DOSE_LABELS {
        let small = ("sans-serif", 10.0 * scale).into_font().color(&TEXT);
        chart
            .draw_series(shown.iter().map(|&(t, a)| {
                Text::new(
                    tick(a),
                    (t, y_top * 0.06),
                    small.clone().pos(Pos::new(HPos::Center, VPos::Bottom)),
                )
            }))
            .map_err(err)?;
    }
    chart
        .draw_series(
            data.levels
                .iter()
                .filter(|l| inside(l.0))
                .map(|&(t, v, blq)| {
                    let style = if blq {
                        OBSERVED.stroke_width(px(2.0))
                    } else {
                        OBSERVED.filled()
                    };
                    Circle::new((t, v), mark - 1, style)
                }),
        )
        .map_err(err)?;
    let (xs, _) = chart.plotting_area().get_pixel_range();
    root.present().map_err(err)?;
    Ok(Frame {
        pixels: (xs.start, xs.end),
        hours: (from, to),
    })
}

#[cfg(test)]
mod tests {
    use super::ForecastData;

    fn data(now_h: f64, dose_times_h: Vec<f64>, levels: Vec<(f64, f64, bool)>) -> ForecastData {
        ForecastData {
            time_h: vec![0.0, 600.0],
            dose_times_h,
            levels,
            now_h,
            ..ForecastData::default()
        }
    }

    #[test]
    fn the_time_axis_reads_dates_and_clock_times_aligned_to_midnight() {
        let origin =
            dmip_engine::tdm::view::DateTime::parse_from_rfc3339("2026-11-01T08:00:00+09:00")
                .expect("time");
        // 18:00 on 1 Nov to 18:00 on 2 Nov, 6 ticks at most: every 6 h
        // from local midnight; midnight shows the date.
        let t = super::clock_ticks(&origin, (10.0, 34.0), 6);
        let labels: Vec<&str> = t.iter().map(|(_, l)| l.as_str()).collect();
        assert_eq!(labels, ["18:00", "11/02", "06:00", "12:00", "18:00"]);
        assert_eq!(t[1].0, 16.0);
        // Four days: a tick a day, at midnight, as dates.
        let t = super::clock_ticks(&origin, (0.0, 96.0), 6);
        let labels: Vec<&str> = t.iter().map(|(_, l)| l.as_str()).collect();
        assert_eq!(labels, ["11/02", "11/03", "11/04", "11/05"]);
        assert_eq!(t[0].0, 16.0);
    }

    #[test]
    fn a_still_figure_shows_the_recent_window_when_the_data_are_current() {
        let d = data(100.0, vec![0.0, 84.0], vec![(95.0, 150.0, false)]);
        assert_eq!(d.around_latest(), (52.0, 600.0));
        assert_eq!(d.around_latest(), d.window(true));
    }

    #[test]
    fn a_still_figure_of_an_old_record_shows_where_its_data_are() {
        // Last dose at 60 h, level at 47.8 h, opened 527 h later.
        let d = data(587.0, vec![0.0, 12.0, 60.0], vec![(47.8, 150.0, false)]);
        assert_eq!(d.around_latest(), (12.0, 84.0));
        // No data at all: the recent window.
        assert_eq!(data(587.0, vec![], vec![]).around_latest(), (539.0, 600.0));
    }
}

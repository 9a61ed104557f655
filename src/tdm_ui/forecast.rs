//! The forecast plot drawn on any plotters backend: 90 % band, population
//! and individual curves, target band, observed levels (below the limit of
//! quantification: hollow, at the limit), dose marks and the "now" line.

use crate::format::tick;
use crate::plot::PlotError;
use dmip_engine::tdm::TdmOutput;
use plotters::coord::Shift;
use plotters::prelude::*;

const INDIVIDUAL: RGBColor = RGBColor(0, 78, 152);
const POPULATION: RGBColor = RGBColor(110, 110, 110);
const BAND: RGBColor = RGBColor(160, 190, 230);
const TARGET: RGBColor = RGBColor(196, 232, 196);
const OBSERVED: RGBColor = RGBColor(190, 40, 30);
const NOW: RGBColor = RGBColor(120, 60, 150);
const TEXT: RGBColor = RGBColor(33, 37, 41);
const GRID: RGBColor = RGBColor(225, 229, 235);

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
    pub now_h: f64,
}

impl ForecastData {
    /// The plot data of the engine's output; `target` is the aim as a
    /// concentration band (none for an AUC aim).
    pub fn from_output(
        out: &TdmOutput,
        levels: &[(f64, f64, bool)],
        target: Option<(f64, f64)>,
    ) -> Self {
        let c = &out.curves;
        ForecastData {
            time_h: c.time_h.clone(),
            population: c.population.clone(),
            individual: c.individual.clone(),
            band: c
                .band
                .as_ref()
                .map(|b| b.iter().map(|p| (p.p05, p.p95)).collect()),
            levels: levels.to_vec(),
            target,
            dose_times_h: c.dose_times_h.clone(),
            now_h: c.now_h,
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
        }
    }
    for l in data.levels.iter().filter(|l| inside(l.0)) {
        y_max = y_max.max(l.1);
    }
    if let Some((_, high)) = data.target {
        y_max = y_max.max(high);
    }
    let y_top = if y_max.is_finite() && y_max > 0.0 {
        y_max * 1.1
    } else {
        1.0
    };
    let font = ("sans-serif", 13.0 * scale).into_font().color(&TEXT);
    root.fill(&WHITE).map_err(err)?;
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
        .x_labels(7)
        .y_labels(6)
        .x_label_formatter(&|x| tick(*x))
        .y_label_formatter(&|y| tick(*y))
        .draw()
        .map_err(err)?;
    if let Some((low, high)) = data.target {
        chart
            .draw_series(std::iter::once(Rectangle::new(
                [(from, low.min(y_top)), (to, high.min(y_top))],
                TARGET.mix(0.6).filled(),
            )))
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

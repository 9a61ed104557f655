//! Draws the engine's timeline as stacked panels sharing one date axis, on
//! any plotters backend. Sizes are CSS pixels × `scale` (device pixels).

use crate::format::tick;
use crate::plot::PlotError;
use dmip_engine::labs::{PanelKind, Point, Series, Timeline};
use plotters::coord::Shift;
use plotters::prelude::*;

/// Series colours (≥ 4.5:1 on white), by position within a panel.
pub const PALETTE: [RGBColor; 8] = [
    RGBColor(0, 78, 152),
    RGBColor(176, 64, 0),
    RGBColor(0, 118, 60),
    RGBColor(150, 0, 110),
    RGBColor(110, 80, 0),
    RGBColor(0, 110, 130),
    RGBColor(90, 60, 160),
    RGBColor(170, 20, 40),
];
const GRID: RGBColor = RGBColor(225, 229, 235);
const TEXT: RGBColor = RGBColor(33, 37, 41);

/// Where the dates are on the bitmap (device pixels), for the tap readout.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Frame {
    pub pixels: (i32, i32),
    pub days: (f64, f64),
}

impl Frame {
    pub fn day_at(&self, x: f64) -> Option<f64> {
        let (l, r) = self.pixels;
        if r <= l {
            return None;
        }
        let f = ((x - f64::from(l)) / f64::from(r - l)).clamp(0.0, 1.0);
        Some(self.days.0 + f * (self.days.1 - self.days.0))
    }
}

fn err(e: impl std::fmt::Display) -> PlotError {
    PlotError(e.to_string())
}

fn y_top(kind: PanelKind, pts: impl Iterator<Item = f64>) -> f64 {
    let max = pts.fold(0.0, f64::max);
    if kind == PanelKind::Periods {
        // Lanes 1…n, half a lane of room above and below.
        return max + 0.5;
    }
    let floor = if kind.relative() { 110.0 } else { 1.0 };
    (max * 1.1).max(floor)
}

/// The colour of series `k` of a panel: by position, or, for a period,
/// by its lane (a lane's periods share it).
pub fn series_colour(kind: PanelKind, k: usize, s: &Series) -> RGBColor {
    let i = match (kind, s.points.first()) {
        (PanelKind::Periods, Some(p)) => (p.y.max(1.0) as usize) - 1,
        _ => k,
    };
    PALETTE[i % PALETTE.len()]
}

/// Draws `t` for days `window`; `titles` per panel, `date` labels a day.
pub fn draw_timeline<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    t: &Timeline,
    window: (f64, f64),
    titles: &[String],
    date: &dyn Fn(f64) -> String,
    scale: f64,
) -> Result<Frame, PlotError> {
    let px = |css: f64| (css * scale).round() as u32;
    let font = ("sans-serif", 12.0 * scale).into_font().color(&TEXT);
    root.fill(&WHITE).map_err(err)?;
    let mut frame = Frame::default();
    let areas = root.split_evenly((t.panels.len().max(1), 1));
    for ((panel, area), title) in t.panels.iter().zip(&areas).zip(titles) {
        let visible = |p: &&Point| p.day >= window.0 && p.day <= window.1;
        // Periods keep every lane, whether or not an end is in the window.
        let lanes = panel.kind == PanelKind::Periods;
        let mut ys = panel
            .series
            .iter()
            .flat_map(|s| s.points.iter().filter(visible).map(|p| p.y))
            .peekable();
        let top = if ys.peek().is_some() && !lanes {
            y_top(panel.kind, ys)
        } else {
            y_top(
                panel.kind,
                panel
                    .series
                    .iter()
                    .flat_map(|s| s.points.iter().map(|p| p.y)),
            )
        };
        let mut chart = ChartBuilder::on(area)
            .caption(title, font.clone())
            .margin(px(6.0))
            .x_label_area_size(px(22.0))
            .y_label_area_size(px(44.0))
            .build_cartesian_2d(window.0..window.1, 0.0..top)
            .map_err(err)?;
        chart
            .configure_mesh()
            .label_style(font.clone())
            .axis_style(TEXT)
            .light_line_style(WHITE)
            .bold_line_style(GRID)
            .x_labels(5)
            .y_labels(4)
            .x_label_formatter(&|d| date(*d))
            .y_label_formatter(&|y| if lanes { String::new() } else { tick(*y) })
            .draw()
            .map_err(err)?;
        for (k, s) in panel.series.iter().enumerate() {
            let colour = series_colour(panel.kind, k, s);
            let line = colour.stroke_width(px(if lanes { 8.0 } else { 2.0 }));
            let pts: Vec<(f64, f64)> = s
                .points
                .iter()
                .filter(visible)
                .map(|p| (p.day, p.y))
                .collect();
            if lanes {
                // A period: a bar over the window's part of it.
                let (Some(a), Some(b)) = (s.points.first(), s.points.last()) else {
                    continue;
                };
                let (from, to) = (a.day.max(window.0), b.day.min(window.1));
                if from <= to {
                    chart
                        .draw_series(std::iter::once(PathElement::new(
                            vec![(from, a.y), (to, a.y)],
                            line,
                        )))
                        .map_err(err)?;
                }
                continue;
            }
            if panel.kind == PanelKind::Ivcy {
                for &(d, y) in &pts {
                    chart
                        .draw_series(std::iter::once(PathElement::new(
                            vec![(d, 0.0), (d, y)],
                            line,
                        )))
                        .map_err(err)?;
                }
            } else {
                chart
                    .draw_series(LineSeries::new(pts.iter().copied(), line))
                    .map_err(err)?;
            }
            chart
                .draw_series(
                    pts.iter()
                        .map(|&p| Circle::new(p, px(3.0), colour.filled())),
                )
                .map_err(err)?;
        }
        let (xs, _) = chart.plotting_area().get_pixel_range();
        frame = Frame {
            pixels: (xs.start, xs.end),
            days: window,
        };
    }
    root.present().map_err(err)?;
    Ok(frame)
}

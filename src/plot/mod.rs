//! Plots drawn with plotters. `draw_curve` draws on any plotters backend;
//! `canvas` puts it on a `<canvas>` (crisp on high-DPI screens) inside a
//! Leptos component. A drawing error is returned, never unwrapped.

mod canvas;

pub use canvas::{
    device_ratio, draw_on_canvas, fit_to_device_pixels, record_draw, LinePlot, RememberedSize,
};

use crate::format::tick;
use plotters::coord::Shift;
use plotters::prelude::*;
use std::fmt;

/// Axis titles of a plot, already in the UI language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AxisLabels {
    pub x: &'static str,
    pub y: &'static str,
}

/// Why a plot could not be drawn.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlotError(pub String);

impl fmt::Display for PlotError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl PlotError {
    fn from_display(error: impl fmt::Display) -> Self {
        PlotError(error.to_string())
    }
}

/// Colour of the curve (dark blue: 8:1 contrast on white).
pub const CURVE_COLOUR: RGBColor = RGBColor(0, 78, 152);
const GRID_COLOUR: RGBColor = RGBColor(225, 229, 235);
const TEXT_COLOUR: RGBColor = RGBColor(33, 37, 41);

/// Draws `points` (x, y) as a line from x = 0 and y = 0, with axes and
/// grid. `scale` is device pixels per CSS pixel: sizes are given in CSS
/// pixels and multiplied by it. No points draws the empty axes.
pub fn draw_curve<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    points: &[(f64, f64)],
    labels: AxisLabels,
    scale: f64,
) -> Result<(), PlotError> {
    let px = |css: f64| (css * scale).round() as u32;
    let x_max = points
        .iter()
        .map(|p| p.0)
        .fold(0.0, f64::max)
        .max(f64::MIN_POSITIVE);
    let y_max = points.iter().map(|p| p.1).fold(0.0, f64::max);
    let (x_top, y_top) = if points.is_empty() {
        (1.0, 1.0)
    } else {
        (x_max, if y_max > 0.0 { y_max * 1.1 } else { 1.0 })
    };
    let text = ("sans-serif", 13.0 * scale).into_font().color(&TEXT_COLOUR);

    root.fill(&WHITE).map_err(PlotError::from_display)?;
    let mut chart = ChartBuilder::on(root)
        .margin(px(12.0))
        .x_label_area_size(px(44.0))
        .y_label_area_size(px(60.0))
        .build_cartesian_2d(0.0..x_top, 0.0..y_top)
        .map_err(PlotError::from_display)?;
    chart
        .configure_mesh()
        .x_desc(labels.x)
        .y_desc(labels.y)
        .label_style(text.clone())
        .axis_desc_style(text)
        .axis_style(TEXT_COLOUR)
        .light_line_style(WHITE)
        .bold_line_style(GRID_COLOUR)
        .x_labels(7)
        .y_labels(6)
        .x_label_formatter(&|x| tick(*x))
        .y_label_formatter(&|y| tick(*y))
        .draw()
        .map_err(PlotError::from_display)?;
    chart
        .draw_series(LineSeries::new(
            points.iter().copied(),
            CURVE_COLOUR.stroke_width(px(2.0)),
        ))
        .map_err(PlotError::from_display)?;
    root.present().map_err(PlotError::from_display)
}

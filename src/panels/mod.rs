//! Panels: self-contained parts of a screen.

mod concentration_demo;

pub use concentration_demo::ConcentrationDemo;

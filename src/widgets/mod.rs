//! Small reusable form widgets.

mod number_field;

pub use number_field::NumberField;

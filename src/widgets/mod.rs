//! Small reusable form widgets.

mod bound_choice;
mod number_field;

pub use bound_choice::bound_choice;
pub use number_field::NumberField;

//! Small reusable form widgets.

mod after_first_frame;
mod bound_choice;
mod bound_number;
mod data_table;
pub mod field;
mod follow;
mod labelled;
mod number_field;

pub use after_first_frame::AfterFirstFrame;
pub use bound_choice::bound_choice;
pub use bound_number::bound_number;
pub use data_table::data_table;
pub use follow::{follow, show_record};
pub use labelled::{FilePicker, LabelledBox};
pub use number_field::NumberField;

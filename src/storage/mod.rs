//! Records that never leave the browser: encrypted storage (`vault`,
//! `store`: pure Rust, tested natively), export/import files (`files`), and
//! the thin web glue (`web`: localStorage, random bytes, downloads).

pub mod capsule;
pub mod files;
pub mod live;
pub mod store;
pub mod tagged;
pub mod vault;
pub mod web;

//! Records that never leave the browser: encrypted storage (`vault`,
//! `header`, `store`, `revisions`, `quarantine` over a `kv`: pure Rust,
//! tested natively), export/import files (`files`), other tabs' saves
//! (`tabs`, `conflict`, `lock`: one writer at a time), and the thin web glue (`web`: localStorage,
//! random bytes, downloads).

pub mod bounded;
pub mod capsule;
pub mod conflict;
pub mod files;
pub mod header;
pub mod kv;
pub mod live;
pub mod lock;
pub mod notice;
pub mod quarantine;
pub mod revisions;
pub mod save_state;
pub mod store;
pub mod tabs;
pub mod tagged;
pub mod vault;
pub mod web;

#[cfg(test)]
mod hostile_tests;
#[cfg(test)]
mod revision_tests;
#[cfg(test)]
mod store_tests;

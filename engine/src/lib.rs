//! DMIP Monitor engine: pharmacokinetics (dosing histories, exact linear
//! compartment models, NCA, limited-sampling AUC) and clinical calculations
//! for DM/PM interstitial pneumonia.
//!
//! Pure Rust with no web dependency: the same code runs natively (tests,
//! benchmarks, the `dmip` CLI) and inside the browser app.

pub mod catalog;
pub mod clinical;
pub mod dose;
pub mod dosing;
pub mod estimate;
pub mod io;
pub mod labs;
pub mod lss;
pub mod model;
pub mod nca;
pub mod record;
pub mod selfcheck;
pub mod simulate;
pub mod tdm;

//! What the Biomarkers screen computes from the record: the
//! latest value of each analyte on a date, A-aDO2 from blood gases, the risk
//! models' inputs, the Pneumocystis-prophylaxis reminder and the data of the
//! multi-panel time axis. The clinical rules themselves live in
//! [`crate::clinical`]; this module only gathers record data for them.

pub mod blood_gas;
mod courses;
pub mod latest;
pub mod panels;
pub mod reminders;
pub mod risk_panel;
pub mod rows;
pub mod timeline;

pub use blood_gas::{aado2_by_date, GasResult};
pub use latest::{last_lab_date, latest_on_or_before, risk_inputs};
pub use reminders::{pcp_check, Agent, PcpCheck};
pub use risk_panel::{risk_panel, RiskPanel};
pub use rows::{check_entry, rows, Row};
pub use timeline::{timeline, PanelKind, Point, Series, SeriesId, Timeline};

//! Reading and writing data files: NONMEM-style event CSV and NCA profile CSV.

pub mod header;
pub mod nca_csv;
pub mod nonmem;
pub mod nonmem_write;

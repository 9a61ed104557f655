//! Fuzz target: see `dmip_engine_fuzz::nonmem_csv`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| dmip_engine_fuzz::nonmem_csv(data));

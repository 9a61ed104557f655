//! Fuzz target: see `dmip_engine_fuzz::estimate`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| dmip_engine_fuzz::estimate(data));

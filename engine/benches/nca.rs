//! NCA of the 11-point theophylline profile (R Theoph subject 1), default
//! options (linear-up/log-down, extravascular), dose 320.

use criterion::{criterion_group, criterion_main, Criterion};
use dmip_engine::io::nca_csv;
use dmip_engine::nca::{nca, NcaOptions};
use std::hint::black_box;

const THEOPH: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../shared/reference/nca/theoph_s1.csv"
));

fn bench(c: &mut Criterion) {
    let samples = match nca_csv::read(THEOPH.as_bytes()) {
        Ok(mut subjects) if !subjects.is_empty() => subjects.remove(0).samples,
        other => panic!("theoph_s1.csv: {other:?}"),
    };
    let opts = NcaOptions {
        dose: Some(320.0),
        ..NcaOptions::default()
    };
    c.bench_function("nca theoph_s1 (11 points)", |b| {
        b.iter(|| nca(black_box(&samples), black_box(&opts)))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);

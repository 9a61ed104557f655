#[path = "../fuzz/src/lib.rs"]
#[allow(dead_code)]
mod checks;
use dmip_engine::estimate::{MapOptions, Problem};
#[test]
fn scratch() {
    let bytes = [1u8, 0, 0, 0, 0, 0, 0, 2, 1, 80, 253, 225, 176, 2, 80, 60, 1];
    let ev = checks::mapbayr001_events_from_bytes(&bytes);
    let def = checks::mapbayr001_def().unwrap();
    let p = Problem::new(def, ev, &Default::default(), &[]).unwrap();
    let fit = p.fit(&MapOptions::default());
    eprintln!("{fit:?}");
}

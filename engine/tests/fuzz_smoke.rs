//! A deterministic smoke fuzzer on stable Rust: the checks of the cargo-fuzz
//! targets (`engine/fuzz/src/lib.rs`, included here) on ~2000 inputs per
//! target, mutated from valid seeds by a fixed-seed xorshift generator. No
//! input may panic, and every prediction returned must be finite.

#[path = "../fuzz/src/lib.rs"]
mod checks;

use dmip_engine::catalog::{ModelDef, BUILTIN_SOURCES};
use dmip_engine::dosing::events::validate;
use dmip_engine::dosing::{Dose, Event, Observation, SteadyState};
use dmip_engine::io::nonmem;
use dmip_engine::model::{predict, Segment};

/// Inputs per target; `FUZZ_CASES=N` runs more.
const CASES: usize = 2000;

fn cases() -> usize {
    std::env::var("FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(CASES)
}

/// xorshift64* (Vigna 2016): small, deterministic, good enough to mutate.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

fn lines(text: &[u8]) -> Vec<Vec<u8>> {
    text.split_inclusive(|b| *b == b'\n')
        .map(<[u8]>::to_vec)
        .collect()
}

/// One random edit: a token replaces or joins a byte, a range goes, a line
/// is repeated or two lines swap, or the text is cut short.
fn mutate_once(rng: &mut Rng, text: &mut Vec<u8>, tokens: &[&[u8]]) {
    let at = rng.below(text.len() + 1);
    match rng.below(6) {
        0 if at < text.len() => {
            let token = rng.pick(tokens);
            text.splice(at..at + 1, token.iter().copied());
        }
        1 => {
            let token = rng.pick(tokens);
            text.splice(at..at, token.iter().copied());
        }
        2 => {
            let end = (at + 1 + rng.below(8)).min(text.len());
            text.drain(at.min(end)..end);
        }
        3 | 4 => {
            let mut ls = lines(text);
            let (i, j) = (rng.below(ls.len()), rng.below(ls.len()));
            if i < ls.len() && j < ls.len() {
                if rng.below(2) == 0 {
                    let line = ls[i].clone();
                    ls.insert(j, line);
                } else {
                    ls.swap(i, j);
                }
            }
            *text = ls.concat();
        }
        _ => text.truncate(at),
    }
}

fn mutants(seed: u64, seeds: &[&str], tokens: &[&[u8]]) -> Vec<Vec<u8>> {
    let mut rng = Rng(seed);
    (0..cases())
        .map(|_| {
            let mut text = rng.pick(seeds).as_bytes().to_vec();
            for _ in 0..=rng.below(4) {
                mutate_once(&mut rng, &mut text, tokens);
            }
            text
        })
        .collect()
}

/// Runs `check` on every input; returns how many inputs `accepted`.
fn fuzz(
    inputs: &[Vec<u8>],
    check: fn(&[u8]) -> Result<(), String>,
    accepted: impl Fn(&[u8]) -> bool,
) -> usize {
    let mut n = 0;
    for input in inputs {
        let outcome = std::panic::catch_unwind(|| check(input));
        let shown = String::from_utf8_lossy(input);
        match outcome {
            Ok(Ok(())) => {}
            Ok(Err(message)) => panic!("{message}\ninput:\n{shown}"),
            Err(_) => panic!("panicked on input:\n{shown}"),
        }
        n += usize::from(accepted(input));
    }
    eprintln!("{n} of {} inputs accepted", inputs.len());
    n
}

const CSV_SEEDS: [&str; 5] = [
    include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../shared/reference/map/mapbayr001_id1.csv"
    )),
    "ID,TIME,EVID,AMT,CMT,II,ADDL,SS,RATE,DV,MDV\n1,0,1,100,1,12,0,1,0,.,1\n1,0,0,.,4,.,.,.,.,150,0\n1,2,0,.,4,.,.,.,.,800,0\n1,12,1,100,4,12,3,0,50,.,1\n1,50,0,.,4,.,.,.,.,.,1\n",
    "TIME,AMT,CMT,DUR,DV,BLQ,LLOQ,WT\n0,150,1,.,.,.,.,70\n1,.,4,.,25,1,25,.\n2,.,4,.,400,0,25,.\n24,150,4,2,.,.,.,65\n30,.,4,.,300,0,25,.\n",
    "ID,TIME,EVID,AMT,CMT,II,SS,DV,CENS,CRCL\na,0,1,5,1,24,2,.,0,90\na,24,2,.,.,.,.,.,.,80\na,25,0,.,4,.,.,0.1,1,.\nb,0,1,5,1,0,0,.,0,60\nb,3,0,.,4,.,.,12.5,0,.\n",
    "ID,TIME,AMT,DV,CMT\n1,0,10,.,1\n1,0.5,.,3,4\n1,1,.,4,4\n2,0,20,.,2\n2,4,.,9,4\n",
];

const CSV_TOKENS: [&[u8]; 34] = [
    b",", b"\n", b".", b"-", b"-1", b"-2", b"0", b"1", b"2", b"3", b"4", b"5", b"1e308", b"1e-308",
    b"NaN", b"inf", b"99999", b"\"", b"\xff", b"\r\n", b"ID", b"TIME", b"EVID", b"SS", b"ADDL",
    b"II", b"RATE", b"DUR", b"BLQ", b"LLOQ", b"CMT", b"1e5", b"0.001", b"24",
];

#[test]
fn nonmem_csv_never_panics() {
    let inputs = mutants(0x9E37_79B9_7F4A_7C15, &CSV_SEEDS, &CSV_TOKENS);
    let read = fuzz(&inputs, checks::check_nonmem_csv, |b| {
        nonmem::read(b).is_ok()
    });
    // The mutants must reach the engine, not only the error paths.
    assert!(
        read > cases() / 20,
        "only {read} of {} mutants were read",
        cases()
    );
}

const MAPBAYR_MODEL: &str = include_str!("reference/mapbayr001.model.toml");

const MODEL_TOKENS: [&[u8]; 26] = [
    b"=",
    b"[",
    b"]",
    b"{",
    b"}",
    b"\"",
    b"\n",
    b"-1",
    b"0",
    b"1e400",
    b"nan",
    b"inf",
    b"-inf",
    b"1e-300",
    b"1e300",
    b"\"transit\"",
    b"\"first_order\"",
    b"\"iv\"",
    b"3",
    b"25",
    b"#",
    b"\ntransit_compartments = 24\n",
    b"\nALAG = { typical = 30.0 }\n",
    b"block = [[0.1, 0.2], [0.2, 0.1]]",
    b", power = -40, reference = 1e-9",
    b",",
];

#[test]
fn model_file_never_panics() {
    let mut seeds: Vec<&str> = BUILTIN_SOURCES.iter().map(|(_, text)| *text).collect();
    seeds.push(MAPBAYR_MODEL);
    let inputs = mutants(0xD1B5_4A32_D192_ED03, &seeds, &MODEL_TOKENS);
    let parsed = fuzz(&inputs, checks::check_model_file, |b| {
        std::str::from_utf8(b).is_ok_and(|t| ModelDef::from_toml(t).is_ok())
    });
    assert!(
        parsed > cases() / 20,
        "only {parsed} of {} mutants parsed",
        cases()
    );
}

#[test]
fn events_never_panic() {
    let mut rng = Rng(0xA076_1D64_78BD_642F);
    let inputs: Vec<Vec<u8>> = (0..cases())
        .map(|_| {
            let len = 8 + rng.below(120);
            // Mostly ordinary bytes (≥ 16), some edge values (< 16).
            (0..len)
                .map(|_| match rng.below(40) {
                    0 => rng.below(16) as u8,
                    _ => 16 + rng.below(48) as u8,
                })
                .collect()
        })
        .collect();
    let valid = fuzz(&inputs, checks::check_events, |b| {
        validate(&checks::events_from_bytes(b), checks::FIXED_CMT).is_ok()
    });
    assert!(
        valid > cases() / 20,
        "only {valid} of {} histories were valid",
        cases()
    );
}

#[test]
fn the_event_decoder_reads_fields_in_order() {
    // step, order flag, kind, then the dose fields: amount, cmt, rate?,
    // duration?, ii, addl, ss; then an observation.
    let bytes = [
        16, 1, 0, 26, 5, 1, 1, 40, 3, 1, // dose at 0: 100 mg, CMT 1, II 12, ADDL 3, SS 1
        24, 1, 1, 3, 2, // observation at 2 h in CMT 4, prediction only
    ];
    assert_eq!(
        checks::events_from_bytes(&bytes),
        vec![
            Event::Dose(Dose {
                ss: SteadyState::Reset,
                ..Dose::bolus(0.0, 100.0, 1).repeated(12.0, 3)
            }),
            Event::Observation(Observation::prediction(2.0, 4)),
        ]
    );
}

#[test]
fn seeds_pass_the_checks_unchanged() {
    for seed in CSV_SEEDS {
        assert!(nonmem::read(seed.as_bytes()).is_ok(), "{seed}");
        assert_eq!(checks::check_nonmem_csv(seed.as_bytes()), Ok(()));
        checks::nonmem_csv(seed.as_bytes());
    }
    checks::events(&[16, 1, 0, 26, 5, 1, 1, 40, 3, 1, 24, 1, 1, 3, 2]);
    assert!(ModelDef::from_toml(MAPBAYR_MODEL).is_ok());
    assert_eq!(checks::check_model_file(MAPBAYR_MODEL.as_bytes()), Ok(()));
    checks::model_file(MAPBAYR_MODEL.as_bytes());
}

// ---- regressions: what the fuzzing found in the engine (fixed by its sanity
// bounds in dosing::events, 176f3f0) -----------------------------------------

/// Predicts with the fixed model on another thread; `None` when no answer
/// comes within `secs` seconds (the thread is left behind).
fn predict_within(secs: u64, events: Vec<Event>) -> Option<Result<Vec<f64>, String>> {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let segments = [Segment {
            from: 0.0,
            model: checks::fixed_model(),
        }];
        let result = predict(&segments, &events, true)
            .map(|p| p.iter().map(|p| p.conc).collect())
            .map_err(|e| e.to_string());
        let _ = tx.send(result);
    });
    rx.recv_timeout(std::time::Duration::from_secs(secs)).ok()
}

/// A finite answer or an error, in bounded time.
#[track_caller]
fn assert_finite_or_error(events: Vec<Event>) {
    match predict_within(5, events) {
        None => panic!("predict did not return within 5 s"),
        Some(Ok(c)) => assert!(c.iter().all(|c| c.is_finite()), "{c:?}"),
        Some(Err(_)) => {}
    }
}

#[test]
fn huge_infusion_rate_into_the_depot() {
    assert_finite_or_error(vec![
        Event::Dose(Dose::bolus(0.0, 1e300, 1).infused_over(8.0)),
        Event::Observation(Observation::prediction(10.0, 4)),
    ]);
}

#[test]
fn very_long_depot_infusion() {
    assert_finite_or_error(vec![
        Event::Dose(Dose {
            rate: Some(1.0),
            ..Dose::bolus(0.0, 2e40, 1)
        }),
        Event::Observation(Observation::prediction(1e40, 4)),
    ]);
}

#[test]
fn very_long_infusion_gives_nan() {
    assert_finite_or_error(vec![
        Event::Dose(Dose {
            rate: Some(1e-100),
            ..Dose::bolus(0.0, 1e100, 1)
        }),
        Event::Observation(Observation::prediction(1e100, 4)),
    ]);
}

#[test]
fn ordinary_long_infusions_are_exact_at_steady_state() {
    // Control for the cases above: 1 mg/h for up to 1e5 h, into the depot
    // or the central compartment, reaches R/CL·scale = 1/15·1000.
    // (Times beyond 10⁶ h are refused by validation: dosing::events::MAX_TIME_H.)
    for t in [1e3, 1e5] {
        for cmt in [1, 4] {
            let dose = Dose {
                rate: Some(1.0),
                ..Dose::bolus(0.0, 2.0 * t, cmt)
            };
            let events = vec![
                Event::Dose(dose),
                Event::Observation(Observation::prediction(t, 4)),
            ];
            let got = predict_within(5, events);
            // With RATE, F shortens a depot infusion, not its rate.
            let expected = 1.0 / 15.0 * 1000.0;
            match got {
                Some(Ok(c)) => assert!((c[0] - expected).abs() < 1e-9 * expected, "t={t}: {c:?}"),
                other => panic!("t={t}: {other:?}"),
            }
        }
    }
}

#[test]
fn steady_state_with_a_tiny_interval() {
    // Lag 0.25 h of the fixed model over II = 1e-300 h: 2.5e299 intervals.
    let dose = Dose::bolus(0.0, 100.0, 1).at_steady_state(1e-300);
    match predict_within(
        5,
        vec![
            Event::Dose(dose),
            Event::Observation(Observation::prediction(1.0, 4)),
        ],
    ) {
        Some(Err(e)) => assert!(e.contains("steady state"), "{e}"),
        other => panic!("expected the steady-state overlap error, got {other:?}"),
    }
}

//! The NONMEM-style CSV reader: what good files give, and the exact message
//! (line and field) for each kind of bad input.

use dmip_engine::dosing::{Dose, Event, Observation, SteadyState};
use dmip_engine::io::nonmem::{read, read_with, Options, Subject};

const HEADER: &str = "ID,TIME,EVID,AMT,CMT,II,ADDL,SS,RATE,DV,MDV\n";

fn ok(text: &str) -> Vec<Subject> {
    read(text.as_bytes()).unwrap_or_else(|e| panic!("{e}\n{text}"))
}

fn one(text: &str) -> Subject {
    let mut s = ok(text);
    assert_eq!(s.len(), 1, "one subject expected");
    s.remove(0)
}

#[track_caller]
fn err(text: &str) -> String {
    match read(text.as_bytes()) {
        Ok(s) => panic!("expected an error, got {s:?}"),
        Err(e) => e.to_string(),
    }
}

/// A file with the standard header and these data rows.
fn rows(data: &str) -> String {
    format!("{HEADER}{data}")
}

// ---- good files -------------------------------------------------------------

#[test]
fn reads_the_mapbayr_reference_file() {
    let text = include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../shared/reference/map/mapbayr001_id1.csv"
    ));
    let s = one(text);
    assert_eq!(s.id, "1");
    assert_eq!(s.rows, vec![2, 3, 4, 5, 6, 7]);
    assert_eq!(s.events[0], Event::Dose(Dose::bolus(0.0, 10_000.0, 1)));
    assert_eq!(
        s.events[2],
        Event::Observation(Observation::measured(4.4, 2, 110.826))
    );
    assert_eq!(
        s.events[5],
        Event::Dose(Dose::bolus(72.0, 10_000.0, 1).repeated(24.0, 6))
    );
    assert!(s.covariates.is_empty());
}

#[test]
fn addl_is_kept_on_the_record_and_expands_to_its_times() {
    let s = one(&rows("1,0,1,100,1,12,3,0,0,.,1\n1,40,0,.,2,.,.,.,.,5,0\n"));
    let Event::Dose(d) = &s.events[0] else {
        panic!("dose expected")
    };
    assert_eq!(d.times().collect::<Vec<_>>(), vec![0.0, 12.0, 24.0, 36.0]);
}

#[test]
fn steady_state_flags_and_infusions() {
    let s = one(&rows(
        "1,0,1,100,1,12,0,1,0,.,1\n1,12,1,50,2,12,0,2,25,.,1\n1,24,1,10,2,0,0,0,5,.,1\n",
    ));
    let doses: Vec<&Dose> = s
        .events
        .iter()
        .filter_map(|e| match e {
            Event::Dose(d) => Some(d),
            _ => None,
        })
        .collect();
    assert_eq!(doses[0], &Dose::bolus(0.0, 100.0, 1).at_steady_state(12.0));
    assert_eq!(doses[1].ss, SteadyState::Add);
    assert_eq!(doses[1].rate, Some(25.0));
    assert_eq!((doses[2].rate, doses[2].ii), (Some(5.0), 0.0));
}

#[test]
fn a_dur_column_gives_the_infusion_duration() {
    let s = one("TIME,AMT,CMT,DUR,DV\n0,100,1,2,.\n3,.,1,.,4.5\n");
    assert_eq!(
        s.events[0],
        Event::Dose(Dose::bolus(0.0, 100.0, 1).infused_over(2.0))
    );
    assert_eq!(
        s.events[1],
        Event::Observation(Observation::measured(3.0, 1, 4.5))
    );
}

#[test]
fn blq_takes_the_limit_from_lloq_or_from_dv() {
    let s = one(
        "TIME,AMT,DV,CMT,BLQ,LLOQ\n0,10,.,1,.,.\n1,.,3,2,0,0.5\n2,.,.,2,1,0.5\n3,.,0.2,2,1,.\n",
    );
    let obs = &s.events[1..];
    let with_lloq = Observation {
        lloq: Some(0.5),
        ..Observation::measured(1.0, 2, 3.0)
    };
    assert_eq!(obs[0], Event::Observation(with_lloq));
    assert_eq!(
        obs[1],
        Event::Observation(Observation::below_lloq(2.0, 2, 0.5))
    );
    assert_eq!(
        obs[2],
        Event::Observation(Observation::below_lloq(3.0, 2, 0.2))
    );
    let cens = one("TIME,AMT,DV,CMT,CENS\n0,10,.,1,0\n1,.,0.1,2,1\n");
    assert_eq!(
        cens.events[1],
        Event::Observation(Observation::below_lloq(1.0, 2, 0.1))
    );
}

#[test]
fn mdv_1_asks_for_a_prediction_and_ignores_dv() {
    let s = one(&rows("1,0,1,100,1,0,0,0,0,.,1\n1,2,0,.,2,0,0,0,0,7.5,1\n"));
    assert_eq!(
        s.events[1],
        Event::Observation(Observation::prediction(2.0, 2))
    );
}

#[test]
fn covariates_are_time_varying_and_carried_forward() {
    let s = one(
        "id,time,evid,amt,cmt,dv,WT,crcl\n1,0,1,100,1,.,70,90\n1,24,2,.,.,.,65,.\n1,30,0,.,2,5,.,80\n",
    );
    assert_eq!(s.events.len(), 2, "the EVID 2 row gives no event");
    assert_eq!(s.rows, vec![2, 4]);
    let wt = &s.covariates["WT"];
    assert_eq!(
        (wt.at(0.0), wt.at(23.0), wt.at(24.0), wt.at(100.0)),
        (70.0, 70.0, 65.0, 65.0)
    );
    let crcl = &s.covariates["crcl"];
    assert_eq!((crcl.at(29.0), crcl.at(30.0)), (90.0, 80.0));
    assert_eq!(wt.change_times().collect::<Vec<_>>(), vec![24.0]);
}

#[test]
fn subjects_come_in_file_order() {
    let s = ok("ID,TIME,AMT,DV,CMT\nb,0,5,.,1\nb,1,.,2,2\na,0,5,.,1\n");
    let ids: Vec<&str> = s.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, vec!["b", "a"]);
    assert_eq!(s[1].rows, vec![4]);
}

#[test]
fn without_evid_a_positive_amount_is_a_dose() {
    let s = one("TIME,AMT,DV,CMT\n0,100,.,1\n1,0,3,2\n2,.,.,2\n");
    assert!(matches!(s.events[0], Event::Dose(_)));
    assert_eq!(
        s.events[1],
        Event::Observation(Observation::measured(1.0, 2, 3.0))
    );
    assert_eq!(
        s.events[2],
        Event::Observation(Observation::prediction(2.0, 2))
    );
}

#[test]
fn a_missing_cmt_takes_the_defaults() {
    let text = "TIME,AMT,DV\n0,100,.\n1,.,3\n";
    let s = read_with(
        text.as_bytes(),
        &Options {
            observation_cmt: Some(4),
        },
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(s[0].events[0], Event::Dose(Dose::bolus(0.0, 100.0, 1)));
    assert_eq!(
        s[0].events[1],
        Event::Observation(Observation::measured(1.0, 4, 3.0))
    );
}

#[test]
fn same_time_rows_keep_file_order_and_bom_and_crlf_are_fine() {
    let s = one("\u{feff}TIME,AMT,DV,CMT\r\n0,100,.,1\r\n12,.,4,2\r\n12,100,.,1\r\n");
    assert!(matches!(s.events[1], Event::Observation(_)));
    assert!(matches!(s.events[2], Event::Dose(_)));
}

#[test]
fn validate_for_names_the_file_line() {
    let s = one(&rows("1,0,1,100,1,0,0,0,0,.,1\n1,2,0,.,3,0,0,0,0,5,0\n"));
    assert_eq!(s.validate_for(3), Ok(()));
    assert_eq!(
        s.validate_for(2).map_err(|e| e.to_string()),
        Err("line 3: CMT 3 does not exist in this model (compartments 1–2)".into())
    );
    let no_dose = one("TIME,DV,CMT\n0,.,2\n");
    assert_eq!(
        no_dose.validate_for(2).map_err(|e| e.to_string()),
        Err("subject 1: the history has no dose".into())
    );
}

// ---- bad input: one named case per kind, exact message ----------------------

#[test]
fn bad_empty_file() {
    assert_eq!(
        err(""),
        "empty file: expected a header line with TIME and AMT or DV columns"
    );
}

#[test]
fn bad_header_only() {
    assert_eq!(err(HEADER), "no data rows after the header");
}

#[test]
fn bad_missing_time_column() {
    assert_eq!(
        err("ID,AMT,DV\n1,100,.\n"),
        "line 1: missing column TIME (header has: ID,AMT,DV)"
    );
}

#[test]
fn bad_missing_amt_and_dv_columns() {
    assert_eq!(
        err("ID,TIME,CONC\n1,0,5\n"),
        "line 1: missing column AMT or DV (header has: ID,TIME,CONC)"
    );
}

#[test]
fn bad_duplicate_column() {
    assert_eq!(
        err("TIME,AMT,Time\n0,1,0\n"),
        "line 1: column TIME appears more than once"
    );
}

#[test]
fn bad_negative_amount() {
    assert_eq!(
        err(&rows("1,0,1,-100,1,0,0,0,0,.,1\n")),
        "line 2, field AMT: -100 is negative"
    );
}

#[test]
fn bad_negative_time() {
    assert_eq!(
        err(&rows("1,-1,1,100,1,0,0,0,0,.,1\n")),
        "line 2, field TIME: -1 is negative"
    );
}

#[test]
fn bad_negative_concentration() {
    assert_eq!(
        err(&rows("1,0,1,100,1,0,0,0,0,.,1\n1,1,0,.,2,0,0,0,0,-3,0\n")),
        "line 3, field DV: -3 is negative"
    );
}

#[test]
fn bad_non_finite_values() {
    assert_eq!(
        err(&rows("1,0,1,inf,1,0,0,0,0,.,1\n")),
        "line 2, field AMT: 'inf' is not finite"
    );
    assert_eq!(
        err(&rows("1,0,1,100,1,0,0,0,0,.,1\n1,NaN,0,.,2,0,0,0,0,1,0\n")),
        "line 3, field TIME: 'NaN' is not finite"
    );
}

#[test]
fn bad_non_numeric_value() {
    assert_eq!(
        err(&rows("1,0,1,100mg,1,0,0,0,0,.,1\n")),
        "line 2, field AMT: '100mg' is not a number"
    );
}

#[test]
fn bad_non_numeric_covariate() {
    assert_eq!(
        err("TIME,AMT,DV,WT\n0,100,.,seventy\n"),
        "line 2, field WT: 'seventy' is not a number"
    );
}

#[test]
fn bad_observation_before_first_dose() {
    assert_eq!(
        err(&rows("1,0,0,.,2,0,0,0,0,5,0\n1,1,1,100,1,0,0,0,0,.,1\n")),
        "line 2, field DV: a measured level at 0 h comes before the subject's first dose"
    );
}

#[test]
fn bad_duplicate_row() {
    assert_eq!(
        err(&rows(
            "1,0,1,100,1,0,0,0,0,.,1\n1,2,0,.,2,0,0,0,0,5,0\n1,2,0,.,2,0,0,0,0,5,0\n"
        )),
        "line 4: identical to line 3 (duplicate row)"
    );
}

#[test]
fn bad_unsorted_rows() {
    assert_eq!(
        err(&rows(
            "1,0,1,100,1,0,0,0,0,.,1\n1,5,0,.,2,0,0,0,0,5,0\n1,3,0,.,2,0,0,0,0,6,0\n"
        )),
        "line 4, field TIME: 3 is before 5 on line 3; sort each subject's rows by time"
    );
}

#[test]
fn bad_subject_split_in_two_blocks() {
    assert_eq!(
        err("ID,TIME,AMT,DV,CMT\n1,0,5,.,1\n2,0,5,.,1\n1,4,.,3,2\n"),
        "line 4, field ID: subject 1 appears again after other subjects; keep each subject's rows together"
    );
}

#[test]
fn bad_addl_without_interval() {
    assert_eq!(
        err(&rows("1,0,1,100,1,0,3,0,0,.,1\n")),
        "line 2, field II: II must be > 0 when ADDL > 0 (ADDL = 3)"
    );
}

#[test]
fn bad_steady_state_without_interval() {
    assert_eq!(
        err(&rows("1,0,1,100,1,.,0,1,0,.,1\n")),
        "line 2, field II: a steady-state dose (SS = 1 or 2) needs II > 0"
    );
}

#[test]
fn bad_ss_value() {
    assert_eq!(
        err(&rows("1,0,1,100,1,12,0,3,0,.,1\n")),
        "line 2, field SS: 3 must be one of 0, 1, 2"
    );
}

#[test]
fn bad_reset_events() {
    assert_eq!(
        err(&rows("1,0,1,100,1,0,0,0,0,.,1\n1,5,3,100,1,0,0,0,0,.,1\n")),
        "line 3, field AMT: an EVID 3 row (reset) gives no dose; use EVID 4 to reset and dose"
    );
    assert_eq!(
        err(&rows("1,0,5,100,1,0,0,0,0,.,1\n")),
        "line 2, field EVID: 5 must be one of 0, 1, 2, 3, 4"
    );
}

#[test]
fn bad_modelled_rate() {
    assert_eq!(
        err(&rows("1,0,1,100,2,0,0,0,-2,.,1\n")),
        "line 2, field RATE: RATE = -2 (rate or duration estimated by the model) is not supported; give RATE > 0 or DUR"
    );
    assert_eq!(
        err(&rows("1,0,1,100,2,0,0,0,-3,.,1\n")),
        "line 2, field RATE: -3 is negative"
    );
}

#[test]
fn bad_rate_and_duration_together() {
    assert_eq!(
        err("TIME,AMT,CMT,RATE,DUR\n0,100,2,50,2\n"),
        "line 2, field RATE: give either RATE or DUR for an infusion, not both"
    );
}

#[test]
fn bad_dose_without_amount() {
    assert_eq!(
        err(&rows("1,0,1,.,1,0,0,0,0,.,1\n")),
        "line 2, field AMT: missing on a dose row (EVID = 1)"
    );
}

#[test]
fn bad_missing_time_value() {
    assert_eq!(
        err(&rows("1,.,1,100,1,0,0,0,0,.,1\n")),
        "line 2, field TIME: missing"
    );
}

#[test]
fn bad_cmt_values() {
    assert_eq!(
        err(&rows("1,0,1,100,1.5,0,0,0,0,.,1\n")),
        "line 2, field CMT: 1.5 must be a whole number from 0 to 65535"
    );
    assert_eq!(
        err("TIME,AMT,DV\n0,100,.\n1,.,3\n"),
        "line 3, field CMT: missing on an observation, and no default observation compartment is known"
    );
}

#[test]
fn bad_addl_too_large_or_fractional() {
    assert_eq!(
        err(&rows("1,0,1,100,1,12,1e7,0,0,.,1\n")),
        "line 2, field ADDL: 10000000 must be a whole number from 0 to 100000"
    );
    assert_eq!(
        err(&rows("1,0,1,100,1,12,2.5,0,0,.,1\n")),
        "line 2, field ADDL: 2.5 must be a whole number from 0 to 100000"
    );
}

#[test]
fn bad_blq_without_a_limit() {
    assert_eq!(
        err("TIME,AMT,DV,CMT,BLQ\n0,10,.,1,0\n1,.,.,2,1\n"),
        "line 3, field LLOQ: a BLQ sample needs its limit > 0 (an LLOQ column, or the limit in DV)"
    );
    assert_eq!(
        err("TIME,AMT,DV,CMT,CENS\n0,10,.,1,0\n1,.,50,2,-1\n"),
        "line 3, field CENS: CENS = -1 (above an upper limit) is not supported"
    );
}

#[test]
fn bad_dv_missing_with_mdv_0() {
    assert_eq!(
        err(&rows("1,0,1,100,1,0,0,0,0,.,1\n1,1,0,.,2,0,0,0,0,.,0\n")),
        "line 3, field DV: missing on an observation with MDV = 0"
    );
}

#[test]
fn bad_missing_id() {
    assert_eq!(
        err(&rows(".,0,1,100,1,0,0,0,0,.,1\n")),
        "line 2, field ID: missing"
    );
}

#[test]
fn bad_bytes_name_the_line() {
    assert_eq!(
        read(b"TIME,AMT\n0,1\n\xff,2\n").map_err(|e| e.to_string()),
        Err("line 3: not valid UTF-8 text".into())
    );
}

// ---- limits: a huge or impossible file is refused, naming why -------------

#[test]
fn a_file_of_more_than_50000_rows_stops_at_the_limit() {
    // A dose at 0 h, then a level every hour: `n` data rows in all.
    let file = |n: usize| {
        let levels: String = (1..n)
            .map(|k| format!("1,{k},0,.,1,0,0,0,0,5,0\n"))
            .collect();
        rows(&format!("1,0,1,100,1,0,0,0,0,.,1\n{levels}"))
    };
    let t0 = std::time::Instant::now();
    assert_eq!(
        err(&file(50_001)),
        "more than 50000 data rows: at most 50000 can be read"
    );
    assert!(t0.elapsed() < std::time::Duration::from_secs(2));
    assert_eq!(one(&file(50_000)).events.len(), 50_000);
}

#[test]
fn a_negative_level_is_refused_naming_the_row() {
    assert_eq!(
        err(&rows("1,0,1,100,1,0,0,0,0,.,1\n1,2,0,.,1,0,0,0,0,-50,0\n")),
        "line 3, field DV: -50 is negative"
    );
}

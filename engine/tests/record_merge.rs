//! Three-way merge of a record edited in two tabs (so no edit is lost): fields
//! changed on one side are taken, a field changed on both sides is a conflict
//! naming it (the stored value kept), rows are matched by key.

use dmip_engine::record::merge::{merge, shown, Seg};
use dmip_engine::record::{CoMedication, PatientRecord, PrednisoloneRow};
use dmip_engine::tdm::{DoseRow, LevelRow, SampleLabel};
use dmip_engine::test_support::at;

fn dose(start: &str, amount_mg: f64) -> DoseRow {
    DoseRow {
        start: at(start),
        amount_mg,
        interval_h: Some(12.0),
        count: 6,
        at_steady_state: false,
        formulation: None,
        ongoing: false,
        meal: None,
    }
}

fn level(sampled: &str, value: f64) -> LevelRow {
    dmip_engine::test_support::level(sampled, value, SampleLabel::C0)
}

/// The merge of `mine` and `theirs` from `base`, which must have no conflict.
fn merged(base: &PatientRecord, mine: &PatientRecord, theirs: &PatientRecord) -> PatientRecord {
    let m = merge(base, mine, theirs).expect("merges");
    assert!(m.conflicts.is_empty(), "{:?}", m.conflicts);
    m.record
}

/// The tacrolimus dose amounts, in the record's order.
fn tac_amounts(r: &PatientRecord) -> Vec<f64> {
    r.tacrolimus.doses.iter().map(|d| d.amount_mg).collect()
}

fn base() -> PatientRecord {
    let mut r = PatientRecord::new("shared");
    r.label = "Bed 4".into();
    r.tacrolimus.doses = vec![dose("2026-12-01T08:00:00+09:00", 2.0)];
    r.tacrolimus.levels = vec![level("2026-12-02T07:30:00+09:00", 6.1)];
    r
}

#[test]
fn weight_and_height_in_one_tab_age_and_creatinine_in_the_other_all_four_kept() {
    let b = base();
    let mut a = b.clone();
    a.patient.weight_kg = Some(52.0);
    a.patient.height_cm = Some(158.0);
    let mut tab_b = b.clone();
    tab_b.patient.age_years = Some(64.0);
    tab_b.patient.creatinine = Some(0.72);
    // Tab B saved first (stored = B); tab A's save merges over it.
    let r = merged(&b, &a, &tab_b);
    let p = &r.patient;
    assert_eq!(p.weight_kg, Some(52.0));
    assert_eq!(p.height_cm, Some(158.0));
    assert_eq!(p.age_years, Some(64.0));
    assert_eq!(p.creatinine, Some(0.72));
    // The same the other way round.
    assert_eq!(merged(&b, &tab_b, &a), r);
}

#[test]
fn one_field_changed_on_both_sides_is_a_conflict_naming_it_and_the_stored_value_stays() {
    let b = base();
    let mut mine = b.clone();
    mine.patient.weight_kg = Some(60.0);
    mine.patient.height_cm = Some(170.0);
    let mut theirs = b.clone();
    theirs.patient.weight_kg = Some(55.0);
    let m = merge(&b, &mine, &theirs).expect("merges");
    assert_eq!(m.conflicts.len(), 1, "{:?}", m.conflicts);
    let c = &m.conflicts[0];
    assert_eq!(c.field(), "weight_kg");
    assert_eq!(c.to_string(), "patient.weight_kg");
    assert_eq!(c.row(), None);
    assert_eq!(shown(c.mine.as_ref()), "60.0");
    assert_eq!(shown(c.theirs.as_ref()), "55.0");
    // Never overwritten silently: the stored weight stays, the height
    // (changed here only) is taken.
    assert_eq!(m.record.patient.weight_kg, Some(55.0));
    assert_eq!(m.record.patient.height_cm, Some(170.0));
}

#[test]
fn the_same_dose_amount_changed_on_both_sides_names_the_row_and_the_field() {
    let b = base();
    let mut mine = b.clone();
    mine.tacrolimus.doses[0].amount_mg = 2.5;
    let mut theirs = b.clone();
    theirs.tacrolimus.doses[0].amount_mg = 3.0;
    let m = merge(&b, &mine, &theirs).expect("merges");
    assert_eq!(m.conflicts.len(), 1);
    let c = &m.conflicts[0];
    assert_eq!(c.field(), "amount_mg");
    assert_eq!(c.row(), Some("2026-12-01T08:00:00+09:00"));
    assert_eq!(
        c.path,
        vec![
            Seg::Field("tacrolimus".into()),
            Seg::Field("doses".into()),
            Seg::Row("2026-12-01T08:00:00+09:00".into()),
            Seg::Field("amount_mg".into()),
        ]
    );
    assert_eq!(m.record.tacrolimus.doses[0].amount_mg, 3.0);
}

#[test]
fn rows_added_in_both_tabs_are_both_kept() {
    let b = base();
    let mut mine = b.clone();
    mine.tacrolimus
        .doses
        .push(dose("2026-12-04T08:00:00+09:00", 2.5));
    mine.tacrolimus
        .levels
        .push(level("2026-12-05T07:30:00+09:00", 7.4));
    mine.patient
        .comedications
        .push(CoMedication::named("itraconazole"));
    let mut theirs = b.clone();
    theirs
        .tacrolimus
        .doses
        .push(dose("2026-12-06T08:00:00+09:00", 3.0));
    theirs
        .patient
        .comedications
        .push(CoMedication::named("ST合剤"));
    theirs.patient.prednisolone.push(PrednisoloneRow {
        start: None,
        mg_day: 30.0,
    });
    let r = merged(&b, &mine, &theirs);
    assert_eq!(tac_amounts(&r), [2.0, 2.5, 3.0]);
    assert_eq!(r.tacrolimus.levels.len(), 2);
    assert_eq!(r.patient.comedication_names(), ["itraconazole", "ST合剤"]);
    assert_eq!(r.patient.prednisolone.len(), 1);
    // Two rows typed at the same start in each tab, with different
    // amounts: both kept, nothing is a conflict.
    let mut mine = b.clone();
    mine.tacrolimus
        .doses
        .push(dose("2026-12-04T08:00:00+09:00", 2.5));
    let mut theirs = b.clone();
    theirs
        .tacrolimus
        .doses
        .push(dose("2026-12-04T08:00:00+09:00", 4.0));
    assert_eq!(tac_amounts(&merged(&b, &mine, &theirs)), [2.0, 2.5, 4.0]);
}

#[test]
fn a_row_deleted_in_one_tab_and_untouched_in_the_other_is_deleted() {
    let mut b = base();
    b.tacrolimus
        .doses
        .push(dose("2026-12-03T08:00:00+09:00", 2.5));
    let mut mine = b.clone();
    mine.tacrolimus.doses.remove(0);
    let mut theirs = b.clone();
    theirs.patient.weight_kg = Some(50.0);
    for (m, t) in [(&mine, &theirs), (&theirs, &mine)] {
        let r = merged(&b, m, t);
        assert_eq!(tac_amounts(&r), [2.5]);
        assert_eq!(r.patient.weight_kg, Some(50.0));
    }
}

#[test]
fn a_row_deleted_on_one_side_and_changed_on_the_other_is_a_conflict_on_the_row() {
    let b = base();
    let mut mine = b.clone();
    mine.tacrolimus.levels.clear();
    let mut theirs = b.clone();
    theirs.tacrolimus.levels[0].value_ng_ml = Some(6.4);
    let m = merge(&b, &mine, &theirs).expect("merges");
    assert_eq!(m.conflicts.len(), 1);
    assert!(m.conflicts[0].whole_row());
    assert_eq!(m.conflicts[0].field(), "levels");
    assert_eq!(m.conflicts[0].mine, None);
    // The stored side wins: the changed level stays.
    assert_eq!(m.record.tacrolimus.levels[0].value_ng_ml, Some(6.4));
}

#[test]
fn equal_edits_on_both_sides_are_no_conflict() {
    let b = base();
    let mut mine = b.clone();
    mine.patient.weight_kg = Some(52.0);
    mine.label = "Bed 5".into();
    let mut theirs = mine.clone();
    theirs.notes = "seen".into();
    let r = merged(&b, &mine, &theirs);
    assert_eq!(r.label, "Bed 5");
    assert_eq!(r.notes, "seen");
}

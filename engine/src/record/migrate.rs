//! Migrations: one step per schema version, on the JSON value, so that a
//! record written by any earlier version reads into today's types.

use super::RecordError;
use serde_json::Value;

/// Brings `value` (written as `schema`) to the current schema.
pub(super) fn to_current(schema: u32, mut value: Value) -> Result<Value, RecordError> {
    if schema == 0 {
        return Err(RecordError::NotARecord("schema 0".into()));
    }
    if schema < 2 {
        v1_to_v2(&mut value)?;
    }
    if schema < 3 {
        v2_to_v3(&mut value)?;
    }
    if schema < 4 {
        v3_to_v4(&mut value)?;
    }
    Ok(value)
}

fn as_object(value: &mut Value) -> Result<&mut serde_json::Map<String, Value>, RecordError> {
    value
        .as_object_mut()
        .ok_or_else(|| RecordError::NotARecord("not a JSON object".into()))
}

/// Up to version 3 a drug's weighting left unwritten meant LL; from
/// version 4 it means the drug's default, which is AIC for tacrolimus (the
/// forecast benchmark in BENCHMARKS.md: the AIC average's error is within
/// 10 % of the true model's for every tacrolimus truth, the LL average's
/// 17–27 % above it with Kirubakaran 2022 as the truth). A tacrolimus section with levels was shown an LL average, so
/// it keeps LL, written out; one without levels had equal weights either
/// way and takes the new default. Cyclosporine's default stays LL.
fn v3_to_v4(value: &mut Value) -> Result<(), RecordError> {
    let record = as_object(value)?;
    let Some(tac) = record.get_mut("tacrolimus").and_then(Value::as_object_mut) else {
        return Ok(());
    };
    let has_levels = tac
        .get("levels")
        .and_then(Value::as_array)
        .is_some_and(|l| !l.is_empty());
    if has_levels && matches!(tac.get("weighting"), None | Some(Value::Null)) {
        tac.insert("weighting".into(), Value::String("ll".into()));
    }
    Ok(())
}

/// Version 2 kept one prednisolone dose (mg/day) and co-medication names;
/// version 3 keeps prednisolone as dated rows and each co-medication with
/// an optional start and stop. The one dose becomes one row without a
/// start (since before the first dose, as it was read); each name becomes
/// an entry without a period (taken throughout, as it was read). A value
/// of another type is left for the reader, which names the field.
fn v2_to_v3(value: &mut Value) -> Result<(), RecordError> {
    let record = as_object(value)?;
    let Some(patient) = record.get_mut("patient").and_then(Value::as_object_mut) else {
        return Ok(());
    };
    match patient.remove("prednisolone_mg_day") {
        None | Some(Value::Null) => {}
        Some(dose) => {
            patient
                .entry("prednisolone")
                .or_insert_with(|| serde_json::json!([{ "start": null, "mg_day": dose }]));
        }
    }
    if let Some(list) = patient
        .get_mut("comedications")
        .and_then(Value::as_array_mut)
    {
        for entry in list.iter_mut() {
            if entry.is_string() {
                *entry = serde_json::json!({ "name": entry.take() });
            }
        }
    }
    Ok(())
}

/// Version 1 kept one product per drug; version 2 keeps it on each dose row.
/// Every v1 row was given as the drug's product, so each row takes it
/// (rows stay without one when the drug had none: the default applies, as
/// it did in v1). The new sections (disease, ivcy, labs) start empty.
fn v1_to_v2(value: &mut Value) -> Result<(), RecordError> {
    let record = as_object(value)?;
    for drug in ["cyclosporine", "tacrolimus"] {
        let Some(d) = record.get_mut(drug).and_then(Value::as_object_mut) else {
            continue;
        };
        let product = d.get("formulation").cloned().unwrap_or(Value::Null);
        if let Some(rows) = d.get_mut("doses").and_then(Value::as_array_mut) {
            for row in rows.iter_mut().filter_map(Value::as_object_mut) {
                row.entry("formulation").or_insert_with(|| product.clone());
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use crate::record::{read, CoMedication, Formulation, PrednisoloneRow, SCHEMA_VERSION};

    /// A record exactly as version 1 of the app wrote it.
    const V1: &str = include_str!("../../tests/reference/record_v1.json");

    #[test]
    fn a_version_1_record_migrates_with_its_product_on_each_row() {
        let r = read(V1).expect("v1 reads");
        assert_eq!(r.schema, SCHEMA_VERSION);
        assert_eq!(r.label, "Bed 3");
        assert_eq!(r.notes, "v1 note");
        // v1 → v2 → v3: the one prednisolone dose is one row since before
        // the first dose.
        assert_eq!(
            r.patient.prednisolone,
            vec![PrednisoloneRow {
                start: None,
                mg_day: 40.0
            }]
        );
        assert_eq!(r.tacrolimus.doses.len(), 1);
        assert_eq!(
            r.tacrolimus.doses[0].formulation,
            Some(Formulation::Graceptor)
        );
        assert_eq!(r.tacrolimus.levels[0].value_ng_ml, Some(7.5));
        assert!(r.labs.is_empty() && r.ivcy.given.is_empty());
        assert_eq!(r.disease, Default::default());
    }

    #[test]
    fn a_row_that_names_its_product_keeps_it_and_bad_versions_are_refused() {
        let text = V1.replace(
            r#""at_steady_state":true}"#,
            r#""at_steady_state":true,"formulation":"prograf"}"#,
        );
        let r = read(&text).expect("reads");
        assert_eq!(
            r.tacrolimus.doses[0].formulation,
            Some(Formulation::Prograf)
        );
        assert!(read(&V1.replace(r#""schema":1"#, r#""schema":0"#)).is_err());
        // A clock time that is not one is named with the text.
        let bad = V1.replace("2026-11-05T07:50:00+09:00", "yesterday");
        assert_eq!(
            read(&bad).map(|_| ()),
            Err(crate::record::RecordError::NotARecord(
                "sampling time: “yesterday” is not a date and time like 2026-11-01T08:00:00+09:00"
                    .into()
            ))
        );
    }

    /// A record as version 2 of the app wrote it: one prednisolone
    /// number, co-medication names.
    const V2: &str = include_str!("../../tests/reference/record_v2.json");

    #[test]
    fn a_version_2_prednisolone_dose_becomes_one_row_before_the_first_dose() {
        let r = read(V2).expect("v2 reads");
        assert_eq!(r.schema, SCHEMA_VERSION);
        assert_eq!(
            r.patient.prednisolone,
            vec![PrednisoloneRow {
                start: None,
                mg_day: 30.0
            }]
        );
        assert_eq!(
            r.patient.comedications,
            vec![
                CoMedication::named("イトリゾール"),
                CoMedication::named("ST合剤")
            ]
        );
        // The row holds from before the first dose on: PSL 30 throughout.
        let steps = crate::record::covariate_steps(&r.patient);
        assert_eq!(
            steps["PSL"],
            [crate::tdm::CovariateStep {
                from: None,
                value: 30.0
            }]
        );
        // イトリゾール is itraconazole: AZOLE 1 throughout.
        assert_eq!(steps["AZOLE"][0].value, 1.0);
        // Written back, it is a version-3 record that reads the same.
        let again = read(&crate::record::write(&r)).expect("v3 reads");
        assert_eq!(again, r);
        assert!(!crate::record::write(&r).contains("prednisolone_mg_day"));
        // No dose (null or absent): no row; other fields untouched.
        let none = read(&V2.replace(
            r#""prednisolone_mg_day":30.0,"#,
            r#""prednisolone_mg_day":null,"#,
        ))
        .expect("reads");
        assert!(none.patient.prednisolone.is_empty());
        assert_eq!(none.patient.weight_kg, Some(52.0));
        // A dose that is not a number is named by the reader.
        let bad = read(&V2.replace(
            r#""prednisolone_mg_day":30.0"#,
            r#""prednisolone_mg_day":"thirty""#,
        ));
        assert!(
            matches!(&bad, Err(crate::record::RecordError::NotARecord(m)) if m.contains("invalid type: string \"thirty\"")),
            "{bad:?}"
        );
    }

    #[test]
    fn a_version_3_tacrolimus_record_with_levels_keeps_the_ll_it_was_shown() {
        use crate::estimate::Weighting;
        let level = r#"{"sampled":"2026-11-05T07:50:00+09:00","value_ng_ml":7.5,"blq":false,"lloq_ng_ml":null,"label":"c0"}"#;
        let v3 = |tac: &str| format!(r#"{{"schema":3,"id":"x","tacrolimus":{tac}}}"#);
        let r = read(&v3(&format!(r#"{{"levels":[{level}]}}"#))).expect("reads");
        assert_eq!(r.tacrolimus.weighting, Some(Weighting::Ll));
        assert!(crate::record::write(&r).contains(r#""weighting":"ll""#));
        // A choice written stays; no levels, or no tacrolimus: the default.
        let aic = read(&v3(&format!(r#"{{"weighting":"aic","levels":[{level}]}}"#)));
        assert_eq!(
            aic.map(|r| r.tacrolimus.weighting),
            Ok(Some(Weighting::Aic))
        );
        let empty = read(&v3(r#"{"levels":[]}"#)).expect("reads");
        assert_eq!(empty.tacrolimus.weighting, None);
        let none = read(r#"{"schema":3,"id":"x"}"#).expect("reads");
        assert_eq!(none.tacrolimus.weighting, None);
        // Cyclosporine's default stays LL, so its records are left alone.
        let csa = read(&format!(
            r#"{{"schema":3,"id":"x","cyclosporine":{{"levels":[{level}]}}}}"#
        ))
        .expect("reads");
        assert_eq!(csa.cyclosporine.weighting, None);
        // The version-1 record has a tacrolimus level: it keeps LL too.
        assert_eq!(
            read(V1).map(|r| r.tacrolimus.weighting),
            Ok(Some(Weighting::Ll))
        );
    }
}

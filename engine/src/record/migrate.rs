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
    Ok(value)
}

/// Version 1 kept one product per drug; version 2 keeps it on each dose row.
/// Every v1 row was given as the drug's product, so each row takes it
/// (rows stay without one when the drug had none: the default applies, as
/// it did in v1). The new sections (disease, ivcy, labs) start empty.
fn v1_to_v2(value: &mut Value) -> Result<(), RecordError> {
    let Some(record) = value.as_object_mut() else {
        return Err(RecordError::NotARecord("not a JSON object".into()));
    };
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
    use crate::record::{read, Formulation, SCHEMA_VERSION};

    /// A record exactly as version 1 of the app wrote it.
    const V1: &str = include_str!("../../tests/reference/record_v1.json");

    #[test]
    fn a_version_1_record_migrates_with_its_product_on_each_row() {
        let r = read(V1).expect("v1 reads");
        assert_eq!(r.schema, SCHEMA_VERSION);
        assert_eq!(r.label, "Bed 3");
        assert_eq!(r.notes, "v1 note");
        assert_eq!(r.patient.prednisolone_mg_day, Some(40.0));
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
}

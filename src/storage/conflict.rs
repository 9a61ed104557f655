//! A save refused for some fields because another tab changed them too (two
//! tabs on one record: no edit lost silently): the line shown on the save
//! state, naming each field in the user's language with both values.

use super::live::use_vault;
use crate::i18n::{fill, use_i18n, ConflictKey, Lang};
use dmip_engine::record::merge::{shown, Conflict};
use leptos::prelude::*;

/// The name of the field a conflict is on, as the forms call it.
fn field_key(c: &Conflict) -> Option<ConflictKey> {
    use ConflictKey as K;
    Some(match c.field() {
        "weight_kg" => K::Weight,
        "height_cm" => K::Height,
        "age_years" => K::Age,
        "sex" => K::Sex,
        "creatinine" => K::Creatinine,
        "creatinine_unit" => K::CreatinineUnit,
        "hematocrit_pct" => K::Hematocrit,
        "albumin_g_dl" => K::Albumin,
        "cyp3a5" => K::Cyp3a5,
        "breakfast" => K::Breakfast,
        "label" => K::Label,
        "notes" => K::Notes,
        "amount_mg" | "mg_day" => K::Amount,
        "interval_h" => K::Interval,
        "count" => K::Count,
        "value_ng_ml" => K::Level,
        "doses" => K::DoseRow,
        "levels" => K::LevelRow,
        "comedications" => K::Comedication,
        "prednisolone" => K::Prednisolone,
        "target" | "limit" => K::Target,
        "model_id" | "weighting" => K::Model,
        _ => return None,
    })
}

/// One conflict as a person reads it: the field (and its row), the value
/// typed here and the one kept.
pub fn describe(c: &Conflict, lang: Lang) -> String {
    let mut field = match field_key(c) {
        Some(k) => k.text(lang).to_owned(),
        None => fill(ConflictKey::Other.text(lang), &[("name", &c.to_string())]),
    };
    if let Some(row) = c.row() {
        field = format!("{field} {}", row.replace('T', " "));
    }
    fill(
        ConflictKey::Field.text(lang),
        &[
            ("field", &field),
            ("mine", &shown(c.mine.as_ref())),
            ("theirs", &shown(c.theirs.as_ref())),
        ],
    )
}

/// The save state's line for `conflicts` (empty: none).
pub fn line(conflicts: &[Conflict], lang: Lang) -> String {
    if conflicts.is_empty() {
        return String::new();
    }
    let sep = match lang {
        Lang::Ja => "、",
        Lang::En => "; ",
    };
    let fields: Vec<String> = conflicts.iter().map(|c| describe(c, lang)).collect();
    fill(
        ConflictKey::Line.text(lang),
        &[("fields", &fields.join(sep))],
    )
}

/// The conflict line under the save state, on every screen, until it is
/// dismissed or another record is opened.
#[component]
pub fn ConflictStatus() -> impl IntoView {
    let i18n = use_i18n();
    let vault = use_vault();
    move || {
        let text = vault.conflicts.with(|c| line(c, i18n.lang()));
        (!text.is_empty()).then(|| {
            view! {
                <p class="save-state failed" id="save-conflict" role="alert">
                    <span>{text}</span>
                    <button
                        type="button"
                        id="save-conflict-dismiss"
                        on:click=move |_| vault.conflicts.set(Vec::new())
                    >
                        {i18n.tx(ConflictKey::Dismiss)}
                    </button>
                </p>
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dmip_engine::record::merge::merge;
    use dmip_engine::record::PatientRecord;

    #[test]
    fn a_weight_typed_in_two_tabs_is_named_in_english_and_japanese() {
        let base = PatientRecord::new("x");
        let mut mine = base.clone();
        mine.patient.weight_kg = Some(60.0);
        let mut theirs = base.clone();
        theirs.patient.weight_kg = Some(55.0);
        let m = merge(&base, &mine, &theirs).expect("merges");
        assert_eq!(
            line(&m.conflicts, Lang::En),
            "Another tab saved this record too. These fields were changed in both, \
             so the value typed here was not saved and the stored one was kept: \
             weight (typed here: 60.0, stored: 55.0). Check them and type again if needed."
        );
        let ja = line(&m.conflicts, Lang::Ja);
        assert!(
            ja.contains("体重（この画面：60.0、保存済み：55.0）"),
            "{ja}"
        );
        assert_eq!(line(&[], Lang::En), "");
    }

    #[test]
    fn a_row_field_names_its_row_and_an_unknown_field_its_path() {
        use dmip_engine::record::PrednisoloneRow;
        let mut base = PatientRecord::new("x");
        base.patient.prednisolone = vec![PrednisoloneRow {
            start: chrono::DateTime::parse_from_rfc3339("2026-12-01T08:00:00+09:00").ok(),
            mg_day: 30.0,
        }];
        let (mut mine, mut theirs) = (base.clone(), base.clone());
        mine.patient.prednisolone[0].mg_day = 25.0;
        theirs.patient.prednisolone[0].mg_day = 20.0;
        mine.disease.anti_mda5_titre = Some(150.0);
        theirs.disease.anti_mda5_titre = Some(120.0);
        let m = merge(&base, &mine, &theirs).expect("merges");
        let said: Vec<String> = m.conflicts.iter().map(|c| describe(c, Lang::En)).collect();
        assert_eq!(
            said,
            [
                "another field (disease.anti_mda5_titre) (typed here: 150.0, stored: 120.0)",
                "dose amount 2026-12-01 08:00:00+09:00 (typed here: 25.0, stored: 20.0)",
            ]
        );
    }
}

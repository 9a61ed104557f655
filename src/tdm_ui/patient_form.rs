//! The patient screen's form: background values the models and the renal
//! and body-size equations use, kept in the shared record (prednisolone as
//! dated rows: `prednisolone.rs`), and the derived BSA and renal function
//! computed by the engine with the formula named.

use super::patient_limits::{patient_error, patient_value};
use super::prednisolone::PrednisoloneRows;
use crate::format::{significant, tick};
use crate::i18n::{use_i18n, DoseKey, Key};
use crate::state::use_record;
use crate::widgets::field::{Field, Unit};
use chrono::NaiveTime;
use dmip_engine::clinical::body::{bsa, renal, BsaFormula, RenalEquation, RenalInput, Sex};
use dmip_engine::clinical::limits::PatientField;
use dmip_engine::record::{CreatinineUnit, Cyp3a5, PatientInfo};
use leptos::prelude::*;

type Getter = fn(&PatientInfo) -> Option<f64>;
type Setter = fn(&mut PatientInfo, Option<f64>);
/// The field a number is checked as (creatinine: in the unit chosen).
type FieldOf = fn(&PatientInfo) -> PatientField;

fn creatinine_field(p: &PatientInfo) -> PatientField {
    match p.creatinine_unit {
        CreatinineUnit::MgDl => PatientField::CreatinineMgDl,
        CreatinineUnit::UmolL => PatientField::CreatinineUmolL,
    }
}

/// Formulas shown: DuBois, Mosteller, Fujimoto.
const BSA_FORMULAS: [(BsaFormula, Key); 3] = [
    (BsaFormula::DuBois, Key::TdmBsaDuBois),
    (BsaFormula::Mosteller, Key::TdmBsaMosteller),
    (BsaFormula::Fujimoto, Key::TdmBsaFujimoto),
];
const RENAL_EQUATIONS: [(RenalEquation, Key); 3] = [
    (RenalEquation::CockcroftGault, Key::TdmRenalCg),
    (RenalEquation::CkdEpi2021, Key::TdmRenalCkdEpi),
    (RenalEquation::Jsn, Key::TdmRenalJsn),
];

/// A derived value, or `None` with the engine's message (`None` message:
/// inputs missing).
type Derived = Vec<(Key, Result<f64, Option<String>>, &'static str)>;

fn body_size(p: &PatientInfo) -> Derived {
    BSA_FORMULAS
        .iter()
        .map(|&(f, key)| {
            let value = match (p.height_cm, p.weight_kg) {
                (Some(h), Some(w)) => bsa(f, h, w).map_err(|e| Some(e.to_string())),
                _ => Err(None),
            };
            (key, value, "m²")
        })
        .collect()
}

fn kidney(p: &PatientInfo) -> Derived {
    RENAL_EQUATIONS
        .iter()
        .map(|&(eq, key)| {
            let value = match (p.age_years, p.sex, p.creatinine_mg_dl()) {
                (Some(age_years), Some(sex), Some(creatinine_mg_dl)) => renal(
                    eq,
                    &RenalInput {
                        age_years,
                        sex,
                        creatinine_mg_dl,
                        weight_kg: p.weight_kg,
                    },
                )
                .map(|r| r.value)
                .map_err(|e| Some(e.to_string())),
                _ => Err(None),
            };
            (key, value, eq.unit())
        })
        .collect()
}

/// A number field checked against the engine's plausibility limits of
/// `field` (`patient_limits`): a value outside them stays typed, with the
/// message and the unit question, and is not put in the record.
#[component]
fn NumberInput(
    id: &'static str,
    label: Key,
    unit: Unit,
    field: FieldOf,
    get: Getter,
    set: Setter,
) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_record();
    let initial = state
        .record
        .with_untracked(|r| get(&r.patient).map(tick).unwrap_or_default());
    let raw = RwSignal::new(initial);
    // The field follows the record (creatinine's unit may change); a value
    // changed elsewhere (another tab's save, a merge) is shown.
    crate::widgets::follow(
        raw,
        move || state.record.with(|r| get(&r.patient)),
        move |v| state.record.update(|r| set(&mut r.patient, v)),
        move |text| {
            let value = patient_value(text, state.record.with(|r| field(&r.patient)));
            (value.is_some() || text.trim().is_empty()).then_some(value)
        },
        |v| v.map(tick).unwrap_or_default(),
    );
    let error = Signal::derive(move || {
        let f = state.record.with(|r| field(&r.patient));
        patient_error(i18n.lang(), &raw.read(), f)
    });
    view! { <Field id=id.to_owned() label=label unit=unit value=raw error=error /> }
}

/// A `<select>` bound to a patient value through its text form.
fn bound_choice(
    id: &'static str,
    label: Key,
    options: &'static [(&'static str, Key)],
    get: fn(&PatientInfo) -> &'static str,
    set: fn(&mut PatientInfo, &str),
) -> impl IntoView {
    crate::widgets::bound_choice(
        id,
        label,
        options,
        move |r| get(&r.patient),
        move |r, v| set(&mut r.patient, v),
    )
}

const SEXES: &[(&str, Key)] = &[
    ("", Key::TdmUnknown),
    ("female", Key::TdmSexFemale),
    ("male", Key::TdmSexMale),
];
const UNITS: &[(&str, Key)] = &[("mg_dl", Key::TdmUnitMgDl), ("umol_l", Key::TdmUnitUmolL)];
const GENOTYPES: &[(&str, Key)] = &[
    ("unknown", Key::TdmUnknown),
    ("expresser", Key::TdmCyp3a5Expresser),
    ("non_expresser", Key::TdmCyp3a5NonExpresser),
];

fn derived_list(id: &'static str, title: Key, rows: Memo<Derived>, missing: Key) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="derived" id=id>
            <h4>{i18n.tx(title)}</h4>
            <dl class="result">
                {move || {
                    rows.get()
                        .into_iter()
                        .map(|(key, value, unit)| {
                            let shown = match value {
                                Ok(v) => format!("{} {unit}", significant(v, 3)),
                                Err(None) => i18n.t(missing).to_owned(),
                                Err(Some(e)) => e,
                            };
                            view! {
                                <dt>{i18n.t(key)}</dt>
                                <dd>{shown}</dd>
                            }
                        })
                        .collect_view()
                }}
            </dl>
        </div>
    }
}

/// The breakfast time regimens are written at (blank: the default).
#[component]
fn BreakfastTime() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_record();
    let shown = move || {
        state
            .record
            .with(|r| r.patient.breakfast.map(|t| t.format("%H:%M").to_string()))
            .unwrap_or_default()
    };
    let set = move |ev| {
        let text = event_target_value(&ev);
        let value = NaiveTime::parse_from_str(text.trim(), "%H:%M").ok();
        // A blank or unreadable time keeps the default (the input only
        // gives HH:MM or nothing).
        if state.record.with_untracked(|r| r.patient.breakfast) != value {
            state.record.update(|r| r.patient.breakfast = value);
        }
    };
    view! {
        <div class="field">
            <label for="pt-breakfast">{i18n.tx(DoseKey::Breakfast)}</label>
            <input type="time" id="pt-breakfast" step="300" prop:value=shown on:change=set />
            <p class="note">{i18n.tx(DoseKey::BreakfastNote)}</p>
        </div>
    }
}

#[component]
pub fn PatientForm() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_record();
    let patient = Memo::new(move |_| state.record.with(|r| r.patient.clone()));
    let body = Memo::new(move |_| patient.with(body_size));
    let renal_rows = Memo::new(move |_| patient.with(kidney));
    let meds = RwSignal::new(
        state
            .record
            .with_untracked(|r| r.patient.comedication_names().join("\n")),
    );
    // The names as a list; each keeps its period (set on the Safety screen).
    crate::widgets::follow(
        meds,
        move || {
            state.record.with(|r| {
                let names = r.patient.comedication_names();
                names.into_iter().map(str::to_owned).collect::<Vec<_>>()
            })
        },
        move |names: Vec<String>| {
            let list = state
                .record
                .with_untracked(|r| r.patient.with_comedication_names(&names));
            state.record.update(|r| r.patient.comedications = list);
        },
        |text| {
            Some(
                text.lines()
                    .map(str::trim)
                    .filter(|l| !l.is_empty())
                    .map(str::to_owned)
                    .collect(),
            )
        },
        |names| names.join("\n"),
    );

    view! {
        <section class="panel tdm-patient" aria-labelledby="patient-form-title">
            <h3 id="patient-form-title">{i18n.tx(Key::TdmPatientTitle)}</h3>
            <p class="note">{i18n.tx(Key::TdmPatientNote)}</p>
            <div class="fields">
                <NumberInput id="pt-age" label=Key::TdmAge unit=Unit::Word(Key::TdmUnitYears) field=|_| PatientField::AgeYears get=|p| p.age_years set=|p, v| p.age_years = v />
                {bound_choice(
                    "pt-sex",
                    Key::TdmSex,
                    SEXES,
                    |p| match p.sex {
                        Some(Sex::Female) => "female",
                        Some(Sex::Male) => "male",
                        None => "",
                    },
                    |p, v| {
                        p.sex = match v {
                            "female" => Some(Sex::Female),
                            "male" => Some(Sex::Male),
                            _ => None,
                        }
                    },
                )}
                <NumberInput id="pt-weight" label=Key::TdmWeight unit=Unit::Symbol("kg") field=|_| PatientField::WeightKg get=|p| p.weight_kg set=|p, v| p.weight_kg = v />
                <NumberInput id="pt-height" label=Key::TdmHeight unit=Unit::Symbol("cm") field=|_| PatientField::HeightCm get=|p| p.height_cm set=|p, v| p.height_cm = v />
                <NumberInput id="pt-creatinine" label=Key::TdmCreatinine unit=Unit::Symbol("") field=creatinine_field get=|p| p.creatinine set=|p, v| p.creatinine = v />
                {bound_choice(
                    "pt-creatinine-unit",
                    Key::TdmCreatinineUnit,
                    UNITS,
                    |p| match p.creatinine_unit {
                        CreatinineUnit::MgDl => "mg_dl",
                        CreatinineUnit::UmolL => "umol_l",
                    },
                    |p, v| {
                        p.creatinine_unit = if v == "umol_l" {
                            CreatinineUnit::UmolL
                        } else {
                            CreatinineUnit::MgDl
                        }
                    },
                )}
                <NumberInput id="pt-hct" label=Key::TdmHematocrit unit=Unit::Symbol("%") field=|_| PatientField::HematocritPct get=|p| p.hematocrit_pct set=|p, v| p.hematocrit_pct = v />
                <NumberInput id="pt-albumin" label=Key::TdmAlbumin unit=Unit::Symbol("g/dL") field=|_| PatientField::AlbuminGDl get=|p| p.albumin_g_dl set=|p, v| p.albumin_g_dl = v />
                {bound_choice(
                    "pt-cyp3a5",
                    Key::TdmCyp3a5,
                    GENOTYPES,
                    |p| match p.cyp3a5 {
                        Cyp3a5::Unknown => "unknown",
                        Cyp3a5::Expresser => "expresser",
                        Cyp3a5::NonExpresser => "non_expresser",
                    },
                    |p, v| {
                        p.cyp3a5 = match v {
                            "expresser" => Cyp3a5::Expresser,
                            "non_expresser" => Cyp3a5::NonExpresser,
                            _ => Cyp3a5::Unknown,
                        }
                    },
                )}
                <BreakfastTime />
                <div class="field field-wide">
                    <label for="pt-meds">{i18n.tx(Key::TdmComedications)}</label>
                    <textarea
                        id="pt-meds"
                        rows="3"
                        prop:value=move || meds.get()
                        on:input=move |ev| meds.set(event_target_value(&ev))
                    ></textarea>
                </div>
            </div>
            <PrednisoloneRows />
            <div class="derived-row">
                {derived_list("pt-bsa", Key::TdmBsaTitle, body, Key::TdmNeedsHeightWeight)}
                {derived_list("pt-renal", Key::TdmRenalTitle, renal_rows, Key::TdmNeedsAgeSexCreatinine)}
            </div>
        </section>
    }
}

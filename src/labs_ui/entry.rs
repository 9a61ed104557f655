//! The form for one result: test, date, value, unit, assay (KL-6,
//! β-D-glucan). A likely unit mix-up shows the engine's suggestion with a
//! button to switch; a unit the pack cannot convert shows why.

use super::field::{check_value, Checked, LabField, LabSelect};
use super::text::{
    analyte_from, analyte_name, analyte_slug, assay_choices, assay_from, gap_text, parse_date,
    unit_from, unit_slug, GROUPS,
};
use crate::i18n::{fill, use_i18n, LabKey};
use crate::state::use_record;
use dmip_engine::clinical::analyte::Analyte;
use dmip_engine::clinical::biomarkers::LabResult;
use dmip_engine::clinical::units::convert;
use dmip_engine::clinical::Status;
use leptos::prelude::*;

#[component]
pub fn LabEntry() -> impl IntoView {
    let i18n = use_i18n();
    let record = use_record().record;
    let analyte_s = RwSignal::new(analyte_slug(Analyte::Kl6));
    let date = RwSignal::new(String::new());
    let value = RwSignal::new(String::new());
    let unit_s = RwSignal::new(unit_slug(Analyte::Kl6.canonical_unit()));
    let assay = RwSignal::new("bml".to_owned());
    let other = RwSignal::new(String::new());
    let tried = RwSignal::new(false);
    let analyte = Memo::new(move |_| analyte_from(&analyte_s.read()).unwrap_or(Analyte::Kl6));
    // A new test chosen starts from its canonical unit and first assay.
    let chosen = Callback::new(move |slug: String| {
        let a = analyte_from(&slug).unwrap_or(Analyte::Kl6);
        unit_s.set(unit_slug(a.canonical_unit()));
        let first = assay_choices(a).first().map_or("none", |c| c.0);
        assay.set(first.to_owned());
    });
    let unit = Memo::new(move |_| unit_from(analyte.get(), &unit_s.read()));
    let checked = Memo::new(move |_| check_value(i18n, analyte.get(), unit.get(), &value.read()));
    let parsed_date = Memo::new(move |_| parse_date(&date.read()));
    let parsed_assay = Memo::new(move |_| {
        if assay_choices(analyte.get()).is_empty() {
            Ok(None)
        } else {
            assay_from(&assay.read(), &other.read())
        }
    });

    let analyte_options = Signal::derive(move || {
        let lang = i18n.lang();
        GROUPS
            .iter()
            .flat_map(|(group, list)| {
                list.iter().map(move |a| {
                    (
                        analyte_slug(*a),
                        format!("{} — {}", group.text(lang), analyte_name(lang, *a)),
                    )
                })
            })
            .collect::<Vec<_>>()
    });
    let unit_options = Signal::derive(move || {
        analyte
            .get()
            .units()
            .iter()
            .map(|u| (unit_slug(*u), u.symbol().to_owned()))
            .collect::<Vec<_>>()
    });
    let assay_options = Signal::derive(move || {
        assay_choices(analyte.get())
            .iter()
            .map(|(v, k)| (v.to_string(), i18n.t(*k).to_owned()))
            .collect::<Vec<_>>()
    });
    let date_error = Signal::derive(move || {
        (tried.get() && parsed_date.get().is_none()).then(|| i18n.t(LabKey::ErrDate).to_owned())
    });
    let value_error = Signal::derive(move || {
        checked.with(Checked::error).or_else(|| {
            (tried.get() && checked.with(|c| *c == Checked::Empty))
                .then(|| i18n.t(LabKey::ErrEmpty).to_owned())
        })
    });
    let other_error = Signal::derive(move || {
        (parsed_assay.get().is_err() && tried.get())
            .then(|| i18n.t(LabKey::ErrAssayName).to_owned())
    });
    let suggestion = move || {
        let Checked::Ok(_, Some(s)) = checked.get() else {
            return None;
        };
        let text = dmip_engine::text::Say::say(&s, i18n.lang());
        let to = s.suggested_unit;
        Some(view! {
            <p class="lab-warning" id="lab-suggestion" role="status">
                {text}
                " "
                <button type="button" class="small" id="lab-use-unit" on:click=move |_| unit_s.set(unit_slug(to))>
                    {fill(i18n.t(LabKey::UseUnit), &[("unit", to.symbol())])}
                </button>
            </p>
        })
    };
    let unit_gap = move || {
        let v = checked.get().value()?;
        let a = analyte.get();
        match convert(a, v, unit.get(), a.canonical_unit()) {
            Ok(Status::Unavailable { gap }) => Some(view! {
                <p class="lab-warning" id="lab-unit-gap" role="status">{gap_text(i18n.lang(), gap)}</p>
            }),
            _ => None,
        }
    };
    let add = move |_| {
        tried.set(true);
        let (Some(d), Some(v), Ok(assay_v)) =
            (parsed_date.get(), checked.get().value(), parsed_assay.get())
        else {
            return;
        };
        let result = LabResult {
            analyte: analyte.get(),
            date: d,
            value: v,
            unit: unit.get(),
            assay: assay_v,
        };
        record.update(|r| r.labs.push(result));
        value.set(String::new());
        tried.set(false);
    };

    view! {
        <section class="panel lab-entry" aria-labelledby="lab-entry-title">
            <h3 id="lab-entry-title">{i18n.tx(LabKey::EntryTitle)}</h3>
            <div class="fields">
                <LabSelect id="lab-analyte" label=Signal::derive(move || i18n.t(LabKey::Analyte).to_owned()) options=analyte_options value=analyte_s on_text=Some(chosen) />
                <LabField id="lab-date" kind="date" label=Signal::derive(move || i18n.t(LabKey::Date).to_owned()) value=date error=date_error />
                <LabField
                    id="lab-value"
                    label=Signal::derive(move || i18n.t(LabKey::Value).to_owned())
                    unit=Signal::derive(move || unit.get().symbol().to_owned())
                    value=value
                    error=value_error
                />
                <LabSelect id="lab-unit" label=Signal::derive(move || i18n.t(LabKey::UnitLabel).to_owned()) options=unit_options value=unit_s />
                <Show when=move || !assay_choices(analyte.get()).is_empty()>
                    <LabSelect id="lab-assay" label=Signal::derive(move || i18n.t(LabKey::Assay).to_owned()) options=assay_options value=assay />
                </Show>
                <Show when=move || assay.get() == "other" && !assay_choices(analyte.get()).is_empty()>
                    <LabField id="lab-assay-other" kind="search" label=Signal::derive(move || i18n.t(LabKey::AssayOtherName).to_owned()) value=other error=other_error />
                </Show>
            </div>
            {suggestion}
            {unit_gap}
            <div class="toolbar">
                <button type="button" class="primary" id="lab-add" on:click=add>{i18n.tx(LabKey::Add)}</button>
            </div>
        </section>
    }
}

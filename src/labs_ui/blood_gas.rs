//! Blood gas entry (FiO2 %, PaO2, PaCO2 on one date) and the A-aDO2 the
//! engine computes from each complete date, with its constants stated.

use super::field::{check_value, LabField};
use super::text::{analyte_name, date_text, parse_date};
use crate::format::significant;
use crate::i18n::{use_i18n, LabKey};
use crate::state::use_record;
use dmip_engine::clinical::analyte::Analyte;
use dmip_engine::clinical::biomarkers::LabResult;
use dmip_engine::labs::aado2_by_date;
use leptos::prelude::*;

const GAS: [(Analyte, &str); 3] = [
    (Analyte::FiO2, "bg-fio2"),
    (Analyte::PaO2, "bg-pao2"),
    (Analyte::PaCo2, "bg-paco2"),
];

#[component]
pub fn BloodGas() -> impl IntoView {
    let i18n = use_i18n();
    let record = use_record().record;
    let date = RwSignal::new(String::new());
    let values = GAS.map(|_| RwSignal::new(String::new()));
    let tried = RwSignal::new(false);
    let checked = move |k: usize| {
        let a = GAS[k].0;
        check_value(i18n, a, a.canonical_unit(), &values[k].read())
    };
    let error = move |k: usize| {
        Signal::derive(move || {
            let c = checked(k);
            c.error().or_else(|| {
                (tried.get() && c.value().is_none()).then(|| i18n.t(LabKey::ErrEmpty).to_owned())
            })
        })
    };
    let date_error = Signal::derive(move || {
        (tried.get() && parse_date(&date.read()).is_none())
            .then(|| i18n.t(LabKey::ErrDate).to_owned())
    });
    let add = move |_| {
        tried.set(true);
        let Some(d) = parse_date(&date.get()) else {
            return;
        };
        let Some(v) = [0, 1, 2]
            .map(|k| checked(k).value())
            .into_iter()
            .collect::<Option<Vec<f64>>>()
        else {
            return;
        };
        record.update(|r| {
            for ((a, _), value) in GAS.iter().zip(v) {
                r.labs.push(LabResult {
                    analyte: *a,
                    date: d,
                    value,
                    unit: a.canonical_unit(),
                    assay: None,
                });
            }
        });
        values.iter().for_each(|s| s.set(String::new()));
        tried.set(false);
    };
    let results = move || {
        record.with(|r| aado2_by_date(&r.labs)).into_iter().rev().map(|(d, res)| {
            let text = match res {
                Ok(a) => {
                    let neg = if a.negative { format!(" — {}", i18n.t(LabKey::AaDo2Negative)) } else { String::new() };
                    format!("A-aDO2 {} mmHg (PAO2 {} mmHg){neg}", significant(a.aado2_mmhg, 3), significant(a.alveolar_po2_mmhg, 4))
                }
                Err(e) => e.to_string(),
            };
            view! { <li><span class="lab-date">{date_text(d)}</span>" "<span class="lab-aado2">{text}</span></li> }
        }).collect_view()
    };
    view! {
        <section class="panel" aria-labelledby="bg-title">
            <h3 id="bg-title">{i18n.tx(LabKey::GasTitle)}</h3>
            <div class="fields">
                <LabField id="bg-date" kind="date" label=Signal::derive(move || i18n.t(LabKey::Date).to_owned()) value=date error=date_error />
                {GAS.iter().enumerate().map(|(k, (a, id))| {
                    let a = *a;
                    view! {
                        <LabField
                            id=*id
                            label=Signal::derive(move || analyte_name(i18n.lang(), a).to_owned())
                            unit=a.canonical_unit().symbol().to_owned()
                            value=values[k]
                            error=error(k)
                        />
                    }
                }).collect_view()}
            </div>
            <div class="toolbar">
                <button type="button" class="primary" id="bg-add" on:click=add>{i18n.tx(LabKey::GasAdd)}</button>
            </div>
            <h4>{i18n.tx(LabKey::AaDo2Title)}</h4>
            <ul class="plain" id="bg-aado2">{results}</ul>
            <p class="note">{i18n.tx(LabKey::GasConvention)}</p>
        </section>
    }
}

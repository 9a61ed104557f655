//! EULAR 2009 Table 6 (pulsed CYC by age and creatinine) as published, the
//! patient's age row marked, and the mg/kg for this patient: the lower
//! column below 150 µmol/L creatinine (footnote); at 150 or more the lower
//! column's dose with the higher beside it, the column not being in the
//! source. The schedule applies it to each pulse to come.

use super::rules::band_key;
use super::text::{require, why, Cite, Need, NoteLine, Unavailable, Why};
use crate::format::tick;
use crate::i18n::{fill, use_i18n, IvcyKey};
use crate::state::use_record;
use crate::widgets::data_table;
use dmip_engine::clinical::analyte::Analyte;
use dmip_engine::clinical::cyclophosphamide::eular2009::{self, TABLE};
use dmip_engine::clinical::error::Field;
use dmip_engine::clinical::status::{Gap, Status};
use dmip_engine::clinical::units::{convert, Unit};
use dmip_engine::record::PatientInfo;
use leptos::prelude::*;

/// The table's mg/kg for this patient (lower column), or why not.
fn for_patient(p: &PatientInfo) -> Result<Status<f64>, Why> {
    let v = require(&[
        (p.age_years, Need::Field(Field::AgeYears)),
        (
            p.creatinine_mg_dl(),
            Need::Field(Field::Lab(Analyte::Creatinine)),
        ),
    ])?;
    let umol = convert(Analyte::Creatinine, v[1], Unit::MgPerDl, Unit::UmolPerL)?;
    match umol {
        Status::Available { value } => Ok(eular2009::dose_mg_per_kg(v[0], value)?),
        Status::Unavailable { gap } => Ok(Status::Unavailable { gap }),
    }
}

/// The row's lower and higher mg/kg for this patient's age.
fn row_for(p: &PatientInfo) -> Option<eular2009::Row> {
    p.age_years.and_then(|a| eular2009::row(a).ok())
}

#[component]
pub fn EularPanel() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_record();
    let patient = Memo::new(move |_| state.record.with(|r| r.patient.clone()));
    let band = Memo::new(move |_| {
        patient.with(|p| {
            p.age_years
                .and_then(|a| eular2009::row(a).ok())
                .map(|r| r.age)
        })
    });
    let result = Memo::new(move |_| patient.with(for_patient));
    let rows = move || {
        TABLE
            .iter()
            .map(|r| {
                let mine = band.get() == Some(r.age);
                view! {
                    <tr class:mine=mine>
                        <td class="num">{i18n.t(band_key(r.age))}</td>
                        <td class="num">{format!("{} mg/kg", tick(r.lower_creatinine_mg_per_kg))}</td>
                        <td class="num">{format!("{} mg/kg", tick(r.higher_creatinine_mg_per_kg))}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
            <section class="panel" aria-labelledby="ivcy-eular-title">
                <h3 id="ivcy-eular-title">{i18n.tx(IvcyKey::EularTitle)}</h3>
                {data_table(
                    "ivcy-eular",
                    "tdm-table",
                    &[IvcyKey::EularAge, IvcyKey::EularLower, IvcyKey::EularHigher],
                    0,
                    view! {
    {rows}
                    },
                )}
                <ul class="ivcy-notes"><NoteLine note=eular2009::FOOTNOTE /></ul>
                <div id="ivcy-eular-result">
                    {move || {
                        let row = patient.with(row_for);
                        let mine = |mg_kg: f64| {
                            let band = row.map_or("", |r| i18n.t(band_key(r.age)));
                            fill(i18n.t(IvcyKey::EularPatient), &[("band", band), ("mg_kg", &tick(mg_kg))])
                        };
                        match (result.get(), row) {
                            (Ok(Status::Available { value }), _) => view! { <p id="ivcy-eular-mine">{mine(value)}</p> }.into_any(),
                            // Column unknown: the row's lower dose is planned,
                            // the higher is shown with the reason.
                            (Ok(Status::Unavailable { gap }), Some(r)) => view! {
                                <p id="ivcy-eular-mine">{mine(r.lower_creatinine_mg_per_kg)}</p>
                                <p>{format!("{}: {} mg/kg", i18n.t(IvcyKey::EularHigher), tick(r.higher_creatinine_mg_per_kg))}</p>
                                <Unavailable gap=gap />
                            }.into_any(),
                            (Ok(Status::Unavailable { gap }), None) => view! { <Unavailable gap=gap /> }.into_any(),
                            // Creatinine not entered: the age row still gives the lower column.
                            (Err(w), Some(r)) => view! {
                                <p id="ivcy-eular-mine">{mine(r.lower_creatinine_mg_per_kg)}</p>
                                <p class="missing">{why(i18n, &w)}</p>
                            }.into_any(),
                            (Err(w), None) => view! { <p class="missing">{why(i18n, &w)}</p> }.into_any(),
                        }
                    }}
                </div>
                <Unavailable gap=Gap::IvcyRenalDoseReduction />
                <p class="note"><Cite source=eular2009::SOURCE /></p>
            </section>
        }
}

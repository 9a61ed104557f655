//! Treatment start dates (corticosteroid, each immunosuppressant) and the
//! days from the first corticosteroid start to each of the others.

use crate::i18n::{fill, use_i18n, I18n, IvcyKey};
use crate::ivcy_ui::{parse_date, Unavailable};
use crate::state::use_record;
use crate::tdm_ui::{Choice, Field, RowActions};
use crate::widgets::data_table;
use dmip_engine::record::{Treatment, TreatmentStart, EARLY_COMBINATION};
use leptos::prelude::*;

const TREATMENTS: [(&str, IvcyKey); 6] = [
    ("corticosteroid", IvcyKey::TxCorticosteroid),
    ("mpsl_pulse", IvcyKey::TxMpslPulse),
    ("cyclosporine", IvcyKey::TxCyclosporine),
    ("tacrolimus", IvcyKey::TxTacrolimus),
    ("ivcy", IvcyKey::TxIvcy),
    ("other", IvcyKey::TxOther),
];

fn treatment(v: &str, other: &str) -> Option<Treatment> {
    Some(match v {
        "corticosteroid" => Treatment::Corticosteroid,
        "mpsl_pulse" => Treatment::MethylprednisolonePulse,
        "cyclosporine" => Treatment::Cyclosporine,
        "tacrolimus" => Treatment::Tacrolimus,
        "ivcy" => Treatment::IvCyclophosphamide,
        _ if other.trim().is_empty() => return None,
        _ => Treatment::Other(other.trim().to_owned()),
    })
}

fn name(i18n: I18n, t: &Treatment) -> String {
    let key = match t {
        Treatment::Corticosteroid => IvcyKey::TxCorticosteroid,
        Treatment::MethylprednisolonePulse => IvcyKey::TxMpslPulse,
        Treatment::Cyclosporine => IvcyKey::TxCyclosporine,
        Treatment::Tacrolimus => IvcyKey::TxTacrolimus,
        Treatment::IvCyclophosphamide => IvcyKey::TxIvcy,
        Treatment::Other(n) => return n.clone(),
    };
    i18n.t(key).to_owned()
}

#[component]
pub fn TreatmentStarts() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_record();
    let (drug, other, date) = (
        RwSignal::new("corticosteroid".to_owned()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
    );
    let (tried, editing) = (RwSignal::new(false), RwSignal::new(None::<usize>));
    let date_error = Signal::derive(move || {
        let t = date.get();
        (parse_date(&t).is_none() && (tried.get() || !t.trim().is_empty()))
            .then(|| i18n.t(IvcyKey::ErrDate).to_owned())
    });
    let other_error = Signal::derive(move || {
        (tried.get() && treatment(&drug.get(), &other.get()).is_none())
            .then(|| i18n.t(IvcyKey::ErrOtherName).to_owned())
    });
    let options = Signal::derive(move || {
        TREATMENTS
            .iter()
            .map(|(v, k)| ((*v).to_owned(), i18n.t(*k).to_owned()))
            .collect()
    });
    let add = move |_| {
        tried.set(true);
        let (Some(t), Some(d)) = (
            treatment(&drug.get_untracked(), &other.get_untracked()),
            parse_date(&date.get_untracked()),
        ) else {
            return;
        };
        let row = TreatmentStart {
            treatment: t,
            date: d,
        };
        let at = editing.get_untracked();
        state.record.update(|r| {
            let starts = &mut r.disease.treatment_starts;
            match at {
                Some(i) if i < starts.len() => starts[i] = row,
                _ => starts.push(row),
            }
            starts.sort_by_key(|s| s.date);
        });
        tried.set(false);
        editing.set(None);
        date.set(String::new());
        other.set(String::new());
    };
    let load = move |i: usize| {
        let Some(s) = state
            .record
            .with_untracked(|r| r.disease.treatment_starts.get(i).cloned())
        else {
            return;
        };
        let v = TREATMENTS
            .iter()
            .find(|(v, _)| treatment(v, "").as_ref() == Some(&s.treatment))
            .map_or("other", |(v, _)| v);
        drug.set(v.to_owned());
        if let Treatment::Other(n) = &s.treatment {
            other.set(n.clone());
        }
        date.set(s.date.to_string());
        editing.set(Some(i));
    };
    let intervals = Memo::new(move |_| state.record.with(|r| r.disease.start_intervals()));
    let days = move |s: &TreatmentStart| {
        if s.treatment.is_corticosteroid() {
            return String::new();
        }
        intervals.with(|all| {
            all.iter()
                .find(|i| i.treatment == s.treatment && i.date == s.date)
                .map_or_else(
                    || i18n.t(IvcyKey::NeedsSteroidStart).to_owned(),
                    |i| {
                        fill(
                            i18n.t(IvcyKey::DaysAfterSteroid),
                            &[("days", &i.days_after_corticosteroid.to_string())],
                        )
                    },
                )
        })
    };
    let rows = move || {
        state
            .record
            .with(|r| r.disease.treatment_starts.clone())
            .into_iter()
            .enumerate()
            .map(|(i, s)| {
                view! {
                    <tr>
                        <td>{name(i18n, &s.treatment)}</td>
                        <td class="num">{s.date.to_string()}</td>
                        <td class="interval">{days(&s)}</td>
                        <RowActions
                            on_edit=move |_| load(i)
                            on_delete=move |_| state.record.update(|r| {
                                if i < r.disease.treatment_starts.len() {
                                    r.disease.treatment_starts.remove(i);
                                }
                            })
                        />
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
            <h4>{i18n.tx(IvcyKey::StartsTitle)}</h4>
            <p class="note">{i18n.tx(IvcyKey::StartsNote)}</p>
            {data_table(
                "dz-starts",
                "tdm-table",
                &[IvcyKey::ColTreatment, IvcyKey::ColStartDate, IvcyKey::ColInterval],
                1,
                view! {
    {rows}
                },
            )}
            {EARLY_COMBINATION.gap().map(|g| view! { <Unavailable gap=g /> })}
            <div class="fields entry">
                <Choice id="dz-start-drug".to_owned() label=IvcyKey::ColTreatment options=options value=drug />
                <Field id="dz-start-other".to_owned() label=IvcyKey::TxOtherName words=true value=other error=other_error />
                <Field id="dz-start-date".to_owned() label=IvcyKey::ColStartDate kind="date" value=date error=date_error />
            </div>
            <button type="button" class="primary" id="dz-start-add" on:click=add>
                {move || i18n.t(if editing.get().is_some() { IvcyKey::SaveRow } else { IvcyKey::AddStart })}
            </button>
        }
}

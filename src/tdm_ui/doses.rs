//! The dosing history: regimen rows (start, amount, interval, count or
//! until changed, steady state, meal timing — a change starts an absorption
//! occasion, `tdm::occasions`), product, add / edit / delete / sort / undo.

use super::bounds;
use super::clock;
use super::clock::display;
use super::history_table::HistoryTable;
use super::session::Session;
use super::spec::formulation_key;
use crate::format::{parse_number, tick};
use crate::i18n::{fill, use_i18n, DoseKey, I18n, Key, LimitKey, TimeKey};
use crate::widgets::field::{bounded_error, bounded_value, Check, Choice, Field, RowActions, Unit};
use dmip_engine::dosing::limits::{check_time, Place, DOSE_MG, MAX_COUNT, YEARS};
use dmip_engine::record::Formulation;
use dmip_engine::tdm::view::{local_input, FixedOffset};
use dmip_engine::tdm::{DoseRow, MealTiming};
use dmip_engine::text::Words;
use leptos::prelude::*;

/// The row typed in the form, or the messages of its fields.
fn parse_row(
    (start, zone): (&str, Option<FixedOffset>),
    amount: &str,
    interval: &str,
    count: &str,
    (ss, ongoing): (bool, bool),
    meal: &str,
) -> Result<DoseRow, [bool; 3]> {
    // The engine's limits (`dosing::limits`): a year outside 1900–2200, a
    // dose below 0.01 mg, more than 5000 doses are refused here already.
    let start = clock::parse_in(start, zone).and_then(|t| {
        check_time(Place::Now, t)
            .map(|()| t)
            .map_err(|e| e.to_string())
    });
    let amount = bounded_value(amount, bounds::DOSE_MG).filter(|a| *a >= DOSE_MG.0);
    let interval_h = match interval {
        "12" => Some(12.0),
        "24" => Some(24.0),
        _ => None,
    };
    let ongoing = ongoing && interval_h.is_some();
    let count = if interval_h.is_none() || ongoing {
        Some(1)
    } else {
        let c = parse_number(count);
        (c.is_finite() && c >= 1.0 && c.fract() == 0.0 && c <= f64::from(MAX_COUNT))
            .then_some(c as u32)
    };
    match (start, amount, count) {
        (Ok(start), Some(amount), Some(count)) => Ok(DoseRow {
            start,
            amount_mg: amount,
            interval_h,
            count,
            at_steady_state: ss && interval_h.is_some(),
            formulation: None,
            ongoing,
            meal: meal_from(meal),
        }),
        (s, a, c) => Err([s.is_err(), a.is_none(), c.is_none()]),
    }
}

/// The message for a start whose year is outside the engine's window.
fn year_error(i18n: I18n, text: &str, zone: Option<FixedOffset>) -> Option<String> {
    use chrono::Datelike;
    let t = clock::parse_in(text, zone).ok()?;
    check_time(Place::Now, t).err()?;
    Some(fill(
        i18n.t(LimitKey::YearField),
        &[
            ("min", &YEARS.0.to_string()),
            ("max", &YEARS.1.to_string()),
            ("year", &t.year().to_string()),
        ],
    ))
}

/// The message for a positive dose below the engine's smallest (1e-300).
fn below_smallest_dose(i18n: I18n, text: &str) -> Option<String> {
    let v = bounded_value(text, bounds::DOSE_MG)?;
    (v < DOSE_MG.0).then(|| {
        fill(
            i18n.t(LimitKey::BelowPlausible),
            &[("min", &tick(DOSE_MG.0)), ("value", text.trim())],
        )
    })
}

/// The message for a whole count above the engine's per-row limit.
fn count_above_max(i18n: I18n, text: &str) -> Option<String> {
    let c = parse_number(text);
    (c.is_finite() && c.fract() == 0.0 && c > f64::from(MAX_COUNT)).then(|| {
        fill(
            i18n.t(LimitKey::CountField),
            &[("max", &MAX_COUNT.to_string()), ("value", text.trim())],
        )
    })
}

fn meal_value(m: Option<MealTiming>) -> &'static str {
    match m {
        Some(MealTiming::BeforeMeal) => "before",
        Some(MealTiming::AfterMeal) => "after",
        None => "",
    }
}

fn meal_from(v: &str) -> Option<MealTiming> {
    match v {
        "before" => Some(MealTiming::BeforeMeal),
        "after" => Some(MealTiming::AfterMeal),
        _ => None,
    }
}

/// A meal timing in the UI language (the engine's words), or "not
/// stated".
fn meal_text(i18n: I18n, m: Option<MealTiming>) -> &'static str {
    match m {
        Some(m) => m.words(i18n.lang()),
        None => i18n.t(DoseKey::MealUnstated),
    }
}

fn form_value(f: Formulation) -> &'static str {
    match f {
        Formulation::Neoral => "neoral",
        Formulation::Prograf => "prograf",
        Formulation::Graceptor => "graceptor",
    }
}

/// The table's column headings.
const DOSE_COLUMNS: [Key; 6] = [
    Key::TdmColStart,
    Key::TdmColAmount,
    Key::TdmColInterval,
    Key::TdmColCount,
    Key::TdmColSteadyState,
    Key::TdmProduct,
];

#[component]
pub fn DoseHistory(session: Session) -> impl IntoView {
    let i18n = use_i18n();
    let slug = session.spec.slug;
    let id = move |name: &str| format!("{slug}-dose-{name}");
    let start = RwSignal::new(String::new());
    let amount = RwSignal::new(String::new());
    let interval = RwSignal::new("12".to_owned());
    let count = RwSignal::new("1".to_owned());
    let ss = RwSignal::new(false);
    let ongoing = RwSignal::new(false);
    let meal = RwSignal::new(String::new());
    let editing = RwSignal::new(None::<usize>);
    // The UTC offset of the row being edited: its time stays in it.
    let zone = RwSignal::new(None::<FixedOffset>);
    let tried = RwSignal::new(false);
    let parsed = Memo::new(move |_| {
        parse_row(
            (&start.read(), zone.get()),
            &amount.read(),
            &interval.read(),
            &count.read(),
            (ss.get(), ongoing.get()),
            &meal.read(),
        )
    });
    let problem = move |k: usize| parsed.with(|p| matches!(p, Err(e) if e[k]));
    let start_error = Signal::derive(move || {
        year_error(i18n, &start.read(), zone.get())
            .or_else(|| (tried.get() && problem(0)).then(|| i18n.t(Key::TdmErrDateTime).to_owned()))
    });
    let amount_error = Signal::derive(move || {
        bounded_error(i18n, &amount.read(), bounds::DOSE_MG)
            .or_else(|| below_smallest_dose(i18n, &amount.read()))
            .or_else(|| (tried.get() && problem(1)).then(|| i18n.t(Key::TdmErrPositive).to_owned()))
    });
    let count_error = Signal::derive(move || {
        count_above_max(i18n, &count.read())
            .or_else(|| (tried.get() && problem(2)).then(|| i18n.t(Key::TdmErrCount).to_owned()))
    });
    let submit = move |_| {
        tried.set(true);
        let Ok(mut row) = parsed.get_untracked() else {
            return;
        };
        // Each row keeps the product it was given as (schema 2).
        row.formulation = Some(session.drug.with_untracked(|d| session.spec.formulation(d)));
        let at = editing.get_untracked();
        session.edit(|d| match at {
            Some(i) if i < d.doses.len() => d.doses[i] = row,
            _ => d.doses.push(row),
        });
        editing.set(None);
        zone.set(None);
        tried.set(false);
        amount.set(String::new());
    };
    let formulation = RwSignal::new(
        session
            .drug
            .with_untracked(|d| form_value(session.spec.formulation(d)).to_owned()),
    );
    let load = move |i: usize| {
        if let Some(r) = session.drug.with_untracked(|d| d.doses.get(i).cloned()) {
            zone.set(Some(*r.start.offset()));
            start.set(local_input(&r.start));
            amount.set(tick(r.amount_mg));
            interval.set(r.interval_h.map_or("single".to_owned(), tick));
            count.set(r.count.to_string());
            ss.set(r.at_steady_state);
            ongoing.set(r.ongoing);
            meal.set(meal_value(r.meal).to_owned());
            if let Some(f) = r.formulation {
                formulation.set(form_value(f).to_owned());
            }
            editing.set(Some(i));
        }
    };
    let meals = Signal::derive(move || {
        [
            None,
            Some(MealTiming::BeforeMeal),
            Some(MealTiming::AfterMeal),
        ]
        .into_iter()
        .map(|m| (meal_value(m).to_owned(), meal_text(i18n, m).to_owned()))
        .collect()
    });
    let intervals = Signal::derive(move || {
        vec![
            ("12".to_owned(), i18n.t(Key::TdmEvery12h).to_owned()),
            ("24".to_owned(), i18n.t(Key::TdmEvery24h).to_owned()),
            ("single".to_owned(), i18n.t(Key::TdmSingleDose).to_owned()),
        ]
    });
    Effect::new(move |_| {
        let v = formulation.get();
        let spec = session.spec;
        if let Some(f) = spec
            .catalogue()
            .formulations
            .iter()
            .copied()
            .find(|f| form_value(*f) == v)
        {
            if session.drug.with_untracked(|d| spec.formulation(d)) != f {
                session.edit(|d| d.formulation = Some(f));
            }
        }
    });
    // The record may change elsewhere (advice applied, undo).
    Effect::new(move |_| {
        let v = form_value(session.drug.with(|d| session.spec.formulation(d)));
        if formulation.get_untracked() != v {
            formulation.set(v.to_owned());
        }
    });
    let products = Signal::derive(move || {
        session
            .spec
            .catalogue()
            .formulations
            .iter()
            .map(|f| {
                (
                    form_value(*f).to_owned(),
                    i18n.t(formulation_key(*f)).to_owned(),
                )
            })
            .collect()
    });
    let interval_text = move |h: Option<f64>| match h {
        Some(h) => fill(i18n.t(Key::TdmEveryHours), &[("hours", &tick(h))]),
        None => i18n.t(Key::TdmSingleDose).to_owned(),
    };

    let doses = session.rows(|d| &d.doses);
    // What a row naming no product is shown as (and computed with).
    let default_product = Memo::new(move |_| session.drug.with(|d| session.spec.formulation(d)));

    view! {
        <section class="panel" aria-labelledby=id("title")>
            <h3 id=id("title")>{i18n.tx(Key::TdmDosesTitle)}</h3>
            <p class="note">{i18n.tx(Key::TdmDosesNote)}</p>
            <p class="note" id=id("meal-note")>{i18n.tx(TimeKey::MealNote)}</p>
            <Choice id=id("product") label=Key::TdmProduct options=products value=formulation />
            <HistoryTable session=session prefix=format!("{slug}-dose") columns=&DOSE_COLUMNS sort=|d| d.doses.sort_by_key(|r| r.start)>
                        {move || {
                            doses
                                .get()
                                .into_iter()
                                .enumerate()
                                .map(|(i, r)| {
                                    view! {
                                        <tr>
                                            <td class="lead">{display(&r.start)}</td>
                                            <td data-label=i18n.t(DOSE_COLUMNS[1])>{format!("{} mg", tick(r.amount_mg))}</td>
                                            <td data-label=i18n.t(DOSE_COLUMNS[2])>{interval_text(r.interval_h)}</td>
                                            <td data-label=i18n.t(DOSE_COLUMNS[3])>{if r.ongoing { i18n.t(DoseKey::OngoingCount).to_owned() } else { r.count.to_string() }}</td>
                                            <td data-label=i18n.t(DOSE_COLUMNS[4])>{i18n.t(if r.at_steady_state { Key::TdmYes } else { Key::TdmNo })}</td>
                                            <td data-label=i18n.t(DOSE_COLUMNS[5])>
                                                {i18n.t(formulation_key(r.formulation.unwrap_or(default_product.get())))}
                                                {r.meal.map(|m| format!(" · {}", meal_text(i18n, Some(m))))}
                                            </td>
                                            <RowActions
                                                on_edit=move |_| load(i)
                                                on_delete=move |_| session.remove_row(|d| &mut d.doses, i)
                                            />
                                        </tr>
                                    }
                                })
                                .collect_view()
                        }}
            </HistoryTable>
            <div class="fields entry">
                <Field id=id("start") label=Key::TdmColStart kind="datetime-local" value=start error=start_error />
                <Field id=id("amount") label=Key::TdmColAmount unit=Unit::Symbol("mg") value=amount error=amount_error />
                <Choice id=id("interval") label=Key::TdmColInterval options=intervals value=interval />
                <Check id=id("ongoing") label=DoseKey::Ongoing value=ongoing />
                <Show when=move || !ongoing.get()>
                    <Field id=id("count") label=Key::TdmColCount value=count error=count_error />
                </Show>
                <Choice id=id("meal") label=DoseKey::ColMeal options=meals value=meal />
                <Check id=id("ss") label=Key::TdmColSteadyState value=ss />
            </div>
            <button type="button" class="primary" id=id("add") on:click=submit>
                {move || i18n.t(if editing.get().is_some() { Key::TdmSaveRow } else { Key::TdmAddRow })}
            </button>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(start: &str, amount: &str, count: &str) -> Result<DoseRow, [bool; 3]> {
        parse_row((start, None), amount, "12", count, (false, false), "")
    }

    #[test]
    fn the_engine_limits_are_checked_at_the_form() {
        assert!(row("2026-11-01T08:00", "100", "5000").is_ok());
        assert_eq!(
            row("9999-11-01T08:00", "100", "2").err(),
            Some([true, false, false])
        );
        assert_eq!(
            row("2026-11-01T08:00", "1e-300", "2").err(),
            Some([false, true, false])
        );
        assert_eq!(
            row("2026-11-01T08:00", "100", "4294967295").err(),
            Some([false, false, true])
        );
        assert!(row("1900-01-01T08:00", "0.01", "1").is_ok());
    }
}

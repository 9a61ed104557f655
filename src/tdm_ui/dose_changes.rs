//! Missed and late doses of the dosing history: the due time of one dose
//! of a row, and "missed" or the time it was taken. The engine applies
//! them (`tdm::DoseChange`); a change that names no due dose is flagged.

use super::clock;
use super::clock::display;
use super::session::Session;
use crate::i18n::{use_i18n, Key};
use crate::widgets::field::{Choice, Field};
use dmip_engine::tdm::view::FixedOffset;
use dmip_engine::tdm::DoseChange;
use leptos::prelude::*;

/// The change typed in the form, or which fields are wrong (due, taken).
/// The due time names a dose of the rows, so both times are read in their
/// zone (the latest row's UTC offset; the browser's without rows).
fn parse_change(
    (scheduled, zone): (&str, Option<FixedOffset>),
    missed: bool,
    taken: &str,
) -> Result<DoseChange, [bool; 2]> {
    let scheduled = clock::parse_in(scheduled, zone);
    let taken = if missed {
        Ok(None)
    } else {
        clock::parse_in(taken, zone).map(Some)
    };
    match (scheduled, taken) {
        (Ok(scheduled), Ok(taken)) => Ok(DoseChange { scheduled, taken }),
        (s, t) => Err([s.is_err(), t.is_err()]),
    }
}

#[component]
pub fn DoseChanges(session: Session) -> impl IntoView {
    let i18n = use_i18n();
    let slug = session.spec.slug;
    let id = move |name: &str| format!("{slug}-change-{name}");
    let scheduled = RwSignal::new(String::new());
    let kind = RwSignal::new("missed".to_owned());
    let taken = RwSignal::new(String::new());
    let tried = RwSignal::new(false);
    let rows_zone = Memo::new(move |_| {
        session
            .drug
            .with(|d| d.doses.iter().map(|r| r.start).max().map(|t| *t.offset()))
    });
    let parsed = Memo::new(move |_| {
        parse_change(
            (&scheduled.read(), rows_zone.get()),
            kind.read().as_str() == "missed",
            &taken.read(),
        )
    });
    let problem = move |k: usize| parsed.with(|p| matches!(p, Err(e) if e[k]));
    let due_error = Signal::derive(move || {
        (tried.get() && problem(0)).then(|| i18n.t(Key::TdmErrDateTime).to_owned())
    });
    let taken_error = Signal::derive(move || {
        (tried.get() && problem(1)).then(|| i18n.t(Key::TdmErrDateTime).to_owned())
    });
    let kinds = Signal::derive(move || {
        vec![
            ("missed".to_owned(), i18n.t(Key::TdmChangeMissed).to_owned()),
            ("late".to_owned(), i18n.t(Key::TdmChangeLate).to_owned()),
        ]
    });
    let submit = move |_| {
        tried.set(true);
        if let Ok(change) = parsed.get_untracked() {
            session.edit(|d| d.dose_changes.push(change));
            tried.set(false);
            scheduled.set(String::new());
            taken.set(String::new());
        }
    };
    let unmatched = Memo::new(move |_| {
        session.output.with(|o| {
            o.as_ref()
                .map(|o| o.unmatched_changes.clone())
                .unwrap_or_default()
        })
    });
    let rows = move || {
        let changes = session.drug.with(|d| d.dose_changes.clone());
        if changes.is_empty() {
            return view! { <p class="muted">{i18n.t(Key::TdmChangeNone)}</p> }.into_any();
        }
        let items = changes
            .into_iter()
            .enumerate()
            .map(|(i, c)| {
                let what = match c.taken {
                    None => i18n.t(Key::TdmChangeMissed).to_owned(),
                    Some(t) => format!("{} {}", i18n.t(Key::TdmChangeTaken), display(&t)),
                };
                let flag = unmatched
                    .with(|u| u.contains(&i))
                    .then(|| view! { <span class="field-error">{i18n.t(Key::TdmChangeNoDose)}</span> });
                view! {
                    <li>
                        {format!("{} — {what} ", display(&c.scheduled))}
                        {flag}
                        <button type="button" class="small danger" on:click=move |_| session.remove_row(|d| &mut d.dose_changes, i)>{i18n.t(Key::TdmDelete)}</button>
                    </li>
                }
            })
            .collect_view();
        view! { <ul class="dose-changes" id=id("list")>{items}</ul> }.into_any()
    };
    view! {
        <section class="panel" aria-labelledby=id("title")>
            <h3 id=id("title")>{i18n.tx(Key::TdmChangesTitle)}</h3>
            <p class="note">{i18n.tx(Key::TdmChangesNote)}</p>
            {rows}
            <div class="fields entry">
                <Field id=id("due") label=Key::TdmChangeScheduled kind="datetime-local" value=scheduled error=due_error />
                <Choice id=id("kind") label=Key::TdmChangeKind options=kinds value=kind />
                {move || (kind.get() == "late").then(|| view! {
                    <Field id=id("taken") label=Key::TdmChangeTaken kind="datetime-local" value=taken error=taken_error />
                })}
            </div>
            <button type="button" id=id("add") on:click=submit>{i18n.tx(Key::TdmChangeAdd)}</button>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_change_needs_its_due_time_and_a_late_one_its_taken_time() {
        assert!(parse_change(("", None), true, "").is_err_and(|e| e == [true, false]));
        assert!(
            parse_change(("2026-11-03T08:00", None), false, "").is_err_and(|e| e == [false, true])
        );
        let missed = parse_change(("2026-11-03T08:00", None), true, "nonsense").expect("missed");
        assert_eq!(missed.taken, None);
        let late =
            parse_change(("2026-11-03T08:00", None), false, "2026-11-03T11:00").expect("late");
        assert_eq!(
            (late.taken.expect("taken") - late.scheduled).num_minutes(),
            180
        );
    }
}

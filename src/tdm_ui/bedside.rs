//! The bedside entry at the top of the drug screen: a new level in three
//! fields — value, sample time (now unless changed), label (guessed from
//! the time after the last dose unless chosen) — added with Enter. An
//! implausible value gets the unit question first, as in the level form.

use super::bounds;
use super::clock;
use super::clock::display;
use super::session::Session;
use super::summary::CONC_UNIT;
use super::text::{label_from, label_text, LABELS};
use super::unit_question::{add_or_ask, answer, asked};
use crate::format::significant;
use crate::i18n::{fill, use_i18n, Key};
use crate::widgets::field::{bounded_error, bounded_value, Field, SelectInput, Unit};
use dmip_engine::tdm::view::local_input;
use dmip_engine::tdm::{guess_label, Implausible, LevelRow};
use leptos::prelude::*;

/// The sample time field's text for the present.
fn now_text() -> String {
    clock::now().map(|t| local_input(&t)).unwrap_or_default()
}

/// "Added: C2 900 ng/mL at 2026-12-04 10:00." in the UI language.
fn added_text(i18n: crate::i18n::I18n, row: &LevelRow) -> String {
    fill(
        i18n.t(Key::TdmQuickAdded),
        &[
            ("label", label_text(i18n, row.label)),
            (
                "value",
                &format!(
                    "{} {CONC_UNIT}",
                    significant(row.value_ng_ml.unwrap_or_default(), 3)
                ),
            ),
            ("at", &display(&row.sampled)),
        ],
    )
}

#[component]
pub fn QuickLevel(session: Session) -> impl IntoView {
    let i18n = use_i18n();
    let slug = session.spec.slug;
    let drug = session.spec.drug;
    let id = move |name: &str| format!("{slug}-quick-{name}");
    let value = RwSignal::new(String::new());
    let sampled = RwSignal::new(now_text());
    // "" is the guessed label.
    let label = RwSignal::new(String::new());
    let tried = RwSignal::new(false);
    let added = RwSignal::new(None::<LevelRow>);
    let pending = RwSignal::new(None::<Implausible>);
    let time = Memo::new(move |_| clock::parse(&sampled.read()).ok());
    let guessed = Memo::new(move |_| {
        let t = time.get()?;
        Some(session.drug.with(|d| guess_label(&d.doses, t)))
    });
    let parsed = Memo::new(move |_| {
        let v = bounded_value(&value.read(), bounds::LEVEL_NG_ML)?;
        let sampled = time.get()?;
        let chosen = label.read();
        let label = if chosen.is_empty() {
            guessed.get()?
        } else {
            label_from(&chosen)
        };
        Some(LevelRow {
            sampled,
            value_ng_ml: Some(v),
            blq: false,
            lloq_ng_ml: None,
            label,
            assay: None,
        })
    });
    let add = move |row: LevelRow| {
        added.set(Some(row.clone()));
        session.edit(|d| d.levels.push(row));
        value.set(String::new());
        label.set(String::new());
        sampled.set(now_text());
        tried.set(false);
        pending.set(None);
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        tried.set(true);
        if let Some(row) = parsed.get_untracked() {
            add_or_ask(drug, row, pending, add);
        }
    };
    let keep_typed = move |_| answer(parsed.get_untracked(), pending, false, add);
    let use_converted = move |_| answer(parsed.get_untracked(), pending, true, add);
    let question = move || {
        asked(
            pending.get(),
            parsed.with(|p| p.as_ref().and_then(|r| r.value_ng_ml)),
        )
    };
    let value_error = Signal::derive(move || {
        bounded_error(i18n, &value.read(), bounds::LEVEL_NG_ML).or_else(|| {
            (tried.get() && value.read().trim().is_empty())
                .then(|| i18n.t(Key::TdmErrValueOrBlq).to_owned())
        })
    });
    let time_error = Signal::derive(move || {
        (tried.get() && time.get().is_none()).then(|| i18n.t(Key::TdmErrDateTime).to_owned())
    });
    let labels = Signal::derive(move || {
        let guess = guessed
            .get()
            .map_or_else(|| "-".to_owned(), |l| label_text(i18n, l).to_owned());
        std::iter::once((
            String::new(),
            fill(i18n.t(Key::TdmLabelGuessed), &[("label", &guess)]),
        ))
        .chain(
            LABELS
                .iter()
                .map(|(l, v)| ((*v).to_owned(), label_text(i18n, *l).to_owned())),
        )
        .collect()
    });
    view! {
        <section class="panel quick-level" aria-labelledby=id("title")>
            <h3 id=id("title")>{i18n.tx(Key::TdmQuickTitle)}</h3>
            <form class="fields entry" on:submit=submit>
                <Field id=id("value") label=Key::TdmColValue unit=Unit::Symbol(CONC_UNIT) value=value error=value_error />
                <Field id=id("time") label=Key::TdmColSampled kind="datetime-local" value=sampled error=time_error />
                <SelectInput id=id("label") label=Signal::derive(move || i18n.t(Key::TdmColLabel).to_owned()) options=labels value=label />
                <button type="submit" class="primary" id=id("add")>{i18n.tx(Key::TdmAddRow)}</button>
            </form>
            {move || question().map(|q| super::unit_question::question(i18n, drug, q, &format!("{slug}-quick"), (use_converted, keep_typed)))}
            <p class="note" id=id("status") role="status">{move || added.get().map(|row| added_text(i18n, &row))}</p>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{fixed_i18n, Lang};
    use dmip_engine::tdm::view::DateTime;
    use dmip_engine::tdm::SampleLabel;

    #[test]
    fn the_added_level_is_said_in_the_ui_language() {
        let row = LevelRow {
            sampled: DateTime::parse_from_rfc3339("2026-12-04T10:00:00+09:00").expect("time"),
            value_ng_ml: Some(900.0),
            blq: false,
            lloq_ng_ml: None,
            label: SampleLabel::C2,
            assay: None,
        };
        assert_eq!(
            added_text(fixed_i18n(Lang::En), &row),
            "Added: C2 900 ng/mL at 2026-12-04 10:00."
        );
        assert_eq!(
            added_text(fixed_i18n(Lang::Ja), &row),
            "追加しました：C2 900 ng/mL（2026-12-04 10:00）。"
        );
    }
}

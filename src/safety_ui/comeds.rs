//! The co-medication list: add by typing (Enter or the button; names the
//! interaction table knows are suggested), remove with its button, and
//! each one's start and stop (blank: since before the first dose, still
//! taken) — an azole's period is Kirubakaran 2022's AZOLE over time. The
//! list is `patient.comedications`, the same the Patient form edits.

use crate::i18n::{fill, use_i18n, Key, SafetyKey};
use crate::state::use_record;
use crate::tdm_ui::{parse_clock, Field};
use dmip_engine::clinical::interactions::known_names;
use dmip_engine::record::CoMedication;
use dmip_engine::tdm::view::{local_input, DateTime, FixedOffset};
use leptos::prelude::*;

/// Why a name cannot be added.
fn refusal(name: &str, list: &[CoMedication]) -> Option<SafetyKey> {
    if name.is_empty() {
        Some(SafetyKey::ComedEmpty)
    } else if list.iter().any(|m| m.name.eq_ignore_ascii_case(name)) {
        Some(SafetyKey::ComedDuplicate)
    } else {
        None
    }
}

type Clock = Option<DateTime<FixedOffset>>;

/// What is wrong with a typed period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum PeriodError {
    Start,
    Stop,
    StopBeforeStart,
}

/// The period typed (blank: no start, no stop).
fn period(start: &str, stop: &str) -> Result<(Clock, Clock), PeriodError> {
    let read = |text: &str, e| match text.trim() {
        "" => Ok(None),
        t => parse_clock(t).map(Some).map_err(|_| e),
    };
    let (a, b) = (
        read(start, PeriodError::Start)?,
        read(stop, PeriodError::Stop)?,
    );
    match (a, b) {
        (Some(a), Some(b)) if b < a => Err(PeriodError::StopBeforeStart),
        _ => Ok((a, b)),
    }
}

/// The start and stop fields of entry `i`: a valid period is written to
/// the record; a date that cannot be read stays in its field, with the
/// message.
#[component]
fn PeriodFields(i: usize) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_record();
    let entry = move || {
        state
            .record
            .with_untracked(|r| r.patient.comedications.get(i).cloned())
    };
    let shown = |t: Clock| t.map(|t| local_input(&t)).unwrap_or_default();
    let (start0, stop0) = entry().map_or((None, None), |m| (m.start, m.stop));
    let start = RwSignal::new(shown(start0));
    let stop = RwSignal::new(shown(stop0));
    let parsed = Memo::new(move |_| period(&start.read(), &stop.read()));
    // Each end saved in another tab (or merged, undone) is shown.
    let one = |text: &str| match text.trim() {
        "" => Some(None),
        t => parse_clock(t).ok().map(Some),
    };
    let saved = move |end: fn(&CoMedication) -> Clock| {
        move || {
            state
                .record
                .with(|r| r.patient.comedications.get(i).and_then(end))
        }
    };
    crate::widgets::show_record(start, saved(|m| m.start), one, move |t| shown(*t));
    crate::widgets::show_record(stop, saved(|m| m.stop), one, move |t| shown(*t));
    // Written from either field's typing event, when the period reads and
    // differs.
    let typed = Callback::new(move |_: String| {
        let Ok((a, b)) = period(&start.read_untracked(), &stop.read_untracked()) else {
            return;
        };
        if entry().is_some_and(|m| (m.start, m.stop) != (a, b)) {
            state.record.update(|r| {
                if let Some(m) = r.patient.comedications.get_mut(i) {
                    m.start = a;
                    m.stop = b;
                }
            });
        }
    });
    let error = move |which: PeriodError| {
        Signal::derive(move || match parsed.get() {
            Err(e) if e == which => Some(i18n.t(Key::TdmErrDateTime).to_owned()),
            Err(PeriodError::StopBeforeStart) if which == PeriodError::Stop => {
                Some(i18n.t(SafetyKey::ComedStopBeforeStart).to_owned())
            }
            _ => None,
        })
    };
    view! {
        <div class="fields safety-comed-period">
            <Field id=format!("safety-comed-start-{i}") label=SafetyKey::ComedStart kind="datetime-local" value=start error=error(PeriodError::Start) on_text=typed />
            <Field id=format!("safety-comed-stop-{i}") label=SafetyKey::ComedStop kind="datetime-local" value=stop error=error(PeriodError::Stop) on_text=typed />
        </div>
    }
}

#[component]
pub fn CoMedications() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_record();
    let typed = RwSignal::new(String::new());
    let refused = RwSignal::new(None::<(SafetyKey, String)>);
    let list = Memo::new(move |_| state.record.with(|r| r.patient.comedications.clone()));
    let rows = Memo::new(move |_| {
        list.with(|l| {
            l.iter()
                .enumerate()
                .map(|(i, m)| (i, m.name.clone()))
                .collect::<Vec<_>>()
        })
    });
    let add = move || {
        let text = typed.get_untracked();
        let name = text.trim().to_owned();
        match list.with_untracked(|l| refusal(&name, l)) {
            Some(key) => refused.set(Some((key, name))),
            None => {
                state
                    .record
                    .update(|r| r.patient.comedications.push(CoMedication::named(name)));
                typed.set(String::new());
                refused.set(None);
            }
        }
    };
    let remove = move |i: usize| {
        state.record.update(|r| {
            if i < r.patient.comedications.len() {
                r.patient.comedications.remove(i);
            }
        })
    };
    let names = known_names();
    view! {
        <div class="safety-comeds">
            <div class="field safety-comed-field">
                <label for="safety-comed-input">{i18n.tx(SafetyKey::ComedAdd)}</label>
                <div class="field-input">
                    <input
                        id="safety-comed-input"
                        type="text"
                        list="safety-comed-names"
                        autocomplete="off"
                        prop:value=move || typed.get()
                        on:input=move |ev| typed.set(event_target_value(&ev))
                        on:keydown=move |ev| {
                            if ev.key() == "Enter" {
                                ev.prevent_default();
                                add();
                            }
                        }
                        aria-invalid=move || if refused.with(Option::is_some) { "true" } else { "false" }
                        aria-describedby="safety-comed-error"
                    />
                    <button type="button" id="safety-comed-add" on:click=move |_| add()>
                        {i18n.tx(SafetyKey::Add)}
                    </button>
                </div>
                <p class="field-error" id="safety-comed-error" aria-live="polite">
                    {move || refused.get().map(|(k, name)| fill(i18n.t(k), &[("name", &name)]))}
                </p>
                <datalist id="safety-comed-names">
                    {names.into_iter().map(|n| view! { <option value=n></option> }).collect_view()}
                </datalist>
            </div>
            <p class="note">{i18n.tx(SafetyKey::ComedHint)}</p>
            <p class="note">{i18n.tx(SafetyKey::ComedPeriodHint)}</p>
            <ul id="safety-comed-list" class="safety-comed-list">
                // Redrawn when a name is added or removed, not when a period
                // changes (a field keeps its focus).
                {move || {
                    rows.get()
                        .into_iter()
                        .map(|(i, name)| {
                            let label = fill(i18n.t(SafetyKey::ComedRemove), &[("name", &name)]);
                            view! {
                                <li>
                                    <span class="safety-comed-name">{name}</span>
                                    <button type="button" class="small danger" aria-label=label on:click=move |_| remove(i)>
                                        {i18n.t(SafetyKey::Remove)}
                                    </button>
                                    <PeriodFields i=i />
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
            <Show when=move || list.with(Vec::is_empty)>
                <p class="note" id="safety-comed-none">{i18n.tx(SafetyKey::ComedNone)}</p>
            </Show>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_period_is_read_or_its_field_is_named() {
        let at = |s: &str| DateTime::parse_from_rfc3339(s).ok();
        assert_eq!(period("", " "), Ok((None, None)));
        assert_eq!(
            period("2026-11-02T08:00", ""),
            Ok((at("2026-11-02T08:00:00+09:00"), None))
        );
        assert_eq!(
            period("", "2026-11-10T20:00"),
            Ok((None, at("2026-11-10T20:00:00+09:00")))
        );
        assert_eq!(period("yesterday", ""), Err(PeriodError::Start));
        assert_eq!(period("", "2026-13-01T08:00"), Err(PeriodError::Stop));
        assert_eq!(
            period("2026-11-10T08:00", "2026-11-02T08:00"),
            Err(PeriodError::StopBeforeStart)
        );
    }

    #[test]
    fn empty_and_duplicate_names_are_refused() {
        let list = vec![CoMedication::named("Rosuvastatin")];
        assert_eq!(refusal("", &list), Some(SafetyKey::ComedEmpty));
        assert_eq!(
            refusal("rosuvastatin", &list),
            Some(SafetyKey::ComedDuplicate)
        );
        assert_eq!(refusal("fluconazole", &list), None);
    }
}

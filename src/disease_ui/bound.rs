//! Inputs bound to the record's disease profile: a `<select>`, a checkbox
//! and a number field (typed text kept; invalid text shows its message and
//! leaves the record's value as it was).

use crate::format::{parse_number, tick};
use crate::i18n::{fill, use_i18n, IvcyKey};
use crate::state::use_record;
use crate::tdm_ui::{Field, Unit};
use dmip_engine::record::DiseaseProfile;
use leptos::prelude::*;

/// `(form value, text)` options of a select; `""` is "not recorded".
pub type Options = &'static [(&'static str, IvcyKey)];

pub fn select(
    id: &'static str,
    label: IvcyKey,
    options: Options,
    get: fn(&DiseaseProfile) -> &'static str,
    set: fn(&mut DiseaseProfile, &str),
) -> impl IntoView {
    crate::widgets::bound_choice(
        id,
        label,
        options,
        move |r| get(&r.disease),
        move |r, v| set(&mut r.disease, v),
    )
}

pub fn check(
    id: &'static str,
    label: impl Fn() -> String + Send + Sync + 'static,
    get: impl Fn(&DiseaseProfile) -> bool + Send + Sync + 'static,
    set: impl Fn(&mut DiseaseProfile, bool) + Send + Sync + 'static,
) -> impl IntoView {
    let state = use_record();
    view! {
        <div class="field check">
            <label>
                <input
                    type="checkbox"
                    id=id
                    prop:checked=move || state.record.with(|r| get(&r.disease))
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        state.record.update(|r| set(&mut r.disease, on));
                    }
                />
                {label}
            </label>
        </div>
    }
}

/// A number in `[min, max]`, or empty.
pub fn number(
    id: &'static str,
    label: IvcyKey,
    unit: &'static str,
    (min, max): (f64, f64),
    get: fn(&DiseaseProfile) -> Option<f64>,
    set: fn(&mut DiseaseProfile, Option<f64>),
) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_record();
    let raw = RwSignal::new(
        state
            .record
            .with_untracked(|r| get(&r.disease).map(tick).unwrap_or_default()),
    );
    let parsed = move |t: &str| -> Option<Option<f64>> {
        if t.trim().is_empty() {
            return Some(None);
        }
        let v = parse_number(t);
        (v.is_finite() && (min..=max).contains(&v)).then_some(Some(v))
    };
    Effect::new(move |_| {
        if let Some(v) = parsed(&raw.get()) {
            if state.record.with_untracked(|r| get(&r.disease)) != v {
                state.record.update(|r| set(&mut r.disease, v));
            }
        }
    });
    let error = Signal::derive(move || {
        let t = raw.get();
        parsed(&t).is_none().then(|| {
            fill(
                i18n.t(IvcyKey::ErrRange),
                &[
                    ("value", t.trim()),
                    ("min", &tick(min)),
                    ("max", &tick(max)),
                ],
            )
        })
    });
    view! { <Field id=id.to_owned() label=label unit=Unit::Symbol(unit) value=raw error=error /> }
}

//! Inputs bound to the record's disease profile: a `<select>`, a checkbox
//! and a number field (`widgets::bound_number`).

use crate::i18n::IvcyKey;
use crate::state::use_record;
use crate::tdm_ui::Unit;
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
    range: (f64, f64),
    get: fn(&DiseaseProfile) -> Option<f64>,
    set: fn(&mut DiseaseProfile, Option<f64>),
) -> impl IntoView {
    crate::widgets::bound_number(
        id,
        label,
        Unit::Symbol(unit),
        range,
        move |r| get(&r.disease),
        move |r, v| set(&mut r.disease, v),
    )
}

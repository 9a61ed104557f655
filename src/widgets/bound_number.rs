//! A number field bound to a value of the open record (the disease profile,
//! the IVCY course): the typed text is kept; a number in range, or an empty
//! field, is written to the record; other text shows its message and leaves
//! the record's value as it was; the record's value changed elsewhere
//! (another tab's save) is shown.

use super::field::{Field, Unit};
use crate::format::{parse_number, tick};
use crate::i18n::{fill, use_i18n, IvcyKey};
use crate::state::use_record;
use dmip_engine::record::PatientRecord;
use leptos::prelude::*;

/// A number in `[min, max]`, or empty (`None`).
pub fn bound_number(
    id: &'static str,
    label: IvcyKey,
    unit: Unit,
    (min, max): (f64, f64),
    get: impl Fn(&PatientRecord) -> Option<f64> + Copy + Send + Sync + 'static,
    set: impl Fn(&mut PatientRecord, Option<f64>) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_record();
    let raw = RwSignal::new(
        state
            .record
            .with_untracked(|r| get(r).map(tick).unwrap_or_default()),
    );
    let parsed = move |t: &str| -> Option<Option<f64>> {
        if t.trim().is_empty() {
            return Some(None);
        }
        let v = parse_number(t);
        (v.is_finite() && (min..=max).contains(&v)).then_some(Some(v))
    };
    super::follow(
        raw,
        move || state.record.with(|r| get(r)),
        move |v| state.record.update(|r| set(r, v)),
        parsed,
        |v| v.map(tick).unwrap_or_default(),
    );
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
    view! { <Field id=id.to_owned() label=label unit=unit value=raw error=error /> }
}

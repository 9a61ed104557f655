//! HRCT findings (present or not), their date, extent and score.

use super::bound::{check, number};
use crate::i18n::{use_i18n, IvcyKey};
use crate::ivcy_ui::parse_date;
use crate::state::use_record;
use crate::tdm_ui::Field;
use dmip_engine::record::HrctFindings;
use leptos::prelude::*;

/// Extent is a percentage of the lung.
const EXTENT: (f64, f64) = (0.0, 100.0);
/// Guard against impossible entries, not the score's range (the Renji
/// score's range is not in the clinical pack).
const SCORE: (f64, f64) = (0.0, 1000.0);

type Flag = (&'static str, IvcyKey, fn(&mut HrctFindings) -> &mut bool);

const FINDINGS: [Flag; 7] = [
    ("dz-hrct-ggo", IvcyKey::HrctGgo, |h| &mut h.ggo),
    ("dz-hrct-consolidation", IvcyKey::HrctConsolidation, |h| {
        &mut h.consolidation
    }),
    ("dz-hrct-curvilinear", IvcyKey::HrctCurvilinear, |h| {
        &mut h.subpleural_curvilinear_shadow
    }),
    ("dz-hrct-reticulation", IvcyKey::HrctReticulation, |h| {
        &mut h.reticulation
    }),
    ("dz-hrct-traction", IvcyKey::HrctTraction, |h| {
        &mut h.traction_bronchiectasis
    }),
    ("dz-hrct-volume", IvcyKey::HrctVolume, |h| {
        &mut h.decreased_lung_volume
    }),
    ("dz-hrct-honeycombing", IvcyKey::HrctHoneycombing, |h| {
        &mut h.honeycombing
    }),
];

#[component]
pub fn HrctFields() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_record();
    let date = RwSignal::new(state.record.with_untracked(|r| {
        r.disease
            .hrct
            .date
            .map(|d| d.to_string())
            .unwrap_or_default()
    }));
    let parsed = move |t: &str| {
        if t.trim().is_empty() {
            Some(None)
        } else {
            parse_date(t).map(Some)
        }
    };
    // Written from the typing event, when the date reads and differs.
    let typed = Callback::new(move |t: String| {
        if let Some(d) = parsed(&t) {
            if state.record.with_untracked(|r| r.disease.hrct.date != d) {
                state.record.update(|r| r.disease.hrct.date = d);
            }
        }
    });
    // The date saved in another tab (or merged, undone) is shown.
    crate::widgets::show_record(
        date,
        move || state.record.with(|r| r.disease.hrct.date),
        parsed,
        |d| d.map(|d| d.to_string()).unwrap_or_default(),
    );
    let date_error = Signal::derive(move || {
        parsed(&date.get())
            .is_none()
            .then(|| i18n.t(IvcyKey::ErrDate).to_owned())
    });
    view! {
        <h4>{i18n.tx(IvcyKey::HrctTitle)}</h4>
        <div class="fields">
            <Field id="dz-hrct-date".to_owned() label=IvcyKey::HrctDate kind="date" value=date error=date_error on_text=typed />
        </div>
        <fieldset class="ivcy-checks">
            <legend>{i18n.tx(IvcyKey::HrctFindings)}</legend>
            {FINDINGS
                .into_iter()
                .map(|(id, key, flag)| {
                    check(
                        id,
                        move || i18n.t(key).to_owned(),
                        move |d| *flag(&mut d.hrct.clone()),
                        move |d, on| *flag(&mut d.hrct) = on,
                    )
                })
                .collect_view()}
        </fieldset>
        <div class="fields">
            {number("dz-hrct-extent", IvcyKey::HrctExtent, "%", EXTENT, |d| d.hrct.extent_pct, |d, v| d.hrct.extent_pct = v)}
            {number("dz-hrct-score", IvcyKey::HrctScore, "", SCORE, |d| d.hrct.score, |d, v| d.hrct.score = v)}
        </div>
    }
}

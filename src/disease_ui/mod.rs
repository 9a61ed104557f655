//! The disease profile on the Patient screen: myositis type,
//! autoantibodies, IP pattern and course (`profile.rs`), HRCT findings
//! (`hrct.rs`), treatment start dates with the interval from the
//! corticosteroid start (`starts.rs`); `bound.rs` binds inputs to the record.

mod bound;
mod hrct;
mod profile;
mod starts;

use crate::i18n::{use_i18n, IvcyKey};
use leptos::prelude::*;

#[component]
pub fn DiseaseProfileSection() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="panel disease" aria-labelledby="dz-title">
            <h3 id="dz-title">{i18n.tx(IvcyKey::DiseaseTitle)}</h3>
            <profile::ProfileFields />
            <hrct::HrctFields />
            <starts::TreatmentStarts />
        </section>
    }
}

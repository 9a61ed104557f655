//! Body surface area by the chosen formula, from the Patient screen's
//! height and weight.

use super::calc::Derived;
use super::plan::{PlanInputs, FORMULAS};
use super::text::{why, Cite};
use crate::format::significant;
use crate::i18n::{use_i18n, IvcyKey};
use crate::tdm_ui::Choice;
use dmip_engine::clinical::body::BsaFormula;
use leptos::prelude::*;

pub fn formula_key(f: BsaFormula) -> IvcyKey {
    match f {
        BsaFormula::DuBois => IvcyKey::BsaDuBois,
        BsaFormula::Mosteller => IvcyKey::BsaMosteller,
        BsaFormula::Haycock => IvcyKey::BsaHaycock,
        BsaFormula::Fujimoto => IvcyKey::BsaFujimoto,
    }
}

#[component]
pub fn BsaPanel(inputs: PlanInputs, derived: Derived) -> impl IntoView {
    let i18n = use_i18n();
    let options = Signal::derive(move || {
        FORMULAS
            .iter()
            .map(|(f, v)| ((*v).to_owned(), i18n.t(formula_key(*f)).to_owned()))
            .collect()
    });
    let shown = move || match derived.bsa.get() {
        Ok(v) => view! {
            <span class="value">{significant(v, 4)}</span>
            <span class="unit">"m²"</span>
            <span class="when">{i18n.t(formula_key(derived.formula.get()))}</span>
        }
        .into_any(),
        Err(w) => view! { <span class="missing">{why(i18n, &w)}</span> }.into_any(),
    };
    view! {
        <section class="panel" aria-labelledby="ivcy-bsa-title">
            <h3 id="ivcy-bsa-title">{i18n.tx(IvcyKey::BsaTitle)}</h3>
            <p class="note">{i18n.tx(IvcyKey::BsaNote)}</p>
            <Choice id="ivcy-bsa-formula".to_owned() label=IvcyKey::BsaFormula options=options value=inputs.formula />
            <dl class="result">
                <dt>{i18n.tx(IvcyKey::BsaTitle)}</dt>
                <dd id="ivcy-bsa">{shown}</dd>
            </dl>
            <p class="note">{move || view! { <Cite source=derived.formula.get().source() /> }}</p>
        </section>
    }
}

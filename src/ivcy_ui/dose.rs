//! The prescription (per m², per kg or fixed) and the pulse dose.

use super::calc::Derived;
use super::plan::{from_value, parse_amount, PlanInputs, BASES, REGIMENS};
use super::text::why;
use crate::format::significant;
use crate::i18n::{fill, use_i18n, IvcyKey};
use crate::tdm_ui::{Choice, Field, Unit};
use dmip_engine::clinical::cyclophosphamide::{Basis, Prescription};
use leptos::prelude::*;

fn basis_key(b: Basis) -> IvcyKey {
    match b {
        Basis::MgPerM2 => IvcyKey::BasisPerM2,
        Basis::MgPerKg => IvcyKey::BasisPerKg,
        Basis::Mg => IvcyKey::BasisFixed,
    }
}

#[component]
pub fn DosePanel(inputs: PlanInputs, derived: Derived) -> impl IntoView {
    let i18n = use_i18n();
    let basis =
        Memo::new(move |_| from_value(&BASES, &inputs.basis.get()).unwrap_or(Basis::MgPerM2));
    let options = Signal::derive(move || {
        BASES
            .iter()
            .map(|(b, v)| ((*v).to_owned(), i18n.t(basis_key(*b)).to_owned()))
            .collect()
    });
    let amount_error = Signal::derive(move || {
        let text = inputs.amount.get();
        (!text.trim().is_empty() && parse_amount(&text).is_none())
            .then(|| fill(i18n.t(IvcyKey::ErrPositive), &[("value", text.trim())]))
    });
    // A prescription outside the chosen regimen's published range is said so.
    let outside = move || {
        let r = from_value(&REGIMENS, &inputs.preset.get())?;
        let p = r.preset().available()?;
        let amount = parse_amount(&inputs.amount.get())?;
        let rx = Prescription {
            basis: basis.get(),
            amount,
        };
        (!p.dose.contains(rx)).then(|| i18n.t(IvcyKey::OutsideRange))
    };
    let unit = move || basis.get().symbol();
    view! {
        <section class="panel" aria-labelledby="ivcy-dose-title">
            <h3 id="ivcy-dose-title">{i18n.tx(IvcyKey::DoseTitle)}</h3>
            <div class="fields">
                <Choice id="ivcy-basis".to_owned() label=IvcyKey::Basis options=options value=inputs.basis />
                {move || {
                    let u = unit();
                    view! { <Field id="ivcy-amount".to_owned() label=IvcyKey::Amount unit=Unit::Symbol(u) value=inputs.amount error=amount_error /> }
                }}
            </div>
            <p class="warning" id="ivcy-outside">{outside}</p>
            <dl class="result">
                <dt>{i18n.tx(IvcyKey::PulseDose)}</dt>
                <dd id="ivcy-dose">
                    {move || match derived.dose.get() {
                        Ok(v) => view! {
                            <span class="value">{significant(v, 5)}</span>
                            <span class="unit">"mg"</span>
                        }
                        .into_any(),
                        Err(w) => view! { <span class="missing">{why(i18n, &w)}</span> }.into_any(),
                    }}
                </dd>
            </dl>
            <p class="note">{i18n.tx(IvcyKey::DoseNote)}</p>
        </section>
    }
}

//! Published regimens: choosing one fills basis, amount (when the paper
//! gives one dose), spacing and count; its dose range, interval, number of
//! pulses, notes and citation are shown. Unverified ones show why.

use super::plan::{value_of, PlanInputs, BASES, REGIMENS, SPACINGS};
use super::text::{Cite, NoteLine, Unavailable};
use crate::format::tick;
use crate::i18n::{fill, use_i18n, I18n, IvcyKey};
use crate::tdm_ui::Choice;
use dmip_engine::clinical::cyclophosphamide::presets::{Interval, PulseCount};
use dmip_engine::clinical::cyclophosphamide::{Preset, Regimen};
use dmip_engine::clinical::status::Status;
use leptos::prelude::*;

pub fn regimen_key(r: Regimen) -> IvcyKey {
    match r {
        Regimen::Yamasaki => IvcyKey::RegYamasaki,
        Regimen::Nih => IvcyKey::RegNih,
        Regimen::EuroLupus => IvcyKey::RegEuroLupus,
        Regimen::Kameda => IvcyKey::RegKameda,
        Regimen::ShenLowDose => IvcyKey::RegShen,
        Regimen::TsujiTriple => IvcyKey::RegTsuji,
        Regimen::Cyclops => IvcyKey::RegCyclops,
    }
}

fn interval_text(i18n: I18n, i: Interval) -> String {
    match i {
        Interval::Weeks { min, max } if min == max => {
            fill(i18n.t(IvcyKey::EveryWeeks), &[("weeks", &min.to_string())])
        }
        Interval::Weeks { min, max } => fill(
            i18n.t(IvcyKey::EveryWeeks),
            &[("weeks", &format!("{min}–{max}"))],
        ),
        Interval::Month => i18n.t(IvcyKey::Monthly).to_owned(),
    }
}

fn count_text(i18n: I18n, c: PulseCount) -> String {
    let (key, n) = match c {
        PulseCount::AtLeast { n } => (IvcyKey::AtLeastPulses, n.to_string()),
        PulseCount::Exactly { n } => (IvcyKey::ExactlyPulses, n.to_string()),
        PulseCount::Between { min, max } => (IvcyKey::ExactlyPulses, format!("{min}–{max}")),
        PulseCount::NotStated => return i18n.t(IvcyKey::PulsesNotStated).to_owned(),
    };
    fill(i18n.t(key), &[("n", &n)])
}

/// Fills the plan's fields from a published regimen.
fn apply(inputs: PlanInputs, p: &Preset) {
    inputs.basis.set(value_of(&BASES, p.dose.basis).to_owned());
    if p.dose.min == p.dose.max {
        inputs.amount.set(tick(p.dose.min));
    }
    let spacing = value_of(&SPACINGS, p.interval.default_spacing());
    if !spacing.is_empty() {
        inputs.spacing.set(spacing.to_owned());
    }
    if let PulseCount::AtLeast { n } | PulseCount::Exactly { n } = p.pulses {
        inputs.count.set(n.to_string());
    }
}

fn preset_view(i18n: I18n, p: Preset) -> impl IntoView {
    let range = if p.dose.min == p.dose.max {
        tick(p.dose.min)
    } else {
        format!("{}–{}", tick(p.dose.min), tick(p.dose.max))
    };
    view! {
        <dl class="ivcy-facts">
            <dt>{i18n.t(IvcyKey::PresetDose)}</dt>
            <dd>{format!("{range} {}", p.dose.basis.symbol())}</dd>
            <dt>{i18n.t(IvcyKey::PresetInterval)}</dt>
            <dd>{interval_text(i18n, p.interval)}</dd>
            <dt>{i18n.t(IvcyKey::PresetPulses)}</dt>
            <dd>{count_text(i18n, p.pulses)}</dd>
        </dl>
        <ul class="ivcy-notes">
            {p.notes.into_iter().map(|n| view! { <NoteLine note=n /> }).collect_view()}
        </ul>
        <p class="note"><Cite source=p.source /></p>
    }
}

#[component]
pub fn RegimenPanel(inputs: PlanInputs) -> impl IntoView {
    let i18n = use_i18n();
    let options = Signal::derive(move || {
        std::iter::once((String::new(), i18n.t(IvcyKey::RegCustom).to_owned()))
            .chain(
                REGIMENS
                    .iter()
                    .map(|(r, v)| ((*v).to_owned(), i18n.t(regimen_key(*r)).to_owned())),
            )
            .collect()
    });
    let chosen = Memo::new(move |_| {
        REGIMENS
            .iter()
            .find(|(_, v)| *v == inputs.preset.get())
            .map(|(r, _)| *r)
    });
    // Fill the fields when the user picks a regimen (not at mount).
    Effect::new(move |prev: Option<Option<Regimen>>| {
        let now = chosen.get();
        if let (Some(prev), Some(r)) = (prev, now) {
            if prev != now {
                if let Status::Available { value } = r.preset() {
                    apply(inputs, &value);
                }
            }
        }
        now
    });
    view! {
        <section class="panel" aria-labelledby="ivcy-regimen-title">
            <h3 id="ivcy-regimen-title">{i18n.tx(IvcyKey::RegimenTitle)}</h3>
            <Choice id="ivcy-preset".to_owned() label=IvcyKey::Regimen options=options value=inputs.preset />
            <div id="ivcy-preset-info">
                {move || chosen.get().map(|r| match r.preset() {
                    Status::Available { value } => preset_view(i18n, value).into_any(),
                    Status::Unavailable { gap } => view! { <Unavailable gap=gap /> }.into_any(),
                })}
            </div>
        </section>
    }
}

//! Form fields of every screen: the text as typed stays in the field
//! (even when invalid); the message is shown next to it.

use crate::i18n::{use_i18n, Key, Text};
use leptos::prelude::*;

/// A unit shown after a field: a symbol, or a word in the UI language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    Symbol(&'static str),
    Word(Key),
}

/// A labelled input. `kind` is the input type (`text`, `datetime-local`);
/// text inputs get `inputmode="decimal"`, or hold words (names, class
/// `text`, no decimal keyboard) with `words`. `unit` is shown after it.
/// The label is a key of any translation table. `on_text` is called with
/// what the user typed (after `value` holds it): the place to write the
/// record from the event, instead of an effect copying `value`.
#[component]
pub fn Field<L: Text + Send + Sync + 'static>(
    id: String,
    label: L,
    #[prop(default = Unit::Symbol(""))] unit: Unit,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional)] words: bool,
    value: RwSignal<String>,
    #[prop(into)] error: Signal<Option<String>>,
    #[prop(optional)] on_text: Option<Callback<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let label = Signal::derive(move || i18n.t(label).to_owned());
    let unit = Signal::derive(move || {
        match unit {
            Unit::Symbol(s) => s,
            Unit::Word(k) => i18n.t(k),
        }
        .to_owned()
    });
    view! { <TextInput id=id label=label unit=unit kind=kind words=words value=value error=error on_text=on_text /> }
}

/// [`Field`] with its label and unit as text (names that come from the
/// engine, units that follow another input).
#[component]
pub fn TextInput(
    #[prop(into)] id: String,
    #[prop(into)] label: Signal<String>,
    #[prop(into, optional)] unit: Signal<String>,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional)] words: bool,
    value: RwSignal<String>,
    #[prop(into)] error: Signal<Option<String>>,
    #[prop(default = None)] on_text: Option<Callback<String>>,
) -> impl IntoView {
    let error_id = format!("{id}-error");
    let typed = move |ev: leptos::ev::Event| typed(value, on_text, event_target_value(&ev));
    let mode = (kind == "text" && !words).then_some("decimal");
    view! {
        <div class="field">
            <label for=id.clone()>{move || label.get()}</label>
            <div class="field-input">
                <input
                    id=id
                    type=kind
                    class=words.then_some("text")
                    inputmode=mode
                    autocomplete="off"
                    prop:value=move || value.get()
                    on:input=typed
                    on:change=typed
                    aria-invalid=move || if error.with(Option::is_some) { "true" } else { "false" }
                    aria-describedby=error_id.clone()
                />
                <span class="unit">{move || unit.get()}</span>
            </div>
            <p class="field-error" id=error_id aria-live="polite">
                {move || error.get()}
            </p>
        </div>
    }
}

/// A labelled checkbox bound to `value`.
#[component]
pub fn Check<L: Text + Send + Sync + 'static>(
    id: String,
    label: L,
    value: RwSignal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="field check">
            <label>
                <input
                    type="checkbox"
                    id=id
                    prop:checked=move || value.get()
                    on:change=move |ev| value.set(event_target_checked(&ev))
                />
                {i18n.tx(label)}
            </label>
        </div>
    }
}

/// A labelled `<select>` of `(value, text)` options.
#[component]
pub fn Choice<L: Text + Send + Sync + 'static>(
    id: String,
    label: L,
    /// (value, text key or literal text) of each option.
    options: Signal<Vec<(String, String)>>,
    value: RwSignal<String>,
    /// Called with the choice made (after `value` holds it).
    #[prop(optional)]
    on_text: Option<Callback<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let label = Signal::derive(move || i18n.t(label).to_owned());
    view! { <SelectInput id=id label=label options=options value=value on_text=on_text /> }
}

/// [`Choice`] with its label as text.
#[component]
pub fn SelectInput(
    #[prop(into)] id: String,
    #[prop(into)] label: Signal<String>,
    #[prop(into)] options: Signal<Vec<(String, String)>>,
    value: RwSignal<String>,
    #[prop(default = None)] on_text: Option<Callback<String>>,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id.clone()>{move || label.get()}</label>
            <div class="field-input">
                <select
                    id=id
                    prop:value=move || value.get()
                    on:change=move |ev| typed(value, on_text, event_target_value(&ev))
                >
                    {move || {
                        options
                            .get()
                            .into_iter()
                            .map(|(v, text)| {
                                let selected = value.get_untracked() == v;
                                view! { <option value=v selected=selected>{text}</option> }
                            })
                            .collect_view()
                    }}
                </select>
            </div>
        </div>
    }
}

/// What the user typed or chose: into `value`, then to `on_text`.
fn typed(value: RwSignal<String>, on_text: Option<Callback<String>>, text: String) {
    value.set(text.clone());
    if let Some(on_text) = on_text {
        on_text.run(text);
    }
}

/// The accepted range of a number field. The limits are input sanity
/// bounds (physical limits such as a haematocrit ≤ 100 %, or values far
/// beyond any patient's), not clinical thresholds: see `tdm_ui::bounds`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Bounds {
    pub min: f64,
    /// `min` itself is refused (weights, doses: must be > 0).
    pub exclusive_min: bool,
    pub max: f64,
}

impl Bounds {
    /// At least `min`, no upper limit.
    pub const fn at_least(min: f64) -> Bounds {
        Bounds {
            min,
            exclusive_min: false,
            max: f64::INFINITY,
        }
    }

    /// From 0 to `max`.
    pub const fn up_to(max: f64) -> Bounds {
        Bounds {
            min: 0.0,
            exclusive_min: false,
            max,
        }
    }

    /// Above 0, up to `max`.
    pub const fn positive_up_to(max: f64) -> Bounds {
        Bounds {
            min: 0.0,
            exclusive_min: true,
            max,
        }
    }

    fn admits(self, v: f64) -> bool {
        v.is_finite() && (v > self.min || (!self.exclusive_min && v == self.min)) && v <= self.max
    }
}

/// The message for a number typed in a field: none when empty or within
/// `bounds`.
pub fn bounded_error(i18n: crate::i18n::I18n, text: &str, bounds: Bounds) -> Option<String> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    let v = crate::format::parse_number(text);
    let (key, limit) = if !v.is_finite() {
        (Key::TdmErrNotNumber, None)
    } else if v < bounds.min || (bounds.exclusive_min && v == bounds.min) {
        let key = if bounds.exclusive_min {
            Key::TdmErrNotAbove
        } else {
            Key::TdmErrBelowMin
        };
        (key, Some(("min", bounds.min)))
    } else if v > bounds.max {
        (Key::TdmErrAboveMax, Some(("max", bounds.max)))
    } else {
        return None;
    };
    let limit = limit.map(|(name, x)| (name, crate::format::tick(x)));
    let mut args = vec![("value", text)];
    if let Some((name, x)) = &limit {
        args.push((name, x.as_str()));
    }
    Some(crate::i18n::fill(i18n.t(key), &args))
}

/// The number typed, when valid (see [`bounded_error`]).
pub fn bounded_value(text: &str, bounds: Bounds) -> Option<f64> {
    Some(crate::format::parse_number(text)).filter(|v| bounds.admits(*v))
}

/// The message for a number typed in a field: none when empty or a
/// number at least `min`.
pub fn number_error(i18n: crate::i18n::I18n, text: &str, min: f64) -> Option<String> {
    bounded_error(i18n, text, Bounds::at_least(min))
}

/// The number typed, when valid (see [`number_error`]).
pub fn number_value(text: &str, min: f64) -> Option<f64> {
    bounded_value(text, Bounds::at_least(min))
}

/// The Edit and Delete buttons of a table row.
#[component]
pub fn RowActions(
    #[prop(into)] on_edit: Callback<()>,
    #[prop(into)] on_delete: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <td class="row-actions">
            <button type="button" class="small" on:click=move |_| on_edit.run(())>
                {i18n.tx(Key::TdmEdit)}
            </button>
            <button type="button" class="small danger" on:click=move |_| on_delete.run(())>
                {i18n.tx(Key::TdmDelete)}
            </button>
        </td>
    }
}

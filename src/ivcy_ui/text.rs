//! Engine results in words, in the UI language: input errors, missing
//! inputs, unavailable items with their reason, notes and citations.

use crate::i18n::{fill, use_i18n, I18n, IvcyKey, Lang};
use dmip_engine::clinical::error::{ClinicalError, Field};
use dmip_engine::clinical::notes::Note;
use dmip_engine::clinical::sources::Source;
use dmip_engine::clinical::status::Gap;
use dmip_engine::text::{Say, Words};
use leptos::prelude::*;

/// An input a calculation needs: an engine field or one named by the app.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Need {
    Field(Field),
    Key(IvcyKey),
}

/// Why a value cannot be shown.
#[derive(Clone, Debug, PartialEq)]
pub enum Why {
    Missing(Vec<Need>),
    Error(ClinicalError),
}

impl From<ClinicalError> for Why {
    fn from(e: ClinicalError) -> Self {
        match e {
            ClinicalError::Missing { field } => Why::Missing(vec![Need::Field(field)]),
            other => Why::Error(other),
        }
    }
}

/// A calculation's value, or why there is none.
pub type Calc<T> = Result<T, Why>;

/// The inputs among `needs` that are `None`, as `Why::Missing`.
pub fn require<T: Copy>(needs: &[(Option<T>, Need)]) -> Calc<Vec<T>> {
    let missing: Vec<Need> = needs
        .iter()
        .filter(|(v, _)| v.is_none())
        .map(|(_, n)| *n)
        .collect();
    if missing.is_empty() {
        Ok(needs.iter().filter_map(|(v, _)| *v).collect())
    } else {
        Err(Why::Missing(missing))
    }
}

pub fn field(i18n: I18n, f: Field) -> &'static str {
    f.words(i18n.lang())
}

fn need(i18n: I18n, n: Need) -> &'static str {
    match n {
        Need::Field(f) => field(i18n, f),
        Need::Key(k) => i18n.t(k),
    }
}

/// The message for an engine error, naming the field in the UI language.
pub fn error(i18n: I18n, e: &ClinicalError) -> String {
    let num = crate::format::tick;
    match e {
        ClinicalError::NotFinite { field: f, value } => fill(
            i18n.t(IvcyKey::ErrNotFinite),
            &[("field", field(i18n, *f)), ("value", value)],
        ),
        ClinicalError::NotPositive { field: f, value } => fill(
            i18n.t(IvcyKey::ErrNotPositive),
            &[("field", field(i18n, *f)), ("value", &num(*value))],
        ),
        ClinicalError::Negative { field: f, value } => fill(
            i18n.t(IvcyKey::ErrNegative),
            &[("field", field(i18n, *f)), ("value", &num(*value))],
        ),
        ClinicalError::OutOfRange {
            field: f,
            value,
            min,
            max,
        } => fill(
            i18n.t(IvcyKey::ErrOutOfRange),
            &[
                ("field", field(i18n, *f)),
                ("value", &num(*value)),
                ("min", &num(*min)),
                ("max", &num(*max)),
            ],
        ),
        ClinicalError::Missing { field: f } => missing(i18n, &[Need::Field(*f)]),
        ClinicalError::DateOutOfRange => i18n.t(IvcyKey::ErrDateOutOfRange).to_owned(),
        ClinicalError::NonFiniteResult => i18n.t(IvcyKey::ErrNonFinite).to_owned(),
        // Not raised by the calculations of these screens: the engine's words.
        other => other.say(i18n.lang()),
    }
}

/// "Not computable (missing: …)".
pub fn missing(i18n: I18n, needs: &[Need]) -> String {
    let sep = if i18n.lang() == Lang::Ja { "、" } else { ", " };
    let names: Vec<&str> = needs.iter().map(|n| need(i18n, *n)).collect();
    fill(
        i18n.t(IvcyKey::NotComputable),
        &[("missing", &names.join(sep))],
    )
}

pub fn why(i18n: I18n, w: &Why) -> String {
    match w {
        Why::Missing(needs) => missing(i18n, needs),
        Why::Error(e) => error(i18n, e),
    }
}

/// The reason an item is unavailable, in the UI language.
pub fn gap(i18n: I18n, g: Gap) -> &'static str {
    g.words(i18n.lang())
}

pub fn note(i18n: I18n, n: Note) -> &'static str {
    n.words(i18n.lang())
}

/// "Unavailable: reason", in a box the tests and the eye can find.
#[component]
pub fn Unavailable(gap: Gap) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <p class="unavailable">
            <strong>{i18n.tx(IvcyKey::UnavailableLabel)}</strong>
            " "
            {move || self::gap(i18n, gap)}
        </p>
    }
}

/// A citation (bibliographic text stays as published).
#[component]
pub fn Cite(source: Source) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <span class="cite">{i18n.tx(IvcyKey::SourceLabel)} " " {source.citation()}</span>
    }
}

/// A literature note with its source.
#[component]
pub fn NoteLine(note: Note) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <li class="ivcy-note">
            {move || self::note(i18n, note)}
            " "
            <Cite source=note.source() />
        </li>
    }
}

//! Text on screen bound to a value of the open record, both ways (other
//! tabs' saves are shown). What is typed is written to the
//! record when it reads as a value; a change of the record's value that did
//! not come from this text — another tab's save, a merge, an undo, advice
//! applied — is shown in the field, unless the text typed already reads as
//! that value. The record signal is the one truth: a field never keeps a
//! stale copy of it.
//!
//! [`follow`] writes the record itself; [`show_record`] only shows it, for
//! fields that write the record from their typing event.

use leptos::prelude::*;

/// Binds `raw` (the text on screen) to a value of the open record:
/// `read` gives the record's value (tracked), `write` stores one, `parse`
/// reads the text (`None`: not a value — the record keeps its own, the
/// field shows its message), `show` writes a value as text.
pub fn follow<V>(
    raw: RwSignal<String>,
    read: impl Fn() -> V + 'static,
    write: impl Fn(V) + 'static,
    parse: impl Fn(&str) -> Option<V> + 'static,
    show: impl Fn(&V) -> String + 'static,
) where
    V: PartialEq + Clone + 'static,
{
    bind(raw, read, Some(write), parse, show);
}

/// Shows in `raw` the record's value changed elsewhere (another tab's
/// save, a merge, an undo), as [`follow`] does, for a field whose typing
/// event writes the record itself (`Field`'s `on_text`).
pub fn show_record<V>(
    raw: RwSignal<String>,
    read: impl Fn() -> V + 'static,
    parse: impl Fn(&str) -> Option<V> + 'static,
    show: impl Fn(&V) -> String + 'static,
) where
    V: PartialEq + Clone + 'static,
{
    bind(raw, read, None::<fn(V)>, parse, show);
}

fn bind<V>(
    raw: RwSignal<String>,
    read: impl Fn() -> V + 'static,
    write: Option<impl Fn(V) + 'static>,
    parse: impl Fn(&str) -> Option<V> + 'static,
    show: impl Fn(&V) -> String + 'static,
) where
    V: PartialEq + Clone + 'static,
{
    // Returns the text and the record's value it last saw: the record
    // changed with the text as it was means the change came from elsewhere.
    Effect::new(move |seen: Option<(String, V)>| {
        let text = raw.get();
        let current = read();
        let typed = parse(&text);
        if let Some((seen_text, seen_value)) = seen {
            if seen_text == text && seen_value != current {
                if typed.as_ref() != Some(&current) {
                    let shown = show(&current);
                    raw.set(shown.clone());
                    return (shown, current);
                }
                return (text, current);
            }
        }
        match (typed, &write) {
            (Some(v), Some(write)) if v != current => {
                write(v.clone());
                (text, v)
            }
            _ => (text, current),
        }
    });
}

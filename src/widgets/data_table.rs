//! A data table in its scrolling frame: the headings (translated, following
//! the language) and the body rows the caller renders. With `stack`, the
//! rows become labelled blocks on a phone (each `td` carries `data-label`,
//! see `www/style.css`).

use crate::i18n::{use_i18n, Text};
use leptos::prelude::*;

/// `columns` head the data columns; `blank` more columns (row buttons) get
/// an empty heading.
pub fn data_table<K: Text + Send + Sync + 'static>(
    id: impl Into<String>,
    class: &'static str,
    columns: &[K],
    blank: usize,
    rows: impl IntoView,
) -> impl IntoView {
    let i18n = use_i18n();
    let id: String = id.into();
    let heads = columns
        .iter()
        .map(|k| view! { <th>{i18n.tx(*k)}</th> })
        .collect_view();
    let blanks = (0..blank).map(|_| view! { <th></th> }).collect_view();
    view! {
        <div class="table-wrap">
            <table class=class id=id>
                <thead>
                    <tr>{heads}{blanks}</tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

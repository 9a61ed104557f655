//! The frame of a drug's history tables (doses, levels): the headings,
//! the rows the caller renders, and the toolbar (sort by time, undo).

use super::session::Session;
use crate::i18n::{use_i18n, Key};
use dmip_engine::record::DrugRecord;
use leptos::prelude::*;

#[component]
pub fn HistoryTable(
    session: Session,
    /// Start of the element ids: `{prefix}-table`, `-sort`, `-undo`.
    prefix: String,
    /// Headings of the data columns (the row buttons' column has none).
    columns: &'static [Key],
    /// Sorts the table's rows by time.
    sort: fn(&mut DrugRecord),
    /// The `<tr>` rows.
    children: Children,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="table-wrap">
            <table class="tdm-table stack rows" id=format!("{prefix}-table")>
                <thead>
                    <tr>
                        {columns.iter().map(|k| view! { <th>{i18n.tx(*k)}</th> }).collect_view()}
                        <th></th>
                    </tr>
                </thead>
                <tbody>{children()}</tbody>
            </table>
        </div>
        <div class="toolbar">
            <button type="button" id=format!("{prefix}-sort") on:click=move |_| session.edit(sort)>
                {i18n.tx(Key::TdmSortByTime)}
            </button>
            <button
                type="button"
                id=format!("{prefix}-undo")
                disabled=move || !session.can_undo()
                on:click=move |_| session.undo()
            >
                {i18n.tx(Key::TdmUndo)}
            </button>
        </div>
    }
}

//! The frame of a drug's history tables (doses, levels): the headings,
//! the rows the caller renders, and the toolbar (sort by time, undo).

use super::session::Session;
use crate::i18n::{use_i18n, Key};
use crate::widgets::data_table;
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
        {data_table(format!("{prefix}-table"), "tdm-table stack rows", columns, 1, children())}
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

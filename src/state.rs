//! The open patient record, shared by every screen through Leptos context.
//! Screens read and edit it; every derived result is a memo over it that
//! calls the engine (never computed in a view). Persistence (encrypted
//! storage, autosave) lives in `storage/` and watches this signal.

use dmip_engine::record::PatientRecord;
use leptos::prelude::*;

/// Handle on the open record.
#[derive(Clone, Copy, Debug)]
pub struct RecordState {
    pub record: RwSignal<PatientRecord>,
}

/// Creates the record state (an empty record) and provides it to the tree.
pub fn provide_record() -> RecordState {
    let state = RecordState {
        record: RwSignal::new(PatientRecord::new("new")),
    };
    provide_context(state);
    state
}

/// The record state provided by [`provide_record`].
pub fn use_record() -> RecordState {
    expect_context::<RecordState>()
}

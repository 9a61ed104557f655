//! One writer at a time across tabs: a save's sequence
//! — read the index, merge, write the revision, switch the index — runs
//! holding the exclusive Web Lock [`WRITE_LOCK`] (`navigator.locks`), so
//! two tabs saving in the same millisecond take turns: the second reads
//! what the first wrote and merges with it. One lock for the store, not
//! one per record: the index every save rewrites is shared by all records.
//!
//! Where the browser has no `navigator.locks`, or refuses the request, the
//! save runs at once (the path before locks: the index is read again just
//! before the write). The flush when the page is hidden or closed stays
//! synchronous: the page may be gone before a lock is granted.
//!
//! Called through `js_sys::Reflect`: web-sys has `LockManager` only under
//! `web_sys_unstable_apis`.

use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// The lock every tab of the app takes to write the store.
pub const WRITE_LOCK: &str = "dmip-records-write";

/// How long the lock is kept after a save: each page reads localStorage
/// from its own copy, which another page's writes reach a few
/// milliseconds later — the lock alone does not order them (seen in the
/// e2e test of saves at the same moment under load: the second page read
/// the index from before the first page's save). Holding the lock a
/// little longer lets the writes arrive before the next writer reads.
///
/// A margin, not a guarantee, and with this layout it cannot be made one:
/// - No read can prove it is up to date: localStorage has no read barrier,
///   and Web Locks order the lock's grants, not the delivery of the other
///   page's writes to this page's copy (a separate channel in Chromium).
/// - A late write is not detectable from what the writer reads after it:
///   both pages number their revision from what they saw (`N + 1`), so the
///   second writes over the first's key and index line; the index and the
///   revision number read afterwards are the same whichever page won. The
///   page that lost can tell only by comparing the text under its key with
///   what it wrote when the `storage` event reaches it; that event's timing
///   is not specified (the standard models one shared map), and a page
///   closed, or frozen in the background, before it arrives loses its edit
///   with no other copy left.
/// - Merging again needs the common ancestor: a writer two saves behind
///   wrote from an older base than the loser's, which nothing records.
///
/// Sound would be revisions no other page can write over: a key unique
/// to the writer (a random part), the parent revision written in the
/// envelope, the parent kept until a writer that has read every head has
/// merged them; any page then finds two heads by reading, whatever
/// the timing. That changes the stored layout (older app versions would
/// list the new keys as other records) and keeps a second copy of a
/// record whose save raced, so it needs its own migration and capacity
/// measurement (BENCHMARKS.md: capacity is localStorage's limit).
const HOLD_MS: u32 = 100;

/// A promise resolved `HOLD_MS` from now.
fn hold() -> js_sys::Promise {
    js_sys::Promise::new(&mut |resolve, _reject| {
        gloo_timers::callback::Timeout::new(HOLD_MS, move || {
            let _ = resolve.call0(&JsValue::UNDEFINED);
        })
        .forget();
    })
}

type Job = Rc<RefCell<Option<Box<dyn FnOnce()>>>>;

fn run(job: &Job) {
    let f = job.borrow_mut().take();
    if let Some(f) = f {
        f();
    }
}

/// `navigator.locks.request` and its receiver, where the browser has them.
fn request_fn() -> Option<(JsValue, js_sys::Function)> {
    let navigator = web_sys::window()?.navigator();
    let locks = js_sys::Reflect::get(&navigator, &JsValue::from_str("locks")).ok()?;
    if !locks.is_object() {
        return None;
    }
    let request = js_sys::Reflect::get(&locks, &JsValue::from_str("request")).ok()?;
    Some((locks, request.dyn_into().ok()?))
}

/// Runs `f` holding [`WRITE_LOCK`] (shared by every tab of this origin),
/// or at once where locks are missing or refused. `f` runs exactly once.
pub fn with_write_lock(f: impl FnOnce() + 'static) {
    let job: Job = Rc::new(RefCell::new(Some(Box::new(f))));
    let Some((locks, request)) = request_fn() else {
        return run(&job);
    };
    let held = job.clone();
    // The lock is held `HOLD_MS` after `f` returns (see `HOLD_MS`).
    let granted = Closure::once_into_js(move |_lock: JsValue| -> JsValue {
        run(&held);
        hold().into()
    });
    match request.call2(&locks, &JsValue::from_str(WRITE_LOCK), &granted) {
        Ok(promise) => {
            // Refused (an opaque origin, a browser setting): run unlocked.
            let refused = job.clone();
            let on_refused = Closure::once_into_js(move |_e: JsValue| run(&refused));
            let catch = js_sys::Reflect::get(&promise, &JsValue::from_str("catch"));
            if let Ok(catch) = catch.and_then(|c| c.dyn_into::<js_sys::Function>()) {
                let _ = catch.call1(&promise, &on_refused);
            }
        }
        Err(_) => run(&job),
    }
}

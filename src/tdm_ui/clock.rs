//! The browser's clock and UTC offset. Natively (unit tests) the offset is
//! Japan's and there is no "now".

use dmip_engine::tdm::view::{from_millis, DateTime, FixedOffset};

/// Minutes east of UTC of the browser's time zone at the local clock time
/// `local` (`YYYY-MM-DDTHH:MM`), so that a daylight-saving change is taken
/// into account; the current offset when `local` is not a date.
#[cfg(target_arch = "wasm32")]
pub fn offset_minutes_at(local: &str) -> i32 {
    let at = web_sys::js_sys::Date::new(&wasm_bindgen::JsValue::from_str(local.trim()));
    let minutes = at.get_timezone_offset();
    let minutes = if minutes.is_finite() {
        minutes
    } else {
        web_sys::js_sys::Date::new_0().get_timezone_offset()
    };
    -(minutes.round() as i32)
}

#[cfg(not(target_arch = "wasm32"))]
pub fn offset_minutes_at(_local: &str) -> i32 {
    540
}

/// The present, in the browser's offset.
#[cfg(target_arch = "wasm32")]
pub fn now() -> Option<DateTime<FixedOffset>> {
    let offset = -(web_sys::js_sys::Date::new_0().get_timezone_offset().round() as i32);
    from_millis(web_sys::js_sys::Date::now(), offset)
}

#[cfg(not(target_arch = "wasm32"))]
pub fn now() -> Option<DateTime<FixedOffset>> {
    from_millis(f64::NAN, 540)
}

/// Reads a `datetime-local` value as clock time with the browser's offset.
pub fn parse(local: &str) -> Result<DateTime<FixedOffset>, String> {
    dmip_engine::tdm::view::parse_local(local, offset_minutes_at(local))
}

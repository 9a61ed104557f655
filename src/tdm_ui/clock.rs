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
    parse_in(local, None)
}

/// Reads a `datetime-local` value as clock time in `zone` (a time being
/// edited keeps the UTC offset it was typed with, in any zone the record
/// is opened in), or with the browser's offset.
pub fn parse_in(local: &str, zone: Option<FixedOffset>) -> Result<DateTime<FixedOffset>, String> {
    let minutes = zone.map_or_else(|| offset_minutes_at(local), |z| z.local_minus_utc() / 60);
    dmip_engine::tdm::view::parse_local(local, minutes)
}

/// "UTC+09:00", "UTC−05:00".
pub fn zone_label(zone: FixedOffset) -> String {
    let m = zone.local_minus_utc() / 60;
    let sign = if m < 0 { '−' } else { '+' };
    format!("UTC{sign}{:02}:{:02}", m.abs() / 60, m.abs() % 60)
}

/// A clock time as shown in tables (`YYYY-MM-DD HH:MM`, in the offset it
/// was typed with), with its zone when that is not the browser's at that
/// moment: "2026-12-01 08:00 (UTC+09:00)".
pub fn display(t: &DateTime<FixedOffset>) -> String {
    let text = dmip_engine::tdm::view::display(t);
    let local = dmip_engine::tdm::view::local_input(t);
    if t.offset().local_minus_utc() / 60 == offset_minutes_at(&local) {
        text
    } else {
        format!("{text} ({})", zone_label(*t.offset()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(s).unwrap()
    }

    #[test]
    fn a_time_in_another_zone_says_its_zone() {
        // Natively the browser's zone is Japan's.
        assert_eq!(
            display(&at("2026-12-01T08:00:00+09:00")),
            "2026-12-01 08:00"
        );
        assert_eq!(
            display(&at("2026-12-01T08:00:00-05:00")),
            "2026-12-01 08:00 (UTC−05:00)"
        );
        assert_eq!(
            display(&at("2026-12-01T08:00:00+05:30")),
            "2026-12-01 08:00 (UTC+05:30)"
        );
    }

    #[test]
    fn an_edited_time_is_read_in_its_own_zone() {
        let ny = *at("2026-12-01T08:00:00-05:00").offset();
        assert_eq!(
            parse_in("2026-12-01T09:30", Some(ny)).unwrap(),
            at("2026-12-01T09:30:00-05:00")
        );
        assert_eq!(
            parse("2026-12-01T09:30").unwrap(),
            at("2026-12-01T09:30:00+09:00")
        );
    }
}

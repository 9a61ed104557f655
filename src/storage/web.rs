//! The thin browser glue: localStorage as a [`Kv`], random bytes from
//! `crypto.getRandomValues`, file downloads (Blob + object URL +
//! `<a download>`), file reading, the local clock. Nothing here panics when
//! the browser refuses (storage denied, no crypto): it reports instead.

use super::kv::{Kv, MemKv};
use wasm_bindgen::JsCast;

/// localStorage, or memory when the browser denies it (nothing is kept).
pub enum Backend {
    Local(web_sys::Storage),
    Memory(MemKv),
}

impl Backend {
    /// localStorage if the browser allows it.
    pub fn open() -> Backend {
        match web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
            Some(s) => Backend::Local(s),
            None => Backend::Memory(MemKv::default()),
        }
    }

    pub fn persistent(&self) -> bool {
        matches!(self, Backend::Local(_))
    }
}

fn js(e: wasm_bindgen::JsValue) -> String {
    e.as_string()
        .or_else(|| {
            e.dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.message()))
        })
        .unwrap_or_else(|| "refused by the browser".into())
}

impl Kv for Backend {
    fn get(&self, key: &str) -> Result<Option<String>, String> {
        match self {
            Backend::Local(s) => s.get_item(key).map_err(js),
            Backend::Memory(m) => m.get(key),
        }
    }
    fn set(&self, key: &str, value: &str) -> Result<(), String> {
        match self {
            Backend::Local(s) => s.set_item(key, value).map_err(js),
            Backend::Memory(m) => m.set(key, value),
        }
    }
    fn remove(&self, key: &str) -> Result<(), String> {
        match self {
            Backend::Local(s) => s.remove_item(key).map_err(js),
            Backend::Memory(m) => m.remove(key),
        }
    }
    fn keys(&self) -> Result<Vec<String>, String> {
        match self {
            Backend::Local(s) => {
                let n = s.length().map_err(js)?;
                let mut out = Vec::new();
                for i in 0..n {
                    if let Some(k) = s.key(i).map_err(js)? {
                        out.push(k);
                    }
                }
                Ok(out)
            }
            Backend::Memory(m) => m.keys(),
        }
    }
}

/// Fills `buf` from `crypto.getRandomValues`. Returns false (buf left as
/// is) if the browser has no crypto; callers then refuse to encrypt.
pub fn try_fill_random(buf: &mut [u8]) -> bool {
    web_sys::window()
        .and_then(|w| w.crypto().ok())
        .is_some_and(|c| c.get_random_values_with_u8_array(buf).is_ok())
}

/// Random bytes for nonces and salts (see [`try_fill_random`]).
pub fn fill_random(buf: &mut [u8]) {
    let _ = try_fill_random(buf);
}

/// A new random record id (16 hex digits).
pub fn new_id() -> String {
    let mut b = [0u8; 8];
    fill_random(&mut b);
    if b == [0; 8] {
        // No crypto: fall back on the clock (ids need not be secret).
        return format!("{:016x}", js_sys::Date::now() as u64);
    }
    b.iter().map(|x| format!("{x:02x}")).collect()
}

/// The local date and time, `YYYY-MM-DDTHH:MM` (sorts by time).
pub fn now_local() -> String {
    let d = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date(),
        d.get_hours(),
        d.get_minutes()
    )
}

/// Milliseconds since the epoch.
pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// Offers `text` as a file download named `name`.
pub fn download(name: &str, text: &str, mime: &str) -> Result<(), String> {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts).map_err(js)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(js)?;
    let doc = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let a: web_sys::HtmlAnchorElement = doc
        .create_element("a")
        .map_err(js)?
        .dyn_into()
        .map_err(|_| "no anchor element".to_string())?;
    a.set_href(&url);
    a.set_download(name);
    a.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// Reads the first file chosen in an `<input type=file>` as text.
pub async fn read_file(input: &web_sys::HtmlInputElement) -> Result<(String, String), String> {
    let file = input
        .files()
        .and_then(|f| f.get(0))
        .ok_or("no file chosen")?;
    let text = wasm_bindgen_futures::JsFuture::from(file.text())
        .await
        .map_err(js)?
        .as_string()
        .ok_or("the file is not text")?;
    Ok((file.name(), text))
}

/// The present with the browser's UTC offset.
pub fn now_clock() -> Option<dmip_engine::tdm::view::DateTime<dmip_engine::tdm::view::FixedOffset>>
{
    use dmip_engine::tdm::view::{DateTime, FixedOffset};
    let d = js_sys::Date::new_0();
    let offset = FixedOffset::east_opt(-(d.get_timezone_offset() as i32) * 60)?;
    DateTime::from_timestamp_millis(d.get_time() as i64).map(|t| t.with_timezone(&offset))
}

/// The size in bytes of the first file chosen in an `<input type=file>`
/// (read without reading the file).
pub fn chosen_file_size(input: &web_sys::HtmlInputElement) -> Option<usize> {
    let size = input.files()?.get(0)?.size();
    // A file size is a whole number of bytes; beyond usize means huge.
    Some(if size >= usize::MAX as f64 {
        usize::MAX
    } else {
        size as usize
    })
}

//! Turns Trunk's multi-file build into one self-contained HTML file: the wasm
//! gzipped and inlined as base64 in an inert data block, the JS glue inlined,
//! and the strict CSP. Then checks that the result references nothing outside
//! itself.
//!
//! The order serves the cold start on a slow phone: the data
//! block comes first and a small script starts unpacking it at once (the
//! browser's `DecompressionStream` into `WebAssembly.compileStreaming`,
//! which compiles off the main thread while the glue is parsed); the async
//! `wasm_bindgen({module_or_path})` then takes the compiled module. The
//! base64 sits in a `<script type="application/octet-stream">` block, which
//! the browser does not run, so the JS engine never scans a megabyte-long
//! string literal. The file is pure ASCII (`ascii.rs`), which Chromium
//! decodes by its fast path.

use base64::Engine as _;

/// The Content-Security-Policy of the single file (design.md §4).
pub const STRICT_CSP: &str = "default-src 'none'; script-src 'unsafe-inline' 'wasm-unsafe-eval'; \
style-src 'unsafe-inline'; img-src data: blob:; connect-src 'none'; base-uri 'none'; \
form-action 'none'";

const SCRIPT_OPEN: &str = "<script src=\"./";
/// The id of the data block that holds the base64 wasm.
const DATA_ID: &str = "dmip-wasm";
const SCRIPT_CLOSE: &str = "\"></script>";
const WASM_OPEN: &str = "module_or_path: \"./";
const CSP_OPEN: &str = "http-equiv=\"Content-Security-Policy\" content=\"";

/// Strings that must not occur in the single file: each would load
/// something from outside it.
const FORBIDDEN: &[&str] = &["src=", "href=\"http", "import(", "@import", "srcset="];

/// Splits `text` at the first `open`, returning (before, value, after) where
/// value runs up to the next `close`.
fn cut<'a>(text: &'a str, open: &str, close: &str) -> Option<(&'a str, &'a str, &'a str)> {
    let start = text.find(open)? + open.len();
    let len = text[start..].find(close)?;
    Some((
        &text[..start - open.len()],
        &text[start..start + len],
        &text[start + len + close.len()..],
    ))
}

/// Builds the single file from Trunk's `index.html`; `load` reads a file
/// of the build by name. Returns the file and the size of the gzipped wasm.
pub fn inline(
    html: &str,
    load: impl Fn(&str) -> std::io::Result<Vec<u8>>,
) -> Result<(String, usize), String> {
    let read = |name: &str| load(name).map_err(|e| format!("cannot read {name}: {e}"));

    let (head, js_name, rest) = cut(html, SCRIPT_OPEN, SCRIPT_CLOSE)
        .ok_or("no <script src=\"./…\"> from Trunk's pattern_script")?;
    let glue = String::from_utf8(read(js_name)?).map_err(|e| format!("{js_name}: {e}"))?;
    if glue.to_ascii_lowercase().contains("</script") {
        return Err(format!("{js_name} contains </script and cannot be inlined"));
    }
    let (between, wasm_name, after) = cut(rest, WASM_OPEN, "\"")
        .ok_or("no module_or_path: \"./….wasm\" in Trunk's pattern_script")?;
    let packed = gzip(&read(wasm_name)?)?;
    let bytes = base64::engine::general_purpose::STANDARD.encode(&packed);
    let html = format!(
        "{head}<script type=\"application/octet-stream\" id=\"{DATA_ID}\">{bytes}</script>\n\
         <script>\nvar dmipWasm = {};\n</script>\n\
         <script>\n{glue}\n</script>{between}module_or_path: dmipWasm{after}",
        unpack()
    );

    let (head, _, rest) =
        cut(&html, CSP_OPEN, "\"").ok_or("no Content-Security-Policy meta in index.html")?;
    let html = crate::ascii::ascii_only(&format!("{head}{CSP_OPEN}{STRICT_CSP}\"{rest}"));

    let problems = check(&html);
    if problems.is_empty() {
        Ok((html, packed.len()))
    } else {
        Err(problems.join("; "))
    }
}

/// `data` gzipped (zopfli: standard gzip, smaller than zlib -9).
fn gzip(data: &[u8]) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    zopfli::compress(
        zopfli::Options::default(),
        zopfli::Format::Gzip,
        data,
        &mut out,
    )
    .map_err(|e| format!("gzip: {e}"))?;
    Ok(out)
}

/// The JS expression that turns the data block's base64 gzip into a
/// promise of the compiled wasm module: a `Response` (no request is made)
/// streaming out of `DecompressionStream` into
/// `WebAssembly.compileStreaming`. The block's text is dropped once read.
/// Browsers without `DecompressionStream` (before Chrome/Edge 80, Firefox
/// 113, Safari 16.4) get a rejected promise naming what is missing, which
/// the start script shows in `#boot`. The base64 is decoded by
/// `Uint8Array.fromBase64` where the browser has it, else by a plain loop
/// over `atob`. The marks `dmip-unpack` and `dmip-unpacked` time the
/// decoding for the harness.
fn unpack() -> String {
    format!(
        "(function () {{ \
if (typeof DecompressionStream !== \"function\") {{ return Promise.reject(new Error(\"this browser cannot unpack the app (DecompressionStream is missing): use a current Edge, Chrome, Firefox or Safari\")); }} \
var mark = function (n) {{ if (self.performance && performance.mark) {{ performance.mark(n); }} }}; \
mark(\"dmip-unpack\"); \
var block = document.getElementById(\"{DATA_ID}\"); \
var b64 = block.textContent; \
block.textContent = \"\"; \
var gz; \
if (typeof Uint8Array.fromBase64 === \"function\") {{ gz = Uint8Array.fromBase64(b64); }} else {{ \
var s = atob(b64), n = s.length; gz = new Uint8Array(n); \
for (var i = 0; i < n; i++) {{ gz[i] = s.charCodeAt(i); }} }} \
mark(\"dmip-unpacked\"); \
return WebAssembly.compileStreaming(new Response(new Blob([gz]).stream().pipeThrough(new DecompressionStream(\"gzip\")), {{ headers: {{ \"Content-Type\": \"application/wasm\" }} }})); \
}})()"
    )
}

/// Everything in `html` that would make it depend on another file or host,
/// and a character outside ASCII (the slow decoding path, `ascii.rs`).
pub fn check(html: &str) -> Vec<String> {
    let mut problems: Vec<String> = FORBIDDEN
        .iter()
        .filter(|needle| html.contains(*needle))
        .map(|needle| format!("contains `{needle}`"))
        .collect();
    let mut rest = html;
    while let Some((_, value, after)) = cut(rest, "href=\"", "\"") {
        if !(value.starts_with('#') || value.starts_with("data:")) {
            problems.push(format!("links to another file: href=\"{value}\""));
        }
        rest = after;
    }
    let mut rest = html;
    while let Some((_, value, after)) = cut(rest, "url(", ")") {
        let value = value.trim_matches(|c| c == '"' || c == '\'');
        if !value.starts_with("data:") {
            problems.push(format!("loads url({value})"));
        }
        rest = after;
    }
    let csp = format!("{CSP_OPEN}{STRICT_CSP}\"");
    match (html.find(&csp), html.find("<script")) {
        (Some(policy), Some(script)) if policy < script => {}
        (Some(_), None) => problems.push("no script".to_owned()),
        (Some(_), Some(_)) => problems.push("the CSP comes after a script".to_owned()),
        (None, _) => problems.push("the strict CSP is missing".to_owned()),
    }
    if let Some(at) = crate::ascii::first_non_ascii(html) {
        problems.push(format!("a character outside ASCII at byte {at}"));
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    const TRUNK_HTML: &str = r#"<html><head><title>読み込み中</title>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; connect-src 'self'">
<link rel="icon" href="data:,"><style>a{color:red}</style></head><body>
<script src="./app.js"></script>
<script>wasm_bindgen({module_or_path: "./app_bg.wasm"}).catch(function (e) {});</script>
</body></html>"#;

    fn files(name: &str) -> std::io::Result<Vec<u8>> {
        match name {
            "app.js" => Ok(b"var wasm_bindgen = function () {};".to_vec()),
            "app_bg.wasm" => Ok(b"\0asm".to_vec()),
            _ => Err(std::io::Error::from(std::io::ErrorKind::NotFound)),
        }
    }

    #[test]
    fn inlines_glue_wasm_and_policy() {
        let (out, packed) = inline(TRUNK_HTML, files).unwrap();
        assert_eq!(packed, gzip(b"\0asm").unwrap().len());
        assert!(out.contains("<script>\nvar wasm_bindgen = function () {};\n</script>"));
        // The wasm travels gzipped: base64 of gzip("\0asm"), in an inert
        // block that comes before the glue, unpacked by the script after it.
        let gz = base64::engine::general_purpose::STANDARD.encode(gzip(b"\0asm").unwrap());
        let block =
            format!("<script type=\"application/octet-stream\" id=\"dmip-wasm\">{gz}</script>");
        let at = |needle: &str| out.find(needle).unwrap_or_else(|| panic!("no {needle}"));
        assert!(
            at(&block) < at("var dmipWasm = ") && at("var dmipWasm = ") < at("var wasm_bindgen")
        );
        assert!(out.contains("Uint8Array.fromBase64(b64)") && out.contains("atob(b64)"));
        assert!(out.contains("new DecompressionStream(\"gzip\")"));
        assert!(out.contains("WebAssembly.compileStreaming("));
        // The start script takes the compiled module.
        assert!(out.contains("wasm_bindgen({module_or_path: dmipWasm}).catch("));
        assert!(!out.contains("app_bg.wasm"));
        assert!(out.contains("<title>&#x8AAD;&#x307F;&#x8FBC;&#x307F;&#x4E2D;</title>"));
        assert!(out.contains(STRICT_CSP));
        assert!(!out.contains("connect-src 'self'"));
        assert!(check(&out).is_empty());
    }

    #[test]
    fn missing_file_is_an_error() {
        let html = TRUNK_HTML.replace("app.js", "other.js");
        assert!(inline(&html, files).unwrap_err().contains("other.js"));
    }

    #[test]
    fn glue_closing_the_script_is_refused() {
        let err = inline(TRUNK_HTML, |name| match name {
            "app.js" => Ok(b"x = '</SCRIPT>';".to_vec()),
            other => files(other),
        })
        .unwrap_err();
        assert!(err.contains("</script"), "{err}");
    }

    #[test]
    fn check_finds_every_external_reference() {
        let csp = format!("<meta {CSP_OPEN}{STRICT_CSP}\"><script></script>");
        assert!(check(&csp).is_empty());
        for bad in [
            "<img src=\"x.png\">",
            "<a href=\"https://example.org\">",
            "<link rel=\"stylesheet\" href=\"style.css\">",
            "import('./x.js')",
            "<style>body{background:url(bg.png)}</style>",
            "<style>@import 'x.css';</style>",
        ] {
            assert!(!check(&format!("{csp}{bad}")).is_empty(), "{bad}");
        }
        assert!(check("<script></script>")
            .iter()
            .any(|p| p.contains("CSP is missing")));
        assert!(check(&format!("{csp}<p>読み込み中</p>"))
            .iter()
            .any(|p| p.contains("outside ASCII at byte")));
        assert!(check(&format!("<script></script>{csp}"))
            .iter()
            .any(|p| p.contains("after a script")));
    }
}

//! Makes the single file pure ASCII, each character outside ASCII written
//! as the escape of the context it sits in: a character reference in
//! HTML (`&#x8AAD;`), `\uXXXX` in a script, `\XXXX ` in a style sheet.
//!
//! Why: Chromium decodes an HTML file with nothing outside ASCII into
//! 8-bit text, and one with even a single such character into 16-bit text
//! by a slower path. With the megabyte of base64 wasm in the file, the
//! 115 characters of the loading message, the crash message and the
//! style sheets' comments cost 187 of the 364 ms from navigation to the
//! unpacking script at 4× CPU throttling (a Chromium trace of
//! `dist/dmip.html`, `TextResourceDecoder::Decode`: 242 ms → 25 ms).

use std::fmt::Write as _;

#[derive(Clone, Copy)]
enum Context {
    Html,
    Script,
    Style,
}

/// `html` with every character outside ASCII escaped for its context.
/// The contents of `<script>` and `<style>` elements are raw text, where
/// a character reference would not be read; everything else is HTML.
pub fn ascii_only(html: &str) -> String {
    // ASCII lowercasing keeps every byte offset.
    let lower = html.to_ascii_lowercase();
    let mut out = String::with_capacity(html.len());
    let mut at = 0;
    while at < html.len() {
        let next = [
            ("<script", "</script", Context::Script),
            ("<style", "</style", Context::Style),
        ]
        .into_iter()
        .filter_map(|(open, close, ctx)| lower[at..].find(open).map(|i| (at + i, close, ctx)))
        .min_by_key(|(start, ..)| *start);
        let Some((start, close, ctx)) = next else {
            break;
        };
        let Some(content) = lower[start..].find('>').map(|i| start + i + 1) else {
            break;
        };
        escape(&html[at..content], Context::Html, &mut out);
        let end = lower[content..]
            .find(close)
            .map_or(html.len(), |i| content + i);
        escape(&html[content..end], ctx, &mut out);
        at = end;
    }
    escape(&html[at..], Context::Html, &mut out);
    out
}

fn escape(text: &str, ctx: Context, out: &mut String) {
    for c in text.chars() {
        if c.is_ascii() {
            out.push(c);
            continue;
        }
        // Writing to a String cannot fail.
        let _ = match ctx {
            Context::Html => write!(out, "&#x{:X};", u32::from(c)),
            Context::Style => write!(out, "\\{:X} ", u32::from(c)),
            Context::Script => c
                .encode_utf16(&mut [0; 2])
                .iter()
                .try_for_each(|unit| write!(out, "\\u{unit:04X}")),
        };
    }
}

/// The byte offset of the first character outside ASCII, if any.
pub fn first_non_ascii(text: &str) -> Option<usize> {
    text.bytes().position(|b| !b.is_ascii())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_each_context_in_its_own_syntax() {
        let html = "<title>読み</title><p title=\"≥\">中…</p>\
                    <style>/* ── */ li::before { content: \" · \"; }</style>\
                    <SCRIPT>p.textContent = \"内部 😀\";</SCRIPT><p>禁忌</p>";
        let out = ascii_only(html);
        assert_eq!(
            out,
            "<title>&#x8AAD;&#x307F;</title><p title=\"&#x2265;\">&#x4E2D;&#x2026;</p>\
             <style>/* \\2500 \\2500  */ li::before { content: \" \\B7  \"; }</style>\
             <SCRIPT>p.textContent = \"\\u5185\\u90E8 \\uD83D\\uDE00\";</SCRIPT><p>&#x7981;&#x5FCC;</p>"
        );
        assert_eq!(first_non_ascii(&out), None);
        assert_eq!(first_non_ascii("ab≥"), Some(2));
    }

    #[test]
    fn ascii_is_unchanged_and_an_unclosed_element_runs_to_the_end() {
        let html = "<p>a</p><script>var s = \"x\";</script><style>p{}</style>";
        assert_eq!(ascii_only(html), html);
        assert_eq!(ascii_only("<script>\"é\""), "<script>\"\\u00E9\"");
        assert_eq!(ascii_only("<p>é<script"), "<p>&#xE9;<script");
    }
}

//! Imported text fields bounded in length (no imported file may harm the
//! store): every string of an imported record (its label, names, notes,
//! assays…) longer than [`MAX_TEXT_CHARS`] is shortened to it, and the import
//! says how many were, so a hostile file cannot fill the store or the screen
//! with one field. A limit of this project: far above any name or note typed.

use serde_json::Value;

/// Characters a text field of an imported record may hold.
pub const MAX_TEXT_CHARS: usize = 5000;

/// Shortens every string in `value` (object keys aside) to
/// [`MAX_TEXT_CHARS`] characters; returns how many were shortened.
pub fn bound_texts(value: &mut Value) -> usize {
    match value {
        Value::String(s) => match s.char_indices().nth(MAX_TEXT_CHARS) {
            Some((cut, _)) => {
                s.truncate(cut);
                1
            }
            None => 0,
        },
        Value::Array(items) => items.iter_mut().map(bound_texts).sum(),
        Value::Object(map) => map.values_mut().map(bound_texts).sum(),
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn long_texts_are_shortened_and_counted() {
        let long = "é".repeat(MAX_TEXT_CHARS + 1);
        let just = "a".repeat(MAX_TEXT_CHARS);
        let mut v = json!({ "label": long, "notes": [just.clone(), long], "n": 5 });
        assert_eq!(bound_texts(&mut v), 2);
        assert_eq!(
            v["label"].as_str().map(|s| s.chars().count()),
            Some(MAX_TEXT_CHARS)
        );
        assert_eq!(v["notes"][0].as_str(), Some(just.as_str()));
        assert_eq!(bound_texts(&mut v), 0);
    }
}

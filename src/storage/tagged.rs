//! Files this app writes carry a `"format"` tag: reading one starts by
//! checking that the text is JSON and the tag is the expected one.

use serde_json::Value;

/// Why a text is not a file of the expected kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TagError {
    /// Not JSON (the parser's message).
    NotJson(String),
    /// JSON with another (or no) format tag.
    NotOurs(String),
}

/// Parses `text` and checks that its `"format"` is `format`.
pub fn tagged_json(text: &str, format: &str) -> Result<Value, TagError> {
    let value: Value = serde_json::from_str(text).map_err(|e| TagError::NotJson(e.to_string()))?;
    let found = value
        .get("format")
        .and_then(Value::as_str)
        .unwrap_or("none");
    if found != format {
        return Err(TagError::NotOurs(found.to_string()));
    }
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tag_checks() {
        assert!(tagged_json(r#"{"format":"x","a":1}"#, "x").is_ok());
        assert_eq!(
            tagged_json(r#"{"a":1}"#, "x"),
            Err(TagError::NotOurs("none".into()))
        );
        assert_eq!(
            tagged_json(r#"{"format":"y"}"#, "x"),
            Err(TagError::NotOurs("y".into()))
        );
        assert!(matches!(tagged_json("{", "x"), Err(TagError::NotJson(_))));
    }
}

//! JSON Lines records: one object per line with `id` (string or number) and
//! `text`. Other fields are ignored, so labelled files scan too.

use serde::Deserialize;
use serde_json::Value;

use super::{Record, RecordError};

/// Only the two fields we need; others are skipped without being built.
#[derive(Deserialize)]
struct Raw {
    #[serde(default)]
    id: Option<Value>,
    #[serde(default)]
    text: Option<Value>,
}

/// Parses one JSONL line into a record.
///
/// # Errors
/// A [`RecordError`] for invalid UTF-8, malformed JSON, a line that is not an
/// object, a missing or non-string `text`, or an `id` that is not a string or
/// number. The message never quotes the line.
pub fn parse_record(line: usize, bytes: &[u8]) -> Result<Record, RecordError> {
    let err = |id: Option<String>, message: String| RecordError { line, id, message };
    let s = std::str::from_utf8(bytes).map_err(|e| {
        err(
            None,
            format!(
                "not valid UTF-8 (first bad byte at column {})",
                e.valid_up_to() + 1
            ),
        )
    })?;
    // serde would read a JSON array into the struct too: refuse it here.
    if s.trim_start().as_bytes().first() != Some(&b'{') {
        return Err(err(
            None,
            match serde_json::from_str::<serde::de::IgnoredAny>(s) {
                Ok(_) => "expected a JSON object with \"id\" and \"text\"".into(),
                Err(e) => format!("invalid JSON (column {})", e.column()),
            },
        ));
    }
    let raw: Raw = serde_json::from_str(s).map_err(|e| {
        let what = if e.classify() == serde_json::error::Category::Data {
            "expected a JSON object with \"id\" and \"text\""
        } else {
            "invalid JSON"
        };
        err(None, format!("{what} (column {})", e.column()))
    })?;
    let id = match raw.id {
        Some(Value::String(s)) => s,
        Some(Value::Number(n)) => n.to_string(),
        None | Some(Value::Null) => return Err(err(None, "missing \"id\"".into())),
        Some(_) => return Err(err(None, "\"id\" must be a string or a number".into())),
    };
    match raw.text {
        Some(Value::String(text)) => Ok(Record { id, line, text }),
        None => Err(err(Some(id), "missing \"text\"".into())),
        Some(_) => Err(err(Some(id), "\"text\" must be a string".into())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_string_and_number_ids() {
        let r = parse_record(1, br#"{"id":"a1","text":"hej","extra":[1]}"#).unwrap();
        assert_eq!((r.id.as_str(), r.text.as_str()), ("a1", "hej"));
        let r = parse_record(2, br#"{"id":17,"text":""}"#).unwrap();
        assert_eq!(r.id, "17");
    }

    #[test]
    fn specific_errors_without_content() {
        let e = parse_record(3, b"{\"id\":\"x\",\"text\":\"\xff\"}").unwrap_err();
        assert!(e.message.contains("UTF-8"), "{e}");
        let e = parse_record(3, br#"{"id":"x","text":"850101-2382""#).unwrap_err();
        assert!(
            e.message.contains("invalid JSON") && !e.message.contains("850101"),
            "{e}"
        );
        let e = parse_record(3, br#"[1,2]"#).unwrap_err();
        assert!(e.message.contains("object"), "{e}");
        let e = parse_record(3, br#"{"id":"x"}"#).unwrap_err();
        assert_eq!(
            (e.id.as_deref(), e.message.as_str()),
            (Some("x"), "missing \"text\"")
        );
        let e = parse_record(3, br#"{"id":null,"text":"a"}"#).unwrap_err();
        assert!(e.message.contains("\"id\""), "{e}");
        let e = parse_record(3, br#"{"id":"x","text":5}"#).unwrap_err();
        assert!(e.message.contains("string"), "{e}");
    }
}

//! The export document and the one decoding path that both imports and stored data go through:
//! size and shape checks, schema migration, typed parsing, reference validation.

use super::migrate::{self, MigrateError, CURRENT_SCHEMA};
use crate::domain::book::{Book, BookData, Problem};
use crate::domain::model::Timestamp;
use serde_json::{json, Value};

/// The `format` marker of every Kontaktnetz document.
pub const FORMAT: &str = "kontaktnetz";
/// Larger files are refused before they are read: a whole team book is far smaller.
pub const MAX_IMPORT_BYTES: usize = 20 * 1024 * 1024;
/// Deeper nesting than any real export has; guards the parser against hostile files.
pub const MAX_DEPTH: usize = 32;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DecodeError {
    Empty,
    TooLarge { bytes: usize },
    TooDeep,
    NotJson { line: usize, column: usize },
    NotKontaktnetz,
    MissingSchema,
    Schema(MigrateError),
    Shape { detail: String },
    Problems(Vec<Problem>),
}

/// Serialises a book as an export document.
pub fn export(book: &Book, now: Timestamp) -> String {
    let doc = json!({
        "format": FORMAT,
        "schema": CURRENT_SCHEMA,
        "exported_at": now,
        "book": book.to_data(),
    });
    serde_json::to_string_pretty(&doc).expect("book data always serialises")
}

/// Parses an import file's text: every check an untrusted file needs.
pub fn parse_import(text: &str) -> Result<Book, DecodeError> {
    if text.len() > MAX_IMPORT_BYTES {
        return Err(DecodeError::TooLarge { bytes: text.len() });
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(DecodeError::Empty);
    }
    if nesting_depth(text) > MAX_DEPTH {
        return Err(DecodeError::TooDeep);
    }
    let value: Value = serde_json::from_str(text).map_err(|e| DecodeError::NotJson {
        line: e.line(),
        column: e.column(),
    })?;
    decode(value)
}

/// Decodes an export-shaped document (from a file, a backup or assembled from storage).
pub fn decode(mut doc: Value) -> Result<Book, DecodeError> {
    if doc.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return Err(DecodeError::NotKontaktnetz);
    }
    let schema = doc
        .get("schema")
        .and_then(Value::as_u64)
        .ok_or(DecodeError::MissingSchema)?;
    let book = doc.get_mut("book").map(Value::take).unwrap_or(Value::Null);
    if !book.is_object() {
        return Err(DecodeError::Shape {
            detail: "\"book\" fehlt oder ist kein Objekt".into(),
        });
    }
    let book = migrate::upgrade(schema, book).map_err(DecodeError::Schema)?;
    let data: BookData = serde_json::from_value(book).map_err(|e| DecodeError::Shape {
        detail: e.to_string(),
    })?;
    Book::from_data(data).map_err(DecodeError::Problems)
}

/// Deepest bracket nesting outside strings, found without building anything.
fn nesting_depth(text: &str) -> usize {
    let (mut depth, mut max, mut in_string, mut escaped) = (0usize, 0usize, false, false);
    for b in text.bytes() {
        if in_string {
            match (escaped, b) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'{' | b'[' => {
                depth += 1;
                max = max.max(depth);
            }
            b'}' | b']' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    max
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn depth_ignores_brackets_in_strings() {
        assert_eq!(nesting_depth(r#"{"a":"[[[{{{\"]]"}"#), 1);
        assert_eq!(nesting_depth("[[[]]]"), 3);
    }
}

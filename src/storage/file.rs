//! The export document and the one decoding path that both imports and stored data go through:
//! size and shape checks, schema migration, typed parsing, reference validation.

use super::migrate::{self, MigrateError, CURRENT_SCHEMA};
use crate::domain::book::{Book, BookData, Problem};
use crate::domain::model::Timestamp;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// The `format` marker of every Kontaktnetz document.
pub const FORMAT: &str = "kontaktnetz";
/// Larger files are refused before they are read: a whole team book is far smaller.
pub const MAX_IMPORT_BYTES: usize = 20 * 1024 * 1024;
/// Deeper nesting than any real export has; guards the parser against hostile files.
pub const MAX_DEPTH: usize = 32;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DecodeError {
    Empty,
    TooLarge {
        bytes: usize,
    },
    TooDeep,
    NotJson {
        line: usize,
        column: usize,
    },
    NotKontaktnetz,
    MissingSchema,
    Schema(MigrateError),
    Shape {
        detail: String,
    },
    Problems(Vec<Problem>),
    /// A `scope` other than a part of a book ("groups") or none (the whole book).
    UnknownScope,
}

/// How much of a book a file holds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Scope {
    /// The whole book: it may replace the book or be merged.
    #[default]
    Book,
    /// Chosen groups with everything attached: only ever merged.
    Groups,
}

impl Scope {
    fn is_book(&self) -> bool {
        *self == Scope::Book
    }
}

#[derive(Serialize)]
struct ExportDoc<'a> {
    format: &'static str,
    schema: u32,
    #[serde(with = "crate::domain::time_format::timestamp")]
    exported_at: Timestamp,
    /// Who exported it: the device's own profile, as a name.
    #[serde(skip_serializing_if = "Option::is_none")]
    exported_by: Option<&'a str>,
    #[serde(skip_serializing_if = "Scope::is_book")]
    scope: Scope,
    book: &'a BookData,
}

/// What the file says about itself, before its body is parsed.
#[derive(Deserialize)]
struct Header {
    #[serde(default)]
    format: Value,
    #[serde(default)]
    schema: Value,
    #[serde(default)]
    exported_at: Value,
    #[serde(default)]
    exported_by: Value,
    #[serde(default)]
    scope: Value,
}

/// What an import file holds.
#[derive(Clone, Debug, PartialEq)]
pub enum Contents {
    /// A whole book, checked on its own.
    Book(Book),
    /// Chosen groups: their references are checked when they are merged, against the book
    /// they go into.
    Groups(BookData),
}

/// A checked import file.
#[derive(Clone, Debug, PartialEq)]
pub struct Import {
    pub contents: Contents,
    pub exported_at: Option<Timestamp>,
    pub exported_by: Option<String>,
}

/// The body of a current-schema document, parsed straight into its types.
#[derive(Deserialize)]
struct Body {
    book: BookData,
}

/// Serialises a book as an export document. Compact: the same serialiser as the stored
/// records, so the bundle carries one copy of it.
pub fn export(book: &Book, now: Timestamp) -> String {
    export_data(&book.to_data(), Scope::Book, None, now)
}

/// Serialises book data (a whole book or chosen groups) with who exported it.
pub fn export_data(data: &BookData, scope: Scope, by: Option<&str>, now: Timestamp) -> String {
    let doc = ExportDoc {
        format: FORMAT,
        schema: CURRENT_SCHEMA,
        exported_at: now,
        exported_by: by,
        scope,
        book: data,
    };
    super::to_json(&doc)
}

/// Parses a whole-book file's text (see [`read_import`]); a part of a book is refused.
pub fn parse_import(text: &str) -> Result<Book, DecodeError> {
    match read_import(text)?.contents {
        Contents::Book(book) => Ok(book),
        Contents::Groups(_) => Err(DecodeError::NotKontaktnetz),
    }
}

/// Parses an import file's text: every check an untrusted file needs.
pub fn read_import(text: &str) -> Result<Import, DecodeError> {
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
    let (header, data) = decode_data(text)?;
    let contents = match &header.scope {
        Value::Null => Contents::Book(Book::from_data(data).map_err(DecodeError::Problems)?),
        Value::String(s) if s == "groups" => {
            // References are checked against the receiving book; a twice-given id never fits.
            if let Err(problems) = Book::from_data(data.clone()) {
                let twice: Vec<Problem> = problems
                    .into_iter()
                    .filter(|p| matches!(p, Problem::DuplicateId { .. }))
                    .collect();
                if !twice.is_empty() {
                    return Err(DecodeError::Problems(twice));
                }
            }
            Contents::Groups(data)
        }
        _ => return Err(DecodeError::UnknownScope),
    };
    Ok(Import {
        contents,
        exported_at: header
            .exported_at
            .as_str()
            .and_then(|t| t.parse::<Timestamp>().ok()),
        exported_by: header.exported_by.as_str().map(str::to_owned),
    })
}

fn not_json(e: serde_json::Error) -> DecodeError {
    DecodeError::NotJson {
        line: e.line(),
        column: e.column(),
    }
}

fn shape(e: serde_json::Error) -> DecodeError {
    DecodeError::Shape {
        detail: e.to_string(),
    }
}

/// Decodes the text of a document (an import or a backup). The current schema is parsed
/// straight into its types; older ones go through their migrations first.
pub fn decode_text(text: &str) -> Result<Book, DecodeError> {
    let (_, data) = decode_data(text)?;
    Book::from_data(data).map_err(DecodeError::Problems)
}

/// [`decode_text`] up to the typed data, with the document's header; references unchecked.
fn decode_data(text: &str) -> Result<(Header, BookData), DecodeError> {
    // serde would also read a struct from an array; only an object can be a document.
    if !text.trim_start().starts_with('{') {
        serde_json::from_str::<serde::de::IgnoredAny>(text).map_err(not_json)?;
        return Err(DecodeError::NotKontaktnetz);
    }
    let header: Header = match serde_json::from_str(text) {
        Ok(h) => h,
        Err(e) if e.is_syntax() || e.is_eof() => return Err(not_json(e)),
        Err(_) => return Err(DecodeError::NotKontaktnetz),
    };
    if header.format.as_str() != Some(FORMAT) {
        return Err(DecodeError::NotKontaktnetz);
    }
    let schema = header.schema.as_u64().ok_or(DecodeError::MissingSchema)?;
    if schema == u64::from(CURRENT_SCHEMA) {
        let body: Body = serde_json::from_str(text).map_err(shape)?;
        return Ok((header, body.book));
    }
    let data = upgrade(serde_json::from_str(text).map_err(not_json)?)?;
    Ok((header, data))
}

/// Decodes an export-shaped document of any known schema (from a file, a backup or assembled
/// from storage): migrations, then the typed parse.
pub fn decode(doc: Value) -> Result<Book, DecodeError> {
    Book::from_data(upgrade(doc)?).map_err(DecodeError::Problems)
}

/// Migrates a document of any known schema and parses its book, references unchecked.
fn upgrade(mut doc: Value) -> Result<BookData, DecodeError> {
    if doc.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return Err(DecodeError::NotKontaktnetz);
    }
    let schema = doc
        .get("schema")
        .and_then(Value::as_u64)
        .ok_or(DecodeError::MissingSchema)?;
    if schema > u64::from(CURRENT_SCHEMA) {
        // Said before any shape check: a newer app may have a different shape.
        return Err(DecodeError::Schema(MigrateError::Newer {
            found: u32::try_from(schema).unwrap_or(u32::MAX),
        }));
    }
    let book = doc.get_mut("book").map(Value::take).unwrap_or(Value::Null);
    if !book.is_object() {
        return Err(DecodeError::Shape {
            detail: "\"book\" fehlt oder ist kein Objekt".into(),
        });
    }
    let book = migrate::upgrade(schema, book).map_err(DecodeError::Schema)?;
    // Through text rather than `from_value`: one typed parser in the bundle, not two.
    serde_json::from_str(&book.to_string()).map_err(shape)
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

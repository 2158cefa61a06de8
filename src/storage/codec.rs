//! How a book becomes stored records and back: logical records ("group.<id>" → JSON), the
//! difference between two books as record writes, and the decoding of stored entries (with
//! migration of older schemas) into a book.

use super::file::{self, DecodeError, FORMAT};
use super::kv::entry_chars;
use super::layout::{self, Chunks, LayoutError, Records, SETTINGS};
use super::migrate::CURRENT_SCHEMA;
use super::store::{Meta, RawDump, META_KEY, PREFIX};
use crate::domain::book::{Book, BookData, RecordKind};
use serde::Serialize;
use serde_json::{json, Map, Value};
use std::collections::BTreeMap;

/// The storage key of a chunk ("customer.07" → "kontaktnetz.customer.07").
pub fn storage_key(chunk: &str) -> String {
    format!("{PREFIX}{chunk}")
}

/// Is this stored key a data chunk (or the settings), as opposed to meta, backups, quarantine?
pub fn data_chunk(key: &str) -> Option<&str> {
    let chunk = key.strip_prefix(PREFIX)?;
    (chunk == SETTINGS || layout::is_collection_chunk(chunk)).then_some(chunk)
}

/// Record changes: the new text of a record, or `None` for a deleted one.
/// A list rather than a map: it is only walked, and one map type less keeps the bundle small.
pub type Delta = Vec<(String, Option<String>)>;

fn json<T: Serialize>(rec: &T) -> String {
    super::to_json(rec)
}

/// The logical records of a book: every record is new against an empty book, so this is
/// [`diff_books`] from nothing, plus the settings, which are always stored.
pub fn encode(book: &Book) -> Records {
    let mut out = Records::new();
    out.insert(SETTINGS.to_owned(), json(book.settings()));
    out.extend(
        diff_books(&Book::default(), book)
            .into_iter()
            .filter_map(|(key, text)| text.map(|text| (key, text))),
    );
    out
}

/// What differs between two sets of logical records.
pub fn diff_records(before: &Records, after: &Records) -> Delta {
    let mut out: Delta = after
        .iter()
        .filter(|(k, v)| before.get(*k) != Some(*v))
        .map(|(k, v)| (k.clone(), Some(v.clone())))
        .collect();
    out.extend(
        before
            .keys()
            .filter(|k| !after.contains_key(*k))
            .map(|k| (k.clone(), None)),
    );
    out
}

/// What differs between two books, serialising only the changed records.
pub fn diff_books(before: &Book, after: &Book) -> Delta {
    fn diff_map<K: Ord + std::fmt::Display, T: Serialize + PartialEq>(
        out: &mut Delta,
        collection: &str,
        before: &BTreeMap<K, T>,
        after: &BTreeMap<K, T>,
    ) {
        // Books share collections nobody changed (see `domain::shared`): nothing to compare.
        if std::ptr::eq(before, after) {
            return;
        }
        for (id, rec) in after {
            if before.get(id) != Some(rec) {
                out.push((
                    layout::record_key(collection, &id.to_string()),
                    Some(json(rec)),
                ));
            }
        }
        for id in before.keys().filter(|id| !after.contains_key(*id)) {
            out.push((layout::record_key(collection, &id.to_string()), None));
        }
    }
    let mut out = Delta::new();
    if before.settings() != after.settings() {
        out.push((SETTINGS.to_owned(), Some(json(after.settings()))));
    }
    macro_rules! each_kind {
        ($($kind:ident, $field:ident, $stored:literal, $ty:ty, $id:ty;)*) => {
            $(diff_map(&mut out, $stored, before.$field(), after.$field());)*
        };
    }
    crate::with_record_kinds!(each_kind);
    out
}

pub fn shape(e: LayoutError) -> DecodeError {
    DecodeError::Shape { detail: e.0 }
}

/// Decodes chunk texts into a book. The current schema parses each record where it lies in
/// its chunk, straight into its type; older ones go through the export document and its
/// migrations.
pub fn decode_chunks(schema: u64, chunks: &Chunks) -> Result<Book, DecodeError> {
    if schema != CURRENT_SCHEMA as u64 {
        return file::decode(assemble(schema, chunks)?);
    }
    fn typed<T: serde::de::DeserializeOwned>(
        chunks: &Chunks,
        collection: &str,
    ) -> Result<Vec<T>, DecodeError> {
        let prefix = format!("{collection}.");
        let mut out = Vec::new();
        for (chunk, text) in chunks
            .range(prefix.clone()..)
            .take_while(|(k, _)| k.starts_with(&prefix))
        {
            for line in layout::lines(chunk, text) {
                let (id, json) = line.map_err(shape)?;
                out.push(serde_json::from_str(json).map_err(|e| DecodeError::Shape {
                    detail: format!("{prefix}{id}: {e}"),
                })?);
            }
        }
        Ok(out)
    }
    let settings = match chunks.get(SETTINGS) {
        Some(text) => serde_json::from_str(text).map_err(|e| DecodeError::Shape {
            detail: format!("{SETTINGS}: {e}"),
        })?,
        None => Default::default(),
    };
    macro_rules! each_kind {
        ($($kind:ident, $field:ident, $stored:literal, $ty:ty, $id:ty;)*) => {
            BookData {
                settings,
                $($field: typed(chunks, $stored)?,)*
            }
        };
    }
    let data = crate::with_record_kinds!(each_kind);
    Book::from_data(data).map_err(DecodeError::Problems)
}

/// Reassembles stored chunk texts into an export-shaped document for [`file::decode`]: what
/// older schemas are migrated from, and what a backup of them keeps.
pub fn assemble(schema: u64, chunks: &Chunks) -> Result<Value, DecodeError> {
    let records = layout::records_of(chunks).map_err(shape)?;
    let parse = |key: &str, text: &str| {
        serde_json::from_str::<Value>(text).map_err(|e| DecodeError::Shape {
            detail: format!("{key}: {e}"),
        })
    };
    let mut book = Map::new();
    if let Some(text) = records.get(SETTINGS) {
        book.insert("settings".into(), parse(SETTINGS, text)?);
    }
    for kind in RecordKind::ALL {
        let prefix = format!("{}.", kind.collection());
        let list = records
            .range(prefix.clone()..)
            .take_while(|(k, _)| k.starts_with(&prefix))
            .map(|(k, text)| parse(k, text))
            .collect::<Result<Vec<_>, _>>()?;
        book.insert(kind.field().into(), Value::Array(list));
    }
    Ok(json!({ "format": FORMAT, "schema": schema, "book": book }))
}

/// The engine's entries as read, with the meta and the chunk texts they hold.
pub struct Snapshot {
    pub meta: Option<Meta>,
    pub chunks: Result<Chunks, DecodeError>,
    pub raw: RawDump,
}

impl Snapshot {
    /// Reads what a raw dump of the engine's entries holds, without failing: a bad meta or
    /// chunk is only reported when the snapshot is decoded.
    pub fn of(raw: RawDump) -> Snapshot {
        let meta = raw.get(META_KEY).and_then(|m| serde_json::from_str(m).ok());
        let chunks = unpack_all(&raw);
        Snapshot { meta, chunks, raw }
    }
}

/// The texts of the stored data chunks, uncompressed.
pub fn unpack_all(raw: &RawDump) -> Result<Chunks, DecodeError> {
    let mut chunks = Chunks::new();
    for (key, value) in raw {
        let text = match data_chunk(key) {
            Some(SETTINGS) => layout::unpack_settings(value),
            Some(chunk) => layout::inflate_text(chunk, value),
            None => continue,
        };
        chunks.insert(key[PREFIX.len()..].to_owned(), text.map_err(shape)?);
    }
    Ok(chunks)
}

pub fn sizes_of(raw: &RawDump) -> BTreeMap<String, usize> {
    // Maps are filled with `extend` here, never `collect`: collecting sorts first, and each
    // sort instantiation costs bundle size.
    let mut sizes = BTreeMap::new();
    sizes.extend(raw.iter().map(|(k, v)| (k.clone(), entry_chars(k, v))));
    sizes
}

/// Turns a snapshot into a book and its chunk texts, or says exactly why not.
/// The texts are taken out of the snapshot, not copied: a large book's are tens of MB.
pub fn decode_snapshot(snap: &mut Snapshot) -> Result<(Book, Chunks, u64), DecodeError> {
    let chunks = std::mem::replace(&mut snap.chunks, Ok(Chunks::new()))?;
    match (&snap.meta, snap.raw.get(META_KEY)) {
        (Some(meta), _) => Ok((decode_chunks(meta.schema, &chunks)?, chunks, meta.schema)),
        (None, Some(_)) => Err(DecodeError::Shape {
            detail: format!("{META_KEY} ist unlesbar"),
        }),
        (None, None) if chunks.is_empty() => Ok((Book::default(), chunks, CURRENT_SCHEMA as u64)),
        (None, None) => Err(DecodeError::Shape {
            detail: format!("{META_KEY} fehlt"),
        }),
    }
}

//! Reading the storage golden files: a localStorage dump and the logical records it holds.

use kontaktnetz::storage::layout;
use kontaktnetz::storage::{KeyValue, MemoryStore};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Debug;

/// A storage dump fixture: key → stored string.
pub fn entries(dump: &str) -> BTreeMap<String, String> {
    serde_json::from_str(dump).expect("a storage fixture is an object of strings")
}

/// A stored chunk ("customer.07") as its logical records ("customer.c-1" → JSON), in order.
pub fn unpack(chunk: &str, value: &str) -> Result<Vec<(String, String)>, layout::LayoutError> {
    let text = layout::inflate_text(chunk, value)?;
    layout::chunk_records(chunk, &text).collect()
}

/// The dump in a fresh in-memory store, next to a foreign app's key that must stay untouched.
pub fn store_of(dump: &str) -> MemoryStore {
    let mut kv = MemoryStore::new();
    for (key, value) in entries(dump) {
        kv.set(&key, &value).unwrap();
    }
    kv.set("andere-app.thema", "dunkel").unwrap();
    kv
}

/// Logical records as JSON values, so the comparison ignores key order inside a record.
pub fn as_values(records: &BTreeMap<String, String>) -> BTreeMap<String, Value> {
    records
        .iter()
        .map(|(k, v)| (k.clone(), serde_json::from_str(v).unwrap()))
        .collect()
}

/// Unpacks the stored entries (key → value) into logical records, checking that each record
/// sits in the chunk its id hashes to. Other keys (meta, backups, other apps) are skipped.
pub fn logical_records(stored: &BTreeMap<String, String>) -> BTreeMap<String, String> {
    let chunks = stored
        .get("kontaktnetz.meta")
        .and_then(|m| serde_json::from_str::<Value>(m).ok())
        .and_then(|m| m["chunks"].as_u64())
        .map_or(layout::CHUNKS, |n| n as u32);
    let mut records = BTreeMap::new();
    for (key, value) in stored {
        let Some(chunk) = key.strip_prefix("kontaktnetz.") else {
            continue;
        };
        if chunk == layout::SETTINGS {
            records.insert(chunk.to_owned(), layout::unpack_settings(value).unwrap());
            continue;
        }
        if !layout::is_collection_chunk(chunk) {
            continue;
        }
        for (logical, json) in unpack(chunk, value).unwrap() {
            assert_eq!(
                layout::chunk_of(&logical, chunks),
                chunk,
                "{logical} sits in the wrong chunk"
            );
            records.insert(logical, json);
        }
    }
    records
}

/// The logical records of a storage dump fixture, as JSON values.
pub fn unpacked_records(dump: &str) -> BTreeMap<String, Value> {
    as_values(&logical_records(&entries(dump)))
}

pub fn assert_covers<T: Ord + Copy + Debug>(
    all: &[T],
    seen: impl IntoIterator<Item = T>,
    what: &str,
) {
    let seen: BTreeSet<T> = seen.into_iter().collect();
    let all: BTreeSet<T> = all.iter().copied().collect();
    assert_eq!(
        seen, all,
        "{what}: every value must occur in the golden file"
    );
}

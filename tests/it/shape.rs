//! The export's JSON shape, pinned per schema version: every field name of every record kind,
//! as paths (`contacts: [].participants[].person`). Renaming or dropping a field, or adding one,
//! without a new schema version and migration fails here, also for optional fields that the
//! pinned golden book leaves out: the shape is the union over the newest golden export and
//! the sample book.
//!
//! A new schema version pins its own shape: write it with
//! `KONTAKTNETZ_WRITE_SHAPE=1 cargo test shape`, and keep the older files.

use crate::common::*;
use kontaktnetz::domain::sample::{self, SampleSize};
use kontaktnetz::storage::export;
use kontaktnetz::storage::migrate::CURRENT_SCHEMA;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

/// Collects the field paths below `value` into `out`, arrays as `[]`.
fn paths(prefix: &str, value: &Value, out: &mut BTreeSet<String>) {
    match value {
        Value::Object(fields) => {
            for (name, inner) in fields {
                let path = if prefix.is_empty() {
                    name.clone()
                } else {
                    format!("{prefix}.{name}")
                };
                out.insert(path.clone());
                paths(&path, inner, out);
            }
        }
        Value::Array(items) => {
            for item in items {
                paths(&format!("{prefix}[]"), item, out);
            }
        }
        _ => {}
    }
}

/// The shape of an export document, by the top-level field of its book (the collections are
/// arrays: their records' fields read `[].name`).
fn shape(doc: &str, out: &mut BTreeMap<String, BTreeSet<String>>) {
    let doc: Value = serde_json::from_str(doc).unwrap();
    let book = doc["book"].as_object().expect("an export has a book");
    for (kind, value) in book {
        paths("", value, out.entry(kind.clone()).or_default());
    }
    let top = out.entry(String::new()).or_default();
    for name in doc.as_object().unwrap().keys() {
        top.insert(name.clone());
    }
}

fn current_shape() -> BTreeMap<String, BTreeSet<String>> {
    let mut out = BTreeMap::new();
    shape(include_str!("../fixtures/schema-6.json"), &mut out);
    let sample = sample::generate(SampleSize::ADVISOR, 7, at(0));
    shape(&export(&sample, at(0)), &mut out);
    out
}

#[test]
fn the_export_shape_is_pinned_for_the_current_schema() {
    let path = format!(
        "{}/tests/fixtures/export-shape-{CURRENT_SCHEMA}.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let current = current_shape();
    if std::env::var_os("KONTAKTNETZ_WRITE_SHAPE").is_some() {
        std::fs::write(
            &path,
            serde_json::to_string_pretty(&current).unwrap() + "\n",
        )
        .unwrap();
    }
    let pinned = std::fs::read_to_string(&path).unwrap_or_else(|_| {
        panic!("no pinned export shape for schema {CURRENT_SCHEMA} at {path}: a new schema writes one (see this file's comment)")
    });
    let pinned: BTreeMap<String, BTreeSet<String>> = serde_json::from_str(&pinned).unwrap();
    for kind in pinned.keys().chain(current.keys()).collect::<BTreeSet<_>>() {
        let (old, new) = (&pinned.get(kind), &current.get(kind));
        let (old, new) = (
            old.cloned().unwrap_or_default(),
            new.cloned().unwrap_or_default(),
        );
        let gone: Vec<_> = old.difference(&new).collect();
        let added: Vec<_> = new.difference(&old).collect();
        assert!(
            gone.is_empty() && added.is_empty(),
            "the export shape of `{kind}` changed without a new schema version: gone {gone:?}, added {added:?}. \
             Raise CURRENT_SCHEMA with a migration and golden files, then pin the new shape."
        );
    }
}

#[test]
fn the_shape_sees_every_record_kind_and_nested_fields() {
    let shape = current_shape();
    for kind in [
        "colleagues",
        "groups",
        "customers",
        "persons",
        "castings",
        "contacts",
        "planned",
        "parties",
    ] {
        assert!(
            shape.get(kind).is_some_and(|f| f.len() > 2),
            "{kind}: {shape:?}"
        );
    }
    assert!(
        shape["contacts"].iter().any(|p| p.contains("[].")),
        "nested arrays of objects are followed"
    );
}

//! Golden files of schema 5 (see `tests/fixtures/README.md`): the schema-4 book with postal
//! addresses, phones and e-mails of five of its customers (one abroad, one with an e-mail
//! only), and the schema-4 storage as the app leaves it after the upgrade and one save. They
//! must keep opening, with the values as written. While schema 5 is the current one, the two
//! `current_*_as_pinned` tests check that today's writers produce these files.

use crate::common::*;
use chrono::{DateTime, Utc};
use kontaktnetz::domain::book::Book;
use kontaktnetz::domain::ids::ContactId;
use kontaktnetz::domain::model::{Customer, Timestamp};
use kontaktnetz::storage::codec::encode;
use kontaktnetz::storage::{export, parse_import, MemoryStore, Saved, Store};
use serde_json::{json, Value};
use std::collections::{BTreeMap, BTreeSet};

const SCHEMA_5: &str = include_str!("../fixtures/schema-5.json");
const STORAGE_5: &str = include_str!("../fixtures/storage-5.json");
const STORAGE_5_RECORDS: &str = include_str!("../fixtures/storage-5.records.json");

fn ts(text: &str) -> Timestamp {
    text.parse::<DateTime<Utc>>().unwrap()
}

fn schema_5_book() -> Book {
    parse_import(SCHEMA_5).expect("the schema-5 golden export must always parse")
}

fn tid(raw: &str) -> ContactId {
    id(raw)
}

/// Street, postcode, town, phone and e-mail of a customer, as text.
fn details(c: &Customer) -> [Option<&str>; 5] {
    [
        c.street.as_deref(),
        c.postcode.as_deref(),
        c.town.as_deref(),
        c.phone.as_ref().map(|p| p.as_str()),
        c.email.as_ref().map(|e| e.as_str()),
    ]
}

#[test]
fn schema_5_export_parses_with_the_contact_details_as_written() {
    let book = schema_5_book();
    let of = |raw: &str| details(&book.customers()[&cid(raw)]);
    assert_eq!(
        of("c-anna-weber"),
        [
            Some("Schwarzwaldstraße 12"),
            Some("79183"),
            Some("Waldkirch"),
            Some("07681 23 45 67"),
            Some("anna.weber@web.example")
        ]
    );
    assert_eq!(
        of("c-jonas-weber"),
        [
            None,
            None,
            None,
            None,
            Some("jonas.weber@uni-freiburg.example")
        ]
    );
    assert_eq!(
        of("c-koch-holding"),
        [
            Some("Aeschenvorstadt 4"),
            Some("4051"),
            Some("Basel"),
            None,
            None
        ],
        "a postcode abroad as written"
    );
    assert_eq!(of("c-stadtwerke-elzach"), [None; 5]);
    let doc: Value = serde_json::from_str(SCHEMA_5).unwrap();
    let elzach = doc["book"]["customers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "c-stadt-elzach")
        .unwrap();
    for (field, value) in [
        ("street", "Hauptstraße 69"),
        ("postcode", "79215"),
        ("town", "Elzach"),
        ("phone", "07682 804-0"),
        ("email", "stadt@elzach.example"),
    ] {
        assert_eq!(elzach[field], json!(value), "{field}");
    }
}

#[test]
fn schema_4_book_upgraded_equals_schema_5_but_for_the_contact_details() {
    let upgraded = parse_import(include_str!("../fixtures/schema-4.json")).unwrap();
    assert!(upgraded
        .customers()
        .values()
        .all(|c| details(c) == [None; 5]));
    let mut current = schema_5_book();
    let mut edited = Vec::new();
    for old in upgraded.customers().values() {
        let mut c = current.customers()[&old.id].clone();
        if details(&c) != [None; 5] {
            edited.push(c.id.to_string());
        }
        (c.street, c.postcode, c.town, c.phone, c.email) = (None, None, None, None, None);
        c.updated_at = old.updated_at;
        current.upsert_customer(c, old.updated_at).unwrap();
    }
    assert_eq!(edited.len(), 5, "{edited:?}");
    assert_eq!(upgraded, current);
}

// ---- storage dump --------------------------------------------------------------------------

#[test]
fn storage_5_opens_as_the_schema_5_book_without_writing() {
    let kv = golden::store_of(STORAGE_5);
    let before = kv.snapshot();
    let (store, book) =
        block_on(Store::open(ls(kv.clone()), "test".into(), at(0))).expect("storage-5 must open");
    assert_eq!(book, schema_5_book());
    assert_eq!(store.revision(), 5);
    assert_eq!(
        kv.snapshot(),
        before,
        "opening current-schema data writes nothing"
    );
}

#[test]
fn storage_5_backups_read_back() {
    let (store, _) = block_on(Store::open(
        ls(golden::store_of(STORAGE_5)),
        "test".into(),
        at(0),
    ))
    .unwrap();
    let backups = block_on(store.backups()).unwrap();
    assert_eq!(backups.len(), 3);
    let find = |label: &str| backups.iter().find(|b| b.label == label).unwrap();
    let upgrade = find("Vor der Umstellung von Datenversion 4 auf 5");
    assert_eq!(upgrade.created_at, ts("2026-11-25T08:00:00Z"));
    assert_eq!(
        block_on(store.read_backup(&upgrade.key)).unwrap(),
        parse_import(include_str!("../fixtures/schema-4.json")).unwrap()
    );
    let older = find("Vor der Umstellung von Datenversion 3 auf 4");
    assert_eq!(
        block_on(store.read_backup(&older.key)).unwrap(),
        parse_import(include_str!("../fixtures/schema-3.json")).unwrap()
    );
    let import = find("Vor dem Import");
    assert!(block_on(store.read_backup(&import.key))
        .unwrap()
        .contacts()
        .is_empty());
}

#[test]
fn storage_5_chunks_hold_the_pinned_records_in_their_chunks() {
    let pinned: BTreeMap<String, Value> = serde_json::from_str(STORAGE_5_RECORDS).unwrap();
    assert_eq!(golden::unpacked_records(STORAGE_5), pinned);
    assert_eq!(pinned["customer.c-koch-gmbh"]["town"], "Waldkirch");
}

/// Holds while the app writes schema 5. On a schema bump, point this at the newest fixture.
#[test]
fn current_exporter_writes_schema_5_exactly_as_pinned() {
    let pinned: Value = serde_json::from_str(SCHEMA_5).unwrap();
    let written: Value =
        serde_json::from_str(&export(&schema_5_book(), ts("2026-11-25T08:00:00Z"))).unwrap();
    assert_eq!(written, pinned);
}

/// Holds while the app writes schema 5. On a schema bump, point this at the newest fixture.
#[test]
fn current_store_writes_schema_5_as_pinned() {
    let pinned: BTreeMap<String, Value> = serde_json::from_str(STORAGE_5_RECORDS).unwrap();
    assert_eq!(golden::as_values(&encode(&schema_5_book())), pinned);

    // A fresh save of the same book uses exactly the fixture's keys.
    let fresh = MemoryStore::new();
    let (mut store, _) =
        block_on(Store::open(ls(fresh.clone()), "tab-7f3a".into(), at(0))).unwrap();
    block_on(store.save(&schema_5_book(), at(0))).unwrap();
    let written: BTreeSet<String> = fresh.snapshot().into_keys().collect();
    let expected: BTreeSet<String> = golden::entries(STORAGE_5)
        .into_keys()
        .filter(|k| !k.starts_with("kontaktnetz.backup"))
        .collect();
    assert_eq!(written, expected);

    // Saving the unchanged book writes nothing; an edit writes the meta in the pinned layout.
    let kv = golden::store_of(STORAGE_5);
    let before = kv.snapshot();
    let (mut store, mut book) =
        block_on(Store::open(ls(kv.clone()), "tab-neu".into(), at(0))).unwrap();
    assert_eq!(block_on(store.save(&book, at(1))), Ok(Saved::Written));
    assert_eq!(kv.snapshot(), before);

    assert!(book.delete_contact(&tid("t-weber-rueckruf"), ts("2026-11-25T11:00:00Z")));
    block_on(store.save(&book, ts("2026-11-25T11:00:00Z"))).unwrap();
    assert_eq!(
        kv.snapshot()["kontaktnetz.meta"],
        r#"{"schema":5,"revision":6,"saved_at":"2026-11-25T11:00:00Z","writer":"tab-neu"}"#
    );
}

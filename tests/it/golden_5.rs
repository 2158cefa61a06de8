//! Golden files of schema 5 (see `tests/fixtures/README.md`): the schema-4 book with postal
//! addresses, phones and e-mails of five of its customers (one abroad, one with an e-mail
//! only), and the schema-4 storage as the app left it after the upgrade and one save. They
//! must keep opening, with the values as written, and upgrade to the current schema.

use crate::common::*;
use chrono::{DateTime, Utc};
use kontaktnetz::domain::book::Book;
use kontaktnetz::domain::model::{Customer, Timestamp};
use kontaktnetz::storage::migrate::CURRENT_SCHEMA;
use kontaktnetz::storage::{parse_import, Store};
use serde_json::{json, Value};
use std::collections::BTreeMap;

const SCHEMA_5: &str = include_str!("../fixtures/schema-5.json");
const STORAGE_5: &str = include_str!("../fixtures/storage-5.json");
const STORAGE_5_RECORDS: &str = include_str!("../fixtures/storage-5.records.json");

fn ts(text: &str) -> Timestamp {
    text.parse::<DateTime<Utc>>().unwrap()
}

fn schema_5_book() -> Book {
    parse_import(SCHEMA_5).expect("the schema-5 golden export must always parse")
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
fn storage_5_opens_as_the_schema_5_book_and_is_upgraded_after_a_backup() {
    let kv = golden::store_of(STORAGE_5);
    let before = kv.snapshot();
    let (store, book) =
        block_on(Store::open(ls(kv.clone()), "test".into(), at(0))).expect("storage-5 must open");
    assert_eq!(book, schema_5_book());
    assert_eq!(store.revision(), 6, "the upgrade is one write");
    let after = kv.snapshot();
    assert!(after["kontaktnetz.meta"]
        .starts_with(&format!(r#"{{"schema":{CURRENT_SCHEMA},"revision":6,"#)));
    let backups = block_on(store.backups()).unwrap();
    let upgrade = backups
        .iter()
        .find(|b| b.label == format!("Vor der Umstellung von Datenversion 5 auf {CURRENT_SCHEMA}"))
        .expect("a backup before the upgrade");
    assert_eq!(block_on(store.read_backup(&upgrade.key)).unwrap(), book);
    for (key, value) in &before {
        if key.starts_with("kontaktnetz.backup") {
            assert_eq!(&after[key], value, "older backups stay as they were");
        }
    }

    // Opening the upgraded data again writes nothing.
    let (_, again) = block_on(Store::open(ls(kv.clone()), "test".into(), at(1))).unwrap();
    assert_eq!(again, book);
    assert_eq!(kv.snapshot(), after);
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
    assert_eq!(
        backups.len(),
        4,
        "the three it holds and the one before its own upgrade"
    );
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

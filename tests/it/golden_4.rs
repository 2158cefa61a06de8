//! Golden files of schema 4 (see `tests/fixtures/README.md`): the schema-3 book with edited
//! monitoring settings (which contacts count, where under- and over-served begin), and the
//! schema-3 storage as the app leaves it after the upgrade and one save. They must keep
//! opening, with the values as written.

use crate::common::*;
use chrono::{DateTime, Utc};
use kontaktnetz::domain::book::Book;
use kontaktnetz::domain::ids::ContactId;
use kontaktnetz::domain::model::Timestamp;
use kontaktnetz::domain::reports::monitoring::MonitoringSettings;
use kontaktnetz::domain::vocab::{Channel, Format};
use kontaktnetz::storage::codec::encode;
use kontaktnetz::storage::{export, parse_import, MemoryStore, Saved, Store};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

const SCHEMA_4: &str = include_str!("../fixtures/schema-4.json");
const STORAGE_4: &str = include_str!("../fixtures/storage-4.json");
const STORAGE_4_RECORDS: &str = include_str!("../fixtures/storage-4.records.json");

fn ts(text: &str) -> Timestamp {
    text.parse::<DateTime<Utc>>().unwrap()
}

fn schema_4_book() -> Book {
    parse_import(SCHEMA_4).expect("the schema-4 golden export must always parse")
}

fn tid(raw: &str) -> ContactId {
    id(raw)
}

fn pinned_monitoring() -> MonitoringSettings {
    MonitoringSettings::new(
        vec![
            Format::StrategyTalk,
            Format::AnnualTalk,
            Format::RatingTalk,
            Format::AdvisoryTalk,
            Format::CustomerEvent,
        ],
        vec![
            Channel::AtCustomer,
            Channel::AtBranch,
            Channel::Phone,
            Channel::Video,
            Channel::Chat,
            Channel::Event,
        ],
        70,
        200,
    )
    .unwrap()
}

#[test]
fn schema_4_export_parses_with_the_values_as_written() {
    let book = schema_4_book();
    assert_eq!(book.settings().monitoring, pinned_monitoring());
    let doc: Value = serde_json::from_str(SCHEMA_4).unwrap();
    assert_eq!(
        doc["book"]["settings"]["monitoring"],
        serde_json::json!({
            "formats": ["strategy_talk", "annual_talk", "rating_talk", "advisory_talk", "customer_event"],
            "channels": ["at_customer", "at_branch", "phone", "video", "chat", "event"],
            "under": 70,
            "over": 200
        })
    );
}

#[test]
fn schema_3_book_upgraded_equals_schema_4_but_for_the_monitoring_settings() {
    let upgraded = parse_import(include_str!("../fixtures/schema-3.json")).unwrap();
    assert_eq!(
        upgraded.settings().monitoring,
        MonitoringSettings::default()
    );
    let mut current = schema_4_book();
    current
        .set_monitoring_settings(MonitoringSettings::default())
        .unwrap();
    assert_eq!(upgraded, current);
}

// ---- storage dump --------------------------------------------------------------------------

#[test]
fn storage_4_opens_as_the_schema_4_book_without_writing() {
    let kv = golden::store_of(STORAGE_4);
    let before = kv.snapshot();
    let (store, book) =
        block_on(Store::open(ls(kv.clone()), "test".into(), at(0))).expect("storage-4 must open");
    assert_eq!(book, schema_4_book());
    assert_eq!(store.revision(), 3);
    assert_eq!(
        kv.snapshot(),
        before,
        "opening current-schema data writes nothing"
    );
}

#[test]
fn storage_4_backups_read_back() {
    let (store, _) = block_on(Store::open(
        ls(golden::store_of(STORAGE_4)),
        "test".into(),
        at(0),
    ))
    .unwrap();
    let backups = block_on(store.backups()).unwrap();
    assert_eq!(backups.len(), 2);
    let upgrade = backups
        .iter()
        .find(|b| b.label == "Vor der Umstellung von Datenversion 3 auf 4")
        .unwrap();
    assert_eq!(upgrade.created_at, ts("2026-11-24T08:00:00Z"));
    let before_upgrade = block_on(store.read_backup(&upgrade.key)).unwrap();
    assert_eq!(
        before_upgrade,
        parse_import(include_str!("../fixtures/schema-3.json")).unwrap()
    );
    let import = backups
        .iter()
        .find(|b| b.label == "Vor dem Import")
        .unwrap();
    assert!(block_on(store.read_backup(&import.key))
        .unwrap()
        .contacts()
        .is_empty());
}

#[test]
fn storage_4_chunks_hold_the_pinned_records_in_their_chunks() {
    let pinned: BTreeMap<String, Value> = serde_json::from_str(STORAGE_4_RECORDS).unwrap();
    assert_eq!(golden::unpacked_records(STORAGE_4), pinned);
    assert_eq!(pinned["settings"]["monitoring"]["under"], 70);
}

#[test]
fn current_exporter_writes_schema_4_exactly_as_pinned() {
    let pinned: Value = serde_json::from_str(SCHEMA_4).unwrap();
    let written: Value =
        serde_json::from_str(&export(&schema_4_book(), ts("2026-11-24T08:00:00Z"))).unwrap();
    assert_eq!(written, pinned);
}

#[test]
fn current_store_writes_schema_4_as_pinned() {
    let pinned: BTreeMap<String, Value> = serde_json::from_str(STORAGE_4_RECORDS).unwrap();
    assert_eq!(golden::as_values(&encode(&schema_4_book())), pinned);

    // A fresh save of the same book uses exactly the fixture's keys.
    let fresh = MemoryStore::new();
    let (mut store, _) =
        block_on(Store::open(ls(fresh.clone()), "tab-7f3a".into(), at(0))).unwrap();
    block_on(store.save(&schema_4_book(), at(0))).unwrap();
    let written: BTreeSet<String> = fresh.snapshot().into_keys().collect();
    let expected: BTreeSet<String> = golden::entries(STORAGE_4)
        .into_keys()
        .filter(|k| !k.starts_with("kontaktnetz.backup."))
        .collect();
    assert_eq!(written, expected);

    // Saving the unchanged book writes nothing; an edit writes the meta in the pinned layout.
    let kv = golden::store_of(STORAGE_4);
    let before = kv.snapshot();
    let (mut store, mut book) =
        block_on(Store::open(ls(kv.clone()), "tab-neu".into(), at(0))).unwrap();
    assert_eq!(block_on(store.save(&book, at(1))), Ok(Saved::Written));
    assert_eq!(kv.snapshot(), before);

    assert!(book.delete_contact(&tid("t-weber-rueckruf"), ts("2026-11-23T11:00:00Z")));
    block_on(store.save(&book, ts("2026-11-23T11:00:00Z"))).unwrap();
    assert_eq!(
        kv.snapshot()["kontaktnetz.meta"],
        r#"{"schema":4,"revision":4,"saved_at":"2026-11-23T11:00:00Z","writer":"tab-neu"}"#
    );
}

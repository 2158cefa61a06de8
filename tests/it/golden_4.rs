//! Golden files of schema 4 (see `tests/fixtures/README.md`): the schema-3 book with edited
//! monitoring settings (which contacts count, where under- and over-served begin), and the
//! schema-3 storage as the app left it after the upgrade and one save. They must keep
//! opening, with the values as written, and upgrade to the current schema.

use crate::common::*;
use chrono::{DateTime, Utc};
use kontaktnetz::domain::book::Book;
use kontaktnetz::domain::model::Timestamp;
use kontaktnetz::domain::reports::monitoring::MonitoringSettings;
use kontaktnetz::domain::vocab::{Channel, Format};
use kontaktnetz::storage::migrate::CURRENT_SCHEMA;
use kontaktnetz::storage::{parse_import, Store};
use serde_json::Value;
use std::collections::BTreeMap;

const SCHEMA_4: &str = include_str!("../fixtures/schema-4.json");
const STORAGE_4: &str = include_str!("../fixtures/storage-4.json");
const STORAGE_4_RECORDS: &str = include_str!("../fixtures/storage-4.records.json");

fn ts(text: &str) -> Timestamp {
    text.parse::<DateTime<Utc>>().unwrap()
}

fn schema_4_book() -> Book {
    parse_import(SCHEMA_4).expect("the schema-4 golden export must always parse")
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
fn storage_4_opens_as_the_schema_4_book_and_is_upgraded_after_a_backup() {
    let kv = golden::store_of(STORAGE_4);
    let before = kv.snapshot();
    let (store, book) =
        block_on(Store::open(ls(kv.clone()), "test".into(), at(0))).expect("storage-4 must open");
    assert_eq!(book, schema_4_book());
    assert_eq!(store.revision(), 4, "the upgrade is one write");
    let after = kv.snapshot();
    assert!(after["kontaktnetz.meta"]
        .starts_with(&format!(r#"{{"schema":{CURRENT_SCHEMA},"revision":4,"#)));
    let backups = block_on(store.backups()).unwrap();
    let upgrade = backups
        .iter()
        .find(|b| b.label == format!("Vor der Umstellung von Datenversion 4 auf {CURRENT_SCHEMA}"))
        .expect("a backup before the upgrade");
    assert_eq!(block_on(store.read_backup(&upgrade.key)).unwrap(), book);
    for (key, value) in &before {
        if key.starts_with("kontaktnetz.backup.") {
            assert_eq!(&after[key], value, "older backups stay as they were");
        }
    }

    // Opening the upgraded data again writes nothing.
    let (_, again) = block_on(Store::open(ls(kv.clone()), "test".into(), at(1))).unwrap();
    assert_eq!(again, book);
    assert_eq!(kv.snapshot(), after);
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
    assert_eq!(
        backups.len(),
        3,
        "the two it holds and the one before its own upgrade"
    );
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

//! Golden files of schema 2 (see `tests/fixtures/README.md`): the schema-1 book plus casting
//! settings that differ from the built-in ones and four castings (one group cast twice, one
//! with a manual class). They must keep opening, with the values as written.

mod common;

use chrono::{DateTime, NaiveDate, Utc};
use common::*;
use kontaktnetz::domain::book::Book;
use kontaktnetz::domain::ids::CastingId;
use kontaktnetz::domain::model::Timestamp;
use kontaktnetz::domain::vocab::{Class, Department, Format, Segment};
use kontaktnetz::storage::store::encode;
use kontaktnetz::storage::{export, parse_import, MemoryStore, Saved, Store};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

const SCHEMA_2: &str = include_str!("fixtures/schema-2.json");
const STORAGE_2: &str = include_str!("fixtures/storage-2.json");
const STORAGE_2_RECORDS: &str = include_str!("fixtures/storage-2.records.json");

fn ts(text: &str) -> Timestamp {
    text.parse::<DateTime<Utc>>().unwrap()
}

fn schema_2_book() -> Book {
    parse_import(SCHEMA_2).expect("the schema-2 golden export must always parse")
}

fn aid(raw: &str) -> CastingId {
    id(raw)
}

#[test]
fn schema_2_export_parses_with_the_values_as_written() {
    let book = schema_2_book();
    assert_eq!((book.groups().len(), book.castings().len()), (3, 4));

    assert_eq!(
        book.colleagues()[&kid("k-vogt")].serves,
        Some(Department::PrivateBanking)
    );
    let casting = &book.settings().casting;
    assert_eq!(
        (
            casting.market.days,
            casting.market.minutes_per_day,
            casting.market.share
        ),
        (205, 468, 45)
    );
    assert_eq!(casting.market.minutes(), 205 * 468 * 45 / 100);
    let succession = casting.department(Department::Succession);
    assert_eq!((succession.per_year, succession.minutes), (2, 90));
    assert_eq!(
        casting.scheme(Segment::Municipal).criteria[0]
            .label
            .as_str(),
        "Haushaltsvolumen (Ergebnishaushalt)"
    );
    let corporate = casting.scheme(Segment::Corporate);
    assert_eq!(
        (
            corporate.thresholds.a,
            corporate.thresholds.b,
            corporate.thresholds.c
        ),
        (9, 6, 3)
    );
    assert_eq!(corporate.rule(Class::A).contacts(), 4);

    let weber = gid("g-familie-weber");
    let history: Vec<&str> = book
        .castings_of(&weber)
        .iter()
        .map(|c| c.id.as_str())
        .collect();
    assert_eq!(history, vec!["a-weber-2025", "a-weber-2026"]);
    let current = book.current_casting(&weber).unwrap();
    assert_eq!(current.id, aid("a-weber-2026"));
    assert_eq!(current.date, NaiveDate::from_ymd_opt(2026, 10, 20).unwrap());
    assert_eq!(current.by, "Katharina Brenner");
    assert_eq!((current.score, current.class()), (10, Class::A));
    assert_eq!(
        current.departments,
        vec![Department::PrivateBanking, Department::RealEstate]
    );
    assert_eq!(current.answers[1].criterion.as_str(), "vermoegen");
    assert_eq!(current.answers[1].choice_label.as_str(), "über 500 T€");
    assert_eq!(current.answers[1].points, 4);
    assert_eq!(current.updated_at, ts("2026-10-20T14:30:00Z"));

    let koch = &book.castings()[&aid("a-koch-2026")];
    assert_eq!(
        (koch.score, koch.scored, koch.class()),
        (4, Class::C, Class::B)
    );
    assert_eq!(
        koch.manual.as_ref().unwrap().reason.as_str(),
        "Strategischer Kunde: Ausbau Auslandsgeschäft"
    );
    assert_eq!(koch.rule, corporate.rule(Class::B).clone());
    assert!(koch.rule.allows(Format::StrategyTalk));

    let elzach = book.current_casting(&gid("g-stadt-elzach")).unwrap();
    assert_eq!((elzach.class(), elzach.rule.contacts()), (Class::D, 0));
    assert!(elzach.by.len() > 1 && elzach.manual.is_none());
}

#[test]
fn schema_2_export_spells_every_casting_vocabulary_value() {
    let book = schema_2_book();
    let casting = &book.settings().casting;
    golden::assert_covers(
        Class::ALL,
        book.castings().values().map(|c| c.scored),
        "classes",
    );
    golden::assert_covers(
        Format::ALL,
        casting.schemes.iter().flat_map(|s| {
            s.classes
                .iter()
                .flat_map(|r| r.plan.iter().map(|p| p.format))
        }),
        "formats",
    );
    golden::assert_covers(
        Department::ALL,
        casting.departments.iter().map(|d| d.department),
        "departments",
    );
}

#[test]
fn schema_1_book_upgraded_equals_schema_2_without_its_additions() {
    let upgraded = parse_import(include_str!("fixtures/schema-1.json")).unwrap();
    let current = schema_2_book();
    assert_eq!(upgraded.groups(), current.groups());
    assert_eq!(upgraded.customers(), current.customers());
    assert_eq!(upgraded.persons(), current.persons());
    assert!(upgraded.castings().is_empty());
}

/// Holds while the app writes schema 2. On a schema bump, point this at the newest fixture.
#[test]
fn current_exporter_writes_schema_2_exactly_as_pinned() {
    let pinned: Value = serde_json::from_str(SCHEMA_2).unwrap();
    let written: Value =
        serde_json::from_str(&export(&schema_2_book(), ts("2026-11-23T10:00:00Z"))).unwrap();
    assert_eq!(written, pinned);
}

// ---- storage dump --------------------------------------------------------------------------

#[test]
fn storage_2_opens_as_the_schema_2_book_without_writing() {
    let kv = golden::store_of(STORAGE_2);
    let before = kv.snapshot();
    let (store, book) = Store::open(kv.clone(), "test".into(), at(0)).expect("storage-2 must open");
    assert_eq!(book, schema_2_book());
    assert_eq!(store.revision(), 2);
    assert_eq!(
        kv.snapshot(),
        before,
        "opening current-schema data writes nothing"
    );
}

#[test]
fn storage_2_backup_reads_back() {
    let (store, _) = Store::open(golden::store_of(STORAGE_2), "test".into(), at(0)).unwrap();
    let backups = store.backups().unwrap();
    assert_eq!(backups.len(), 1);
    assert_eq!(backups[0].label, "Vor dem Import");
    assert_eq!(backups[0].created_at, ts("2026-11-23T09:30:00Z"));
    let restored = store.read_backup(&backups[0].key).unwrap();
    assert_eq!(restored.colleagues().len(), 1);
    assert!(restored.castings().is_empty());
}

#[test]
fn storage_2_chunks_hold_the_pinned_records_in_their_chunks() {
    let pinned: BTreeMap<String, Value> = serde_json::from_str(STORAGE_2_RECORDS).unwrap();
    assert_eq!(golden::unpacked_records(STORAGE_2), pinned);
    assert!(pinned.contains_key("casting.a-koch-2026"));
}

/// Holds while the app writes schema 2. On a schema bump, point this at the newest fixture.
#[test]
fn current_store_writes_schema_2_as_pinned() {
    let pinned: BTreeMap<String, Value> = serde_json::from_str(STORAGE_2_RECORDS).unwrap();
    assert_eq!(golden::as_values(&encode(&schema_2_book())), pinned);

    // A fresh save of the same book uses exactly the fixture's keys.
    let fresh = MemoryStore::new();
    let (mut store, _) = Store::open(fresh.clone(), "tab-7f3a".into(), at(0)).unwrap();
    store.save(&schema_2_book(), at(0)).unwrap();
    let written: BTreeSet<String> = fresh.snapshot().into_keys().collect();
    let expected: BTreeSet<String> = golden::entries(STORAGE_2)
        .into_keys()
        .filter(|k| !k.starts_with("kontaktnetz.backup."))
        .collect();
    assert_eq!(written, expected);

    // Saving the unchanged book writes nothing; an edit writes the meta in the pinned layout.
    let kv = golden::store_of(STORAGE_2);
    let before = kv.snapshot();
    let (mut store, mut book) = Store::open(kv.clone(), "tab-neu".into(), at(0)).unwrap();
    assert_eq!(store.save(&book, at(1)), Ok(Saved::Written));
    assert_eq!(kv.snapshot(), before);

    book.delete_casting(&aid("a-weber-2025"));
    store.save(&book, ts("2026-11-23T11:00:00Z")).unwrap();
    assert_eq!(
        kv.snapshot()["kontaktnetz.meta"],
        r#"{"schema":2,"revision":3,"saved_at":"2026-11-23T11:00:00Z","writer":"tab-neu"}"#
    );
}

//! Golden files of schema 2 (see `tests/fixtures/README.md`): the schema-1 book plus casting
//! settings that differ from the built-in ones and four castings (one group cast twice, one
//! with a manual class). They must keep opening, with the values as written, and stored data
//! of schema 2 is upgraded after a backup. Schema 3 (the current one): `golden_3.rs`.

use crate::common::*;
use chrono::{DateTime, NaiveDate, Utc};
use kontaktnetz::domain::book::Book;
use kontaktnetz::domain::ids::CastingId;
use kontaktnetz::domain::model::Timestamp;
use kontaktnetz::domain::vocab::{Class, Department, Format, Segment};
use kontaktnetz::storage::migrate::CURRENT_SCHEMA;
use kontaktnetz::storage::{parse_import, Store};
use serde_json::Value;
use std::collections::BTreeMap;

const SCHEMA_2: &str = include_str!("../fixtures/schema-2.json");
const STORAGE_2: &str = include_str!("../fixtures/storage-2.json");
const STORAGE_2_RECORDS: &str = include_str!("../fixtures/storage-2.records.json");

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
    let upgraded = parse_import(include_str!("../fixtures/schema-1.json")).unwrap();
    let current = schema_2_book();
    assert_eq!(upgraded.groups(), current.groups());
    assert_eq!(upgraded.customers(), current.customers());
    assert_eq!(upgraded.persons(), current.persons());
    assert!(upgraded.castings().is_empty());
}

// ---- storage dump --------------------------------------------------------------------------

#[test]
fn storage_2_opens_as_the_schema_2_book_and_is_upgraded_after_a_backup() {
    let kv = golden::store_of(STORAGE_2);
    let before = kv.snapshot();
    let (store, book) =
        block_on(Store::open(ls(kv.clone()), "test".into(), at(0))).expect("storage-2 must open");
    assert_eq!(book, schema_2_book());
    assert!(book.contacts().is_empty() && book.planned().is_empty() && book.parties().is_empty());
    assert_eq!(store.revision(), 3, "the upgrade is one write");
    let after = kv.snapshot();
    assert!(after["kontaktnetz.meta"]
        .starts_with(&format!(r#"{{"schema":{CURRENT_SCHEMA},"revision":3,"#)));

    // The schema-2 data is kept as a backup and restores to the same book; the older backup
    // stays as it was.
    let backups = block_on(store.backups()).unwrap();
    assert_eq!(backups.len(), 2);
    let upgrade = backups
        .iter()
        .find(|b| b.label == format!("Vor der Umstellung von Datenversion 2 auf {CURRENT_SCHEMA}"))
        .expect("a backup before the upgrade");
    assert_eq!(block_on(store.read_backup(&upgrade.key)).unwrap(), book);
    let import = backups
        .iter()
        .find(|b| b.label == "Vor dem Import")
        .unwrap();
    assert_eq!(import.created_at, ts("2026-11-23T09:30:00Z"));
    assert_eq!(before[&import.key], after[&import.key]);
    let restored = block_on(store.read_backup(&import.key)).unwrap();
    assert_eq!(restored.colleagues().len(), 1);
    assert!(restored.castings().is_empty());

    // Opening the upgraded data again writes nothing.
    let (_, again) = block_on(Store::open(ls(kv.clone()), "test".into(), at(1))).unwrap();
    assert_eq!(again, book);
    assert_eq!(kv.snapshot(), after);
}

#[test]
fn storage_2_chunks_hold_the_pinned_records_in_their_chunks() {
    let pinned: BTreeMap<String, Value> = serde_json::from_str(STORAGE_2_RECORDS).unwrap();
    assert_eq!(golden::unpacked_records(STORAGE_2), pinned);
    assert!(pinned.contains_key("casting.a-koch-2026"));
}

//! Golden files of schema 6 (see `tests/fixtures/README.md`): the schema-5 book with the
//! Koch-Gruppe as a Key Account (manager, deputy and a team of two in roles) and two of its
//! contact persons' attitude, what matters to them and their benefit, and the schema-5 storage
//! as the app leaves it after the upgrade and one save. They must keep opening, with the values
//! as written. While schema 6 is the current one, the two `current_*_as_pinned` tests check
//! that today's writers produce these files.

use crate::common::*;
use chrono::{DateTime, Utc};
use kontaktnetz::domain::book::Book;
use kontaktnetz::domain::ids::ContactId;
use kontaktnetz::domain::key_accounts::{KeyAccount, TeamMember};
use kontaktnetz::domain::model::Timestamp;
use kontaktnetz::domain::vocab::{AccountTier, Attitude, BankRole};
use kontaktnetz::storage::codec::encode;
use kontaktnetz::storage::{export, parse_import, MemoryStore, Saved, Store};
use serde_json::{json, Value};
use std::collections::{BTreeMap, BTreeSet};

const SCHEMA_6: &str = include_str!("../fixtures/schema-6.json");
const STORAGE_6: &str = include_str!("../fixtures/storage-6.json");
const STORAGE_6_RECORDS: &str = include_str!("../fixtures/storage-6.records.json");

fn ts(text: &str) -> Timestamp {
    text.parse::<DateTime<Utc>>().unwrap()
}

fn schema_6_book() -> Book {
    parse_import(SCHEMA_6).expect("the schema-6 golden export must always parse")
}

fn tid(raw: &str) -> ContactId {
    id(raw)
}

#[test]
fn schema_6_export_parses_with_the_key_account_as_written() {
    let book = schema_6_book();
    let koch = &book.groups()[&gid("g-koch-gruppe")];
    assert_eq!(
        koch.key_account,
        Some(KeyAccount {
            tier: AccountTier::Key,
            manager: Some(kid("k-brenner")),
            deputy: Some(kid("k-vogt")),
            team: vec![
                TeamMember {
                    colleague: kid("k-brenner"),
                    role: BankRole::KeyAccountManager,
                },
                TeamMember {
                    colleague: kid("k-vogt"),
                    role: BankRole::Specialist,
                },
            ],
        })
    );
    let accounts = book
        .groups()
        .values()
        .filter(|g| g.key_account.is_some())
        .count();
    assert_eq!(accounts, 1, "the other groups are no key accounts");

    let facts = |raw: &str| {
        let p = &book.persons()[&pid(raw)];
        (p.attitude, p.matters.as_str(), p.benefit.as_str())
    };
    assert_eq!(
        facts("p-thomas-koch"),
        (
            Some(Attitude::Supporter),
            "Die Nachfolge in der Familie regeln, ohne die Firma zu belasten",
            "Ein Ansprechpartner für Firma und Familienvermögen, auch für die Holding in Basel"
        )
    );
    assert_eq!(
        facts("p-sabine-lang"),
        (
            Some(Attitude::Critic),
            "Planbare Finanzierung der neuen Fertigungshalle; kurze Wege bei Avalen",
            "Entlastung bei der Liquiditätsplanung durch einen Cash-Pool für die Gruppe"
        )
    );
    assert_eq!(
        facts("p-petra-neumann"),
        (None, "", ""),
        "an unknown attitude stays unknown"
    );

    // The spellings in the file.
    let doc: Value = serde_json::from_str(SCHEMA_6).unwrap();
    assert_eq!(doc["schema"], 6);
    let group = doc["book"]["groups"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["id"] == "g-koch-gruppe")
        .unwrap();
    assert_eq!(
        group["key_account"],
        json!({
            "tier": "key",
            "manager": "k-brenner",
            "deputy": "k-vogt",
            "team": [
                {"colleague": "k-brenner", "role": "key_account_manager"},
                {"colleague": "k-vogt", "role": "specialist"}
            ]
        })
    );
    let person = |raw: &str| {
        doc["book"]["persons"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["id"] == raw)
            .unwrap()
            .clone()
    };
    assert_eq!(person("p-thomas-koch")["attitude"], "supporter");
    assert_eq!(person("p-sabine-lang")["attitude"], "critic");
    let neumann = person("p-petra-neumann");
    for field in ["attitude", "matters", "benefit"] {
        assert!(neumann.get(field).is_none(), "{field} is left out");
    }
}

#[test]
fn schema_5_book_upgraded_equals_schema_6_but_for_the_key_account() {
    let upgraded = parse_import(include_str!("../fixtures/schema-5.json")).unwrap();
    assert!(upgraded.groups().values().all(|g| g.key_account.is_none()));
    assert!(upgraded
        .persons()
        .values()
        .all(|p| p.attitude.is_none() && p.matters.is_empty() && p.benefit.is_empty()));
    let mut current = schema_6_book();
    let mut edited = Vec::new();
    for old in upgraded.groups().values() {
        let mut g = current.groups()[&old.id].clone();
        if g.key_account.take().is_some() {
            edited.push(g.id.to_string());
        }
        g.updated_at = old.updated_at;
        current.upsert_group(g).unwrap();
    }
    for old in upgraded.persons().values() {
        let mut p = current.persons()[&old.id].clone();
        if p.attitude.take().is_some() {
            edited.push(p.id.to_string());
        }
        (p.matters, p.benefit) = (String::new(), String::new());
        p.updated_at = old.updated_at;
        current.upsert_person(p).unwrap();
    }
    assert_eq!(
        edited,
        ["g-koch-gruppe", "p-sabine-lang", "p-thomas-koch"],
        "one group and two persons"
    );
    assert_eq!(upgraded, current);
}

// ---- storage dump --------------------------------------------------------------------------

#[test]
fn storage_6_opens_as_the_schema_6_book_without_writing() {
    let kv = golden::store_of(STORAGE_6);
    let before = kv.snapshot();
    let (store, book) =
        block_on(Store::open(ls(kv.clone()), "test".into(), at(0))).expect("storage-6 must open");
    assert_eq!(book, schema_6_book());
    assert_eq!(store.revision(), 7);
    assert_eq!(
        kv.snapshot(),
        before,
        "opening current-schema data writes nothing"
    );
}

#[test]
fn storage_6_backups_read_back() {
    let (store, _) = block_on(Store::open(
        ls(golden::store_of(STORAGE_6)),
        "test".into(),
        at(0),
    ))
    .unwrap();
    let backups = block_on(store.backups()).unwrap();
    assert_eq!(backups.len(), 4);
    let find = |label: &str| backups.iter().find(|b| b.label == label).unwrap();
    let upgrade = find("Vor der Umstellung von Datenversion 5 auf 6");
    assert_eq!(upgrade.created_at, ts("2026-11-30T08:00:00Z"));
    assert_eq!(
        block_on(store.read_backup(&upgrade.key)).unwrap(),
        parse_import(include_str!("../fixtures/schema-5.json")).unwrap()
    );
    let older = find("Vor der Umstellung von Datenversion 4 auf 5");
    assert_eq!(
        block_on(store.read_backup(&older.key)).unwrap(),
        parse_import(include_str!("../fixtures/schema-4.json")).unwrap()
    );
    let oldest = find("Vor der Umstellung von Datenversion 3 auf 4");
    assert_eq!(
        block_on(store.read_backup(&oldest.key)).unwrap(),
        parse_import(include_str!("../fixtures/schema-3.json")).unwrap()
    );
    let import = find("Vor dem Import");
    assert!(block_on(store.read_backup(&import.key))
        .unwrap()
        .contacts()
        .is_empty());
}

#[test]
fn storage_6_chunks_hold_the_pinned_records_in_their_chunks() {
    let pinned: BTreeMap<String, Value> = serde_json::from_str(STORAGE_6_RECORDS).unwrap();
    assert_eq!(golden::unpacked_records(STORAGE_6), pinned);
    assert_eq!(pinned["group.g-koch-gruppe"]["key_account"]["tier"], "key");
    assert_eq!(pinned["person.p-sabine-lang"]["attitude"], "critic");
}

/// Holds while the app writes schema 6. On a schema bump, point this at the newest fixture.
#[test]
fn current_exporter_writes_schema_6_exactly_as_pinned() {
    let pinned: Value = serde_json::from_str(SCHEMA_6).unwrap();
    let written: Value =
        serde_json::from_str(&export(&schema_6_book(), ts("2026-11-30T08:00:00Z"))).unwrap();
    assert_eq!(written, pinned);
}

/// Holds while the app writes schema 6. On a schema bump, point this at the newest fixture.
#[test]
fn current_store_writes_schema_6_as_pinned() {
    let pinned: BTreeMap<String, Value> = serde_json::from_str(STORAGE_6_RECORDS).unwrap();
    assert_eq!(golden::as_values(&encode(&schema_6_book())), pinned);

    // A fresh save of the same book uses exactly the fixture's keys.
    let fresh = MemoryStore::new();
    let (mut store, _) =
        block_on(Store::open(ls(fresh.clone()), "tab-7f3a".into(), at(0))).unwrap();
    block_on(store.save(&schema_6_book(), at(0))).unwrap();
    let written: BTreeSet<String> = fresh.snapshot().into_keys().collect();
    let expected: BTreeSet<String> = golden::entries(STORAGE_6)
        .into_keys()
        .filter(|k| !k.starts_with("kontaktnetz.backup"))
        .collect();
    assert_eq!(written, expected);

    // Saving the unchanged book writes nothing; an edit writes the meta in the pinned layout.
    let kv = golden::store_of(STORAGE_6);
    let before = kv.snapshot();
    let (mut store, mut book) =
        block_on(Store::open(ls(kv.clone()), "tab-neu".into(), at(0))).unwrap();
    assert_eq!(block_on(store.save(&book, at(1))), Ok(Saved::Written));
    assert_eq!(kv.snapshot(), before);

    assert!(book.delete_contact(&tid("t-weber-rueckruf"), ts("2026-11-30T11:00:00Z")));
    block_on(store.save(&book, ts("2026-11-30T11:00:00Z"))).unwrap();
    assert_eq!(
        kv.snapshot()["kontaktnetz.meta"],
        r#"{"schema":6,"revision":8,"saved_at":"2026-11-30T11:00:00Z","writer":"tab-neu"}"#
    );
}

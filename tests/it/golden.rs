//! Golden files of schema 1 (see `tests/fixtures/README.md`): they must keep opening, with the
//! values as written, in every future version, and stored data of schema 1 is upgraded to the
//! current schema after a backup. Schema 2: `golden_2.rs`; schema 3 (the current one):
//! `golden_3.rs`.

use crate::common::*;
use chrono::{DateTime, NaiveDate, Utc};
use kontaktnetz::domain::book::Book;
use kontaktnetz::domain::model::{Consent, Occasion, Timestamp};
use kontaktnetz::domain::text::{Email, Influence, Phone};
use kontaktnetz::domain::vocab::{
    BuyingMotive, BuyingRole, ConsentState, CustomerKind, OccasionKind, Segment,
};
use kontaktnetz::storage::migrate::CURRENT_SCHEMA;
use kontaktnetz::storage::{export, parse_import, MemoryStore, Store};
use serde_json::Value;
use std::collections::BTreeMap;

const SCHEMA_1: &str = include_str!("../fixtures/schema-1.json");
const STORAGE_1: &str = include_str!("../fixtures/storage-1.json");
const STORAGE_1_RECORDS: &str = include_str!("../fixtures/storage-1.records.json");

fn ts(text: &str) -> Timestamp {
    text.parse::<DateTime<Utc>>().unwrap()
}

fn date(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

fn schema_1_book() -> Book {
    parse_import(SCHEMA_1).expect("the schema-1 golden export must always parse")
}

// ---- export file ---------------------------------------------------------------------------

#[test]
fn schema_1_export_parses_with_the_values_as_written() {
    let book = schema_1_book();
    assert_eq!(book.colleagues().len(), 2);
    assert_eq!(book.groups().len(), 3);
    assert_eq!(book.customers().len(), 6);
    assert_eq!(book.persons().len(), 7);
    assert_eq!(book.settings().me, Some(kid("k-brenner")));

    let brenner = &book.colleagues()[&kid("k-brenner")];
    assert_eq!(brenner.name.as_str(), "Katharina Brenner");
    assert_eq!(
        brenner.department.as_deref(),
        Some("Firmen- und Privatkundenberatung")
    );
    assert_eq!(brenner.phone, Some(Phone::parse("07681 204-0").unwrap()));
    assert_eq!(
        brenner.email.as_ref().map(Email::as_str),
        Some("katharina.brenner@sparkasse-beispiel.de")
    );
    let vogt = &book.colleagues()[&kid("k-vogt")];
    assert_eq!((vogt.phone.as_ref(), vogt.email.as_ref()), (None, None));
    assert_eq!(vogt.updated_at, ts("2026-01-06T09:30:00Z"));

    let weber = &book.groups()[&gid("g-familie-weber")];
    assert_eq!(weber.name.as_str(), "Familie Weber");
    assert_eq!(weber.segment, Segment::Private);
    assert_eq!(weber.advisor, Some(kid("k-brenner")));
    assert_eq!(weber.lead, Some(cid("c-anna-weber")));
    assert_eq!(weber.notes, "Jahresgespräch im Frühjahr bevorzugt.");
    assert_eq!(weber.created_at, ts("2025-03-01T10:00:00Z"));
    assert_eq!(weber.updated_at, ts("2026-02-01T10:15:00Z"));
    assert_eq!(
        book.groups()[&gid("g-koch-gruppe")].updated_at,
        ts("2026-03-12T16:20:30Z")
    );
    let elzach = &book.groups()[&gid("g-stadt-elzach")];
    assert_eq!((elzach.lead.as_ref(), elzach.notes.as_str()), (None, ""));

    let anna = &book.customers()[&cid("c-anna-weber")];
    assert_eq!(anna.kind, CustomerKind::Person);
    assert_eq!(anna.number.as_deref(), Some("1000012345"));
    assert_eq!(
        anna.consent,
        Consent {
            state: ConsentState::Yes,
            since: Some(date("2025-03-01"))
        }
    );
    assert_eq!(
        anna.occasions,
        vec![
            Occasion {
                kind: OccasionKind::Birthday,
                date: date("1981-04-12"),
                label: String::new()
            },
            Occasion {
                kind: OccasionKind::Maturity,
                date: date("2027-02-01"),
                label: "Festgeld".into()
            },
        ]
    );
    assert_eq!(anna.notes, "Bevorzugt Termine am Nachmittag.");

    let jonas = &book.customers()[&cid("c-jonas-weber")];
    assert_eq!(jonas.segment, Segment::PrivateBanking);
    assert_eq!(jonas.consent, Consent::default());
    assert_eq!(jonas.no_contact_until, Some(date("2026-06-30")));
    assert_eq!(jonas.number, None);

    let koch = &book.customers()[&cid("c-koch-gmbh")];
    assert_eq!(koch.kind, CustomerKind::Company);
    assert_eq!(koch.consent.state, ConsentState::No);
    assert_eq!(koch.occasions[1].label, "Messe „Metall & Mehr“");
    let city = &book.customers()[&cid("c-stadt-elzach")];
    assert_eq!(city.kind, CustomerKind::PublicBody);
    assert_eq!(
        city.consent,
        Consent {
            state: ConsentState::No,
            since: None
        }
    );

    let thomas = &book.persons()[&pid("p-thomas-koch")];
    assert_eq!(thomas.customer, cid("c-koch-gmbh"));
    assert_eq!(thomas.position.as_deref(), Some("Geschäftsführer"));
    assert_eq!(thomas.influence, Some(Influence::new(10).unwrap()));
    assert_eq!(thomas.buying_role, Some(BuyingRole::Decider));
    assert_eq!(thomas.motive, Some(BuyingMotive::Status));
    assert_eq!(
        thomas.phone.as_ref().map(Phone::href).as_deref(),
        Some("tel:+49768147110")
    );
    assert_eq!(
        thomas.email.as_ref().map(Email::href).as_deref(),
        Some("mailto:thomas.koch@koch-maschinenbau.example")
    );
    assert_eq!(thomas.consent.since, Some(date("2025-06-01")));
    assert_eq!(
        thomas.notes,
        "Nur vormittags anrufen.\n\"Du\" seit dem Sommerfest."
    );
    let anna_person = &book.persons()[&pid("p-anna-weber")];
    assert_eq!(
        (
            &anna_person.position,
            anna_person.influence,
            anna_person.buying_role
        ),
        (&None, None, None)
    );

    let members: Vec<String> = book
        .members(&gid("g-koch-gruppe"))
        .map(|c| c.id.to_string())
        .collect();
    assert_eq!(members, ["c-koch-gmbh", "c-koch-holding"]);
    assert_eq!(book.group_persons(&gid("g-koch-gruppe")).count(), 3);
    assert_eq!(book.group_persons(&gid("g-stadt-elzach")).count(), 3);
}

#[test]
fn schema_1_export_spells_every_vocabulary_value() {
    let book = schema_1_book();
    let customers = || book.customers().values();
    let persons = || book.persons().values();
    golden::assert_covers(
        Segment::ALL,
        book.groups()
            .values()
            .map(|g| g.segment)
            .chain(customers().map(|c| c.segment)),
        "segments",
    );
    golden::assert_covers(
        CustomerKind::ALL,
        customers().map(|c| c.kind),
        "customer kinds",
    );
    golden::assert_covers(
        ConsentState::ALL,
        customers()
            .map(|c| c.consent.state)
            .chain(persons().map(|p| p.consent.state)),
        "consent states",
    );
    golden::assert_covers(
        OccasionKind::ALL,
        customers().flat_map(|c| c.occasions.iter().map(|o| o.kind)),
        "occasion kinds",
    );
    golden::assert_covers(
        BuyingRole::ALL,
        persons().filter_map(|p| p.buying_role),
        "buying roles",
    );
    golden::assert_covers(
        BuyingMotive::ALL,
        persons().filter_map(|p| p.motive),
        "buying motives",
    );
}

#[test]
fn schema_1_export_survives_export_and_parse_again() {
    let book = schema_1_book();
    let again = parse_import(&export(&book, at(0))).unwrap();
    assert_eq!(again, book);
}

// ---- storage dump --------------------------------------------------------------------------

/// The storage fixture in a fresh in-memory store, next to a foreign app's key.
fn storage_1() -> MemoryStore {
    golden::store_of(STORAGE_1)
}

/// What `storage-1.json` holds, built independently of the file.
fn storage_1_book() -> Book {
    let mut brenner = colleague("k-brenner", "Katharina Brenner");
    brenner.department = Some("Firmenkundenberatung".into());
    brenner.phone = Some(Phone::parse("07681 204-0").unwrap());
    brenner.email = Some(Email::parse("katharina.brenner@sparkasse-beispiel.de").unwrap());
    brenner.updated_at = ts("2026-01-05T08:00:00Z");
    let mut vogt = colleague("k-vogt", "Martin Vogt");
    vogt.updated_at = ts("2026-01-06T09:30:00Z");

    let mut weber = group(
        "g-familie-weber",
        "Familie Weber",
        Segment::Private,
        Some("k-brenner"),
    );
    weber.lead = Some(cid("c-anna-weber"));
    weber.notes = "Jahresgespräch im Frühjahr.".into();
    weber.created_at = ts("2025-03-01T10:00:00Z");
    weber.updated_at = ts("2026-02-01T10:15:00Z");
    let mut elzach = group(
        "g-stadt-elzach",
        "Stadt Elzach",
        Segment::Municipal,
        Some("k-vogt"),
    );
    elzach.created_at = ts("2025-04-02T08:00:00Z");
    elzach.updated_at = ts("2025-04-02T08:00:00Z");

    let mut anna = customer("c-anna-weber", "g-familie-weber", "Anna Weber");
    anna.number = Some("1000012345".into());
    anna.consent = Consent {
        state: ConsentState::Yes,
        since: Some(date("2025-03-01")),
    };
    anna.occasions = vec![
        Occasion {
            kind: OccasionKind::Birthday,
            date: date("1981-04-12"),
            label: String::new(),
        },
        Occasion {
            kind: OccasionKind::Maturity,
            date: date("2027-02-01"),
            label: "Festgeld".into(),
        },
    ];
    anna.updated_at = ts("2026-02-01T10:00:00Z");
    let mut jonas = customer("c-jonas-weber", "g-familie-weber", "Jonas Weber");
    jonas.segment = Segment::PrivateBanking;
    jonas.no_contact_until = Some(date("2026-06-30"));
    jonas.updated_at = ts("2026-01-20T14:00:00Z");
    let mut city = customer("c-stadt-elzach", "g-stadt-elzach", "Stadt Elzach");
    city.kind = CustomerKind::PublicBody;
    city.segment = Segment::Municipal;
    city.consent.state = ConsentState::No;
    city.notes = "Haushalt wird im Dezember beschlossen.".into();
    city.updated_at = ts("2025-04-02T08:00:00Z");

    let mut anna_person = person("p-anna-weber", "c-anna-weber", "Anna Weber");
    anna_person.updated_at = ts("2026-02-01T10:00:00Z");
    let mut ute = person("p-ute-krause", "c-stadt-elzach", "Ute Krause");
    ute.position = Some("Kämmerin".into());
    ute.influence = Some(Influence::new(7).unwrap());
    ute.buying_role = Some(BuyingRole::User);
    ute.motive = Some(BuyingMotive::Security);
    ute.phone = Some(Phone::parse("07682 804-120").unwrap());
    ute.email = Some(Email::parse("ute.krause@elzach.example").unwrap());
    ute.consent = Consent {
        state: ConsentState::Yes,
        since: Some(date("2025-05-05")),
    };
    ute.notes = "Kämmerin seit 2024, \"sehr genau\".".into();
    ute.updated_at = ts("2025-05-05T11:00:00Z");

    let mut book = build(
        vec![brenner, vogt],
        vec![weber, elzach],
        vec![anna, jonas, city],
        vec![anna_person, ute],
    );
    book.set_me(Some(kid("k-brenner"))).unwrap();
    book
}

#[test]
fn storage_1_opens_as_the_expected_book_and_is_upgraded_after_a_backup() {
    let kv = storage_1();
    let before = kv.snapshot();
    let (store, book) =
        block_on(Store::open(ls(kv.clone()), "test".into(), at(0))).expect("storage-1 must open");
    assert_eq!(book, storage_1_book());
    assert!(book.castings().is_empty() && book.contacts().is_empty());
    assert_eq!(book.settings().casting, Default::default());
    assert_eq!(book.settings().contact, Default::default());
    assert_eq!(store.revision(), 13, "the upgrade is one write");
    let after = kv.snapshot();
    assert!(after["kontaktnetz.meta"]
        .starts_with(&format!(r#"{{"schema":{CURRENT_SCHEMA},"revision":13,"#)));

    // The schema-1 data is kept as a backup and restores to the same book.
    let backups = block_on(store.backups()).unwrap();
    let upgrade = backups
        .iter()
        .find(|b| b.label == format!("Vor der Umstellung von Datenversion 1 auf {CURRENT_SCHEMA}"))
        .expect("a backup before the upgrade");
    assert_eq!(block_on(store.read_backup(&upgrade.key)).unwrap(), book);
    assert_eq!(
        before["kontaktnetz.backup.001793534400000"], after["kontaktnetz.backup.001793534400000"],
        "older backups stay as they were"
    );

    // Opening the upgraded data again writes nothing.
    let (_, again) = block_on(Store::open(ls(kv.clone()), "test".into(), at(1))).unwrap();
    assert_eq!(again, book);
    assert_eq!(kv.snapshot(), after);
}

#[test]
fn storage_1_backup_reads_back() {
    let (store, _) = block_on(Store::open(ls(storage_1()), "test".into(), at(0))).unwrap();
    let backups = block_on(store.backups()).unwrap();
    assert_eq!(
        backups.len(),
        2,
        "the pinned one and the one before the upgrade"
    );
    let info = backups
        .iter()
        .find(|b| b.key == "kontaktnetz.backup.001793534400000")
        .unwrap();
    assert_eq!(info.key, "kontaktnetz.backup.001793534400000");
    assert_eq!(info.label, "Vor dem Import");
    assert_eq!(info.created_at, ts("2026-11-01T12:00:00Z"));
    assert_eq!((info.groups, info.customers), (0, 0));
    let restored = block_on(store.read_backup(&info.key)).unwrap();
    assert_eq!(restored.colleagues().len(), 1);
    assert_eq!(restored.settings().me, Some(kid("k-brenner")));
    assert!(restored.groups().is_empty());
}

#[test]
fn storage_1_chunks_hold_the_pinned_records_in_their_chunks() {
    let pinned: BTreeMap<String, Value> = serde_json::from_str(STORAGE_1_RECORDS).unwrap();
    assert_eq!(golden::unpacked_records(STORAGE_1), pinned);
}

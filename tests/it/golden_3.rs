//! Golden files of schema 3 (see `tests/fixtures/README.md`): the schema-2 book plus edited
//! contact settings, ten contacts (every channel, format, direction and outcome), three
//! planned contacts (open with time, colleague and note; closed by a later contact; agreed in
//! a call) and an ended call party. They must keep opening, with the values as written, and
//! upgrade to the current schema.

use crate::common::*;
use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use kontaktnetz::domain::book::Book;
use kontaktnetz::domain::contact::ContactSettings;
use kontaktnetz::domain::ids::{ContactId, PlannedId};
use kontaktnetz::domain::model::Timestamp;
use kontaktnetz::domain::vocab::{
    CallOutcome, Channel, ConsentState, ContactOutcome, Direction, Format,
};
use kontaktnetz::storage::migrate::CURRENT_SCHEMA;
use kontaktnetz::storage::{parse_import, Store};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

const SCHEMA_3: &str = include_str!("../fixtures/schema-3.json");
const STORAGE_3: &str = include_str!("../fixtures/storage-3.json");
const STORAGE_3_RECORDS: &str = include_str!("../fixtures/storage-3.records.json");

fn ts(text: &str) -> Timestamp {
    text.parse::<DateTime<Utc>>().unwrap()
}

fn day(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

fn schema_3_book() -> Book {
    parse_import(SCHEMA_3).expect("the schema-3 golden export must always parse")
}

fn tid(raw: &str) -> ContactId {
    id(raw)
}

fn fid(raw: &str) -> PlannedId {
    id(raw)
}

#[test]
fn schema_3_export_parses_with_the_values_as_written() {
    let book = schema_3_book();
    assert_eq!(
        (
            book.contacts().len(),
            book.planned().len(),
            book.parties().len()
        ),
        (10, 3, 1)
    );
    assert_eq!(
        book.settings().contact,
        ContactSettings::new(21, 3, 4).unwrap()
    );

    let strategy = &book.contacts()[&tid("t-weber-strategie")];
    assert_eq!(
        strategy.at,
        day("2026-10-20").and_hms_opt(14, 0, 0).unwrap()
    );
    assert_eq!(
        (strategy.channel, strategy.format, strategy.direction),
        (
            Channel::AtCustomer,
            Format::StrategyTalk,
            Direction::Inbound
        )
    );
    assert_eq!(strategy.bank, vec![kid("k-brenner"), kid("k-vogt")]);
    assert_eq!(strategy.people, vec![pid("p-anna-weber")]);
    let topics: Vec<&str> = strategy.topics.iter().map(|t| t.as_str()).collect();
    assert_eq!(topics, vec!["Nachfolge", "Immobilie „Am Hang“"]);
    assert_eq!(strategy.outcome, Some(ContactOutcome::Appointment));
    assert_eq!(
        strategy.notes,
        "Termin beim Notar\nim Januar; Unterlagen; Kopien."
    );
    assert_eq!(strategy.updated_at, ts("2026-10-20T16:00:00Z"));

    let next = &book.planned()[&fid("f-weber-2027")];
    assert_eq!(next.date, day("2027-01-15"));
    assert_eq!(next.time, NaiveTime::from_hms_opt(10, 0, 0));
    assert_eq!(
        (next.format, next.who.clone()),
        (Format::AnnualTalk, Some(kid("k-brenner")))
    );
    assert_eq!(next.note, "Unterlagen vom Notar mitbringen");
    assert_eq!(next.agreed_in, Some(tid("t-weber-strategie")));
    assert!(next.is_open());
    assert_eq!(book.follow_up_of(strategy).map(|p| &p.id), Some(&next.id));

    let closed = &book.planned()[&fid("f-koch-folge")];
    assert_eq!(closed.agreed_in, Some(tid("t-koch-rating")));
    assert_eq!(closed.done, Some(tid("t-koch-video")));
    assert_eq!(closed.time, None);

    let elzach = &book.planned()[&fid("f-elzach-termin")];
    assert_eq!(
        (elzach.date, elzach.time, elzach.format),
        (day("2026-12-02"), None, Format::AdvisoryTalk)
    );
    assert_eq!(elzach.agreed_in, Some(tid("t-elzach-anruf-2")));

    let social = &book.contacts()[&tid("t-elzach-social")];
    assert_eq!(
        (social.channel, social.direction, social.outcome),
        (Channel::SocialMedia, Direction::Inbound, None)
    );
    assert!(social.bank.is_empty() && social.people.is_empty() && social.topics.is_empty());

    let party = &book.parties()[&id("r-2026-11-16")];
    assert_eq!(party.date, day("2026-11-16"));
    assert!(party.ended);
    assert_eq!(party.updated_at, ts("2026-11-16T10:00:00Z"));
    let first = &party.calls[0];
    assert_eq!(
        (&first.group, &first.person, first.advisor.as_ref()),
        (
            &gid("g-stadt-elzach"),
            &pid("p-jan-wolf"),
            Some(&kid("k-brenner"))
        )
    );
    let outcomes: Vec<_> = party
        .calls
        .iter()
        .map(|c| (c.attempts, c.outcome))
        .collect();
    assert_eq!(
        outcomes,
        vec![
            (1, Some(CallOutcome::NotReached)),
            (1, Some(CallOutcome::Appointment))
        ]
    );

    // The outcomes' consequences as they were recorded: a block and a withdrawn consent.
    assert_eq!(
        book.customers()[&cid("c-anna-weber")].no_contact_until,
        Some(day("2026-11-02"))
    );
    let koch = &book.persons()[&pid("p-thomas-koch")];
    assert_eq!(
        (koch.consent.state, koch.consent.since),
        (ConsentState::No, Some(day("2026-07-01")))
    );
    assert_eq!(koch.updated_at, ts("2026-07-01T11:30:00Z"));
}

#[test]
fn schema_3_export_spells_every_contact_vocabulary_value() {
    let book = schema_3_book();
    let contacts = || book.contacts().values();
    golden::assert_covers(Channel::ALL, contacts().map(|c| c.channel), "channels");
    golden::assert_covers(Format::ALL, contacts().map(|c| c.format), "formats");
    golden::assert_covers(
        Direction::ALL,
        contacts().map(|c| c.direction),
        "directions",
    );
    golden::assert_covers(
        ContactOutcome::ALL,
        contacts().filter_map(|c| c.outcome),
        "outcomes",
    );

    // The words on disk, pinned: renaming a variant would leave every stored contact unreadable.
    let text: Value = serde_json::from_str(SCHEMA_3).unwrap();
    let contacts = text["book"]["contacts"].as_array().unwrap();
    let calls = text["book"]["parties"][0]["calls"].as_array().unwrap();
    assert_eq!(
        spelled(contacts, "channel"),
        BTreeSet::from([
            "at_branch",
            "at_customer",
            "chat",
            "email",
            "event",
            "letter",
            "phone",
            "social_media",
            "video"
        ])
    );
    assert_eq!(
        spelled(contacts, "direction"),
        BTreeSet::from(["inbound", "outbound"])
    );
    assert_eq!(
        spelled(contacts, "outcome"),
        BTreeSet::from([
            "appointment",
            "call_back",
            "consent_withdrawn",
            "deal",
            "no_interest",
            "not_reached",
            "offer"
        ])
    );
    assert_eq!(
        spelled(contacts, "format"),
        BTreeSet::from([
            "advisory_talk",
            "annual_talk",
            "call_party_call",
            "customer_event",
            "rating_talk",
            "service_contact",
            "strategy_talk"
        ])
    );
    assert_eq!(
        spelled(calls, "outcome"),
        BTreeSet::from(["appointment", "not_reached"])
    );
}

/// The distinct strings a field holds across the records of a JSON list.
fn spelled<'a>(records: &'a [Value], field: &str) -> BTreeSet<&'a str> {
    records.iter().filter_map(|r| r[field].as_str()).collect()
}

#[test]
fn schema_2_book_upgraded_equals_schema_3_without_its_additions() {
    let upgraded = parse_import(include_str!("../fixtures/schema-2.json")).unwrap();
    let current = schema_3_book();
    assert_eq!(upgraded.colleagues(), current.colleagues());
    assert_eq!(upgraded.groups(), current.groups());
    assert_eq!(upgraded.castings(), current.castings());
    assert!(
        upgraded.contacts().is_empty()
            && upgraded.planned().is_empty()
            && upgraded.parties().is_empty()
    );
    assert_eq!(upgraded.settings().contact, ContactSettings::default());
    let mut settings = current.settings().clone();
    settings.contact = ContactSettings::default();
    assert_eq!(upgraded.settings(), &settings);

    // Customers and persons differ only by the recorded outcomes' consequences: Anna Weber's
    // block ("no interest") and Thomas Koch's withdrawn consent.
    let mut customers = current.customers().clone();
    let anna = customers.get_mut(&cid("c-anna-weber")).unwrap();
    let before = &upgraded.customers()[&cid("c-anna-weber")];
    assert_eq!(before.no_contact_until, None);
    (anna.no_contact_until, anna.updated_at) = (None, before.updated_at);
    assert_eq!(&customers, upgraded.customers());
    let mut persons = current.persons().clone();
    let koch = persons.get_mut(&pid("p-thomas-koch")).unwrap();
    let before = &upgraded.persons()[&pid("p-thomas-koch")];
    assert_eq!(before.consent.state, ConsentState::Yes);
    (koch.consent, koch.updated_at) = (before.consent, before.updated_at);
    assert_eq!(&persons, upgraded.persons());
}

// ---- storage dump --------------------------------------------------------------------------

#[test]
fn storage_3_opens_as_the_schema_3_book_and_is_upgraded_after_a_backup() {
    let kv = golden::store_of(STORAGE_3);
    let before = kv.snapshot();
    let (store, book) =
        block_on(Store::open(ls(kv.clone()), "test".into(), at(0))).expect("storage-3 must open");
    assert_eq!(book, schema_3_book());
    assert_eq!(store.revision(), 2, "the upgrade is one write");
    let after = kv.snapshot();
    assert!(after["kontaktnetz.meta"]
        .starts_with(&format!(r#"{{"schema":{CURRENT_SCHEMA},"revision":2,"#)));
    let backups = block_on(store.backups()).unwrap();
    let upgrade = backups
        .iter()
        .find(|b| b.label == format!("Vor der Umstellung von Datenversion 3 auf {CURRENT_SCHEMA}"))
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
fn storage_3_backup_reads_back() {
    let (store, _) = block_on(Store::open(
        ls(golden::store_of(STORAGE_3)),
        "test".into(),
        at(0),
    ))
    .unwrap();
    let backups = block_on(store.backups()).unwrap();
    let import = backups
        .iter()
        .find(|b| b.label == "Vor dem Import")
        .unwrap();
    assert_eq!(import.created_at, ts("2026-11-23T09:30:00Z"));
    let restored = block_on(store.read_backup(&import.key)).unwrap();
    assert_eq!(restored.colleagues().len(), 1);
    assert!(restored.contacts().is_empty());
}

#[test]
fn storage_3_chunks_hold_the_pinned_records_in_their_chunks() {
    let pinned: BTreeMap<String, Value> = serde_json::from_str(STORAGE_3_RECORDS).unwrap();
    assert_eq!(golden::unpacked_records(STORAGE_3), pinned);
    for key in [
        "contact.t-koch-video",
        "planned.f-weber-2027",
        "party.r-2026-11-16",
    ] {
        assert!(pinned.contains_key(key), "{key}");
    }
}

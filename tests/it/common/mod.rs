//! Builders shared by the integration tests: readable ids, fixed timestamps and one small book
//! that most tests start from.

use chrono::{Duration, TimeZone, Utc};
use kontaktnetz::domain::book::{Book, BookData};
use kontaktnetz::domain::casting::{evaluate, Casting, Override};
use kontaktnetz::domain::contact::{Contact, Planned};
use kontaktnetz::domain::ids::{CastingId, ColleagueId, CustomerId, GroupId, PersonId};
use kontaktnetz::domain::model::{Colleague, ContactPerson, Customer, Group, Timestamp};
use kontaktnetz::domain::text::Name;
use kontaktnetz::domain::vocab::{
    Channel, Class, ContactOutcome, CustomerKind, Direction, Format, Segment,
};
use std::fmt::Debug;
use std::str::FromStr;

pub mod golden;

/// Runs one of the store's async methods to completion (the test engines answer at once).
pub fn block_on<F: std::future::Future>(future: F) -> F::Output {
    futures_executor::block_on(future)
}

/// The localStorage engine (atomic by its journal) over an in-memory map.
pub fn ls(
    kv: kontaktnetz::storage::MemoryStore,
) -> kontaktnetz::storage::engine::Journaled<kontaktnetz::storage::MemoryStore> {
    kontaktnetz::storage::engine::Journaled::new(kv).expect("the map is readable")
}

/// A fixed point in time plus `minutes`: tests never read the clock.
pub fn at(minutes: i64) -> Timestamp {
    Utc.with_ymd_and_hms(2026, 1, 5, 8, 0, 0).unwrap() + Duration::minutes(minutes)
}

/// Parses any id type: `id::<GroupId>("g-1")`.
pub fn id<T: FromStr>(raw: &str) -> T
where
    T::Err: Debug,
{
    raw.parse().unwrap()
}

pub fn gid(raw: &str) -> GroupId {
    id(raw)
}
pub fn cid(raw: &str) -> CustomerId {
    id(raw)
}
pub fn pid(raw: &str) -> PersonId {
    id(raw)
}
pub fn kid(raw: &str) -> ColleagueId {
    id(raw)
}

pub fn name(text: &str) -> Name {
    Name::parse(text).unwrap()
}

pub fn colleague(id: &str, full: &str) -> Colleague {
    Colleague {
        id: kid(id),
        name: name(full),
        department: None,
        serves: None,
        phone: None,
        email: None,
        updated_at: at(0),
    }
}

pub fn group(id: &str, title: &str, segment: Segment, advisor: Option<&str>) -> Group {
    Group {
        id: gid(id),
        name: name(title),
        segment,
        advisor: advisor.map(kid),
        lead: None,
        notes: String::new(),
        key_account: None,
        created_at: at(0),
        updated_at: at(0),
    }
}

pub fn customer(id: &str, group: &str, full: &str) -> Customer {
    Customer {
        id: cid(id),
        group: gid(group),
        kind: CustomerKind::Person,
        name: name(full),
        number: None,
        street: None,
        postcode: None,
        town: None,
        phone: None,
        email: None,
        segment: Segment::Private,
        consent: Default::default(),
        no_contact_until: None,
        occasions: Vec::new(),
        notes: String::new(),
        updated_at: at(0),
    }
}

pub fn person(id: &str, customer: &str, full: &str) -> ContactPerson {
    ContactPerson {
        id: pid(id),
        customer: cid(customer),
        name: name(full),
        position: None,
        influence: None,
        buying_role: None,
        motive: None,
        attitude: None,
        matters: String::new(),
        benefit: String::new(),
        phone: None,
        email: None,
        consent: Default::default(),
        notes: String::new(),
        updated_at: at(0),
    }
}

/// Builds a book through the public upsert functions, panicking on any refused record.
pub fn build(
    colleagues: Vec<Colleague>,
    groups: Vec<Group>,
    customers: Vec<Customer>,
    persons: Vec<ContactPerson>,
) -> Book {
    let mut book = Book::default();
    for c in colleagues {
        book.upsert_colleague(c);
    }
    // Leads need their members first: add groups without lead, then set the leads.
    let leads: Vec<Group> = groups
        .iter()
        .filter(|g| g.lead.is_some())
        .cloned()
        .collect();
    for mut g in groups {
        g.lead = None;
        book.upsert_group(g).unwrap();
    }
    for c in customers {
        book.upsert_customer(c, at(0)).unwrap();
    }
    for p in persons {
        book.upsert_person(p).unwrap();
    }
    for g in leads {
        book.upsert_group(g).unwrap();
    }
    book
}

/// The book most tests start from:
///
/// - colleagues `k-anna` (the advisor, `settings.me`) and `k-ben`
/// - `g-mueller` "Familie Müller" (private, advisor k-anna, lead c-hans):
///   `c-hans` (person `p-hans`), `c-erika` (person `p-erika`)
/// - `g-bau` "Bau Schäfer GmbH" (business, advisor k-ben, lead c-bau):
///   `c-bau` (persons `p-chef`, `p-buch`), `c-owner` (no person)
pub fn small_book() -> Book {
    let mut mueller = group(
        "g-mueller",
        "Familie Müller",
        Segment::Private,
        Some("k-anna"),
    );
    mueller.lead = Some(cid("c-hans"));
    let mut bau = group(
        "g-bau",
        "Bau Schäfer GmbH",
        Segment::Business,
        Some("k-ben"),
    );
    bau.lead = Some(cid("c-bau"));
    let mut firm = customer("c-bau", "g-bau", "Bau Schäfer GmbH");
    firm.kind = CustomerKind::Company;
    firm.segment = Segment::Business;
    let mut book = build(
        vec![
            colleague("k-anna", "Anna Berater"),
            colleague("k-ben", "Ben Kollege"),
        ],
        vec![mueller, bau],
        vec![
            customer("c-hans", "g-mueller", "Hans Müller"),
            customer("c-erika", "g-mueller", "Erika Müller"),
            firm,
            customer("c-owner", "g-bau", "Otto Schäfer"),
        ],
        vec![
            person("p-hans", "c-hans", "Hans Müller"),
            person("p-erika", "c-erika", "Erika Müller"),
            person("p-chef", "c-bau", "Otto Schäfer"),
            person("p-buch", "c-bau", "Berta Buchhalter"),
        ],
    );
    book.set_me(Some(kid("k-anna"))).unwrap();
    book
}

/// The book's indexes agree with its records: rebuilding from flat data gives the same book.
pub fn assert_consistent(book: &Book) {
    assert_eq!(Book::from_data(book.to_data()).as_ref(), Ok(book));
}

/// Flat data of a book with one change applied, for building broken or edited inputs.
pub fn data_with(book: &Book, change: impl FnOnce(&mut BookData)) -> BookData {
    let mut data = book.to_data();
    change(&mut data);
    data
}

/// Casts `group` on `date` with the given picks in its segment's current scheme, optionally
/// with a manual class.
pub fn cast(
    book: &mut Book,
    id: &str,
    group: &str,
    date: &str,
    picks: &[usize],
    manual: Option<Class>,
) {
    let g = book.groups()[&gid(group)].clone();
    let scheme = book.settings().casting.scheme(g.segment);
    let picks: Vec<Option<usize>> = picks.iter().map(|p| Some(*p)).collect();
    let outcome = evaluate(&scheme, &picks, manual);
    let manual = manual.map(|class| Override {
        class,
        reason: Name::parse("Strategischer Kunde").unwrap(),
    });
    let casting: Casting = outcome.into_casting(
        id.parse::<CastingId>().unwrap(),
        &g,
        date.parse().unwrap(),
        "Katharina Brenner".into(),
        manual,
        at(0),
    );
    book.upsert_casting(casting).unwrap();
}

/// An open planned annual talk of `group` on `date` ("2026-11-20"), taken on by `k-anna`.
pub fn planned(id: &str, group: &str, date: &str) -> Planned {
    Planned {
        id: id.parse().unwrap(),
        group: gid(group),
        date: date.parse().unwrap(),
        time: None,
        format: Format::AnnualTalk,
        who: Some(kid("k-anna")),
        note: String::new(),
        agreed_in: None,
        done: None,
        updated_at: at(0),
    }
}

/// An advisory talk at the customer's with `group` at noon on `date` ("2026-11-20"), taken
/// by `k-anna`, that led to an appointment.
pub fn talk(id: &str, group: &str, date: &str) -> Contact {
    Contact {
        id: id.parse().unwrap(),
        group: gid(group),
        at: date
            .parse::<chrono::NaiveDate>()
            .unwrap()
            .and_hms_opt(12, 0, 0)
            .unwrap(),
        channel: Channel::AtCustomer,
        format: Format::AdvisoryTalk,
        direction: Direction::Outbound,
        bank: vec![kid("k-anna")],
        people: Vec::new(),
        topics: Vec::new(),
        outcome: Some(ContactOutcome::Appointment),
        notes: String::new(),
        updated_at: at(0),
    }
}

//! Contacts and planned contacts in the book: `record_contact` files a contact, its follow-up
//! and the plan it closes in one checked step; deletes re-open, clear and cascade so that every
//! planned contact only ever points at contacts of its own group; `Book::from_data` refuses
//! what the edits would refuse.

use crate::common::*;
use chrono::{NaiveDate, NaiveDateTime};
use kontaktnetz::domain::book::{Book, Problem, RecordKind, Removed};
use kontaktnetz::domain::contact::party::{Call, Party};
use kontaktnetz::domain::contact::{
    draft, Contact, ContactProblem, ContactSettings, Draft, Planned,
};
use kontaktnetz::domain::ids::{ContactId, PartyId, PlannedId};
use kontaktnetz::domain::time_format::{parse_date, parse_minute};
use kontaktnetz::domain::vocab::{CallOutcome, Channel, ContactOutcome, Direction, Format};
use kontaktnetz::texts;
use proptest::prelude::*;

fn tid(raw: &str) -> ContactId {
    id(raw)
}

fn fid(raw: &str) -> PlannedId {
    id(raw)
}

fn day(text: &str) -> NaiveDate {
    parse_date(text).unwrap()
}

/// A contact's local time, written like "2026-01-05T09:30".
fn minute(text: &str) -> NaiveDateTime {
    parse_minute(text).unwrap()
}

/// An advisory call with `group` at `when` ("2026-01-05T09:30"), taken by Anna.
fn contact(id: &str, group: &str, when: &str) -> Contact {
    Contact {
        id: tid(id),
        group: gid(group),
        at: minute(when),
        channel: Channel::Phone,
        format: Format::AdvisoryTalk,
        direction: Direction::Outbound,
        bank: vec![kid("k-anna")],
        people: vec![pid("p-hans")],
        topics: vec![name("Baufinanzierung")],
        outcome: Some(ContactOutcome::Appointment),
        notes: String::new(),
        updated_at: at(0),
    }
}

fn ids<'a, T: 'a, I: std::fmt::Display + 'a>(
    list: impl IntoIterator<Item = &'a T>,
    id: impl Fn(&'a T) -> &'a I,
) -> Vec<String> {
    list.into_iter().map(|x| id(x).to_string()).collect()
}

fn contact_ids(book: &Book, group: &str) -> Vec<String> {
    ids(book.contacts_of(&gid(group)), |c| &c.id)
}

#[test]
fn a_new_contact_starts_from_what_it_closes_and_who_records_it() {
    let book = small_book();
    let mueller = &book.groups()[&gid("g-mueller")];
    let anna = kid("k-anna");
    let plain = draft(Some(&anna), mueller, None);
    assert_eq!(
        plain,
        Draft {
            channel: Channel::AtCustomer,
            format: None,
            direction: Direction::Outbound,
            who: Some(anna.clone()),
        }
    );
    // Closing a planned call-party call: a phone call in that format.
    let mut call = planned("f-1", "g-mueller", "2026-11-30");
    call.format = Format::CallPartyCall;
    let closing = draft(Some(&anna), mueller, Some(&call));
    assert_eq!(
        (closing.channel, closing.format),
        (Channel::Phone, Some(Format::CallPartyCall))
    );
    // Closing an annual talk keeps the meeting at the customer's.
    let talk = draft(
        Some(&anna),
        mueller,
        Some(&planned("f-2", "g-mueller", "2026-11-30")),
    );
    assert_eq!(
        (talk.channel, talk.format),
        (Channel::AtCustomer, Some(Format::AnnualTalk))
    );
    // On a device without an owner, the group's advisor takes part.
    let bau = &book.groups()[&gid("g-bau")];
    assert_eq!(draft(None, bau, None).who, Some(kid("k-ben")));
}

fn planned_ids(book: &Book, group: &str) -> Vec<String> {
    ids(book.planned_of(&gid(group)), |p| &p.id)
}

/// The small book with one open plan `f-offen` for g-mueller and one `f-bau` for g-bau.
fn book_with_plans() -> Book {
    let mut book = small_book();
    book.upsert_planned(planned("f-offen", "g-mueller", "2026-01-05"))
        .unwrap();
    book.upsert_planned(planned("f-bau", "g-bau", "2026-01-06"))
        .unwrap();
    book
}

// ---- recording -----------------------------------------------------------------------------

#[test]
fn a_contact_is_filed_with_its_follow_up_agreed_in_it() {
    let mut book = small_book();
    // The follow-up's own group and agreed_in are the form's leftovers: the contact decides.
    let mut follow_up = planned("f-1", "g-bau", "2026-02-01");
    follow_up.time = Some(chrono::NaiveTime::from_hms_opt(10, 0, 0).unwrap());
    let t1 = contact("t-1", "g-mueller", "2026-01-05T09:30");
    book.record_contact(t1.clone(), Some(follow_up), None, at(10))
        .unwrap();

    assert_eq!(book.contacts().len(), 1);
    assert_eq!(book.contacts()[&tid("t-1")], t1);
    assert_eq!(contact_ids(&book, "g-mueller"), ["t-1"]);
    assert!(contact_ids(&book, "g-bau").is_empty());

    let f1 = &book.planned()[&fid("f-1")];
    assert_eq!(f1.agreed_in, Some(tid("t-1")));
    assert_eq!(
        f1.group,
        gid("g-mueller"),
        "the follow-up is the contact's group's"
    );
    assert_eq!(f1.done, None);
    assert_eq!(f1.date, day("2026-02-01"));
    assert_eq!(planned_ids(&book, "g-mueller"), ["f-1"]);
    assert!(planned_ids(&book, "g-bau").is_empty());
    assert_eq!(book.follow_up_of(&t1).map(|p| p.id.as_str()), Some("f-1"));
    assert_consistent(&book);
}

#[test]
fn a_contact_without_follow_up_has_none() {
    let mut book = small_book();
    let t1 = contact("t-1", "g-mueller", "2026-01-05T09:30");
    book.record_contact(t1.clone(), None, None, at(10)).unwrap();
    assert!(book.planned().is_empty());
    assert_eq!(book.follow_up_of(&t1), None);
    assert_consistent(&book);
}

#[test]
fn a_contact_closes_a_planned_contact_of_its_group() {
    let mut book = book_with_plans();
    let t1 = contact("t-1", "g-mueller", "2026-01-05T09:30");
    book.record_contact(t1.clone(), None, Some(&fid("f-offen")), at(30))
        .unwrap();

    let closed = &book.planned()[&fid("f-offen")];
    assert_eq!(closed.done, Some(tid("t-1")));
    assert!(!closed.is_open());
    assert_eq!(closed.updated_at, at(30));
    assert_eq!(closed.agreed_in, None, "closing is not agreeing");
    assert_eq!(book.follow_up_of(&t1), None);
    let other = &book.planned()[&fid("f-bau")];
    assert!(other.is_open() && other.updated_at == at(0));
    assert_consistent(&book);
}

#[test]
fn closing_a_plan_of_another_group_is_refused_and_changes_nothing() {
    let mut book = book_with_plans();
    book.record_contact(
        contact("t-1", "g-mueller", "2026-01-05T09:30"),
        Some(planned("f-1", "g-mueller", "2026-02-01")),
        None,
        at(10),
    )
    .unwrap();
    let before = book.clone();

    let mut edited = contact("t-1", "g-mueller", "2026-01-05T09:30");
    edited.notes = "geändert".into();
    for target in ["f-bau", "f-weg"] {
        let result = book.record_contact(
            edited.clone(),
            Some(planned("f-2", "g-mueller", "2026-03-01")),
            Some(&fid(target)),
            at(20),
        );
        let problem = result.expect_err("must be refused");
        assert_eq!(
            problem,
            Problem::UnknownReference {
                kind: RecordKind::Contact,
                id: "t-1".into(),
                target: RecordKind::Planned,
                target_id: target.into(),
            }
        );
        let message = texts::problem(&problem);
        assert!(
            message.contains("Kontakt „t-1“") && message.contains(&format!("„{target}“")),
            "{message}"
        );
        assert_eq!(book, before, "closing {target}: nothing may change");
    }
}

#[test]
fn a_contact_of_an_unknown_group_is_refused() {
    let mut book = book_with_plans();
    let before = book.clone();
    let problem = book
        .record_contact(
            contact("t-1", "g-weg", "2026-01-05T09:30"),
            Some(planned("f-1", "g-mueller", "2026-02-01")),
            None,
            at(10),
        )
        .expect_err("must be refused");
    assert_eq!(
        problem,
        Problem::UnknownReference {
            kind: RecordKind::Contact,
            id: "t-1".into(),
            target: RecordKind::Group,
            target_id: "g-weg".into(),
        }
    );
    assert_eq!(
        texts::problem(&problem),
        "Kontakt „t-1“ verweist auf etwas, das es nicht gibt: Kundenverbund „g-weg“."
    );
    assert_eq!(book, before);
}

#[test]
fn a_follow_up_for_an_unknown_colleague_is_refused_and_changes_nothing() {
    let mut book = book_with_plans();
    book.record_contact(
        contact("t-1", "g-mueller", "2026-01-05T09:30"),
        Some(planned("f-1", "g-mueller", "2026-02-01")),
        None,
        at(10),
    )
    .unwrap();
    let before = book.clone();

    // An edit that would drop f-1, close f-offen and add f-2 for a colleague who is gone.
    let mut edited = contact("t-1", "g-mueller", "2026-01-05T09:30");
    edited.notes = "geändert".into();
    let mut follow_up = planned("f-2", "g-mueller", "2026-03-01");
    follow_up.who = Some(kid("k-weg"));
    let problem = book
        .record_contact(edited, Some(follow_up), Some(&fid("f-offen")), at(20))
        .expect_err("must be refused");
    assert_eq!(
        problem,
        Problem::UnknownReference {
            kind: RecordKind::Planned,
            id: "f-2".into(),
            target: RecordKind::Colleague,
            target_id: "k-weg".into(),
        }
    );
    assert_eq!(
        texts::problem(&problem),
        "Geplanter Kontakt „f-2“ verweist auf etwas, das es nicht gibt: Kolleg:in „k-weg“."
    );
    assert_eq!(book, before);
}

#[test]
fn an_edit_without_follow_up_drops_the_open_one_but_keeps_a_done_one() {
    let mut book = small_book();
    let t1 = contact("t-1", "g-mueller", "2026-01-05T09:30");
    book.record_contact(
        t1.clone(),
        Some(planned("f-1", "g-mueller", "2026-02-01")),
        None,
        at(1),
    )
    .unwrap();
    // t-2 keeps the appointment agreed in t-1 ...
    book.record_contact(
        contact("t-2", "g-mueller", "2026-01-05T15:00"),
        None,
        Some(&fid("f-1")),
        at(2),
    )
    .unwrap();
    // ... and t-1 is edited to agree on another one, which is then taken back.
    book.record_contact(
        t1.clone(),
        Some(planned("f-2", "g-mueller", "2026-04-01")),
        None,
        at(3),
    )
    .unwrap();
    assert_eq!(planned_ids(&book, "g-mueller"), ["f-1", "f-2"]);
    assert_eq!(
        book.planned()[&fid("f-1")].done,
        Some(tid("t-2")),
        "a kept appointment is history, not a follow-up to replace"
    );

    let mut edited = t1;
    edited.notes = "Folgetermin abgesagt".into();
    book.record_contact(edited.clone(), None, None, at(4))
        .unwrap();
    assert_eq!(planned_ids(&book, "g-mueller"), ["f-1"]);
    assert!(!book.planned().contains_key(&fid("f-2")));
    let f1 = &book.planned()[&fid("f-1")];
    assert_eq!(
        (f1.agreed_in.as_ref(), f1.done.as_ref()),
        (Some(&tid("t-1")), Some(&tid("t-2")))
    );
    assert_eq!(book.contacts()[&tid("t-1")], edited);
    assert_eq!(book.contacts().len(), 2);
    assert_consistent(&book);
}

#[test]
fn re_recording_with_another_follow_up_date_moves_the_same_plan() {
    let mut book = small_book();
    let t1 = contact("t-1", "g-mueller", "2026-01-05T09:30");
    book.record_contact(
        t1.clone(),
        Some(planned("f-1", "g-mueller", "2026-02-01")),
        None,
        at(1),
    )
    .unwrap();
    let mut later = planned("f-1", "g-mueller", "2026-03-15");
    later.updated_at = at(2);
    book.record_contact(t1.clone(), Some(later), None, at(2))
        .unwrap();

    assert_eq!(book.planned().len(), 1);
    assert_eq!(planned_ids(&book, "g-mueller"), ["f-1"]);
    let f1 = &book.planned()[&fid("f-1")];
    assert_eq!(f1.date, day("2026-03-15"));
    assert_eq!(f1.agreed_in, Some(tid("t-1")));
    assert_eq!(f1.updated_at, at(2));
    assert_eq!(
        book.follow_up_of(&t1).map(|p| p.date),
        Some(day("2026-03-15"))
    );
    assert_eq!(book.contacts().len(), 1);
    assert_consistent(&book);
}

#[test]
fn an_edit_that_closes_its_own_follow_up_keeps_it_as_done() {
    let mut book = small_book();
    let t1 = contact("t-1", "g-mueller", "2026-01-05T09:30");
    book.record_contact(
        t1.clone(),
        Some(planned("f-1", "g-mueller", "2026-01-05")),
        None,
        at(1),
    )
    .unwrap();
    // Without a follow-up the open one would go, but this edit says it took place.
    book.record_contact(t1, None, Some(&fid("f-1")), at(2))
        .unwrap();
    let f1 = &book.planned()[&fid("f-1")];
    assert_eq!(
        (f1.agreed_in.as_ref(), f1.done.as_ref()),
        (Some(&tid("t-1")), Some(&tid("t-1")))
    );
    assert_eq!(f1.updated_at, at(2));
    assert_consistent(&book);
}

#[test]
fn a_contact_moved_to_another_group_lets_go_of_the_old_groups_plans() {
    let mut book = book_with_plans();
    let t1 = contact("t-1", "g-mueller", "2026-01-05T09:30");
    book.record_contact(
        t1.clone(),
        Some(planned("f-1", "g-mueller", "2026-02-01")),
        Some(&fid("f-offen")),
        at(1),
    )
    .unwrap();
    book.record_contact(
        contact("t-2", "g-mueller", "2026-01-05T10:00"),
        None,
        Some(&fid("f-1")),
        at(2),
    )
    .unwrap();
    // t-1 was entered for the wrong group: it moves, agreeing on f-2 and closing f-bau there.
    let moved = Contact {
        group: gid("g-bau"),
        ..t1
    };
    book.record_contact(
        moved.clone(),
        Some(planned("f-2", "g-bau", "2026-03-01")),
        Some(&fid("f-bau")),
        at(3),
    )
    .unwrap();

    assert_eq!(contact_ids(&book, "g-mueller"), ["t-2"]);
    assert_eq!(contact_ids(&book, "g-bau"), ["t-1"]);
    let reopened = &book.planned()[&fid("f-offen")];
    assert_eq!((reopened.done.as_ref(), reopened.updated_at), (None, at(3)));
    let f1 = &book.planned()[&fid("f-1")];
    assert_eq!(
        (f1.agreed_in.as_ref(), f1.done.as_ref(), f1.updated_at),
        (None, Some(&tid("t-2")), at(3)),
        "kept by t-2, no longer agreed in a contact of its group"
    );
    assert_eq!(book.planned()[&fid("f-bau")].done, Some(tid("t-1")));
    assert_eq!(
        book.follow_up_of(&moved).map(|p| p.id.as_str()),
        Some("f-2")
    );
    assert_eq!(planned_ids(&book, "g-bau"), ["f-bau", "f-2"]);
    assert_consistent(&book);
}

// ---- deleting ------------------------------------------------------------------------------

#[test]
fn deleting_a_contact_reopens_the_plan_it_closed_and_keeps_its_follow_up() {
    let mut book = book_with_plans();
    book.record_contact(
        contact("t-1", "g-mueller", "2026-01-05T09:30"),
        Some(planned("f-1", "g-mueller", "2026-02-01")),
        Some(&fid("f-offen")),
        at(10),
    )
    .unwrap();
    assert_eq!(book.planned()[&fid("f-offen")].done, Some(tid("t-1")));

    assert!(book.delete_contact(&tid("t-1"), at(60)));
    assert!(book.contacts().is_empty());
    assert!(contact_ids(&book, "g-mueller").is_empty());
    let reopened = &book.planned()[&fid("f-offen")];
    assert!(reopened.is_open());
    assert_eq!(reopened.updated_at, at(60));
    let f1 = &book.planned()[&fid("f-1")];
    assert!(f1.is_open(), "the customer still expects the follow-up");
    assert_eq!(f1.agreed_in, None);
    assert_eq!(f1.updated_at, at(60));
    assert_eq!(book.planned()[&fid("f-bau")].updated_at, at(0));
    assert_eq!(planned_ids(&book, "g-mueller"), ["f-offen", "f-1"]);
    assert_consistent(&book);

    let after = book.clone();
    assert!(!book.delete_contact(&tid("t-1"), at(61)));
    assert_eq!(book, after);
}

#[test]
fn deleting_a_group_takes_its_contacts_and_plans_along() {
    let mut book = book_with_plans();
    book.record_contact(
        contact("t-1", "g-mueller", "2026-01-05T09:30"),
        Some(planned("f-1", "g-mueller", "2026-02-01")),
        Some(&fid("f-offen")),
        at(1),
    )
    .unwrap();
    book.record_contact(
        contact("t-2", "g-mueller", "2026-01-05T11:00"),
        None,
        None,
        at(2),
    )
    .unwrap();
    book.record_contact(
        contact("t-3", "g-bau", "2026-01-05T12:00"),
        Some(planned("f-3", "g-bau", "2026-02-02")),
        Some(&fid("f-bau")),
        at(3),
    )
    .unwrap();
    book.upsert_party(Party {
        id: id::<PartyId>("r-1"),
        date: day("2026-01-05"),
        calls: vec![Call {
            group: gid("g-mueller"),
            person: pid("p-hans"),
            advisor: Some(kid("k-anna")),
            attempts: 1,
            outcome: Some(CallOutcome::NotReached),
            note: String::new(),
            contact: None,
        }],
        ended: false,
        updated_at: at(3),
    });

    let removed = book.delete_group(&gid("g-mueller"), at(9));
    assert_eq!(
        removed,
        Removed {
            groups: 1,
            customers: 2,
            persons: 2,
            castings: 0,
            contacts: 2,
            planned: 2,
        }
    );
    assert_eq!(ids(book.contacts().values(), |c| &c.id), ["t-3"]);
    assert_eq!(ids(book.planned().values(), |p| &p.id), ["f-3", "f-bau"]);
    assert!(contact_ids(&book, "g-mueller").is_empty());
    assert!(planned_ids(&book, "g-mueller").is_empty());
    assert_eq!(planned_ids(&book, "g-bau"), ["f-bau", "f-3"]);
    assert_eq!(
        book.parties().len(),
        1,
        "a call list keeps its lines; the screen skips deleted groups"
    );
    assert_consistent(&book);
}

#[test]
fn deleting_a_colleague_leaves_their_plans_to_nobody() {
    let mut book = small_book();
    let mut bens = planned("f-ben", "g-bau", "2026-02-01");
    bens.who = Some(kid("k-ben"));
    book.upsert_planned(bens).unwrap();
    book.upsert_planned(planned("f-anna", "g-bau", "2026-02-02"))
        .unwrap();

    assert!(book.delete_colleague(&kid("k-ben"), at(9)));
    let f = &book.planned()[&fid("f-ben")];
    assert_eq!((f.who.as_ref(), f.updated_at), (None, at(9)));
    let f = &book.planned()[&fid("f-anna")];
    assert_eq!(
        (f.who.as_ref(), f.updated_at),
        (Some(&kid("k-anna")), at(0))
    );
    assert_consistent(&book);
}

#[test]
fn deleting_a_planned_contact_and_a_party() {
    let mut book = book_with_plans();
    assert!(book.delete_planned(&fid("f-offen")));
    assert!(!book.delete_planned(&fid("f-offen")));
    assert!(planned_ids(&book, "g-mueller").is_empty());
    assert_eq!(planned_ids(&book, "g-bau"), ["f-bau"]);

    let party = Party {
        id: id::<PartyId>("r-1"),
        date: day("2026-01-05"),
        calls: Vec::new(),
        ended: true,
        updated_at: at(1),
    };
    book.upsert_party(party.clone());
    assert_eq!(book.parties()[&party.id], party);
    assert!(book.delete_party(&party.id));
    assert!(!book.delete_party(&party.id));
    assert!(book.parties().is_empty());
    assert_consistent(&book);
}

// ---- planned contacts on their own ---------------------------------------------------------

#[test]
fn a_planned_contact_is_checked_like_its_import() {
    let mut book = small_book();
    book.record_contact(
        contact("t-bau", "g-bau", "2026-01-05T09:30"),
        None,
        None,
        at(1),
    )
    .unwrap();
    let before = book.clone();
    let reference = |target, target_id: &str| Problem::UnknownReference {
        kind: RecordKind::Planned,
        id: "f-1".into(),
        target,
        target_id: target_id.into(),
    };

    let cases: Vec<(Planned, Problem)> = vec![
        (
            planned("f-1", "g-weg", "2026-02-01"),
            reference(RecordKind::Group, "g-weg"),
        ),
        (
            Planned {
                who: Some(kid("k-weg")),
                ..planned("f-1", "g-mueller", "2026-02-01")
            },
            reference(RecordKind::Colleague, "k-weg"),
        ),
        (
            Planned {
                done: Some(tid("t-bau")),
                ..planned("f-1", "g-mueller", "2026-02-01")
            },
            reference(RecordKind::Contact, "t-bau"),
        ),
        (
            Planned {
                agreed_in: Some(tid("t-weg")),
                ..planned("f-1", "g-bau", "2026-02-01")
            },
            reference(RecordKind::Contact, "t-weg"),
        ),
    ];
    for (planned, expected) in cases {
        assert_eq!(
            book.upsert_planned(planned.clone()),
            Err(expected),
            "{planned:?}"
        );
        assert_eq!(book, before);
    }

    let fine = Planned {
        agreed_in: Some(tid("t-bau")),
        ..planned("f-1", "g-bau", "2026-02-01")
    };
    book.upsert_planned(fine.clone()).unwrap();
    assert_eq!(book.planned()[&fid("f-1")], fine);
    assert_consistent(&book);
}

// ---- order ---------------------------------------------------------------------------------

#[test]
fn contacts_come_newest_first_and_plans_earliest_first() {
    let mut book = small_book();
    for (id, group, when) in [
        ("t-a", "g-mueller", "2026-01-02T10:00"),
        ("t-b", "g-mueller", "2026-01-04T08:00"),
        ("t-z", "g-mueller", "2025-12-31T23:59"),
        ("t-c", "g-mueller", "2026-01-04T16:30"),
        ("t-e", "g-mueller", "2026-01-04T08:00"),
        ("t-bau", "g-bau", "2026-01-05T07:00"),
    ] {
        book.record_contact(contact(id, group, when), None, None, at(1))
            .unwrap();
    }
    assert_eq!(
        contact_ids(&book, "g-mueller"),
        ["t-c", "t-e", "t-b", "t-a", "t-z"],
        "by time, newest first; the same minute by id, last first"
    );
    assert_eq!(contact_ids(&book, "g-bau"), ["t-bau"]);

    let clock = |h| chrono::NaiveTime::from_hms_opt(h, 0, 0);
    for (id, date, time) in [
        ("f-a", "2026-03-01", None),
        ("f-b", "2026-02-01", clock(14)),
        ("f-c", "2026-02-01", clock(9)),
        ("f-d", "2026-02-01", None),
        ("f-0", "2026-01-01", clock(18)),
    ] {
        book.upsert_planned(Planned {
            time,
            ..planned(id, "g-mueller", date)
        })
        .unwrap();
    }
    // A done one stays in the list, in its place.
    book.record_contact(
        contact("t-f", "g-mueller", "2026-01-05T09:00"),
        None,
        Some(&fid("f-0")),
        at(2),
    )
    .unwrap();
    assert_eq!(
        planned_ids(&book, "g-mueller"),
        ["f-0", "f-d", "f-c", "f-b", "f-a"],
        "by date, a day without time first, then by time"
    );
    assert!(planned_ids(&book, "g-bau").is_empty());
    assert_consistent(&book);
}

// ---- book data -----------------------------------------------------------------------------

#[test]
fn from_data_names_every_broken_contact_reference() {
    let mut book = small_book();
    book.record_contact(
        contact("t-1", "g-mueller", "2026-01-05T09:30"),
        Some(planned("f-1", "g-mueller", "2026-02-01")),
        None,
        at(1),
    )
    .unwrap();
    book.record_contact(
        contact("t-bau", "g-bau", "2026-01-05T10:30"),
        None,
        None,
        at(1),
    )
    .unwrap();
    book.upsert_planned(planned("f-2", "g-mueller", "2026-01-05"))
        .unwrap();
    book.upsert_planned(planned("f-3", "g-bau", "2026-01-05"))
        .unwrap();
    assert_consistent(&book);

    let data = data_with(&book, |d| {
        d.contacts[0].group = gid("g-weg"); // t-1; f-1 was agreed in it
        d.planned[1].done = Some(tid("t-bau")); // f-2, a plan of g-mueller
        d.planned[2].who = Some(kid("k-weg")); // f-3
        d.settings.contact.window_days = 91;
    });
    let problems = Book::from_data(data).expect_err("must be refused");
    let reference = |kind, id: &str, target, target_id: &str| Problem::UnknownReference {
        kind,
        id: id.into(),
        target,
        target_id: target_id.into(),
    };
    assert_eq!(
        problems,
        vec![
            reference(RecordKind::Contact, "t-1", RecordKind::Group, "g-weg"),
            reference(RecordKind::Planned, "f-1", RecordKind::Contact, "t-1"),
            reference(RecordKind::Planned, "f-2", RecordKind::Contact, "t-bau"),
            reference(RecordKind::Planned, "f-3", RecordKind::Colleague, "k-weg"),
            Problem::Contact(ContactProblem::WindowDays),
        ]
    );
    let messages: Vec<String> = problems.iter().map(texts::problem).collect();
    assert_eq!(
        messages[1],
        "Geplanter Kontakt „f-1“ verweist auf etwas, das es nicht gibt: Kontakt „t-1“."
    );
    assert_eq!(
        messages[2],
        "Geplanter Kontakt „f-2“ verweist auf etwas, das es nicht gibt: Kontakt „t-bau“."
    );
    assert_eq!(
        messages[4],
        "Der Vorlauf der Erinnerung (Tage) muss zwischen 1 und 90 liegen."
    );
}

#[test]
fn contact_settings_out_of_bounds_are_refused_in_data() {
    for (settings, problem) in [
        (
            ContactSettings {
                window_days: 0,
                ..Default::default()
            },
            ContactProblem::WindowDays,
        ),
        (
            ContactSettings {
                window_days: 91,
                ..Default::default()
            },
            ContactProblem::WindowDays,
        ),
        (
            ContactSettings {
                block_months: 37,
                ..Default::default()
            },
            ContactProblem::BlockMonths,
        ),
        (
            ContactSettings {
                calls_per_advisor: 0,
                ..Default::default()
            },
            ContactProblem::CallsPerAdvisor,
        ),
    ] {
        let data = data_with(&small_book(), |d| d.settings.contact = settings);
        assert_eq!(
            Book::from_data(data),
            Err(vec![Problem::Contact(problem)]),
            "{settings:?}"
        );
    }
    for edge in [
        ContactSettings::new(1, 1, 1).unwrap(),
        ContactSettings::new(90, 36, 50).unwrap(),
    ] {
        let book = Book::from_data(data_with(&small_book(), |d| d.settings.contact = edge))
            .expect("the bounds themselves are allowed");
        assert_eq!(book.settings().contact, edge);
    }
}

#[test]
fn recording_and_deleting_again_leaves_the_book_as_it_was() {
    // Indexes must not remember history: an emptied group list equals one never filled.
    let mut book = small_book();
    book.record_contact(
        contact("t-1", "g-mueller", "2026-01-05T09:30"),
        Some(planned("f-1", "g-mueller", "2026-02-01")),
        None,
        at(1),
    )
    .unwrap();
    book.delete_contact(&tid("t-1"), at(2));
    book.delete_planned(&fid("f-1"));
    assert_eq!(book, small_book());
    assert_consistent(&book);
}

// ---- any sequence --------------------------------------------------------------------------

const GROUPS: [&str; 2] = ["g-mueller", "g-bau"];

#[derive(Clone, Debug)]
enum Op {
    /// Records (or edits) contact `contact` in group `group` on day `day` of January, with a
    /// follow-up (`f-<n>`, `offset` days later) and closing `f-<n>`.
    Record {
        contact: usize,
        group: usize,
        day: u32,
        follow_up: Option<(usize, u32)>,
        closes: Option<usize>,
    },
    Delete {
        contact: usize,
    },
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        3 => (
            0..4usize,
            0..2usize,
            1..29u32,
            proptest::option::of((0..6usize, 0..60u32)),
            proptest::option::of(0..6usize),
        )
            .prop_map(|(contact, group, day, follow_up, closes)| Op::Record {
                contact,
                group,
                day,
                follow_up,
                closes,
            }),
        1 => (0..4usize).prop_map(|contact| Op::Delete { contact }),
    ]
}

/// Every planned contact's `agreed_in` and `done` name a contact of its own group.
fn references_hold(book: &Book) -> Result<(), TestCaseError> {
    for p in book.planned().values() {
        for c in p.agreed_in.iter().chain(&p.done) {
            prop_assert_eq!(
                book.contacts().get(c).map(|c| &c.group),
                Some(&p.group),
                "{} points at {}",
                p.id,
                c
            );
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn any_sequence_of_contacts_keeps_plans_pointing_into_their_group(
        ops in prop::collection::vec(op(), 1..30)
    ) {
        let mut book = small_book();
        for (n, group) in [(0, 0), (1, 1), (2, 0), (3, 1)] {
            book.upsert_planned(Planned {
                who: None,
                ..planned(&format!("f-{n}"), GROUPS[group], "2026-01-10")
            })
            .unwrap();
        }
        for (i, op) in ops.iter().enumerate() {
            let now = at(i as i64 + 1);
            let before = book.clone();
            match *op {
                Op::Record { contact: c, group, day, follow_up, closes } => {
                    let t = tid(&format!("t-{c}"));
                    let mut record = contact(&format!("t-{c}"), GROUPS[group], "2026-01-01T09:00");
                    record.at = NaiveDate::from_ymd_opt(2026, 1, day)
                        .unwrap()
                        .and_hms_opt(9, 0, 0)
                        .unwrap();
                    let follow_up = follow_up.map(|(f, offset)| Planned {
                        date: record.at.date() + chrono::Duration::days(offset.into()),
                        ..planned(&format!("f-{f}"), GROUPS[group], "2026-01-01")
                    });
                    let closes = closes.map(|f| fid(&format!("f-{f}")));
                    let refused = closes.as_ref().is_some_and(|f| {
                        before.planned().get(f).is_none_or(|p| p.group != record.group)
                    });
                    let result = book.record_contact(record.clone(), follow_up.clone(), closes.as_ref(), now);
                    prop_assert_eq!(result.is_err(), refused, "{:?}", op);
                    if refused {
                        prop_assert_eq!(&book, &before, "a refused record changes nothing");
                    } else {
                        prop_assert_eq!(&book.contacts()[&t], &record);
                        if let Some(f) = &follow_up {
                            prop_assert_eq!(book.planned()[&f.id].agreed_in.as_ref(), Some(&t));
                        }
                        if let Some(f) = &closes {
                            prop_assert_eq!(book.planned()[f].done.as_ref(), Some(&t));
                        }
                    }
                }
                Op::Delete { contact: c } => {
                    let t = tid(&format!("t-{c}"));
                    let existed = book.delete_contact(&t, now);
                    prop_assert_eq!(existed, before.contacts().contains_key(&t));
                    prop_assert!(!book.contacts().contains_key(&t));
                }
            }
            references_hold(&book)?;
            let rebuilt = Book::from_data(book.to_data());
            prop_assert_eq!(rebuilt.as_ref(), Ok(&book), "after {:?}", op);
        }
    }
}

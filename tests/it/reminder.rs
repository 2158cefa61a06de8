//! The contact reminder and the call party across a book: reasons, due days, urgency, blocks,
//! consent, the call list and what each call outcome records.

use crate::common::*;
use chrono::{NaiveDate, NaiveDateTime};
use kontaktnetz::domain::book::{Book, Problem};
use kontaktnetz::domain::contact::party::{
    call_list, last_ended, phoneable, record_call, running, summary, CallIds, CallResult, Entry,
    Party, Tally,
};
use kontaktnetz::domain::contact::reminder::{
    counts, due_now, occurrence, reminders, status, GroupFacts, Reason, Urgency,
};
use kontaktnetz::domain::contact::{next_due, Contact, ContactProblem};
use kontaktnetz::domain::ids::{CastingId, ColleagueId, ContactId, PartyId, PlannedId};
use kontaktnetz::domain::model::{Consent, Occasion};
use kontaktnetz::domain::text::Phone;
use kontaktnetz::domain::vocab::{
    CallOutcome, Channel, Class, ConsentState, ContactOutcome, Department, Format, OccasionKind,
};
use proptest::prelude::*;

fn day(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

fn noon(text: &str) -> NaiveDateTime {
    day(text).and_hms_opt(12, 0, 0).unwrap()
}

const TODAY: &str = "2026-11-23";

fn contact(id: &str, group: &str, date: &str, outcome: Option<ContactOutcome>) -> Contact {
    Contact {
        outcome,
        ..talk(id, group, date)
    }
}

fn record(book: &mut Book, c: Contact) {
    book.record_contact(c, None, None, at(0)).unwrap();
}

/// The small book with Familie Müller cast A (4 a year) and Bau Schäfer B (2 a year) on
/// 10 January 2026; both may be phoned (Hans Müller, Otto Schäfer).
fn cast_book() -> Book {
    let mut book = small_book();
    cast(
        &mut book,
        "a-m",
        "g-mueller",
        "2026-01-10",
        &[],
        Some(Class::A),
    );
    cast(&mut book, "a-b", "g-bau", "2026-01-10", &[], Some(Class::B));
    for p in ["p-hans", "p-chef"] {
        let mut person = book.persons()[&pid(p)].clone();
        person.phone = Some(Phone::parse("0761 1234").unwrap());
        person.consent = Consent {
            state: ConsentState::Yes,
            since: Some(day("2025-01-01")),
        };
        book.upsert_person(person).unwrap();
    }
    book
}

fn entry_of<'a>(
    list: &'a [kontaktnetz::domain::contact::reminder::Entry],
    group: &str,
) -> Option<&'a kontaktnetz::domain::contact::reminder::Entry> {
    list.iter().find(|e| e.group == gid(group))
}

#[test]
fn class_frequency_runs_from_the_last_reached_contact() {
    let mut book = cast_book();
    record(&mut book, contact("t-1", "g-mueller", "2026-08-31", None));
    // Not reached: does not count.
    record(
        &mut book,
        contact(
            "t-2",
            "g-mueller",
            "2026-10-01",
            Some(ContactOutcome::NotReached),
        ),
    );
    record(&mut book, contact("t-3", "g-bau", "2026-11-01", None));
    let list = reminders(&book, day(TODAY), 14);
    let e = entry_of(&list, "g-mueller").expect("A group due on 30 November");
    assert_eq!(
        e.due,
        day("2026-11-30"),
        "31 August + 3 months = 30 November"
    );
    assert_eq!(e.urgency, Urgency::Soon);
    assert_eq!(
        e.reasons,
        vec![Reason::Frequency {
            class: Class::A,
            per_year: 4,
            last: Some(day("2026-08-31")),
            due: day("2026-11-30"),
        }]
    );
    assert!(
        entry_of(&list, "g-bau").is_none(),
        "B, contacted 1 November"
    );
    assert!(
        reminders(&book, day(TODAY), 6).is_empty(),
        "a shorter window does not reach 30 November"
    );
}

#[test]
fn without_any_contact_the_target_runs_from_the_casting() {
    let book = cast_book();
    let list = reminders(&book, day(TODAY), 14);
    assert_eq!(list.len(), 2);
    assert!(list.iter().all(|e| e.due == day("2026-01-10")));
    assert!(list.iter().all(|e| e.urgency == Urgency::Overdue));
    // Both overdue on the same day: the A group comes first.
    assert_eq!(list[0].group, gid("g-mueller"));
    assert_eq!(counts(&list).overdue, 2);
}

#[test]
fn a_d_group_and_an_uncast_group_have_no_frequency_reason() {
    let mut book = small_book();
    cast(
        &mut book,
        "a-d",
        "g-mueller",
        "2026-01-10",
        &[],
        Some(Class::D),
    );
    assert!(reminders(&book, day(TODAY), 14).is_empty());
}

#[test]
fn several_reasons_make_one_entry_with_all_of_them() {
    let mut book = cast_book();
    record(&mut book, contact("t-1", "g-mueller", "2026-08-20", None));
    // A follow-up agreed for a day that has passed.
    book.upsert_planned(planned("f-1", "g-mueller", "2026-11-16"))
        .unwrap();
    let mut erika = book.customers()[&cid("c-erika")].clone();
    erika.occasions.push(Occasion {
        kind: OccasionKind::Maturity,
        date: day("2026-12-01"),
        label: "Festgeld".into(),
    });
    book.upsert_customer(erika, at(0)).unwrap();
    let list = reminders(&book, day(TODAY), 14);
    let e = entry_of(&list, "g-mueller").unwrap();
    assert_eq!(
        list.iter().filter(|e| e.group == gid("g-mueller")).count(),
        1
    );
    assert_eq!(e.due, day("2026-11-16"), "the earliest reason");
    assert_eq!(e.urgency, Urgency::Overdue);
    let dues: Vec<NaiveDate> = e.reasons.iter().map(Reason::due).collect();
    assert_eq!(
        dues,
        vec![day("2026-11-16"), day("2026-11-20"), day("2026-12-01")]
    );
    assert!(matches!(e.reasons[0], Reason::FollowUp { .. }));
    assert!(matches!(e.reasons[1], Reason::Frequency { .. }));
    assert!(matches!(e.reasons[2], Reason::Occasion { .. }));
}

#[test]
fn recording_the_agreed_contact_closes_it_and_moves_the_entry() {
    let mut book = cast_book();
    record(&mut book, contact("t-1", "g-mueller", "2026-09-01", None));
    book.upsert_planned(planned("f-1", "g-mueller", "2026-11-20"))
        .unwrap();
    assert_eq!(
        entry_of(&reminders(&book, day(TODAY), 14), "g-mueller")
            .unwrap()
            .due,
        day("2026-11-20")
    );
    let id: PlannedId = "f-1".parse().unwrap();
    book.record_contact(
        contact("t-2", "g-mueller", TODAY, None),
        None,
        Some(&id),
        at(1),
    )
    .unwrap();
    assert!(
        entry_of(&reminders(&book, day(TODAY), 14), "g-mueller").is_none(),
        "follow-up done, next A contact due 23 February"
    );
}

#[test]
fn yearly_occasions_fall_in_this_year_and_29_february_on_the_28th() {
    let birthday = Occasion {
        kind: OccasionKind::Birthday,
        date: day("1992-02-29"),
        label: String::new(),
    };
    assert_eq!(occurrence(&birthday, day("2027-02-20")), day("2027-02-28"));
    assert_eq!(occurrence(&birthday, day("2028-02-20")), day("2028-02-29"));
    // Just after New Year, a birthday on 30 December is last year's.
    let december = Occasion {
        date: day("1980-12-30"),
        ..birthday.clone()
    };
    assert_eq!(occurrence(&december, day("2027-01-02")), day("2026-12-30"));
    let maturity = Occasion {
        kind: OccasionKind::Maturity,
        date: day("2027-03-31"),
        label: String::new(),
    };
    assert_eq!(occurrence(&maturity, day("2026-01-01")), day("2027-03-31"));
}

#[test]
fn a_blocked_group_is_shown_not_counted_as_overdue() {
    let mut book = cast_book();
    let mut hans = book.customers()[&cid("c-hans")].clone();
    hans.no_contact_until = Some(day("2027-03-01"));
    book.upsert_customer(hans, at(0)).unwrap();
    let list = reminders(&book, day(TODAY), 14);
    let e = entry_of(&list, "g-mueller").unwrap();
    assert_eq!(e.urgency, Urgency::Blocked);
    assert_eq!(e.blocked_until, Some(day("2027-03-01")));
    assert_eq!(list.last().unwrap().group, gid("g-mueller"), "listed last");
    let c = counts(&list);
    assert_eq!((c.overdue, c.blocked), (1, 1));
}

#[test]
fn a_co_serving_department_behind_its_target_is_a_reason() {
    let mut book = cast_book();
    let mut ben = book.colleagues()[&kid("k-ben")].clone();
    ben.serves = Some(Department::PrivateBanking);
    book.upsert_colleague(ben);
    let id: CastingId = "a-m".parse().unwrap();
    let mut casting = book.castings()[&id].clone();
    casting.departments = vec![Department::PrivateBanking];
    book.upsert_casting(casting).unwrap();
    record(&mut book, contact("t-1", "g-mueller", "2026-11-01", None));

    let list = reminders(&book, day(TODAY), 14);
    let e = entry_of(&list, "g-mueller").unwrap();
    // The contact form offers the colleague; the group's status names the reason.
    let mueller = book.groups()[&"g-mueller".parse().unwrap()].clone();
    assert_eq!(
        GroupFacts::of(&book, &mueller, day(TODAY)).departments_due(day(TODAY)),
        vec![(Department::PrivateBanking, vec![kid("k-ben")])]
    );
    assert_eq!(due_now(&book, &mueller, day(TODAY)), e.reasons);
    // The status looks a year ahead: the same first reason, and what comes after.
    let year = status(&book, &mueller, day(TODAY)).unwrap();
    assert_eq!((year.due, year.urgency), (e.due, e.urgency));
    assert_eq!(year.reasons[0], e.reasons[0]);
    assert!(matches!(year.reasons[1], Reason::Frequency { .. }));
    assert!(matches!(
        e.reasons[..],
        [Reason::Department {
            department: Department::PrivateBanking,
            last: None,
            ..
        }]
    ));
    assert!(
        e.concerns(&kid("k-ben")),
        "the colleague serving the department"
    );

    let mut with_ben = contact("t-2", "g-mueller", "2026-11-10", None);
    with_ben.bank.push(kid("k-ben"));
    record(&mut book, with_ben);
    assert!(entry_of(&reminders(&book, day(TODAY), 14), "g-mueller").is_none());
    assert!(due_now(&book, &mueller, day(TODAY)).is_empty());
}

// ---- call party ------------------------------------------------------------------------------

#[test]
fn the_call_list_holds_only_people_who_may_be_phoned() {
    let mut book = cast_book();
    let calls = call_list(&book, day(TODAY), 5);
    assert_eq!(calls.len(), 2);
    assert_eq!(calls[0].person, pid("p-hans"));

    // Consent withdrawn: Hans drops out; Erika has no phone consent, so the group goes.
    let mut hans = book.persons()[&pid("p-hans")].clone();
    hans.consent.state = ConsentState::No;
    book.upsert_person(hans).unwrap();
    let calls = call_list(&book, day(TODAY), 5);
    assert!(calls.iter().all(|c| c.group != gid("g-mueller")));

    // A customer who refused consent is never phoned, even with a person's consent.
    let mut firm = book.customers()[&cid("c-bau")].clone();
    firm.consent.state = ConsentState::No;
    book.upsert_customer(firm, at(0)).unwrap();
    assert!(call_list(&book, day(TODAY), 5).is_empty());
}

#[test]
fn who_may_be_phoned_for_a_group_lead_customer_first() {
    let mut book = cast_book();
    let mueller = book.groups()[&gid("g-mueller")].clone();
    let ids = |book: &Book| {
        phoneable(book, &mueller, day(TODAY))
            .iter()
            .map(|p| p.id.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(ids(&book), vec![pid("p-hans")], "Erika has no consent");
    // With consent and a phone, Erika follows the lead customer's Hans (her id sorts first).
    let mut erika = book.persons()[&pid("p-erika")].clone();
    erika.phone = Some(Phone::parse("0761 5678").unwrap());
    erika.consent = Consent {
        state: ConsentState::Yes,
        since: Some(day("2025-01-01")),
    };
    book.upsert_person(erika).unwrap();
    assert_eq!(ids(&book), vec![pid("p-hans"), pid("p-erika")]);
    // A block on Hans's customer leaves Erika.
    let mut hans = book.customers()[&cid("c-hans")].clone();
    hans.no_contact_until = Some(day("2027-01-01"));
    book.upsert_customer(hans, at(0)).unwrap();
    assert_eq!(ids(&book), vec![pid("p-erika")]);
}

#[test]
fn the_call_list_takes_n_per_advisor_best_class_first() {
    let book = cast_book();
    // Both groups have different advisors: one each.
    assert_eq!(call_list(&book, day(TODAY), 1).len(), 2);
    let mut same = book.clone();
    let mut bau = same.groups()[&gid("g-bau")].clone();
    bau.advisor = Some(kid("k-anna"));
    same.upsert_group(bau).unwrap();
    let calls = call_list(&same, day(TODAY), 1);
    assert_eq!(calls.len(), 1);
    assert_eq!(calls[0].group, gid("g-mueller"), "A before B");
}

fn party_book() -> (Book, PartyId) {
    let mut book = cast_book();
    let id: PartyId = "r-1".parse().unwrap();
    book.upsert_party(Party {
        id: id.clone(),
        date: day(TODAY),
        calls: call_list(&book, day(TODAY), 5),
        ended: false,
        updated_at: at(0),
    });
    (book, id)
}

fn entry(result: CallResult, by: Option<ColleagueId>) -> Entry {
    Entry {
        result,
        note: String::new(),
        at: noon(TODAY),
        by,
    }
}

fn ids(n: u64) -> CallIds {
    CallIds {
        contact: ContactId::generate(n),
        planned: PlannedId::generate(n),
    }
}

#[test]
fn each_call_outcome_records_a_contact_and_its_consequence() {
    let (mut book, party) = party_book();
    let me = Some(kid("k-anna"));
    // Müller: not reached twice, then an appointment on 1 December.
    for n in 1..=2 {
        record_call(
            &mut book,
            &party,
            0,
            entry(CallResult::NotReached, me.clone()),
            ids(n),
            at(n as i64),
        )
        .unwrap();
    }
    assert!(
        book.parties()[&party].calls[0].is_open(),
        "stays on the list"
    );
    record_call(
        &mut book,
        &party,
        0,
        entry(CallResult::Appointment(day("2026-12-01")), me.clone()),
        ids(3),
        at(3),
    )
    .unwrap();
    let plan = book.planned_of(&gid("g-mueller"))[0].clone();
    assert_eq!(plan.date, day("2026-12-01"));
    assert_eq!(plan.agreed_in, Some(ContactId::generate(3)));
    let calls: Vec<&Contact> = book.contacts_of(&gid("g-mueller"));
    assert_eq!(calls.len(), 3);
    assert!(calls.iter().all(|c| c.format == Format::CallPartyCall
        && c.channel == Channel::Phone
        && c.people == vec![pid("p-hans")]));

    // Bau Schäfer: no interest blocks the company for 6 months.
    record_call(
        &mut book,
        &party,
        1,
        entry(CallResult::NoInterest, me.clone()),
        ids(4),
        at(4),
    )
    .unwrap();
    assert_eq!(
        book.customers()[&cid("c-bau")].no_contact_until,
        Some(day("2027-05-23"))
    );
    assert!(call_list(&book, day(TODAY), 5)
        .iter()
        .all(|c| c.group != gid("g-bau")));

    let (per, total) = summary(&book.parties()[&party]);
    assert_eq!(
        total,
        Tally {
            calls: 4,
            reached: 2,
            appointments: 1
        }
    );
    assert_eq!(per.len(), 2, "one line per advisor");
}

#[test]
fn consent_withdrawn_and_call_back() {
    let (mut book, party) = party_book();
    record_call(
        &mut book,
        &party,
        0,
        entry(CallResult::ConsentWithdrawn, None),
        ids(1),
        at(1),
    )
    .unwrap();
    let hans = &book.persons()[&pid("p-hans")];
    assert_eq!(hans.consent.state, ConsentState::No);
    assert_eq!(hans.consent.since, Some(day(TODAY)));
    record_call(
        &mut book,
        &party,
        1,
        entry(CallResult::CallBack(day("2026-11-25")), None),
        ids(2),
        at(2),
    )
    .unwrap();
    let plan = &book.planned_of(&gid("g-bau"))[0];
    assert_eq!(plan.format, Format::CallPartyCall);
    assert_eq!(
        plan.who,
        Some(kid("k-ben")),
        "the group's advisor calls back"
    );
    // A call back in the past is refused and changes nothing.
    let before = book.clone();
    assert!(record_call(
        &mut book,
        &party,
        1,
        entry(CallResult::CallBack(day("2026-11-01")), None),
        ids(3),
        at(3),
    )
    .is_err());
    assert_eq!(book, before);
}

#[test]
fn a_talk_without_appointment_counts_as_reached_and_keeps_its_note() {
    let (mut book, party) = party_book();
    let talk = Entry {
        note: "  Ruft nach dem Urlaub zurück ".into(),
        ..entry(CallResult::Talked, Some(kid("k-anna")))
    };
    record_call(&mut book, &party, 0, talk, ids(1), at(1)).unwrap();
    let call = &book.parties()[&party].calls[0];
    assert_eq!(call.outcome, Some(CallOutcome::Talked));
    assert!(call.reached());
    assert_eq!(call.note, "Ruft nach dem Urlaub zurück");
    let contact = &book.contacts()[&ContactId::generate(1)];
    assert_eq!(contact.outcome, None, "reached, nothing agreed");
    assert!(contact.reached());
    assert_eq!(contact.notes, "Ruft nach dem Urlaub zurück");
    assert!(book.planned_of(&gid("g-mueller")).is_empty());
    assert!(book
        .customers()
        .values()
        .all(|c| c.no_contact_until.is_none()));
    let (_, total) = summary(&book.parties()[&party]);
    assert_eq!((total.calls, total.reached, total.appointments), (1, 1, 0));
}

#[test]
fn a_correction_edits_the_recorded_call_and_undoes_what_it_no_longer_means() {
    let (mut book, party) = party_book();
    let me = Some(kid("k-anna"));
    // Tapped "no interest" by mistake: Bau Schäfer is blocked.
    record_call(
        &mut book,
        &party,
        1,
        entry(CallResult::NoInterest, me.clone()),
        ids(1),
        at(1),
    )
    .unwrap();
    assert!(book.customers()[&cid("c-bau")].no_contact_until.is_some());
    assert!(book.parties()[&party].calls[1].correctable());

    // Corrected to an appointment: the same contact, the block lifted, a planned contact.
    let later = Entry {
        at: noon(TODAY) + chrono::Duration::hours(2),
        ..entry(CallResult::Appointment(day("2026-12-03")), me.clone())
    };
    record_call(&mut book, &party, 1, later, ids(2), at(2)).unwrap();
    let call = &book.parties()[&party].calls[1];
    assert_eq!(call.outcome, Some(CallOutcome::Appointment));
    assert_eq!(call.attempts, 1, "a correction is no new attempt");
    let contacts = book.contacts_of(&gid("g-bau"));
    assert_eq!(
        contacts.len(),
        1,
        "the call's contact was edited, not added"
    );
    assert_eq!(contacts[0].id, ContactId::generate(1));
    assert_eq!(contacts[0].at, noon(TODAY), "when it was phoned stays");
    assert_eq!(contacts[0].outcome, Some(ContactOutcome::Appointment));
    assert_eq!(book.customers()[&cid("c-bau")].no_contact_until, None);
    assert_eq!(book.planned_of(&gid("g-bau"))[0].date, day("2026-12-03"));

    // Corrected again to a plain talk: the appointment agreed in that call goes.
    record_call(
        &mut book,
        &party,
        1,
        entry(CallResult::Talked, me.clone()),
        ids(3),
        at(3),
    )
    .unwrap();
    assert!(book.planned_of(&gid("g-bau")).is_empty());
    assert_eq!(book.contacts_of(&gid("g-bau"))[0].outcome, None);
    let (_, total) = summary(&book.parties()[&party]);
    assert_eq!((total.calls, total.reached, total.appointments), (1, 1, 0));
}

#[test]
fn a_withdrawn_consent_is_not_corrected_on_the_call_list() {
    let (mut book, party) = party_book();
    record_call(
        &mut book,
        &party,
        0,
        entry(CallResult::ConsentWithdrawn, None),
        ids(1),
        at(1),
    )
    .unwrap();
    assert!(!book.parties()[&party].calls[0].correctable());
    let before = book.clone();
    assert_eq!(
        record_call(
            &mut book,
            &party,
            0,
            entry(CallResult::Talked, None),
            ids(2),
            at(2)
        ),
        Err(Problem::Contact(ContactProblem::ConsentWithdrawnStays))
    );
    assert_eq!(book, before);
}

proptest! {
    /// The entry is due exactly one interval after the last reached contact, and listed
    /// exactly when that day falls within the window.
    #[test]
    fn due_is_last_contact_plus_interval(
        offset in 0i64..800, window in 1u16..=90, class in 0usize..3,
    ) {
        let mut book = small_book();
        let class = [Class::A, Class::B, Class::C][class];
        cast(&mut book, "a-x", "g-mueller", "2024-01-01", &[], Some(class));
        let last = day("2024-06-01") + chrono::Duration::days(offset);
        let today = day("2026-11-23").min(last + chrono::Duration::days(400));
        record(&mut book, contact("t-x", "g-mueller", &last.to_string(), None));
        let per_year = book.current_casting(&gid("g-mueller")).unwrap().rule.contacts();
        let due = next_due(last, per_year).unwrap();
        let list = reminders(&book, today, window);
        let listed = entry_of(&list, "g-mueller").map(|e| e.due);
        let horizon = today + chrono::Duration::days(i64::from(window));
        prop_assert_eq!(listed, (due <= horizon).then_some(due));
    }
}

#[test]
fn a_recorded_no_interest_blocks_and_a_withdrawal_records_the_refusal() {
    let mut book = cast_book();
    // Nobody named: the lead customer is blocked for the configured 6 months.
    record(
        &mut book,
        contact("t-1", "g-bau", TODAY, Some(ContactOutcome::NoInterest)),
    );
    assert_eq!(
        book.customers()[&cid("c-bau")].no_contact_until,
        Some(day("2027-05-23"))
    );
    assert_eq!(book.customers()[&cid("c-owner")].no_contact_until, None);
    // The people named: their customers; their consent when they withdraw it.
    let mut c = contact(
        "t-2",
        "g-mueller",
        TODAY,
        Some(ContactOutcome::ConsentWithdrawn),
    );
    c.people = vec![pid("p-erika")];
    record(&mut book, c);
    assert_eq!(
        book.persons()[&pid("p-erika")].consent.state,
        ConsentState::No
    );
    assert_eq!(
        book.persons()[&pid("p-hans")].consent.state,
        ConsentState::Yes
    );
    // A later withdrawal keeps the date of the first refusal.
    let mut again = contact(
        "t-3",
        "g-mueller",
        "2026-11-30",
        Some(ContactOutcome::ConsentWithdrawn),
    );
    again.people = vec![pid("p-erika")];
    record(&mut book, again);
    assert_eq!(
        book.persons()[&pid("p-erika")].consent.since,
        Some(day(TODAY))
    );
    // Saving the same contact again changes nothing more.
    let before = book.clone();
    record(
        &mut book,
        contact("t-1", "g-bau", TODAY, Some(ContactOutcome::NoInterest)),
    );
    assert_eq!(book.customers(), before.customers());
}

#[test]
fn recording_now_fulfils_the_follow_up_that_has_come_due_not_one_ahead() {
    let mut book = cast_book();
    book.upsert_planned(planned("f-spaeter", "g-mueller", "2026-11-30"))
        .unwrap();
    let list = reminders(&book, day(TODAY), 14);
    assert_eq!(
        entry_of(&list, "g-mueller")
            .unwrap()
            .follow_up_due(day(TODAY)),
        None
    );
    book.upsert_planned(planned("f-faellig", "g-mueller", "2026-11-20"))
        .unwrap();
    let list = reminders(&book, day(TODAY), 14);
    let due = entry_of(&list, "g-mueller")
        .unwrap()
        .follow_up_due(day(TODAY));
    assert_eq!(due.map(|p| p.as_str()), Some("f-faellig"));
}

#[test]
fn the_running_party_is_the_newest_not_ended() {
    let (mut book, first) = party_book();
    assert_eq!(running(&book).map(|p| &p.id), Some(&first));
    assert!(last_ended(&book).is_none());
    let mut ended = book.parties()[&first].clone();
    ended.ended = true;
    book.upsert_party(ended);
    assert!(running(&book).is_none());
    assert_eq!(last_ended(&book).map(|p| &p.id), Some(&first));
    book.upsert_party(Party {
        id: "r-2".parse().unwrap(),
        date: day("2026-11-24"),
        calls: Vec::new(),
        ended: false,
        updated_at: at(5),
    });
    assert_eq!(running(&book).map(|p| p.id.as_str()), Some("r-2"));
}

#[test]
fn which_groups_are_overdue_does_not_depend_on_the_look_ahead() {
    use kontaktnetz::domain::contact::reminder::agenda;
    use kontaktnetz::domain::sample::{generate, SampleSize};
    let book = generate(SampleSize::ADVISOR, 2026, at(0));
    let today = at(0).date_naive();
    let overdue = |window| -> Vec<_> {
        reminders(&book, today, window)
            .into_iter()
            .filter(|e| e.urgency == Urgency::Overdue)
            .map(|e| e.group)
            .collect()
    };
    let usual = overdue(14);
    assert!(
        usual.len() > 20,
        "the sample has overdue groups: {}",
        usual.len()
    );
    for window in [1, 7, 30, 90] {
        assert_eq!(overdue(window), usual, "look-ahead of {window} days");
    }
    // The start page counts the same groups.
    assert_eq!(agenda(&book, today).overdue, usual.len());
}

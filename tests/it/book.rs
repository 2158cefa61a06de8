//! Book rules: the edit functions keep records and indexes consistent, refuse unknown
//! references, cascade deletes; `Book::from_data` reports every broken rule.

use crate::common::*;
use kontaktnetz::domain::book::{Book, BookData, Problem, RecordKind, Removed};
use kontaktnetz::domain::vocab::Segment;
use proptest::prelude::*;

fn member_ids(book: &Book, group: &str) -> Vec<String> {
    book.members(&gid(group))
        .map(|c| c.id.to_string())
        .collect()
}

fn person_ids_of(book: &Book, customer: &str) -> Vec<String> {
    book.persons_of(&cid(customer))
        .map(|p| p.id.to_string())
        .collect()
}

fn group_person_ids(book: &Book, group: &str) -> Vec<String> {
    let mut ids: Vec<String> = book
        .group_persons(&gid(group))
        .map(|p| p.id.to_string())
        .collect();
    ids.sort();
    ids
}

fn lead_of(book: &Book, group: &str) -> Option<String> {
    book.groups()[&gid(group)]
        .lead
        .as_ref()
        .map(ToString::to_string)
}

// ---- creating ------------------------------------------------------------------------------

#[test]
fn upserts_build_a_book_with_derived_membership() {
    let book = small_book();
    assert_eq!(book.colleagues().len(), 2);
    assert_eq!(book.groups().len(), 2);
    assert_eq!(book.customers().len(), 4);
    assert_eq!(book.persons().len(), 4);
    assert_eq!(member_ids(&book, "g-mueller"), ["c-erika", "c-hans"]);
    assert_eq!(book.member_count(&gid("g-bau")), 2);
    assert_eq!(person_ids_of(&book, "c-bau"), ["p-buch", "p-chef"]);
    assert_eq!(person_ids_of(&book, "c-owner"), Vec::<String>::new());
    assert_eq!(group_person_ids(&book, "g-mueller"), ["p-erika", "p-hans"]);
    assert_eq!(lead_of(&book, "g-mueller").as_deref(), Some("c-hans"));
    assert_eq!(book.settings().me, Some(kid("k-anna")));
    assert!(!book.is_empty());
    assert_consistent(&book);
}

#[test]
fn a_colleague_advises_the_groups_that_name_them() {
    let mut book = small_book();
    assert_eq!(book.advised_by(&kid("k-anna")), 1);
    assert_eq!(book.advised_by(&kid("k-ben")), 1);
    let mut bau = book.groups()[&gid("g-bau")].clone();
    bau.advisor = Some(kid("k-anna"));
    book.upsert_group(bau).unwrap();
    assert_eq!(book.advised_by(&kid("k-anna")), 2);
    assert_eq!(book.advised_by(&kid("k-ben")), 0);
}

#[test]
fn upsert_replaces_a_record_with_the_same_id() {
    let mut book = small_book();
    let mut hans = book.customers()[&cid("c-hans")].clone();
    hans.name = name("Johann Müller");
    book.upsert_customer(hans, at(5)).unwrap();
    assert_eq!(book.customers().len(), 4);
    assert_eq!(
        book.customers()[&cid("c-hans")].name.as_str(),
        "Johann Müller"
    );
    assert_eq!(member_ids(&book, "g-mueller"), ["c-erika", "c-hans"]);
    assert_consistent(&book);
}

#[test]
fn unknown_references_are_refused_and_change_nothing() {
    let original = small_book();
    let refused: Vec<(&str, Result<(), Problem>, Problem)> = {
        let mut book = original.clone();
        let mut cases = Vec::new();
        cases.push((
            "group with unknown advisor",
            book.upsert_group(group("g-neu", "Neu", Segment::Private, Some("k-nobody"))),
            Problem::UnknownAdvisor {
                group: "g-neu".into(),
                advisor: "k-nobody".into(),
            },
        ));
        let mut foreign_lead = group("g-neu", "Neu", Segment::Private, None);
        foreign_lead.lead = Some(cid("c-bau"));
        cases.push((
            "lead from another group",
            book.upsert_group(foreign_lead),
            Problem::LeadNotMember {
                group: "g-neu".into(),
                lead: "c-bau".into(),
            },
        ));
        let mut missing_lead = book.groups()[&gid("g-mueller")].clone();
        missing_lead.lead = Some(cid("c-nobody"));
        cases.push((
            "unknown lead",
            book.upsert_group(missing_lead),
            Problem::LeadNotMember {
                group: "g-mueller".into(),
                lead: "c-nobody".into(),
            },
        ));
        cases.push((
            "customer in unknown group",
            book.upsert_customer(customer("c-neu", "g-nobody", "Neu"), at(1)),
            Problem::UnknownGroup {
                customer: "c-neu".into(),
                group: "g-nobody".into(),
            },
        ));
        cases.push((
            "person at unknown customer",
            book.upsert_person(person("p-neu", "c-nobody", "Neu")),
            Problem::UnknownCustomer {
                person: "p-neu".into(),
                customer: "c-nobody".into(),
            },
        ));
        cases.push((
            "unknown own profile",
            book.set_me(Some(kid("k-nobody"))),
            Problem::UnknownMe {
                colleague: "k-nobody".into(),
            },
        ));
        cases.push((
            "moving an unknown customer",
            book.move_customer(&cid("c-nobody"), &gid("g-bau"), at(1)),
            Problem::UnknownRecord {
                kind: RecordKind::Customer,
                id: "c-nobody".into(),
            },
        ));
        cases.push((
            "moving into an unknown group",
            book.move_customer(&cid("c-hans"), &gid("g-nobody"), at(1)),
            Problem::UnknownGroup {
                customer: "c-hans".into(),
                group: "g-nobody".into(),
            },
        ));
        assert_eq!(
            book, original,
            "a refused edit must leave the book as it was"
        );
        cases
    };
    for (what, result, expected) in refused {
        assert_eq!(result, Err(expected), "{what}");
    }
}

// ---- moving --------------------------------------------------------------------------------

#[test]
fn moving_the_lead_takes_its_persons_along_and_clears_the_old_lead() {
    let mut book = small_book();
    book.move_customer(&cid("c-hans"), &gid("g-bau"), at(30))
        .unwrap();

    let hans = &book.customers()[&cid("c-hans")];
    assert_eq!(hans.group, gid("g-bau"));
    assert_eq!(hans.updated_at, at(30));
    assert_eq!(member_ids(&book, "g-mueller"), ["c-erika"]);
    assert_eq!(member_ids(&book, "g-bau"), ["c-bau", "c-hans", "c-owner"]);
    assert_eq!(person_ids_of(&book, "c-hans"), ["p-hans"]);
    assert_eq!(
        group_person_ids(&book, "g-bau"),
        ["p-buch", "p-chef", "p-hans"]
    );
    assert_eq!(group_person_ids(&book, "g-mueller"), ["p-erika"]);

    let old = &book.groups()[&gid("g-mueller")];
    assert_eq!(old.lead, None, "the old group lost its lead");
    assert_eq!(
        old.updated_at,
        at(30),
        "losing the lead is a change of the group"
    );
    assert_eq!(lead_of(&book, "g-bau").as_deref(), Some("c-bau"));
    assert_consistent(&book);
}

#[test]
fn moving_another_member_keeps_the_lead_and_the_group_untouched() {
    let mut book = small_book();
    let before = book.groups()[&gid("g-mueller")].clone();
    book.move_customer(&cid("c-erika"), &gid("g-bau"), at(30))
        .unwrap();
    assert_eq!(book.groups()[&gid("g-mueller")], before);
    assert_eq!(member_ids(&book, "g-mueller"), ["c-hans"]);
    assert_consistent(&book);
}

#[test]
fn upserting_a_customer_with_another_group_moves_it() {
    let mut book = small_book();
    let mut hans = book.customers()[&cid("c-hans")].clone();
    hans.group = gid("g-bau");
    book.upsert_customer(hans, at(9)).unwrap();
    assert_eq!(member_ids(&book, "g-bau"), ["c-bau", "c-hans", "c-owner"]);
    assert_eq!(lead_of(&book, "g-mueller"), None);
    assert_consistent(&book);
}

#[test]
fn a_person_can_change_customer() {
    let mut book = small_book();
    let mut buch = book.persons()[&pid("p-buch")].clone();
    buch.customer = cid("c-owner");
    book.upsert_person(buch).unwrap();
    assert_eq!(person_ids_of(&book, "c-bau"), ["p-chef"]);
    assert_eq!(person_ids_of(&book, "c-owner"), ["p-buch"]);
    assert_consistent(&book);
}

// ---- deleting ------------------------------------------------------------------------------

#[test]
fn deleting_a_group_cascades_to_customers_and_persons() {
    let mut book = small_book();
    let removed = book.delete_group(&gid("g-bau"), at(40));
    assert_eq!(
        removed,
        Removed {
            groups: 1,
            customers: 2,
            persons: 2,
            castings: 0,
            contacts: 0,
            planned: 0,
        }
    );
    assert!(!book.groups().contains_key(&gid("g-bau")));
    for c in ["c-bau", "c-owner"] {
        assert!(!book.customers().contains_key(&cid(c)), "{c}");
    }
    for p in ["p-chef", "p-buch"] {
        assert!(!book.persons().contains_key(&pid(p)), "{p}");
    }
    assert_eq!(book.customers().len(), 2);
    assert_eq!(book.persons().len(), 2);
    assert_eq!(book.member_count(&gid("g-bau")), 0);
    assert_eq!(book.delete_group(&gid("g-bau"), at(41)), Removed::default());
    assert_consistent(&book);
}

#[test]
fn deleting_the_lead_customer_clears_the_lead() {
    let mut book = small_book();
    let removed = book.delete_customer(&cid("c-hans"), at(50));
    assert_eq!(
        removed,
        Removed {
            groups: 0,
            customers: 1,
            persons: 1,
            castings: 0,
            contacts: 0,
            planned: 0,
        }
    );
    let g = &book.groups()[&gid("g-mueller")];
    assert_eq!(g.lead, None);
    assert_eq!(g.updated_at, at(50));
    assert!(!book.persons().contains_key(&pid("p-hans")));
    assert_eq!(member_ids(&book, "g-mueller"), ["c-erika"]);
    assert_eq!(
        book.delete_customer(&cid("c-hans"), at(51)),
        Removed::default()
    );
    assert_consistent(&book);
}

#[test]
fn deleting_a_person_counts_one() {
    let mut book = small_book();
    assert_eq!(book.delete_person(&pid("p-chef")).persons, 1);
    assert_eq!(person_ids_of(&book, "c-bau"), ["p-buch"]);
    assert_eq!(book.delete_person(&pid("p-chef")), Removed::default());
    assert_consistent(&book);
}

#[test]
fn deleting_a_colleague_clears_advisors_and_the_own_profile() {
    let mut book = small_book();
    assert!(book.delete_colleague(&kid("k-anna"), at(60)));
    let mueller = &book.groups()[&gid("g-mueller")];
    assert_eq!(mueller.advisor, None);
    assert_eq!(mueller.updated_at, at(60));
    let bau = &book.groups()[&gid("g-bau")];
    assert_eq!(bau.advisor, Some(kid("k-ben")));
    assert_eq!(bau.updated_at, at(0));
    assert_eq!(book.settings().me, None);
    assert!(!book.delete_colleague(&kid("k-anna"), at(61)));
    assert_consistent(&book);
}

#[test]
fn deleting_another_colleague_keeps_the_own_profile() {
    let mut book = small_book();
    assert!(book.delete_colleague(&kid("k-ben"), at(60)));
    assert_eq!(book.settings().me, Some(kid("k-anna")));
    assert_eq!(book.groups()[&gid("g-bau")].advisor, None);
    assert_consistent(&book);
}

// ---- from_data -----------------------------------------------------------------------------

/// The problems `from_data` reports for the small book with one change applied.
fn problems_after(change: impl FnOnce(&mut BookData)) -> Vec<Problem> {
    Book::from_data(data_with(&small_book(), change)).expect_err("the data is broken")
}

#[test]
fn from_data_accepts_a_valid_book() {
    assert_eq!(Book::from_data(small_book().to_data()), Ok(small_book()));
    assert_eq!(Book::from_data(BookData::default()), Ok(Book::default()));
}

#[test]
fn from_data_reports_each_kind_of_broken_rule() {
    type Change = fn(&mut BookData);
    let cases: Vec<(&str, Change, Problem)> = vec![
        (
            "duplicate colleague",
            |d| d.colleagues.push(colleague("k-ben", "Ben Zwei")),
            Problem::DuplicateId {
                kind: RecordKind::Colleague,
                id: "k-ben".into(),
            },
        ),
        (
            "duplicate group",
            |d| {
                d.groups
                    .push(group("g-bau", "Zwei", Segment::Business, None))
            },
            Problem::DuplicateId {
                kind: RecordKind::Group,
                id: "g-bau".into(),
            },
        ),
        (
            "duplicate customer",
            |d| d.customers.push(customer("c-owner", "g-bau", "Zwei")),
            Problem::DuplicateId {
                kind: RecordKind::Customer,
                id: "c-owner".into(),
            },
        ),
        (
            "duplicate person",
            |d| d.persons.push(person("p-chef", "c-bau", "Zwei")),
            Problem::DuplicateId {
                kind: RecordKind::Person,
                id: "p-chef".into(),
            },
        ),
        (
            "customer in unknown group",
            |d| d.customers.push(customer("c-neu", "g-nobody", "Neu")),
            Problem::UnknownGroup {
                customer: "c-neu".into(),
                group: "g-nobody".into(),
            },
        ),
        (
            "person at unknown customer",
            |d| d.persons.push(person("p-neu", "c-nobody", "Neu")),
            Problem::UnknownCustomer {
                person: "p-neu".into(),
                customer: "c-nobody".into(),
            },
        ),
        (
            "group with unknown advisor",
            |d| d.groups[0].advisor = Some(kid("k-nobody")),
            Problem::UnknownAdvisor {
                group: "g-bau".into(),
                advisor: "k-nobody".into(),
            },
        ),
        (
            "lead from another group",
            |d| d.groups[0].lead = Some(cid("c-hans")),
            Problem::LeadNotMember {
                group: "g-bau".into(),
                lead: "c-hans".into(),
            },
        ),
        (
            "unknown lead",
            |d| d.groups[1].lead = Some(cid("c-nobody")),
            Problem::LeadNotMember {
                group: "g-mueller".into(),
                lead: "c-nobody".into(),
            },
        ),
        (
            "unknown own profile",
            |d| d.settings.me = Some(kid("k-nobody")),
            Problem::UnknownMe {
                colleague: "k-nobody".into(),
            },
        ),
    ];
    for (what, change, expected) in cases {
        assert_eq!(problems_after(change), vec![expected], "{what}");
    }
}

#[test]
fn from_data_reports_all_problems_not_only_the_first() {
    let problems = problems_after(|d| {
        d.colleagues.push(colleague("k-anna", "Doppelt"));
        d.customers.push(customer("c-neu", "g-nobody", "Neu"));
        d.persons.push(person("p-neu", "c-nobody", "Neu"));
        d.groups[0].advisor = Some(kid("k-nobody"));
        d.settings.me = Some(kid("k-nobody"));
    });
    let expected = [
        Problem::DuplicateId {
            kind: RecordKind::Colleague,
            id: "k-anna".into(),
        },
        Problem::UnknownAdvisor {
            group: "g-bau".into(),
            advisor: "k-nobody".into(),
        },
        Problem::UnknownGroup {
            customer: "c-neu".into(),
            group: "g-nobody".into(),
        },
        Problem::UnknownCustomer {
            person: "p-neu".into(),
            customer: "c-nobody".into(),
        },
        Problem::UnknownMe {
            colleague: "k-nobody".into(),
        },
    ];
    assert_eq!(problems.len(), expected.len(), "{problems:?}");
    for p in &expected {
        assert!(problems.contains(p), "missing {p:?} in {problems:?}");
    }
}

// ---- any sequence of edits keeps the book consistent -----------------------------------------

#[derive(Clone, Debug)]
enum Edit {
    Move(usize, usize),
    DeleteCustomer(usize),
    DeleteGroup(usize),
    DeletePerson(usize),
    DeleteColleague(usize),
    AddCustomer(usize, usize),
    AddPerson(usize, usize),
    SetLead(usize, usize),
}

const GROUPS: [&str; 3] = ["g-mueller", "g-bau", "g-drei"];
const CUSTOMERS: [&str; 6] = ["c-hans", "c-erika", "c-bau", "c-owner", "c-x", "c-y"];
const PERSONS: [&str; 6] = ["p-hans", "p-erika", "p-chef", "p-buch", "p-x", "p-y"];
const COLLEAGUES: [&str; 2] = ["k-anna", "k-ben"];

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (0..6usize, 0..3usize).prop_map(|(c, g)| Edit::Move(c, g)),
        (0..6usize).prop_map(Edit::DeleteCustomer),
        (0..3usize).prop_map(Edit::DeleteGroup),
        (0..6usize).prop_map(Edit::DeletePerson),
        (0..2usize).prop_map(Edit::DeleteColleague),
        (0..6usize, 0..3usize).prop_map(|(c, g)| Edit::AddCustomer(c, g)),
        (0..6usize, 0..6usize).prop_map(|(p, c)| Edit::AddPerson(p, c)),
        (0..3usize, 0..6usize).prop_map(|(g, c)| Edit::SetLead(g, c)),
    ]
}

/// Applies an edit the way the UI would; refused edits are fine, inconsistency is not.
fn apply(book: &mut Book, edit: &Edit, now: i64) {
    let now = at(now);
    match *edit {
        Edit::Move(c, g) => {
            let _ = book.move_customer(&cid(CUSTOMERS[c]), &gid(GROUPS[g]), now);
        }
        Edit::DeleteCustomer(c) => {
            book.delete_customer(&cid(CUSTOMERS[c]), now);
        }
        Edit::DeleteGroup(g) => {
            book.delete_group(&gid(GROUPS[g]), now);
        }
        Edit::DeletePerson(p) => {
            book.delete_person(&pid(PERSONS[p]));
        }
        Edit::DeleteColleague(k) => {
            book.delete_colleague(&kid(COLLEAGUES[k]), now);
        }
        Edit::AddCustomer(c, g) => {
            let _ = book.upsert_customer(customer(CUSTOMERS[c], GROUPS[g], "Neu"), now);
        }
        Edit::AddPerson(p, c) => {
            let _ = book.upsert_person(person(PERSONS[p], CUSTOMERS[c], "Neu"));
        }
        Edit::SetLead(g, c) => {
            if let Some(mut group) = book.groups().get(&gid(GROUPS[g])).cloned() {
                group.lead = Some(cid(CUSTOMERS[c]));
                let _ = book.upsert_group(group);
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn any_sequence_of_edits_keeps_records_and_indexes_consistent(
        edits in prop::collection::vec(edit(), 1..25)
    ) {
        let mut book = small_book();
        book.upsert_group(group("g-drei", "Drei", Segment::Corporate, None)).unwrap();
        for (i, e) in edits.iter().enumerate() {
            apply(&mut book, e, i as i64 + 1);
            let rebuilt = Book::from_data(book.to_data());
            prop_assert_eq!(rebuilt.as_ref(), Ok(&book), "after {:?}", e);
            for g in book.groups().values() {
                let members = book.members(&g.id).count();
                prop_assert_eq!(members, book.member_count(&g.id));
                prop_assert!(book.members(&g.id).all(|c| c.group == g.id));
            }
        }
    }
}

#[test]
fn the_removal_asked_about_is_the_removal_done() {
    use kontaktnetz::domain::sample::{generate, SampleSize};
    let book = generate(SampleSize::ADVISOR, 2026, at(0));
    let mut with_contacts = 0;
    for id in book.groups().keys() {
        let asked = book.removal_of_group(id);
        let mut after = book.clone();
        assert_eq!(after.delete_group(id, at(1)), asked, "{id}");
        with_contacts += usize::from(asked.contacts > 0 && asked.castings > 0);
    }
    assert!(
        with_contacts > 10,
        "the sample has groups with contacts and castings"
    );
    assert_eq!(
        book.removal_of_group(&gid("g-gibt-es-nicht")),
        Removed::default()
    );
    for id in book.customers().keys() {
        let asked = book.removal_of_customer(id);
        let mut after = book.clone();
        assert_eq!(after.delete_customer(id, at(1)), asked, "{id}");
    }
}

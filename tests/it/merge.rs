//! Import preview and merge: records match by id, the newer `updated_at` wins, nothing local is
//! deleted, the device's own profile stays.

use crate::common::*;
use kontaktnetz::domain::book::Problem;
use kontaktnetz::domain::book::{Book, RecordKind};
use kontaktnetz::domain::exchange::selection::select;
use kontaktnetz::domain::merge::{merge, merge_with, preview, Choices, Side, Tally};
use kontaktnetz::domain::sample::{generate, SampleSize};
use kontaktnetz::domain::vocab::Segment;
use proptest::prelude::*;
use serde_json::json;
use std::collections::BTreeSet;

/// The local book: the small book plus a contact person edited locally after the export.
fn local() -> Book {
    let mut book = small_book();
    let mut hans = book.persons()[&pid("p-hans")].clone();
    hans.notes = "lokal".into();
    hans.updated_at = at(20);
    book.upsert_person(hans).unwrap();
    book
}

/// A colleague's export of an older copy of the book, edited there:
///
/// - colleagues: k-anna identical, k-ben renamed later (changed), k-cem new; `me` = k-cem
/// - groups: g-mueller renamed but with the same stamp (kept), g-bau and all of it missing
///   (only local), g-neu new
/// - customers: c-hans renamed later (changed), c-erika identical, c-neu new
/// - persons: p-hans edited earlier than locally (kept), p-erika identical, p-neu new
fn incoming() -> Book {
    let mut data = small_book().to_data();
    data.groups.retain(|g| g.id != gid("g-bau"));
    data.customers.retain(|c| c.group != gid("g-bau"));
    data.persons.retain(|p| p.customer != cid("c-bau"));
    let mut book = Book::from_data(data).unwrap();

    let mut ben = book.colleagues()[&kid("k-ben")].clone();
    ben.name = name("Benjamin Kollege");
    ben.updated_at = at(10);
    book.upsert_colleague(ben);
    book.upsert_colleague(colleague("k-cem", "Cem Fremd"));
    book.set_me(Some(kid("k-cem"))).unwrap();

    let mut mueller = book.groups()[&gid("g-mueller")].clone();
    mueller.name = name("Müller (alt)");
    book.upsert_group(mueller).unwrap();
    book.upsert_group(group(
        "g-neu",
        "Neuer Verbund",
        Segment::Corporate,
        Some("k-cem"),
    ))
    .unwrap();

    let mut hans = book.customers()[&cid("c-hans")].clone();
    hans.name = name("Johann Müller");
    hans.updated_at = at(10);
    book.upsert_customer(hans, at(10)).unwrap();
    book.upsert_customer(customer("c-neu", "g-neu", "Neukunde AG"), at(0))
        .unwrap();

    let mut p = book.persons()[&pid("p-hans")].clone();
    p.notes = "fremd".into();
    p.updated_at = at(10);
    book.upsert_person(p).unwrap();
    book.upsert_person(person("p-neu", "c-neu", "Nina Neu"))
        .unwrap();
    book
}

fn tally(added: usize, changed: usize, unchanged: usize, kept: usize, only_local: usize) -> Tally {
    Tally {
        added,
        changed,
        unchanged,
        kept,
        only_local,
    }
}

#[test]
fn preview_counts_each_collection() {
    let p = preview(&local(), &incoming().to_data());
    assert_eq!(p.tally(RecordKind::Colleague), tally(1, 1, 1, 0, 0));
    assert_eq!(p.tally(RecordKind::Group), tally(1, 0, 0, 1, 1));
    assert_eq!(p.tally(RecordKind::Customer), tally(1, 1, 1, 0, 2));
    assert_eq!(p.tally(RecordKind::Person), tally(1, 0, 1, 1, 2));
    assert!(!p.is_noop());
}

#[test]
fn previewing_the_same_book_is_a_noop() {
    let p = preview(&local(), &local().to_data());
    assert!(p.is_noop());
    assert_eq!(p.tally(RecordKind::Customer), tally(0, 0, 4, 0, 0));
}

#[test]
fn merge_keeps_the_newer_record_and_never_deletes() {
    let merged = merge(&local(), &incoming().to_data()).unwrap();

    assert_eq!(
        merged.colleagues()[&kid("k-ben")].name.as_str(),
        "Benjamin Kollege"
    );
    assert!(merged.colleagues().contains_key(&kid("k-cem")));
    assert_eq!(
        merged.groups()[&gid("g-mueller")].name.as_str(),
        "Familie Müller",
        "same stamp: local kept"
    );
    assert_eq!(
        merged.customers()[&cid("c-hans")].name.as_str(),
        "Johann Müller",
        "newer wins"
    );
    assert_eq!(
        merged.persons()[&pid("p-hans")].notes,
        "lokal",
        "local is newer"
    );

    for g in ["g-mueller", "g-bau", "g-neu"] {
        assert!(merged.groups().contains_key(&gid(g)), "{g}");
    }
    for c in ["c-hans", "c-erika", "c-bau", "c-owner", "c-neu"] {
        assert!(merged.customers().contains_key(&cid(c)), "{c}");
    }
    assert_eq!(merged.persons().len(), 5);
    assert_eq!(merged.colleagues().len(), 3);
    assert_eq!(
        merged.groups()[&gid("g-bau")],
        local().groups()[&gid("g-bau")],
        "local-only records stay as they are"
    );

    assert_eq!(
        merged.settings().me,
        Some(kid("k-anna")),
        "this device's profile stays"
    );
    assert_consistent(&merged);
    assert!(preview(&merged, &incoming().to_data()).is_noop());
}

#[test]
fn merge_takes_the_incoming_profile_when_none_is_set() {
    let mut book = local();
    book.set_me(None).unwrap();
    let merged = merge(&book, &incoming().to_data()).unwrap();
    assert_eq!(merged.settings().me, Some(kid("k-cem")));
}

#[test]
fn merge_drops_a_lead_that_moved_to_another_group() {
    // Elsewhere c-hans, the lead of g-mueller, moved to g-bau; locally g-mueller was edited
    // after that, still naming c-hans as its lead.
    let mut other = small_book();
    other
        .move_customer(&cid("c-hans"), &gid("g-bau"), at(30))
        .unwrap();
    let mut book = small_book();
    let mut mueller = book.groups()[&gid("g-mueller")].clone();
    mueller.notes = "lokal bearbeitet".into();
    mueller.updated_at = at(40);
    book.upsert_group(mueller).unwrap();

    let merged = merge(&book, &other.to_data()).unwrap();
    assert_eq!(merged.customers()[&cid("c-hans")].group, gid("g-bau"));
    let g = &merged.groups()[&gid("g-mueller")];
    assert_eq!(g.notes, "lokal bearbeitet");
    assert_eq!(g.lead, None);
    assert_consistent(&merged);
}

#[test]
fn merging_into_an_empty_book_gives_the_incoming_book() {
    assert_eq!(
        merge(&Book::default(), &incoming().to_data()),
        Ok(incoming())
    );
    assert_eq!(merge(&local(), &Book::default().to_data()), Ok(local()));
}

#[test]
fn every_record_that_differs_is_listed_field_by_field() {
    let p = preview(&local(), &incoming().to_data());
    let listed: Vec<(RecordKind, &str, Side)> = p
        .conflicts()
        .iter()
        .map(|c| (c.kind, c.id.as_str(), c.default_side()))
        .collect();
    assert_eq!(
        listed,
        [
            (RecordKind::Colleague, "k-ben", Side::Theirs),
            (RecordKind::Group, "g-mueller", Side::Mine),
            (RecordKind::Customer, "c-hans", Side::Theirs),
            (RecordKind::Person, "p-hans", Side::Mine),
        ]
    );
    let hans = &p.conflicts()[2];
    assert_eq!(hans.title, "Hans Müller");
    assert_eq!(
        hans.fields.len(),
        1,
        "updated_at is not a difference of its own"
    );
    assert_eq!(hans.fields[0].field, "name");
    assert_eq!(hans.fields[0].mine, Some(json!("Hans Müller")));
    assert_eq!(hans.fields[0].theirs, Some(json!("Johann Müller")));
    // A field set on one side only.
    let notes = &p.conflicts()[3].fields[0];
    assert_eq!(
        (notes.mine.clone(), notes.theirs.clone()),
        (Some(json!("lokal")), Some(json!("fremd")))
    );
}

#[test]
fn a_choice_overrides_the_newer_copy() {
    let choices = Choices::from([
        ((RecordKind::Customer, "c-hans".to_owned()), Side::Mine),
        ((RecordKind::Person, "p-hans".to_owned()), Side::Theirs),
    ]);
    let p = preview(&local(), &incoming().to_data());
    assert_eq!(
        p.tally_with(RecordKind::Customer, &choices),
        tally(1, 0, 1, 1, 2)
    );
    assert_eq!(
        p.tally_with(RecordKind::Person, &choices),
        tally(1, 1, 1, 0, 2)
    );
    assert_eq!(
        p.tally_with(RecordKind::Colleague, &choices),
        p.tally(RecordKind::Colleague)
    );
    let merged = merge_with(&local(), &incoming().to_data(), &choices).unwrap();
    assert_eq!(
        merged.customers()[&cid("c-hans")].name.as_str(),
        "Hans Müller"
    );
    assert_eq!(merged.persons()[&pid("p-hans")].notes, "fremd");
    // The records without a choice still follow the default.
    assert_eq!(
        merged.colleagues()[&kid("k-ben")].name.as_str(),
        "Benjamin Kollege"
    );
    assert_consistent(&merged);
}

#[test]
fn a_partial_file_may_refer_to_records_of_this_book() {
    let book = small_book();
    let mut part = select(&book, &BTreeSet::from([gid("g-mueller")]));
    assert!(!part.colleagues.is_empty());
    // A file without the advisor's record: the local book has it.
    part.colleagues.clear();
    let merged = merge(&book, &part).unwrap();
    assert_eq!(merged, book);
    // Into a book that lacks it, the reference is refused.
    let mut other = small_book().to_data();
    other.groups.retain(|g| g.id != gid("g-mueller"));
    other.customers.retain(|c| c.group != gid("g-mueller"));
    other
        .persons
        .retain(|p| other.customers.iter().any(|c| c.id == p.customer));
    other.colleagues.retain(|c| c.id != kid("k-anna"));
    other.settings.me = None;
    let other = Book::from_data(other).unwrap();
    let problems = merge(&other, &part).unwrap_err();
    assert!(
        problems
            .iter()
            .any(|p| matches!(p, Problem::UnknownAdvisor { group, .. } if group == "g-mueller")),
        "{problems:?}"
    );
}

// ---- properties ----------------------------------------------------------------------------

fn sample(advisors: usize, customers: usize, seed: u64, minutes: i64) -> Book {
    generate(
        SampleSize {
            advisors,
            customers_per_advisor: customers,
            history_days: 365,
        },
        seed,
        at(minutes),
    )
}

/// Two books that overlap: the same seed gives the same ids, a later stamp makes them newer.
fn pair() -> impl Strategy<Value = (Book, Book)> {
    (
        any::<u64>(),
        1..3usize,
        1..3usize,
        5..40usize,
        5..40usize,
        prop::sample::select(vec![0i64, 10]),
        any::<bool>(),
    )
        .prop_map(|(seed, adv_a, adv_b, cust_a, cust_b, later, same_seed)| {
            let seed_b = if same_seed {
                seed
            } else {
                seed.wrapping_add(1)
            };
            (
                sample(adv_a, cust_a, seed, 0),
                sample(adv_b, cust_b, seed_b, later),
            )
        })
}

fn check_tally(
    t: Tally,
    local: usize,
    incoming: usize,
    merged: usize,
) -> Result<(), TestCaseError> {
    prop_assert_eq!(t.added + t.changed + t.unchanged + t.kept, incoming);
    prop_assert_eq!(t.changed + t.unchanged + t.kept + t.only_local, local);
    prop_assert_eq!(local + t.added, merged);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]

    #[test]
    fn merging_a_book_with_itself_changes_nothing((a, _) in pair()) {
        prop_assert_eq!(merge(&a, &a.to_data()), Ok(a.clone()));
        prop_assert!(preview(&a, &a.to_data()).is_noop());
    }

    #[test]
    fn merging_into_nothing_gives_the_import((_, b) in pair()) {
        prop_assert_eq!(merge(&Book::default(), &b.to_data()), Ok(b));
    }

    #[test]
    fn merging_twice_is_merging_once((a, b) in pair()) {
        let once = merge(&a, &b.to_data()).unwrap();
        prop_assert_eq!(merge(&once, &b.to_data()), Ok(once.clone()));
        prop_assert!(preview(&once, &b.to_data()).is_noop());
    }

    #[test]
    fn merge_keeps_everything_and_preview_adds_up((a, b) in pair()) {
        let m = merge(&a, &b.to_data()).unwrap();
        let p = preview(&a, &b.to_data());
        check_tally(p.tally(RecordKind::Colleague), a.colleagues().len(), b.colleagues().len(), m.colleagues().len())?;
        check_tally(p.tally(RecordKind::Group), a.groups().len(), b.groups().len(), m.groups().len())?;
        check_tally(p.tally(RecordKind::Customer), a.customers().len(), b.customers().len(), m.customers().len())?;
        check_tally(p.tally(RecordKind::Person), a.persons().len(), b.persons().len(), m.persons().len())?;
        for (id, mine) in a.customers() {
            let kept = &m.customers()[id];
            match b.customers().get(id) {
                Some(theirs) if theirs.updated_at > mine.updated_at => prop_assert_eq!(kept, theirs),
                _ => prop_assert_eq!(kept, mine),
            }
        }
        prop_assert_eq!(&m.settings().me, &a.settings().me);
        prop_assert_eq!(Book::from_data(m.to_data()), Ok(m));
    }
}

//! Key accounts on the book: the list with its counts, the buying center's order, colleagues
//! the account names must exist, a deleted colleague leaves the account, and a partial export
//! takes the account's colleagues along.

use crate::common::*;
use chrono::NaiveDate;
use kontaktnetz::domain::book::{Book, Problem, RecordKind};
use kontaktnetz::domain::exchange::selection::select;
use kontaktnetz::domain::key_accounts::{buying_center, list, KeyAccount, TeamMember};
use kontaktnetz::domain::text::Influence;
use kontaktnetz::domain::vocab::{AccountTier, Attitude, BankRole, ContactOutcome};
use std::collections::BTreeSet;

fn day(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

fn account(tier: AccountTier) -> KeyAccount {
    KeyAccount {
        tier,
        manager: Some(kid("k-anna")),
        deputy: Some(kid("k-ben")),
        team: vec![TeamMember {
            colleague: kid("k-vorstand"),
            role: BankRole::Board,
        }],
    }
}

/// The small book with a board member, Bau Schäfer as Key Account and the Müllers as Target.
fn book() -> Book {
    let mut book = small_book();
    book.upsert_colleague(colleague("k-vorstand", "Vera Vorstand"));
    for (g, tier) in [
        ("g-bau", AccountTier::Key),
        ("g-mueller", AccountTier::Target),
    ] {
        let mut group = book.groups()[&gid(g)].clone();
        group.key_account = Some(account(tier));
        book.upsert_group(group).unwrap();
    }
    let people = [
        ("p-chef", Some(9), Some(Attitude::Critic)),
        ("p-buch", Some(4), Some(Attitude::Supporter)),
    ];
    for (p, influence, attitude) in people {
        let mut person = book.persons()[&pid(p)].clone();
        person.influence = influence.map(|i| Influence::new(i).unwrap());
        person.attitude = attitude;
        book.upsert_person(person).unwrap();
    }
    book
}

#[test]
fn the_list_orders_by_tier_and_counts_people_and_this_years_reached_contacts() {
    let mut book = book();
    let mut missed = talk("t-3", "g-bau", "2026-10-01");
    missed.outcome = Some(ContactOutcome::NotReached);
    for contact in [
        talk("t-1", "g-bau", "2025-12-20"),
        talk("t-2", "g-bau", "2026-03-04"),
        missed,
        talk("t-4", "g-bau", "2026-12-24"),
    ] {
        book.record_contact(contact, None, None, at(1)).unwrap();
    }
    let rows = list(&book, day("2026-11-30"));
    let names: Vec<&str> = rows.iter().map(|r| r.group.name.as_str()).collect();
    assert_eq!(
        names,
        ["Bau Schäfer GmbH", "Familie Müller"],
        "Key before Target"
    );
    let bau = &rows[0];
    assert_eq!((bau.persons, bau.supporters, bau.critics), (2, 1, 1));
    assert_eq!(
        bau.contacts_this_year, 1,
        "reached, this year, not in the future"
    );
    assert_eq!(bau.last_contact, Some(day("2026-03-04")));
    let mut plain = book.groups()[&gid("g-mueller")].clone();
    plain.key_account = None;
    book.upsert_group(plain).unwrap();
    assert_eq!(list(&book, day("2026-11-30")).len(), 1);
}

#[test]
fn the_buying_center_puts_the_most_influential_first_and_unknown_last() {
    let mut book = book();
    let mut owner = person("p-owner", "c-owner", "Otto Schäfer jun.");
    owner.influence = None;
    book.upsert_person(owner).unwrap();
    let order: Vec<&str> = buying_center(&book, &gid("g-bau"))
        .iter()
        .map(|p| p.id.as_str())
        .collect();
    assert_eq!(order, ["p-chef", "p-buch", "p-owner"]);
}

#[test]
fn an_account_names_only_colleagues_of_the_book() {
    let mut book = book();
    let mut group = book.groups()[&gid("g-bau")].clone();
    group.key_account.as_mut().unwrap().deputy = Some(kid("k-niemand"));
    assert_eq!(
        book.upsert_group(group.clone()),
        Err(Problem::UnknownReference {
            kind: RecordKind::Group,
            id: "g-bau".into(),
            target: RecordKind::Colleague,
            target_id: "k-niemand".into()
        })
    );
    let broken = data_with(&book, |d| {
        let g = d.groups.iter_mut().find(|g| g.id == gid("g-bau")).unwrap();
        *g = group;
    });
    assert!(
        Book::from_data(broken).is_err(),
        "a file naming an unknown colleague is refused"
    );
}

#[test]
fn a_deleted_colleague_leaves_every_account() {
    let mut book = book();
    assert!(book.delete_colleague(&kid("k-vorstand"), at(5)));
    assert!(book.delete_colleague(&kid("k-ben"), at(5)));
    let bau = &book.groups()[&gid("g-bau")];
    let k = bau.key_account.as_ref().unwrap();
    assert_eq!(k.manager, Some(kid("k-anna")));
    assert_eq!((k.deputy.clone(), k.team.len()), (None, 0));
    assert_eq!(bau.updated_at, at(5));
    assert_consistent(&book);
}

#[test]
fn a_partial_export_takes_the_accounts_colleagues_along() {
    let book = book();
    let part = select(&book, &BTreeSet::from([gid("g-mueller")]));
    let names: BTreeSet<String> = part.colleagues.iter().map(|c| c.id.to_string()).collect();
    assert!(names.contains("k-vorstand"), "{names:?}");
    assert!(names.contains("k-ben"));
    assert!(Book::from_data(part).is_ok());
}

#[test]
fn a_team_names_a_colleague_once() {
    let mut book = book();
    let mut group = book.groups()[&gid("g-bau")].clone();
    let account = group.key_account.as_mut().unwrap();
    account.team.push(TeamMember {
        colleague: kid("k-vorstand"),
        role: BankRole::Specialist,
    });
    assert_eq!(
        book.upsert_group(group.clone()),
        Err(Problem::TeamTwice {
            group: "g-bau".into(),
            colleague: "k-vorstand".into()
        })
    );
    let file = data_with(&book, |d| {
        let g = d.groups.iter_mut().find(|g| g.id == gid("g-bau")).unwrap();
        *g = group;
    });
    assert!(Book::from_data(file).is_err());
}

#[test]
fn a_folded_group_hands_its_account_to_the_group_that_stays() {
    let mut book = book();
    let mut mueller = book.groups()[&gid("g-mueller")].clone();
    mueller.key_account = None;
    book.upsert_group(mueller).unwrap();
    book.fold_group_into(&gid("g-bau"), &gid("g-mueller"), at(9))
        .unwrap();
    let k = book.groups()[&gid("g-mueller")]
        .key_account
        .clone()
        .unwrap();
    assert_eq!(k.tier, AccountTier::Key, "the account is not lost");
    assert_eq!(k.team.len(), 1);

    // Both accounts: the staying one keeps its tier, the team grows without repeats.
    let mut book = self::book();
    let mut bau = book.groups()[&gid("g-bau")].clone();
    bau.key_account.as_mut().unwrap().team.push(TeamMember {
        colleague: kid("k-ben"),
        role: BankRole::Specialist,
    });
    book.upsert_group(bau).unwrap();
    book.fold_group_into(&gid("g-bau"), &gid("g-mueller"), at(9))
        .unwrap();
    let k = book.groups()[&gid("g-mueller")]
        .key_account
        .clone()
        .unwrap();
    assert_eq!(k.tier, AccountTier::Target);
    let team: Vec<&str> = k.team.iter().map(|m| m.colleague.as_str()).collect();
    assert_eq!(team, ["k-vorstand", "k-ben"]);
    assert_consistent(&book);
}

#[test]
fn a_hand_over_takes_the_management_along_when_the_advisor_managed() {
    let mut book = book();
    // Bau Schäfer: advisor k-ben, manager k-anna (stays); the Müllers: advisor and manager k-anna.
    kontaktnetz::domain::exchange::selection::hand_over(
        &mut book,
        &BTreeSet::from([gid("g-bau"), gid("g-mueller")]),
        &kid("k-vorstand"),
        at(3),
    )
    .unwrap();
    let manager = |g: &str| book.groups()[&gid(g)].key_account.clone().unwrap().manager;
    assert_eq!(manager("g-mueller"), Some(kid("k-vorstand")));
    assert_eq!(manager("g-bau"), Some(kid("k-anna")));
}

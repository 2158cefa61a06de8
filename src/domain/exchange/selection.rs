//! Part of a book for a colleague: chosen groups with everything that hangs on them, so the
//! file stands on its own when it is merged into another book.

use crate::domain::book::{Book, BookData, Problem, Removed};
use crate::domain::ids::{ColleagueId, GroupId};
use crate::domain::model::{Settings, Timestamp};
use crate::domain::vocab::Department;
use std::collections::BTreeSet;

/// The groups `ids` (unknown ids are skipped) with their customers, contact persons,
/// castings, contacts and planned contacts, the colleagues these refer to (advisor, colleagues
/// who took part or take a planned contact on, co-serving colleagues of the departments the
/// current casting names) and the book's casting, contact and monitoring settings. Not in
/// it: call parties (the advisor's own working state) and the device's own profile (`me`),
/// which belongs to the receiving book.
pub fn select(book: &Book, ids: &BTreeSet<GroupId>) -> BookData {
    let mut data = BookData {
        settings: Settings {
            me: None,
            ..book.settings().clone()
        },
        ..BookData::default()
    };
    let mut colleagues = BTreeSet::<&ColleagueId>::new();
    let mut departments = BTreeSet::<Department>::new();
    for id in ids {
        let Some(group) = book.groups().get(id) else {
            continue;
        };
        data.groups.push(group.clone());
        colleagues.extend(&group.advisor);
        colleagues.extend(group.key_account.iter().flat_map(|k| k.colleagues()));
        for customer in book.members(id) {
            data.customers.push(customer.clone());
            data.persons.extend(book.persons_of(&customer.id).cloned());
        }
        data.castings
            .extend(book.castings_of(id).into_iter().cloned());
        if let Some(current) = book.current_casting(id) {
            departments.extend(current.departments.iter().copied());
        }
        for contact in book.contacts_of(id) {
            colleagues.extend(&contact.bank);
            data.contacts.push(contact.clone());
        }
        for planned in book.planned_of(id) {
            colleagues.extend(&planned.who);
            data.planned.push(planned.clone());
        }
    }
    data.colleagues = book
        .colleagues()
        .values()
        .filter(|c| {
            colleagues.contains(&c.id) || c.serves.is_some_and(|d| departments.contains(&d))
        })
        .cloned()
        .collect();
    data
}

/// Hands `ids` to the colleague `to`: each becomes their advisor, stamped `now`, so the
/// change wins when the colleague's and this book meet again.
pub fn hand_over(
    book: &mut Book,
    ids: &BTreeSet<GroupId>,
    to: &ColleagueId,
    now: Timestamp,
) -> Result<(), Problem> {
    for id in ids {
        if let Some(group) = book.groups().get(id) {
            let mut group = group.clone();
            // A key account managed by the advisor who hands it over goes with the group.
            if let Some(account) = &mut group.key_account {
                if account.manager.is_some() && account.manager == group.advisor {
                    account.manager = Some(to.clone());
                }
            }
            group.advisor = Some(to.clone());
            group.updated_at = now;
            book.upsert_group(group)?;
        }
    }
    Ok(())
}

/// Removes `ids` with everything attached, after they were handed over.
pub fn remove(book: &mut Book, ids: &BTreeSet<GroupId>, now: Timestamp) -> Removed {
    let mut all = Removed::default();
    for id in ids {
        all += book.delete_group(id, now);
    }
    all
}

/// The groups `advisor` advises.
pub fn advised_by(book: &Book, advisor: &ColleagueId) -> BTreeSet<GroupId> {
    book.groups()
        .values()
        .filter(|g| g.advisor.as_ref() == Some(advisor))
        .map(|g| g.id.clone())
        .collect()
}

/// The groups whose current casting calls in `department`.
pub fn served_by(book: &Book, department: Department) -> BTreeSet<GroupId> {
    book.groups()
        .keys()
        .filter(|g| {
            book.current_casting(g)
                .is_some_and(|c| c.departments.contains(&department))
        })
        .cloned()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::book::RecordKind;
    use crate::domain::sample::{generate, SampleSize};

    fn sample() -> Book {
        let now = chrono::DateTime::parse_from_rfc3339("2026-11-30T09:00:00Z").unwrap();
        generate(SampleSize::ADVISOR, 7, now.to_utc())
    }

    #[test]
    fn a_selection_stands_on_its_own() {
        let book = sample();
        let ids: BTreeSet<GroupId> = book.groups().keys().step_by(7).cloned().collect();
        let data = select(&book, &ids);
        assert_eq!(data.groups.len(), ids.len());
        assert!(data.parties.is_empty());
        assert_eq!(data.settings.me, None);
        let part = Book::from_data(data.clone()).expect("no dangling reference");
        for id in &ids {
            assert_eq!(part.member_count(id), book.member_count(id));
            assert_eq!(part.contacts_of(id).len(), book.contacts_of(id).len());
            assert_eq!(part.castings_of(id).len(), book.castings_of(id).len());
            assert_eq!(part.planned_of(id).len(), book.planned_of(id).len());
        }
        // Nothing of the other groups.
        for kind in [RecordKind::Customer, RecordKind::Contact] {
            let all = match kind {
                RecordKind::Customer => data.customers.iter().all(|c| ids.contains(&c.group)),
                _ => data.contacts.iter().all(|c| ids.contains(&c.group)),
            };
            assert!(all, "{kind:?}");
        }
        assert!(data.colleagues.len() < book.colleagues().len());
    }

    #[test]
    fn every_colleague_taking_part_comes_along() {
        let book = sample();
        let ids: BTreeSet<GroupId> = book.groups().keys().take(20).cloned().collect();
        let data = select(&book, &ids);
        let have: BTreeSet<&ColleagueId> = data.colleagues.iter().map(|c| &c.id).collect();
        for c in &data.contacts {
            for k in c.bank.iter().filter(|k| book.colleagues().contains_key(*k)) {
                assert!(have.contains(k), "{k}");
            }
        }
        for g in &data.groups {
            assert!(g.advisor.iter().all(|a| have.contains(a)));
        }
    }

    #[test]
    fn unknown_ids_and_empty_selections_give_an_empty_part() {
        let book = sample();
        let data = select(&book, &BTreeSet::from(["g-gibt-es-nicht".parse().unwrap()]));
        assert!(data.groups.is_empty() && data.customers.is_empty() && data.colleagues.is_empty());
    }

    #[test]
    fn a_hand_over_names_the_new_advisor_and_removal_leaves_no_trace() {
        let mut book = sample();
        let me = book.settings().me.clone().unwrap();
        let to = book
            .colleagues()
            .keys()
            .find(|k| **k != me)
            .unwrap()
            .clone();
        let ids: BTreeSet<GroupId> = advised_by(&book, &me).into_iter().take(3).collect();
        let later = book.groups().values().map(|g| g.updated_at).max().unwrap()
            + chrono::Duration::minutes(1);
        hand_over(&mut book, &ids, &to, later).unwrap();
        for id in &ids {
            assert_eq!(book.groups()[id].advisor.as_ref(), Some(&to));
            assert_eq!(book.groups()[id].updated_at, later);
        }
        let part = select(&book, &ids);
        assert!(part.colleagues.iter().any(|c| c.id == to));
        let members: usize = ids.iter().map(|g| book.member_count(g)).sum();
        let removed = remove(&mut book, &ids, later);
        assert_eq!((removed.groups, removed.customers), (3, members));
        assert!(ids.iter().all(|g| !book.groups().contains_key(g)));
        assert!(book.customers().values().all(|c| !ids.contains(&c.group)));
        assert!(book.contacts().values().all(|c| !ids.contains(&c.group)));
        assert_eq!(Book::from_data(book.to_data()), Ok(book));
    }

    #[test]
    fn by_advisor_and_by_department() {
        let book = sample();
        let me = book.settings().me.clone().expect("sample has a profile");
        let mine = advised_by(&book, &me);
        assert_eq!(mine.len(), book.advised_by(&me));
        let dept = book
            .castings()
            .values()
            .find_map(|c| c.departments.first().copied())
            .expect("sample castings name departments");
        let served = served_by(&book, dept);
        assert!(!served.is_empty());
        for g in &served {
            assert!(book.current_casting(g).unwrap().departments.contains(&dept));
        }
    }
}

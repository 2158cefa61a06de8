//! A customer's or contact person's rights under the GDPR (DSGVO): what the book holds about
//! them (Auskunft, Art. 15) and removing them everywhere (Löschung, Art. 17).

use crate::domain::book::{Book, Removed};
use crate::domain::casting::Casting;
use crate::domain::contact::party::Call;
use crate::domain::contact::{Contact, Planned};
use crate::domain::ids::{CustomerId, GroupId, PersonId};
use crate::domain::model::{ContactPerson, Customer, Group, Timestamp};
use chrono::NaiveDate;
use serde::Serialize;

/// Whose data: a customer (with their contact persons) or one contact person.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Subject {
    Customer(CustomerId),
    Person(PersonId),
}

/// A call of a call party, with the party's day.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DatedCall {
    #[serde(with = "crate::domain::time_format::date")]
    pub date: NaiveDate,
    pub call: Call,
}

/// Everything the book holds about a subject. For a customer who is the only member of
/// their group, the group's castings, contacts and planned contacts are about them too.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Disclosure {
    pub group: Group,
    pub customer: Customer,
    /// The person asked about, or every contact person of the customer.
    pub persons: Vec<ContactPerson>,
    pub contacts: Vec<Contact>,
    pub planned: Vec<Planned>,
    pub castings: Vec<Casting>,
    pub calls: Vec<DatedCall>,
}

/// The customer the subject is, or is a contact person at.
fn customer_of<'a>(book: &'a Book, subject: &Subject) -> Option<&'a Customer> {
    let id = match subject {
        Subject::Customer(id) => id,
        Subject::Person(id) => &book.persons().get(id)?.customer,
    };
    book.customers().get(id)
}

fn took_part(persons: &[ContactPerson], contact: &Contact) -> bool {
    contact
        .people
        .iter()
        .any(|p| persons.iter().any(|q| q.id == *p))
}

/// Whether the customer is the only member of the group: then the group is about them.
fn alone(book: &Book, customer: &Customer) -> bool {
    book.member_count(&customer.group) == 1
}

pub fn disclose(book: &Book, subject: &Subject) -> Option<Disclosure> {
    let customer = customer_of(book, subject)?;
    let group = book.groups().get(&customer.group)?;
    let persons: Vec<ContactPerson> = match subject {
        Subject::Customer(id) => book.persons_of(id).cloned().collect(),
        Subject::Person(id) => book.persons().get(id).cloned().into_iter().collect(),
    };
    let whole_group = matches!(subject, Subject::Customer(_)) && alone(book, customer);
    // Over all contacts: a person keeps their place in contacts of a group their customer
    // has left.
    let mut contacts: Vec<Contact> = book
        .contacts()
        .values()
        .filter(|c| (whole_group && c.group == group.id) || took_part(&persons, c))
        .cloned()
        .collect();
    crate::domain::sort::sort_by_key(&mut contacts, |c| (c.at, c.id.clone()));
    let (planned, castings) = if whole_group {
        (
            book.planned_of(&group.id).into_iter().cloned().collect(),
            book.castings_of(&group.id).into_iter().cloned().collect(),
        )
    } else {
        (Vec::new(), Vec::new())
    };
    let calls = book
        .parties()
        .values()
        .flat_map(|party| {
            party
                .calls
                .iter()
                .filter(|call| persons.iter().any(|p| p.id == call.person))
                .map(|call| DatedCall {
                    date: party.date,
                    call: call.clone(),
                })
        })
        .collect();
    Some(Disclosure {
        group: group.clone(),
        customer: customer.clone(),
        persons,
        contacts,
        planned,
        castings,
        calls,
    })
}

/// What an erasure removed or changed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Erasure {
    /// Records deleted; a customer alone in their group takes the group with them.
    pub removed: Removed,
    /// Contacts that kept their other participants but lost this one.
    pub contacts_changed: usize,
    pub calls_removed: usize,
}

/// Removes the subject everywhere: the records, their place among the participants of
/// contacts, and the call-party calls to them. Nothing, when the subject does not exist.
pub fn erase(book: &mut Book, subject: &Subject, now: Timestamp) -> Erasure {
    let Some(customer) = customer_of(book, subject).cloned() else {
        return Erasure::default();
    };
    let persons: Vec<PersonId> = match subject {
        Subject::Customer(id) => book.persons_of(id).map(|p| p.id.clone()).collect(),
        Subject::Person(id) => vec![id.clone()],
    };
    let whole_group = matches!(subject, Subject::Customer(_)) && alone(book, &customer);
    // Contacts of a group that goes with the customer are removed, not changed.
    let contacts_changed = book
        .contacts()
        .values()
        .filter(|c| !(whole_group && c.group == customer.group))
        .filter(|c| persons.iter().any(|p| c.people.contains(p)))
        .count();
    let mut erasure = Erasure {
        contacts_changed,
        ..Erasure::default()
    };
    for person in &persons {
        erasure.calls_removed += book.forget_person(person, now).1;
    }
    erasure.removed = match subject {
        _ if whole_group => book.delete_group(&customer.group, now),
        Subject::Customer(id) => book.delete_customer(id, now),
        Subject::Person(id) => book.delete_person(id),
    };
    erasure
}

/// The group a subject belongs to, for the page to return to.
pub fn group_of(book: &Book, subject: &Subject) -> Option<GroupId> {
    customer_of(book, subject).map(|c| c.group.clone())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::sample::{generate, SampleSize};

    fn sample() -> Book {
        let now = chrono::DateTime::parse_from_rfc3339("2026-11-30T09:00:00Z").unwrap();
        generate(SampleSize::ADVISOR, 7, now.to_utc())
    }

    fn now() -> Timestamp {
        chrono::DateTime::parse_from_rfc3339("2026-11-30T10:00:00Z")
            .unwrap()
            .to_utc()
    }

    /// A contact person who took part in a contact, at a customer with company in the group.
    fn busy_person(book: &Book) -> PersonId {
        book.contacts()
            .values()
            .flat_map(|c| c.people.iter())
            .find(|p| {
                book.persons()
                    .get(*p)
                    .and_then(|p| book.customers().get(&p.customer))
                    .is_some_and(|c| book.member_count(&c.group) > 1)
            })
            .cloned()
            .expect("the sample has such a person")
    }

    #[test]
    fn a_disclosure_holds_the_person_and_every_contact_they_took_part_in() {
        let book = sample();
        let person = busy_person(&book);
        let d = disclose(&book, &Subject::Person(person.clone())).unwrap();
        assert_eq!(d.persons.len(), 1);
        assert_eq!(d.persons[0].id, person);
        let took_part = book
            .contacts()
            .values()
            .filter(|c| c.people.contains(&person))
            .count();
        assert_eq!(d.contacts.len(), took_part);
        assert!(took_part > 0);
        assert!(
            d.castings.is_empty(),
            "the group's castings are not about one person"
        );
        assert_eq!(d.customer.id, book.persons()[&person].customer);
    }

    #[test]
    fn erasing_a_person_leaves_no_trace() {
        let mut book = sample();
        let person = busy_person(&book);
        let before = book
            .contacts()
            .values()
            .filter(|c| c.people.contains(&person))
            .count();
        let erasure = erase(&mut book, &Subject::Person(person.clone()), now());
        assert_eq!(erasure.removed.persons, 1);
        assert_eq!(erasure.contacts_changed, before);
        assert!(!book.persons().contains_key(&person));
        let text = serde_json::to_string(&book.to_data()).unwrap();
        assert!(
            !text.contains(person.as_str()),
            "no reference left anywhere"
        );
        assert_eq!(Book::from_data(book.to_data()), Ok(book.clone()));
        assert_eq!(
            erase(&mut book, &Subject::Person(person), now()),
            Erasure::default()
        );
    }

    #[test]
    fn erasing_a_customer_alone_in_their_group_takes_the_group() {
        let mut book = sample();
        let customer = book
            .customers()
            .values()
            .find(|c| book.member_count(&c.group) == 1 && !book.contacts_of(&c.group).is_empty())
            .unwrap()
            .clone();
        let d = disclose(&book, &Subject::Customer(customer.id.clone())).unwrap();
        assert_eq!(d.contacts.len(), book.contacts_of(&customer.group).len());
        let erasure = erase(&mut book, &Subject::Customer(customer.id.clone()), now());
        assert_eq!((erasure.removed.groups, erasure.removed.customers), (1, 1));
        assert_eq!(erasure.contacts_changed, 0);
        assert!(!book.groups().contains_key(&customer.group));
        let text = serde_json::to_string(&book.to_data()).unwrap();
        assert!(!text.contains(customer.id.as_str()));
        assert!(!text.contains(customer.group.as_str()));
    }
}

//! Import preview and merge: records match by stable id; the newer `updated_at` wins.

use super::book::{Book, BookData, Problem, RecordKind};
use super::model::Timestamp;
use std::collections::BTreeMap;

/// How one collection of an import compares with the book.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    /// In the file only.
    pub added: usize,
    /// In both; the file's copy is newer and differs.
    pub changed: usize,
    /// In both and identical.
    pub unchanged: usize,
    /// In both; the book's copy is as new or newer, so a merge keeps it.
    pub kept: usize,
    /// In the book only: a merge keeps them, a replace removes them.
    pub only_local: usize,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Preview {
    /// One tally per collection, in the order of [`RecordKind::ALL`].
    tallies: [Tally; 8],
}

impl Preview {
    pub fn tally(&self, kind: RecordKind) -> Tally {
        self.tallies[kind as usize]
    }

    /// True when a merge would change nothing.
    pub fn is_noop(&self) -> bool {
        self.tallies.iter().all(|t| t.added == 0 && t.changed == 0)
    }
}

/// A record that can take part in a merge.
trait Stamped: Clone + PartialEq {
    type Key: Ord + Clone;
    fn key(&self) -> &Self::Key;
    fn stamp(&self) -> Timestamp;
}

macro_rules! stamped {
    ($ty:ty, $key:ty) => {
        impl Stamped for $ty {
            type Key = $key;
            fn key(&self) -> &$key {
                &self.id
            }
            fn stamp(&self) -> Timestamp {
                self.updated_at
            }
        }
    };
}

stamped!(super::model::Colleague, super::ids::ColleagueId);
stamped!(super::model::Group, super::ids::GroupId);
stamped!(super::model::Customer, super::ids::CustomerId);
stamped!(super::model::ContactPerson, super::ids::PersonId);
stamped!(super::casting::Casting, super::ids::CastingId);
stamped!(super::contact::Contact, super::ids::ContactId);
stamped!(super::contact::Planned, super::ids::PlannedId);
stamped!(super::party::Party, super::ids::PartyId);

fn compare<T: Stamped>(local: &BTreeMap<T::Key, T>, incoming: &[T]) -> Tally {
    let mut tally = Tally::default();
    let mut seen = 0;
    for rec in incoming {
        match local.get(rec.key()) {
            None => tally.added += 1,
            Some(mine) => {
                seen += 1;
                if mine == rec {
                    tally.unchanged += 1;
                } else if rec.stamp() > mine.stamp() {
                    tally.changed += 1;
                } else {
                    tally.kept += 1;
                }
            }
        }
    }
    tally.only_local = local.len() - seen;
    tally
}

fn merge_into<T: Stamped>(local: &BTreeMap<T::Key, T>, incoming: Vec<T>) -> Vec<T> {
    let mut out = local.clone();
    for rec in incoming {
        let newer = out
            .get(rec.key())
            .is_none_or(|mine| rec.stamp() > mine.stamp());
        if newer {
            out.insert(rec.key().clone(), rec);
        }
    }
    out.into_values().collect()
}

/// What importing `incoming` would do to `book`.
pub fn preview(book: &Book, incoming: &Book) -> Preview {
    let data = incoming.to_data();
    let tallies = [
        compare(book.colleagues(), &data.colleagues),
        compare(book.groups(), &data.groups),
        compare(book.customers(), &data.customers),
        compare(book.persons(), &data.persons),
        compare(book.castings(), &data.castings),
        compare(book.contacts(), &data.contacts),
        compare(book.planned(), &data.planned),
        compare(book.parties(), &data.parties),
    ];
    Preview { tallies }
}

/// Merges `incoming` into `book`: new records are added, newer ones replace older ones,
/// nothing is deleted. The advisor's own profile stays as set on this device.
pub fn merge(book: &Book, incoming: &Book) -> Result<Book, Vec<Problem>> {
    let data = incoming.to_data();
    let mut settings = book.settings().clone();
    if settings.me.is_none() {
        settings.me = data.settings.me;
    }
    let mut merged = BookData {
        settings,
        colleagues: merge_into(book.colleagues(), data.colleagues),
        groups: merge_into(book.groups(), data.groups),
        customers: merge_into(book.customers(), data.customers),
        persons: merge_into(book.persons(), data.persons),
        castings: merge_into(book.castings(), data.castings),
        contacts: merge_into(book.contacts(), data.contacts),
        planned: merge_into(book.planned(), data.planned),
        parties: merge_into(book.parties(), data.parties),
    };
    Book::drop_stray_leads(&mut merged);
    Book::drop_stray_contact_links(&mut merged);
    Book::from_data(merged)
}

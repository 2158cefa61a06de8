//! What tells a group apart from others of the same name in a list ("Familie Becker" seven
//! times): its members, the lead's customer number, the last contact and the next planned one.

use crate::domain::book::Book;
use crate::domain::model::Group;
use chrono::NaiveDate;

/// How many member names a row shows.
const NAMED: usize = 3;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GroupMarks {
    /// Member names, the lead first, at most three.
    pub names: Vec<String>,
    /// Members beyond those named.
    pub more: usize,
    /// The lead's customer number, or else the first member's that has one.
    pub number: Option<String>,
    pub last_contact: Option<NaiveDate>,
    /// The earliest planned contact not yet done.
    pub next_planned: Option<NaiveDate>,
}

pub fn group_marks(book: &Book, group: &Group) -> GroupMarks {
    let lead = group.lead.as_ref().and_then(|l| book.customers().get(l));
    let members = lead.into_iter().chain(
        book.members(&group.id)
            .filter(|c| Some(&c.id) != group.lead.as_ref()),
    );
    let mut names = Vec::new();
    let mut number = None;
    let mut count = 0;
    for customer in members {
        count += 1;
        if names.len() < NAMED {
            names.push(customer.name.to_string());
        }
        if number.is_none() {
            number = customer.number.clone();
        }
    }
    GroupMarks {
        more: count - names.len(),
        names,
        number,
        last_contact: book.contacts_of(&group.id).first().map(|c| c.date()),
        next_planned: book
            .planned_of(&group.id)
            .into_iter()
            .find(|p| p.done.is_none())
            .map(|p| p.date),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::sample::{generate, SampleSize};
    use chrono::{TimeZone, Utc};

    fn sample() -> Book {
        generate(
            SampleSize::ADVISOR,
            1,
            Utc.with_ymd_and_hms(2026, 11, 30, 9, 0, 0).unwrap(),
        )
    }

    #[test]
    fn groups_of_the_same_name_are_told_apart() {
        let book = sample();
        let mut by_name: std::collections::BTreeMap<String, Vec<GroupMarks>> = Default::default();
        for g in book.groups().values() {
            by_name
                .entry(g.name.to_string())
                .or_default()
                .push(group_marks(&book, g));
        }
        let twins: Vec<_> = by_name.values().filter(|marks| marks.len() > 1).collect();
        assert!(!twins.is_empty(), "the sample has groups of the same name");
        for marks in twins {
            for (i, a) in marks.iter().enumerate() {
                for b in &marks[i + 1..] {
                    assert_ne!(a, b, "two groups of one name look the same");
                }
            }
        }
    }

    #[test]
    fn the_lead_comes_first_and_the_rest_is_counted() {
        let book = sample();
        let g = book
            .groups()
            .values()
            .find(|g| g.lead.is_some() && book.member_count(&g.id) > NAMED)
            .expect("a large group with a lead");
        let marks = group_marks(&book, g);
        let lead = &book.customers()[g.lead.as_ref().unwrap()];
        assert_eq!(marks.names[0], lead.name.to_string());
        assert_eq!(marks.names.len(), NAMED);
        assert_eq!(marks.more, book.member_count(&g.id) - NAMED);
    }
}

//! What a CSV customer list does to the book, worked out in full before anything is
//! written: customers matched by customer number are updated in the mapped fields only,
//! new ones are created (grouped by the household column, else one group each), rows that
//! cannot be read are refused with their line. The caller shows the report and, once the
//! advisor confirms, takes the new book; until then the stored book is untouched.

use super::mapping::{Mapping, MappingError};
use super::rows::{number_key, read_row, Incoming, RowError, Values};
use super::table::Table;
use crate::domain::book::{Book, Problem};
use crate::domain::ids::{ColleagueId, CustomerId, GroupId};
use crate::domain::model::{Colleague, Customer, Group, Occasion, Timestamp};
use crate::domain::records::field_differences;
use crate::domain::text::{fold, Name};
use crate::domain::vocab::{CustomerKind, OccasionKind, Segment};
use std::collections::BTreeMap;

/// Choices for customers the file brings new.
#[derive(Clone, Debug, PartialEq)]
pub struct Options {
    /// The segment of a new customer whose row names none.
    pub segment: Segment,
    /// The advisor of a new group whose row names none (usually the device's owner).
    pub advisor: Option<ColleagueId>,
}

/// A row's fate, with its line in the file.
#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    pub added: Vec<Added>,
    pub updated: Vec<Updated>,
    /// Lines of customers whose mapped fields already hold the file's values.
    pub unchanged: Vec<usize>,
    pub refused: Vec<(usize, RowError)>,
    /// Lines whose consent was not taken because the book's statement is newer.
    pub consent_kept: Vec<usize>,
    pub new_groups: usize,
    /// Advisors named in the file and not yet in the book: added as colleagues.
    pub new_colleagues: Vec<Name>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Added {
    pub line: usize,
    pub id: CustomerId,
    pub name: Name,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Updated {
    pub line: usize,
    pub id: CustomerId,
    pub name: Name,
    /// The changed fields by their export names ("street", "consent").
    pub fields: Vec<String>,
}

/// The book as it would be after the import, and what happened to each row.
#[derive(Clone, Debug)]
pub struct Outcome {
    pub book: Book,
    pub report: Report,
}

/// Works out the import. `entropy` supplies new ids (the shell owns randomness).
pub fn import(
    book: &Book,
    table: &Table,
    mapping: &Mapping,
    values: &Values,
    options: &Options,
    entropy: &mut impl FnMut() -> u64,
    now: Timestamp,
) -> Result<Outcome, MappingError> {
    mapping.check()?;
    let mut report = Report {
        added: Vec::new(),
        updated: Vec::new(),
        unchanged: Vec::new(),
        refused: Vec::new(),
        consent_kept: Vec::new(),
        new_groups: 0,
        new_colleagues: Vec::new(),
    };
    let by_number = numbers(book);
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    let mut matched = Vec::new();
    let mut fresh = Vec::new();
    for row in &table.rows {
        let incoming = read_row(row, mapping, values).and_then(|i| {
            let key = number_key(&i.number);
            if let Some(&first_line) = seen.get(&key) {
                return Err(RowError::Repeated { first_line });
            }
            seen.insert(key.clone(), i.line);
            match by_number.get(&key) {
                Some(Some(id)) => Ok((Some(id.clone()), i)),
                Some(None) => Err(RowError::Ambiguous),
                None if i.name.is_none() => Err(RowError::NoName),
                None => Ok((None, i)),
            }
        });
        match incoming {
            Ok((Some(id), i)) => matched.push((id, i)),
            Ok((None, i)) => fresh.push(i),
            Err(e) => report.refused.push((row.line, e)),
        }
    }

    let mut next = book.clone();
    // Households of customers already here: a new member joins their group.
    let mut households: BTreeMap<String, GroupId> = BTreeMap::new();
    for (id, i) in &matched {
        if let (Some(key), Some(c)) = (&i.household, book.customers().get(id)) {
            households
                .entry(fold(key))
                .or_insert_with(|| c.group.clone());
        }
        let old = &book.customers()[id];
        let (new, consent_kept) = updated(old, i, now);
        if consent_kept {
            report.consent_kept.push(i.line);
        }
        let fields: Vec<String> = field_differences(old, &new)
            .into_iter()
            .map(|(f, ..)| f)
            .collect();
        if fields.is_empty() {
            report.unchanged.push(i.line);
        } else {
            report.updated.push(Updated {
                line: i.line,
                id: id.clone(),
                name: new.name.clone(),
                fields,
            });
            must(next.upsert_customer(new, now));
        }
    }

    let mut advisors = Advisors::of(book);
    for i in fresh {
        let Some(name) = i.name.clone() else {
            continue;
        };
        let key = i.household.as_deref().map(fold);
        let group = match key.as_ref().and_then(|k| households.get(k)) {
            Some(group) => group.clone(),
            None => {
                let advisor = match &i.advisor {
                    Some(who) => {
                        Some(advisors.find_or_add(who, &mut next, entropy, now, &mut report))
                    }
                    None => options.advisor.clone(),
                };
                let group = Group {
                    id: GroupId::generate(entropy()),
                    name: name.clone(),
                    segment: i.segment.unwrap_or(options.segment),
                    advisor,
                    lead: None,
                    notes: String::new(),
                    key_account: None,
                    created_at: now,
                    updated_at: now,
                };
                report.new_groups += 1;
                let id = group.id.clone();
                must(next.upsert_group(group));
                if let Some(k) = key {
                    households.insert(k, id.clone());
                }
                id
            }
        };
        let customer = created(&i, name, group, options, entropy(), now);
        report.added.push(Added {
            line: i.line,
            id: customer.id.clone(),
            name: customer.name.clone(),
        });
        must(next.upsert_customer(customer, now));
    }
    report.refused.sort_by_key(|(line, _)| *line);
    Ok(Outcome { book: next, report })
}

/// The records built here refer only to groups and colleagues just added or already in the
/// book, so the book's checks cannot fail.
fn must(result: Result<(), Problem>) {
    if let Err(p) = result {
        unreachable!("a CSV import built an inconsistent record: {p:?}")
    }
}

/// The book's customers by number key; `None` where two customers share one.
fn numbers(book: &Book) -> BTreeMap<String, Option<CustomerId>> {
    let mut out: BTreeMap<String, Option<CustomerId>> = BTreeMap::new();
    for c in book.customers().values() {
        if let Some(n) = &c.number {
            out.entry(number_key(n))
                .and_modify(|e| *e = None)
                .or_insert_with(|| Some(c.id.clone()));
        }
    }
    out
}

/// `old` with the row's values in the fields the row fills, and whether the book's consent
/// was kept as the newer statement.
fn updated(old: &Customer, i: &Incoming, now: Timestamp) -> (Customer, bool) {
    let mut c = old.clone();
    let consent_kept = !fill(&mut c, i);
    if let Some(name) = &i.name {
        c.name = name.clone();
    }
    if let Some(kind) = i.kind {
        c.kind = kind;
    }
    if let Some(segment) = i.segment {
        c.segment = segment;
    }
    if let Some(notes) = &i.notes {
        // Appended, never replacing: the advisor's own notes stay; a line already there is
        // not added again.
        if !c.notes.lines().any(|l| l.trim() == notes.trim()) {
            c.notes = if c.notes.is_empty() {
                notes.clone()
            } else {
                format!("{}\n{notes}", c.notes)
            };
        }
    }
    if c != *old {
        c.updated_at = now;
    }
    (c, consent_kept)
}

fn created(
    i: &Incoming,
    name: Name,
    group: GroupId,
    options: &Options,
    entropy: u64,
    now: Timestamp,
) -> Customer {
    let mut c = Customer {
        id: CustomerId::generate(entropy),
        group,
        kind: i.kind.unwrap_or(if i.is_company {
            CustomerKind::Company
        } else {
            CustomerKind::Person
        }),
        name,
        number: Some(i.number.clone()),
        street: None,
        postcode: None,
        town: None,
        phone: None,
        email: None,
        segment: i.segment.unwrap_or(options.segment),
        consent: Default::default(),
        no_contact_until: None,
        occasions: Vec::new(),
        notes: i.notes.clone().unwrap_or_default(),
        updated_at: now,
    };
    fill(&mut c, i);
    c
}

/// The fields a new and an updated customer take alike from the row; false where the row's
/// consent was not taken (the book's is newer).
fn fill(c: &mut Customer, i: &Incoming) -> bool {
    let set = |field: &mut Option<String>, value: &Option<String>| {
        if value.is_some() {
            field.clone_from(value);
        }
    };
    set(&mut c.street, &i.street);
    set(&mut c.postcode, &i.postcode);
    set(&mut c.town, &i.town);
    if i.phone.is_some() {
        c.phone.clone_from(&i.phone);
    }
    if i.email.is_some() {
        c.email.clone_from(&i.email);
    }
    let consent = i.consent_over(c.consent);
    if let Some(consent) = consent {
        c.consent = consent;
    }
    if let Some(day) = i.birthday {
        match c
            .occasions
            .iter_mut()
            .find(|o| o.kind == OccasionKind::Birthday)
        {
            Some(o) => o.date = day,
            None => c.occasions.push(Occasion {
                kind: OccasionKind::Birthday,
                date: day,
                label: String::new(),
            }),
        }
    }
    consent.is_some()
}

/// Colleagues by folded name, also as "Surname, First name" lists write them.
struct Advisors(BTreeMap<String, ColleagueId>);

/// "Müller, Eva" as "Eva Müller"; other names as they are.
fn turned(name: &str) -> String {
    match name.split_once(',') {
        Some((last, first)) => format!("{} {}", first.trim(), last.trim()),
        None => name.to_owned(),
    }
}

impl Advisors {
    fn of(book: &Book) -> Self {
        Self(
            book.colleagues()
                .values()
                .map(|c| (fold(c.name.as_str()), c.id.clone()))
                .collect(),
        )
    }

    fn find_or_add(
        &mut self,
        who: &Name,
        book: &mut Book,
        entropy: &mut impl FnMut() -> u64,
        now: Timestamp,
        report: &mut Report,
    ) -> ColleagueId {
        let key = fold(&turned(who.as_str()));
        if let Some(id) = self.0.get(&key) {
            return id.clone();
        }
        // Written as a name is written elsewhere in the book; a comma form that does not
        // turn into a valid name stays as given.
        let name = Name::parse(&turned(who.as_str())).unwrap_or_else(|_| who.clone());
        let colleague = Colleague {
            id: ColleagueId::generate(entropy()),
            name: name.clone(),
            department: None,
            serves: None,
            phone: None,
            email: None,
            updated_at: now,
        };
        let id = colleague.id.clone();
        self.0.insert(key, id.clone());
        report.new_colleagues.push(name);
        book.upsert_colleague(colleague);
        id
    }
}

//! The customer book: all records plus the derived membership indexes, kept consistent by the
//! only functions that change it.

use super::casting::Casting;
use super::ids::{CastingId, ColleagueId, CustomerId, GroupId, PersonId};
use super::model::{Colleague, ContactPerson, Customer, Group, Settings, Timestamp};
use super::scheme::{check_settings, CastingSettings, SchemeProblem};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Keeps an id list sorted and free of duplicates.
trait SortedIds<T: Ord> {
    fn insert_sorted(&mut self, id: T);
    fn remove_sorted(&mut self, id: &T);
}

impl<T: Ord> SortedIds<T> for Vec<T> {
    fn insert_sorted(&mut self, id: T) {
        if let Err(at) = self.binary_search(&id) {
            self.insert(at, id);
        }
    }

    fn remove_sorted(&mut self, id: &T) {
        if let Ok(at) = self.binary_search(id) {
            self.remove(at);
        }
    }
}

/// Files `id` under `parent` in a child index, taking it out of its `old` parent's list if
/// it moved.
fn file_under<P: Ord + Clone, C: Ord + Clone>(
    index: &mut BTreeMap<P, Vec<C>>,
    old: Option<&P>,
    parent: &P,
    id: &C,
) {
    if let Some(set) = old.filter(|o| *o != parent).and_then(|o| index.get_mut(o)) {
        set.remove_sorted(id);
    }
    index
        .entry(parent.clone())
        .or_default()
        .insert_sorted(id.clone());
}

/// The flat, serialisable form of a book: what export files and storage hold.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BookData {
    #[serde(default)]
    pub settings: Settings,
    #[serde(default)]
    pub colleagues: Vec<Colleague>,
    #[serde(default)]
    pub groups: Vec<Group>,
    #[serde(default)]
    pub customers: Vec<Customer>,
    #[serde(default)]
    pub persons: Vec<ContactPerson>,
    #[serde(default)]
    pub castings: Vec<Casting>,
}

/// Which collection a record belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RecordKind {
    Colleague,
    Group,
    Customer,
    Person,
    Casting,
}

impl RecordKind {
    pub const ALL: [RecordKind; 5] = [
        RecordKind::Colleague,
        RecordKind::Group,
        RecordKind::Customer,
        RecordKind::Person,
        RecordKind::Casting,
    ];
}

/// A broken rule found in book data. Imports list these; edits return one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    DuplicateId { kind: RecordKind, id: String },
    UnknownGroup { customer: String, group: String },
    UnknownCustomer { person: String, customer: String },
    UnknownAdvisor { group: String, advisor: String },
    LeadNotMember { group: String, lead: String },
    UnknownMe { colleague: String },
    UnknownRecord { kind: RecordKind, id: String },
    UnknownCastingGroup { casting: String, group: String },
    Scheme(SchemeProblem),
}

/// What a cascading delete removed, for the confirmation and undo message.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Removed {
    pub groups: usize,
    pub customers: usize,
    pub persons: usize,
    pub castings: usize,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Book {
    settings: Settings,
    colleagues: BTreeMap<ColleagueId, Colleague>,
    groups: BTreeMap<GroupId, Group>,
    customers: BTreeMap<CustomerId, Customer>,
    persons: BTreeMap<PersonId, ContactPerson>,
    castings: BTreeMap<CastingId, Casting>,
    /// Sorted id lists (Vecs rather than sets: same order, less code in the bundle).
    members: BTreeMap<GroupId, Vec<CustomerId>>,
    persons_of: BTreeMap<CustomerId, Vec<PersonId>>,
    castings_of: BTreeMap<GroupId, Vec<CastingId>>,
}

fn insert_unique<K: Ord + Clone + ToString, V>(
    map: &mut BTreeMap<K, V>,
    key: K,
    value: V,
    kind: RecordKind,
    problems: &mut Vec<Problem>,
) {
    match map.entry(key) {
        std::collections::btree_map::Entry::Occupied(e) => problems.push(Problem::DuplicateId {
            kind,
            id: e.key().to_string(),
        }),
        std::collections::btree_map::Entry::Vacant(e) => {
            e.insert(value);
        }
    }
}

impl Book {
    /// Parses flat data into a book, reporting every broken rule (not just the first).
    pub fn from_data(data: BookData) -> Result<Book, Vec<Problem>> {
        let mut problems = Vec::new();
        let mut book = Book {
            settings: data.settings,
            ..Book::default()
        };
        for c in data.colleagues {
            insert_unique(
                &mut book.colleagues,
                c.id.clone(),
                c,
                RecordKind::Colleague,
                &mut problems,
            );
        }
        for g in data.groups {
            insert_unique(
                &mut book.groups,
                g.id.clone(),
                g,
                RecordKind::Group,
                &mut problems,
            );
        }
        for c in data.customers {
            insert_unique(
                &mut book.customers,
                c.id.clone(),
                c,
                RecordKind::Customer,
                &mut problems,
            );
        }
        for p in data.persons {
            insert_unique(
                &mut book.persons,
                p.id.clone(),
                p,
                RecordKind::Person,
                &mut problems,
            );
        }
        for c in data.castings {
            insert_unique(
                &mut book.castings,
                c.id.clone(),
                c,
                RecordKind::Casting,
                &mut problems,
            );
        }
        book.rebuild_indexes();
        problems.extend(book.check_references());
        if problems.is_empty() {
            Ok(book)
        } else {
            Err(problems)
        }
    }

    pub fn to_data(&self) -> BookData {
        BookData {
            settings: self.settings.clone(),
            colleagues: self.colleagues.values().cloned().collect(),
            groups: self.groups.values().cloned().collect(),
            customers: self.customers.values().cloned().collect(),
            persons: self.persons.values().cloned().collect(),
            castings: self.castings.values().cloned().collect(),
        }
    }

    fn rebuild_indexes(&mut self) {
        // `extend` rather than `collect`: collecting into a map sorts first, and every sort
        // instantiation costs bundle size.
        self.members.clear();
        self.members
            .extend(self.groups.keys().map(|g| (g.clone(), Vec::new())));
        self.persons_of.clear();
        self.persons_of
            .extend(self.customers.keys().map(|c| (c.clone(), Vec::new())));
        for c in self.customers.values() {
            if let Some(set) = self.members.get_mut(&c.group) {
                set.insert_sorted(c.id.clone());
            }
        }
        for p in self.persons.values() {
            if let Some(set) = self.persons_of.get_mut(&p.customer) {
                set.insert_sorted(p.id.clone());
            }
        }
        self.castings_of.clear();
        for c in self.castings.values() {
            self.castings_of
                .entry(c.group.clone())
                .or_default()
                .insert_sorted(c.id.clone());
        }
    }

    fn check_references(&self) -> Vec<Problem> {
        let mut problems = Vec::new();
        for g in self.groups.values() {
            if let Some(a) = &g.advisor {
                if !self.colleagues.contains_key(a) {
                    problems.push(Problem::UnknownAdvisor {
                        group: g.id.to_string(),
                        advisor: a.to_string(),
                    });
                }
            }
            if let Some(lead) = &g.lead {
                if self.customers.get(lead).map(|c| &c.group) != Some(&g.id) {
                    problems.push(Problem::LeadNotMember {
                        group: g.id.to_string(),
                        lead: lead.to_string(),
                    });
                }
            }
        }
        for c in self.customers.values() {
            if !self.groups.contains_key(&c.group) {
                problems.push(Problem::UnknownGroup {
                    customer: c.id.to_string(),
                    group: c.group.to_string(),
                });
            }
        }
        for p in self.persons.values() {
            if !self.customers.contains_key(&p.customer) {
                problems.push(Problem::UnknownCustomer {
                    person: p.id.to_string(),
                    customer: p.customer.to_string(),
                });
            }
        }
        for c in self.castings.values() {
            if !self.groups.contains_key(&c.group) {
                problems.push(Problem::UnknownCastingGroup {
                    casting: c.id.to_string(),
                    group: c.group.to_string(),
                });
            }
        }
        if let Some(me) = &self.settings.me {
            if !self.colleagues.contains_key(me) {
                problems.push(Problem::UnknownMe {
                    colleague: me.to_string(),
                });
            }
        }
        if let Err(p) = check_settings(&self.settings.casting) {
            problems.push(Problem::Scheme(p));
        }
        problems
    }

    // ---- reading -------------------------------------------------------------------------

    pub fn settings(&self) -> &Settings {
        &self.settings
    }
    pub fn colleagues(&self) -> &BTreeMap<ColleagueId, Colleague> {
        &self.colleagues
    }
    pub fn groups(&self) -> &BTreeMap<GroupId, Group> {
        &self.groups
    }
    pub fn customers(&self) -> &BTreeMap<CustomerId, Customer> {
        &self.customers
    }
    pub fn persons(&self) -> &BTreeMap<PersonId, ContactPerson> {
        &self.persons
    }

    pub fn castings(&self) -> &BTreeMap<CastingId, Casting> {
        &self.castings
    }

    /// Castings of a group, oldest first.
    pub fn castings_of(&self, group: &GroupId) -> Vec<&Casting> {
        let mut list: Vec<&Casting> = self
            .castings_of
            .get(group)
            .into_iter()
            .flatten()
            .filter_map(|id| self.castings.get(id))
            .collect();
        list.sort_unstable_by_key(|c| (c.date, c.updated_at));
        list
    }

    /// The casting that counts for a group: the latest by date, then by time of entry.
    pub fn current_casting(&self, group: &GroupId) -> Option<&Casting> {
        self.castings_of
            .get(group)?
            .iter()
            .filter_map(|id| self.castings.get(id))
            .max_by_key(|c| (c.date, c.updated_at))
    }

    pub fn is_empty(&self) -> bool {
        self.colleagues.is_empty() && self.groups.is_empty()
    }

    /// Customers of a group, in id order.
    pub fn members(&self, group: &GroupId) -> impl Iterator<Item = &Customer> + '_ {
        self.members
            .get(group)
            .into_iter()
            .flatten()
            .filter_map(|id| self.customers.get(id))
    }

    pub fn member_count(&self, group: &GroupId) -> usize {
        self.members.get(group).map_or(0, Vec::len)
    }

    /// Contact persons of one customer.
    pub fn persons_of(&self, customer: &CustomerId) -> impl Iterator<Item = &ContactPerson> + '_ {
        self.persons_of
            .get(customer)
            .into_iter()
            .flatten()
            .filter_map(|id| self.persons.get(id))
    }

    /// Contact persons of every member of a group.
    pub fn group_persons(&self, group: &GroupId) -> impl Iterator<Item = &ContactPerson> + '_ {
        self.members(group).flat_map(|c| self.persons_of(&c.id))
    }

    // ---- changing ------------------------------------------------------------------------

    pub fn set_me(&mut self, me: Option<ColleagueId>) -> Result<(), Problem> {
        if let Some(id) = &me {
            if !self.colleagues.contains_key(id) {
                return Err(Problem::UnknownMe {
                    colleague: id.to_string(),
                });
            }
        }
        self.settings.me = me;
        Ok(())
    }

    pub fn set_casting_settings(&mut self, casting: CastingSettings) -> Result<(), Problem> {
        check_settings(&casting).map_err(Problem::Scheme)?;
        self.settings.casting = casting;
        Ok(())
    }

    pub fn upsert_casting(&mut self, casting: Casting) -> Result<(), Problem> {
        if !self.groups.contains_key(&casting.group) {
            return Err(Problem::UnknownCastingGroup {
                casting: casting.id.to_string(),
                group: casting.group.to_string(),
            });
        }
        let old = self.castings.get(&casting.id).map(|c| &c.group);
        file_under(&mut self.castings_of, old, &casting.group, &casting.id);
        self.castings.insert(casting.id.clone(), casting);
        Ok(())
    }

    pub fn delete_casting(&mut self, id: &CastingId) -> bool {
        let Some(c) = self.castings.remove(id) else {
            return false;
        };
        if let Some(set) = self.castings_of.get_mut(&c.group) {
            set.remove_sorted(id);
        }
        true
    }

    pub fn upsert_colleague(&mut self, colleague: Colleague) {
        self.colleagues.insert(colleague.id.clone(), colleague);
    }

    pub fn upsert_group(&mut self, group: Group) -> Result<(), Problem> {
        if let Some(a) = &group.advisor {
            if !self.colleagues.contains_key(a) {
                return Err(Problem::UnknownAdvisor {
                    group: group.id.to_string(),
                    advisor: a.to_string(),
                });
            }
        }
        if let Some(lead) = &group.lead {
            if self.customers.get(lead).map(|c| &c.group) != Some(&group.id) {
                return Err(Problem::LeadNotMember {
                    group: group.id.to_string(),
                    lead: lead.to_string(),
                });
            }
        }
        self.members.entry(group.id.clone()).or_default();
        self.groups.insert(group.id.clone(), group);
        Ok(())
    }

    /// Adds or changes a customer; a changed group moves it (see [`Book::move_customer`]).
    pub fn upsert_customer(&mut self, customer: Customer, now: Timestamp) -> Result<(), Problem> {
        if !self.groups.contains_key(&customer.group) {
            return Err(Problem::UnknownGroup {
                customer: customer.id.to_string(),
                group: customer.group.to_string(),
            });
        }
        if let Some(old) = self.customers.get(&customer.id) {
            if old.group != customer.group {
                let old_group = old.group.clone();
                self.detach_from_group(&customer.id, &old_group, now);
            }
        }
        self.members
            .entry(customer.group.clone())
            .or_default()
            .insert_sorted(customer.id.clone());
        self.persons_of.entry(customer.id.clone()).or_default();
        self.customers.insert(customer.id.clone(), customer);
        Ok(())
    }

    pub fn upsert_person(&mut self, person: ContactPerson) -> Result<(), Problem> {
        if !self.customers.contains_key(&person.customer) {
            return Err(Problem::UnknownCustomer {
                person: person.id.to_string(),
                customer: person.customer.to_string(),
            });
        }
        let old = self.persons.get(&person.id).map(|p| &p.customer);
        file_under(&mut self.persons_of, old, &person.customer, &person.id);
        self.persons.insert(person.id.clone(), person);
        Ok(())
    }

    /// Moves a customer (with its contact persons) into another group.
    pub fn move_customer(
        &mut self,
        customer: &CustomerId,
        to: &GroupId,
        now: Timestamp,
    ) -> Result<(), Problem> {
        let mut moved =
            self.customers
                .get(customer)
                .cloned()
                .ok_or_else(|| Problem::UnknownRecord {
                    kind: RecordKind::Customer,
                    id: customer.to_string(),
                })?;
        moved.group = to.clone();
        moved.updated_at = now;
        self.upsert_customer(moved, now)
    }

    /// Takes a customer out of its group's member list; a group loses its lead with it.
    fn detach_from_group(&mut self, customer: &CustomerId, group: &GroupId, now: Timestamp) {
        if let Some(set) = self.members.get_mut(group) {
            set.remove_sorted(customer);
        }
        if let Some(g) = self.groups.get_mut(group) {
            if g.lead.as_ref() == Some(customer) {
                g.lead = None;
                g.updated_at = now;
            }
        }
    }

    pub fn delete_person(&mut self, id: &PersonId) -> Removed {
        match self.persons.remove(id) {
            Some(p) => {
                if let Some(set) = self.persons_of.get_mut(&p.customer) {
                    set.remove_sorted(id);
                }
                Removed {
                    persons: 1,
                    ..Removed::default()
                }
            }
            None => Removed::default(),
        }
    }

    /// Deletes a customer with its contact persons.
    pub fn delete_customer(&mut self, id: &CustomerId, now: Timestamp) -> Removed {
        let Some(customer) = self.customers.get(id).cloned() else {
            return Removed::default();
        };
        let mut removed = Removed::default();
        for person in self.persons_of.remove(id).unwrap_or_default() {
            self.persons.remove(&person);
            removed.persons += 1;
        }
        self.detach_from_group(id, &customer.group, now);
        self.customers.remove(id);
        removed.customers = 1;
        removed
    }

    /// Deletes a group with all its customers and their contact persons.
    pub fn delete_group(&mut self, id: &GroupId, now: Timestamp) -> Removed {
        if !self.groups.contains_key(id) {
            return Removed::default();
        }
        let mut removed = Removed {
            groups: 1,
            ..Removed::default()
        };
        let members: Vec<CustomerId> = self
            .members
            .get(id)
            .into_iter()
            .flatten()
            .cloned()
            .collect();
        for customer in members {
            let r = self.delete_customer(&customer, now);
            removed.customers += r.customers;
            removed.persons += r.persons;
        }
        for casting in self.castings_of.remove(id).unwrap_or_default() {
            self.castings.remove(&casting);
            removed.castings += 1;
        }
        self.members.remove(id);
        self.groups.remove(id);
        removed
    }

    /// Deletes a colleague; groups they advised keep going without an advisor.
    pub fn delete_colleague(&mut self, id: &ColleagueId, now: Timestamp) -> bool {
        if self.colleagues.remove(id).is_none() {
            return false;
        }
        for g in self.groups.values_mut() {
            if g.advisor.as_ref() == Some(id) {
                g.advisor = None;
                g.updated_at = now;
            }
        }
        if self.settings.me.as_ref() == Some(id) {
            self.settings.me = None;
        }
        true
    }

    /// Clears group leads that no longer point at a member (after a merge moved customers).
    pub(crate) fn drop_stray_leads(data: &mut BookData) {
        let group_of: BTreeMap<&CustomerId, &GroupId> =
            data.customers.iter().map(|c| (&c.id, &c.group)).collect();
        for g in &mut data.groups {
            if let Some(lead) = &g.lead {
                if group_of.get(lead) != Some(&&g.id) {
                    g.lead = None;
                }
            }
        }
    }
}

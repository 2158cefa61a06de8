//! The customer book: all records plus the derived membership indexes, kept consistent by the
//! only functions that change it.

use super::casting::scheme::{check_settings, CastingSettings, SchemeProblem};
use super::casting::Casting;
use super::contact::party::Party;
use super::contact::{Contact, ContactProblem, ContactSettings, Planned};
use super::ids::{
    CastingId, ColleagueId, ContactId, CustomerId, GroupId, PartyId, PersonId, PlannedId,
};
use super::model::{Colleague, Consent, ContactPerson, Customer, Group, Settings, Timestamp};
use super::records::Record;
use super::reports::monitoring::{MonitoringProblem, MonitoringSettings};
use super::vocab::{ConsentState, ContactOutcome};
use crate::domain::shared::Shared;
use crate::domain::sort;
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
    // Looked up before `entry`, which would copy the key even when it is there.
    match index.get_mut(parent) {
        Some(set) => set.insert_sorted(id.clone()),
        None => index.entry(parent.clone()).or_default().push(id.clone()),
    }
}

/// Files the records listed under group `from` in `index` under `into`; `mark` moves each.
/// The records are only written (and so copied, if shared) when there is one to move.
fn refile<T: Clone, Id: Ord + Clone>(
    records: &mut Shared<BTreeMap<Id, T>>,
    index: &mut BTreeMap<GroupId, Vec<Id>>,
    from: &GroupId,
    into: &GroupId,
    mark: impl Fn(&mut T),
) {
    for id in index.remove(from).unwrap_or_default() {
        if let Some(record) = records.get_mut(&id) {
            mark(record);
        }
        file_under(index, None, into, &id);
    }
}

/// A broken rule found in book data. Imports list these; edits return one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    DuplicateId {
        kind: RecordKind,
        id: String,
    },
    UnknownGroup {
        customer: String,
        group: String,
    },
    UnknownCustomer {
        person: String,
        customer: String,
    },
    UnknownAdvisor {
        group: String,
        advisor: String,
    },
    LeadNotMember {
        group: String,
        lead: String,
    },
    UnknownMe {
        colleague: String,
    },
    /// A colleague named twice in a key account's team.
    TeamTwice {
        group: String,
        colleague: String,
    },
    /// A name made only of characters that show nothing.
    InvisibleName {
        kind: RecordKind,
        id: String,
    },
    UnknownRecord {
        kind: RecordKind,
        id: String,
    },
    /// A record of `kind` points at a `target` record that does not exist.
    UnknownReference {
        kind: RecordKind,
        id: String,
        target: RecordKind,
        target_id: String,
    },
    Scheme(SchemeProblem),
    Contact(ContactProblem),
    Monitoring(MonitoringProblem),
}

/// What a cascading delete removed, for the confirmation and undo message.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Removed {
    pub groups: usize,
    pub customers: usize,
    pub persons: usize,
    pub castings: usize,
    pub contacts: usize,
    pub planned: usize,
}

impl std::ops::AddAssign for Removed {
    fn add_assign(&mut self, r: Removed) {
        self.groups += r.groups;
        self.customers += r.customers;
        self.persons += r.persons;
        self.castings += r.castings;
        self.contacts += r.contacts;
        self.planned += r.planned;
    }
}

/// The book's parts that follow the table of record kinds (`domain::records`): the kinds, the
/// flat form, the book with one map per kind, and what is done per kind.
macro_rules! kinds {
    ($($kind:ident, $field:ident, $stored:literal, $ty:ty, $id:ty;)*) => {
        /// Which collection a record belongs to.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum RecordKind {
            $($kind,)*
        }

        impl RecordKind {
            pub const ALL: &'static [RecordKind] = &[$(RecordKind::$kind,)*];
            pub const COUNT: usize = Self::ALL.len();

            /// The kind's field in the book and in export files ("groups").
            pub fn field(self) -> &'static str {
                match self {
                    $(RecordKind::$kind => stringify!($field),)*
                }
            }

            /// The kind's collection in storage ("group"): part of every stored key.
            pub fn collection(self) -> &'static str {
                match self {
                    $(RecordKind::$kind => $stored,)*
                }
            }
        }

        $(
            impl Record for $ty {
                type Id = $id;
                const KIND: RecordKind = RecordKind::$kind;
                fn id(&self) -> &$id {
                    &self.id
                }
                fn updated_at(&self) -> Timestamp {
                    self.updated_at
                }
            }
        )*

        /// The flat, serialisable form of a book: what export files and storage hold.
        #[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
        #[serde(deny_unknown_fields)]
        pub struct BookData {
            #[serde(default)]
            pub settings: Settings,
            $(
                #[serde(default)]
                pub $field: Vec<$ty>,
            )*
        }

        /// The collections are [`Shared`]: copies of a book cost nothing until one is changed.
        #[derive(Clone, Debug, Default, PartialEq)]
        pub struct Book {
            settings: Settings,
            $($field: Shared<BTreeMap<$id, $ty>>,)*
            /// Sorted id lists (Vecs rather than sets: same order, less code in the bundle).
            members: Shared<BTreeMap<GroupId, Vec<CustomerId>>>,
            persons_of: Shared<BTreeMap<CustomerId, Vec<PersonId>>>,
            castings_of: Shared<BTreeMap<GroupId, Vec<CastingId>>>,
            contacts_of: Shared<BTreeMap<GroupId, Vec<ContactId>>>,
            planned_of: Shared<BTreeMap<GroupId, Vec<PlannedId>>>,
        }

        impl Book {
            $(
                pub fn $field(&self) -> &BTreeMap<$id, $ty> {
                    &self.$field
                }
            )*

            /// Takes the settings and files every record of `data` under its id; a second
            /// record with an id is a problem.
            fn fill(&mut self, data: BookData, problems: &mut Vec<Problem>) {
                self.settings = data.settings;
                $(
                    for record in data.$field {
                        insert_unique(&mut self.$field, record, problems);
                    }
                )*
            }

            pub fn to_data(&self) -> BookData {
                BookData {
                    settings: self.settings.clone(),
                    $($field: self.$field.values().cloned().collect(),)*
                }
            }
        }
    };
}

crate::with_record_kinds!(kinds);

fn unknown(
    kind: RecordKind,
    id: &impl ToString,
    target: RecordKind,
    target_id: &impl ToString,
) -> Problem {
    Problem::UnknownReference {
        kind,
        id: id.to_string(),
        target,
        target_id: target_id.to_string(),
    }
}

fn insert_unique<R: Record>(map: &mut BTreeMap<R::Id, R>, record: R, problems: &mut Vec<Problem>) {
    match map.entry(record.id().clone()) {
        std::collections::btree_map::Entry::Occupied(e) => problems.push(Problem::DuplicateId {
            kind: R::KIND,
            id: e.key().to_string(),
        }),
        std::collections::btree_map::Entry::Vacant(e) => {
            e.insert(record);
        }
    }
}

/// Names that show nothing, in records of `data` that `known` does not hold as they are.
/// Stored books may hold such names from before the rule: they open, and a file that brings
/// them back unchanged (an own export) is not refused for them.
pub fn invisible_names(data: &BookData, known: &Book) -> Vec<Problem> {
    fn check<R: Record>(
        records: &[R],
        known: &BTreeMap<R::Id, R>,
        name: impl Fn(&R) -> &super::text::Name,
        problems: &mut Vec<Problem>,
    ) {
        problems.extend(
            records
                .iter()
                .filter(|r| !name(r).is_visible() && known.get(r.id()) != Some(*r))
                .map(|r| Problem::InvisibleName {
                    kind: R::KIND,
                    id: r.id().to_string(),
                }),
        );
    }
    let mut problems = Vec::new();
    check(
        &data.colleagues,
        known.colleagues(),
        |c| &c.name,
        &mut problems,
    );
    check(&data.groups, known.groups(), |g| &g.name, &mut problems);
    check(
        &data.customers,
        known.customers(),
        |c| &c.name,
        &mut problems,
    );
    check(&data.persons, known.persons(), |p| &p.name, &mut problems);
    problems
}

impl Book {
    /// Parses flat data into a book, reporting every broken rule (not just the first).
    pub fn from_data(data: BookData) -> Result<Book, Vec<Problem>> {
        let mut problems = Vec::new();
        let mut book = Book::default();
        book.fill(data, &mut problems);
        book.rebuild_indexes();
        problems.extend(book.check_references());
        if problems.is_empty() {
            Ok(book)
        } else {
            Err(problems)
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
        self.castings_of
            .extend(self.groups.keys().map(|g| (g.clone(), Vec::new())));
        for c in self.castings.values() {
            file_under(&mut self.castings_of, None, &c.group, &c.id);
        }
        self.contacts_of.clear();
        self.contacts_of
            .extend(self.groups.keys().map(|g| (g.clone(), Vec::new())));
        for c in self.contacts.values() {
            file_under(&mut self.contacts_of, None, &c.group, &c.id);
        }
        self.planned_of.clear();
        self.planned_of
            .extend(self.groups.keys().map(|g| (g.clone(), Vec::new())));
        for p in self.planned.values() {
            file_under(&mut self.planned_of, None, &p.group, &p.id);
        }
    }

    fn check_references(&self) -> Vec<Problem> {
        let mut problems = Vec::new();
        for g in self.groups.values() {
            problems.extend(self.unknown_in_account(g));
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
                problems.push(unknown(
                    RecordKind::Casting,
                    &c.id,
                    RecordKind::Group,
                    &c.group,
                ));
            }
        }
        for c in self.contacts.values() {
            if !self.groups.contains_key(&c.group) {
                problems.push(unknown(
                    RecordKind::Contact,
                    &c.id,
                    RecordKind::Group,
                    &c.group,
                ));
            }
        }
        for p in self.planned.values() {
            if let Err(e) = self.check_planned(p) {
                problems.push(e);
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
        if let Err(p) = self.settings.contact.check() {
            problems.push(Problem::Contact(p));
        }
        if let Err(p) = self.settings.monitoring.check() {
            problems.push(Problem::Monitoring(p));
        }
        problems
    }

    /// A planned contact belongs to a group of this book; its colleague and contacts exist,
    /// and the contacts are the group's.
    fn check_planned(&self, p: &Planned) -> Result<(), Problem> {
        let kind = RecordKind::Planned;
        if !self.groups.contains_key(&p.group) {
            return Err(unknown(kind, &p.id, RecordKind::Group, &p.group));
        }
        if let Some(who) = p.who.as_ref().filter(|w| !self.colleagues.contains_key(*w)) {
            return Err(unknown(kind, &p.id, RecordKind::Colleague, who));
        }
        for c in p.agreed_in.iter().chain(&p.done) {
            if self.contacts.get(c).map(|c| &c.group) != Some(&p.group) {
                return Err(unknown(kind, &p.id, RecordKind::Contact, c));
            }
        }
        Ok(())
    }

    // ---- reading -------------------------------------------------------------------------

    pub fn settings(&self) -> &Settings {
        &self.settings
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
        sort::sort_by_key(&mut list, |c| (c.date, c.updated_at));
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

    /// Contacts with a group, newest first.
    pub fn contacts_of(&self, group: &GroupId) -> Vec<&Contact> {
        let mut list: Vec<&Contact> = self
            .contacts_of
            .get(group)
            .into_iter()
            .flatten()
            .filter_map(|id| self.contacts.get(id))
            .collect();
        sort::sort_by(&mut list, |a, b| (b.at, &b.id).cmp(&(a.at, &a.id)));
        list
    }

    /// Planned contacts of a group (open and done), earliest first.
    pub fn planned_of(&self, group: &GroupId) -> Vec<&Planned> {
        let mut list: Vec<&Planned> = self
            .planned_of
            .get(group)
            .into_iter()
            .flatten()
            .filter_map(|id| self.planned.get(id))
            .collect();
        sort::sort_by_key(&mut list, |p| (p.date, p.time, &p.id));
        list
    }

    /// The follow-up agreed in a contact, if any.
    pub fn follow_up_of(&self, contact: &Contact) -> Option<&Planned> {
        self.planned_of(&contact.group)
            .into_iter()
            .find(|p| p.agreed_in.as_ref() == Some(&contact.id))
    }

    pub fn is_empty(&self) -> bool {
        self.colleagues.is_empty() && self.groups.is_empty()
    }

    /// How many groups a colleague advises (is the advisor of).
    pub fn advised_by(&self, who: &ColleagueId) -> usize {
        self.groups
            .values()
            .filter(|g| g.advisor.as_ref() == Some(who))
            .count()
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

    pub fn set_contact_settings(&mut self, contact: ContactSettings) -> Result<(), Problem> {
        contact.check().map_err(Problem::Contact)?;
        self.settings.contact = contact;
        Ok(())
    }

    pub fn set_monitoring_settings(
        &mut self,
        monitoring: MonitoringSettings,
    ) -> Result<(), Problem> {
        monitoring.check().map_err(Problem::Monitoring)?;
        self.settings.monitoring = monitoring;
        Ok(())
    }

    pub fn upsert_casting(&mut self, casting: Casting) -> Result<(), Problem> {
        if !self.groups.contains_key(&casting.group) {
            return Err(unknown(
                RecordKind::Casting,
                &casting.id,
                RecordKind::Group,
                &casting.group,
            ));
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

    /// Records (or changes) a contact in one step: the follow-up agreed in it, and the planned
    /// contact of the same group it closes. Everything is checked first, so an invalid part
    /// changes nothing.
    pub fn record_contact(
        &mut self,
        contact: Contact,
        follow_up: Option<Planned>,
        closes: Option<&PlannedId>,
        now: Timestamp,
    ) -> Result<(), Problem> {
        let id = contact.id.clone();
        let kind = RecordKind::Contact;
        if !self.groups.contains_key(&contact.group) {
            return Err(unknown(kind, &id, RecordKind::Group, &contact.group));
        }
        // A follow-up agreed now is open; only `closes` can mark it done.
        let follow_up = follow_up.map(|f| Planned {
            agreed_in: Some(id.clone()),
            group: contact.group.clone(),
            done: None,
            ..f
        });
        if let Some(f) = &follow_up {
            if let Some(who) = f.who.as_ref().filter(|w| !self.colleagues.contains_key(*w)) {
                return Err(unknown(
                    RecordKind::Planned,
                    &f.id,
                    RecordKind::Colleague,
                    who,
                ));
            }
        }
        let closed = match closes {
            Some(plan) => Some(
                self.planned
                    .get(plan)
                    .filter(|p| p.group == contact.group)
                    .map(|p| p.id.clone())
                    .ok_or_else(|| unknown(kind, &id, RecordKind::Planned, plan))?,
            ),
            None => None,
        };
        // Consequences apply once: for a new contact, or when an edit changes the outcome.
        if self.contacts.get(&id).map(|c| c.outcome) != Some(contact.outcome) {
            self.apply_outcome(&contact, now);
        }
        let group = contact.group.clone();
        let old = self.contacts.get(&id).map(|c| &c.group);
        file_under(&mut self.contacts_of, old, &group, &id);
        self.contacts.insert(id.clone(), contact);
        // A follow-up dropped in an edit goes (unless this contact closes it); a new or changed
        // one is kept.
        let dropped: Vec<PlannedId> = self
            .planned
            .values()
            .filter(|p| p.agreed_in.as_ref() == Some(&id) && p.is_open())
            .filter(|p| follow_up.as_ref().is_none_or(|f| f.id != p.id))
            .filter(|p| closed.as_ref() != Some(&p.id))
            .map(|p| p.id.clone())
            .collect();
        for p in &dropped {
            self.delete_planned(p);
        }
        if let Some(f) = follow_up {
            self.file_planned(f);
        }
        // A contact moved to another group leaves the old group's plans as if it were deleted:
        // those it closed open again, those agreed in it stay without it.
        for p in self.planned.values_mut().filter(|p| p.group != group) {
            if p.done.as_ref() == Some(&id) {
                p.done = None;
                p.updated_at = now;
            }
            if p.agreed_in.as_ref() == Some(&id) {
                p.agreed_in = None;
                p.updated_at = now;
            }
        }
        if let Some(p) = closed.and_then(|p| self.planned.get_mut(&p)) {
            p.done = Some(id);
            p.updated_at = now;
        }
        Ok(())
    }

    /// What an outcome means beyond the record. "No interest" blocks outreach to the
    /// customers of the people who took part (the lead customer if nobody is named) for the
    /// configured months; "consent withdrawn" records the refusal of the people who took part.
    /// The customers a contact reached: those of the people named, or the group's lead.
    fn customers_spoken_to(&self, contact: &Contact) -> Vec<CustomerId> {
        let mut customers: Vec<CustomerId> = contact
            .people
            .iter()
            .filter_map(|p| self.persons.get(p))
            .map(|p| p.customer.clone())
            .collect();
        if customers.is_empty() {
            customers.extend(self.groups.get(&contact.group).and_then(|g| g.lead.clone()));
        }
        customers
    }

    /// Lifts the block a "no interest" contact set, when it is still the one running (a
    /// later refusal's longer block stays).
    pub fn lift_block_of(&mut self, contact: &Contact, now: Timestamp) {
        let until = self.settings.contact.block_until(contact.date());
        let customers = self.customers_spoken_to(contact);
        for c in self
            .customers
            .values_mut()
            .filter(|c| customers.contains(&c.id) && c.no_contact_until == Some(until))
        {
            c.no_contact_until = None;
            c.updated_at = now;
        }
    }

    fn apply_outcome(&mut self, contact: &Contact, now: Timestamp) {
        let today = contact.date();
        match contact.outcome {
            Some(ContactOutcome::NoInterest) => {
                let until = self.settings.contact.block_until(today);
                let customers = self.customers_spoken_to(contact);
                for c in self
                    .customers
                    .values_mut()
                    .filter(|c| customers.contains(&c.id))
                {
                    if c.no_contact_until.is_none_or(|d| d < until) {
                        c.no_contact_until = Some(until);
                        c.updated_at = now;
                    }
                }
            }
            Some(ContactOutcome::ConsentWithdrawn) => {
                // A refusal already on record keeps its date.
                for p in self.persons.values_mut().filter(|p| {
                    contact.people.contains(&p.id) && p.consent.state != ConsentState::No
                }) {
                    p.consent = Consent {
                        state: ConsentState::No,
                        since: Some(today),
                    };
                    p.updated_at = now;
                }
            }
            _ => {}
        }
    }

    pub fn upsert_planned(&mut self, planned: Planned) -> Result<(), Problem> {
        self.check_planned(&planned)?;
        self.file_planned(planned);
        Ok(())
    }

    fn file_planned(&mut self, planned: Planned) {
        let old = self.planned.get(&planned.id).map(|p| &p.group);
        file_under(&mut self.planned_of, old, &planned.group, &planned.id);
        self.planned.insert(planned.id.clone(), planned);
    }

    pub fn delete_planned(&mut self, id: &PlannedId) -> bool {
        let Some(p) = self.planned.remove(id) else {
            return false;
        };
        if let Some(set) = self.planned_of.get_mut(&p.group) {
            set.remove_sorted(id);
        }
        true
    }

    /// Takes a contact person out of every contact they took part in and every call-party call
    /// to them (history keeps deleted persons otherwise); says how many contacts and calls.
    pub fn forget_person(&mut self, id: &PersonId, now: Timestamp) -> (usize, usize) {
        self.reassign_person(id, None, now)
    }

    /// Puts `to` in the place of `id` among the participants of contacts and in call-party
    /// calls; `None` takes `id` out. Says how many contacts and calls changed.
    pub fn reassign_person(
        &mut self,
        id: &PersonId,
        to: Option<&PersonId>,
        now: Timestamp,
    ) -> (usize, usize) {
        let mut contacts = 0;
        if self.contacts.values().any(|c| c.people.contains(id)) {
            for c in self.contacts.values_mut() {
                if c.people.contains(id) {
                    c.people.retain(|p| p != id);
                    if let Some(to) = to.filter(|to| !c.people.contains(to)) {
                        c.people.push(to.clone());
                    }
                    c.updated_at = now;
                    contacts += 1;
                }
            }
        }
        let mut calls = 0;
        if self
            .parties
            .values()
            .any(|p| p.calls.iter().any(|c| c.person == *id))
        {
            for party in self.parties.values_mut() {
                let before = calls;
                party.calls.retain_mut(|call| {
                    if call.person != *id {
                        return true;
                    }
                    calls += 1;
                    match to {
                        Some(to) => {
                            call.person = to.clone();
                            true
                        }
                        None => false,
                    }
                });
                if calls != before {
                    party.updated_at = now;
                }
            }
        }
        (contacts, calls)
    }

    /// Moves everything of group `from` (customers, castings, contacts, planned contacts,
    /// call-party calls) into `into` and removes `from`.
    pub fn fold_group_into(
        &mut self,
        from: &GroupId,
        into: &GroupId,
        now: Timestamp,
    ) -> Result<(), Problem> {
        if from == into || !self.groups.contains_key(from) {
            return Ok(());
        }
        if !self.groups.contains_key(into) {
            return Err(unknown(RecordKind::Group, from, RecordKind::Group, into));
        }
        let members: Vec<CustomerId> = self.members(from).map(|c| c.id.clone()).collect();
        for customer in members {
            self.move_customer(&customer, into, now)?;
        }
        refile(&mut self.castings, &mut self.castings_of, from, into, |c| {
            c.group = into.clone();
            c.updated_at = now;
        });
        refile(&mut self.contacts, &mut self.contacts_of, from, into, |c| {
            c.group = into.clone();
            c.updated_at = now;
        });
        refile(&mut self.planned, &mut self.planned_of, from, into, |p| {
            p.group = into.clone();
            p.updated_at = now;
        });
        if self
            .parties
            .values()
            .any(|p| p.calls.iter().any(|c| c.group == *from))
        {
            for party in self.parties.values_mut() {
                if party.calls.iter().any(|c| c.group == *from) {
                    for call in party.calls.iter_mut().filter(|c| c.group == *from) {
                        call.group = into.clone();
                    }
                    party.updated_at = now;
                }
            }
        }
        // A key account survives the fold: the group that stays takes it over, or its team
        // grows by the other's members.
        if let Some(theirs) = self.groups[from].key_account.clone() {
            if let Some(group) = self.groups.get_mut(into) {
                match &mut group.key_account {
                    None => group.key_account = Some(theirs),
                    Some(ours) => {
                        for member in theirs.team {
                            if !ours.team.iter().any(|m| m.colleague == member.colleague) {
                                ours.team.push(member);
                            }
                        }
                    }
                }
                group.updated_at = now;
            }
        }
        self.delete_group(from, now);
        Ok(())
    }

    /// Deletes a contact. Planned contacts it closed open again; those agreed in it stay, as
    /// the customer still expects them.
    pub fn delete_contact(&mut self, id: &ContactId, now: Timestamp) -> bool {
        let Some(c) = self.contacts.remove(id) else {
            return false;
        };
        if let Some(set) = self.contacts_of.get_mut(&c.group) {
            set.remove_sorted(id);
        }
        for p in self.planned.values_mut() {
            if p.done.as_ref() == Some(id) {
                p.done = None;
                p.updated_at = now;
            }
            if p.agreed_in.as_ref() == Some(id) {
                p.agreed_in = None;
                p.updated_at = now;
            }
        }
        true
    }

    pub fn upsert_party(&mut self, party: Party) {
        self.parties.insert(party.id.clone(), party);
    }

    pub fn delete_party(&mut self, id: &PartyId) -> bool {
        self.parties.remove(id).is_some()
    }

    pub fn upsert_colleague(&mut self, colleague: Colleague) {
        self.colleagues.insert(colleague.id.clone(), colleague);
    }

    /// A colleague a group's key-account facts name that the book does not hold, or one
    /// named twice in its team.
    fn unknown_in_account(&self, group: &Group) -> Option<Problem> {
        let account = group.key_account.as_ref()?;
        if let Some(missing) = account
            .colleagues()
            .find(|k| !self.colleagues.contains_key(*k))
        {
            return Some(unknown(
                RecordKind::Group,
                &group.id,
                RecordKind::Colleague,
                missing,
            ));
        }
        let team = &account.team;
        let twice = team
            .iter()
            .enumerate()
            .find(|(i, m)| team[..*i].iter().any(|o| o.colleague == m.colleague))?;
        Some(Problem::TeamTwice {
            group: group.id.to_string(),
            colleague: twice.1.colleague.to_string(),
        })
    }

    pub fn upsert_group(&mut self, group: Group) -> Result<(), Problem> {
        if let Some(problem) = self.unknown_in_account(&group) {
            return Err(problem);
        }
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
        // Every group has its (maybe empty) lists, as after `rebuild_indexes`.
        self.castings_of.entry(group.id.clone()).or_default();
        self.contacts_of.entry(group.id.clone()).or_default();
        self.planned_of.entry(group.id.clone()).or_default();
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

    /// What [`Book::delete_customer`] would remove, without removing it.
    pub fn removal_of_customer(&self, id: &CustomerId) -> Removed {
        if !self.customers.contains_key(id) {
            return Removed::default();
        }
        Removed {
            customers: 1,
            persons: self.persons_of.get(id).map_or(0, Vec::len),
            ..Removed::default()
        }
    }

    /// What [`Book::delete_group`] would remove, without removing it: for the question first.
    pub fn removal_of_group(&self, id: &GroupId) -> Removed {
        if !self.groups.contains_key(id) {
            return Removed::default();
        }
        let members = self.members.get(id).map_or(&[][..], Vec::as_slice);
        Removed {
            groups: 1,
            customers: members.len(),
            persons: members
                .iter()
                .map(|c| self.persons_of.get(c).map_or(0, Vec::len))
                .sum(),
            castings: self.castings_of.get(id).map_or(0, Vec::len),
            contacts: self.contacts_of.get(id).map_or(0, Vec::len),
            planned: self.planned_of.get(id).map_or(0, Vec::len),
        }
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
            removed += self.delete_customer(&customer, now);
        }
        for casting in self.castings_of.remove(id).unwrap_or_default() {
            self.castings.remove(&casting);
            removed.castings += 1;
        }
        for contact in self.contacts_of.remove(id).unwrap_or_default() {
            self.contacts.remove(&contact);
            removed.contacts += 1;
        }
        for planned in self.planned_of.remove(id).unwrap_or_default() {
            self.planned.remove(&planned);
            removed.planned += 1;
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
            let advised = g.advisor.as_ref() == Some(id);
            if advised {
                g.advisor = None;
            }
            let named = g.key_account.as_mut().is_some_and(|k| k.forget(id));
            if advised || named {
                g.updated_at = now;
            }
        }
        for p in self.planned.values_mut() {
            if p.who.as_ref() == Some(id) {
                p.who = None;
                p.updated_at = now;
            }
        }
        if self.settings.me.as_ref() == Some(id) {
            self.settings.me = None;
        }
        true
    }

    /// Clears links from planned contacts to contacts that a merge put into another group
    /// (or left out): the plan stays, agreed or closed by nothing known.
    pub(crate) fn drop_stray_contact_links(data: &mut BookData) {
        let group_of: BTreeMap<&ContactId, &GroupId> =
            data.contacts.iter().map(|c| (&c.id, &c.group)).collect();
        for p in &mut data.planned {
            for link in [&mut p.agreed_in, &mut p.done] {
                if link
                    .as_ref()
                    .is_some_and(|c| group_of.get(c) != Some(&&p.group))
                {
                    *link = None;
                }
            }
        }
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

//! The contact reminder: which groups need a contact now or soon, and why. One entry per
//! group, carrying every reason that applies; the entry is due on its earliest reason.

use crate::domain::book::Book;
use crate::domain::contact::{add_days, next_due, Contact, Planned};
use crate::domain::ids::{ColleagueId, CustomerId, GroupId, PlannedId};
use crate::domain::model::{Customer, Group, Occasion};
use crate::domain::sort;
use crate::domain::vocab::{Class, Department, Format, OccasionKind};
use chrono::{Datelike, NaiveDate};

/// How long a passed occasion stays on the reminder when nobody got in touch.
pub const OCCASION_GRACE_DAYS: u64 = 30;
/// A contact this many days before an occasion takes care of it. Fixed, not the look-ahead:
/// whether a group is overdue must not depend on how far ahead the advisor looks.
pub const OCCASION_RUN_UP_DAYS: u64 = 14;

/// Why a group needs a contact.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reason {
    /// A contact agreed for this day.
    FollowUp {
        plan: PlannedId,
        due: NaiveDate,
        format: Format,
        who: Option<ColleagueId>,
    },
    /// The class's frequency: the last reached contact plus the interval; without any
    /// contact, from the day of the casting.
    Frequency {
        class: Class,
        per_year: u32,
        last: Option<NaiveDate>,
        due: NaiveDate,
    },
    /// A customer's occasion (maturity, birthday, change of life phase).
    Occasion {
        customer: CustomerId,
        kind: OccasionKind,
        label: String,
        due: NaiveDate,
    },
    /// A co-serving department has not been in touch as often as the casting asks.
    Department {
        department: Department,
        per_year: u32,
        last: Option<NaiveDate>,
        due: NaiveDate,
    },
}

impl Reason {
    pub fn due(&self) -> NaiveDate {
        match self {
            Reason::FollowUp { due, .. }
            | Reason::Frequency { due, .. }
            | Reason::Occasion { due, .. }
            | Reason::Department { due, .. } => *due,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Urgency {
    Overdue,
    Today,
    Soon,
    /// The customer asked not to be contacted before this day: shown, not counted.
    Blocked,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub group: GroupId,
    pub class: Option<Class>,
    pub due: NaiveDate,
    pub urgency: Urgency,
    /// Earliest first.
    pub reasons: Vec<Reason>,
    pub blocked_until: Option<NaiveDate>,
    /// Who is meant to act: the group's advisor, the colleague of a follow-up, the colleagues
    /// serving a department that is behind.
    pub responsible: Vec<ColleagueId>,
}

impl Entry {
    pub fn concerns(&self, colleague: &ColleagueId) -> bool {
        self.responsible.contains(colleague)
    }

    /// The agreed contact that recording a contact now fulfils: the earliest follow-up that
    /// has come due. Follow-ups still ahead stay open.
    pub fn follow_up_due(&self, today: NaiveDate) -> Option<&PlannedId> {
        self.reasons.iter().find_map(|r| match r {
            Reason::FollowUp { plan, due, .. } if *due <= today => Some(plan),
            _ => None,
        })
    }
}

/// The day of an occasion this time round: yearly ones (birthday, anniversary) on their
/// day in the year of `today`, or of the next/previous year if that is nearer; a 29 February
/// falls on the 28th in other years.
pub fn occurrence(occasion: &Occasion, today: NaiveDate) -> NaiveDate {
    if !matches!(
        occasion.kind,
        OccasionKind::Birthday | OccasionKind::Anniversary
    ) {
        return occasion.date;
    }
    let in_year = |y: i32| {
        NaiveDate::from_ymd_opt(y, occasion.date.month(), occasion.date.day())
            .or_else(|| NaiveDate::from_ymd_opt(y, 2, 28))
            .unwrap_or(occasion.date)
    };
    let year = today.year();
    [year - 1, year, year + 1]
        .into_iter()
        .map(in_year)
        .filter(|d| *d >= occasion.date)
        .min_by_key(|d| (*d - today).num_days().abs())
        .unwrap_or(occasion.date)
}

/// The day until which a group must not be approached: its lead customer's block, or, with
/// no lead, the block every member shares.
pub fn blocked_until<'a>(
    lead: Option<&Customer>,
    mut members: impl Iterator<Item = &'a Customer>,
    today: NaiveDate,
) -> Option<NaiveDate> {
    match lead {
        Some(l) => l.blocked_until(today),
        None => {
            let first = members.next()?.blocked_until(today)?;
            members.try_fold(first, |min, c| Some(min.min(c.blocked_until(today)?)))
        }
    }
}

/// Everything the reminder needs about one group, gathered from the book.
pub struct GroupFacts<'a> {
    pub group: &'a Group,
    pub class: Option<(Class, u32)>,
    pub cast_on: Option<NaiveDate>,
    pub departments: Vec<(Department, u32, Vec<ColleagueId>)>,
    pub contacts: Vec<&'a Contact>,
    pub planned: Vec<&'a Planned>,
    pub occasions: Vec<(&'a CustomerId, &'a Occasion)>,
    pub blocked_until: Option<NaiveDate>,
}

impl<'a> GroupFacts<'a> {
    pub fn of(book: &'a Book, group: &'a Group, today: NaiveDate) -> Self {
        let current = book.current_casting(&group.id);
        let settings = &book.settings().casting;
        let departments = current
            .map(|c| {
                c.departments
                    .iter()
                    .map(|d| {
                        let serving = book
                            .colleagues()
                            .values()
                            .filter(|k| k.serves == Some(*d))
                            .map(|k| k.id.clone())
                            .collect();
                        (*d, u32::from(settings.department(*d).per_year), serving)
                    })
                    .collect()
            })
            .unwrap_or_default();
        let lead = group.lead.as_ref().and_then(|l| book.customers().get(l));
        GroupFacts {
            group,
            class: current.map(|c| (c.class(), c.rule.contacts())),
            cast_on: current.map(|c| c.date),
            departments,
            contacts: book.contacts_of(&group.id),
            planned: book.planned_of(&group.id),
            occasions: book
                .members(&group.id)
                .flat_map(|c| c.occasions.iter().map(move |o| (&c.id, o)))
                .collect(),
            blocked_until: blocked_until(lead, book.members(&group.id), today),
        }
    }

    /// The last day a reached contact took place, optionally only those with a colleague
    /// from `with` among the participants.
    fn last_reached(&self, with: Option<&[ColleagueId]>, today: NaiveDate) -> Option<NaiveDate> {
        self.contacts
            .iter()
            .filter(|c| c.reached() && c.date() <= today)
            .filter(|c| with.is_none_or(|w| c.bank.iter().any(|b| w.contains(b))))
            .map(|c| c.date())
            .max()
    }

    /// Co-serving departments behind on `today`, with the colleagues who serve them: what a
    /// contact could take care of by having one of them take part.
    pub fn departments_due(&self, today: NaiveDate) -> Vec<(Department, Vec<ColleagueId>)> {
        self.reasons(today, 0)
            .iter()
            .filter_map(|r| match r {
                Reason::Department { department, .. } => self
                    .departments
                    .iter()
                    .find(|(d, _, _)| d == department)
                    .map(|(d, _, serving)| (*d, serving.clone())),
                _ => None,
            })
            .collect()
    }

    /// The last day any reached contact took place.
    pub fn last_contact(&self, today: NaiveDate) -> Option<NaiveDate> {
        self.last_reached(None, today)
    }

    /// Every reason this group has that is due within `window_days` from `today`.
    pub fn reasons(&self, today: NaiveDate, window_days: u16) -> Vec<Reason> {
        let window = u64::from(window_days);
        let last = self.last_reached(None, today);
        let mut out = Vec::new();
        for p in self.planned.iter().filter(|p| p.is_open()) {
            out.push(Reason::FollowUp {
                plan: p.id.clone(),
                due: p.date,
                format: p.format,
                who: p.who.clone(),
            });
        }
        if let (Some((class, per_year)), Some(cast_on)) = (self.class, self.cast_on) {
            // Without any contact yet, the target runs from the casting day.
            let due_after = |last: Option<NaiveDate>, per_year| match last {
                Some(l) => next_due(l, per_year),
                None => (per_year > 0).then_some(cast_on),
            };
            if let Some(due) = due_after(last, per_year) {
                out.push(Reason::Frequency {
                    class,
                    per_year,
                    last,
                    due,
                });
            }
            for (department, per_year, serving) in &self.departments {
                let last = self.last_reached(Some(serving), today);
                if let Some(due) = due_after(last, *per_year) {
                    out.push(Reason::Department {
                        department: *department,
                        per_year: *per_year,
                        last,
                        due,
                    });
                }
            }
        }
        for (customer, occasion) in &self.occasions {
            let due = occurrence(occasion, today);
            // A contact in the run-up to the occasion takes care of it.
            let handled = last.is_some_and(|l| add_days(l, OCCASION_RUN_UP_DAYS) >= due);
            if !handled && add_days(due, OCCASION_GRACE_DAYS) >= today {
                out.push(Reason::Occasion {
                    customer: (*customer).clone(),
                    kind: occasion.kind,
                    label: occasion.label.clone(),
                    due,
                });
            }
        }
        let horizon = add_days(today, window);
        out.retain(|r| r.due() <= horizon);
        sort::sort_by_key(&mut out, Reason::due);
        out
    }

    /// The group's reminder entry, if any reason is due within `window_days`.
    pub fn entry(&self, today: NaiveDate, window_days: u16) -> Option<Entry> {
        let reasons = self.reasons(today, window_days);
        let due = reasons.first()?.due();
        let urgency = match (self.blocked_until, due.cmp(&today)) {
            (Some(_), _) => Urgency::Blocked,
            (None, std::cmp::Ordering::Less) => Urgency::Overdue,
            (None, std::cmp::Ordering::Equal) => Urgency::Today,
            (None, std::cmp::Ordering::Greater) => Urgency::Soon,
        };
        let mut responsible: Vec<ColleagueId> = self.group.advisor.iter().cloned().collect();
        for r in &reasons {
            match r {
                Reason::FollowUp { who: Some(w), .. } => responsible.push(w.clone()),
                Reason::Department { department, .. } => {
                    if let Some((_, _, serving)) =
                        self.departments.iter().find(|(d, _, _)| d == department)
                    {
                        responsible.extend(serving.iter().cloned());
                    }
                }
                _ => {}
            }
        }
        sort::sort(&mut responsible);
        responsible.dedup();
        Some(Entry {
            group: self.group.id.clone(),
            class: self.class.map(|(c, _)| c),
            due,
            urgency,
            reasons,
            blocked_until: self.blocked_until,
            responsible,
        })
    }
}

/// A group's status: its reminder entry over the coming year, `None` when nothing is due.
pub fn status(book: &Book, group: &Group, today: NaiveDate) -> Option<Entry> {
    GroupFacts::of(book, group, today).entry(today, 366)
}

/// What is due for a group on `today` or earlier, earliest first.
pub fn due_now(book: &Book, group: &Group, today: NaiveDate) -> Vec<Reason> {
    GroupFacts::of(book, group, today).reasons(today, 0)
}

/// Counts for the start page and the reminder's heading.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub overdue: usize,
    pub today: usize,
    pub soon: usize,
    pub blocked: usize,
}

/// The reminder for the whole book, most urgent first: overdue, today, soon, blocked; within
/// each, attractive classes first, then the earlier due day.
pub fn reminders(book: &Book, today: NaiveDate, window_days: u16) -> Vec<Entry> {
    let mut out: Vec<Entry> = book
        .groups()
        .values()
        .filter_map(|g| GroupFacts::of(book, g, today).entry(today, window_days))
        .collect();
    sort::sort_by(&mut out, |a, b| {
        let rank = |e: &Entry| (e.urgency, e.class.map_or(4, |c| c as u8), e.due);
        rank(a).cmp(&rank(b)).then_with(|| a.group.cmp(&b.group))
    });
    out
}

pub fn counts(entries: &[Entry]) -> Counts {
    let mut c = Counts::default();
    for e in entries {
        match e.urgency {
            Urgency::Overdue => c.overdue += 1,
            Urgency::Today => c.today += 1,
            Urgency::Soon => c.soon += 1,
            Urgency::Blocked => c.blocked += 1,
        }
    }
    c
}

/// The start page's "what do I do today": contacts planned for today, overdue groups, and
/// groups due from today to Sunday (blocked ones are not counted).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Agenda {
    pub planned_today: Vec<PlannedId>,
    pub overdue: usize,
    pub this_week: usize,
}

/// The Sunday that ends the week of `today`.
pub fn end_of_week(today: NaiveDate) -> NaiveDate {
    add_days(today, u64::from(6 - today.weekday().num_days_from_monday()))
}

pub fn agenda(book: &Book, today: NaiveDate) -> Agenda {
    let window = (end_of_week(today) - today).num_days() as u16;
    let entries = reminders(book, today, window);
    let mut planned_today: Vec<&Planned> = book
        .planned()
        .values()
        .filter(|p| p.is_open() && p.date == today)
        .collect();
    sort::sort_by_key(&mut planned_today, |p| (p.time, &p.id));
    Agenda {
        planned_today: planned_today.into_iter().map(|p| p.id.clone()).collect(),
        overdue: entries
            .iter()
            .filter(|e| e.urgency == Urgency::Overdue)
            .count(),
        this_week: entries
            .iter()
            .filter(|e| matches!(e.urgency, Urgency::Today | Urgency::Soon))
            .count(),
    }
}

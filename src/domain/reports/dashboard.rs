//! The portfolio dashboard's figures beyond the roll-ups: how contact intensity is spread
//! (deciles), where the time goes, who is most under- or over-served, the contact mix, the
//! casting coverage and an advisor's weekly trend.

use crate::domain::book::Book;
use crate::domain::casting::capacity::percent;
use crate::domain::casting::is_due;
use crate::domain::contact::{add_days, Contact};
use crate::domain::ids::ColleagueId;
use crate::domain::reports::monitoring::{Period, Row, Status, Tally};
use crate::domain::sort;
use crate::domain::vocab::{Channel, Class, ContactOutcome, Direction};
use chrono::{Datelike, NaiveDate};

/// Contacts per year, averaged per decile of groups (1 = the tenth with the most).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Deciles {
    pub averages: [f64; 10],
    pub groups: [u32; 10],
    /// The average of the fifth of groups with the most contacts, and of the other 80 %.
    pub top_fifth: f64,
    pub rest: f64,
}

fn mean(values: impl Iterator<Item = f64>) -> f64 {
    let (sum, n) = values.fold((0.0, 0u32), |(s, n), v| (s + v, n + 1));
    if n == 0 {
        0.0
    } else {
        sum / f64::from(n)
    }
}

pub fn deciles(rows: &[Row]) -> Deciles {
    let mut out = Deciles::default();
    for d in 0..10 {
        let of = || rows.iter().filter(move |r| usize::from(r.decile) == d + 1);
        out.groups[d] = of().count() as u32;
        out.averages[d] = mean(of().map(Row::per_year));
    }
    out.top_fifth = mean(rows.iter().filter(|r| r.decile <= 2).map(Row::per_year));
    out.rest = mean(rows.iter().filter(|r| r.decile > 2).map(Row::per_year));
    out
}

/// The share of all counted contact time that went to C and D groups, in whole percent;
/// `None` when no time was spent at all.
pub fn time_on_c_and_d(by_class: &[Tally; 5]) -> Option<u32> {
    let all: u64 = by_class.iter().map(|t| t.minutes).sum();
    let cd = by_class[Class::C as usize].minutes + by_class[Class::D as usize].minutes;
    (all > 0).then(|| ((cd * 100 + all / 2) / all) as u32)
}

/// The A and B groups furthest below their target: the lowest share of the target first,
/// then the most contacts missing.
pub fn most_under<'a, 'b>(rows: &'b [Row<'a>], n: usize) -> Vec<&'b Row<'a>> {
    let mut list: Vec<&Row> = rows
        .iter()
        .filter(|r| matches!(r.class, Some(Class::A | Class::B)) && r.status == Some(Status::Under))
        .collect();
    sort::sort_by(&mut list, |a, b| {
        let share = |r: &Row| r.achievement().unwrap_or(0.0);
        share(a)
            .total_cmp(&share(b))
            .then((b.target - f64::from(b.actual)).total_cmp(&(a.target - f64::from(a.actual))))
            .then_with(|| a.group.id.cmp(&b.group.id))
    });
    list.truncate(n);
    list
}

/// The C and D groups furthest above their target: the most contacts beyond it first.
pub fn most_over<'a, 'b>(rows: &'b [Row<'a>], n: usize) -> Vec<&'b Row<'a>> {
    let mut list: Vec<&Row> = rows
        .iter()
        .filter(|r| matches!(r.class, Some(Class::C | Class::D)) && r.status == Some(Status::Over))
        .collect();
    sort::sort_by(&mut list, |a, b| {
        let excess = |r: &Row| f64::from(r.actual) - r.target;
        excess(b)
            .total_cmp(&excess(a))
            .then_with(|| a.group.id.cmp(&b.group.id))
    });
    list.truncate(n);
    list
}

/// Every contact with the groups of the rows in the period, counted or not: by channel, by
/// direction and by outcome.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Activity {
    pub contacts: u32,
    /// In the order of [`Channel::ALL`].
    pub channels: Vec<u32>,
    pub outbound: u32,
    pub inbound: u32,
    /// Active contacts that ended with an appointment.
    pub active_appointments: u32,
    /// In the order of [`ContactOutcome::ALL`].
    pub outcomes: Vec<u32>,
}

impl Activity {
    pub fn outcome(&self, o: ContactOutcome) -> u32 {
        self.outcomes[o as usize]
    }

    /// Deals per appointment agreed, in whole percent; `None` without appointments.
    pub fn conversion(&self) -> Option<u32> {
        let appointments = self.outcome(ContactOutcome::Appointment);
        (appointments > 0).then(|| percent(self.outcome(ContactOutcome::Deal), appointments))
    }
}

pub fn activity(book: &Book, rows: &[Row], period: Period) -> Activity {
    let mut out = Activity {
        channels: vec![0; Channel::ALL.len()],
        outcomes: vec![0; ContactOutcome::ALL.len()],
        ..Activity::default()
    };
    let contacts = rows
        .iter()
        .flat_map(|r| book.contacts_of(&r.group.id))
        .filter(|c| period.contains(c.date()));
    for c in contacts {
        out.contacts += 1;
        out.channels[c.channel as usize] += 1;
        match c.direction {
            Direction::Outbound => out.outbound += 1,
            Direction::Inbound => out.inbound += 1,
        }
        if let Some(o) = c.outcome {
            out.outcomes[o as usize] += 1;
            if o == ContactOutcome::Appointment && c.direction == Direction::Outbound {
                out.active_appointments += 1;
            }
        }
    }
    out
}

/// Groups of the rows whose last casting is less than a year old.
pub fn cast_within_a_year(book: &Book, rows: &[Row], today: NaiveDate) -> u32 {
    rows.iter()
        .filter(|r| !is_due(book.current_casting(&r.group.id), today))
        .count() as u32
}

/// One calendar week (Monday to Sunday) of an advisor's contacts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Week {
    pub monday: NaiveDate,
    pub contacts: u32,
}

impl Week {
    pub fn days(&self) -> Period {
        Period {
            from: self.monday,
            to: add_days(self.monday, 6),
        }
    }

    /// The ISO week number, as calendars print it.
    pub fn number(&self) -> u32 {
        self.monday.iso_week().week()
    }
}

/// Whose weekly trend the dashboard shows: the advisor the report is narrowed to, else the
/// device owner's (for the whole portfolio, or for the groups without an advisor).
pub fn trend_owner(
    advisor: Option<&Option<ColleagueId>>,
    me: Option<&ColleagueId>,
) -> Option<ColleagueId> {
    match advisor {
        Some(Some(a)) => Some(a.clone()),
        _ => me.cloned(),
    }
}

/// The contacts `who` took part in, per week, for the `weeks` weeks up to today's.
pub fn weekly(book: &Book, who: &ColleagueId, today: NaiveDate, weeks: u32) -> Vec<Week> {
    let this_monday = today - chrono::Days::new(u64::from(today.weekday().num_days_from_monday()));
    let mondays: Vec<NaiveDate> = (0..weeks)
        .rev()
        .filter_map(|i| this_monday.checked_sub_days(chrono::Days::new(7 * u64::from(i))))
        .collect();
    let taken: Vec<&Contact> = book
        .contacts()
        .values()
        .filter(|c| c.bank.contains(who))
        .collect();
    mondays
        .into_iter()
        .map(|monday| {
            let week = Week {
                monday,
                contacts: 0,
            };
            let days = week.days();
            Week {
                contacts: taken.iter().filter(|c| days.contains(c.date())).count() as u32,
                ..week
            }
        })
        .collect()
}

//! Contacts (the Ist), planned contacts (agreed follow-ups, call backs, appointments) and the
//! settings that steer the reminder and the call party.

pub mod ics;
pub mod party;
pub mod reminder;

use crate::domain::ids::{ColleagueId, ContactId, GroupId, PersonId, PlannedId};
use crate::domain::model::Timestamp;
use crate::domain::sort;
use crate::domain::text::Name;
use crate::domain::vocab::{Channel, ContactOutcome, Direction, Format};
use chrono::{Days, Months, NaiveDate, NaiveDateTime, NaiveTime};
use serde::{Deserialize, Serialize};

/// One contact with a group, as it happened.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contact {
    pub id: ContactId,
    pub group: GroupId,
    /// Local wall-clock time, to the minute.
    #[serde(with = "crate::domain::time_format::minute")]
    pub at: NaiveDateTime,
    pub channel: Channel,
    pub format: Format,
    pub direction: Direction,
    /// Colleagues of the bank who took part. History: ids of deleted colleagues stay.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub bank: Vec<ColleagueId>,
    /// Contact persons of the customer who took part. History, like `bank`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub people: Vec<PersonId>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub topics: Vec<Name>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome: Option<ContactOutcome>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    #[serde(with = "crate::domain::time_format::timestamp")]
    pub updated_at: Timestamp,
}

impl Contact {
    /// Whether the customer was actually reached: only those contacts count towards a target.
    pub fn reached(&self) -> bool {
        self.outcome != Some(ContactOutcome::NotReached)
    }

    pub fn date(&self) -> NaiveDate {
        self.at.date()
    }
}

/// Which contacts a history list shows; `None` fields do not filter.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ContactFilter {
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub channel: Option<Channel>,
    pub format: Option<Format>,
    pub colleague: Option<ColleagueId>,
    pub outcome: Option<ContactOutcome>,
    pub direction: Option<Direction>,
    /// Contacts with the groups this colleague advises.
    pub advisor: Option<ColleagueId>,
}

impl ContactFilter {
    pub fn matches(&self, c: &Contact) -> bool {
        self.from.is_none_or(|d| c.date() >= d)
            && self.to.is_none_or(|d| c.date() <= d)
            && self.channel.is_none_or(|x| c.channel == x)
            && self.format.is_none_or(|x| c.format == x)
            && self.colleague.as_ref().is_none_or(|k| c.bank.contains(k))
            && self.outcome.is_none_or(|o| c.outcome == Some(o))
            && self.direction.is_none_or(|d| c.direction == d)
    }
}

/// The contacts of a whole book that pass `filter`, newest first.
pub fn history<'a>(
    book: &'a crate::domain::book::Book,
    filter: &ContactFilter,
) -> Vec<&'a Contact> {
    let mut list: Vec<&Contact> = book
        .contacts()
        .values()
        .filter(|c| filter.matches(c))
        .filter(|c| {
            filter.advisor.as_ref().is_none_or(|a| {
                book.groups().get(&c.group).and_then(|g| g.advisor.as_ref()) == Some(a)
            })
        })
        .collect();
    sort::sort_by(&mut list, |a, b| (b.at, &b.id).cmp(&(a.at, &a.id)));
    list
}

/// A contact agreed for later. Open until a recorded contact closes it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Planned {
    pub id: PlannedId,
    pub group: GroupId,
    #[serde(with = "crate::domain::time_format::date")]
    pub date: NaiveDate,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::domain::time_format::opt_clock"
    )]
    pub time: Option<NaiveTime>,
    pub format: Format,
    /// Who of the bank takes it on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub who: Option<ColleagueId>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// The contact in which it was agreed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agreed_in: Option<ContactId>,
    /// The contact that closed it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub done: Option<ContactId>,
    #[serde(with = "crate::domain::time_format::timestamp")]
    pub updated_at: Timestamp,
}

impl Planned {
    pub fn is_open(&self) -> bool {
        self.done.is_none()
    }
}

/// A bad value in a contact or planned contact, for a German message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ContactProblem {
    /// The contact lies more than a day in the future: that is a planned contact.
    InFuture,
    /// The follow-up is dated before the contact that agreed it.
    FollowUpBeforeContact,
    WindowDays,
    BlockMonths,
    CallsPerAdvisor,
    /// A call that withdrew the consent cannot be corrected on the call list.
    ConsentWithdrawnStays,
}

/// A contact may be recorded for today or any earlier day; tomorrow and later are plans.
pub fn check_contact_time(at: NaiveDateTime, now: NaiveDateTime) -> Result<(), ContactProblem> {
    if at.date() > now.date() {
        Err(ContactProblem::InFuture)
    } else {
        Ok(())
    }
}

/// How a new contact starts out on the form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Draft {
    pub channel: Channel,
    /// Taken from the planned contact it closes; otherwise the advisor picks.
    pub format: Option<Format>,
    pub direction: Direction,
    /// Who takes part for the bank, and who takes the follow-up.
    pub who: Option<ColleagueId>,
}

/// A new contact with `group`: closing a planned contact takes its format, and a planned
/// call-party call is a phone call (otherwise a meeting at the customer's); outbound; the
/// device's owner takes part, else the group's advisor.
pub fn draft(
    me: Option<&ColleagueId>,
    group: &crate::domain::model::Group,
    closes: Option<&Planned>,
) -> Draft {
    let format = closes.map(|p| p.format);
    Draft {
        channel: match format {
            Some(Format::CallPartyCall) => Channel::Phone,
            _ => Channel::AtCustomer,
        },
        format,
        direction: Direction::Outbound,
        who: me.or(group.advisor.as_ref()).cloned(),
    }
}

/// The format a group's next contact most likely needs (see
/// [`crate::domain::casting::scheme::ClassRule::next_format`]), counting its reached contacts of the twelve
/// months up to `today` and `also` (the contact being recorded). A group without a planned
/// class gets an advisory talk.
pub fn expected_format(
    book: &crate::domain::book::Book,
    group: &GroupId,
    today: NaiveDate,
    also: Option<Format>,
) -> Format {
    let since = today - Months::new(12);
    let done: Vec<Format> = book
        .contacts_of(group)
        .into_iter()
        .filter(|c| c.reached() && c.date() > since)
        .map(|c| c.format)
        .chain(also)
        .collect();
    book.current_casting(group)
        .and_then(|c| c.rule.next_format(done.iter().copied()))
        .unwrap_or(Format::AdvisoryTalk)
}

/// A follow-up agreed in a contact cannot lie before it.
pub fn check_follow_up(contact: NaiveDateTime, follow_up: NaiveDate) -> Result<(), ContactProblem> {
    if follow_up < contact.date() {
        Err(ContactProblem::FollowUpBeforeContact)
    } else {
        Ok(())
    }
}

/// How far ahead the reminder looks, how long a "no interest" blocks outreach, and how many
/// groups per advisor a call list holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContactSettings {
    pub window_days: u16,
    pub block_months: u8,
    pub calls_per_advisor: u8,
}

impl Default for ContactSettings {
    fn default() -> Self {
        Self {
            window_days: 14,
            block_months: 6,
            calls_per_advisor: 5,
        }
    }
}

impl ContactSettings {
    pub const WINDOW_DAYS: (u16, u16) = (1, 90);
    pub const BLOCK_MONTHS: (u8, u8) = (1, 36);
    pub const CALLS_PER_ADVISOR: (u8, u8) = (1, 50);

    pub fn new(
        window_days: u16,
        block_months: u8,
        calls_per_advisor: u8,
    ) -> Result<Self, ContactProblem> {
        let within = |v: u16, (lo, hi): (u16, u16)| (lo..=hi).contains(&v);
        if !within(window_days, Self::WINDOW_DAYS) {
            return Err(ContactProblem::WindowDays);
        }
        let (lo, hi) = Self::BLOCK_MONTHS;
        if !within(block_months.into(), (lo.into(), hi.into())) {
            return Err(ContactProblem::BlockMonths);
        }
        let (lo, hi) = Self::CALLS_PER_ADVISOR;
        if !within(calls_per_advisor.into(), (lo.into(), hi.into())) {
            return Err(ContactProblem::CallsPerAdvisor);
        }
        Ok(Self {
            window_days,
            block_months,
            calls_per_advisor,
        })
    }

    /// The same bounds for settings that arrive in a file.
    pub fn check(&self) -> Result<(), ContactProblem> {
        Self::new(self.window_days, self.block_months, self.calls_per_advisor).map(|_| ())
    }

    /// The end of a "no re-contact" block that starts today.
    pub fn block_until(&self, today: NaiveDate) -> NaiveDate {
        add_months(today, u32::from(self.block_months))
    }
}

pub fn add_months(day: NaiveDate, months: u32) -> NaiveDate {
    day.checked_add_months(Months::new(months))
        .unwrap_or(NaiveDate::MAX)
}

pub fn add_days(day: NaiveDate, days: u64) -> NaiveDate {
    day.checked_add_days(Days::new(days))
        .unwrap_or(NaiveDate::MAX)
}

/// The day the next contact is due after one on `last`, for `per_year` contacts a year:
/// whole months where the year divides evenly (4 → every 3 months, a month end stays at the
/// month's end or the last day of a shorter month), otherwise 365 / `per_year` days. `None`
/// for a class without target contacts.
pub fn next_due(last: NaiveDate, per_year: u32) -> Option<NaiveDate> {
    match per_year {
        0 => None,
        n if 12 % n == 0 => Some(add_months(last, 12 / n)),
        n => Some(add_days(last, u64::from(365 / n).max(1))),
    }
}

/// Quick picks for a follow-up date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pick {
    Weeks2,
    Month1,
    Months3,
    Months6,
    /// The class's interval (e.g. 3 months for 4 contacts a year).
    ClassFrequency,
}

impl Pick {
    pub const ALL: [Pick; 5] = [
        Pick::Weeks2,
        Pick::Month1,
        Pick::Months3,
        Pick::Months6,
        Pick::ClassFrequency,
    ];

    /// The picked date after `from`; `None` for the class pick when the class has no target.
    pub fn date(self, from: NaiveDate, per_year: u32) -> Option<NaiveDate> {
        match self {
            Pick::Weeks2 => Some(add_days(from, 14)),
            Pick::Month1 => Some(add_months(from, 1)),
            Pick::Months3 => Some(add_months(from, 3)),
            Pick::Months6 => Some(add_months(from, 6)),
            Pick::ClassFrequency => next_due(from, per_year),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn intervals_by_frequency_with_month_ends_and_leap_days() {
        assert_eq!(next_due(day(2026, 11, 30), 4), Some(day(2027, 2, 28)));
        assert_eq!(next_due(day(2027, 11, 30), 4), Some(day(2028, 2, 29)));
        assert_eq!(next_due(day(2024, 2, 29), 1), Some(day(2025, 2, 28)));
        assert_eq!(next_due(day(2026, 1, 31), 12), Some(day(2026, 2, 28)));
        assert_eq!(next_due(day(2026, 1, 1), 2), Some(day(2026, 7, 1)));
        assert_eq!(
            next_due(day(2026, 1, 1), 5),
            Some(day(2026, 3, 15)),
            "73 days"
        );
        assert_eq!(next_due(day(2026, 1, 1), 0), None, "D: reactive only");
        assert_eq!(next_due(day(2026, 1, 1), 400), Some(day(2026, 1, 2)));
    }

    #[test]
    fn quick_picks() {
        let from = day(2026, 1, 31);
        assert_eq!(Pick::Weeks2.date(from, 4), Some(day(2026, 2, 14)));
        assert_eq!(Pick::Month1.date(from, 4), Some(day(2026, 2, 28)));
        assert_eq!(Pick::Months6.date(from, 4), Some(day(2026, 7, 31)));
        assert_eq!(Pick::ClassFrequency.date(from, 4), Some(day(2026, 4, 30)));
        assert_eq!(Pick::ClassFrequency.date(from, 0), None);
    }

    #[test]
    fn filters_combine() {
        let c = Contact {
            id: "t-1".parse().unwrap(),
            group: "g-1".parse().unwrap(),
            at: day(2026, 11, 2).and_hms_opt(9, 0, 0).unwrap(),
            channel: Channel::Phone,
            format: Format::AnnualTalk,
            direction: Direction::Outbound,
            bank: vec!["k-1".parse().unwrap()],
            people: Vec::new(),
            topics: Vec::new(),
            outcome: Some(ContactOutcome::Deal),
            notes: String::new(),
            updated_at: Timestamp::default(),
        };
        assert!(ContactFilter::default().matches(&c));
        let within = ContactFilter {
            from: Some(day(2026, 11, 2)),
            to: Some(day(2026, 11, 2)),
            channel: Some(Channel::Phone),
            format: Some(Format::AnnualTalk),
            colleague: Some("k-1".parse().unwrap()),
            outcome: Some(ContactOutcome::Deal),
            direction: Some(c.direction),
            advisor: None,
        };
        assert!(within.matches(&c), "bounds are inclusive");
        for miss in [
            ContactFilter {
                from: Some(day(2026, 11, 3)),
                ..Default::default()
            },
            ContactFilter {
                to: Some(day(2026, 11, 1)),
                ..Default::default()
            },
            ContactFilter {
                channel: Some(Channel::Email),
                ..Default::default()
            },
            ContactFilter {
                colleague: Some("k-2".parse().unwrap()),
                ..Default::default()
            },
            ContactFilter {
                outcome: Some(ContactOutcome::Offer),
                ..Default::default()
            },
            ContactFilter {
                direction: Some(Direction::Inbound),
                ..Default::default()
            },
        ] {
            assert!(!miss.matches(&c), "{miss:?}");
        }
    }

    #[test]
    fn settings_bounds() {
        assert_eq!(
            ContactSettings::new(14, 6, 5),
            Ok(ContactSettings::default())
        );
        assert_eq!(
            ContactSettings::new(0, 6, 5),
            Err(ContactProblem::WindowDays)
        );
        assert_eq!(
            ContactSettings::new(91, 6, 5),
            Err(ContactProblem::WindowDays)
        );
        assert_eq!(
            ContactSettings::new(14, 0, 5),
            Err(ContactProblem::BlockMonths)
        );
        assert_eq!(
            ContactSettings::new(14, 6, 51),
            Err(ContactProblem::CallsPerAdvisor)
        );
        assert_eq!(
            ContactSettings::default().block_until(day(2026, 8, 31)),
            day(2027, 2, 28)
        );
    }

    #[test]
    fn contact_and_follow_up_dates() {
        let now = day(2026, 11, 23).and_hms_opt(10, 0, 0).unwrap();
        assert!(check_contact_time(now, now).is_ok());
        assert!(check_contact_time(day(2026, 11, 23).and_hms_opt(18, 0, 0).unwrap(), now).is_ok());
        assert_eq!(
            check_contact_time(day(2026, 11, 24).and_hms_opt(8, 0, 0).unwrap(), now),
            Err(ContactProblem::InFuture)
        );
        assert!(check_follow_up(now, day(2026, 11, 23)).is_ok());
        assert_eq!(
            check_follow_up(now, day(2026, 11, 22)),
            Err(ContactProblem::FollowUpBeforeContact)
        );
    }

    proptest! {
        #[test]
        fn the_next_contact_is_later_and_never_moves_back(
            start in 0i64..20_000, gap in 0i64..400, per_year in 1u32..=12,
        ) {
            let a = day(2000, 1, 1) + chrono::Duration::days(start);
            let b = a + chrono::Duration::days(gap);
            let (na, nb) = (next_due(a, per_year).unwrap(), next_due(b, per_year).unwrap());
            prop_assert!(na > a);
            prop_assert!(nb >= na, "a later contact never brings the next one forward");
            // Never more than a year plus a day between contacts, never less than 28 days.
            prop_assert!((na - a).num_days() <= 366 && (na - a).num_days() >= 28);
        }
    }
}

//! Target vs. actual (Soll/Ist) for a period: per group the target contacts of its class
//! plan, pro rata for the part of the period it was cast, against the contacts that count;
//! the same per co-serving department; roll-ups per class, advisor and department.

use crate::domain::book::Book;
use crate::domain::casting::portfolio::Schemes;
use crate::domain::contact::Contact;
use crate::domain::ids::ColleagueId;
use crate::domain::model::Group;
use crate::domain::sort;
use crate::domain::vocab::{Channel, Class, Department, Format};
use chrono::{Datelike, Days, Months, NaiveDate};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Days from `from` to `to`, both included.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Period {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

impl Period {
    pub fn contains(&self, day: NaiveDate) -> bool {
        (self.from..=self.to).contains(&day)
    }

    /// Its length in years: each calendar year counts by its own length, so a calendar year
    /// is exactly 1 and a leap day weighs no more than another day of its year.
    pub fn years(&self) -> f64 {
        let mut total = 0.0;
        let mut start = self.from;
        while start <= self.to {
            let year = start.year();
            let end = self.to.min(last_of_year(year));
            let length = if NaiveDate::from_ymd_opt(year, 2, 29).is_some() {
                366.0
            } else {
                365.0
            };
            total += ((end - start).num_days() + 1) as f64 / length;
            match end.checked_add_days(Days::new(1)) {
                Some(next) => start = next,
                None => break,
            }
        }
        total
    }

    /// The part of the period from `day` on, if any.
    fn starting(self, day: NaiveDate) -> Option<Period> {
        let from = self.from.max(day);
        (from <= self.to).then_some(Period { from, ..self })
    }
}

fn last_of_year(year: i32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or(NaiveDate::MAX)
}

/// The periods an advisor picks from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PeriodChoice {
    YearToDate,
    Last12Months,
    Year(i32),
    Range(NaiveDate, NaiveDate),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PeriodProblem {
    /// The end lies before the start.
    Reversed,
    /// The period starts after today: nothing can have happened yet.
    InFuture,
}

impl PeriodChoice {
    /// The days it stands for, up to today at most: the days ahead have no contacts yet, so
    /// they carry no target either.
    pub fn period(self, today: NaiveDate) -> Result<Period, PeriodProblem> {
        let (from, to) = match self {
            PeriodChoice::YearToDate => (first_of_year(today.year()), today),
            PeriodChoice::Last12Months => {
                let from = today
                    .checked_sub_months(Months::new(12))
                    .and_then(|d| d.succ_opt())
                    .unwrap_or(NaiveDate::MIN);
                (from, today)
            }
            PeriodChoice::Year(y) => (first_of_year(y), last_of_year(y)),
            PeriodChoice::Range(from, to) => (from, to),
        };
        if from > to {
            return Err(PeriodProblem::Reversed);
        }
        let to = to.min(today);
        if from > to {
            return Err(PeriodProblem::InFuture);
        }
        Ok(Period { from, to })
    }
}

fn first_of_year(year: i32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or(NaiveDate::MIN)
}

/// Whether a group got less, about or more than its target.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Status {
    Under,
    OnTarget,
    Over,
}

impl Status {
    pub const ALL: [Status; 3] = [Status::Under, Status::OnTarget, Status::Over];
}

/// Which contacts count towards a target, and where under- and over-served begin.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MonitoringSettings {
    pub formats: Vec<Format>,
    pub channels: Vec<Channel>,
    /// Under-served below this share of the target, in percent.
    pub under: u16,
    /// Over-served above this share of the target, in percent.
    pub over: u16,
}

impl Default for MonitoringSettings {
    /// Every format of talk, in person, by phone or video and at events; mail, letters,
    /// chat and social media are not a talk.
    fn default() -> Self {
        MonitoringSettings {
            formats: Format::ALL.to_vec(),
            channels: vec![
                Channel::AtCustomer,
                Channel::AtBranch,
                Channel::Phone,
                Channel::Video,
                Channel::Event,
            ],
            under: 80,
            over: 150,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MonitoringProblem {
    NoFormat,
    NoChannel,
    Under,
    Over,
}

impl MonitoringSettings {
    pub const UNDER: (u16, u16) = (10, 100);
    pub const OVER: (u16, u16) = (100, 1000);

    /// Checked settings; formats and channels in their natural order, each once.
    pub fn new(
        mut formats: Vec<Format>,
        mut channels: Vec<Channel>,
        under: u16,
        over: u16,
    ) -> Result<Self, MonitoringProblem> {
        sort::sort(&mut formats);
        formats.dedup();
        sort::sort(&mut channels);
        channels.dedup();
        let within = |v: u16, (lo, hi): (u16, u16)| (lo..=hi).contains(&v);
        if formats.is_empty() {
            Err(MonitoringProblem::NoFormat)
        } else if channels.is_empty() {
            Err(MonitoringProblem::NoChannel)
        } else if !within(under, Self::UNDER) {
            Err(MonitoringProblem::Under)
        } else if !within(over, Self::OVER) {
            Err(MonitoringProblem::Over)
        } else {
            Ok(MonitoringSettings {
                formats,
                channels,
                under,
                over,
            })
        }
    }

    /// The same checks for settings that arrive in a file.
    pub fn check(&self) -> Result<(), MonitoringProblem> {
        let checked = Self::new(
            self.formats.clone(),
            self.channels.clone(),
            self.under,
            self.over,
        )?;
        if checked == *self {
            Ok(())
        } else {
            // Repeated or unordered entries are not written by Kontaktnetz.
            Err(if checked.formats != self.formats {
                MonitoringProblem::NoFormat
            } else {
                MonitoringProblem::NoChannel
            })
        }
    }

    /// A contact counts when it reached the customer in a counted format and channel.
    pub fn counts(&self, c: &Contact) -> bool {
        c.reached() && self.formats.contains(&c.format) && self.channels.contains(&c.channel)
    }

    /// Under- or over-served takes both the percentage and at least one whole contact of
    /// difference: over a short period a yearly contact is not yet missing, and a single
    /// contact is not yet too many.
    pub fn status(&self, target: f64, actual: u32) -> Status {
        let actual = f64::from(actual);
        if actual < target * f64::from(self.under) / 100.0 && target - actual >= 1.0 {
            Status::Under
        } else if actual > target * f64::from(self.over) / 100.0 && actual - target >= 1.0 {
            Status::Over
        } else {
            Status::OnTarget
        }
    }
}

/// Target and actual of one co-serving department in one group.
#[derive(Clone, Debug, PartialEq)]
pub struct DepartmentRow {
    pub department: Department,
    pub target: f64,
    pub actual: u32,
    pub status: Status,
}

/// Target vs. actual of one group over the part of the period it was in the book and cast.
#[derive(Clone, Debug, PartialEq)]
pub struct Row<'a> {
    pub group: &'a Group,
    /// The class at the end of the period; `None` when not cast by then.
    pub class: Option<Class>,
    /// The days measured: from the later of the period's start, the group's creation and
    /// its first casting.
    pub span: Period,
    pub target: f64,
    /// Contacts that count, within the span.
    pub actual: u32,
    /// The time those contacts took, by the minutes the segment's scheme gives each format.
    pub minutes: u32,
    /// `None` for groups without a casting.
    pub status: Option<Status>,
    pub departments: Vec<DepartmentRow>,
    /// 1 for the tenth of groups with the most contacts per year, 10 for the fewest.
    pub decile: u8,
}

impl Row<'_> {
    /// Contacts per year over the span.
    pub fn per_year(&self) -> f64 {
        let years = self.span.years();
        if years > 0.0 {
            f64::from(self.actual) / years
        } else {
            0.0
        }
    }

    /// Actual as a share of the target, in percent; `None` without a target.
    pub fn achievement(&self) -> Option<f64> {
        achievement(self.target, self.actual)
    }
}

/// `actual` as a share of `target`, in percent; `None` without a target.
pub fn achievement(target: f64, actual: u32) -> Option<f64> {
    (target > 0.0).then(|| f64::from(actual) * 100.0 / target)
}

/// Target vs. actual for every group `scope` selects that existed in the period, with
/// deciles by contacts per year.
pub fn report<'a>(book: &'a Book, period: Period, scope: impl Fn(&Group) -> bool) -> Vec<Row<'a>> {
    let settings = &book.settings().monitoring;
    let casting = &book.settings().casting;
    let schemes = Schemes::of(book);
    let serving: BTreeMap<&ColleagueId, Department> = book
        .colleagues()
        .values()
        .filter_map(|k| k.serves.map(|d| (&k.id, d)))
        .collect();
    let mut rows: Vec<Row> = Vec::new();
    for group in book.groups().values().filter(|g| scope(g)) {
        let castings = book.castings_of(&group.id);
        let first_cast = castings.first().map(|c| c.date).filter(|d| *d <= period.to);
        let start = group
            .created_at
            .date_naive()
            .max(first_cast.unwrap_or(period.from));
        let Some(span) = period.starting(start) else {
            continue;
        };
        let mut target = 0.0;
        let mut departments: BTreeMap<Department, f64> = BTreeMap::new();
        let mut class = None;
        for (i, c) in castings.iter().enumerate() {
            let until = castings
                .get(i + 1)
                .and_then(|next| next.date.pred_opt())
                .unwrap_or(NaiveDate::MAX)
                .min(span.to);
            let from = c.date.max(span.from);
            if c.date <= span.to {
                class = Some(c.class());
            }
            if from > until {
                continue;
            }
            let years = Period { from, to: until }.years();
            target += f64::from(c.rule.contacts()) * years;
            for d in &c.departments {
                *departments.entry(*d).or_default() +=
                    f64::from(casting.department(*d).per_year) * years;
            }
        }
        let counted: Vec<&Contact> = book
            .contacts_of(&group.id)
            .into_iter()
            .filter(|c| span.contains(c.date()) && settings.counts(c))
            .collect();
        let scheme = schemes.get(group.segment);
        let minutes = counted
            .iter()
            .map(|c| u32::from(scheme.minutes_of(c.format)))
            .sum();
        let departments = departments
            .into_iter()
            .map(|(department, target)| {
                let actual = counted
                    .iter()
                    .filter(|c| c.bank.iter().any(|b| serving.get(b) == Some(&department)))
                    .count() as u32;
                DepartmentRow {
                    department,
                    target,
                    actual,
                    status: settings.status(target, actual),
                }
            })
            .collect();
        let actual = counted.len() as u32;
        rows.push(Row {
            group,
            class,
            span,
            target,
            actual,
            minutes,
            status: class.map(|_| settings.status(target, actual)),
            departments,
            decile: 0,
        });
    }
    assign_deciles(&mut rows);
    rows
}

/// Ranks rows by contacts per year, most first (ties by group id, so it is stable).
fn assign_deciles(rows: &mut [Row]) {
    let mut order: Vec<usize> = (0..rows.len()).collect();
    sort::sort_by(&mut order, |a, b| {
        let (x, y) = (&rows[*a], &rows[*b]);
        y.per_year()
            .total_cmp(&x.per_year())
            .then_with(|| x.group.id.cmp(&y.group.id))
    });
    let n = rows.len();
    for (rank, i) in order.into_iter().enumerate() {
        rows[i].decile = (rank * 10 / n) as u8 + 1;
    }
}

/// Targets and actuals added up.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Tally {
    pub groups: u32,
    pub target: f64,
    pub actual: u32,
    pub minutes: u64,
    pub under: u32,
    pub on_target: u32,
    pub over: u32,
    /// Groups without a single counted contact.
    pub no_contact: u32,
}

impl Tally {
    fn add(&mut self, target: f64, actual: u32, minutes: u32, status: Option<Status>) {
        self.groups += 1;
        self.target += target;
        self.actual += actual;
        self.minutes += u64::from(minutes);
        self.no_contact += u32::from(actual == 0);
        match status {
            Some(Status::Under) => self.under += 1,
            Some(Status::OnTarget) => self.on_target += 1,
            Some(Status::Over) => self.over += 1,
            None => {}
        }
    }

    fn of_row(row: &Row) -> Tally {
        let mut t = Tally::default();
        t.add(row.target, row.actual, row.minutes, row.status);
        t
    }

    fn merge(mut self, other: Tally) -> Tally {
        self.groups += other.groups;
        self.target += other.target;
        self.actual += other.actual;
        self.minutes += other.minutes;
        self.under += other.under;
        self.on_target += other.on_target;
        self.over += other.over;
        self.no_contact += other.no_contact;
        self
    }

    /// Actual as a share of the target in whole percent; `None` without a target.
    pub fn achievement(&self) -> Option<u32> {
        achievement(self.target, self.actual).map(|a| a.round() as u32)
    }

    pub fn count(&self, status: Status) -> u32 {
        match status {
            Status::Under => self.under,
            Status::OnTarget => self.on_target,
            Status::Over => self.over,
        }
    }
}

pub fn total(rows: &[Row]) -> Tally {
    rows.iter()
        .map(Tally::of_row)
        .fold(Tally::default(), Tally::merge)
}

/// Where [`by_class`] puts the groups without a casting: after A to D.
pub const NOT_CAST: usize = Class::ALL.len();

/// Per class A to D, then the groups without a casting.
pub fn by_class(rows: &[Row]) -> [Tally; 5] {
    let mut out = [Tally::default(); 5];
    for r in rows {
        let i = r.class.map_or(NOT_CAST, |c| c as usize);
        out[i] = out[i].merge(Tally::of_row(r));
    }
    out
}

/// [`by_class`] with each line's class (`None`: not cast).
pub fn class_tallies(rows: &[Row]) -> Vec<(Option<Class>, Tally)> {
    let tallies = by_class(rows);
    let mut out: Vec<(Option<Class>, Tally)> = Class::ALL
        .iter()
        .map(|c| (Some(*c), tallies[*c as usize]))
        .collect();
    out.push((None, tallies[NOT_CAST]));
    out
}

/// The lines of a table per class: A to D always, the groups without a casting only when
/// there are any.
pub fn class_lines(rows: &[Row]) -> Vec<(Option<Class>, Tally)> {
    let mut lines = class_tallies(rows);
    lines.retain(|(class, t)| class.is_some() || t.groups > 0);
    lines
}

/// Per advisor of the groups, in name order, then groups without an advisor.
pub fn by_advisor(book: &Book, rows: &[Row]) -> Vec<(Option<ColleagueId>, Tally)> {
    let mut tallies: BTreeMap<Option<&ColleagueId>, Tally> = BTreeMap::new();
    for r in rows {
        let t = tallies.entry(r.group.advisor.as_ref()).or_default();
        *t = t.merge(Tally::of_row(r));
    }
    let name = |a: &Option<&ColleagueId>| a.and_then(|a| book.colleagues().get(a)).map(|k| &k.name);
    let mut list: Vec<_> = tallies.into_iter().collect();
    sort::sort_by(&mut list, |(a, _), (b, _)| {
        (a.is_none(), name(a)).cmp(&(b.is_none(), name(b)))
    });
    list.into_iter().map(|(a, t)| (a.cloned(), t)).collect()
}

/// Per co-serving department, with that department's own targets and contacts.
pub fn by_department(rows: &[Row]) -> Vec<(Department, Tally)> {
    let mut tallies: BTreeMap<Department, Tally> = BTreeMap::new();
    for d in rows.iter().flat_map(|r| &r.departments) {
        tallies
            .entry(d.department)
            .or_default()
            .add(d.target, d.actual, 0, Some(d.status));
    }
    tallies.into_iter().collect()
}

/// Which rows a number stands for; empty fields do not filter.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RowFilter {
    /// Classes at the period's end; `None` in the list means not cast.
    pub classes: Vec<Option<Class>>,
    /// The group's advisor; `Some(None)` means groups without one.
    pub advisor: Option<Option<ColleagueId>>,
    /// With a department, the department's status.
    pub status: Option<Status>,
    /// Groups whose casting involves this department.
    pub department: Option<Department>,
    pub decile: Option<u8>,
    /// Groups without a counted contact (of the department, if one is chosen).
    pub no_contact: bool,
}

impl RowFilter {
    pub fn matches(&self, row: &Row) -> bool {
        let (status, actual) = match self.department {
            Some(d) => match row.departments.iter().find(|x| x.department == d) {
                Some(x) => (Some(x.status), x.actual),
                None => return false,
            },
            None => (row.status, row.actual),
        };
        (self.classes.is_empty() || self.classes.contains(&row.class))
            && self
                .advisor
                .as_ref()
                .is_none_or(|a| row.group.advisor.as_ref() == a.as_ref())
            && self.status.is_none_or(|s| status == Some(s))
            && self.decile.is_none_or(|d| row.decile == d)
            && (!self.no_contact || actual == 0)
    }
}

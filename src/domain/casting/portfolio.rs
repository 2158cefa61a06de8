//! The casting across the portfolio: class distribution, what is due, what would differ under
//! the current schemes, how the groups split across each criterion's answers. Every count has
//! a filter that lists exactly the groups behind it.

use crate::domain::book::Book;
use crate::domain::casting::scheme::Scheme;
use crate::domain::casting::{differences, is_due, Casting};
use crate::domain::ids::{GroupId, Key};
use crate::domain::model::Group;
use crate::domain::sort;
use crate::domain::vocab::{Class, Segment};
use chrono::NaiveDate;

/// Which groups a casting number stands for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CastingFilter {
    Class(Class),
    NotCast,
    /// Never cast, or the last casting is a year old.
    Due,
    /// Cast, and the current scheme would give another result.
    Differs,
    /// The current casting chose this answer to this criterion.
    Answer {
        criterion: Key,
        choice: Key,
    },
}

/// The casting facts of one group that filters and lists need.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CastingStatus {
    pub class: Option<Class>,
    pub due: bool,
    pub differs: bool,
    /// (criterion, choice) of the current casting.
    pub answers: Vec<(Key, Key)>,
}

impl CastingStatus {
    pub fn matches(&self, filter: &CastingFilter) -> bool {
        match filter {
            CastingFilter::Class(c) => self.class == Some(*c),
            CastingFilter::NotCast => self.class.is_none(),
            CastingFilter::Due => self.due,
            CastingFilter::Differs => self.differs,
            CastingFilter::Answer { criterion, choice } => self
                .answers
                .iter()
                .any(|(c, o)| c == criterion && o == choice),
        }
    }
}

/// The current scheme of every segment, looked up once rather than per group.
pub struct Schemes(Vec<Scheme>);

impl Schemes {
    pub fn of(book: &Book) -> Self {
        let casting = &book.settings().casting;
        Schemes(Segment::ALL.iter().map(|s| casting.scheme(*s)).collect())
    }

    pub fn get(&self, segment: Segment) -> &Scheme {
        &self.0[segment as usize]
    }
}

pub fn status(
    schemes: &Schemes,
    group: &Group,
    current: Option<&Casting>,
    today: NaiveDate,
) -> CastingStatus {
    CastingStatus {
        class: current.map(Casting::class),
        due: is_due(current, today),
        differs: current
            .is_some_and(|c| !differences(schemes.get(group.segment), group.segment, c).is_empty()),
        answers: current
            .map(|c| {
                c.answers
                    .iter()
                    .map(|a| (a.criterion.clone(), a.choice.clone()))
                    .collect()
            })
            .unwrap_or_default(),
    }
}

/// Counts for the casting overview.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Overview {
    /// Groups per class A–D, then not cast.
    pub classes: [usize; 5],
    pub due: usize,
    pub differs: usize,
    pub groups: usize,
}

pub fn overview(book: &Book, today: NaiveDate) -> Overview {
    let schemes = Schemes::of(book);
    let mut out = Overview::default();
    for g in book.groups().values() {
        let s = status(&schemes, g, book.current_casting(&g.id), today);
        out.groups += 1;
        out.classes[s.class.map_or(4, |c| c as usize)] += 1;
        out.due += usize::from(s.due);
        out.differs += usize::from(s.differs);
    }
    out
}

/// How the cast groups of one segment split across one criterion's answers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Split {
    pub criterion: usize,
    /// Groups per choice, in the scheme's order.
    pub counts: Vec<usize>,
    /// Cast groups whose casting has no (current) answer to this criterion.
    pub other: usize,
}

/// Per criterion of the segment's current scheme, how many groups chose each answer.
pub fn splits(book: &Book, segment: Segment) -> Vec<Split> {
    let scheme = book.settings().casting.scheme(segment);
    let mut out: Vec<Split> = scheme
        .criteria
        .iter()
        .enumerate()
        .map(|(i, c)| Split {
            criterion: i,
            counts: vec![0; c.choices.len()],
            other: 0,
        })
        .collect();
    for g in book.groups().values().filter(|g| g.segment == segment) {
        let Some(casting) = book.current_casting(&g.id) else {
            continue;
        };
        for (split, criterion) in out.iter_mut().zip(&scheme.criteria) {
            let chosen = casting
                .answers
                .iter()
                .find(|a| a.criterion == criterion.key)
                .and_then(|a| criterion.choices.iter().position(|o| o.key == a.choice));
            match chosen {
                Some(i) => split.counts[i] += 1,
                None => split.other += 1,
            }
        }
    }
    out
}

/// Which groups a casting round walks through.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RoundOf {
    /// Never cast, or the last casting is a year old.
    Due,
    /// Cast, but the current scheme would give another result.
    Differs,
}

/// The next group of a casting round (in name order, then id) after `after`, and how many
/// groups the round has in all.
pub fn next_in_round(
    book: &Book,
    today: NaiveDate,
    round: RoundOf,
    segment: Option<Segment>,
    after: Option<&GroupId>,
) -> (Option<GroupId>, usize) {
    let schemes = Schemes::of(book);
    let filter = match round {
        RoundOf::Due => CastingFilter::Due,
        RoundOf::Differs => CastingFilter::Differs,
    };
    let mut members: Vec<&Group> = book
        .groups()
        .values()
        .filter(|g| segment.is_none_or(|s| s == g.segment))
        .filter(|g| status(&schemes, g, book.current_casting(&g.id), today).matches(&filter))
        .collect();
    sort::sort_by(&mut members, |a, b| {
        a.name.cmp(&b.name).then(a.id.cmp(&b.id))
    });
    let start = after
        .and_then(|id| book.groups().get(id))
        .map_or(0, |after| {
            members.partition_point(|g| (&g.name, &g.id) <= (&after.name, &after.id))
        });
    (members.get(start).map(|g| g.id.clone()), members.len())
}

//! Casting a group: score the chosen answers with the segment's scheme, classify, and keep
//! the whole result, so later scheme edits never change a past casting.

pub mod capacity;
pub mod portfolio;
pub mod scheme;
mod scheme_defaults;

use crate::domain::casting::scheme::{ClassRule, Scheme};
use crate::domain::ids::{CastingId, GroupId, Key};
use crate::domain::model::{Group, Timestamp};
use crate::domain::sort;
use crate::domain::text::Name;
use crate::domain::vocab::{Class, Department, Segment};
use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

/// How long a casting holds: older ones are due again.
pub const VALID_MONTHS: u32 = 12;

/// One criterion as answered, with the labels and points of that day.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answer {
    pub criterion: Key,
    pub choice: Key,
    pub criterion_label: Name,
    pub choice_label: Name,
    pub points: i32,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub departments: Vec<Department>,
}

/// A class set by hand, with the reason (e.g. a strategic customer).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Override {
    pub class: Class,
    pub reason: Name,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Casting {
    pub id: CastingId,
    pub group: GroupId,
    pub segment: Segment,
    #[serde(with = "crate::domain::time_format::date")]
    pub date: NaiveDate,
    /// Who cast, by name as it was then.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub by: String,
    pub answers: Vec<Answer>,
    pub score: i32,
    /// The class the score gave.
    pub scored: Class,
    #[serde(default, rename = "override", skip_serializing_if = "Option::is_none")]
    pub manual: Option<Override>,
    /// The rule of the resulting class on that day.
    pub rule: ClassRule,
    /// Departments to involve: the class's plus those the answers called in.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub departments: Vec<Department>,
    #[serde(with = "crate::domain::time_format::timestamp")]
    pub updated_at: Timestamp,
}

impl Casting {
    /// The class that counts: the manual one if set, else the scored one.
    pub fn class(&self) -> Class {
        self.manual.as_ref().map_or(self.scored, |m| m.class)
    }

    /// The day this casting is due again.
    pub fn due_on(&self) -> NaiveDate {
        self.date
            .checked_add_months(Months::new(VALID_MONTHS))
            .unwrap_or(NaiveDate::MAX)
    }
}

/// Whether a group needs casting: never cast, or the last casting is 12 months old.
pub fn is_due(last: Option<&Casting>, today: NaiveDate) -> bool {
    last.is_none_or(|c| today >= c.due_on())
}

/// Where a group stands with its casting, as its page says it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Standing {
    NeverCast,
    /// The last casting is 12 months old since this day.
    DueSince(NaiveDate),
    /// The next casting is due on this day.
    NextOn(NaiveDate),
}

/// The standing of a group whose newest casting is `last` (see [`is_due`]).
pub fn standing(last: Option<&Casting>, today: NaiveDate) -> Standing {
    match last.map(Casting::due_on) {
        None => Standing::NeverCast,
        Some(due) if is_due(last, today) => Standing::DueSince(due),
        Some(due) => Standing::NextOn(due),
    }
}

/// The result of scoring some answers: what the casting screen shows while the advisor taps.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outcome {
    pub answers: Vec<Answer>,
    /// Criteria not answered yet, by index in the scheme.
    pub open: Vec<usize>,
    pub score: i32,
    pub scored: Class,
    pub class: Class,
    pub rule: ClassRule,
    pub departments: Vec<Department>,
}

impl Outcome {
    pub fn is_complete(&self) -> bool {
        self.open.is_empty()
    }

    /// The casting record of this outcome; `manual` must be the class it was evaluated with.
    pub fn into_casting(
        self,
        id: CastingId,
        group: &Group,
        date: NaiveDate,
        by: String,
        manual: Option<Override>,
        now: Timestamp,
    ) -> Casting {
        Casting {
            id,
            group: group.id.clone(),
            segment: group.segment,
            date,
            by,
            answers: self.answers,
            score: self.score,
            scored: self.scored,
            manual,
            rule: self.rule,
            departments: self.departments,
            updated_at: now,
        }
    }
}

/// Scores picks (one optional choice index per criterion of `scheme`) under an optional
/// manual class. Unanswered criteria count nothing and are listed in `open`.
pub fn evaluate(scheme: &Scheme, picks: &[Option<usize>], manual: Option<Class>) -> Outcome {
    let mut answers = Vec::new();
    let mut open = Vec::new();
    for (i, criterion) in scheme.criteria.iter().enumerate() {
        match picks
            .get(i)
            .copied()
            .flatten()
            .and_then(|p| criterion.choices.get(p))
        {
            Some(choice) => answers.push(Answer {
                criterion: criterion.key.clone(),
                choice: choice.key.clone(),
                criterion_label: criterion.label.clone(),
                choice_label: choice.label.clone(),
                points: choice.points,
                departments: choice.departments.clone(),
            }),
            None => open.push(i),
        }
    }
    let score = answers.iter().map(|a| a.points).sum();
    let scored = scheme.thresholds.classify(score);
    let class = manual.unwrap_or(scored);
    let rule = scheme.rule(class).clone();
    let mut departments = rule.departments.clone();
    for d in answers.iter().flat_map(|a| &a.departments) {
        if !departments.contains(d) {
            departments.push(*d);
        }
    }
    sort::sort(&mut departments);
    Outcome {
        answers,
        open,
        score,
        scored,
        class,
        rule,
        departments,
    }
}

/// The picks of an earlier casting in terms of the current scheme: its answers found by key.
/// Criteria added since, or answers removed since, come back unpicked.
pub fn picks_of(scheme: &Scheme, casting: &Casting) -> Vec<Option<usize>> {
    scheme
        .criteria
        .iter()
        .map(|c| {
            let answer = casting.answers.iter().find(|a| a.criterion == c.key)?;
            c.choices.iter().position(|o| o.key == answer.choice)
        })
        .collect()
}

/// Why a casting would come out differently under the current scheme.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Difference {
    /// The group moved to another segment since.
    Segment,
    /// Criteria or answers were added or removed: the casting cannot be recomputed.
    Criteria,
    Points,
    Class {
        now: Class,
    },
    Plan,
    Departments,
}

/// What differs if the casting's answers were scored with `scheme` today; empty if nothing.
pub fn differences(scheme: &Scheme, segment: Segment, casting: &Casting) -> Vec<Difference> {
    if segment != casting.segment {
        return vec![Difference::Segment];
    }
    let picks = picks_of(scheme, casting);
    let now = evaluate(scheme, &picks, casting.manual.as_ref().map(|m| m.class));
    if !now.is_complete() || now.answers.len() != casting.answers.len() {
        return vec![Difference::Criteria];
    }
    let mut out = Vec::new();
    if now.score != casting.score {
        out.push(Difference::Points);
    }
    if now.scored != casting.scored {
        out.push(Difference::Class { now: now.scored });
    }
    if now.rule.plan != casting.rule.plan {
        out.push(Difference::Plan);
    }
    if now.departments != casting.departments {
        out.push(Difference::Departments);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::casting::scheme::CastingSettings;
    use proptest::prelude::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn cast(scheme: &Scheme, picks: &[Option<usize>], date: NaiveDate) -> Casting {
        let o = evaluate(scheme, picks, None);
        Casting {
            id: CastingId::generate(1),
            group: GroupId::generate(1),
            segment: scheme.segment,
            date,
            by: String::new(),
            answers: o.answers,
            score: o.score,
            scored: o.scored,
            manual: None,
            rule: o.rule,
            departments: o.departments,
            updated_at: Timestamp::default(),
        }
    }

    fn corporate() -> Scheme {
        CastingSettings::default().scheme(Segment::Corporate)
    }

    #[test]
    fn scores_explains_and_calls_in_departments() {
        let s = corporate();
        // außerordentlich 4, 1.000–2.499 € 2, succession open 2, over 15 T€ 2, income + cash 2.
        let o = evaluate(&s, &[Some(0), Some(2), Some(1), Some(2), Some(2)], None);
        assert!(o.is_complete());
        assert_eq!(o.score, 12);
        assert_eq!(o.class, Class::A);
        assert_eq!(o.rule.contacts(), 4);
        assert_eq!(o.answers[0].choice_label.as_str(), "außerordentlich");
        use Department::*;
        assert_eq!(
            o.departments,
            vec![PrivateBanking, Succession, Securities, Treasury]
        );
    }

    #[test]
    fn a_group_stands_never_cast_due_or_next_on_the_anniversary() {
        let c = cast(&corporate(), &[Some(0)], day(2025, 11, 30));
        assert_eq!(standing(None, day(2026, 1, 1)), Standing::NeverCast);
        assert_eq!(
            standing(Some(&c), day(2026, 11, 29)),
            Standing::NextOn(day(2026, 11, 30))
        );
        // Due on the day itself, and since then.
        for today in [day(2026, 11, 30), day(2027, 3, 1)] {
            assert_eq!(
                standing(Some(&c), today),
                Standing::DueSince(day(2026, 11, 30))
            );
            assert!(is_due(Some(&c), today));
        }
    }

    #[test]
    fn open_criteria_are_listed_and_manual_class_wins() {
        let s = corporate();
        let o = evaluate(&s, &[Some(2), None, Some(0)], Some(Class::B));
        assert_eq!(o.open, vec![1, 3, 4]);
        assert_eq!((o.scored, o.class), (Class::D, Class::B));
        assert_eq!(o.rule, s.classes[1]);
    }

    #[test]
    fn every_combination_of_every_default_scheme_has_one_class() {
        for scheme in CastingSettings::default().schemes {
            let sizes: Vec<usize> = scheme.criteria.iter().map(|c| c.choices.len()).collect();
            let total: usize = sizes.iter().product();
            let mut seen = [0usize; 4];
            for n in 0..total {
                let mut rest = n;
                let picks: Vec<Option<usize>> = sizes
                    .iter()
                    .map(|s| {
                        let p = rest % s;
                        rest /= s;
                        Some(p)
                    })
                    .collect();
                let o = evaluate(&scheme, &picks, None);
                assert!(o.is_complete());
                assert_eq!(o.class, scheme.thresholds.classify(o.score));
                seen[o.class as usize] += 1;
            }
            assert_eq!(seen.iter().sum::<usize>(), total);
            assert!(
                seen.iter().all(|n| *n > 0),
                "{:?}: {seen:?}",
                scheme.segment
            );
        }
    }

    #[test]
    fn due_after_twelve_months_including_leap_days() {
        let s = corporate();
        let c = cast(&s, &[Some(0); 5], day(2025, 11, 23));
        assert!(!is_due(Some(&c), day(2026, 11, 22)));
        assert!(is_due(Some(&c), day(2026, 11, 23)));
        assert!(is_due(None, day(2026, 11, 23)));
        let leap = cast(&s, &[Some(0); 5], day(2024, 2, 29));
        assert_eq!(leap.due_on(), day(2025, 2, 28));
        let month_end = cast(&s, &[Some(0); 5], day(2025, 1, 31));
        assert_eq!(month_end.due_on(), day(2026, 1, 31));
    }

    proptest! {
        #[test]
        fn due_exactly_when_not_within_twelve_months(offset in 0i64..800, start in 0i64..3000) {
            let s = corporate();
            let date = day(2020, 1, 1) + chrono::Duration::days(start);
            let c = cast(&s, &[Some(1); 5], date);
            let today = date + chrono::Duration::days(offset);
            prop_assert_eq!(is_due(Some(&c), today), today >= c.due_on());
            prop_assert!(c.due_on() > date + chrono::Duration::days(364));
            prop_assert!(c.due_on() <= date + chrono::Duration::days(366));
        }

        #[test]
        fn raising_a_choice_never_worsens_the_class(picks in proptest::collection::vec(0usize..4, 5), which in 0usize..5, bonus in 1i32..10) {
            let mut s = corporate();
            let picks: Vec<Option<usize>> = picks.iter().zip(&s.criteria).map(|(p, c)| Some(p % c.choices.len())).collect();
            let before = evaluate(&s, &picks, None).class;
            let chosen = picks[which].unwrap();
            s.criteria[which].choices[chosen].points += bonus;
            prop_assert!(evaluate(&s, &picks, None).class <= before);
        }
    }

    #[test]
    fn scheme_edits_show_as_differences_never_as_changes() {
        let s = corporate();
        let c = cast(
            &s,
            &[Some(0), Some(2), Some(0), Some(1), Some(0)],
            day(2026, 3, 1),
        );
        assert_eq!((c.score, c.scored), (7, Class::B));
        assert!(differences(&s, Segment::Corporate, &c).is_empty());

        let mut edited = s.clone();
        edited.thresholds.b = 8;
        edited.thresholds.a = 10;
        assert_eq!(
            differences(&edited, Segment::Corporate, &c),
            vec![Difference::Class { now: Class::C }, Difference::Plan]
        );
        assert_eq!(c.scored, Class::B, "the stored casting is unchanged");

        let mut fewer = s.clone();
        fewer.criteria.pop();
        assert_eq!(
            differences(&fewer, Segment::Corporate, &c),
            vec![Difference::Criteria]
        );
        let mut renamed = s.clone();
        renamed.criteria[0].label = Name::known("Potenzial (neu)");
        assert!(differences(&renamed, Segment::Corporate, &c).is_empty());
        assert_eq!(
            differences(&s, Segment::Business, &c),
            vec![Difference::Segment]
        );
    }
}

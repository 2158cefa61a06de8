//! Casting schemes: per segment, the criteria a group is scored on, the thresholds that turn
//! the score into a class, and per class the contact plan and the departments involved.

use crate::domain::ids::Key;
use crate::domain::sort;
use crate::domain::text::Name;
use crate::domain::vocab::{Class, Department, Format, Segment};
use serde::{Deserialize, Serialize};

/// One answer to a criterion, worth some points; it may call in departments.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Choice {
    pub key: Key,
    pub label: Name,
    pub points: i32,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub departments: Vec<Department>,
}

/// An attractiveness criterion, e.g. "Potenzial", with its possible answers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Criterion {
    pub key: Key,
    pub label: Name,
    pub choices: Vec<Choice>,
}

/// A format a class may use, how often it is planned per year and how long it takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Planned {
    pub format: Format,
    /// Planned contacts of this format per year; 0 means allowed, not planned.
    pub per_year: u8,
    pub minutes: u16,
}

/// What a class means: its contact plan (listed formats are the allowed ones) and the
/// departments that co-serve every group of the class.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClassRule {
    pub plan: Vec<Planned>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub departments: Vec<Department>,
}

impl ClassRule {
    /// The format a follow-up most likely needs: the planned one with the most contacts still
    /// open (ties: plan order), given the formats of the group's reached contacts of the last
    /// twelve months. `None` for a class without planned contacts.
    pub fn next_format(&self, done: impl IntoIterator<Item = Format> + Clone) -> Option<Format> {
        let open = |p: &Planned| {
            let had = done.clone().into_iter().filter(|f| *f == p.format).count();
            i64::from(p.per_year) - had as i64
        };
        let planned = self.plan.iter().filter(|p| p.per_year > 0);
        // `max_by_key` keeps the last of equals; plan order wants the first.
        planned.rev().max_by_key(|p| open(p)).map(|p| p.format)
    }

    /// Target contacts per year (Soll-Kontakte); 0 means reactive only.
    pub fn contacts(&self) -> u32 {
        self.plan.iter().map(|p| u32::from(p.per_year)).sum()
    }

    /// Minutes the planned contacts take per year.
    pub fn minutes(&self) -> u32 {
        self.plan
            .iter()
            .map(|p| u32::from(p.per_year) * u32::from(p.minutes))
            .sum()
    }

    pub fn allows(&self, format: Format) -> bool {
        self.plan.iter().any(|p| p.format == format)
    }

    pub fn planned(&self, format: Format) -> Option<Planned> {
        self.plan.iter().copied().find(|p| p.format == format)
    }

    /// Allows a format (unplanned, taking `minutes`) or forbids it (dropping its plan).
    pub fn set_allowed(&mut self, format: Format, allowed: bool, minutes: u16) {
        self.plan.retain(|p| p.format != format);
        if allowed {
            self.plan.push(Planned {
                format,
                per_year: 0,
                minutes,
            });
            sort::sort_by_key(&mut self.plan, |p| p.format);
        }
    }

    /// Changes the plan of an allowed format; a forbidden one stays forbidden.
    pub fn update(&mut self, format: Format, change: impl FnOnce(&mut Planned)) {
        if let Some(p) = self.plan.iter_mut().find(|p| p.format == format) {
            change(p);
        }
    }
}

/// Lowest score for A, B and C; anything below C is D.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Thresholds {
    pub a: i32,
    pub b: i32,
    pub c: i32,
}

impl Thresholds {
    /// The class of a score. Total: every score has exactly one class.
    pub fn classify(self, score: i32) -> Class {
        if score >= self.a {
            Class::A
        } else if score >= self.b {
            Class::B
        } else if score >= self.c {
            Class::C
        } else {
            Class::D
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Scheme {
    pub segment: Segment,
    pub criteria: Vec<Criterion>,
    pub thresholds: Thresholds,
    /// Rules of A, B, C and D, in that order.
    pub classes: [ClassRule; 4],
}

impl Scheme {
    pub fn rule(&self, class: Class) -> &ClassRule {
        &self.classes[class as usize]
    }

    /// Minutes this scheme gives a format anywhere, as the start value when a class allows it.
    pub fn minutes_of(&self, format: Format) -> u16 {
        self.classes
            .iter()
            .find_map(|r| r.planned(format))
            .map_or(60, |p| p.minutes)
    }
}

/// How much time an advisor really has for customers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MarketTime {
    pub days: u16,
    pub minutes_per_day: u16,
    /// Share of the working time spent with customers, in percent.
    pub share: u8,
}

impl MarketTime {
    /// A market time within sensible bounds: 1–366 working days, 1 minute to 24 hours a day,
    /// a share of 1–100 %.
    pub fn new(days: u16, minutes_per_day: u16, share: u8) -> Result<Self, SchemeProblem> {
        let ok = (1..=366).contains(&days)
            && (1..=1440).contains(&minutes_per_day)
            && (1..=100).contains(&share);
        if ok {
            Ok(MarketTime {
                days,
                minutes_per_day,
                share,
            })
        } else {
            Err(SchemeProblem::MarketTime)
        }
    }

    /// Net market time per year in minutes.
    pub fn minutes(self) -> u32 {
        u32::from(self.days) * u32::from(self.minutes_per_day) * u32::from(self.share) / 100
    }
}

/// How often a co-serving department should be in touch with a group it is involved in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DepartmentRule {
    pub department: Department,
    pub per_year: u8,
    pub minutes: u16,
}

/// Everything the casting needs, kept in the book's settings and exported with it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CastingSettings {
    pub schemes: Vec<Scheme>,
    pub market: MarketTime,
    pub departments: Vec<DepartmentRule>,
}

impl Default for CastingSettings {
    fn default() -> Self {
        crate::domain::casting::scheme_defaults::settings()
    }
}

impl CastingSettings {
    /// The scheme of a segment. Validation guarantees one per segment; a book that somehow
    /// lacks one falls back to the built-in default rather than failing to render.
    pub fn scheme(&self, segment: Segment) -> Scheme {
        self.schemes
            .iter()
            .find(|s| s.segment == segment)
            .cloned()
            .unwrap_or_else(|| crate::domain::casting::scheme_defaults::scheme(segment))
    }

    pub fn department(&self, department: Department) -> DepartmentRule {
        self.departments
            .iter()
            .copied()
            .find(|d| d.department == department)
            .unwrap_or(DepartmentRule {
                department,
                per_year: 1,
                minutes: 60,
            })
    }

    /// Replaces the scheme of its segment after checking it.
    pub fn set_scheme(&mut self, scheme: Scheme) -> Result<(), SchemeProblem> {
        check_scheme(&scheme)?;
        match self
            .schemes
            .iter_mut()
            .find(|s| s.segment == scheme.segment)
        {
            Some(slot) => *slot = scheme,
            None => self.schemes.push(scheme),
        }
        Ok(())
    }
}

/// The built-in scheme of a segment (what "Standard laden" restores).
pub fn default_scheme(segment: Segment) -> Scheme {
    crate::domain::casting::scheme_defaults::scheme(segment)
}

/// A scheme that cannot be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SchemeProblem {
    NoCriteria,
    TooFewChoices { criterion: String },
    DuplicateKey { key: String },
    ThresholdOrder,
    PlanTwice { class: Class, format: Format },
    MarketTime,
    MissingScheme { segment: Segment },
    DuplicateScheme { segment: Segment },
}

/// Checks one scheme: criteria with at least two answers, unique keys, thresholds A ≥ B ≥ C,
/// each format at most once per class.
pub fn check_scheme(scheme: &Scheme) -> Result<(), SchemeProblem> {
    if scheme.criteria.is_empty() {
        return Err(SchemeProblem::NoCriteria);
    }
    fn unique<'a>(keys: &mut Vec<&'a Key>, key: &'a Key) -> Result<(), SchemeProblem> {
        if keys.contains(&key) {
            return Err(SchemeProblem::DuplicateKey {
                key: key.to_string(),
            });
        }
        keys.push(key);
        Ok(())
    }
    let mut keys = Vec::new();
    for c in &scheme.criteria {
        unique(&mut keys, &c.key)?;
        if c.choices.len() < 2 {
            return Err(SchemeProblem::TooFewChoices {
                criterion: c.label.to_string(),
            });
        }
        let mut choice_keys = Vec::new();
        for o in &c.choices {
            unique(&mut choice_keys, &o.key)?;
        }
    }
    let t = scheme.thresholds;
    if !(t.a >= t.b && t.b >= t.c) {
        return Err(SchemeProblem::ThresholdOrder);
    }
    for (class, rule) in Class::ALL.iter().zip(&scheme.classes) {
        for (i, p) in rule.plan.iter().enumerate() {
            if rule.plan[..i].iter().any(|q| q.format == p.format) {
                return Err(SchemeProblem::PlanTwice {
                    class: *class,
                    format: p.format,
                });
            }
        }
    }
    Ok(())
}

/// Checks the whole casting settings: every scheme valid, exactly one per segment.
pub fn check_settings(settings: &CastingSettings) -> Result<(), SchemeProblem> {
    let m = settings.market;
    MarketTime::new(m.days, m.minutes_per_day, m.share)?;
    for segment in Segment::ALL {
        match settings
            .schemes
            .iter()
            .filter(|s| s.segment == *segment)
            .count()
        {
            0 => return Err(SchemeProblem::MissingScheme { segment: *segment }),
            1 => {}
            _ => return Err(SchemeProblem::DuplicateScheme { segment: *segment }),
        }
    }
    settings.schemes.iter().try_for_each(check_scheme)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn the_next_format_is_the_one_most_behind_its_plan() {
        let plan = |entries: &[(Format, u8)]| ClassRule {
            plan: entries
                .iter()
                .map(|&(format, per_year)| Planned {
                    format,
                    per_year,
                    minutes: 60,
                })
                .collect(),
            departments: vec![],
        };
        let rule = plan(&[
            (Format::ServiceContact, 0),
            (Format::AnnualTalk, 1),
            (Format::AdvisoryTalk, 2),
        ]);
        assert_eq!(rule.next_format([]), Some(Format::AdvisoryTalk));
        assert_eq!(
            rule.next_format([Format::AdvisoryTalk]),
            Some(Format::AnnualTalk),
            "ties go to the plan's order"
        );
        assert_eq!(
            rule.next_format([Format::AdvisoryTalk, Format::AdvisoryTalk]),
            Some(Format::AnnualTalk)
        );
        assert_eq!(plan(&[(Format::ServiceContact, 0)]).next_format([]), None);
    }

    fn thresholds() -> impl Strategy<Value = Thresholds> {
        (-20i32..40, 0i32..20, 0i32..20).prop_map(|(c, db, da)| Thresholds {
            a: c + db + da,
            b: c + db,
            c,
        })
    }

    proptest! {
        #[test]
        fn more_points_never_give_a_worse_class(t in thresholds(), s in -50i32..80, more in 0i32..30) {
            prop_assert!(t.classify(s + more) <= t.classify(s));
        }

        #[test]
        fn every_score_has_the_class_its_thresholds_bound(t in thresholds(), s in -50i32..80) {
            let class = t.classify(s);
            let lower = [t.a, t.b, t.c, i32::MIN][class as usize];
            let upper = [i32::MAX, t.a, t.b, t.c][class as usize];
            prop_assert!(s >= lower && s < upper);
        }
    }

    #[test]
    fn thresholds_at_their_edges() {
        let t = Thresholds { a: 9, b: 6, c: 3 };
        let got: Vec<Class> = [9, 8, 6, 5, 3, 2, -1]
            .iter()
            .map(|s| t.classify(*s))
            .collect();
        use Class::*;
        assert_eq!(got, vec![A, B, B, C, C, D, D]);
        // Equal thresholds leave a class empty rather than overlapping.
        let t = Thresholds { a: 5, b: 5, c: 0 };
        assert_eq!((t.classify(5), t.classify(4)), (A, C));
    }

    #[test]
    fn defaults_are_valid_and_c_d_exclude_costly_formats() {
        let settings = CastingSettings::default();
        assert_eq!(check_settings(&settings), Ok(()));
        for s in &settings.schemes {
            for class in [Class::C, Class::D] {
                let rule = s.rule(class);
                assert!(
                    !rule.allows(Format::StrategyTalk),
                    "{:?} {class:?}",
                    s.segment
                );
                assert!(
                    !rule.allows(Format::RatingTalk),
                    "{:?} {class:?}",
                    s.segment
                );
            }
            assert_eq!(s.rule(Class::D).contacts(), 0, "D is reactive only");
            let per_class: Vec<u32> = s.classes.iter().map(ClassRule::contacts).collect();
            assert!(per_class.windows(2).all(|w| w[0] >= w[1]), "{per_class:?}");
        }
        let corporate = settings.scheme(Segment::Corporate);
        let contacts: Vec<u32> = corporate.classes.iter().map(ClassRule::contacts).collect();
        assert_eq!(contacts, vec![4, 2, 1, 0]);
    }

    #[test]
    fn allowing_and_forbidding_formats_keeps_the_plan_consistent() {
        let mut s = CastingSettings::default().scheme(Segment::Corporate);
        let minutes = s.minutes_of(Format::StrategyTalk);
        assert_eq!(minutes, 120);
        let c = &mut s.classes[2];
        assert!(!c.allows(Format::StrategyTalk));
        c.set_allowed(Format::StrategyTalk, true, minutes);
        c.update(Format::StrategyTalk, |p| p.per_year = 2);
        assert_eq!(c.contacts(), 3);
        assert_eq!(
            c.plan[0].format,
            Format::StrategyTalk,
            "kept in format order"
        );
        c.set_allowed(Format::StrategyTalk, false, minutes);
        assert_eq!(c.contacts(), 1);
        c.update(Format::StrategyTalk, |p| p.per_year = 5);
        assert!(
            !c.allows(Format::StrategyTalk),
            "a forbidden format cannot be planned"
        );
        assert_eq!(check_scheme(&s), Ok(()));
    }

    #[test]
    fn broken_schemes_are_named() {
        let mut s = CastingSettings::default().scheme(Segment::Corporate);
        s.thresholds = Thresholds { a: 1, b: 2, c: 0 };
        assert_eq!(check_scheme(&s), Err(SchemeProblem::ThresholdOrder));

        let mut s = CastingSettings::default().scheme(Segment::Corporate);
        s.criteria[0].choices.truncate(1);
        assert!(matches!(
            check_scheme(&s),
            Err(SchemeProblem::TooFewChoices { .. })
        ));

        let mut s = CastingSettings::default().scheme(Segment::Corporate);
        let key = s.criteria[0].key.clone();
        s.criteria[1].key = key;
        assert!(matches!(
            check_scheme(&s),
            Err(SchemeProblem::DuplicateKey { .. })
        ));

        let mut s = CastingSettings::default().scheme(Segment::Corporate);
        let first = s.classes[0].plan[0];
        s.classes[0].plan.push(first);
        assert!(matches!(
            check_scheme(&s),
            Err(SchemeProblem::PlanTwice {
                class: Class::A,
                ..
            })
        ));

        let mut settings = CastingSettings::default();
        settings.market.share = 101;
        assert_eq!(check_settings(&settings), Err(SchemeProblem::MarketTime));
        assert_eq!(MarketTime::new(0, 480, 40), Err(SchemeProblem::MarketTime));
        assert_eq!(
            MarketTime::new(210, 1441, 40),
            Err(SchemeProblem::MarketTime)
        );
        assert_eq!(
            MarketTime::new(366, 1440, 100).map(MarketTime::minutes),
            Ok(527_040)
        );

        let mut settings = CastingSettings::default();
        settings.schemes.pop();
        assert!(matches!(
            check_settings(&settings),
            Err(SchemeProblem::MissingScheme { .. })
        ));
    }
}

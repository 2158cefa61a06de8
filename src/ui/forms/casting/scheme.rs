//! The scheme editor's inputs: each number and each department list has a place in the
//! scheme; a typed number is checked against its place's range before it is written, and a
//! label must be a name. The page edits a draft with these; a refused input leaves it as it
//! was.

use crate::domain::casting::scheme::Scheme;
use crate::domain::sort;
use crate::domain::text::Name;
use crate::domain::vocab::{Department, Format};
use crate::texts;

/// A number in the scheme that the editor changes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    /// The points from which class A, B, C begins (0, 1, 2).
    Threshold(usize),
    /// The points of criterion `i`'s answer `j`.
    Points(usize, usize),
    /// Class `k`'s contacts a year in a format.
    PerYear(usize, Format),
    /// Class `k`'s minutes per contact in a format.
    Minutes(usize, Format),
}

impl Place {
    pub fn range(self) -> (i64, i64) {
        match self {
            Place::Threshold(_) => (-999, 999),
            Place::Points(..) => (-99, 99),
            Place::PerYear(..) => (0, 52),
            Place::Minutes(..) => (0, 600),
        }
    }

    /// The typed number if it is one within range; else what to say, naming the input.
    pub fn parse(self, raw: &str, label: &str) -> Result<i64, String> {
        let (min, max) = self.range();
        match raw.trim().parse::<i64>() {
            Ok(n) if (min..=max).contains(&n) => Ok(n),
            _ => Err(texts::bad_number(label, min, max)),
        }
    }

    /// Writes `n`, already checked by [`Place::parse`].
    pub fn set(self, s: &mut Scheme, n: i64) {
        match self {
            Place::Threshold(0) => s.thresholds.a = n as i32,
            Place::Threshold(1) => s.thresholds.b = n as i32,
            Place::Threshold(_) => s.thresholds.c = n as i32,
            Place::Points(i, j) => s.criteria[i].choices[j].points = n as i32,
            Place::PerYear(k, f) => s.classes[k].update(f, |p| p.per_year = n as u8),
            Place::Minutes(k, f) => s.classes[k].update(f, |p| p.minutes = n as u16),
        }
    }
}

/// A department list in the scheme: of an answer or of a class.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Departments {
    Choice(usize, usize),
    Class(usize),
}

impl Departments {
    fn list(self, s: &mut Scheme) -> &mut Vec<Department> {
        match self {
            Departments::Choice(i, j) => &mut s.criteria[i].choices[j].departments,
            Departments::Class(k) => &mut s.classes[k].departments,
        }
    }

    /// Ticks or unticks `d`; the list stays sorted and free of duplicates.
    pub fn set(self, s: &mut Scheme, d: Department, on: bool) {
        let list = self.list(s);
        list.retain(|x| *x != d);
        if on {
            list.push(d);
            sort::sort(list);
        }
    }
}

/// A typed label (of a criterion or an answer) as a name; else what to say.
pub fn parse_label(raw: &str, label: &str) -> Result<Name, String> {
    Name::parse(raw).map_err(|e| texts::field_problem(label, &e))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::casting::scheme::default_scheme;
    use crate::domain::vocab::{Class, Segment};

    #[test]
    fn numbers_are_checked_against_their_place_and_written_there() {
        let mut s = default_scheme(Segment::Private);
        assert_eq!(Place::Threshold(1).parse(" 12 ", "B ab Punkten"), Ok(12));
        assert_eq!(
            Place::PerYear(0, Format::ALL[0]).parse("53", "pro Jahr"),
            Err(texts::bad_number("pro Jahr", 0, 52))
        );
        assert!(Place::Points(0, 0).parse("zwei", "Punkte").is_err());

        Place::Threshold(1).set(&mut s, 12);
        Place::Points(0, 1).set(&mut s, -7);
        assert_eq!((s.thresholds.b, s.criteria[0].choices[1].points), (12, -7));

        let k = Class::A as usize;
        let f = s.classes[k].plan[0].format;
        Place::PerYear(k, f).set(&mut s, 6);
        Place::Minutes(k, f).set(&mut s, 90);
        let p = &s.classes[k].plan[0];
        assert_eq!((p.per_year, p.minutes), (6, 90));
    }

    #[test]
    fn department_lists_stay_sorted_without_duplicates() {
        let mut s = default_scheme(Segment::Private);
        let (a, b) = (Department::ALL[0], Department::ALL[1]);
        let list = Departments::Class(0);
        s.classes[0].departments.clear();
        list.set(&mut s, b, true);
        list.set(&mut s, a, true);
        list.set(&mut s, a, true);
        assert_eq!(s.classes[0].departments, vec![a, b]);
        list.set(&mut s, b, false);
        assert_eq!(s.classes[0].departments, vec![a]);

        Departments::Choice(0, 0).set(&mut s, b, true);
        assert!(s.criteria[0].choices[0].departments.contains(&b));
    }

    #[test]
    fn a_label_must_be_a_name() {
        assert_eq!(
            parse_label(" Vermögen ", "Kriterium 1: Bezeichnung")
                .unwrap()
                .as_str(),
            "Vermögen"
        );
        assert_eq!(
            parse_label("  ", "Kriterium 1: Bezeichnung"),
            Err("Kriterium 1: Bezeichnung darf nicht leer sein".into())
        );
    }
}

//! The wording of a group's casting: where it stands, its answers and score.

use super::dates::date;
use super::points;
use crate::domain::casting::{Answer, Standing};
use chrono::NaiveDate;

pub fn casting_standing(s: Standing) -> String {
    match s {
        Standing::NeverCast => "Noch nicht gecastet.".into(),
        Standing::DueSince(d) => format!("Casting fällig seit {}.", date(d)),
        Standing::NextOn(d) => format!("Nächstes Casting ab {}.", date(d)),
    }
}

/// One answer of a recorded casting: "Potenzial: hoch (+4)".
pub fn answer_line(a: &Answer) -> String {
    format!(
        "{}: {} ({})",
        a.criterion_label,
        a.choice_label,
        points(a.points)
    )
}

pub fn score(points: i32) -> String {
    match points {
        1 | -1 => format!("{points} Punkt"),
        n => format!("{n} Punkte"),
    }
}

pub fn delete_casting_label(day: NaiveDate) -> String {
    format!("Casting vom {} löschen", date(day))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_casting_standing_reads_as_a_sentence() {
        let day = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
        assert_eq!(
            casting_standing(Standing::NeverCast),
            "Noch nicht gecastet."
        );
        assert_eq!(
            casting_standing(Standing::DueSince(day)),
            "Casting fällig seit 30.11.2026."
        );
        assert_eq!(
            casting_standing(Standing::NextOn(day)),
            "Nächstes Casting ab 30.11.2026."
        );
        assert_eq!(score(1), "1 Punkt");
        assert_eq!(score(7), "7 Punkte");
        assert_eq!(delete_casting_label(day), "Casting vom 30.11.2026 löschen");
    }
}

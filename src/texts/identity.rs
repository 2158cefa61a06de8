//! The line that tells a group apart from others of the same name.

use super::dates::date;
use crate::domain::safety::identity::GroupMarks;

/// "Hans Walter, Anna Walter und 2 weitere · Kd.-Nr. 1000012345 · letzter Kontakt 12.03.2026 ·
/// geplant 02.12.2026"
pub fn group_marks(m: &GroupMarks) -> String {
    let mut parts = Vec::new();
    if !m.names.is_empty() {
        let names = m.names.join(", ");
        parts.push(match m.more {
            0 => names,
            n => format!("{names} und {n} weitere"),
        });
    }
    if let Some(number) = &m.number {
        parts.push(format!("Kd.-Nr. {number}"));
    }
    parts.push(match m.last_contact {
        Some(d) => format!("letzter Kontakt {}", date(d)),
        None => "noch kein Kontakt".to_owned(),
    });
    if let Some(d) = m.next_planned {
        parts.push(format!("geplant {}", date(d)));
    }
    parts.join(" · ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn a_group_line_names_members_number_and_contacts() {
        let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day);
        let marks = GroupMarks {
            names: vec!["Hans Walter".into(), "Anna Walter".into()],
            more: 2,
            number: Some("1000012345".into()),
            last_contact: d(3, 12),
            next_planned: d(12, 2),
        };
        assert_eq!(
            group_marks(&marks),
            "Hans Walter, Anna Walter und 2 weitere · Kd.-Nr. 1000012345 · letzter Kontakt 12.03.2026 · geplant 02.12.2026"
        );
        let empty = GroupMarks {
            names: vec![],
            more: 0,
            number: None,
            last_contact: None,
            next_planned: None,
        };
        assert_eq!(group_marks(&empty), "noch kein Kontakt");
    }
}

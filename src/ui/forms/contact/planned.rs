//! The planned-contact form: date (shared with the contact form's follow-up), optional time,
//! format, who takes it, a note.

use super::FOLLOW_UP_DATE;
use crate::domain::contact::Planned;
use crate::domain::ids::{GroupId, PlannedId};
use crate::domain::model::Timestamp;
use crate::domain::text::parse_notes;
use crate::domain::time_format::parse_clock;
use crate::domain::vocab::Format;
use crate::texts;
use crate::ui::format::parse_input_date;
use crate::ui::forms::{first_pick, FieldError};

/// The date field: the one the contact form's follow-up uses, shown by the same component.
pub const DATE: &str = FOLLOW_UP_DATE;
pub const TIME: &str = "f-geplant-uhrzeit";
pub const NOTE: &str = "f-notiz";

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PlannedFields {
    pub date: String,
    /// Empty: no time of day.
    pub time: String,
    pub format: Vec<String>,
    /// A colleague's id; empty: open.
    pub who: String,
    pub note: String,
}

/// What the shell adds: the group, the record being changed (its id, origin and completion
/// stay) or a new id, the format to fall back on, and the stamp.
pub struct Stamp<'a> {
    pub group: GroupId,
    pub existing: Option<&'a Planned>,
    pub new_id: PlannedId,
    pub expected: Format,
    pub updated_at: Timestamp,
}

impl PlannedFields {
    pub fn parse(&self, stamp: &Stamp) -> Result<Planned, FieldError> {
        let date = parse_input_date(&self.date)
            .ok()
            .flatten()
            .ok_or(FieldError::new(DATE, texts::BAD_DATE))?;
        let time = match self.time.trim() {
            "" => None,
            raw => Some(parse_clock(raw).ok_or(FieldError::new(TIME, texts::BAD_TIME))?),
        };
        let note = parse_notes(&self.note).map_err(|e| FieldError::text(NOTE, "Notiz", &e))?;
        let existing = stamp.existing;
        Ok(Planned {
            id: existing.map_or_else(|| stamp.new_id.clone(), |p| p.id.clone()),
            group: stamp.group.clone(),
            date,
            time,
            format: first_pick(&self.format, Format::from_key).unwrap_or(stamp.expected),
            who: self.who.parse().ok(),
            note,
            agreed_in: existing.and_then(|p| p.agreed_in.clone()),
            done: existing.and_then(|p| p.done.clone()),
            updated_at: stamp.updated_at,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{NaiveDate, NaiveTime};

    fn stamp(existing: Option<&Planned>) -> Stamp<'_> {
        Stamp {
            group: "g-1".parse().unwrap(),
            existing,
            new_id: "f-new".parse().unwrap(),
            expected: Format::AdvisoryTalk,
            updated_at: Timestamp::default(),
        }
    }

    fn fields() -> PlannedFields {
        PlannedFields {
            date: "14.12.2026".into(),
            time: " 09:30 ".into(),
            format: vec!["AnnualTalk".into()],
            who: "k-1".into(),
            note: "Bilanz mitbringen".into(),
        }
    }

    #[test]
    fn a_new_plan_and_a_moved_one() {
        let plan = fields().parse(&stamp(None)).unwrap();
        assert_eq!(plan.id.as_str(), "f-new");
        assert_eq!(plan.date, NaiveDate::from_ymd_opt(2026, 12, 14).unwrap());
        assert_eq!(plan.time, NaiveTime::from_hms_opt(9, 30, 0));
        assert_eq!(plan.format, Format::AnnualTalk);
        assert_eq!(
            plan.who.as_ref().map(ToString::to_string),
            Some("k-1".into())
        );
        assert_eq!(plan.note, "Bilanz mitbringen");

        // Moved: the id, where it was agreed and whether it is done stay; no time, no format
        // picked and nobody named fall back.
        let mut before = plan.clone();
        before.agreed_in = Some("t-1".parse().unwrap());
        let moved = PlannedFields {
            date: "2027-01-11".into(),
            time: String::new(),
            format: Vec::new(),
            who: String::new(),
            note: String::new(),
        }
        .parse(&stamp(Some(&before)))
        .unwrap();
        assert_eq!(moved.id.as_str(), "f-new");
        assert_eq!(moved.agreed_in, before.agreed_in);
        assert_eq!(
            (moved.time, moved.format, moved.who),
            (None, Format::AdvisoryTalk, None)
        );
    }

    #[test]
    fn each_problem_names_its_field() {
        let refused = |change: fn(&mut PlannedFields)| {
            let mut f = fields();
            change(&mut f);
            f.parse(&stamp(None)).unwrap_err()
        };
        assert_eq!(
            refused(|f| f.date.clear()),
            FieldError::new(DATE, texts::BAD_DATE)
        );
        assert_eq!(
            refused(|f| f.date = "32.12.2026".into()),
            FieldError::new(DATE, texts::BAD_DATE)
        );
        assert_eq!(
            refused(|f| f.time = "9 Uhr".into()),
            FieldError::new(TIME, texts::BAD_TIME)
        );
        let long = refused(|f| f.note = "x".repeat(20_001));
        assert_eq!(long.field, NOTE);
        assert!(long.message.starts_with("Notiz "), "{}", long.message);
    }
}

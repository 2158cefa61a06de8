//! The group form: name, segment, advisor, lead customer, notes.

use crate::domain::ids::{ColleagueId, CustomerId, GroupId};
use crate::domain::model::{Group, Timestamp};
use crate::domain::text::{parse_notes, Name};
use crate::domain::vocab::Segment;
use crate::ui::forms::FieldError;

pub const NAME: &str = "f-name-des-verbunds";
pub const NOTES: &str = "f-notizen";

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GroupFields {
    pub name: String,
    /// A segment's key; anything else is a private customers' group.
    pub segment: String,
    /// A colleague's id; empty: nobody.
    pub advisor: String,
    /// A member's id; empty: no lead customer.
    pub lead: String,
    pub notes: String,
}

impl GroupFields {
    /// The group as the form describes it: `existing` keeps its id and creation time, a new
    /// group takes `new_id`. Whether advisor and lead exist is the book's to check.
    pub fn parse(
        &self,
        existing: Option<&Group>,
        new_id: GroupId,
        now: Timestamp,
    ) -> Result<Group, FieldError> {
        let name = Name::parse(&self.name).map_err(|e| FieldError::text(NAME, "Name", &e))?;
        let notes = parse_notes(&self.notes).map_err(|e| FieldError::text(NOTES, "Notizen", &e))?;
        Ok(Group {
            id: existing.map_or(new_id, |g| g.id.clone()),
            name,
            segment: Segment::from_key(&self.segment).unwrap_or(Segment::Private),
            advisor: self.advisor.parse::<ColleagueId>().ok(),
            lead: self.lead.parse::<CustomerId>().ok(),
            notes,
            created_at: existing.map_or(now, |g| g.created_at),
            updated_at: now,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields() -> GroupFields {
        GroupFields {
            name: "  Familie Weber ".into(),
            segment: "Business".into(),
            advisor: "k-1".into(),
            lead: String::new(),
            notes: "Hofladen seit 1998".into(),
        }
    }

    #[test]
    fn a_new_group_and_an_edited_one() {
        let id: GroupId = "g-new".parse().unwrap();
        let group = fields()
            .parse(None, id.clone(), Timestamp::default())
            .unwrap();
        assert_eq!(
            (group.id.as_str(), group.name.as_str()),
            ("g-new", "Familie Weber")
        );
        assert_eq!(group.segment, Segment::Business);
        assert_eq!(group.advisor.map(|a| a.to_string()), Some("k-1".into()));
        assert_eq!(group.lead, None);

        let mut before = fields().parse(None, id, Timestamp::default()).unwrap();
        before.id = "g-old".parse().unwrap();
        let edited = GroupFields {
            segment: "unbekannt".into(),
            advisor: String::new(),
            lead: "c-1".into(),
            ..fields()
        }
        .parse(
            Some(&before),
            "g-other".parse().unwrap(),
            Timestamp::default(),
        )
        .unwrap();
        assert_eq!(edited.id.as_str(), "g-old", "an edit keeps the id");
        assert_eq!(edited.segment, Segment::Private);
        assert_eq!(edited.advisor, None);
        assert_eq!(edited.lead.map(|c| c.to_string()), Some("c-1".into()));
    }

    #[test]
    fn a_missing_name_or_overlong_notes_are_marked_at_their_field() {
        let refused = |change: fn(&mut GroupFields)| {
            let mut f = fields();
            change(&mut f);
            f.parse(None, "g-1".parse().unwrap(), Timestamp::default())
                .unwrap_err()
        };
        assert_eq!(
            refused(|f| f.name = "   ".into()),
            FieldError::new(NAME, "Name darf nicht leer sein")
        );
        assert_eq!(
            refused(|f| f.name = " \u{200B}\u{FEFF} ".into()),
            FieldError::new(
                NAME,
                "Name braucht mindestens ein sichtbares Zeichen (nur Leerzeichen oder unsichtbare Zeichen)"
            )
        );
        let notes = refused(|f| f.notes = "x".repeat(20_001));
        assert_eq!(notes.field, NOTES);
        assert!(
            notes.message.starts_with("Notizen ist zu lang"),
            "{}",
            notes.message
        );
    }
}

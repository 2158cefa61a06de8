//! The contact form's fields as the page binds them, and their parsing into a contact and its
//! follow-up: pure, so every rule and message is tested natively. The planned-contact form
//! beside it.

pub mod planned;
pub mod settings;

use crate::domain::contact::{check_contact_time, check_follow_up, Contact, Planned};
use crate::domain::ids::{ColleagueId, ContactId, GroupId, PersonId, PlannedId};
use crate::domain::model::Timestamp;
use crate::domain::text::{parse_notes, Name};
use crate::domain::time_format::parse_clock;
use crate::domain::vocab::{as_offered, typed_topics, Channel, ContactOutcome, Direction, Format};
use crate::texts;
use crate::ui::format::parse_input_date;
use crate::ui::forms::{first_pick, FieldError};
use chrono::NaiveDateTime;

// The form's fields that a problem can be about (their element ids).
pub const DATE: &str = "f-datum";
pub const TIME: &str = "f-uhrzeit";
pub const FORMAT: &str = "f-format";
pub const MORE_TOPICS: &str = "f-weitere-themen";
pub const NOTES: &str = "f-notizen";
pub const FOLLOW_UP_DATE: &str = "f-folge-datum";

/// What the form holds: texts as typed, tiles as the keys picked.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ContactFields {
    pub date: String,
    pub time: String,
    pub format: Vec<String>,
    pub channel: Vec<String>,
    pub direction: Vec<String>,
    pub people: Vec<String>,
    pub bank: Vec<String>,
    pub topics: Vec<String>,
    pub more_topics: String,
    /// Empty: "Gespräch geführt" (reached, no particular outcome).
    pub outcome: Vec<String>,
    pub notes: String,
    pub follow_up_date: String,
    pub follow_up_format: Vec<String>,
    pub follow_up_who: String,
}

/// What the shell adds: the group, the ids (kept when editing, new otherwise) and the clock.
pub struct Stamp {
    pub group: GroupId,
    pub contact: ContactId,
    pub follow_up: PlannedId,
    /// The local time now: a contact may not lie in the future.
    pub now: NaiveDateTime,
    pub updated_at: Timestamp,
}

fn ids<T: std::str::FromStr>(picked: &[String]) -> Vec<T> {
    picked.iter().filter_map(|k| k.parse().ok()).collect()
}

impl ContactFields {
    /// The contact and the follow-up it agrees, or the first problem with its field.
    pub fn parse(&self, stamp: &Stamp) -> Result<(Contact, Option<Planned>), FieldError> {
        let at_field = |field: &'static str| move |m: String| FieldError::new(field, m);
        let day = parse_input_date(&self.date)
            .ok()
            .flatten()
            .ok_or(FieldError::new(DATE, texts::BAD_DATE))?;
        let clock = parse_clock(&self.time).ok_or(FieldError::new(TIME, texts::BAD_TIME))?;
        let at = day.and_time(clock);
        check_contact_time(at, stamp.now)
            .map_err(|p| FieldError::new(DATE, texts::contact_problem(p)))?;
        let format = first_pick(&self.format, Format::from_key)
            .ok_or(FieldError::new(FORMAT, texts::CONTACT_NEEDS_FORMAT))?;
        let mut topics: Vec<Name> = Vec::new();
        for t in self
            .topics
            .iter()
            .map(String::as_str)
            .chain(typed_topics(&self.more_topics).map(as_offered))
        {
            let name = Name::parse(t)
                .map_err(|e| texts::field_problem("Thema", &e))
                .map_err(at_field(MORE_TOPICS))?;
            if !topics.contains(&name) {
                topics.push(name);
            }
        }
        let contact = Contact {
            id: stamp.contact.clone(),
            group: stamp.group.clone(),
            at,
            channel: first_pick(&self.channel, Channel::from_key).unwrap_or(Channel::AtCustomer),
            format,
            direction: first_pick(&self.direction, Direction::from_key)
                .unwrap_or(Direction::Outbound),
            bank: ids::<ColleagueId>(&self.bank),
            people: ids::<PersonId>(&self.people),
            topics,
            outcome: first_pick(&self.outcome, ContactOutcome::from_key),
            notes: parse_notes(&self.notes)
                .map_err(|e| texts::field_problem("Notizen", &e))
                .map_err(at_field(NOTES))?,
            updated_at: stamp.updated_at,
        };
        let follow_up = match parse_input_date(&self.follow_up_date) {
            Err(_) => return Err(FieldError::new(FOLLOW_UP_DATE, texts::BAD_DATE)),
            Ok(None) => None,
            Ok(Some(d)) => {
                check_follow_up(at, d)
                    .map_err(|p| FieldError::new(FOLLOW_UP_DATE, texts::contact_problem(p)))?;
                Some(Planned {
                    id: stamp.follow_up.clone(),
                    group: stamp.group.clone(),
                    date: d,
                    time: None,
                    format: first_pick(&self.follow_up_format, Format::from_key).unwrap_or(format),
                    who: self.follow_up_who.parse().ok(),
                    note: String::new(),
                    agreed_in: None,
                    done: None,
                    updated_at: stamp.updated_at,
                })
            }
        };
        Ok((contact, follow_up))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn stamp() -> Stamp {
        Stamp {
            group: "g-1".parse().unwrap(),
            contact: "t-1".parse().unwrap(),
            follow_up: "f-1".parse().unwrap(),
            now: NaiveDate::from_ymd_opt(2026, 11, 30)
                .unwrap()
                .and_hms_opt(15, 0, 0)
                .unwrap(),
            updated_at: Timestamp::default(),
        }
    }

    fn keys(list: &[&str]) -> Vec<String> {
        list.iter().map(|k| (*k).to_owned()).collect()
    }

    /// An annual talk at the customer's this morning with a follow-up in a year.
    fn filled() -> ContactFields {
        ContactFields {
            date: "30.11.2026".into(),
            time: "10:30".into(),
            format: keys(&["AnnualTalk"]),
            channel: keys(&["AtCustomer"]),
            direction: keys(&["Outbound"]),
            people: keys(&["p-1"]),
            bank: keys(&["k-1"]),
            topics: keys(&["Geldanlage"]),
            more_topics: "Baufinanzierung, geldanlage".into(),
            outcome: Vec::new(),
            notes: "Sohn übernimmt 2028\n\n".into(),
            follow_up_date: "2027-11-30".into(),
            follow_up_format: Vec::new(),
            follow_up_who: "k-1".into(),
        }
    }

    fn problem(change: impl FnOnce(&mut ContactFields)) -> FieldError {
        let mut fields = filled();
        change(&mut fields);
        fields
            .parse(&stamp())
            .expect_err("the form must be refused")
    }

    #[test]
    fn a_filled_form_is_a_contact_and_its_follow_up() {
        let (contact, follow_up) = filled().parse(&stamp()).unwrap();
        assert_eq!(contact.id.as_str(), "t-1");
        assert_eq!(contact.at.to_string(), "2026-11-30 10:30:00");
        assert_eq!(
            (contact.format, contact.channel, contact.direction),
            (Format::AnnualTalk, Channel::AtCustomer, Direction::Outbound)
        );
        assert_eq!(
            contact.outcome, None,
            "no tile: reached, nothing particular"
        );
        let topics: Vec<&str> = contact.topics.iter().map(Name::as_str).collect();
        assert_eq!(
            topics,
            vec!["Geldanlage", "Baufinanzierung"],
            "typed topics join the tiles once"
        );
        assert_eq!(contact.notes, "Sohn übernimmt 2028");
        assert_eq!(contact.bank.len(), 1);
        assert_eq!(contact.people.len(), 1);
        let follow_up = follow_up.expect("a follow-up date was given");
        assert_eq!(follow_up.id.as_str(), "f-1");
        assert_eq!(
            follow_up.date,
            NaiveDate::from_ymd_opt(2027, 11, 30).unwrap()
        );
        assert_eq!(
            follow_up.format,
            Format::AnnualTalk,
            "no format picked: the contact's"
        );
        assert_eq!(follow_up.who.map(|w| w.to_string()), Some("k-1".into()));

        let mut without = filled();
        without.follow_up_date = String::new();
        without.outcome = keys(&["Appointment"]);
        let (contact, follow_up) = without.parse(&stamp()).unwrap();
        assert_eq!(contact.outcome, Some(ContactOutcome::Appointment));
        assert_eq!(follow_up, None);
    }

    #[test]
    fn each_problem_names_its_field_in_german() {
        let cases: Vec<(FieldError, &str, String)> = vec![
            (
                problem(|f| f.date = "31.02.2026".into()),
                DATE,
                texts::BAD_DATE.into(),
            ),
            (
                problem(|f| f.date = String::new()),
                DATE,
                texts::BAD_DATE.into(),
            ),
            (
                problem(|f| f.time = "25:00".into()),
                TIME,
                texts::BAD_TIME.into(),
            ),
            (
                problem(|f| f.date = "01.12.2026".into()),
                DATE,
                texts::contact_problem(crate::domain::contact::ContactProblem::InFuture),
            ),
            (
                problem(|f| f.format.clear()),
                FORMAT,
                texts::CONTACT_NEEDS_FORMAT.into(),
            ),
            (
                problem(|f| f.follow_up_date = "30.13.2027".into()),
                FOLLOW_UP_DATE,
                texts::BAD_DATE.into(),
            ),
            (
                problem(|f| f.follow_up_date = "01.01.2026".into()),
                FOLLOW_UP_DATE,
                texts::contact_problem(
                    crate::domain::contact::ContactProblem::FollowUpBeforeContact,
                ),
            ),
        ];
        for (got, field, message) in cases {
            assert_eq!(got, FieldError::new(field, message));
        }
        let long_topic = problem(|f| f.more_topics = "x".repeat(201));
        assert_eq!(long_topic.field, MORE_TOPICS);
        assert!(
            long_topic.message.starts_with("Thema "),
            "{}",
            long_topic.message
        );
        let long_notes = problem(|f| f.notes = "x".repeat(20_001));
        assert_eq!(long_notes.field, NOTES);
        assert!(
            long_notes.message.starts_with("Notizen "),
            "{}",
            long_notes.message
        );
    }
}

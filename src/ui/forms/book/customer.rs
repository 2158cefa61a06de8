//! The customer form: kind, name, number, segment, group, consent, do-not-contact date,
//! occasions, notes.

use super::consent::ConsentFields;
use crate::domain::ids::{CustomerId, GroupId};
use crate::domain::model::{Customer, Occasion, Timestamp};
use crate::domain::text::{parse_notes, parse_optional, Name};
use crate::domain::vocab::{CustomerKind, OccasionKind, Segment};
use crate::texts;
use crate::ui::format;
use crate::ui::forms::FieldError;

pub const NAME: &str = "f-name";
pub const NUMBER: &str = "f-kundennummer";
pub const GROUP: &str = "f-kundenverbund";
pub const NO_CONTACT: &str = "f-keine-ansprache-bis";
pub const NOTES: &str = "f-notizen";

/// One occasion row; a row without a date is left out.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OccasionFields {
    /// An occasion kind's key; anything else is "other".
    pub kind: String,
    pub date: String,
    pub label: String,
}

impl OccasionFields {
    pub fn prefill(o: Option<&Occasion>) -> Self {
        OccasionFields {
            kind: o
                .map_or(OccasionKind::Maturity, |o| o.kind)
                .key()
                .to_owned(),
            date: format::input_date(o.map(|o| o.date)),
            label: o.map(|o| o.label.clone()).unwrap_or_default(),
        }
    }

    /// `field` is the id of the row's date input.
    fn parse(&self, field: &str) -> Result<Option<Occasion>, FieldError> {
        let date = format::parse_input_date(&self.date)
            .map_err(|_| FieldError::new(field, texts::BAD_DATE))?;
        Ok(date.map(|date| Occasion {
            kind: OccasionKind::from_key(&self.kind).unwrap_or(OccasionKind::Other),
            date,
            label: self.label.trim().to_owned(),
        }))
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CustomerFields {
    pub kind: String,
    pub name: String,
    pub number: String,
    pub segment: String,
    /// The group's id.
    pub group: String,
    pub consent: ConsentFields,
    pub no_contact: String,
    /// Each row with the id of its date input (the page's to give; empty in a prefill).
    pub occasions: Vec<(String, OccasionFields)>,
    pub notes: String,
}

impl CustomerFields {
    /// A new customer of `group` takes the group's segment.
    pub fn prefill(existing: Option<&Customer>, group: &GroupId, segment: Segment) -> Self {
        let Some(c) = existing else {
            return CustomerFields {
                kind: CustomerKind::Person.key().to_owned(),
                segment: segment.key().to_owned(),
                group: group.to_string(),
                consent: ConsentFields::prefill(Default::default()),
                ..Default::default()
            };
        };
        CustomerFields {
            kind: c.kind.key().to_owned(),
            name: c.name.to_string(),
            number: c.number.clone().unwrap_or_default(),
            segment: c.segment.key().to_owned(),
            group: c.group.to_string(),
            consent: ConsentFields::prefill(c.consent),
            no_contact: format::input_date(c.no_contact_until),
            occasions: (c.occasions.iter())
                .map(|o| (String::new(), OccasionFields::prefill(Some(o))))
                .collect(),
            notes: c.notes.clone(),
        }
    }

    /// The customer as the form describes it, with `id`; an unknown segment key falls back to
    /// `segment`. Whether the group exists is the book's to check.
    pub fn parse(
        &self,
        id: CustomerId,
        segment: Segment,
        now: Timestamp,
    ) -> Result<Customer, FieldError> {
        let name = Name::parse(&self.name).map_err(|e| FieldError::text(NAME, "Name", &e))?;
        let mut occasions = Vec::new();
        for (field, row) in &self.occasions {
            occasions.extend(row.parse(field)?);
        }
        Ok(Customer {
            id,
            group: self
                .group
                .parse()
                .map_err(|_| FieldError::new(GROUP, texts::FORM_HAS_ERRORS))?,
            kind: CustomerKind::from_key(&self.kind).unwrap_or(CustomerKind::Person),
            name,
            number: parse_optional(&self.number)
                .map_err(|e| FieldError::text(NUMBER, "Kundennummer", &e))?,
            street: None,
            postcode: None,
            town: None,
            phone: None,
            email: None,
            segment: Segment::from_key(&self.segment).unwrap_or(segment),
            consent: self.consent.parse()?,
            no_contact_until: format::parse_input_date(&self.no_contact)
                .map_err(|_| FieldError::new(NO_CONTACT, texts::BAD_DATE))?,
            occasions,
            notes: parse_notes(&self.notes).map_err(|e| FieldError::text(NOTES, "Notizen", &e))?,
            updated_at: now,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields() -> CustomerFields {
        CustomerFields {
            name: " Anna Weber ".into(),
            number: "4711".into(),
            occasions: vec![
                (
                    "o-1".into(),
                    OccasionFields {
                        kind: OccasionKind::Birthday.key().into(),
                        date: "12.04.1981".into(),
                        label: " 45. Geburtstag ".into(),
                    },
                ),
                ("o-2".into(), OccasionFields::prefill(None)),
            ],
            ..CustomerFields::prefill(None, &"g-1".parse().unwrap(), Segment::Business)
        }
    }

    fn parse(f: &CustomerFields) -> Result<Customer, FieldError> {
        f.parse(
            "c-1".parse().unwrap(),
            Segment::Private,
            Timestamp::default(),
        )
    }

    #[test]
    fn a_new_customer_takes_the_group_and_its_segment_and_rows_without_a_date_are_left_out() {
        let c = parse(&fields()).unwrap();
        assert_eq!(
            (c.name.as_str(), c.number.as_deref()),
            ("Anna Weber", Some("4711"))
        );
        assert_eq!(
            (c.group.as_str(), c.segment, c.kind),
            ("g-1", Segment::Business, CustomerKind::Person)
        );
        assert_eq!(c.occasions.len(), 1);
        assert_eq!(
            (c.occasions[0].kind, c.occasions[0].label.as_str()),
            (OccasionKind::Birthday, "45. Geburtstag")
        );

        let again = CustomerFields::prefill(Some(&c), &"g-9".parse().unwrap(), Segment::Private);
        assert_eq!(again.group, "g-1", "an edit keeps the customer's group");
        assert_eq!(parse(&again), Ok(c));
    }

    #[test]
    fn each_problem_names_its_field() {
        let refused = |change: fn(&mut CustomerFields)| {
            let mut f = fields();
            change(&mut f);
            parse(&f).unwrap_err()
        };
        assert_eq!(
            refused(|f| f.name = " ".into()),
            FieldError::new(NAME, "Name darf nicht leer sein")
        );
        assert_eq!(
            refused(|f| f.occasions[0].1.date = "31.02.2026".into()),
            FieldError::new("o-1", texts::BAD_DATE)
        );
        assert_eq!(
            refused(|f| f.no_contact = "2026-13-01".into()),
            FieldError::new(NO_CONTACT, texts::BAD_DATE)
        );
        assert_eq!(refused(|f| f.group = "kein verbund".into()).field, GROUP);
        assert_eq!(refused(|f| f.number = "x".repeat(1_000)).field, NUMBER);
        assert_eq!(refused(|f| f.notes = "x".repeat(20_001)).field, NOTES);
    }
}

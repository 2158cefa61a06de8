//! The customer form: kind, name, number, segment, group, address, phone, e-mail, consent,
//! do-not-contact date, occasions, notes.

use super::consent::ConsentFields;
use super::reach::ReachFields;
use crate::domain::ids::{CustomerId, GroupId};
use crate::domain::model::{Customer, Occasion, Timestamp};
use crate::domain::text::{parse_notes, parse_optional, parse_postcode};
use crate::domain::vocab::{CustomerKind, OccasionKind, Segment};
use crate::texts;
use crate::ui::format;
use crate::ui::forms::FieldError;

pub use super::reach::{EMAIL, NAME, PHONE};
pub const NUMBER: &str = "f-kundennummer";
pub const STREET: &str = "f-strasse-und-hausnummer";
pub const POSTCODE: &str = "f-plz";
pub const TOWN: &str = "f-ort";
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
    /// Name, phone and e-mail, checked together as on the contact-person form.
    pub reach: ReachFields,
    pub number: String,
    pub street: String,
    pub postcode: String,
    pub town: String,
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
            reach: ReachFields::prefill(&c.name, c.phone.as_ref(), c.email.as_ref()),
            number: c.number.clone().unwrap_or_default(),
            street: c.street.clone().unwrap_or_default(),
            postcode: c.postcode.clone().unwrap_or_default(),
            town: c.town.clone().unwrap_or_default(),
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
    /// `segment`. Whether the group exists is the book's to check. The problems of name, phone
    /// and e-mail all at once (as on the contact-person form), or else the first other one.
    pub fn parse(
        &self,
        id: CustomerId,
        segment: Segment,
        now: Timestamp,
    ) -> Result<Customer, Vec<FieldError>> {
        let reach = self.reach.parse()?;
        let rest = || -> Result<Customer, FieldError> {
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
                name: reach.name,
                number: parse_optional(&self.number)
                    .map_err(|e| FieldError::text(NUMBER, "Kundennummer", &e))?,
                street: parse_optional(&self.street)
                    .map_err(|e| FieldError::text(STREET, "Straße und Hausnummer", &e))?,
                postcode: parse_postcode(&self.postcode)
                    .map_err(|e| FieldError::text(POSTCODE, "PLZ", &e))?,
                town: parse_optional(&self.town).map_err(|e| FieldError::text(TOWN, "Ort", &e))?,
                phone: reach.phone,
                email: reach.email,
                segment: Segment::from_key(&self.segment).unwrap_or(segment),
                consent: self.consent.parse()?,
                no_contact_until: format::parse_input_date(&self.no_contact)
                    .map_err(|_| FieldError::new(NO_CONTACT, texts::BAD_DATE))?,
                occasions,
                notes: parse_notes(&self.notes)
                    .map_err(|e| FieldError::text(NOTES, "Notizen", &e))?,
                updated_at: now,
            })
        };
        rest().map_err(|e| vec![e])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields() -> CustomerFields {
        CustomerFields {
            reach: ReachFields {
                name: " Anna Weber ".into(),
                phone: " 07681 23 45 67 ".into(),
                email: "anna.weber@example.de".into(),
            },
            number: "4711".into(),
            street: " Schwarzwaldstraße 12 ".into(),
            postcode: " 79183 ".into(),
            town: "Waldkirch".into(),
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

    fn parse(f: &CustomerFields) -> Result<Customer, Vec<FieldError>> {
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
        assert_eq!(
            (
                c.street.as_deref(),
                c.postcode.as_deref(),
                c.town.as_deref()
            ),
            (
                Some("Schwarzwaldstraße 12"),
                Some("79183"),
                Some("Waldkirch")
            )
        );
        assert_eq!(
            (
                c.phone.as_ref().map(|p| p.as_str()),
                c.email.as_ref().map(|e| e.as_str())
            ),
            (Some("07681 23 45 67"), Some("anna.weber@example.de"))
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
    fn empty_address_phone_and_email_are_none() {
        let mut f = fields();
        (f.street, f.postcode, f.town) = (" ".into(), String::new(), " ".into());
        (f.reach.phone, f.reach.email) = (String::new(), " ".into());
        let c = parse(&f).unwrap();
        assert_eq!(
            (c.street, c.postcode, c.town, c.phone, c.email),
            (None, None, None, None, None)
        );
    }

    #[test]
    fn name_phone_and_email_problems_are_reported_together() {
        let mut f = fields();
        f.reach.name = " ".into();
        f.reach.phone = "ruf mich an".into();
        f.reach.email = "anna.weber(at)example.de".into();
        f.postcode = "x".repeat(11);
        let errors = parse(&f).unwrap_err();
        let messages: Vec<_> = errors
            .iter()
            .map(|e| (e.field.as_str(), e.message.as_str()))
            .collect();
        assert_eq!(
            messages,
            [
                (NAME, "Name darf nicht leer sein"),
                (
                    PHONE,
                    "Telefon ist keine gültige Telefonnummer (Ziffern, Leerzeichen, + - / ( ))"
                ),
                (EMAIL, "E-Mail ist keine gültige E-Mail-Adresse"),
            ],
            "the postcode's problem follows once these are fixed"
        );
    }

    #[test]
    fn each_problem_names_its_field() {
        let refused = |change: fn(&mut CustomerFields)| {
            let mut f = fields();
            change(&mut f);
            let mut errors = parse(&f).unwrap_err();
            assert_eq!(errors.len(), 1, "{errors:?}");
            errors.remove(0)
        };
        assert_eq!(
            refused(|f| f.reach.name = " ".into()),
            FieldError::new(NAME, "Name darf nicht leer sein")
        );
        assert_eq!(refused(|f| f.reach.phone = "abc".into()).field, PHONE);
        assert_eq!(
            refused(|f| f.reach.email = "keine-mail".into()).field,
            EMAIL
        );
        assert_eq!(
            refused(|f| f.postcode = "79183 Waldkirch".into()),
            FieldError::new(POSTCODE, "PLZ ist zu lang (höchstens 10 Zeichen)")
        );
        assert_eq!(refused(|f| f.street = "x".repeat(201)).field, STREET);
        assert_eq!(refused(|f| f.town = "x".repeat(201)).field, TOWN);
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

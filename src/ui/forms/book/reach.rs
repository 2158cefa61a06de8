//! Name, phone and e-mail: the part the customer, contact-person and colleague forms share.
//! Each of the three fields shows its own problem, so all of them are reported at once.

use crate::domain::text::{Email, Name, Phone, TextError};
use crate::texts;
use crate::ui::forms::FieldError;

pub const NAME: &str = "f-name";
pub const PHONE: &str = "f-telefon";
pub const EMAIL: &str = "f-e-mail";

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ReachFields {
    pub name: String,
    pub phone: String,
    pub email: String,
}

/// What [`ReachFields::parse`] gives when every field is valid.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reach {
    pub name: Name,
    pub phone: Option<Phone>,
    pub email: Option<Email>,
}

/// An optional validated text: empty is none, anything else must parse.
fn optional<T>(
    field: &str,
    label: &str,
    raw: &str,
    parse: fn(&str) -> Result<T, TextError>,
) -> Result<Option<T>, FieldError> {
    if raw.trim().is_empty() {
        return Ok(None);
    }
    parse(raw)
        .map(Some)
        .map_err(|e| FieldError::text(field, label, &e))
}

impl ReachFields {
    pub fn prefill(name: &Name, phone: Option<&Phone>, email: Option<&Email>) -> Self {
        ReachFields {
            name: name.to_string(),
            phone: phone.map_or_else(String::new, |p| p.as_str().to_owned()),
            email: email.map_or_else(String::new, |e| e.as_str().to_owned()),
        }
    }

    /// All three fields; every problem among them, in the order of the form.
    pub fn parse(&self) -> Result<Reach, Vec<FieldError>> {
        let name = Name::parse(&self.name).map_err(|e| FieldError::text(NAME, "Name", &e));
        let phone = optional(PHONE, "Telefon", &self.phone, Phone::parse);
        let email = optional(EMAIL, "E-Mail", &self.email, Email::parse);
        match (name, phone, email) {
            (Ok(name), Ok(phone), Ok(email)) => Ok(Reach { name, phone, email }),
            (name, phone, email) => Err([name.err(), phone.err(), email.err()]
                .into_iter()
                .flatten()
                .collect()),
        }
    }
}

/// The line under a form whose only marked fields are these three: a problem among them is
/// summed up (it shows at its field), any other is said in full.
pub fn summary(errors: &[FieldError]) -> String {
    if errors
        .iter()
        .any(|e| [NAME, PHONE, EMAIL].contains(&e.field.as_str()))
    {
        return texts::FORM_HAS_ERRORS.into();
    }
    errors
        .first()
        .map(|e| e.message.clone())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_three_problems_are_reported_at_their_fields() {
        let errors = ReachFields {
            name: " ".into(),
            phone: "abc".into(),
            email: "keine-mail".into(),
        }
        .parse()
        .unwrap_err();
        let fields: Vec<_> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, [NAME, PHONE, EMAIL]);
        assert_eq!(errors[0].message, "Name darf nicht leer sein");
        assert!(
            errors[1].message.starts_with("Telefon "),
            "{}",
            errors[1].message
        );
        assert!(
            errors[2].message.starts_with("E-Mail "),
            "{}",
            errors[2].message
        );
        assert_eq!(summary(&errors), texts::FORM_HAS_ERRORS);
    }

    #[test]
    fn empty_phone_and_email_are_none_and_a_prefill_parses_back() {
        let reach = ReachFields {
            name: " Anna Weber ".into(),
            ..Default::default()
        }
        .parse()
        .unwrap();
        assert_eq!(
            (reach.name.as_str(), &reach.phone, &reach.email),
            ("Anna Weber", &None, &None)
        );

        let phone = Phone::parse("07681 1234").unwrap();
        let email = Email::parse("anna@example.de").unwrap();
        let back = ReachFields::prefill(&reach.name, Some(&phone), Some(&email))
            .parse()
            .unwrap();
        assert_eq!((back.phone, back.email), (Some(phone), Some(email)));
    }

    #[test]
    fn a_problem_outside_the_three_is_said_in_full() {
        assert_eq!(
            summary(&[FieldError::new("f-position", "Position ist zu lang")]),
            "Position ist zu lang"
        );
    }
}

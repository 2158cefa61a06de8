//! Contact persons as vCard 3.0 (RFC 2426), the version the iPad's Contacts and Outlook both
//! read: name, organisation (the customer), position, phone, e-mail, in the content lines of
//! `content_line` (escaped, CRLF, folded at 75 octets).

use super::content_line::{escape, line};
use crate::domain::book::Book;
use crate::domain::ids::GroupId;
use crate::domain::model::ContactPerson;
use crate::domain::vocab::ConsentState;

/// The structured name: the last word is the family name, the words before it the given
/// names ("Dr. Anna Weber" → "Weber", "Dr. Anna"). The book keeps names as one text.
fn structured_name(name: &str) -> String {
    match name.trim().rsplit_once(' ') {
        Some((given, family)) => format!("{};{};;;", escape(family), escape(given.trim())),
        None => format!("{};;;;", escape(name.trim())),
    }
}

/// One person's card; `organisation` is the customer the person belongs to.
pub fn card(person: &ContactPerson, organisation: Option<&str>) -> String {
    let mut out = String::new();
    let name = person.name.as_str();
    line(&mut out, "BEGIN", "VCARD");
    line(&mut out, "VERSION", "3.0");
    line(&mut out, "N", &structured_name(name));
    line(&mut out, "FN", &escape(name));
    if let Some(org) = organisation {
        line(&mut out, "ORG", &escape(org));
    }
    if let Some(position) = &person.position {
        line(&mut out, "TITLE", &escape(position));
    }
    if let Some(phone) = &person.phone {
        line(&mut out, "TEL;TYPE=WORK,VOICE", &escape(phone.as_str()));
    }
    if let Some(email) = &person.email {
        line(&mut out, "EMAIL;TYPE=INTERNET", &escape(email.as_str()));
    }
    line(&mut out, "UID", &format!("kontaktnetz-{}", person.id));
    line(&mut out, "END", "VCARD");
    out
}

/// The cards of `persons`, one after another: one file holds them all.
pub fn cards<'a>(book: &Book, persons: impl IntoIterator<Item = &'a ContactPerson>) -> String {
    persons
        .into_iter()
        .map(|p| {
            let customer = book.customers().get(&p.customer);
            card(p, customer.map(|c| c.name.as_str()))
        })
        .collect()
}

/// The contact persons of a group's customers.
pub fn of_group<'a>(book: &'a Book, group: &GroupId) -> Vec<&'a ContactPerson> {
    book.members(group)
        .flat_map(|c| book.persons_of(&c.id))
        .collect()
}

/// Every contact person who agreed to be contacted: only they belong in an address book
/// that may be used for calls and mail.
pub fn with_consent(book: &Book) -> Vec<&ContactPerson> {
    (book.persons().values())
        .filter(|p| p.consent.state == ConsentState::Yes)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::{Consent, Timestamp};
    use crate::domain::text::{Email, Name, Phone};

    fn person(name: &str) -> ContactPerson {
        ContactPerson {
            id: "p-1".parse().unwrap(),
            customer: "c-1".parse().unwrap(),
            name: Name::parse(name).unwrap(),
            position: Some("Geschäftsführerin; Vertrieb, Nord".into()),
            influence: None,
            buying_role: None,
            motive: None,
            attitude: None,
            matters: String::new(),
            benefit: String::new(),
            phone: Some(Phone::parse("07681 1234").unwrap()),
            email: Some(Email::parse("anna@weber.example").unwrap()),
            consent: Consent::default(),
            notes: "nicht im Adressbuch".into(),
            updated_at: Timestamp::default(),
        }
    }

    #[test]
    fn a_card_has_the_fields_escaped_and_crlf_lines() {
        let text = card(&person("Dr. Anna Weber"), Some("Weber GmbH & Co. KG"));
        let lines: Vec<&str> = text.split("\r\n").collect();
        assert_eq!(
            lines,
            [
                "BEGIN:VCARD",
                "VERSION:3.0",
                "N:Weber;Dr. Anna;;;",
                "FN:Dr. Anna Weber",
                "ORG:Weber GmbH & Co. KG",
                "TITLE:Geschäftsführerin\\; Vertrieb\\, Nord",
                "TEL;TYPE=WORK,VOICE:07681 1234",
                "EMAIL;TYPE=INTERNET:anna@weber.example",
                "UID:kontaktnetz-p-1",
                "END:VCARD",
                "",
            ]
        );
        assert!(
            !text.contains("nicht im Adressbuch"),
            "notes stay in the book"
        );
    }

    #[test]
    fn a_single_word_is_the_family_name_and_missing_fields_are_left_out() {
        let mut p = person("Müller");
        p.position = None;
        p.phone = None;
        p.email = None;
        let text = card(&p, None);
        assert!(text.contains("\r\nN:Müller;;;;\r\n"));
        for absent in ["ORG:", "TITLE:", "TEL", "EMAIL"] {
            assert!(!text.contains(absent), "{absent}");
        }
    }

    #[test]
    fn long_lines_fold_at_75_octets_between_characters() {
        let mut p = person("Anna Weber");
        p.position = Some("Ä".repeat(60));
        let text = card(&p, None);
        for line in text.split("\r\n") {
            assert!(line.len() <= 75, "{} octets: {line}", line.len());
        }
        let unfolded = text.replace("\r\n ", "");
        assert!(unfolded.contains(&format!("TITLE:{}", "Ä".repeat(60))));
    }
}

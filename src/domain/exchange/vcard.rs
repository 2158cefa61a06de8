//! Contact persons as vCard 3.0 (RFC 2426), the version the iPad's Contacts and Outlook both
//! read: name, organisation (the customer), position, phone, e-mail. Text is escaped, lines
//! end in CRLF and are folded at 75 octets without splitting a character.

use crate::domain::book::Book;
use crate::domain::ids::GroupId;
use crate::domain::model::ContactPerson;
use crate::domain::vocab::ConsentState;

/// Escapes a text value: backslash, semicolon, comma and line breaks.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends `line` folded at 75 octets (a continuation starts with a space), ended by CRLF.
fn push_line(out: &mut String, line: &str) {
    let mut width = 0;
    for c in line.chars() {
        if width + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += c.len_utf8();
    }
    out.push_str("\r\n");
}

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
    push_line(&mut out, "BEGIN:VCARD");
    push_line(&mut out, "VERSION:3.0");
    push_line(&mut out, &format!("N:{}", structured_name(name)));
    push_line(&mut out, &format!("FN:{}", escape(name)));
    if let Some(org) = organisation {
        push_line(&mut out, &format!("ORG:{}", escape(org)));
    }
    if let Some(position) = &person.position {
        push_line(&mut out, &format!("TITLE:{}", escape(position)));
    }
    if let Some(phone) = &person.phone {
        push_line(
            &mut out,
            &format!("TEL;TYPE=WORK,VOICE:{}", escape(phone.as_str())),
        );
    }
    if let Some(email) = &person.email {
        push_line(
            &mut out,
            &format!("EMAIL;TYPE=INTERNET:{}", escape(email.as_str())),
        );
    }
    push_line(&mut out, &format!("UID:kontaktnetz-{}", person.id));
    push_line(&mut out, "END:VCARD");
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

    proptest::proptest! {
        #[test]
        fn folding_keeps_lines_short_and_loses_nothing(line in "\\PC{0,200}") {
            let mut out = String::new();
            push_line(&mut out, &line);
            let body = out.strip_suffix("\r\n").unwrap();
            for part in body.split("\r\n") {
                proptest::prop_assert!(part.len() <= 75, "{} octets", part.len());
            }
            proptest::prop_assert_eq!(body.replace("\r\n ", ""), line);
        }
    }

    #[test]
    fn line_breaks_and_backslashes_are_escaped() {
        assert_eq!(escape("a\\b\r\nc"), "a\\\\b\\nc");
    }
}

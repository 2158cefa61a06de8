//! Handing the book's data to other programs and people: contact persons as vCards for the
//! tablet's address book or Outlook, in the content lines they share with the calendar export.

pub mod content_line;
pub mod passphrase;
pub mod vcard;

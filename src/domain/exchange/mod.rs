//! Handing the book's data to other programs and people: contact persons as vCards for the
//! tablet's address book or Outlook.

pub mod vcard;

//! Handing the book's data to other programs and people: chosen groups for a colleague (and
//! the passphrase rules for sealing such files), contact persons as vCards for the tablet's
//! address book or Outlook, in the content lines they share with the calendar export.

pub mod content_line;
pub mod csv;
pub mod duplicates;
pub mod passphrase;
pub mod privacy;
pub mod selection;
pub mod vcard;

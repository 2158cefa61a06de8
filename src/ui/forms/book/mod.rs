//! The book's forms: group, customer, contact person, colleague, and the name/phone/e-mail and
//! consent fields they share.

pub mod colleague;
pub mod consent;
pub mod customer;
pub mod group;
pub mod person;
pub mod reach;

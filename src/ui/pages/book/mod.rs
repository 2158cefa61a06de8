//! The book's pages: groups, a group, its customers and contact persons, the colleagues.

pub mod colleagues;
pub mod customer_form;
pub mod group;
pub mod group_form;
pub mod groups;
pub mod person_form;

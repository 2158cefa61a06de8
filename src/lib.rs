//! Kontaktnetz: customer-oriented contact management for bank advisors, in the browser.

pub mod domain;
pub mod storage;
pub mod texts;
pub mod ui;

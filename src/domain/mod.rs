//! The functional core: plain types and pure functions. No browser APIs, no clock.

pub mod book;
pub mod casting;
pub mod contact;
pub mod exchange;
pub mod ids;
pub mod key_accounts;
pub mod merge;
pub mod model;
pub mod records;
pub mod reports;
pub mod safety;
pub mod sample;
pub mod search;
pub mod shared;
pub mod sort;
pub mod text;
pub mod time_format;
pub mod vocab;

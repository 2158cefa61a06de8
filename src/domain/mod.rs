//! The functional core: plain types and pure functions. No browser APIs, no clock.

pub mod book;
pub mod capacity;
pub mod casting;
pub mod contact;
pub mod dashboard;
pub mod ics;
pub mod identity;
pub mod ids;
pub mod merge;
pub mod model;
pub mod monitoring;
pub mod party;
pub mod planning;
pub mod portfolio;
pub mod records;
pub mod reminder;
pub mod safety;
pub mod sample;
pub mod scheme;
mod scheme_defaults;
pub mod search;
pub mod shared;
pub mod sort;
pub mod text;
pub mod time_format;
pub mod vocab;

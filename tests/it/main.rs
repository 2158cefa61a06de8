//! The integration tests, one module per area, in one test binary: the library is linked once
//! instead of once per file, and the helpers in `common` are shared like any module.

mod common;

mod atomic;
mod book;
mod casting;
mod contacts;
mod csv;
mod golden;
mod golden_2;
mod golden_3;
mod golden_4;
mod golden_5;
mod golden_6;
mod import;
mod key_accounts;
mod layers;
mod merge;
mod monitoring;
mod records;
mod reminder;
mod search;
mod shape;
mod store;

//! Exchange with colleagues: parts of the book, hand-overs.

pub mod import;
pub mod seal;
pub mod share;

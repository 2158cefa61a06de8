//! Exchange with colleagues: parts of the book, hand-overs.

pub mod csv;
pub mod duplicates;
pub mod import;
pub mod privacy;
pub mod seal;
pub mod share;

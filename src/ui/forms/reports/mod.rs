//! The reports' forms: which contacts count and where under- and over-served begin.

pub mod counting;

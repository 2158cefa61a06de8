//! What the advisor reads off the book: the dashboard, target against actual, success planning.

pub mod dashboard;
pub mod monitoring;
pub mod planning;

//! Reports: the dashboard, target against actual, success planning, and their shared controls.

pub mod controls;
pub mod dashboard;
pub mod monitoring;
pub mod planning;

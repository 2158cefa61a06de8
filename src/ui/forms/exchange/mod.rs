//! Forms of the exchange with other programs.

pub mod csv;

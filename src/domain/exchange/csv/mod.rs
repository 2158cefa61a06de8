//! Customer lists from the core banking system: CSV bytes decoded, split into rows, mapped
//! to customer fields, and turned into a previewed change of the book.

pub mod decode;
pub mod import;
pub mod mapping;
pub mod rows;
pub mod table;

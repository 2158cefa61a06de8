//! The contact reminder. Being written.

//! Small shared views, by concern. Pages name them as `components::X`.

mod badges;
mod charts;
mod fields;
mod people;
mod status;
mod tables;

pub use badges::*;
pub use charts::*;
pub use fields::*;
pub use people::*;
pub use status::*;
pub use tables::*;

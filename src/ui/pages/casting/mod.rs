//! The casting: a group's casting and the round, the overview, the schemes, the capacity.

pub mod capacity;
pub mod form;
pub mod overview;
pub mod schemes;

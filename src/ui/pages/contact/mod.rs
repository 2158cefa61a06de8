//! Contacts: recording one, planning one, the history, the reminder, the call party.

pub mod call_party;
pub mod form;
pub mod history;
pub mod planned_form;
pub mod reminder;

//! Each form's fields as its page binds them, parsed into domain values by a pure function:
//! compiled and tested natively, so every rule and message is checked without a browser.

pub mod contact;
pub mod planned;

/// A form's first problem: the id of the field it is about, and what to say.
#[derive(Clone, Debug, PartialEq)]
pub struct FieldError {
    pub field: String,
    pub message: String,
}

impl FieldError {
    pub fn new(field: impl Into<String>, message: impl Into<String>) -> Self {
        FieldError {
            field: field.into(),
            message: message.into(),
        }
    }
}

//! Each form's fields as its page binds them, parsed into domain values by a pure function:
//! compiled and tested natively, so every rule and message is checked without a browser.

pub mod book;
pub mod casting;
pub mod contact;
pub mod exchange;
pub mod reports;

/// The first key picked among a group of tiles, as the value it names.
pub fn first_pick<T>(picked: &[String], parse: fn(&str) -> Option<T>) -> Option<T> {
    picked.first().and_then(|k| parse(k))
}

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

    /// A text field's problem, said with its label: "Name darf nicht leer sein".
    pub fn text(field: &str, label: &str, e: &crate::domain::text::TextError) -> Self {
        FieldError::new(field, crate::texts::field_problem(label, e))
    }
}

/// The line under a short form after a failed save: a problem marked at its field is only
/// summed up there; a problem of the whole record (from the book) is said in full.
pub fn form_message(e: FieldError) -> String {
    if e.field.is_empty() {
        e.message
    } else {
        crate::texts::FORM_HAS_ERRORS.into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_form_sums_up_field_problems_and_says_record_problems() {
        assert_eq!(
            form_message(FieldError::new("f-name", "Name darf nicht leer sein")),
            crate::texts::FORM_HAS_ERRORS
        );
        assert_eq!(
            form_message(FieldError::new("", "Die Betreuer:in gibt es nicht.")),
            "Die Betreuer:in gibt es nicht."
        );
    }
}

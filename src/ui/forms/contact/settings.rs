//! The contact settings typed on the reminder (look-ahead window) and the call party (calls a
//! session, months a refusal blocks): what is not a number counts as 0, which the domain then
//! refuses with its reason.

use crate::domain::contact::{ContactProblem, ContactSettings};

fn number<T: std::str::FromStr + Default>(raw: &str) -> T {
    raw.trim().parse().unwrap_or_default()
}

/// `current` with the reminder's window in days.
pub fn with_window(current: ContactSettings, raw: &str) -> Result<ContactSettings, ContactProblem> {
    ContactSettings::new(number(raw), current.block_months, current.calls_per_advisor)
}

/// `current` with the call party's calls and blocking months.
pub fn with_party(
    current: ContactSettings,
    calls: &str,
    block_months: &str,
) -> Result<ContactSettings, ContactProblem> {
    ContactSettings::new(current.window_days, number(block_months), number(calls))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_page_changes_only_its_own_settings() {
        let current = ContactSettings::default();
        let wider = with_window(current, " 30 ").unwrap();
        assert_eq!(wider.window_days, 30);
        assert_eq!(
            (wider.block_months, wider.calls_per_advisor),
            (current.block_months, current.calls_per_advisor)
        );
        let party = with_party(current, "8", "6").unwrap();
        assert_eq!(
            (
                party.calls_per_advisor,
                party.block_months,
                party.window_days
            ),
            (8, 6, current.window_days)
        );
    }

    #[test]
    fn text_or_out_of_range_is_the_domains_refusal() {
        let current = ContactSettings::default();
        assert_eq!(
            with_window(current, "bald"),
            Err(ContactProblem::WindowDays)
        );
        assert_eq!(
            with_window(current, "9999"),
            Err(ContactProblem::WindowDays)
        );
        assert_eq!(
            with_party(current, "8", "x"),
            Err(ContactProblem::BlockMonths)
        );
        assert!(with_party(current, "", "6").is_err(), "no calls is refused");
    }
}

//! The consent to advertising: its state and since when (customer and contact-person form).

use crate::domain::model::Consent;
use crate::domain::vocab::ConsentState;
use crate::texts;
use crate::ui::format;
use crate::ui::forms::FieldError;

pub const SINCE: &str = "f-einwilligung-seit";

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ConsentFields {
    /// A state's key; anything else is unknown.
    pub state: String,
    pub since: String,
}

impl ConsentFields {
    pub fn prefill(consent: Consent) -> Self {
        ConsentFields {
            state: consent.state.key().to_owned(),
            since: format::input_date(consent.since),
        }
    }

    pub fn parse(&self) -> Result<Consent, FieldError> {
        let since = format::parse_input_date(&self.since)
            .map_err(|_| FieldError::new(SINCE, texts::BAD_DATE))?;
        Ok(Consent {
            state: ConsentState::from_key(&self.state).unwrap_or(ConsentState::Unknown),
            since,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn state_and_date_parse_and_a_bad_date_is_marked() {
        let consent = ConsentFields {
            state: ConsentState::Yes.key().into(),
            since: "2026-04-12".into(),
        }
        .parse()
        .unwrap();
        assert_eq!(consent.state, ConsentState::Yes);
        assert_eq!(consent.since, NaiveDate::from_ymd_opt(2026, 4, 12));
        assert_eq!(ConsentFields::prefill(consent).parse(), Ok(consent));

        let unknown = ConsentFields::default().parse().unwrap();
        assert_eq!(
            (unknown.state, unknown.since),
            (ConsentState::Unknown, None)
        );
        assert_eq!(
            ConsentFields {
                state: String::new(),
                since: "12.13.2026".into()
            }
            .parse(),
            Err(FieldError::new(SINCE, texts::BAD_DATE))
        );
    }
}

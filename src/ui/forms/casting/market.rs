//! The market time on the capacity page: working days, hours a day (decimal comma), the share
//! spent with customers.

use crate::domain::casting::scheme::MarketTime;
use crate::texts;
use crate::ui::format::{decimal, parse_decimal};

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MarketFields {
    pub days: String,
    /// Hours a day, "7,8".
    pub hours: String,
    /// Percent.
    pub share: String,
}

impl MarketFields {
    pub fn prefill(m: MarketTime) -> Self {
        MarketFields {
            days: m.days.to_string(),
            hours: decimal(u32::from(m.minutes_per_day), 60),
            share: m.share.to_string(),
        }
    }

    /// The market time as typed, or why not.
    pub fn parse(&self) -> Result<MarketTime, String> {
        let days = self.days.trim().parse::<u16>().ok();
        let minutes = parse_decimal(&self.hours, 60).and_then(|m| u16::try_from(m).ok());
        let share = self.share.trim().parse::<u8>().ok();
        match (days, minutes, share) {
            (Some(d), Some(m), Some(s)) => {
                MarketTime::new(d, m, s).map_err(|p| texts::scheme_problem(&p))
            }
            _ => Err(texts::BAD_MARKET_TIME.into()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hours_take_a_decimal_comma_and_round_trip() {
        let fields = MarketFields {
            days: " 205 ".into(),
            hours: "7,8".into(),
            share: "45".into(),
        };
        let m = fields.parse().unwrap();
        assert_eq!((m.days, m.minutes_per_day, m.share), (205, 468, 45));
        assert_eq!(
            MarketFields::prefill(m),
            MarketFields {
                days: "205".into(),
                ..fields
            }
        );
    }

    #[test]
    fn what_is_not_a_number_or_out_of_bounds_is_said() {
        let bad = |days: &str, hours: &str, share: &str| {
            MarketFields {
                days: days.into(),
                hours: hours.into(),
                share: share.into(),
            }
            .parse()
            .unwrap_err()
        };
        assert_eq!(bad("viele", "7,8", "45"), texts::BAD_MARKET_TIME);
        assert_eq!(bad("205", "", "45"), texts::BAD_MARKET_TIME);
        assert_eq!(
            bad("400", "7,8", "45"),
            texts::BAD_MARKET_TIME,
            "out of bounds"
        );
        assert_eq!(
            bad("205", "24,5", "45"),
            texts::BAD_MARKET_TIME,
            "more than a day"
        );
        assert_eq!(
            bad("205", "7,8", "0"),
            texts::BAD_MARKET_TIME,
            "no market share"
        );
    }
}

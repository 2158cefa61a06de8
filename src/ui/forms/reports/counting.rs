//! What counts as a contact in target against actual: picked formats and channels (tile keys)
//! and the two thresholds in percent.

use crate::domain::reports::monitoring::MonitoringSettings;
use crate::domain::vocab::{Channel, Format};
use crate::texts;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CountingFields {
    pub formats: Vec<String>,
    pub channels: Vec<String>,
    pub under: String,
    pub over: String,
}

/// The vocabulary values of picked tile keys.
fn picked<T>(keys: &[String], from: fn(&str) -> Option<T>) -> Vec<T> {
    keys.iter().filter_map(|k| from(k)).collect()
}

impl CountingFields {
    pub fn prefill(s: &MonitoringSettings) -> Self {
        CountingFields {
            formats: s.formats.iter().map(|f| f.key().to_owned()).collect(),
            channels: s.channels.iter().map(|c| c.key().to_owned()).collect(),
            under: s.under.to_string(),
            over: s.over.to_string(),
        }
    }

    pub fn parse(&self) -> Result<MonitoringSettings, String> {
        let (Ok(under), Ok(over)) = (self.under.trim().parse(), self.over.trim().parse()) else {
            return Err(texts::BAD_THRESHOLD.into());
        };
        MonitoringSettings::new(
            picked(&self.formats, Format::from_key),
            picked(&self.channels, Channel::from_key),
            under,
            over,
        )
        .map_err(texts::monitoring_problem)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_settings_round_trip_and_unknown_keys_are_ignored() {
        let current = MonitoringSettings::default();
        let mut fields = CountingFields::prefill(&current);
        assert_eq!(fields.parse(), Ok(current.clone()));
        fields.formats.push("unbekannt".into());
        fields.under = " 70 ".into();
        let s = fields.parse().unwrap();
        assert_eq!((s.formats.len(), s.under), (current.formats.len(), 70));
    }

    #[test]
    fn thresholds_must_be_whole_numbers_and_the_domain_checks_the_rest() {
        let fields = CountingFields::prefill(&MonitoringSettings::default());
        let typed = |under: &str, over: &str| {
            CountingFields {
                under: under.into(),
                over: over.into(),
                ..fields.clone()
            }
            .parse()
        };
        assert_eq!(typed("70,5", "200"), Err(texts::BAD_THRESHOLD.into()));
        assert_eq!(typed("", "200"), Err(texts::BAD_THRESHOLD.into()));
        let refused = typed("250", "200").unwrap_err();
        assert_ne!(refused, texts::BAD_THRESHOLD);
    }
}

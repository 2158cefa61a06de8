//! German formats for dates and times.

use chrono::{DateTime, FixedOffset, NaiveDate};

/// "22.11.2026"
pub fn date(d: NaiveDate) -> String {
    d.format("%d.%m.%Y").to_string()
}

/// "22.11.2026, 14:05" in the given local offset.
pub fn date_time<Tz: chrono::TimeZone>(t: DateTime<Tz>, offset: FixedOffset) -> String {
    t.with_timezone(&offset).format("%d.%m.%Y, %H:%M").to_string()
}

/// The value of an `<input type="date">` ("2026-11-22"); empty means none.
pub fn parse_input_date(raw: &str) -> Result<Option<NaiveDate>, ()> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Ok(None);
    }
    NaiveDate::parse_from_str(raw, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(raw, "%d.%m.%Y"))
        .map(Some)
        .map_err(|_| ())
}

/// The value for an `<input type="date">`.
pub fn input_date(d: Option<NaiveDate>) -> String {
    d.map(|d| d.format("%Y-%m-%d").to_string()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{TimeZone, Utc};

    #[test]
    fn german_dates() {
        let d = NaiveDate::from_ymd_opt(2026, 11, 2).unwrap();
        assert_eq!(date(d), "02.11.2026");
        let t = Utc.with_ymd_and_hms(2026, 11, 22, 13, 5, 0).unwrap();
        assert_eq!(date_time(t, FixedOffset::east_opt(3600).unwrap()), "22.11.2026, 14:05");
    }

    #[test]
    fn input_dates() {
        let d = NaiveDate::from_ymd_opt(2024, 2, 29).unwrap();
        assert_eq!(parse_input_date("2024-02-29"), Ok(Some(d)));
        assert_eq!(parse_input_date("29.02.2024"), Ok(Some(d)));
        assert_eq!(parse_input_date(""), Ok(None));
        assert_eq!(parse_input_date("2023-02-29"), Err(()));
        assert_eq!(input_date(Some(d)), "2024-02-29");
    }
}

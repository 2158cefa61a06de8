//! German formats for dates and times.

//! Written by hand rather than with chrono's strftime: that machinery costs bundle size.

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, Timelike};

/// "22.11.2026"
pub fn date(d: NaiveDate) -> String {
    format!("{:02}.{:02}.{:04}", d.day(), d.month(), d.year())
}

/// "22.11.2026, 14:05" in the given local offset.
pub fn date_time<Tz: chrono::TimeZone>(t: DateTime<Tz>, offset: FixedOffset) -> String {
    let local = t.with_timezone(&offset);
    format!(
        "{}, {:02}:{:02}",
        date(local.date_naive()),
        local.hour(),
        local.minute()
    )
}

/// A date that is not a real calendar day or not in a known notation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BadDate;

/// The value of an `<input type="date">` ("2026-11-22"); empty means none.
pub fn parse_input_date(raw: &str) -> Result<Option<NaiveDate>, BadDate> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Ok(None);
    }
    // Both notations become the stored one, which the domain parses.
    let numbers: Vec<&str> = raw.split(['-', '.']).collect();
    let (y, m, d) = match (numbers.as_slice(), raw.contains('-')) {
        ([y, m, d], true) => (*y, *m, *d),
        ([d, m, y], false) => (*y, *m, *d),
        _ => return Err(BadDate),
    };
    crate::domain::time_format::parse_date(&format!("{y}-{m:0>2}-{d:0>2}"))
        .map(Some)
        .ok_or(BadDate)
}

/// The value for an `<input type="date">`: "2026-11-22".
pub fn input_date(d: Option<NaiveDate>) -> String {
    d.map(crate::domain::time_format::format_date)
        .unwrap_or_default()
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
        assert_eq!(
            date_time(t, FixedOffset::east_opt(3600).unwrap()),
            "22.11.2026, 14:05"
        );
    }

    #[test]
    fn input_dates() {
        let d = NaiveDate::from_ymd_opt(2024, 2, 29).unwrap();
        assert_eq!(parse_input_date("2024-02-29"), Ok(Some(d)));
        assert_eq!(parse_input_date("29.02.2024"), Ok(Some(d)));
        assert_eq!(parse_input_date(""), Ok(None));
        assert_eq!(parse_input_date("2023-02-29"), Err(BadDate));
        assert_eq!(
            parse_input_date("1.3.2024"),
            Ok(NaiveDate::from_ymd_opt(2024, 3, 1))
        );
        assert_eq!(parse_input_date("24-02-29"), Err(BadDate));
        assert_eq!(input_date(Some(d)), "2024-02-29");
    }
}

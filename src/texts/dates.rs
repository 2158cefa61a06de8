//! German dates and times: "22.11.2026", "22.11.2026, 14:05". Written by hand rather than with
//! chrono's strftime: that machinery costs bundle size.

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
}

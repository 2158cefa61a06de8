//! Dates and timestamps as text, for serde: "2026-11-22" and "2026-11-22T09:30:00.123Z".
//! Hand-written instead of chrono's format/parse machinery, which costs bundle size; the
//! accepted notation is RFC 3339 with an optional fraction and any offset.

use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime, NaiveTime, Timelike, Utc};

/// "2026-11-22"
pub fn format_date(d: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

/// "2026-11-22T09:30:00Z", "2026-11-22T09:30:00.123Z": always UTC, with as many fraction
/// digits as needed (0, 3, 6 or 9), as chrono's RFC 3339 output.
pub fn format_timestamp(t: DateTime<Utc>) -> String {
    let nanos = t.timestamp_subsec_nanos();
    let fraction = match nanos {
        0 => String::new(),
        n if n % 1_000_000 == 0 => format!(".{:03}", n / 1_000_000),
        n if n % 1_000 == 0 => format!(".{:06}", n / 1_000),
        n => format!(".{n:09}"),
    };
    format!(
        "{}T{:02}:{:02}:{:02}{fraction}Z",
        format_date(t.date_naive()),
        t.hour(),
        t.minute(),
        t.second()
    )
}

/// "2026-11-22T09:30": a local wall-clock time to the minute, as a contact keeps it.
pub fn format_minute(t: NaiveDateTime) -> String {
    format!(
        "{}T{:02}:{:02}",
        format_date(t.date()),
        t.hour(),
        t.minute()
    )
}

/// "09:30"
pub fn format_clock(t: NaiveTime) -> String {
    format!("{:02}:{:02}", t.hour(), t.minute())
}

/// Parses "HH:MM".
pub fn parse_clock(s: &str) -> Option<NaiveTime> {
    let (h, m) = s.split_once(':')?;
    if h.len() != 2 || m.len() != 2 {
        return None;
    }
    NaiveTime::from_hms_opt(digits(h)?, digits(m)?, 0)
}

/// Parses "YYYY-MM-DDTHH:MM".
pub fn parse_minute(s: &str) -> Option<NaiveDateTime> {
    let (date, clock) = s.split_once('T')?;
    Some(NaiveDateTime::new(parse_date(date)?, parse_clock(clock)?))
}

fn digits(s: &str) -> Option<u32> {
    (!s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

/// Parses "YYYY-MM-DD".
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let (y, rest) = s.split_once('-')?;
    let (m, d) = rest.split_once('-')?;
    if y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return None;
    }
    NaiveDate::from_ymd_opt(digits(y)? as i32, digits(m)?, digits(d)?)
}

/// Parses an RFC 3339 timestamp ("T" or space, optional fraction, "Z" or "±hh:mm").
pub fn parse_timestamp(s: &str) -> Option<DateTime<Utc>> {
    let date = parse_date(s.get(..10)?)?;
    if !matches!(s.as_bytes().get(10)?, b'T' | b't' | b' ') {
        return None;
    }
    let rest = s.get(11..)?;
    let (clock, offset_secs) = if let Some(clock) = rest.strip_suffix(['Z', 'z']) {
        (clock, 0i64)
    } else {
        let split = rest.len().checked_sub(6)?;
        let (clock, offset) = rest.split_at(split);
        let sign = match offset.as_bytes()[0] {
            b'+' => 1,
            b'-' => -1,
            _ => return None,
        };
        let (h, m) = offset[1..].split_once(':')?;
        (
            clock,
            sign * (i64::from(digits(h)?) * 3600 + i64::from(digits(m)?) * 60),
        )
    };
    let (hms, fraction) = clock.split_once('.').unwrap_or((clock, ""));
    let mut parts = hms.split(':');
    let (h, m, sec) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || h.len() != 2 || m.len() != 2 || sec.len() != 2 {
        return None;
    }
    let nanos = if fraction.is_empty() {
        0
    } else {
        let f = &fraction[..fraction.len().min(9)];
        digits(f)? * 10u32.pow(9 - f.len() as u32)
    };
    let time = NaiveTime::from_hms_nano_opt(digits(h)?, digits(m)?, digits(sec)?, nanos)?;
    let local = NaiveDateTime::new(date, time);
    Some(local.and_utc() - chrono::Duration::seconds(offset_secs))
}

macro_rules! serde_module {
    ($name:ident, $ty:ty, $format:path, $parse:path, $expected:literal) => {
        pub mod $name {
            use serde::{Deserialize, Deserializer, Serializer};

            pub fn serialize<S: Serializer>(v: &$ty, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(&$format(*v))
            }

            pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<$ty, D::Error> {
                let text = <std::borrow::Cow<'de, str>>::deserialize(d)?;
                from_text(&text)
            }

            /// Parses the text, or fails with the German message naming the notation.
            pub fn from_text<E: serde::de::Error>(text: &str) -> Result<$ty, E> {
                $parse(text).ok_or_else(|| {
                    E::custom(format!(concat!("„{}“ ist kein gültiges ", $expected), text))
                })
            }
        }
    };
}

serde_module!(
    date,
    chrono::NaiveDate,
    super::format_date,
    super::parse_date,
    "Datum (JJJJ-MM-TT)"
);
serde_module!(
    timestamp,
    chrono::DateTime<chrono::Utc>,
    super::format_timestamp,
    super::parse_timestamp,
    "Zeitstempel (RFC 3339)"
);

serde_module!(
    minute,
    chrono::NaiveDateTime,
    super::format_minute,
    super::parse_minute,
    "Datum mit Uhrzeit (JJJJ-MM-TTTHH:MM)"
);

/// `Option<NaiveTime>` fields as "HH:MM".
pub mod opt_clock {
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(
        v: &Option<chrono::NaiveTime>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        match v {
            Some(t) => s.serialize_str(&super::format_clock(*t)),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Option<chrono::NaiveTime>, D::Error> {
        let text = <Option<std::borrow::Cow<'de, str>>>::deserialize(d)?;
        text.map(|t| {
            super::parse_clock(&t).ok_or_else(|| {
                serde::de::Error::custom(format!("„{t}“ ist keine gültige Uhrzeit (HH:MM)"))
            })
        })
        .transpose()
    }
}

/// `Option<NaiveDate>` fields; `None` is skipped when writing and `null` accepted when reading.
pub mod opt_date {
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(
        v: &Option<chrono::NaiveDate>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        match v {
            Some(d) => super::date::serialize(d, s),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Option<chrono::NaiveDate>, D::Error> {
        let text = <Option<std::borrow::Cow<'de, str>>>::deserialize(d)?;
        text.map(|t| super::date::from_text(&t)).transpose()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn dates_round_trip_and_reject_nonsense() {
        let d = NaiveDate::from_ymd_opt(2024, 2, 29).unwrap();
        assert_eq!(format_date(d), "2024-02-29");
        assert_eq!(parse_date("2024-02-29"), Some(d));
        for bad in [
            "2023-02-29",
            "2024-2-29",
            "24-02-29",
            "2024-02-29x",
            "",
            "2024-13-01",
            "+024-01-01",
        ] {
            assert_eq!(parse_date(bad), None, "{bad}");
        }
    }

    #[test]
    fn timestamps_in_rfc3339_notations() {
        let t = Utc.with_ymd_and_hms(2026, 11, 22, 9, 30, 0).unwrap()
            + chrono::Duration::milliseconds(123);
        assert_eq!(format_timestamp(t), "2026-11-22T09:30:00.123Z");
        assert_eq!(parse_timestamp("2026-11-22T09:30:00.123Z"), Some(t));
        assert_eq!(parse_timestamp("2026-11-22T10:30:00.123+01:00"), Some(t));
        assert_eq!(parse_timestamp("2026-11-22 09:30:00.123000000Z"), Some(t));
        let whole = Utc.with_ymd_and_hms(2026, 11, 22, 9, 30, 0).unwrap();
        assert_eq!(parse_timestamp("2026-11-22T04:30:00-05:00"), Some(whole));
        for bad in [
            "2026-11-22",
            "2026-11-22T09:30Z",
            "2026-11-22T09:30:00",
            "2026-11-22T25:00:00Z",
            "2026-11-22T09:30:00.x1Z",
        ] {
            assert_eq!(parse_timestamp(bad), None, "{bad}");
        }
    }

    #[test]
    fn minutes_and_clock_times_round_trip() {
        let t = NaiveDate::from_ymd_opt(2024, 2, 29)
            .unwrap()
            .and_hms_opt(7, 5, 0)
            .unwrap();
        assert_eq!(format_minute(t), "2024-02-29T07:05");
        assert_eq!(parse_minute("2024-02-29T07:05"), Some(t));
        assert_eq!(parse_clock("23:59"), NaiveTime::from_hms_opt(23, 59, 0));
        for bad in [
            "2024-02-29T7:05",
            "2024-02-29 07:05",
            "2024-02-29T24:00",
            "2024-02-29",
        ] {
            assert_eq!(parse_minute(bad), None, "{bad}");
        }
        assert_eq!(parse_clock("9:30"), None);
    }

    #[test]
    fn same_text_as_chrono_rfc3339() {
        let base = Utc.with_ymd_and_hms(1999, 1, 2, 3, 4, 5).unwrap();
        for extra in [0, 7_000_000, 7_000, 7] {
            let t = base + chrono::Duration::nanoseconds(extra);
            let text = format_timestamp(t);
            assert_eq!(text, t.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true));
            assert_eq!(parse_timestamp(&text), Some(t));
        }
    }

    #[test]
    fn optional_dates_accept_null_and_name_bad_text() {
        #[derive(serde::Deserialize, Debug)]
        struct Probe {
            #[serde(default, with = "opt_date")]
            day: Option<NaiveDate>,
        }
        let parsed: Probe = serde_json::from_str(r#"{"day":null}"#).unwrap();
        assert_eq!(parsed.day, None);
        let parsed: Probe = serde_json::from_str(r#"{"day":"2024-02-29"}"#).unwrap();
        assert_eq!(parsed.day, NaiveDate::from_ymd_opt(2024, 2, 29));
        let err = serde_json::from_str::<Probe>(r#"{"day":"29.02.2024"}"#).unwrap_err();
        assert!(
            err.to_string()
                .contains("„29.02.2024“ ist kein gültiges Datum"),
            "{err}"
        );
    }
}

//! German formats for dates and times.

//! Written by hand rather than with chrono's strftime: that machinery costs bundle size.

use chrono::NaiveDate;

pub use crate::texts::dates::{date, date_time};

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

/// A German decimal ("7,8", also "7.8" or "8", at most two decimals) times `scale`, rounded:
/// `parse_decimal("7,8", 60)` is 468 (minutes of 7,8 hours). `None` for anything else.
pub fn parse_decimal(raw: &str, scale: u32) -> Option<u32> {
    let text = raw.trim();
    let (whole, fraction) = match text.split_once([',', '.']) {
        Some((w, f)) if f.len() <= 2 => (w, f),
        Some(_) => return None,
        None => (text, "0"),
    };
    let digits = |s: &str| !s.is_empty() && s.len() <= 6 && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(whole) || !digits(fraction) {
        return None;
    }
    let hundredths =
        whole.parse::<u32>().ok()? * 100 + format!("{fraction:0<2}").parse::<u32>().ok()?;
    Some((hundredths * scale + 50) / 100)
}

/// `value / scale` with at most one decimal, German style: `decimal(468, 60)` is "7,8".
pub fn decimal(value: u32, scale: u32) -> String {
    let tenths = (value * 10 + scale / 2) / scale.max(1);
    match tenths % 10 {
        0 => crate::texts::number(i64::from(tenths / 10)),
        d => format!("{},{d}", crate::texts::number(i64::from(tenths / 10))),
    }
}

/// A number as typed or in an address: "1,5", "1.5", "40". With `grouping`, dots separate
/// thousands ("5.000" is 5000), as Germans write euros. `None` for anything else.
pub fn parse_number(raw: &str, grouping: bool) -> Option<f64> {
    let mut text: String = raw.chars().filter(|c| !c.is_whitespace()).collect();
    if grouping {
        text.retain(|c| c != '.');
    }
    let (whole, fraction) = match text.split_once([',', '.']) {
        Some((w, f)) => (w, f),
        None => (text.as_str(), "0"),
    };
    // Digits by hand: the float parser and printer of `core` would add kilobytes to the app.
    let digits = |s: &str| !s.is_empty() && s.len() <= 12 && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(whole) || !digits(fraction) {
        return None;
    }
    let value = |s: &str| s.bytes().fold(0u64, |n, b| n * 10 + u64::from(b - b'0'));
    let scale = 10u64.pow(fraction.len() as u32);
    Some(value(whole) as f64 + value(fraction) as f64 / scale as f64)
}

/// A number for an input field or an address: no grouping, at most two decimals, with a
/// decimal comma or point.
pub fn plain(x: f64, comma: bool) -> String {
    let hundredths = (x * 100.0).round() as i64;
    let (whole, cents) = (hundredths / 100, hundredths % 100);
    let separator = if comma { ',' } else { '.' };
    match cents {
        0 => whole.to_string(),
        c if c % 10 == 0 => format!("{whole}{separator}{}", c / 10),
        c => format!("{whole}{separator}{c:02}"),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn numbers_parse_with_comma_point_and_grouping() {
        use super::{parse_number, plain};
        assert_eq!(parse_number("1,5", false), Some(1.5));
        assert_eq!(parse_number(" 1.5 ", false), Some(1.5));
        assert_eq!(parse_number("40", false), Some(40.0));
        assert_eq!(parse_number("5.000", true), Some(5000.0));
        assert_eq!(parse_number("1.701.000", true), Some(1_701_000.0));
        assert_eq!(parse_number("5.000,50", true), Some(5000.5));
        for bad in [
            "", "x", "1,2,3", ",5", "5,", "-1", "1e3", "40%", "NaN", "inf",
        ] {
            assert_eq!(parse_number(bad, false), None, "{bad}");
        }
        assert_eq!(plain(1.0, true), "1");
        assert_eq!(plain(1.5, true), "1,5");
        assert_eq!(plain(0.25, false), "0.25");
        assert_eq!(plain(5000.0, false), "5000");
    }

    #[test]
    fn decimals_parse_and_print_the_german_way() {
        use super::{decimal, parse_decimal};
        assert_eq!(parse_decimal("7,8", 60), Some(468));
        assert_eq!(parse_decimal(" 8 ", 60), Some(480));
        assert_eq!(parse_decimal("7.75", 60), Some(465));
        assert_eq!(parse_decimal("0,5", 100), Some(50));
        for bad in ["", "x", "7,", ",5", "7,123", "-1", "1e3", "7,8,9"] {
            assert_eq!(parse_decimal(bad, 60), None, "{bad}");
        }
        assert_eq!(decimal(468, 60), "7,8");
        assert_eq!(decimal(480, 60), "8");
        assert_eq!(decimal(40_320 * 60, 60), "40.320");
    }

    use super::*;

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

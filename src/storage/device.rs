//! How this device's safety state ([`Device`]) is stored: one line of `name=value` pairs under
//! its own key, beside the book and never part of it ("days=7;persist=1;export=…@12"). Written
//! and read by hand: derived serde code, or building a JSON object, cost more bundle size than
//! this whole module. Anything unreadable falls back to the default: none of it is the
//! advisor's data.

use crate::domain::exchange::csv::mapping::Field;
use crate::domain::safety::{Device, ExportMark};
use crate::domain::time_format::{format_date, format_timestamp, parse_date, parse_timestamp};

pub fn to_text(d: &Device) -> String {
    let flag = |b: bool| if b { "1" } else { "0" };
    let mut text = format!(
        "days={};persist={};persist_installed={}",
        d.reminder_days,
        flag(d.persist_asked),
        flag(d.persist_asked_installed)
    );
    if let Some(m) = d.last_export {
        text += &format!(";export={}@{}", format_timestamp(m.at), m.revision);
    }
    if let Some(day) = d.folder_backup_on {
        text += &format!(";folder={}", format_date(day));
    }
    if !d.csv_mapping.is_empty() {
        // Normalised header names are letters and digits, so `:` and `,` cannot occur.
        let columns: Vec<String> = d
            .csv_mapping
            .iter()
            .map(|(header, field)| format!("{header}:{}", field.map_or("-", Field::key)))
            .collect();
        text += &format!(";csv={}", columns.join(","));
    }
    text
}

pub fn from_text(text: &str) -> Device {
    let mut d = Device::default();
    for (name, value) in text.split(';').filter_map(|pair| pair.split_once('=')) {
        match name {
            "days" => {
                let _ = d.set_reminder_days(value.parse().unwrap_or(0));
            }
            "persist" => d.persist_asked = value == "1",
            "persist_installed" => d.persist_asked_installed = value == "1",
            "export" => {
                d.last_export = value.split_once('@').and_then(|(at, revision)| {
                    Some(ExportMark {
                        at: parse_timestamp(at)?,
                        revision: revision.parse().ok()?,
                    })
                })
            }
            "folder" => d.folder_backup_on = parse_date(value),
            "csv" => {
                d.csv_mapping = value
                    .split(',')
                    .filter_map(|column| {
                        let (header, key) = column.split_once(':')?;
                        let field = match key {
                            "-" => None,
                            key => Some(Field::from_key(key)?),
                        };
                        Some((header.to_owned(), field))
                    })
                    .collect()
            }
            _ => {}
        }
    }
    d
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{NaiveDate, TimeZone, Utc};

    #[test]
    fn device_state_round_trips() {
        let d = Device {
            last_export: Some(ExportMark {
                at: Utc.with_ymd_and_hms(2026, 11, 20, 22, 30, 0).unwrap(),
                revision: 10,
            }),
            reminder_days: 3,
            persist_asked: true,
            persist_asked_installed: false,
            folder_backup_on: NaiveDate::from_ymd_opt(2026, 11, 21),
            csv_mapping: vec![
                ("kdnr".into(), Some(Field::Number)),
                ("anrede".into(), None),
                ("name".into(), Some(Field::Company)),
            ],
        };
        let text = to_text(&d);
        assert_eq!(
            text,
            "days=3;persist=1;persist_installed=0;export=2026-11-20T22:30:00Z@10;folder=2026-11-21;csv=kdnr:number,anrede:-,name:company"
        );
        assert_eq!(from_text(&text), d);
        assert_eq!(from_text(&to_text(&Device::default())), Device::default());
    }

    #[test]
    fn missing_or_broken_parts_read_as_defaults() {
        assert_eq!(from_text(""), Device::default());
        assert_eq!(from_text("{kaputt"), Device::default());
        let d = from_text("days=0;export=gestern@4;folder=2026-02-30;persist=ja");
        assert_eq!(
            d,
            Device::default(),
            "out of range, unreadable, not a day, not a flag"
        );
        let d = from_text("days=14;export=2026-11-20T22:30:00Z@4;unbekannt=1;csv=a:x,b,c:town");
        assert_eq!(d.reminder_days, 14);
        assert_eq!(d.csv_mapping, [("c".to_owned(), Some(Field::Town))]);
        assert_eq!(d.last_export.map(|m| m.revision), Some(4));
    }
}

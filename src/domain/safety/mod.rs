//! Data safety on this device: when the advisor last exported the book, and whether the start
//! page should remind them to download a backup. This is device state, not part of the book: it
//! is neither exported nor merged.

pub mod identity;

use crate::domain::exchange::csv::mapping::Remembered;
use crate::domain::model::Timestamp;
use chrono::NaiveDate;

/// Days after an export before a changed book asks for a new one, unless the advisor chose.
pub const DEFAULT_REMINDER_DAYS: u32 = 7;
/// Bounds for the advisor's choice: daily at most, a quarter of a year at least.
pub const REMINDER_DAYS: std::ops::RangeInclusive<u32> = 1..=90;

/// Dated backups kept in the advisor's backup folder; older ones are deleted.
pub const FOLDER_KEEP: u32 = 10;

/// The last export: when, and which stored revision of the book it held.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExportMark {
    pub at: Timestamp,
    pub revision: u64,
}

/// What this device remembers beside the book: its safety state, and the last column
/// mapping of a CSV import. Stored by `storage::device`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Device {
    pub last_export: Option<ExportMark>,
    pub reminder_days: u32,
    /// Persistent storage was asked for once the book had data, and once running installed.
    pub persist_asked: bool,
    pub persist_asked_installed: bool,
    /// The day of the last automatic backup into the chosen folder.
    pub folder_backup_on: Option<NaiveDate>,
    /// The columns of the last CSV import by header name (normalised: letters and digits).
    pub csv_mapping: Remembered,
}

impl Default for Device {
    fn default() -> Self {
        Device {
            last_export: None,
            reminder_days: DEFAULT_REMINDER_DAYS,
            persist_asked: false,
            persist_asked_installed: false,
            folder_backup_on: None,
            csv_mapping: Remembered::new(),
        }
    }
}

/// The reminder interval is out of [`REMINDER_DAYS`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DaysOutOfRange;

/// The reminder interval as typed: a whole number of days within [`REMINDER_DAYS`].
pub fn parse_reminder_days(raw: &str) -> Result<u32, DaysOutOfRange> {
    match raw.trim().parse::<u32>() {
        Ok(days) if REMINDER_DAYS.contains(&days) => Ok(days),
        _ => Err(DaysOutOfRange),
    }
}

impl Device {
    pub fn set_reminder_days(&mut self, days: u32) -> Result<(), DaysOutOfRange> {
        if !REMINDER_DAYS.contains(&days) {
            return Err(DaysOutOfRange);
        }
        self.reminder_days = days;
        Ok(())
    }

    /// Should the start page offer a backup? Only for a book with data that changed since the
    /// last export (`revision` is the stored revision now), when that export is at least
    /// `reminder_days` old or there was none.
    pub fn backup_due(&self, has_data: bool, revision: u64, today: NaiveDate) -> bool {
        if !has_data {
            return false;
        }
        match self.last_export {
            None => true,
            Some(mark) => {
                let age = (today - mark.at.date_naive()).num_days();
                revision != mark.revision && age >= i64::from(self.reminder_days)
            }
        }
    }

    /// Should a dated backup go into the chosen folder now? After a change since the last
    /// export, at most once a day.
    pub fn folder_backup_due(&self, has_data: bool, revision: u64, today: NaiveDate) -> bool {
        has_data
            && self.folder_backup_on != Some(today)
            && self.last_export.map(|m| m.revision) != Some(revision)
    }

    /// Should persistent storage be asked for now? Once when the book first has data, and once
    /// more when the app runs installed (browsers grant it more readily then).
    pub fn persist_request(&self, has_data: bool, installed: bool) -> Option<PersistAsk> {
        if !has_data {
            None
        } else if installed && !self.persist_asked_installed {
            Some(PersistAsk::Installed)
        } else if !self.persist_asked {
            Some(PersistAsk::First)
        } else {
            None
        }
    }

    pub fn persist_asked(&mut self, ask: PersistAsk) {
        self.persist_asked = true;
        if ask == PersistAsk::Installed {
            self.persist_asked_installed = true;
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PersistAsk {
    First,
    Installed,
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
    }

    fn exported(d: u32, revision: u64) -> Device {
        Device {
            last_export: Some(ExportMark {
                at: chrono::Utc
                    .with_ymd_and_hms(2026, 11, d, 22, 30, 0)
                    .unwrap(),
                revision,
            }),
            ..Device::default()
        }
    }

    #[test]
    fn an_empty_book_never_asks_for_a_backup() {
        assert!(!Device::default().backup_due(false, 5, day(30)));
    }

    #[test]
    fn a_book_never_exported_asks_at_once() {
        assert!(Device::default().backup_due(true, 1, day(1)));
    }

    #[test]
    fn a_changed_book_asks_when_the_export_is_old_enough() {
        let d = exported(20, 10);
        assert!(!d.backup_due(true, 11, day(26)), "6 days");
        assert!(d.backup_due(true, 11, day(27)), "7 days");
        assert!(
            !d.backup_due(true, 10, day(30)),
            "unchanged since the export"
        );
    }

    #[test]
    fn the_interval_is_the_advisors_choice_within_bounds() {
        let mut d = exported(20, 10);
        assert_eq!(d.set_reminder_days(0), Err(DaysOutOfRange));
        assert_eq!(d.set_reminder_days(91), Err(DaysOutOfRange));
        assert_eq!(d.reminder_days, DEFAULT_REMINDER_DAYS);
        d.set_reminder_days(1).unwrap();
        assert!(d.backup_due(true, 11, day(21)));
    }

    #[test]
    fn the_typed_interval_is_a_whole_number_of_days_in_range() {
        assert_eq!(parse_reminder_days(" 14 "), Ok(14));
        assert_eq!(parse_reminder_days("1"), Ok(1));
        assert_eq!(parse_reminder_days("90"), Ok(90));
        for bad in ["", "0", "91", "7,5", "-3", "sieben"] {
            assert_eq!(parse_reminder_days(bad), Err(DaysOutOfRange), "{bad:?}");
        }
    }

    #[test]
    fn the_folder_gets_a_backup_after_changes_at_most_once_a_day() {
        let mut d = exported(20, 10);
        assert!(!d.folder_backup_due(false, 11, day(21)), "empty book");
        assert!(
            !d.folder_backup_due(true, 10, day(21)),
            "unchanged since the export"
        );
        assert!(d.folder_backup_due(true, 11, day(21)));
        d.folder_backup_on = Some(day(21));
        assert!(!d.folder_backup_due(true, 12, day(21)), "once a day");
        assert!(d.folder_backup_due(true, 12, day(22)));
    }

    #[test]
    fn persistence_is_asked_once_with_data_and_once_more_installed() {
        let mut d = Device::default();
        assert_eq!(d.persist_request(false, false), None);
        assert_eq!(d.persist_request(true, false), Some(PersistAsk::First));
        d.persist_asked(PersistAsk::First);
        assert_eq!(d.persist_request(true, false), None);
        assert_eq!(d.persist_request(true, true), Some(PersistAsk::Installed));
        d.persist_asked(PersistAsk::Installed);
        assert_eq!(d.persist_request(true, true), None);
    }
}

//! Backups inside the browser: a copy of the book before anything replaces it (import,
//! restore, sample data, schema upgrade, the move into IndexedDB). Each is a small info entry
//! plus the compressed export document in its own entry, which opening the book never reads.
//! Kept: the ten newest, and the newest of each of the last seven days.

use super::engine::{Engine, Write};
use super::file::{self, DecodeError};
use super::kv::{entry_chars, StoreError};
use super::layout;
use super::store::Store;
use crate::domain::book::Book;
use crate::domain::model::Timestamp;
use crate::domain::sort;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

pub const BACKUP_PREFIX: &str = "kontaktnetz.backup.";
/// Where a backup's document lives (before IndexedDB it sat inside the info entry).
pub const BACKUP_DOC_PREFIX: &str = "kontaktnetz.backup-doc.";
/// The newest this many backups are always kept.
pub const KEEP_NEWEST: usize = 10;
/// Of each of this many last days, the newest backup is kept as well.
pub const KEEP_DAYS: i64 = 7;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BackupInfo {
    #[serde(skip)]
    pub key: String,
    pub label: String,
    #[serde(with = "crate::domain::time_format::timestamp")]
    pub created_at: Timestamp,
    pub groups: usize,
    pub customers: usize,
    /// Characters of the document entry; plus the info entry's own once listed.
    #[serde(default)]
    pub chars: usize,
}

pub fn is_backup(key: &str) -> bool {
    key.starts_with(BACKUP_PREFIX) || key.starts_with(BACKUP_DOC_PREFIX)
}

fn doc_key(info_key: &str) -> String {
    let stamp = info_key.strip_prefix(BACKUP_PREFIX).unwrap_or(info_key);
    format!("{BACKUP_DOC_PREFIX}{stamp}")
}

/// Both entries of a backup, for deleting it.
fn removal(info_key: &str) -> [Write; 2] {
    [(info_key.to_owned(), None), (doc_key(info_key), None)]
}

/// The backups (newest first) that the rule no longer keeps once `now` has passed: beyond
/// the ten newest, all but the newest of each of the last seven days.
pub fn expired(newest_first: &[BackupInfo], now: Timestamp) -> Vec<String> {
    let today = now.date_naive();
    let mut days_kept = Vec::new();
    let mut out = Vec::new();
    for (index, info) in newest_first.iter().enumerate() {
        let day = info.created_at.date_naive();
        let recent = (today - day).num_days() < KEEP_DAYS;
        let first_of_day = recent && !days_kept.contains(&day);
        if first_of_day {
            days_kept.push(day);
        }
        if index >= KEEP_NEWEST && !first_of_day {
            out.push(info.key.clone());
        }
    }
    out
}

/// The two entries of a new backup of `book` (whose export document is `doc`), and its key.
pub async fn entries(label: &str, book: &Book, doc: &str, now: Timestamp) -> (String, [Write; 2]) {
    let key = format!("{BACKUP_PREFIX}{:015}", now.timestamp_millis());
    // Compressed like the chunks: a backup must not need as much room as the book.
    let document = super::compress::deflate_all(vec![doc.to_owned()])
        .await
        .remove(0);
    let info = json!({
        "label": label,
        "created_at": crate::domain::time_format::format_timestamp(now),
        "groups": book.groups().len(),
        "customers": book.customers().len(),
        "chars": entry_chars(&doc_key(&key), &document),
    });
    let writes = [
        (key.clone(), Some(info.to_string())),
        (doc_key(&key), Some(document)),
    ];
    (key, writes)
}

impl<E: Engine> Store<E> {
    /// Keeps a restorable copy of `book`, dropping copies the keeping rule no longer needs.
    pub async fn backup(
        &mut self,
        label: &str,
        book: &Book,
        now: Timestamp,
    ) -> Result<(), StoreError> {
        self.put_backup(label, book, &file::export(book, now), now)
            .await
    }

    pub(super) async fn put_backup(
        &mut self,
        label: &str,
        book: &Book,
        doc: &str,
        now: Timestamp,
    ) -> Result<(), StoreError> {
        let (key, entries) = entries(label, book, doc, now).await;
        let mut old = self.backups().await?;
        let mut writes: Vec<Write> = entries.to_vec();
        // The new backup counts as the newest when the rule is applied.
        let mut with_new = vec![BackupInfo {
            key: key.clone(),
            label: label.to_owned(),
            created_at: now,
            groups: 0,
            customers: 0,
            chars: 0,
        }];
        with_new.extend(old.iter().cloned());
        for gone in expired(&with_new, now) {
            old.retain(|b| b.key != gone);
            writes.extend(removal(&gone));
        }
        // When there is no room, the oldest copies go first, one at a time.
        loop {
            match self.commit_other(writes.clone()).await {
                Err(StoreError::Quota) => match old.pop() {
                    Some(oldest) => writes.extend(removal(&oldest.key)),
                    None => return Err(StoreError::Quota),
                },
                other => return other,
            }
        }
    }

    /// Backups, newest first.
    pub async fn backups(&self) -> Result<Vec<BackupInfo>, StoreError> {
        let mut out = Vec::new();
        for (key, text) in self.engine.read_all(BACKUP_PREFIX).await? {
            if let Ok(mut info) = serde_json::from_str::<BackupInfo>(&text) {
                info.chars += entry_chars(&key, &text);
                info.key = key;
                out.push(info);
            }
        }
        sort::sort_by(&mut out, |a, b| b.key.cmp(&a.key));
        Ok(out)
    }

    /// Reads a backup back into a book (migrating it if it is from an older schema).
    pub async fn read_backup(&self, key: &str) -> Result<Book, DecodeError> {
        let info = self.engine.read(key).await.ok().flatten();
        let info = info.ok_or(DecodeError::Empty)?;
        let entry: Value = serde_json::from_str(&info).map_err(|e| DecodeError::NotJson {
            line: e.line(),
            column: e.column(),
        })?;
        let packed = match entry["document"].as_str() {
            Some(inline) => inline.to_owned(),
            None => self
                .engine
                .read(&doc_key(key))
                .await
                .ok()
                .flatten()
                .ok_or(DecodeError::Empty)?,
        };
        let doc =
            layout::inflate_text(key, &packed).map_err(|e| DecodeError::Shape { detail: e.0 })?;
        file::decode_text(&doc)
    }

    pub async fn delete_backup(&mut self, key: &str) -> Result<(), StoreError> {
        if key.starts_with(BACKUP_PREFIX) {
            self.commit_other(removal(key).to_vec()).await?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Duration, TimeZone, Utc};

    fn made(at: Timestamp) -> BackupInfo {
        BackupInfo {
            key: format!("{BACKUP_PREFIX}{:015}", at.timestamp_millis()),
            label: String::new(),
            created_at: at,
            groups: 0,
            customers: 0,
            chars: 0,
        }
    }

    #[test]
    fn the_ten_newest_and_the_newest_of_each_of_the_last_seven_days_are_kept() {
        let now = Utc.with_ymd_and_hms(2026, 11, 30, 18, 0, 0).unwrap();
        // Three a day for twelve days, newest first.
        let list: Vec<BackupInfo> = (0..36)
            .map(|i| made(now - Duration::days(i / 3) - Duration::hours(i % 3)))
            .collect();
        let gone = expired(&list, now);
        let kept: Vec<&BackupInfo> = list.iter().filter(|b| !gone.contains(&b.key)).collect();
        // The ten newest cover days 0 to 3; days 4, 5 and 6 keep their newest one each.
        assert_eq!(kept.len(), 13);
        assert!(list[..KEEP_NEWEST].iter().all(|b| !gone.contains(&b.key)));
        for day in 4..7 {
            assert!(!gone.contains(&list[day * 3].key), "newest of day {day}");
            assert!(gone.contains(&list[day * 3 + 1].key), "second of day {day}");
        }
        assert!(
            list[21..].iter().all(|b| gone.contains(&b.key)),
            "older than a week"
        );
        assert!(expired(&list[..KEEP_NEWEST], now).is_empty());
    }
}

//! The store: the customer book as logical records packed into chunk keys (see [`layout`]),
//! behind a meta key with the schema version and a revision counter. Other tabs' writes are
//! merged record by record, never overwritten; a failed write is rolled back; unreadable data
//! is left in place until the advisor decides.

use super::file::{self, DecodeError, FORMAT};
use super::kv::{entry_chars, KeyValue, StoreError};
use super::layout::{self, Records, COLLECTIONS, SETTINGS};
use super::migrate::CURRENT_SCHEMA;
use crate::domain::book::{Book, BookData};
use crate::domain::model::Timestamp;
use crate::domain::safety::Device;
use crate::domain::sort;
use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};
use std::collections::BTreeMap;

pub const PREFIX: &str = "kontaktnetz.";
pub const META_KEY: &str = "kontaktnetz.meta";
const BACKUP_PREFIX: &str = "kontaktnetz.backup.";
const QUARANTINE_PREFIX: &str = "kontaktnetz.quarantine.";
/// This device's own state ([`Device`]): not part of the book, never exported or merged.
pub const DEVICE_KEY: &str = "kontaktnetz.device";
/// Older backups beyond this many are deleted when a new one is made.
pub const MAX_BACKUPS: usize = 3;

/// The export document's field for each collection of [`COLLECTIONS`].
const FIELDS: [&str; 8] = [
    "colleagues",
    "groups",
    "customers",
    "persons",
    "castings",
    "contacts",
    "planned",
    "parties",
];

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meta {
    pub schema: u64,
    pub revision: u64,
    #[serde(with = "crate::domain::time_format::timestamp")]
    pub saved_at: Timestamp,
    pub writer: String,
}

/// All stored Kontaktnetz entries, as raw text: what quarantine keeps and raw export offers.
pub type RawDump = BTreeMap<String, String>;

/// Why the book could not be opened. Nothing was written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OpenError {
    Unavailable(StoreError),
    Unreadable { reason: DecodeError, raw: RawDump },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveError {
    Store(StoreError),
    /// Another tab's changes and ours cannot be combined into a valid book.
    Conflict(DecodeError),
}

/// What a save did beyond writing our change.
#[derive(Clone, Debug, PartialEq)]
pub enum Saved {
    Written,
    /// Another tab had written: the result combines both; show it instead of ours.
    Merged {
        book: Box<Book>,
        conflicts: usize,
    },
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BackupInfo {
    #[serde(skip)]
    pub key: String,
    pub label: String,
    #[serde(with = "crate::domain::time_format::timestamp")]
    pub created_at: Timestamp,
    pub groups: usize,
    pub customers: usize,
    #[serde(skip)]
    pub chars: usize,
}

/// Another tab's stored state with our changes on top.
struct Merge {
    book: Book,
    conflicts: usize,
    theirs: Records,
    sizes: BTreeMap<String, usize>,
    revision: u64,
}

/// How much of the browser's quota the book uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Usage {
    pub chars: usize,
}

impl Usage {
    /// Safari's worst case: 5 MiB at 2 bytes per character once any text is beyond Latin-1.
    pub const BUDGET_CHARS: usize = 2_600_000;

    pub fn percent(self) -> u32 {
        ((self.chars as u64 * 100) / Self::BUDGET_CHARS as u64) as u32
    }

    pub fn level(self) -> UsageLevel {
        match self.percent() {
            0..=59 => UsageLevel::Fine,
            60..=84 => UsageLevel::Warning,
            _ => UsageLevel::Critical,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UsageLevel {
    Fine,
    Warning,
    Critical,
}

pub struct Store<K: KeyValue> {
    kv: K,
    writer: String,
    /// The logical records we know to be stored, as of our last read or write.
    synced: Records,
    /// The book `synced` holds, to re-serialise only what changed.
    synced_book: Option<Book>,
    /// Size of every stored Kontaktnetz entry, so the meter needs no full read per save.
    sizes: BTreeMap<String, usize>,
    revision: u64,
}

fn own_keys<K: KeyValue>(kv: &K) -> Result<Vec<String>, StoreError> {
    Ok(kv
        .keys()?
        .into_iter()
        .filter(|k| k.starts_with(PREFIX))
        .collect())
}

/// The storage key of a chunk ("customer.07" → "kontaktnetz.customer.07").
fn storage_key(chunk: &str) -> String {
    format!("{PREFIX}{chunk}")
}

/// Is this stored key a data chunk (or the settings), as opposed to meta, backups, quarantine?
fn data_chunk(key: &str) -> Option<&str> {
    let chunk = key.strip_prefix(PREFIX)?;
    let is_data = chunk == SETTINGS
        || COLLECTIONS
            .iter()
            .any(|c| chunk.starts_with(&format!("{c}.")));
    is_data.then_some(chunk)
}

/// Record changes: the new text of a record, or `None` for a deleted one.
/// A list rather than a map: it is only walked, and one map type less keeps the bundle small.
type Delta = Vec<(String, Option<String>)>;

fn json<T: Serialize>(rec: &T) -> String {
    super::to_json(rec)
}

/// The logical records of a book: every record is new against an empty book, so this is
/// [`diff_books`] from nothing, plus the settings, which are always stored.
pub fn encode(book: &Book) -> Records {
    let mut out = Records::new();
    out.insert(SETTINGS.to_owned(), json(book.settings()));
    out.extend(
        diff_books(&Book::default(), book)
            .into_iter()
            .filter_map(|(key, text)| text.map(|text| (key, text))),
    );
    out
}

/// What differs between two sets of logical records.
fn diff_records(before: &Records, after: &Records) -> Delta {
    let mut out: Delta = after
        .iter()
        .filter(|(k, v)| before.get(*k) != Some(*v))
        .map(|(k, v)| (k.clone(), Some(v.clone())))
        .collect();
    out.extend(
        before
            .keys()
            .filter(|k| !after.contains_key(*k))
            .map(|k| (k.clone(), None)),
    );
    out
}

/// What differs between two books, serialising only the changed records.
fn diff_books(before: &Book, after: &Book) -> Delta {
    fn diff_map<K: Ord + std::fmt::Display, T: Serialize + PartialEq>(
        out: &mut Delta,
        collection: &str,
        before: &BTreeMap<K, T>,
        after: &BTreeMap<K, T>,
    ) {
        for (id, rec) in after {
            if before.get(id) != Some(rec) {
                out.push((
                    layout::record_key(collection, &id.to_string()),
                    Some(json(rec)),
                ));
            }
        }
        for id in before.keys().filter(|id| !after.contains_key(*id)) {
            out.push((layout::record_key(collection, &id.to_string()), None));
        }
    }
    let mut out = Delta::new();
    if before.settings() != after.settings() {
        out.push((SETTINGS.to_owned(), Some(json(after.settings()))));
    }
    let [colleague, group, customer, person, casting, contact, planned, party] = COLLECTIONS;
    diff_map(&mut out, colleague, before.colleagues(), after.colleagues());
    diff_map(&mut out, group, before.groups(), after.groups());
    diff_map(&mut out, customer, before.customers(), after.customers());
    diff_map(&mut out, person, before.persons(), after.persons());
    diff_map(&mut out, casting, before.castings(), after.castings());
    diff_map(&mut out, contact, before.contacts(), after.contacts());
    diff_map(&mut out, planned, before.planned(), after.planned());
    diff_map(&mut out, party, before.parties(), after.parties());
    out
}

/// Decodes logical records into a book. The current schema parses each record straight into
/// its type; older ones go through the export document and its migrations.
fn decode_records(schema: u64, records: &Records) -> Result<Book, DecodeError> {
    if schema != CURRENT_SCHEMA as u64 {
        return file::decode(assemble(schema, records)?);
    }
    fn typed<T: serde::de::DeserializeOwned>(
        records: &Records,
        collection: &str,
    ) -> Result<Vec<T>, DecodeError> {
        let prefix = format!("{collection}.");
        records
            .range(prefix.clone()..)
            .take_while(|(k, _)| k.starts_with(&prefix))
            .map(|(k, text)| {
                serde_json::from_str(text).map_err(|e| DecodeError::Shape {
                    detail: format!("{k}: {e}"),
                })
            })
            .collect()
    }
    let settings = match records.get(SETTINGS) {
        Some(text) => serde_json::from_str(text).map_err(|e| DecodeError::Shape {
            detail: format!("{SETTINGS}: {e}"),
        })?,
        None => Default::default(),
    };
    let [colleague, group, customer, person, casting, contact, planned, party] = COLLECTIONS;
    let data = BookData {
        settings,
        colleagues: typed(records, colleague)?,
        groups: typed(records, group)?,
        customers: typed(records, customer)?,
        persons: typed(records, person)?,
        castings: typed(records, casting)?,
        contacts: typed(records, contact)?,
        planned: typed(records, planned)?,
        parties: typed(records, party)?,
    };
    Book::from_data(data).map_err(DecodeError::Problems)
}

/// Reassembles logical records into an export-shaped document for [`file::decode`].
fn assemble(schema: u64, records: &Records) -> Result<Value, DecodeError> {
    let parse = |key: &str, text: &str| {
        serde_json::from_str::<Value>(text).map_err(|e| DecodeError::Shape {
            detail: format!("{key}: {e}"),
        })
    };
    let mut book = Map::new();
    if let Some(text) = records.get(SETTINGS) {
        book.insert("settings".into(), parse(SETTINGS, text)?);
    }
    for (collection, field) in COLLECTIONS.iter().zip(FIELDS) {
        let prefix = format!("{collection}.");
        let list = records
            .range(prefix.clone()..)
            .take_while(|(k, _)| k.starts_with(&prefix))
            .map(|(k, text)| parse(k, text))
            .collect::<Result<Vec<_>, _>>()?;
        book.insert(field.into(), Value::Array(list));
    }
    Ok(json!({ "format": FORMAT, "schema": schema, "book": book }))
}

struct Snapshot {
    meta: Option<Meta>,
    records: Result<Records, DecodeError>,
    raw: RawDump,
}

fn read_snapshot<K: KeyValue>(kv: &K) -> Result<Snapshot, StoreError> {
    let mut raw = RawDump::new();
    for key in own_keys(kv)? {
        if let Some(v) = kv.get(&key)? {
            raw.insert(key, v);
        }
    }
    let meta = raw.get(META_KEY).and_then(|m| serde_json::from_str(m).ok());
    let records = unpack_all(&raw);
    Ok(Snapshot { meta, records, raw })
}

fn unpack_all(raw: &RawDump) -> Result<Records, DecodeError> {
    let mut records = Records::new();
    for (key, value) in raw {
        match data_chunk(key) {
            Some(SETTINGS) => {
                let text = layout::unpack_settings(value)
                    .map_err(|e| DecodeError::Shape { detail: e.0 })?;
                records.insert(SETTINGS.to_owned(), text);
            }
            Some(chunk) => {
                let unpacked =
                    layout::unpack(chunk, value).map_err(|e| DecodeError::Shape { detail: e.0 })?;
                records.extend(unpacked);
            }
            None => {}
        }
    }
    Ok(records)
}

fn sizes_of(raw: &RawDump) -> BTreeMap<String, usize> {
    // Maps are filled with `extend` here, never `collect`: collecting sorts first, and each
    // sort instantiation costs bundle size.
    let mut sizes = BTreeMap::new();
    sizes.extend(raw.iter().map(|(k, v)| (k.clone(), entry_chars(k, v))));
    sizes
}

/// Turns a snapshot into a book and its records, or says exactly why not.
fn decode_snapshot(snap: &Snapshot) -> Result<(Book, Records, u64), DecodeError> {
    let records = snap.records.clone()?;
    match (&snap.meta, snap.raw.get(META_KEY)) {
        (Some(meta), _) => Ok((decode_records(meta.schema, &records)?, records, meta.schema)),
        (None, Some(_)) => Err(DecodeError::Shape {
            detail: format!("{META_KEY} ist unlesbar"),
        }),
        (None, None) if records.is_empty() => Ok((Book::default(), records, CURRENT_SCHEMA as u64)),
        (None, None) => Err(DecodeError::Shape {
            detail: format!("{META_KEY} fehlt"),
        }),
    }
}

impl<K: KeyValue> Store<K> {
    /// Opens the book. Older schemas are upgraded after a backup of the old data; anything
    /// unreadable is reported with the raw text and left untouched.
    pub fn open(kv: K, writer: String, now: Timestamp) -> Result<(Self, Book), OpenError> {
        let snap = read_snapshot(&kv).map_err(OpenError::Unavailable)?;
        let (book, records, schema) =
            decode_snapshot(&snap).map_err(|reason| OpenError::Unreadable {
                reason,
                raw: snap.raw.clone(),
            })?;
        let mut store = Store {
            kv,
            writer,
            synced: records,
            synced_book: Some(book.clone()),
            sizes: sizes_of(&snap.raw),
            revision: snap.meta.as_ref().map_or(0, |m| m.revision),
        };
        if schema < CURRENT_SCHEMA as u64 {
            // Keep the old entries restorable before rewriting them in the new schema.
            let old = assemble(schema, &store.synced).map_err(|reason| OpenError::Unreadable {
                reason,
                raw: snap.raw.clone(),
            })?;
            let label =
                format!("Vor der Umstellung von Datenversion {schema} auf {CURRENT_SCHEMA}");
            store
                .put_backup(&label, &book, &old.to_string(), now)
                .map_err(OpenError::Unavailable)?;
            store.synced.clear();
            store.synced_book = None;
            store.save(&book, now).map_err(|e| match e {
                SaveError::Store(s) => OpenError::Unavailable(s),
                SaveError::Conflict(reason) => OpenError::Unreadable {
                    reason,
                    raw: snap.raw,
                },
            })?;
        }
        Ok((store, book))
    }

    /// Keeps the unreadable entries under a quarantine key, then clears them so the app can
    /// start empty. If the copy cannot be written, nothing is removed.
    pub fn quarantine(mut kv: K, raw: &RawDump, now: Timestamp) -> Result<(), StoreError> {
        // Backups and earlier quarantines stay where they are; only the rest moves.
        let mut moved = RawDump::new();
        moved.extend(
            raw.iter()
                .filter(|(k, _)| !k.starts_with(BACKUP_PREFIX) && !k.starts_with(QUARANTINE_PREFIX))
                .map(|(k, v)| (k.clone(), v.clone())),
        );
        let key = format!("{QUARANTINE_PREFIX}{}", now.timestamp_millis());
        let text = super::to_json(&moved);
        kv.set(&key, &text)?;
        for k in moved.keys() {
            kv.remove(k)?;
        }
        Ok(())
    }

    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Our changes since the last read or write.
    fn delta(&self, book: &Book) -> Delta {
        match &self.synced_book {
            Some(before) => diff_books(before, book),
            None => diff_records(&self.synced, &encode(book)),
        }
    }

    /// Has another tab written since we last read or wrote?
    pub fn changed_elsewhere(&self) -> Result<bool, StoreError> {
        let stored = self
            .kv
            .get(META_KEY)?
            .and_then(|m| serde_json::from_str::<Meta>(&m).ok())
            .map_or(0, |m| m.revision);
        Ok(stored != self.revision)
    }

    /// Another tab's state combined with our unsaved changes, if another tab has written.
    /// Changes nothing: the caller decides when to adopt it.
    fn merge_elsewhere(&self, book: &Book) -> Result<Option<Merge>, SaveError> {
        if !self.changed_elsewhere().map_err(SaveError::Store)? {
            return Ok(None);
        }
        let snap = read_snapshot(&self.kv).map_err(SaveError::Store)?;
        let theirs = snap.records.map_err(SaveError::Conflict)?;
        let ours = self.delta(book);
        let mut merged = theirs.clone();
        let mut conflicts = 0;
        for (key, mine) in &ours {
            let stored = theirs.get(key);
            if stored != self.synced.get(key) && stored != mine.as_ref() {
                conflicts += 1;
            }
            match mine {
                Some(v) => merged.insert(key.clone(), v.clone()),
                None => merged.remove(key),
            };
        }
        let schema = snap
            .meta
            .as_ref()
            .map_or(CURRENT_SCHEMA as u64, |m| m.schema);
        let book = decode_records(schema, &merged).map_err(SaveError::Conflict)?;
        Ok(Some(Merge {
            book,
            conflicts,
            theirs,
            sizes: sizes_of(&snap.raw),
            revision: snap.meta.map_or(0, |m| m.revision),
        }))
    }

    /// Brings in another tab's changes, keeping our own unsaved ones on top. Our changes
    /// still need saving afterwards (the save effect does that when the book is updated).
    pub fn sync(&mut self, book: &Book) -> Result<Option<(Book, usize)>, SaveError> {
        Ok(self.merge_elsewhere(book)?.map(|m| {
            self.synced = m.theirs;
            self.synced_book = None;
            self.sizes = m.sizes;
            self.revision = m.revision;
            (m.book, m.conflicts)
        }))
    }

    /// Writes the book. If another tab wrote first, both changes are combined, written and
    /// returned. On failure, storage and our view of it stay as they were.
    pub fn save(&mut self, book: &Book, now: Timestamp) -> Result<Saved, SaveError> {
        let Some(m) = self.merge_elsewhere(book)? else {
            let delta = self.delta(book);
            if !delta.is_empty() || self.revision == 0 {
                self.write(delta, now).map_err(SaveError::Store)?;
            }
            self.synced_book = Some(book.clone());
            return Ok(Saved::Written);
        };
        let old_synced = std::mem::replace(&mut self.synced, m.theirs);
        let old_book = self.synced_book.take();
        let old_sizes = std::mem::replace(&mut self.sizes, m.sizes);
        let old_revision = std::mem::replace(&mut self.revision, m.revision);
        let delta = diff_records(&self.synced, &encode(&m.book));
        if let Err(e) = self.write(delta, now) {
            // The other tab's state must be merged again next time, not taken as ours.
            self.synced = old_synced;
            self.synced_book = old_book;
            self.sizes = old_sizes;
            self.revision = old_revision;
            return Err(SaveError::Store(e));
        }
        self.synced_book = Some(m.book.clone());
        Ok(Saved::Merged {
            book: Box::new(m.book),
            conflicts: m.conflicts,
        })
    }

    /// Rewrites the chunks the delta touches, parent collections first, then the meta key.
    /// On failure the stored entries and our view of them are as before.
    fn write(&mut self, delta: Delta, now: Timestamp) -> Result<(), StoreError> {
        // Parent collections first: keyed by rank, then name. A map we already have rather
        // than a sort keeps the bundle small.
        let mut ordered = Records::new();
        ordered.extend(delta.iter().map(|(k, _)| {
            let chunk = layout::chunk_of(k);
            (format!("{}{chunk}", layout::rank(&chunk)), chunk)
        }));
        let chunks: Vec<String> = ordered.into_values().collect();
        let before: Vec<(String, Option<String>)> = delta
            .into_iter()
            .map(|(k, v)| {
                let old = match v {
                    Some(v) => self.synced.insert(k.clone(), v),
                    None => self.synced.remove(&k),
                };
                (k, old)
            })
            .collect();
        let packed = layout::pack_chunks(&self.synced, Some(&chunks));
        let meta = Meta {
            schema: CURRENT_SCHEMA as u64,
            revision: self.revision + 1,
            saved_at: now,
            writer: self.writer.clone(),
        };
        let meta_text = super::to_json(&meta);
        let mut writes: Vec<(String, Option<&String>)> = chunks
            .iter()
            .map(|c| (storage_key(c), packed.get(c)))
            .collect();
        writes.push((META_KEY.to_owned(), Some(&meta_text)));

        let mut done: Vec<(&str, Option<String>)> = Vec::new();
        let mut result = Ok(());
        for (key, value) in &writes {
            let step = self.kv.get(key).and_then(|old| {
                match value {
                    Some(v) => self.set(key, v),
                    None => self.remove(key),
                }?;
                done.push((key, old));
                Ok(())
            });
            if let Err(e) = step {
                result = Err(e);
                break;
            }
        }
        if let Err(e) = result {
            // Put back what this call changed, newest first, and forget the delta.
            for (key, old) in done.into_iter().rev() {
                let _ = match old {
                    Some(v) => self.set(key, &v),
                    None => self.remove(key),
                };
            }
            for (k, old) in before {
                match old {
                    Some(v) => self.synced.insert(k, v),
                    None => self.synced.remove(&k),
                };
            }
            return Err(e);
        }
        self.revision = meta.revision;
        Ok(())
    }

    /// Characters used by everything Kontaktnetz keeps, backups included.
    pub fn usage(&self) -> Usage {
        Usage {
            chars: self.sizes.values().sum(),
        }
    }

    /// Every write goes through here and [`Store::remove`], so `sizes` stays true.
    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        self.kv.set(key, value)?;
        self.sizes.insert(key.to_owned(), entry_chars(key, value));
        Ok(())
    }

    fn remove(&mut self, key: &str) -> Result<(), StoreError> {
        self.kv.remove(key)?;
        self.sizes.remove(key);
        Ok(())
    }

    // ---- this device ---------------------------------------------------------------------

    /// What this device remembers (last export, reminder interval); defaults when missing or
    /// unreadable, since none of it is the advisor's data.
    pub fn device(&self) -> Device {
        match self.kv.get(DEVICE_KEY) {
            Ok(Some(text)) => super::device::from_text(&text),
            _ => Device::default(),
        }
    }

    pub fn set_device(&mut self, device: &Device) -> Result<(), StoreError> {
        self.set(DEVICE_KEY, &super::device::to_text(device))
    }

    // ---- backups -------------------------------------------------------------------------

    /// Keeps a restorable copy of `book`, dropping the oldest copies beyond [`MAX_BACKUPS`].
    pub fn backup(&mut self, label: &str, book: &Book, now: Timestamp) -> Result<(), StoreError> {
        self.put_backup(label, book, &file::export(book, now), now)
    }

    fn put_backup(
        &mut self,
        label: &str,
        book: &Book,
        doc: &str,
        now: Timestamp,
    ) -> Result<(), StoreError> {
        let key = format!("{BACKUP_PREFIX}{:015}", now.timestamp_millis());
        let entry = json!({
            "label": label,
            "created_at": crate::domain::time_format::format_timestamp(now),
            "groups": book.groups().len(),
            "customers": book.customers().len(),
            // Compressed like the chunks: a backup must not need as much room as the book.
            "document": layout::deflate_text(doc),
        });
        let text = entry.to_string();
        let mut old = self.backups()?;
        // Write first; drop the oldest copy only when there is no room, then trim to the limit.
        while let Err(e) = self.set(&key, &text) {
            match (e, old.pop()) {
                (StoreError::Quota, Some(oldest)) => self.remove(&oldest.key)?,
                (e, _) => return Err(e),
            }
        }
        for extra in old.iter().skip(MAX_BACKUPS - 1) {
            self.remove(&extra.key)?;
        }
        Ok(())
    }

    /// Backups, newest first.
    pub fn backups(&self) -> Result<Vec<BackupInfo>, StoreError> {
        let mut out = Vec::new();
        for key in own_keys(&self.kv)?
            .into_iter()
            .filter(|k| k.starts_with(BACKUP_PREFIX))
        {
            let Some(text) = self.kv.get(&key)? else {
                continue;
            };
            if let Ok(mut info) = serde_json::from_str::<BackupInfo>(&text) {
                info.chars = entry_chars(&key, &text);
                info.key = key;
                out.push(info);
            }
        }
        sort::sort_by(&mut out, |a, b| b.key.cmp(&a.key));
        Ok(out)
    }

    /// Reads a backup back into a book (migrating it if it is from an older schema).
    pub fn read_backup(&self, key: &str) -> Result<Book, DecodeError> {
        let text = self.kv.get(key).ok().flatten().ok_or(DecodeError::Empty)?;
        let entry: Value = serde_json::from_str(&text).map_err(|e| DecodeError::NotJson {
            line: e.line(),
            column: e.column(),
        })?;
        let packed = entry["document"].as_str().ok_or(DecodeError::Empty)?;
        let doc =
            layout::inflate_text(key, packed).map_err(|e| DecodeError::Shape { detail: e.0 })?;
        file::decode_text(&doc)
    }

    pub fn delete_backup(&mut self, key: &str) -> Result<(), StoreError> {
        if key.starts_with(BACKUP_PREFIX) {
            self.remove(key)?;
        }
        Ok(())
    }
}

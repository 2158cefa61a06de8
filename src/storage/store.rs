//! The store: the customer book as logical records packed into chunk entries (see [`layout`]),
//! behind a meta entry with the schema version and a revision counter, on an [`Engine`] whose
//! commits are atomic. Every change is one commit, so a save cut off at any point leaves the
//! book as before or as after. Other tabs' saves are merged record by record, never
//! overwritten; unreadable data is left in place until the advisor decides.

use super::codec::{
    self, decode_chunks, decode_snapshot, diff_books, diff_records, encode, sizes_of, storage_key,
    Delta, Snapshot,
};
use super::engine::{chunks_for, Commit, Engine, EngineKind, Expect, Write};
use super::file::DecodeError;
use super::kv::{entry_chars, StoreError};
use super::layout::{self, Chunks, Records, CHUNKS};
use super::migrate::CURRENT_SCHEMA;
use crate::domain::book::Book;
use crate::domain::model::Timestamp;
use crate::domain::safety::Device;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

pub const PREFIX: &str = "kontaktnetz.";
pub const META_KEY: &str = "kontaktnetz.meta";
pub(super) const QUARANTINE_PREFIX: &str = "kontaktnetz.quarantine.";
/// This device's own state ([`Device`]): not part of the book, never exported or merged.
pub const DEVICE_KEY: &str = "kontaktnetz.device";
/// How often a save retries when another tab saved between its read and its commit.
const SAVE_ATTEMPTS: usize = 5;

fn default_chunks() -> u32 {
    CHUNKS
}

/// Books in the old count keep the meta they always had, byte for byte.
fn is_default_chunks(chunks: &u32) -> bool {
    *chunks == CHUNKS
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meta {
    pub schema: u64,
    pub revision: u64,
    #[serde(with = "crate::domain::time_format::timestamp")]
    pub saved_at: Timestamp,
    pub writer: String,
    /// Chunks per collection: fixed for the life of a stored book, since a record's chunk
    /// depends on it.
    #[serde(default = "default_chunks", skip_serializing_if = "is_default_chunks")]
    pub chunks: u32,
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

/// Another tab's stored state with our changes on top.
struct Merge {
    book: Book,
    conflicts: usize,
    theirs: Chunks,
    sizes: BTreeMap<String, usize>,
    meta: Option<String>,
    revision: u64,
}

/// How much of its room the app uses: characters of localStorage against Safari's limit, or
/// bytes of IndexedDB against the quota the browser reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Usage {
    pub used: u64,
    pub budget: u64,
}

impl Usage {
    /// Safari's worst case: 5 MiB at 2 bytes per character once any text is beyond Latin-1.
    pub const BUDGET_CHARS: u64 = 2_600_000;

    /// Characters in localStorage, against Safari's limit.
    pub fn chars(chars: usize) -> Usage {
        Usage {
            used: chars as u64,
            budget: Self::BUDGET_CHARS,
        }
    }

    pub fn percent(self) -> u32 {
        (self.used.saturating_mul(100) / self.budget.max(1)) as u32
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

pub struct Store<E: Engine> {
    pub(super) engine: E,
    writer: String,
    /// The chunk texts we know to be stored, as of our last read or write.
    synced: Chunks,
    /// The book `synced` holds, to re-serialise only what changed.
    synced_book: Option<Book>,
    /// Size of every stored Kontaktnetz entry, so the meter needs no full read per save.
    pub(super) sizes: BTreeMap<String, usize>,
    /// The meta entry as we last read or wrote it: a commit applies only while it is unchanged.
    meta: Option<String>,
    revision: u64,
    chunks: u32,
    /// This device's entry, read with the book: one transaction less at start.
    device_entry: Option<String>,
}

/// The logical records in chunk texts that were read back whole before.
fn records_of(chunks: &Chunks) -> Result<Records, SaveError> {
    layout::records_of(chunks).map_err(|e| SaveError::Conflict(codec::shape(e)))
}

/// Chunk texts → their stored, compressed values; an empty text (a chunk left without
/// records) has none.
pub(super) async fn compressed(texts: &Chunks) -> Chunks {
    let (names, plain): (Vec<String>, Vec<String>) = texts
        .iter()
        .filter(|(_, text)| !text.is_empty())
        .map(|(c, t)| (c.clone(), t.clone()))
        .unzip();
    let mut out = Chunks::new();
    out.extend(
        names
            .into_iter()
            .zip(super::compress::deflate_all(plain).await),
    );
    out
}

/// The size each written entry will have (`None`: deleted), for [`Store::track_sizes`] once
/// the commit is done.
fn sizes_after(writes: &[Write]) -> Vec<(String, Option<usize>)> {
    writes
        .iter()
        .map(|(k, v)| (k.clone(), v.as_ref().map(|v| entry_chars(k, v))))
        .collect()
}

fn revision_of(meta: Option<&Meta>) -> u64 {
    meta.map_or(0, |m| m.revision)
}

impl<E: Engine> Store<E> {
    /// Opens the book. Older schemas are upgraded after a backup of the old data; anything
    /// unreadable is reported with the raw text and left untouched.
    pub async fn open(
        engine: E,
        writer: String,
        now: Timestamp,
    ) -> Result<(Self, Book), OpenError> {
        let raw = engine
            .read_all(PREFIX)
            .await
            .map_err(OpenError::Unavailable)?;
        let mut snap = Snapshot::of(raw);
        let (book, chunks, schema) =
            decode_snapshot(&mut snap).map_err(|reason| OpenError::Unreadable {
                reason,
                raw: snap.raw.clone(),
            })?;
        let kind = engine.kind();
        let mut store = Store {
            engine,
            writer,
            synced: chunks,
            synced_book: Some(book.clone()),
            sizes: sizes_of(&snap.raw),
            meta: snap.raw.get(META_KEY).cloned(),
            revision: revision_of(snap.meta.as_ref()),
            chunks: snap.meta.as_ref().map_or(chunks_for(kind), |m| m.chunks),
            device_entry: snap.raw.get(DEVICE_KEY).cloned(),
        };
        if schema < CURRENT_SCHEMA as u64 {
            // Keep the old entries restorable before rewriting them in the new schema. Two
            // commits, each leaving a whole book: cut off between them, the next start finds
            // the old schema and upgrades again.
            let old =
                codec::assemble(schema, &store.synced).map_err(|reason| OpenError::Unreadable {
                    reason,
                    raw: snap.raw.clone(),
                })?;
            let label =
                format!("Vor der Umstellung von Datenversion {schema} auf {CURRENT_SCHEMA}");
            store
                .put_backup(&label, &book, &old.to_string(), now)
                .await
                .map_err(OpenError::Unavailable)?;
            store.synced.clear();
            store.synced_book = None;
            store.save(&book, now).await.map_err(|e| match e {
                SaveError::Store(s) => OpenError::Unavailable(s),
                SaveError::Conflict(reason) => OpenError::Unreadable {
                    reason,
                    raw: snap.raw,
                },
            })?;
        }
        Ok((store, book))
    }

    /// Keeps the unreadable entries under one quarantine entry and clears them, in one
    /// commit, so the app can start empty. If the copy cannot be written, nothing is removed.
    pub async fn quarantine(
        mut engine: E,
        raw: &RawDump,
        now: Timestamp,
    ) -> Result<(), StoreError> {
        // Backups and earlier quarantines stay where they are; only the rest moves.
        let mut moved = RawDump::new();
        moved.extend(
            raw.iter()
                .filter(|(k, _)| !super::backups::is_backup(k) && !k.starts_with(QUARANTINE_PREFIX))
                .map(|(k, v)| (k.clone(), v.clone())),
        );
        let key = format!("{QUARANTINE_PREFIX}{}", now.timestamp_millis());
        let mut writes: Vec<Write> = vec![(key, Some(super::to_json(&moved)))];
        writes.extend(moved.into_keys().map(|k| (k, None)));
        engine.commit(writes, Expect::Anything).await?;
        Ok(())
    }

    pub fn revision(&self) -> u64 {
        self.revision
    }

    pub fn kind(&self) -> EngineKind {
        self.engine.kind()
    }

    /// The logical records we know to be stored.
    fn synced_records(&self) -> Result<Records, SaveError> {
        records_of(&self.synced)
    }

    /// Our changes since the last read or write.
    fn delta(&self, book: &Book) -> Result<Delta, SaveError> {
        Ok(match &self.synced_book {
            Some(before) => diff_books(before, book),
            None => diff_records(&self.synced_records()?, &encode(book)),
        })
    }

    /// Has another tab written since we last read or wrote?
    pub async fn changed_elsewhere(&self) -> Result<bool, StoreError> {
        Ok(self.engine.read(META_KEY).await? != self.meta)
    }

    /// Another tab's state combined with our unsaved changes, if another tab has written.
    /// Changes nothing: the caller decides when to adopt it.
    async fn merge_elsewhere(&self, book: &Book) -> Result<Option<Merge>, SaveError> {
        if !self.changed_elsewhere().await.map_err(SaveError::Store)? {
            return Ok(None);
        }
        let raw = self
            .engine
            .read_all(PREFIX)
            .await
            .map_err(SaveError::Store)?;
        let snap = Snapshot::of(raw);
        let theirs = snap.chunks.map_err(SaveError::Conflict)?;
        let ours = self.delta(book)?;
        let count = snap.meta.as_ref().map_or(self.chunks, |m| m.chunks);
        // Two tabs saving at once is rare: whole record maps are affordable here.
        let stored = records_of(&theirs)?;
        let known = self.synced_records()?;
        let conflicts = ours
            .iter()
            .filter(|(key, mine)| {
                let stored = stored.get(key);
                stored != known.get(key) && stored != mine.as_ref()
            })
            .count();
        let mut merged = theirs.clone();
        let changes = ours.iter().map(|(k, v)| (k.as_str(), v.as_deref()));
        layout::apply(&mut merged, layout::repack(&theirs, changes, count));
        let schema = snap
            .meta
            .as_ref()
            .map_or(CURRENT_SCHEMA as u64, |m| m.schema);
        let book = decode_chunks(schema, &merged).map_err(SaveError::Conflict)?;
        Ok(Some(Merge {
            book,
            conflicts,
            theirs,
            sizes: sizes_of(&snap.raw),
            meta: snap.raw.get(META_KEY).cloned(),
            revision: revision_of(snap.meta.as_ref()),
        }))
    }

    /// Takes over another tab's stored state as what we know to be stored.
    fn adopt(&mut self, m: &Merge) {
        self.synced = m.theirs.clone();
        self.synced_book = None;
        self.sizes = m.sizes.clone();
        self.meta = m.meta.clone();
        self.revision = m.revision;
    }

    /// Brings in another tab's changes, keeping our own unsaved ones on top. Our changes
    /// still need saving afterwards (the save effect does that when the book is updated).
    pub async fn sync(&mut self, book: &Book) -> Result<Option<(Book, usize)>, SaveError> {
        Ok(self.merge_elsewhere(book).await?.map(|m| {
            self.adopt(&m);
            (m.book, m.conflicts)
        }))
    }

    /// Writes the book in one commit. If another tab wrote first, both changes are combined,
    /// written and returned. On failure, storage and our view of it stay as they were.
    pub async fn save(&mut self, book: &Book, now: Timestamp) -> Result<Saved, SaveError> {
        for _ in 0..SAVE_ATTEMPTS {
            let Some(m) = self.merge_elsewhere(book).await? else {
                let delta = self.delta(book)?;
                if !delta.is_empty() || self.revision == 0 {
                    match self.write(delta, now).await.map_err(SaveError::Store)? {
                        Commit::Stale => continue,
                        Commit::Done => {}
                    }
                }
                self.synced_book = Some(book.clone());
                return Ok(Saved::Written);
            };
            let before = self.take_view();
            self.adopt(&m);
            let delta = match self.synced_records() {
                Ok(records) => diff_records(&records, &encode(&m.book)),
                Err(e) => {
                    self.restore_view(before);
                    return Err(e);
                }
            };
            match self.write(delta, now).await {
                Ok(Commit::Done) => {
                    self.synced_book = Some(m.book.clone());
                    return Ok(Saved::Merged {
                        book: Box::new(m.book),
                        conflicts: m.conflicts,
                    });
                }
                // The other tab's state must be merged again next time, not taken as ours.
                Ok(Commit::Stale) => self.restore_view(before),
                Err(e) => {
                    self.restore_view(before);
                    return Err(SaveError::Store(e));
                }
            }
        }
        Err(SaveError::Store(StoreError::Other(
            "andere Tabs speichern ständig".into(),
        )))
    }

    fn take_view(&mut self) -> View {
        View {
            synced: std::mem::take(&mut self.synced),
            synced_book: self.synced_book.take(),
            sizes: std::mem::take(&mut self.sizes),
            meta: self.meta.take(),
            revision: self.revision,
        }
    }

    fn restore_view(&mut self, v: View) {
        self.synced = v.synced;
        self.synced_book = v.synced_book;
        self.sizes = v.sizes;
        self.meta = v.meta;
        self.revision = v.revision;
    }

    /// Commits the chunks the delta touches and the meta entry, provided the meta is still
    /// the one we know. Unless it is done, storage and our view of it are as before.
    async fn write(&mut self, delta: Delta, now: Timestamp) -> Result<Commit, StoreError> {
        let changes = delta.iter().map(|(k, v)| (k.as_str(), v.as_deref()));
        let texts = layout::repack(&self.synced, changes, self.chunks);
        let mut packed = compressed(&texts).await;
        let meta = Meta {
            schema: CURRENT_SCHEMA as u64,
            revision: self.revision + 1,
            saved_at: now,
            writer: self.writer.clone(),
            chunks: self.chunks,
        };
        let meta_text = super::to_json(&meta);
        let mut writes: Vec<Write> = texts
            .keys()
            .map(|c| (storage_key(c), packed.remove(c)))
            .collect();
        writes.push((META_KEY.to_owned(), Some(meta_text.clone())));
        let sizes = sizes_after(&writes);
        let result = self
            .engine
            .commit(writes, Expect::Meta(self.meta.clone()))
            .await;
        if matches!(result, Ok(Commit::Done)) {
            layout::apply(&mut self.synced, texts);
            self.track_sizes(sizes);
            self.meta = Some(meta_text);
            self.revision = meta.revision;
        }
        result
    }

    /// Follows committed writes in the size table behind [`Store::usage`].
    pub(super) fn track_sizes(&mut self, sizes: Vec<(String, Option<usize>)>) {
        for (key, size) in sizes {
            match size {
                Some(n) => self.sizes.insert(key, n),
                None => self.sizes.remove(&key),
            };
        }
    }

    /// Characters used by everything Kontaktnetz keeps, backups included: what counts
    /// against localStorage's quota. (IndexedDB's use is the browser's own estimate.)
    pub fn usage(&self) -> Usage {
        Usage::chars(self.sizes.values().sum())
    }

    /// One commit of writes that are not the book (backups, device state), kept in the
    /// size table.
    pub(super) async fn commit_other(&mut self, writes: Vec<Write>) -> Result<(), StoreError> {
        let sizes = sizes_after(&writes);
        self.engine.commit(writes, Expect::Anything).await?;
        self.track_sizes(sizes);
        Ok(())
    }

    // ---- this device ---------------------------------------------------------------------

    /// What this device remembers (last export, reminder interval), as read when the book
    /// was opened or last set here; defaults when missing or unreadable, since none of it is
    /// the advisor's data.
    pub fn device(&self) -> Device {
        self.device_entry
            .as_deref()
            .map_or_else(Device::default, super::device::from_text)
    }

    pub async fn set_device(&mut self, device: &Device) -> Result<(), StoreError> {
        let text = super::device::to_text(device);
        self.commit_other(vec![(DEVICE_KEY.to_owned(), Some(text.clone()))])
            .await?;
        self.device_entry = Some(text);
        Ok(())
    }
}

/// What we know to be stored, set aside while another tab's state is tried.
struct View {
    synced: Chunks,
    synced_book: Option<Book>,
    sizes: BTreeMap<String, usize>,
    meta: Option<String>,
    revision: u64,
}

//! Import preview and merge: records match by stable id; the newer `updated_at` wins.

use super::book::{Book, BookData, Problem, RecordKind};
use super::records::Record;
use std::collections::BTreeMap;

/// How one collection of an import compares with the book.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    /// In the file only.
    pub added: usize,
    /// In both; the file's copy is newer and differs.
    pub changed: usize,
    /// In both and identical.
    pub unchanged: usize,
    /// In both; the book's copy is as new or newer, so a merge keeps it.
    pub kept: usize,
    /// In the book only: a merge keeps them, a replace removes them.
    pub only_local: usize,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Preview {
    /// One tally per collection, in the order of [`RecordKind::ALL`].
    tallies: [Tally; RecordKind::COUNT],
}

impl Preview {
    pub fn tally(&self, kind: RecordKind) -> Tally {
        self.tallies[kind as usize]
    }

    /// True when a merge would change nothing.
    pub fn is_noop(&self) -> bool {
        self.tallies.iter().all(|t| t.added == 0 && t.changed == 0)
    }
}

fn compare<T: Record>(local: &BTreeMap<T::Id, T>, incoming: &[T]) -> Tally {
    let mut tally = Tally::default();
    let mut seen = 0;
    for rec in incoming {
        match local.get(rec.id()) {
            None => tally.added += 1,
            Some(mine) => {
                seen += 1;
                if mine == rec {
                    tally.unchanged += 1;
                } else if rec.updated_at() > mine.updated_at() {
                    tally.changed += 1;
                } else {
                    tally.kept += 1;
                }
            }
        }
    }
    tally.only_local = local.len() - seen;
    tally
}

fn merge_into<T: Record>(local: &BTreeMap<T::Id, T>, incoming: Vec<T>) -> Vec<T> {
    let mut out = local.clone();
    for rec in incoming {
        let newer = out
            .get(rec.id())
            .is_none_or(|mine| rec.updated_at() > mine.updated_at());
        if newer {
            out.insert(rec.id().clone(), rec);
        }
    }
    out.into_values().collect()
}

/// Preview and merge, kind by kind, from the table of record kinds.
macro_rules! per_kind {
    ($($kind:ident, $field:ident, $stored:literal, $ty:ty, $id:ty;)*) => {
        /// What importing `incoming` would do to `book`.
        pub fn preview(book: &Book, incoming: &Book) -> Preview {
            let data = incoming.to_data();
            let tallies = [$(compare(book.$field(), &data.$field),)*];
            Preview { tallies }
        }

        /// The records of both: new ones added, newer ones replacing older ones, nothing
        /// deleted.
        fn merge_records(book: &Book, data: BookData) -> BookData {
            BookData {
                settings: data.settings,
                $($field: merge_into(book.$field(), data.$field),)*
            }
        }
    };
}

crate::with_record_kinds!(per_kind);

/// Merges `incoming` into `book`: new records are added, newer ones replace older ones,
/// nothing is deleted. The advisor's own profile stays as set on this device.
pub fn merge(book: &Book, incoming: &Book) -> Result<Book, Vec<Problem>> {
    let mut merged = merge_records(book, incoming.to_data());
    let mut settings = book.settings().clone();
    if settings.me.is_none() {
        settings.me = merged.settings.me.take();
    }
    merged.settings = settings;
    Book::drop_stray_leads(&mut merged);
    Book::drop_stray_contact_links(&mut merged);
    Book::from_data(merged)
}

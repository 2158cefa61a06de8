//! Import preview and merge: records match by stable id. Where both sides hold a record and
//! the copies differ, the advisor may choose per record; by default the newer `updated_at`
//! wins.

use super::book::{Book, BookData, Problem, RecordKind};
use super::model::Timestamp;
use super::records::{field_differences, fields, Record};
use serde::Serialize;
use serde_json::Value;
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

/// Which copy of a record a merge keeps.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    Mine,
    Theirs,
}

/// A record both sides hold in different versions. Without a common earlier version nobody
/// can tell who changed what, so every such record is offered for a choice.
#[derive(Clone, Debug, PartialEq)]
pub struct Conflict {
    pub kind: RecordKind,
    pub id: String,
    /// The record's name, or its day for dated records.
    pub title: String,
    pub mine_at: Timestamp,
    pub theirs_at: Timestamp,
    /// The fields that differ, by name.
    pub fields: Vec<FieldDiff>,
}

impl Conflict {
    /// The copy kept unless the advisor chooses: the newer one, and on a tie the own one.
    pub fn default_side(&self) -> Side {
        newer(self.mine_at, self.theirs_at)
    }

    /// The record's key among the [`Choices`].
    pub fn key(&self) -> (RecordKind, String) {
        (self.kind, self.id.clone())
    }

    /// The copy kept under `choices`.
    pub fn side(&self, choices: &Choices) -> Side {
        choices
            .get(&self.key())
            .copied()
            .unwrap_or_else(|| self.default_side())
    }
}

/// The copy kept where nobody chose: the newer one, and on a tie the own one.
fn newer(mine_at: Timestamp, theirs_at: Timestamp) -> Side {
    if theirs_at > mine_at {
        Side::Theirs
    } else {
        Side::Mine
    }
}

/// One field of a [`Conflict`]: its name in the file and both values (`None`: not set).
#[derive(Clone, Debug, PartialEq)]
pub struct FieldDiff {
    pub field: String,
    pub mine: Option<Value>,
    pub theirs: Option<Value>,
}

/// The advisor's choice per conflicting record (kind, id); the others take the default.
pub type Choices = BTreeMap<(RecordKind, String), Side>;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Preview {
    /// One tally per collection, in the order of [`RecordKind::ALL`].
    tallies: [Tally; RecordKind::COUNT],
    conflicts: Vec<Conflict>,
}

impl Preview {
    pub fn tally(&self, kind: RecordKind) -> Tally {
        self.tallies[kind as usize]
    }

    /// [`Preview::tally`] once `choices` are made: a differing record counts as changed when
    /// the file's copy is kept, else as kept here.
    pub fn tally_with(&self, kind: RecordKind, choices: &Choices) -> Tally {
        let mut tally = self.tally(kind);
        let differing = tally.changed + tally.kept;
        tally.changed = self
            .conflicts
            .iter()
            .filter(|c| c.kind == kind)
            .filter(|c| c.side(choices) == Side::Theirs)
            .count();
        tally.kept = differing - tally.changed;
        tally
    }

    /// Records held on both sides in different versions, kind by kind.
    pub fn conflicts(&self) -> &[Conflict] {
        &self.conflicts
    }

    /// True when a merge would change nothing.
    pub fn is_noop(&self) -> bool {
        self.tallies.iter().all(|t| t.added == 0 && t.changed == 0)
    }
}

fn compare<T: Record + Serialize>(
    local: &BTreeMap<T::Id, T>,
    incoming: &[T],
    conflicts: &mut Vec<Conflict>,
) -> Tally {
    let mut tally = Tally::default();
    let mut seen = 0;
    for rec in incoming {
        match local.get(rec.id()) {
            None => tally.added += 1,
            Some(mine) => {
                seen += 1;
                if mine == rec {
                    tally.unchanged += 1;
                    continue;
                }
                let conflict = conflict(mine, rec);
                match conflict.default_side() {
                    Side::Theirs => tally.changed += 1,
                    Side::Mine => tally.kept += 1,
                }
                conflicts.push(conflict);
            }
        }
    }
    tally.only_local = local.len().saturating_sub(seen);
    tally
}

fn conflict<T: Record + Serialize>(mine: &T, theirs: &T) -> Conflict {
    let title = fields(mine);
    let title = ["name", "at", "date"]
        .iter()
        .find_map(|k| title.get(*k).and_then(Value::as_str))
        .map_or_else(|| mine.id().to_string(), str::to_owned);
    let fields = field_differences(mine, theirs)
        .into_iter()
        .map(|(field, mine, theirs)| FieldDiff {
            field,
            mine,
            theirs,
        })
        .collect();
    Conflict {
        kind: T::KIND,
        id: mine.id().to_string(),
        title,
        mine_at: mine.updated_at(),
        theirs_at: theirs.updated_at(),
        fields,
    }
}

fn merge_into<T: Record>(local: &BTreeMap<T::Id, T>, incoming: &[T], choices: &Choices) -> Vec<T> {
    let mut out = local.clone();
    for rec in incoming {
        let take = match out.get(rec.id()) {
            None => true,
            Some(mine) => {
                let chosen = choices.get(&(T::KIND, rec.id().to_string())).copied();
                chosen.unwrap_or_else(|| newer(mine.updated_at(), rec.updated_at())) == Side::Theirs
            }
        };
        if take {
            out.insert(rec.id().clone(), rec.clone());
        }
    }
    out.into_values().collect()
}

/// Preview and merge, kind by kind, from the table of record kinds.
macro_rules! per_kind {
    ($($kind:ident, $field:ident, $stored:literal, $ty:ty, $id:ty;)*) => {
        /// What importing `incoming` would do to `book`.
        pub fn preview(book: &Book, incoming: &BookData) -> Preview {
            let mut conflicts = Vec::new();
            let tallies = [$(compare(book.$field(), &incoming.$field, &mut conflicts),)*];
            Preview { tallies, conflicts }
        }

        /// The records of both: new ones added, differing ones as chosen, nothing deleted.
        fn merge_records(book: &Book, data: &BookData, choices: &Choices) -> BookData {
            BookData {
                settings: data.settings.clone(),
                $($field: merge_into(book.$field(), &data.$field, choices),)*
            }
        }
    };
}

crate::with_record_kinds!(per_kind);

/// Merges `incoming` into `book`: new records are added, newer ones replace older ones,
/// nothing is deleted. The advisor's own profile stays as set on this device.
pub fn merge(book: &Book, incoming: &BookData) -> Result<Book, Vec<Problem>> {
    merge_with(book, incoming, &Choices::new())
}

/// [`merge`], keeping the chosen copy of the records named in `choices`. References in
/// `incoming` may point at records of `book`: the result is checked as a whole.
pub fn merge_with(
    book: &Book,
    incoming: &BookData,
    choices: &Choices,
) -> Result<Book, Vec<Problem>> {
    let mut merged = merge_records(book, incoming, choices);
    let mut settings = book.settings().clone();
    if settings.me.is_none() {
        settings.me = merged.settings.me.take();
    }
    merged.settings = settings;
    Book::drop_stray_leads(&mut merged);
    Book::drop_stray_contact_links(&mut merged);
    Book::from_data(merged)
}

//! The engine under the store: an ordered space of text entries whose commits apply all of
//! their writes or none. IndexedDB gives that with one transaction; localStorage, which has no
//! transactions, gets it from [`Journaled`]; native tests use [`MemoryStore`] (atomic, like
//! IndexedDB) or `Journaled` over a double that stops persisting part-way.

use super::kv::{entry_chars, KeyValue, MemoryStore, StoreError};
use super::store::{RawDump, META_KEY, PREFIX};

/// One write of a commit: the new text, or `None` to delete the entry.
pub type Write = (String, Option<String>);

/// What the meta entry must still hold for a commit to apply. A save expects the meta it last
/// read or wrote, so another tab's save in between makes it [`Commit::Stale`] instead of
/// being overwritten.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Expect {
    Anything,
    Meta(Option<String>),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Commit {
    Done,
    /// The meta entry was not as expected: nothing was written.
    Stale,
}

/// Which engine holds the book: the advisor is told when it is the smaller fallback.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EngineKind {
    IndexedDb,
    LocalStorage,
}

#[allow(async_fn_in_trait)] // wasm runs on one thread: no `Send` bound is wanted or possible
pub trait Engine {
    fn kind(&self) -> EngineKind;

    /// Every entry whose key starts with `prefix`, except backup documents when the engine
    /// keeps them apart (IndexedDB), so opening the book never reads them.
    async fn read_all(&self, prefix: &str) -> Result<RawDump, StoreError>;

    async fn read(&self, key: &str) -> Result<Option<String>, StoreError>;

    /// Applies every write or none of them.
    async fn commit(&mut self, writes: Vec<Write>, expect: Expect) -> Result<Commit, StoreError>;
}

/// Chunks per collection for a book that starts out on this engine. localStorage keeps the
/// layout it always had; IndexedDB has room for more, smaller chunks, so one edit of a
/// five-year book re-packs about a thousand records instead of thousands.
pub fn chunks_for(kind: EngineKind) -> u32 {
    match kind {
        EngineKind::IndexedDb => 64,
        EngineKind::LocalStorage => 16,
    }
}

impl Engine for MemoryStore {
    fn kind(&self) -> EngineKind {
        EngineKind::IndexedDb
    }

    async fn read_all(&self, prefix: &str) -> Result<RawDump, StoreError> {
        let mut out = RawDump::new();
        out.extend(
            self.snapshot()
                .into_iter()
                .filter(|(k, _)| k.starts_with(prefix)),
        );
        Ok(out)
    }

    async fn read(&self, key: &str) -> Result<Option<String>, StoreError> {
        KeyValue::get(self, key)
    }

    async fn commit(&mut self, writes: Vec<Write>, expect: Expect) -> Result<Commit, StoreError> {
        if let Expect::Meta(meta) = expect {
            if KeyValue::get(self, META_KEY)? != meta {
                return Ok(Commit::Stale);
            }
        }
        // All or nothing: the quota is checked against the state after every write.
        let mut after = self.snapshot();
        for (key, value) in &writes {
            match value {
                Some(v) => after.insert(key.clone(), v.clone()),
                None => after.remove(key),
            };
        }
        if let Some(quota) = self.quota() {
            if after.iter().map(|(k, v)| entry_chars(k, v)).sum::<usize>() > quota {
                return Err(StoreError::Quota);
            }
        }
        self.replace_all(after);
        Ok(Commit::Done)
    }
}

/// Where an unfinished commit waits: written in one step before any of its writes, removed
/// after the last. Finding it at start means a commit was cut off; it is finished then.
pub const JOURNAL_KEY: &str = "kontaktnetz.journal";

/// Atomic commits on a key-value store without transactions (localStorage), by a redo
/// journal: the whole commit is first written as one entry, then applied, then dropped.
/// Cut off before the journal is written, nothing changed; after, the next start finishes it.
pub struct Journaled<K: KeyValue> {
    kv: K,
}

impl<K: KeyValue> Journaled<K> {
    /// Takes over `kv`, first finishing a commit that was cut off.
    pub fn new(mut kv: K) -> Result<Self, StoreError> {
        if let Some(text) = kv.get(JOURNAL_KEY)? {
            // An unreadable journal was never completely written (a single write is atomic),
            // so its commit never began: it is dropped, and storage is as before.
            if let Some(writes) = parse_journal(&text) {
                apply(&mut kv, &writes)?;
            }
            kv.remove(JOURNAL_KEY)?;
        }
        Ok(Self { kv })
    }
}

/// The journal's text: per write "key TAB length TAB value NEWLINE", or "-" for a delete.
/// Lengths rather than escapes: values are taken as they are. Written by hand, since a serde
/// format for it costs more bundle size than these lines.
fn journal_text(writes: &[Write]) -> String {
    let mut out = String::new();
    for (key, value) in writes {
        out.push_str(key);
        match value {
            Some(v) => {
                out.push_str(&format!("\t{}\t", v.len()));
                out.push_str(v);
            }
            None => out.push_str("\t-\t"),
        }
        out.push('\n');
    }
    out
}

/// The inverse of [`journal_text`]; `None` for anything else.
fn parse_journal(mut rest: &str) -> Option<Vec<Write>> {
    let mut out = Vec::new();
    while !rest.is_empty() {
        let (key, after) = rest.split_once('\t')?;
        let (len, after) = after.split_once('\t')?;
        let (value, after) = match len {
            "-" => (None, after),
            n => {
                let n: usize = n.parse().ok()?;
                (Some(after.get(..n)?.to_owned()), after.get(n..)?)
            }
        };
        out.push((key.to_owned(), value));
        rest = after.strip_prefix('\n')?;
    }
    Some(out)
}

fn apply<K: KeyValue>(kv: &mut K, writes: &[Write]) -> Result<(), StoreError> {
    for (key, value) in writes {
        match value {
            Some(v) => kv.set(key, v)?,
            None => kv.remove(key)?,
        }
    }
    Ok(())
}

impl<K: KeyValue> Engine for Journaled<K> {
    fn kind(&self) -> EngineKind {
        EngineKind::LocalStorage
    }

    async fn read_all(&self, prefix: &str) -> Result<RawDump, StoreError> {
        let mut out = RawDump::new();
        for key in self.kv.keys()? {
            if key.starts_with(prefix) && key.starts_with(PREFIX) && key != JOURNAL_KEY {
                if let Some(v) = self.kv.get(&key)? {
                    out.insert(key, v);
                }
            }
        }
        Ok(out)
    }

    async fn read(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.kv.get(key)
    }

    async fn commit(&mut self, writes: Vec<Write>, expect: Expect) -> Result<Commit, StoreError> {
        if let Expect::Meta(meta) = expect {
            if self.kv.get(META_KEY)? != meta {
                return Ok(Commit::Stale);
            }
        }
        if let [(key, value)] = writes.as_slice() {
            // One write is atomic by itself.
            apply(&mut self.kv, &[(key.clone(), value.clone())])?;
            return Ok(Commit::Done);
        }
        let old: Vec<Write> = writes
            .iter()
            .map(|(k, _)| Ok((k.clone(), self.kv.get(k)?)))
            .collect::<Result<_, StoreError>>()?;
        self.kv.set(JOURNAL_KEY, &journal_text(&writes))?;
        if let Err(e) = apply(&mut self.kv, &writes) {
            // Put back what was there; if even that fails, the journal stays and the next
            // start completes the commit, so storage is never left half-written.
            if apply(&mut self.kv, &old).is_ok() {
                let _ = self.kv.remove(JOURNAL_KEY);
            }
            return Err(e);
        }
        // Committed: a journal left behind is finished again, harmlessly, at the next start.
        let _ = self.kv.remove(JOURNAL_KEY);
        Ok(Commit::Done)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_journal_reads_back_exactly_what_was_written() {
        let writes: Vec<Write> = vec![
            ("kontaktnetz.group.07".into(), Some("z1:AAAA".into())),
            ("kontaktnetz.person.01".into(), None),
            (
                "kontaktnetz.meta".into(),
                Some("{\"a\":\"zwei\\nZeilen\tund ä\"}\nroh".into()),
            ),
            ("kontaktnetz.leer".into(), Some(String::new())),
        ];
        assert_eq!(parse_journal(&journal_text(&writes)), Some(writes));
        assert_eq!(parse_journal(""), Some(vec![]));
    }

    #[test]
    fn a_damaged_journal_is_not_applied() {
        let text = journal_text(&[("k".into(), Some("wert".into()))]);
        for cut in 1..text.len() {
            assert_eq!(parse_journal(&text[..cut]), None, "{cut}");
        }
        assert_eq!(parse_journal("k\t99\tkurz\n"), None);
    }
}

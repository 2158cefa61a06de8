//! Saves cut off after every single write, as when the tab is killed or the device switches
//! off: the next start must show the book as it was before the change or as it is after it,
//! never an unreadable book and never a mix. Run for every kind of change, on both engines:
//! IndexedDB (one transaction per commit) and localStorage (a redo journal per commit).

use crate::common::*;
use kontaktnetz::domain::book::Book;
use kontaktnetz::domain::merge::merge;
use kontaktnetz::domain::sample::{generate, SampleSize};
use kontaktnetz::storage::engine::{Commit, Engine, EngineKind, Expect, Journaled, Write};
use kontaktnetz::storage::moving::move_book;
use kontaktnetz::storage::store::META_KEY;
use kontaktnetz::storage::{
    export, parse_import, KeyValue, MemoryStore, RawDump, Saved, Store, StoreError,
};
use std::cell::Cell;
use std::collections::BTreeMap;
use std::rc::Rc;
use std::sync::OnceLock;

type Map = BTreeMap<String, String>;

/// Storage that keeps only the first `k` writes once armed: everything after the cut, the
/// rollback included, never reaches it. As an [`Engine`] a whole commit is one write (the
/// IndexedDB transaction); as a [`KeyValue`] under [`Journaled`] every key write is one.
#[derive(Clone)]
struct Cut {
    map: MemoryStore,
    left: Rc<Cell<Option<usize>>>,
    dropped: Rc<Cell<bool>>,
    /// What was stored when the cut was armed: the state before the change under test.
    armed_on: Rc<std::cell::RefCell<Map>>,
}

impl Cut {
    fn new(entries: &Map) -> Self {
        let mut map = MemoryStore::new();
        map.replace_all(entries.clone());
        Self {
            map,
            left: Rc::default(),
            dropped: Rc::default(),
            armed_on: Rc::default(),
        }
    }

    /// Shares the write budget, for a cut across two engines.
    fn beside(&self, entries: &Map) -> Self {
        Self {
            left: self.left.clone(),
            dropped: self.dropped.clone(),
            armed_on: self.armed_on.clone(),
            ..Self::new(entries)
        }
    }

    fn arm(&self, writes: usize) {
        *self.armed_on.borrow_mut() = self.persisted();
        self.left.set(Some(writes));
    }

    /// Whether the next write still reaches storage.
    fn persists(&self) -> bool {
        match self.left.get() {
            None => true,
            Some(0) => {
                self.dropped.set(true);
                false
            }
            Some(n) => {
                self.left.set(Some(n - 1));
                true
            }
        }
    }

    fn persisted(&self) -> Map {
        self.map.snapshot()
    }
}

impl KeyValue for Cut {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        KeyValue::get(&self.map, key)
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        if self.persists() {
            self.map.set(key, value)?;
        }
        Ok(())
    }
    fn remove(&mut self, key: &str) -> Result<(), StoreError> {
        if self.persists() {
            self.map.remove(key)?;
        }
        Ok(())
    }
    fn keys(&self) -> Result<Vec<String>, StoreError> {
        self.map.keys()
    }
}

impl Engine for Cut {
    fn kind(&self) -> EngineKind {
        EngineKind::IndexedDb
    }
    async fn read_all(&self, prefix: &str) -> Result<RawDump, StoreError> {
        self.map.read_all(prefix).await
    }
    async fn read(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.map.read(key).await
    }
    async fn commit(&mut self, writes: Vec<Write>, expect: Expect) -> Result<Commit, StoreError> {
        if self.persists() {
            self.map.commit(writes, expect).await
        } else {
            Ok(Commit::Done)
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mode {
    IndexedDb,
    LocalStorage,
}

#[derive(Clone, Copy, Debug)]
enum Change {
    EditRecord,
    DeleteGroup,
    DeleteFiveGroups,
    ImportMerge,
    ImportReplace,
    RestoreBackup,
    SchemaUpgrade,
    TwoTabMerge,
}

fn sample() -> Book {
    static BOOK: OnceLock<Book> = OnceLock::new();
    BOOK.get_or_init(|| generate(SampleSize::ADVISOR, 3, at(0)))
        .clone()
}

/// A different book for imports, as an imported file decodes it.
fn other_book() -> Book {
    static BOOK: OnceLock<Book> = OnceLock::new();
    BOOK.get_or_init(|| {
        parse_import(&export(&generate(SampleSize::ADVISOR, 4, at(0)), at(1))).unwrap()
    })
    .clone()
}

async fn open<E: Engine>(engine: E) -> (Store<E>, Book) {
    Store::open(engine, "tab".into(), at(5))
        .await
        .expect("opens")
}

fn nth_group(book: &Book, n: usize) -> kontaktnetz::domain::ids::GroupId {
    book.groups().keys().nth(n).unwrap().clone()
}

/// Carries out `change` on storage behind `engine()`, arming the cut right before the writes
/// under test (earlier steps, such as another tab's save, always persist).
async fn run<E: Engine>(change: Change, engine: impl Fn() -> E, cut: &Cut, writes: usize) {
    if let Change::SchemaUpgrade = change {
        cut.arm(writes);
        open(engine()).await;
        return;
    }
    let (mut store, mut book) = open(engine()).await;
    match change {
        Change::EditRecord => {
            let id = nth_group(&book, 0);
            let mut group = book.groups()[&id].clone();
            group.name = name("Umbenannt beim Stromausfall");
            book.upsert_group(group).unwrap();
        }
        Change::DeleteGroup => {
            book.delete_group(&nth_group(&book, 1), at(6));
        }
        Change::DeleteFiveGroups => {
            for _ in 0..5 {
                book.delete_group(&nth_group(&book, 0), at(6));
            }
        }
        Change::ImportMerge => {
            book = merge(&book, &other_book().to_data()).unwrap();
        }
        Change::ImportReplace => {
            let incoming = other_book();
            cut.arm(writes);
            store.backup("Vor dem Import", &book, at(6)).await.unwrap();
            store.save(&incoming, at(6)).await.unwrap();
            return;
        }
        Change::RestoreBackup => {
            store.backup("alt", &book, at(6)).await.unwrap();
            let mut edited = book.clone();
            edited.delete_group(&nth_group(&book, 0), at(6));
            store.save(&edited, at(6)).await.unwrap();
            let key = store.backups().await.unwrap()[0].key.clone();
            cut.arm(writes);
            let restored = store.read_backup(&key).await.unwrap();
            store
                .backup("Vor der Wiederherstellung", &edited, at(7))
                .await
                .unwrap();
            store.save(&restored, at(7)).await.unwrap();
            return;
        }
        Change::TwoTabMerge => {
            let (mut other, mut theirs) = open(engine()).await;
            let id = nth_group(&theirs, 2);
            let mut group = theirs.groups()[&id].clone();
            group.name = name("Im anderen Tab geändert");
            theirs.upsert_group(group).unwrap();
            other.save(&theirs, at(6)).await.unwrap();
            book.delete_group(&nth_group(&book, 3), at(6));
            cut.arm(writes);
            let saved = store.save(&book, at(7)).await.unwrap();
            assert!(matches!(saved, Saved::Merged { .. }));
            return;
        }
        Change::SchemaUpgrade => unreachable!(),
    }
    cut.arm(writes);
    store.save(&book, at(6)).await.unwrap();
}

/// Runs `change` on the engine of `mode` over `cut`, cut after `writes` writes.
fn run_on(mode: Mode, change: Change, cut: &Cut, writes: usize) {
    match mode {
        Mode::IndexedDb => block_on(run(change, || cut.clone(), cut, writes)),
        Mode::LocalStorage => block_on(run(
            change,
            || Journaled::new(cut.clone()).unwrap(),
            cut,
            writes,
        )),
    }
}

/// The book a fresh start finds in `entries`, finishing a cut-off journal first.
fn reopen(mode: Mode, entries: &Map) -> Book {
    let mut map = MemoryStore::new();
    map.replace_all(entries.clone());
    let opened = match mode {
        Mode::IndexedDb => block_on(Store::open(map, "neu".into(), at(20))).map(|(_, b)| b),
        Mode::LocalStorage => block_on(Store::open(ls(map), "neu".into(), at(20))).map(|(_, b)| b),
    };
    opened.unwrap_or_else(|e| panic!("the book must open after the cut: {e:?}"))
}

fn start(change: Change, mode: Mode) -> Map {
    if let Change::SchemaUpgrade = change {
        return golden::entries(include_str!("../fixtures/storage-3.json"));
    }
    let map = MemoryStore::new();
    match mode {
        Mode::IndexedDb => block_on(async {
            open(map.clone())
                .await
                .0
                .save(&sample(), at(1))
                .await
                .unwrap();
        }),
        Mode::LocalStorage => block_on(async {
            open(ls(map.clone()))
                .await
                .0
                .save(&sample(), at(1))
                .await
                .unwrap();
        }),
    }
    map.snapshot()
}

/// Runs `change` once per possible cut, from none of its writes to all of them.
fn every_cut(change: Change, mode: Mode) -> (usize, usize) {
    let initial = start(change, mode);
    let run_cut = |writes: Option<usize>| {
        let cut = Cut::new(&initial);
        run_on(mode, change, &cut, writes.unwrap_or(usize::MAX));
        (cut.persisted(), cut.dropped.get(), cut.armed_on.take())
    };
    let (done, _, armed_on) = run_cut(None);
    // Earlier steps (another tab's save, the edit a backup is restored over) have persisted.
    let before = reopen(mode, &armed_on);
    let after = reopen(mode, &done);
    assert_ne!(before, after, "{change:?} changes the book");
    let (mut as_before, mut as_after) = (0, 0);
    for k in 0.. {
        let (persisted, dropped, _) = run_cut(Some(k));
        let book = reopen(mode, &persisted);
        if book == before {
            as_before += 1;
        } else if book == after {
            as_after += 1;
        } else {
            panic!("{change:?} on {mode:?}, cut after {k} writes: neither before nor after");
        }
        if !dropped {
            break;
        }
    }
    (as_before, as_after)
}

fn check(change: Change) {
    for mode in [Mode::IndexedDb, Mode::LocalStorage] {
        let (before, after) = every_cut(change, mode);
        // The last cut point is the completed change; the first is none of it.
        assert!(
            before >= 1 && after >= 1,
            "{change:?} on {mode:?}: {before}/{after}"
        );
    }
}

#[test]
fn an_edit_cut_off_anywhere_opens_as_before_or_after() {
    check(Change::EditRecord);
}

#[test]
fn a_cascading_delete_cut_off_anywhere_opens_as_before_or_after() {
    check(Change::DeleteGroup);
    check(Change::DeleteFiveGroups);
}

#[test]
fn imports_cut_off_anywhere_open_as_before_or_after() {
    check(Change::ImportMerge);
    check(Change::ImportReplace);
}

#[test]
fn a_restore_cut_off_anywhere_opens_as_before_or_after() {
    check(Change::RestoreBackup);
}

#[test]
fn a_two_tab_merge_cut_off_anywhere_opens_as_before_or_after() {
    check(Change::TwoTabMerge);
}

#[test]
fn a_schema_upgrade_cut_off_anywhere_opens_upgraded_or_upgrades_again() {
    for mode in [Mode::IndexedDb, Mode::LocalStorage] {
        let initial = start(Change::SchemaUpgrade, mode);
        let book = reopen(mode, &initial);
        for k in 0.. {
            let cut = Cut::new(&initial);
            run_on(mode, Change::SchemaUpgrade, &cut, k);
            assert_eq!(reopen(mode, &cut.persisted()), book, "cut after {k} writes");
            if !cut.dropped.get() {
                break;
            }
        }
    }
}

/// The move from localStorage into IndexedDB, cut off after any write of either: the next
/// start finds the whole book, in one of the two, and finishes the move.
#[test]
fn the_move_into_indexeddb_cut_off_anywhere_loses_nothing() {
    let initial = start(Change::EditRecord, Mode::LocalStorage);
    let book = reopen(Mode::LocalStorage, &initial);
    for k in 0.. {
        let old = Cut::new(&initial);
        let new = old.beside(&Map::new());
        old.arm(k);
        block_on(async {
            let mut from = Journaled::new(old.clone()).unwrap();
            let mut to = new.clone();
            move_book(&mut from, &mut to, "tab", at(5)).await.unwrap();
        });
        let dropped = old.dropped.get();
        // The next start: finish a cut-off journal, move (again, or only clean up), open.
        let mut local = MemoryStore::new();
        local.replace_all(old.persisted());
        let mut indexed = MemoryStore::new();
        indexed.replace_all(new.persisted());
        let opened = block_on(async {
            let mut from = ls(local.clone());
            let mut to = indexed.clone();
            move_book(&mut from, &mut to, "tab", at(9)).await.unwrap();
            open(to).await.1
        });
        assert_eq!(opened, book, "cut after {k} writes");
        assert_eq!(
            local.snapshot(),
            Map::new(),
            "localStorage is emptied once moved"
        );
        assert!(indexed.snapshot().contains_key(META_KEY));
        if !dropped {
            assert!(
                k > 1,
                "the move is a commit into IndexedDB and one out of localStorage"
            );
            break;
        }
    }
}

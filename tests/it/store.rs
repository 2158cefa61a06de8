//! The store on an in-memory key-value map: records packed into chunk keys, minimal writes,
//! rollback on quota errors, unreadable data left alone, two tabs merged, backups and usage.

use crate::common::*;
use kontaktnetz::domain::book::Book;
use kontaktnetz::domain::model::Timestamp;
use kontaktnetz::domain::text::parse_notes;
use kontaktnetz::storage::backups::{is_backup, KEEP_NEWEST};
use kontaktnetz::storage::codec::encode;
use kontaktnetz::storage::engine::{chunks_for, Engine, EngineKind, Journaled, JOURNAL_KEY};
use kontaktnetz::storage::kv::entry_chars;
use kontaktnetz::storage::layout::{self, Records};
use kontaktnetz::storage::migrate::{MigrateError, CURRENT_SCHEMA};
use kontaktnetz::storage::store::META_KEY;
use kontaktnetz::storage::{
    DecodeError, KeyValue, MemoryStore, OpenError, RawDump, SaveError, Saved, Store, StoreError,
    Usage, UsageLevel,
};
use std::cell::Cell;
use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;

type Map = BTreeMap<String, String>;

fn open<E: Engine>(kv: E) -> (Store<E>, Book) {
    block_on(Store::open(kv, "test-tab".into(), at(0))).expect("storage opens")
}

/// A map holding the small book, saved once.
fn saved_small_book() -> MemoryStore {
    let kv = MemoryStore::new();
    let (mut store, _) = open(kv.clone());
    assert_eq!(
        block_on(store.save(&small_book(), at(1))),
        Ok(Saved::Written)
    );
    kv
}

/// Keys whose value differs between two snapshots (added, removed or changed).
fn changed_keys(before: &Map, after: &Map) -> BTreeSet<String> {
    before
        .keys()
        .chain(after.keys())
        .filter(|k| before.get(*k) != after.get(*k))
        .cloned()
        .collect()
}

fn keys(list: &[&str]) -> BTreeSet<String> {
    list.iter().map(|k| k.to_string()).collect()
}

/// The logical records ("customer.c-1" → JSON) a stored map holds: data chunks unpacked.
fn logical(map: &Map) -> Records {
    golden::logical_records(map)
}

/// The storage key of the chunk that holds a logical record.
fn chunk_key(logical: &str) -> String {
    let chunks = chunks_for(EngineKind::IndexedDb);
    format!("kontaktnetz.{}", layout::chunk_of(logical, chunks))
}

/// The chunk keys of the given logical records, plus the meta key: what a save may touch.
fn chunks_and_meta(records: &[&str]) -> BTreeSet<String> {
    let mut out: BTreeSet<String> = records.iter().map(|r| chunk_key(r)).collect();
    out.insert(META_KEY.to_owned());
    out
}

/// Text that does not compress: quota tests need writes of a known size.
fn noise(len: usize) -> String {
    let mut x: u64 = 0x2545_f491_4f6c_dd1d;
    (0..len)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let alphabet = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
            alphabet[(x % alphabet.len() as u64) as usize] as char
        })
        .collect()
}

fn rename_group(book: &mut Book, group: &str, title: &str, now: Timestamp) {
    let mut g = book.groups()[&gid(group)].clone();
    g.name = name(title);
    g.updated_at = now;
    book.upsert_group(g).unwrap();
}

fn rename_customer(book: &mut Book, customer: &str, full: &str, now: Timestamp) {
    let mut c = book.customers()[&cid(customer)].clone();
    c.name = name(full);
    c.updated_at = now;
    book.upsert_customer(c, now).unwrap();
}

fn total_chars(map: &Map) -> usize {
    map.iter().map(|(k, v)| entry_chars(k, v)).sum()
}

/// A store limited to `quota` characters, holding `entries`.
fn limited(entries: &Map, quota: usize) -> MemoryStore {
    let mut kv = MemoryStore::with_quota(quota);
    for (k, v) in entries {
        kv.set(k, v).unwrap();
    }
    kv
}

// ---- open and save -------------------------------------------------------------------------

#[test]
fn empty_storage_opens_as_an_empty_book_and_writes_nothing() {
    let mut kv = MemoryStore::new();
    kv.set("andere-app.einstellung", "bleibt").unwrap();
    let before = kv.snapshot();
    let (store, book) = open(kv.clone());
    assert_eq!(book, Book::default());
    assert_eq!(store.revision(), 0);
    assert_eq!(kv.snapshot(), before);
}

#[test]
fn a_saved_book_opens_in_another_store() {
    let kv = saved_small_book();
    let stored = kv.snapshot();
    assert!(stored.contains_key(META_KEY));
    assert!(stored.contains_key("kontaktnetz.settings"));
    let records = logical(&stored);
    assert_eq!(records, encode(&small_book()));
    assert_eq!(
        records.len(),
        1 + 2 + 2 + 4 + 4,
        "settings and one record each"
    );
    assert!(records.contains_key("customer.c-owner"));
    assert!(
        stored.iter().all(|(k, v)| k.is_ascii() && v.is_ascii()),
        "stored text stays ASCII, which Safari counts as one byte per character"
    );

    let (second, book) = open(kv.clone());
    assert_eq!(book, small_book());
    assert_eq!(second.revision(), 1);
}

#[test]
fn saving_an_unchanged_book_writes_nothing() {
    let kv = saved_small_book();
    let before = kv.snapshot();
    let (mut store, book) = open(kv.clone());
    assert_eq!(block_on(store.save(&book, at(5))), Ok(Saved::Written));
    assert_eq!(kv.snapshot(), before);
}

#[test]
fn an_edit_writes_only_the_chunks_of_changed_records_and_the_meta() {
    let kv = saved_small_book();
    let (mut store, mut book) = open(kv.clone());

    let before = kv.snapshot();
    rename_customer(&mut book, "c-erika", "Erika Meier", at(2));
    block_on(store.save(&book, at(2))).unwrap();
    let after = kv.snapshot();
    assert_eq!(
        changed_keys(&logical(&before), &logical(&after)),
        keys(&["customer.c-erika"])
    );
    assert_eq!(
        changed_keys(&before, &after),
        chunks_and_meta(&["customer.c-erika"])
    );
    assert_eq!(store.revision(), 2);

    // Moving the lead changes the customer and its old group (which loses the lead).
    let before = kv.snapshot();
    book.move_customer(&cid("c-hans"), &gid("g-bau"), at(3))
        .unwrap();
    block_on(store.save(&book, at(3))).unwrap();
    let after = kv.snapshot();
    let changed = ["customer.c-hans", "group.g-mueller"];
    assert_eq!(
        changed_keys(&logical(&before), &logical(&after)),
        keys(&changed)
    );
    assert_eq!(changed_keys(&before, &after), chunks_and_meta(&changed));
    assert_eq!(open(kv).1, book);
}

#[test]
fn a_delete_removes_the_records() {
    let kv = saved_small_book();
    let (mut store, mut book) = open(kv.clone());
    let before = kv.snapshot();
    book.delete_group(&gid("g-bau"), at(4));
    block_on(store.save(&book, at(4))).unwrap();
    let after = kv.snapshot();
    let removed = [
        "group.g-bau",
        "customer.c-bau",
        "customer.c-owner",
        "person.p-chef",
        "person.p-buch",
    ];
    let records = logical(&after);
    for key in removed {
        assert!(!records.contains_key(key), "{key} still stored");
    }
    assert_eq!(changed_keys(&logical(&before), &records), keys(&removed));
    assert_eq!(changed_keys(&before, &after), chunks_and_meta(&removed));
    assert_eq!(open(kv).1, book);
}

#[test]
fn a_chunk_left_empty_is_removed() {
    let kv = saved_small_book();
    let (mut store, mut book) = open(kv.clone());
    let chunk = chunk_key("colleague.k-ben");
    assert_ne!(
        chunk,
        chunk_key("colleague.k-anna"),
        "the two colleagues share no chunk"
    );
    book.delete_colleague(&kid("k-ben"), at(5));
    block_on(store.save(&book, at(5))).unwrap();
    assert!(!kv.snapshot().contains_key(&chunk));
}

// ---- failed writes -------------------------------------------------------------------------

/// The small book with a group renamed, a customer deleted and a person with long notes added:
/// a save touches sets and removes of several collections.
fn bigger_edit(book: &Book) -> Book {
    let mut book = book.clone();
    rename_group(&mut book, "g-bau", "Bau Schäfer GmbH & Co. KG", at(10));
    book.delete_customer(&cid("c-erika"), at(10));
    let mut long = person("p-lang", "c-owner", "Lena Lang");
    long.notes = parse_notes(&noise(3_000)).unwrap();
    book.upsert_person(long).unwrap();
    book
}

#[test]
fn a_save_beyond_the_quota_changes_nothing() {
    let stored = saved_small_book().snapshot();
    let quota = total_chars(&stored) + 200;
    let kv = limited(&stored, quota);
    let (mut store, book) = open(kv.clone());
    let edited = bigger_edit(&book);

    let before = kv.snapshot();
    assert_eq!(
        block_on(store.save(&edited, at(10))),
        Err(SaveError::Store(StoreError::Quota))
    );
    assert_eq!(
        kv.snapshot(),
        before,
        "a failed save is rolled back completely"
    );
    assert_eq!(store.revision(), 1);

    // Without the limit the same store state saves fine (a second tab with more room).
    let mut roomy = kv.clone();
    roomy.set_quota(None);
    let (mut other, _) = open(roomy);
    assert_eq!(block_on(other.save(&edited, at(11))), Ok(Saved::Written));
    assert_eq!(open(kv).1, edited);
}

#[test]
fn the_same_store_saves_after_a_backup_is_deleted() {
    let stored = saved_small_book().snapshot();
    let book = small_book();
    let edited = bigger_edit(&book);
    // Sizes without a quota: the edited book, and one backup.
    let (edited_total, backup_chars) = {
        let kv = saved_small_book();
        let (mut store, _) = open(kv.clone());
        block_on(store.save(&edited, at(10))).unwrap();
        let edited_total = total_chars(&kv.snapshot());
        block_on(store.backup("Vor dem Import", &book, at(5))).unwrap();
        (edited_total, block_on(store.backups()).unwrap()[0].chars)
    };
    // Room for the edit or the backup, not for both.
    let kv = limited(&stored, edited_total + backup_chars - 1);
    let (mut store, book) = open(kv.clone());
    block_on(store.backup("Vor dem Import", &book, at(5))).unwrap();
    let before = kv.snapshot();
    assert_eq!(
        block_on(store.save(&edited, at(10))),
        Err(SaveError::Store(StoreError::Quota))
    );
    assert_eq!(kv.snapshot(), before);

    let backup = block_on(store.backups()).unwrap()[0].key.clone();
    block_on(store.delete_backup(&backup)).unwrap();
    assert_eq!(block_on(store.save(&edited, at(11))), Ok(Saved::Written));
    assert_eq!(open(kv).1, edited);
}

#[test]
fn a_first_save_that_does_not_fit_leaves_storage_empty() {
    let kv = MemoryStore::with_quota(300);
    let (mut store, _) = open(kv.clone());
    assert_eq!(
        block_on(store.save(&small_book(), at(1))),
        Err(SaveError::Store(StoreError::Quota))
    );
    assert_eq!(kv.snapshot(), Map::new());
}

/// A key-value store that fails its n-th write (set or remove), to test rollback everywhere.
#[derive(Clone)]
struct Flaky {
    inner: MemoryStore,
    writes: Rc<Cell<usize>>,
    fail_at: Rc<Cell<Option<usize>>>,
}

impl Flaky {
    fn new(inner: MemoryStore) -> Self {
        Self {
            inner,
            writes: Rc::default(),
            fail_at: Rc::default(),
        }
    }

    fn fail_write(&self, n: Option<usize>) {
        self.writes.set(0);
        self.fail_at.set(n);
    }

    fn tick(&self) -> Result<(), StoreError> {
        let n = self.writes.get();
        self.writes.set(n + 1);
        if self.fail_at.get() == Some(n) {
            Err(StoreError::Other("Schreibfehler".into()))
        } else {
            Ok(())
        }
    }
}

impl KeyValue for Flaky {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.inner.get(key)
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        self.tick()?;
        self.inner.set(key, value)
    }
    fn remove(&mut self, key: &str) -> Result<(), StoreError> {
        self.tick()?;
        self.inner.remove(key)
    }
    fn keys(&self) -> Result<Vec<String>, StoreError> {
        self.inner.keys()
    }
}

#[test]
fn a_write_failing_at_any_point_is_rolled_back() {
    let map = saved_small_book();
    let flaky = Flaky::new(map.clone());
    // The localStorage engine: its journal makes the many key writes one commit.
    let (mut store, book) = open(Journaled::new(flaky.clone()).unwrap());
    let edited = bigger_edit(&book);
    let before = map.snapshot();
    let mut failures = 0;
    for n in 0.. {
        flaky.fail_write(Some(n));
        match block_on(store.save(&edited, at(10))) {
            Err(SaveError::Store(StoreError::Other(_))) => {
                failures += 1;
                assert_eq!(
                    map.snapshot(),
                    before,
                    "failure at write {n} was not rolled back"
                );
            }
            Ok(Saved::Written) => break,
            other => panic!("unexpected {other:?}"),
        }
    }
    // The journal, then one write per changed chunk plus the meta: a failure of any of them is
    // rolled back. The last write drops the journal; when that fails, the save stands and the
    // journal is finished again, harmlessly, at the next start.
    let mut changed = changed_keys(&before, &map.snapshot());
    assert!(
        changed.remove(JOURNAL_KEY),
        "the last write's failure left the journal"
    );
    assert!(changed.len() >= 3, "{changed:?}");
    assert_eq!(failures, changed.len() + 1);
    assert_eq!(open(ls(map.clone())).1, edited);
    assert!(!map.snapshot().contains_key(JOURNAL_KEY));
}

// ---- unreadable data -----------------------------------------------------------------------

/// Opens `kv`, expecting it to be unreadable; checks that the raw dump is complete and that
/// nothing was written. Returns the reason.
fn unreadable(kv: MemoryStore) -> DecodeError {
    let before = kv.snapshot();
    let Err(OpenError::Unreadable { reason, raw }) =
        block_on(Store::open(kv.clone(), "t".into(), at(0)))
    else {
        panic!("the data must be refused");
    };
    let own: RawDump = before
        .iter()
        .filter(|(k, _)| k.starts_with("kontaktnetz."))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    assert_eq!(raw, own, "the raw dump holds every Kontaktnetz entry");
    assert_eq!(kv.snapshot(), before, "unreadable data is left untouched");
    reason
}

fn saved_with(change: impl FnOnce(&mut MemoryStore)) -> MemoryStore {
    let mut kv = saved_small_book();
    kv.set("andere-app.schluessel", "wert").unwrap();
    change(&mut kv);
    kv
}

/// Rewrites the stored chunk holding `record`, changing its logical records with `change`.
fn edit_chunk(kv: &mut MemoryStore, record: &str, change: impl FnOnce(&mut Vec<(String, String)>)) {
    let key = chunk_key(record);
    let chunk = key.strip_prefix("kontaktnetz.").unwrap();
    let mut records =
        crate::common::golden::unpack(chunk, &kv.get(&key).unwrap().unwrap()).unwrap();
    change(&mut records);
    let pairs: Vec<(&str, &str)> = records
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    kv.set(&key, &layout::pack(&pairs)).unwrap();
}

#[test]
fn a_record_with_invalid_json_is_unreadable() {
    let reason = unreadable(saved_with(|kv| {
        edit_chunk(kv, "customer.c-hans", |records| {
            for (logical, json) in records.iter_mut() {
                if logical == "customer.c-hans" {
                    *json = "{\"id\": \"c-hans\", ".into();
                }
            }
        })
    }));
    let DecodeError::Shape { detail } = &reason else {
        panic!("{reason:?}")
    };
    assert!(detail.contains("customer.c-hans"), "{detail}");
}

#[test]
fn a_damaged_chunk_is_unreadable_and_named() {
    let key = chunk_key("person.p-chef");
    let reason = unreadable(saved_with(|kv| kv.set(&key, "kaputt").unwrap()));
    let DecodeError::Shape { detail } = &reason else {
        panic!("{reason:?}")
    };
    assert!(
        detail.contains(key.strip_prefix("kontaktnetz.").unwrap()),
        "{detail}"
    );
}

#[test]
fn a_newer_schema_in_the_meta_is_unreadable() {
    let reason = unreadable(saved_with(|kv| {
        let meta = kv
            .get(META_KEY)
            .unwrap()
            .unwrap()
            .replace(&format!("\"schema\":{CURRENT_SCHEMA}"), "\"schema\":99");
        kv.set(META_KEY, &meta).unwrap();
    }));
    assert_eq!(
        reason,
        DecodeError::Schema(MigrateError::Newer { found: 99 })
    );
}

#[test]
fn records_without_meta_are_unreadable() {
    let reason = unreadable(saved_with(|kv| kv.remove(META_KEY).unwrap()));
    assert!(
        matches!(&reason, DecodeError::Shape { detail } if detail.contains("fehlt")),
        "{reason:?}"
    );
}

#[test]
fn an_unreadable_meta_is_unreadable() {
    let reason = unreadable(saved_with(|kv| kv.set(META_KEY, "kaputt").unwrap()));
    assert!(
        matches!(&reason, DecodeError::Shape { detail } if detail.contains("unlesbar")),
        "{reason:?}"
    );
}

#[test]
fn a_record_pointing_nowhere_is_unreadable() {
    let reason = unreadable(saved_with(|kv| {
        edit_chunk(kv, "group.g-bau", |records| {
            records.retain(|(logical, _)| logical != "group.g-bau")
        })
    }));
    assert!(matches!(reason, DecodeError::Problems(_)), "{reason:?}");
}

fn unreadable_raw(kv: &MemoryStore) -> RawDump {
    match block_on(Store::open(kv.clone(), "t".into(), at(0))) {
        Err(OpenError::Unreadable { raw, .. }) => raw,
        _ => panic!("must be unreadable"),
    }
}

/// The saved small book with one backup, a foreign key and a broken meta.
fn broken_with_backup() -> (MemoryStore, String) {
    let mut kv = saved_small_book();
    let (mut store, _) = open(kv.clone());
    block_on(store.backup("alt", &small_book(), at(1))).unwrap();
    let backup_key = block_on(store.backups()).unwrap()[0].key.clone();
    kv.set("andere-app.schluessel", "wert").unwrap();
    kv.set(META_KEY, "kaputt").unwrap();
    (kv, backup_key)
}

fn quarantine_key(now: Timestamp) -> String {
    format!("kontaktnetz.quarantine.{}", now.timestamp_millis())
}

fn is_backup_or_quarantine(key: &str) -> bool {
    is_backup(key) || key.starts_with("kontaktnetz.quarantine.")
}

#[test]
fn quarantine_keeps_the_raw_entries_and_clears_the_rest() {
    let (kv, backup_key) = broken_with_backup();
    let raw = unreadable_raw(&kv);
    block_on(Store::<MemoryStore>::quarantine(kv.clone(), &raw, at(20))).unwrap();

    let after = kv.snapshot();
    let kept: RawDump = serde_json::from_str(&after[&quarantine_key(at(20))]).unwrap();
    for (key, value) in raw.iter().filter(|(k, _)| !is_backup_or_quarantine(k)) {
        assert_eq!(
            kept.get(key),
            Some(value),
            "{key} must be kept in the quarantine copy"
        );
    }
    let left: BTreeSet<String> = after.keys().cloned().collect();
    assert_eq!(
        left,
        keys(&[
            &quarantine_key(at(20)),
            &backup_key,
            &backup_key.replace("backup.", "backup-doc."),
            "andere-app.schluessel"
        ]),
        "only the quarantine copy, backups and foreign keys stay"
    );
    let (_, book) = open(kv);
    assert_eq!(book, Book::default());
}

#[test]
fn quarantine_does_not_copy_the_entries_it_leaves_in_place() {
    // Backups and earlier quarantine copies stay where they are; copying them as well doubles
    // the space needed exactly when storage is in trouble, and nests every earlier quarantine.
    let (mut kv, _) = broken_with_backup();
    block_on(Store::<MemoryStore>::quarantine(
        kv.clone(),
        &unreadable_raw(&kv),
        at(20),
    ))
    .unwrap();
    let (mut store, _) = open(kv.clone());
    block_on(store.save(&small_book(), at(21))).unwrap();
    kv.set(META_KEY, "wieder kaputt").unwrap();

    let raw = unreadable_raw(&kv);
    block_on(Store::<MemoryStore>::quarantine(kv.clone(), &raw, at(30))).unwrap();
    let kept: RawDump = serde_json::from_str(&kv.snapshot()[&quarantine_key(at(30))]).unwrap();
    let copied: Vec<&String> = kept.keys().filter(|k| is_backup_or_quarantine(k)).collect();
    assert!(
        copied.is_empty(),
        "the quarantine copy duplicates {copied:?}"
    );
}

#[test]
fn quarantine_that_does_not_fit_removes_nothing() {
    let broken = saved_with(|kv| kv.set(META_KEY, "kaputt").unwrap()).snapshot();
    let kv = limited(&broken, total_chars(&broken) + 100);
    let raw = unreadable_raw(&kv);
    assert_eq!(
        block_on(Store::<MemoryStore>::quarantine(kv.clone(), &raw, at(20))),
        Err(StoreError::Quota)
    );
    assert_eq!(kv.snapshot(), broken);
}

// ---- two tabs ------------------------------------------------------------------------------

/// A tab: its store and the book it shows.
type Tab = (Store<MemoryStore>, Book);

/// Two stores on the same map, both having read the saved small book.
fn two_tabs() -> (MemoryStore, Tab, Tab) {
    let kv = saved_small_book();
    let a = block_on(Store::open(kv.clone(), "tab-a".into(), at(2))).unwrap();
    let b = block_on(Store::open(kv.clone(), "tab-b".into(), at(2))).unwrap();
    (kv, a, b)
}

#[test]
fn edits_of_different_records_in_two_tabs_are_merged() {
    let (kv, (mut a, mut book_a), (mut b, mut book_b)) = two_tabs();
    rename_group(&mut book_a, "g-bau", "Schäfer Bau", at(3));
    assert_eq!(block_on(a.save(&book_a, at(3))), Ok(Saved::Written));
    assert!(block_on(b.changed_elsewhere()).unwrap());

    rename_customer(&mut book_b, "c-erika", "Erika Meier", at(4));
    let Ok(Saved::Merged { book, conflicts }) = block_on(b.save(&book_b, at(4))) else {
        panic!("B must merge A's write");
    };
    let book = *book;
    assert_eq!(conflicts, 0);
    assert_eq!(book.groups()[&gid("g-bau")].name.as_str(), "Schäfer Bau");
    assert_eq!(
        book.customers()[&cid("c-erika")].name.as_str(),
        "Erika Meier"
    );
    assert_eq!(
        open(kv.clone()).1,
        book,
        "the merged book is what is stored"
    );
    assert_eq!(b.revision(), 3);

    let Ok(Some((synced, conflicts))) = block_on(a.sync(&book_a)) else {
        panic!("A must see B's write");
    };
    assert_eq!((synced, conflicts), (book, 0));
    assert_eq!(
        block_on(a.sync(&book_a)),
        Ok(None),
        "nothing new after syncing"
    );
}

#[test]
fn edits_of_the_same_record_in_two_tabs_count_a_conflict() {
    let (kv, (mut a, mut book_a), (mut b, mut book_b)) = two_tabs();
    rename_customer(&mut book_a, "c-hans", "Hans A", at(3));
    block_on(a.save(&book_a, at(3))).unwrap();
    rename_customer(&mut book_b, "c-hans", "Hans B", at(4));
    let Ok(Saved::Merged { book, conflicts }) = block_on(b.save(&book_b, at(4))) else {
        panic!("B must merge A's write");
    };
    let book = *book;
    assert_eq!(conflicts, 1);
    assert_eq!(
        book.customers()[&cid("c-hans")].name.as_str(),
        "Hans B",
        "the saving tab wins"
    );
    assert_eq!(open(kv).1, book);

    let (synced, conflicts) = block_on(a.sync(&book_a))
        .unwrap()
        .expect("A sees B's write");
    assert_eq!(conflicts, 0, "A had nothing unsaved");
    assert_eq!(synced, book);
}

#[test]
fn a_save_that_cannot_be_combined_is_a_conflict_and_writes_nothing() {
    let (kv, (mut a, mut book_a), (mut b, mut book_b)) = two_tabs();
    book_a
        .upsert_customer(customer("c-neu", "g-bau", "Neu"), at(3))
        .unwrap();
    block_on(a.save(&book_a, at(3))).unwrap();
    book_b.delete_group(&gid("g-bau"), at(4));
    let before = kv.snapshot();
    assert!(matches!(
        block_on(b.save(&book_b, at(4))),
        Err(SaveError::Conflict(DecodeError::Problems(_)))
    ));
    assert_eq!(kv.snapshot(), before);
}

#[test]
fn a_merge_whose_write_failed_is_merged_again_on_retry() {
    let map = saved_small_book();
    let (mut a, mut book_a) = block_on(Store::open(map.clone(), "tab-a".into(), at(2))).unwrap();
    let flaky = Flaky::new(map.clone());
    let engine = Journaled::new(flaky.clone()).unwrap();
    let (mut b, mut book_b) = block_on(Store::open(engine, "tab-b".into(), at(2))).unwrap();

    rename_group(&mut book_a, "g-bau", "Schäfer Bau", at(3));
    block_on(a.save(&book_a, at(3))).unwrap();

    // B's save merges A's write, but writing the result fails (e.g. storage full).
    rename_customer(&mut book_b, "c-hans", "Johann Müller", at(4));
    flaky.fail_write(Some(0));
    assert!(matches!(
        block_on(b.save(&book_b, at(4))),
        Err(SaveError::Store(_))
    ));

    // The advisor retries with the book they still see; A's edit must not be overwritten.
    flaky.fail_write(None);
    let saved = block_on(b.save(&book_b, at(5))).unwrap();
    let stored = open(map).1;
    assert_eq!(
        stored.customers()[&cid("c-hans")].name.as_str(),
        "Johann Müller"
    );
    assert_eq!(
        stored.groups()[&gid("g-bau")].name.as_str(),
        "Schäfer Bau",
        "the retry wrote B's stale copy of g-bau over A's edit"
    );
    assert_eq!(
        saved,
        Saved::Merged {
            book: Box::new(stored),
            conflicts: 0
        }
    );
}

// ---- backups and usage ---------------------------------------------------------------------

fn book_named(title: &str) -> Book {
    let mut book = small_book();
    rename_group(&mut book, "g-mueller", title, at(1));
    book
}

#[test]
fn only_the_newest_backups_are_kept() {
    let (mut store, _) = open(saved_small_book());
    let made = KEEP_NEWEST + 3;
    for i in 0..made {
        let label = format!("Sicherung {i}");
        block_on(store.backup(&label, &book_named(&label), at(100 + i as i64))).unwrap();
    }
    let backups = block_on(store.backups()).unwrap();
    let labels: Vec<&str> = backups.iter().map(|b| b.label.as_str()).collect();
    let expected: Vec<String> = (made - KEEP_NEWEST..made)
        .rev()
        .map(|i| format!("Sicherung {i}"))
        .collect();
    assert_eq!(
        labels, expected,
        "newest first, only the newest ten of one day"
    );
    for info in &backups {
        assert_eq!((info.groups, info.customers), (2, 4));
        let restored = block_on(store.read_backup(&info.key)).unwrap();
        assert_eq!(restored, book_named(&info.label));
    }
}

#[test]
fn reading_a_missing_or_broken_backup_fails() {
    let kv = saved_small_book();
    let (mut store, _) = open(kv.clone());
    assert_eq!(
        block_on(store.read_backup("kontaktnetz.backup.000000000000001")),
        Err(DecodeError::Empty)
    );
    block_on(store.backup("x", &small_book(), at(5))).unwrap();
    let key = block_on(store.backups()).unwrap()[0].key.clone();
    let mut raw = kv.clone();
    let other_app = serde_json::json!({"label": "x", "document": layout::deflate_text("{}")});
    raw.set(&key, &other_app.to_string()).unwrap();
    assert_eq!(
        block_on(store.read_backup(&key)),
        Err(DecodeError::NotKontaktnetz)
    );
}

#[test]
fn deleting_a_backup_only_touches_backup_keys() {
    let kv = saved_small_book();
    let (mut store, _) = open(kv.clone());
    block_on(store.backup("x", &small_book(), at(5))).unwrap();
    let before = kv.snapshot();
    block_on(store.delete_backup(META_KEY)).unwrap();
    block_on(store.delete_backup("kontaktnetz.group.g-bau")).unwrap();
    assert_eq!(kv.snapshot(), before);
    let key = block_on(store.backups()).unwrap()[0].key.clone();
    block_on(store.delete_backup(&key)).unwrap();
    assert!(block_on(store.backups()).unwrap().is_empty());
}

#[test]
fn usage_counts_every_entry_including_backups() {
    let mut kv = saved_small_book();
    kv.set("andere-app.gross", &"x".repeat(10_000)).unwrap();
    let (mut store, book) = open(kv.clone());
    let own = |map: &Map| -> usize {
        map.iter()
            .filter(|(k, _)| k.starts_with("kontaktnetz."))
            .map(|(k, v)| entry_chars(k, v))
            .sum()
    };
    let plain = store.usage();
    assert_eq!(
        plain.used,
        own(&kv.snapshot()) as u64,
        "foreign keys do not count"
    );

    block_on(store.backup("x", &book, at(5))).unwrap();
    let with_backup = store.usage();
    assert_eq!(with_backup.used, own(&kv.snapshot()) as u64);
    let backup = block_on(store.backups()).unwrap()[0].clone();
    assert_eq!(with_backup.used, plain.used + backup.chars as u64);

    // The meter follows saves and deleted backups without re-reading storage.
    let mut edited = book.clone();
    edited.delete_group(
        edited.groups().keys().next().cloned().as_ref().unwrap(),
        at(6),
    );
    block_on(store.save(&edited, at(6))).unwrap();
    assert_eq!(store.usage().used, own(&kv.snapshot()) as u64);
    block_on(store.delete_backup(&backup.key)).unwrap();
    assert_eq!(store.usage().used, own(&kv.snapshot()) as u64);
}

#[test]
fn usage_levels_switch_at_60_and_85_percent() {
    let level = |percent_times_100: u64| {
        Usage::chars((Usage::BUDGET_CHARS * percent_times_100 / 10_000) as usize)
    };
    assert_eq!(Usage::chars(0).level(), UsageLevel::Fine);
    assert_eq!(level(5_999).level(), UsageLevel::Fine);
    assert_eq!(level(6_000).percent(), 60);
    assert_eq!(level(6_000).level(), UsageLevel::Warning);
    assert_eq!(level(8_499).level(), UsageLevel::Warning);
    assert_eq!(level(8_500).level(), UsageLevel::Critical);
    assert_eq!(level(15_000).level(), UsageLevel::Critical);
    assert_eq!(
        Usage::chars((Usage::BUDGET_CHARS * 60 / 100 - 1) as usize).level(),
        UsageLevel::Fine
    );
    // IndexedDB: bytes against the browser's quota, the same thresholds.
    let bytes = |used| Usage {
        used,
        budget: 2_000_000_000,
    };
    assert_eq!(bytes(1_199_999_999).level(), UsageLevel::Fine);
    assert_eq!(bytes(1_200_000_000).level(), UsageLevel::Warning);
    assert_eq!(bytes(1_700_000_000).level(), UsageLevel::Critical);
    assert_eq!(
        Usage { used: 5, budget: 0 }.percent(),
        500,
        "no quota reported: full"
    );
}

#[test]
fn device_state_is_kept_beside_the_book_and_never_read_as_part_of_it() {
    use kontaktnetz::domain::safety::{Device, ExportMark};
    use kontaktnetz::storage::store::DEVICE_KEY;
    let kv = saved_small_book();
    let (mut store, book) = open(kv.clone());
    assert_eq!(store.device(), Device::default(), "nothing stored yet");
    let device = Device {
        last_export: Some(ExportMark {
            at: at(2),
            revision: store.revision(),
        }),
        reminder_days: 3,
        ..Device::default()
    };
    block_on(store.set_device(&device)).unwrap();
    assert_eq!(store.device(), device, "this store knows it at once");
    let revision = store.revision();

    let (again, reopened) = open(kv.clone());
    assert_eq!(again.device(), device);
    assert_eq!(reopened, book, "the device key is not a record");
    assert_eq!(
        again.revision(),
        revision,
        "writing it is not a save of the book"
    );

    // An unreadable device entry is not the advisor's data: defaults, and the book still opens.
    let mut raw = kv.clone();
    raw.set(DEVICE_KEY, "{kaputt").unwrap();
    let (store, reopened) = open(kv);
    assert_eq!(store.device(), Device::default());
    assert_eq!(reopened, book);
}

//! The app state in context: the book signal, the store behind it, save status and messages.
//! The only writer to storage is the save effect, which reads the book and never changes it.

use super::browser;
use super::pwa::{self, PwaState};
use crate::domain::book::{Book, Problem};
use crate::domain::safety::{Device, ExportMark};
use crate::storage::local::LocalKv;
use crate::storage::migrate::MigrateError;
use crate::storage::store::META_KEY;
use crate::storage::{DecodeError, OpenError, RawDump, SaveError, Saved, Store, StoreError, Usage};
use crate::texts;
use leptos::prelude::*;

/// How the app came up.
#[derive(Clone, Debug)]
pub enum Boot {
    Ready,
    /// Stored data could not be read; it is kept as it is.
    Unreadable {
        message: String,
        raw: RawDump,
    },
    /// No storage at all: the app can still be looked at, nothing is kept.
    Unavailable(String),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveState {
    Saved,
    /// Not saved; a retry may work (e.g. after freeing space).
    Failed(String),
    /// Not saved because another tab's data cannot take this change; only a reload helps.
    Conflict(String),
}

#[derive(Clone, Debug)]
pub struct Toast {
    pub id: u64,
    pub message: String,
    /// The book before a delete, for "Rückgängig".
    pub undo: Option<Book>,
}

#[derive(Clone, Copy)]
pub struct App {
    pub book: RwSignal<Book>,
    pub boot: RwSignal<Boot>,
    pub save_state: RwSignal<SaveState>,
    pub usage: RwSignal<Option<Usage>>,
    /// This device's safety state: the last export, the reminder interval.
    pub device: RwSignal<Device>,
    /// The stored revision of the book, after every save (the backup reminder compares it).
    pub revision: RwSignal<u64>,
    /// Offline readiness, a waiting update, installation, persistent storage.
    pub pwa: RwSignal<PwaState>,
    pub toast: RwSignal<Option<Toast>>,
    /// Bumped when backups change, so lists re-read them.
    pub backups_changed: RwSignal<u64>,
    /// Milliseconds to open and parse the stored book, and of the last save (for benchmarks).
    pub load_ms: f64,
    pub save_ms: RwSignal<f64>,
    store: StoredValue<Option<Store<LocalKv>>, LocalStorage>,
}

pub fn use_app() -> App {
    expect_context::<App>()
}

impl App {
    /// Opens storage and the book; provides the state as context and starts the save effect.
    pub fn start() -> App {
        let started = js_sys::Date::now();
        let (boot, store, book) = match LocalKv::open() {
            Err(e) => (
                Boot::Unavailable(texts::store_error(&e)),
                None,
                Book::default(),
            ),
            Ok(kv) => match Store::open(kv, browser::tab_id(), browser::now()) {
                Ok((store, book)) => (Boot::Ready, Some(store), book),
                Err(OpenError::Unreadable { reason, raw }) => (
                    Boot::Unreadable {
                        message: texts::stored_data_error(&reason),
                        raw,
                    },
                    None,
                    Book::default(),
                ),
                Err(OpenError::Unavailable(e)) => (
                    Boot::Unavailable(texts::store_error(&e)),
                    None,
                    Book::default(),
                ),
            },
        };
        let device = store.as_ref().map(Store::device).unwrap_or_default();
        let revision = store.as_ref().map_or(0, Store::revision);
        let app = App {
            book: RwSignal::new(book),
            boot: RwSignal::new(boot),
            save_state: RwSignal::new(SaveState::Saved),
            usage: RwSignal::new(None),
            device: RwSignal::new(device),
            revision: RwSignal::new(revision),
            pwa: pwa::start(),
            toast: RwSignal::new(None),
            backups_changed: RwSignal::new(0),
            load_ms: js_sys::Date::now() - started,
            save_ms: RwSignal::new(0.0),
            store: StoredValue::new_local(store),
        };
        provide_context(app);
        app.save_effect();
        app.listen_to_other_tabs();
        app
    }

    fn save_effect(self) {
        Effect::new(move |_| {
            let started = js_sys::Date::now();
            let result = self.book.with(|book| {
                self.store.try_update_value(|store| {
                    store.as_mut().map(|s| {
                        let saved = s.save(book, browser::now());
                        (saved, s.usage(), s.revision())
                    })
                })
            });
            let Some(Some((saved, usage, revision))) = result else {
                return;
            };
            self.save_ms.set(js_sys::Date::now() - started);
            self.usage.set(Some(usage));
            self.revision.set(revision);
            match saved {
                Ok(Saved::Written) => self.save_state.set(SaveState::Saved),
                Ok(Saved::Merged { book, conflicts }) => {
                    self.save_state.set(SaveState::Saved);
                    self.notify(texts::merged_from_other_tab(conflicts));
                    // Show the combined book; done outside this effect, which only reads.
                    request_animation_frame(move || self.book.set(*book));
                }
                Err(e) => self.report(e),
            }
        });
    }

    fn listen_to_other_tabs(self) {
        let handle = window_event_listener(leptos::ev::storage, move |ev| {
            if ev.key().is_some_and(|k| k != META_KEY) {
                return;
            }
            let synced = self.book.with_untracked(|book| {
                self.store
                    .try_update_value(|s| s.as_mut().map(|s| s.sync(book)))
                    .flatten()
            });
            match synced {
                Some(Ok(Some((book, conflicts)))) => {
                    self.book.set(book);
                    self.notify(texts::merged_from_other_tab(conflicts));
                }
                Some(Err(e)) => self.report(e),
                _ => {}
            }
        });
        // The listener lives as long as the app.
        std::mem::forget(handle);
    }

    fn report(self, e: SaveError) {
        self.save_state.set(match e {
            SaveError::Store(e) => SaveState::Failed(texts::store_error(&e)),
            SaveError::Conflict(DecodeError::Schema(MigrateError::Newer { found })) => {
                SaveState::Conflict(texts::safety::newer_version_elsewhere(found))
            }
            SaveError::Conflict(e) => {
                SaveState::Conflict(texts::conflict(&texts::decode_error(&e)))
            }
        });
    }

    /// Applies a change that may be refused; the book is only touched when it succeeds.
    pub fn change<T>(self, f: impl FnOnce(&mut Book) -> Result<T, Problem>) -> Result<T, String> {
        let mut attempt = self.book.get_untracked();
        let value = f(&mut attempt).map_err(|p| texts::problem(&p))?;
        self.book.set(attempt);
        Ok(value)
    }

    /// Applies a delete and offers to undo it; `f` deletes and says what it removed.
    pub fn delete_with_undo(self, f: impl FnOnce(&mut Book) -> String) {
        let before = self.book.get_untracked();
        let mut message = String::new();
        self.book.update(|b| message = f(b));
        self.show(message, Some(before));
    }

    pub fn notify(self, message: String) {
        self.show(message, None);
    }

    fn show(self, message: String, undo: Option<Book>) {
        let id = browser::random_u64();
        self.toast.set(Some(Toast { id, message, undo }));
        set_timeout(
            move || {
                if self.toast.with_untracked(|t| t.as_ref().map(|t| t.id)) == Some(id) {
                    self.toast.set(None);
                }
            },
            std::time::Duration::from_secs(10),
        );
    }

    /// Runs something that needs the store (backups); `None` when there is no storage.
    /// The storage meter follows whatever it changed.
    pub fn with_store<T>(self, f: impl FnOnce(&mut Store<LocalKv>) -> T) -> Option<T> {
        let result = self
            .store
            .try_update_value(|s| s.as_mut().map(|s| (f(s), s.usage())))
            .flatten();
        result.map(|(value, usage)| {
            self.usage.set(Some(usage));
            value
        })
    }

    /// Changes this device's state and stores it; the state is only changed when stored.
    pub fn change_device(self, f: impl FnOnce(&mut Device)) -> Result<(), String> {
        let mut device = self.device.get_untracked();
        f(&mut device);
        match self.with_store(|s| s.set_device(&device)) {
            Some(Ok(())) => {
                self.device.set(device);
                Ok(())
            }
            Some(Err(e)) => Err(texts::store_error(&e)),
            None => Err(texts::store_error(&StoreError::Unavailable(
                "kein Speicher".into(),
            ))),
        }
    }

    /// Remembers that the book as stored at `revision` has just been exported.
    pub fn mark_exported(self, revision: u64) -> Result<(), String> {
        self.change_device(|d| {
            d.last_export = Some(ExportMark {
                at: browser::now(),
                revision,
            })
        })
    }

    /// Keeps a backup of the current book; refuses (with a message) if it cannot be written.
    pub fn backup_current(self, label: &str) -> Result<(), String> {
        let result = self
            .book
            .with_untracked(|book| self.with_store(|s| s.backup(label, book, browser::now())));
        self.backups_changed.update(|n| *n += 1);
        match result {
            Some(Ok(())) => Ok(()),
            Some(Err(e)) => Err(texts::backup_failed(&texts::store_error(&e))),
            None => Err(texts::store_error(&StoreError::Unavailable(
                "kein Speicher".into(),
            ))),
        }
    }

    /// Replaces the whole book after keeping a backup of the current one.
    pub fn replace_book(self, book: Book, label: &str) -> Result<(), String> {
        if !self.book.with_untracked(Book::is_empty) {
            self.backup_current(label)?;
        }
        self.book.set(book);
        Ok(())
    }
}

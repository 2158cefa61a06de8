//! The app state in context: the book signal, the store behind it, save status and messages.
//! The only writer to storage is the save effect, which reads the book and never changes it.

use super::browser;
use super::pwa::{self, PwaState};
use super::tabs;
use crate::domain::book::{Book, Problem};
use crate::domain::safety::{Device, ExportMark};
use crate::storage::browser::{self as browser_store, BrowserEngine, Failed};
use crate::storage::migrate::MigrateError;
use crate::storage::{
    DecodeError, EngineKind, OpenError, RawDump, SaveError, Saved, Store, StoreError, Usage,
};
use crate::texts;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// How the app came up.
#[derive(Clone, Debug)]
pub enum Boot {
    /// Storage is being opened (IndexedDB answers asynchronously).
    Opening,
    Ready,
    /// Stored data could not be read; it is kept as it is, on the engine it was found in.
    Unreadable {
        message: String,
        raw: RawDump,
        kind: EngineKind,
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
    /// Characters in use, where they are limited (the localStorage fallback).
    pub usage: RwSignal<Option<Usage>>,
    /// The engine holding the book, once open.
    pub engine: RwSignal<Option<EngineKind>>,
    /// This device's safety state: the last export, the reminder interval.
    pub device: RwSignal<Device>,
    /// The stored revision of the book, after every save (the backup reminder compares it).
    pub revision: RwSignal<u64>,
    /// Offline readiness, a waiting update, installation, persistent storage.
    pub pwa: RwSignal<PwaState>,
    pub toast: RwSignal<Option<Toast>>,
    /// Bumped when backups change, so lists re-read them.
    pub backups_changed: RwSignal<u64>,
    /// Milliseconds to open and decode the stored book, and the main-thread time of the last
    /// save (for benchmarks).
    pub load_ms: RwSignal<f64>,
    pub save_ms: RwSignal<f64>,
    /// Taken out while in use, under the save lock ([`tabs::lock`]), and put back after.
    store: StoredValue<Option<Store<BrowserEngine>>, LocalStorage>,
    /// A save is running (shown on the root as `data-saving`, so a test can wait for it);
    /// `again` asks it to save once more when done: edits made meanwhile are saved together.
    pub saving: RwSignal<bool>,
    again: StoredValue<bool>,
}

pub fn use_app() -> App {
    expect_context::<App>()
}

impl App {
    /// Provides the state as context and opens storage and the book in the background.
    pub fn start() -> App {
        let app = App {
            book: RwSignal::new(Book::default()),
            boot: RwSignal::new(Boot::Opening),
            save_state: RwSignal::new(SaveState::Saved),
            usage: RwSignal::new(None),
            engine: RwSignal::new(None),
            device: RwSignal::new(Device::default()),
            revision: RwSignal::new(0),
            pwa: pwa::start(),
            toast: RwSignal::new(None),
            backups_changed: RwSignal::new(0),
            load_ms: RwSignal::new(0.0),
            save_ms: RwSignal::new(0.0),
            store: StoredValue::new_local(None),
            saving: RwSignal::new(false),
            again: StoredValue::new(false),
        };
        provide_context(app);
        Effect::new(move |_| {
            app.book.track();
            app.request_save();
        });
        tabs::on_other_tab_saved(move || app.merge_other_tab());
        spawn_local(app.open());
        app
    }

    async fn open(self) {
        let started = browser::clock_ms();
        let _lock = tabs::lock().await;
        match browser_store::open(browser::tab_id(), browser::now()).await {
            Ok((store, book)) => {
                let device = store.device();
                self.engine.set(Some(store.kind()));
                self.usage.set(Some(store.usage()));
                self.revision.set(store.revision());
                self.store.set_value(Some(store));
                self.device.set(device);
                self.book.set(book);
                self.boot.set(Boot::Ready);
            }
            Err(Failed { error, kind }) => self.boot.set(match error {
                OpenError::Unreadable { reason, raw } => Boot::Unreadable {
                    message: texts::stored_data_error(&reason),
                    raw,
                    kind,
                },
                OpenError::Unavailable(e) => Boot::Unavailable(texts::store_error(&e)),
            }),
        }
        self.load_ms.set(browser::clock_ms() - started);
    }

    /// The store, for a step under the save lock; `None` without storage.
    fn take_store(self) -> Option<Store<BrowserEngine>> {
        self.store.try_update_value(Option::take).flatten()
    }

    /// Saves the book after any running save; edits made meanwhile are saved together.
    fn request_save(self) {
        if self.saving.get_untracked() {
            self.again.set_value(true);
            return;
        }
        self.saving.set(true);
        spawn_local(async move {
            loop {
                self.again.set_value(false);
                self.save_once().await;
                if !self.again.get_value() {
                    break;
                }
            }
            self.saving.set(false);
        });
    }

    async fn save_once(self) {
        let saved = self
            .with_store(async |store| {
                // Only the main thread's share is measured: the time inside the save's steps,
                // not the waits for the engine, during which the page stays responsive.
                let mut busy = 0.0;
                let started = browser::clock_ms();
                let book = self.book.get_untracked();
                busy += browser::clock_ms() - started;
                let saved = timed(store.save(&book, browser::now()), &mut busy).await;
                self.save_ms.set(busy);
                self.revision.set(store.revision());
                saved
            })
            .await;
        match saved {
            None => {}
            Some(Ok(Saved::Written)) => {
                self.save_state.set(SaveState::Saved);
                tabs::announce();
                pwa::refresh_storage(self.pwa, false);
            }
            Some(Ok(Saved::Merged { book, conflicts })) => {
                self.save_state.set(SaveState::Saved);
                tabs::announce();
                self.notify(texts::merged_from_other_tab(conflicts));
                self.book.set(*book);
            }
            Some(Err(e)) => self.report(e),
        }
    }

    /// Another tab saved: bring its changes in, keeping ours on top.
    fn merge_other_tab(self) {
        spawn_local(async move {
            let synced = self.with_store(async |store| {
                // Read under the lock: an edit made while waiting for it is kept on top.
                let book = self.book.get_untracked();
                let synced = store.sync(&book).await;
                self.revision.set(store.revision());
                synced
            });
            match synced.await {
                Some(Ok(Some((book, conflicts)))) => {
                    self.book.set(book);
                    self.notify(texts::merged_from_other_tab(conflicts));
                }
                Some(Err(e)) => self.report(e),
                _ => {}
            }
        });
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

    /// Applies a change that is hard to take back by hand (a customer blocked, a consent
    /// withdrawn) and offers to undo it; `message` says what happened.
    pub fn change_with_undo(
        self,
        f: impl FnOnce(&mut Book) -> Result<(), Problem>,
        message: String,
    ) -> Result<(), String> {
        let before = self.book.get_untracked();
        self.change(f)?;
        self.show(message, Some(before));
        Ok(())
    }

    pub fn notify(self, message: String) {
        self.show(message, None);
    }

    /// Offers `text` as a file to save; a download the browser refuses is said. True when
    /// the download started.
    pub fn download(self, name: &str, mime: &str, text: &str) -> bool {
        let started = browser::download(name, mime, text).is_ok();
        if !started {
            self.notify(texts::DOWNLOAD_FAILED.into());
        }
        started
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

    /// Runs storage work (saves, merges, backups, device state) after any running step,
    /// holding the save lock; `None` when there is no storage. The storage meter follows
    /// what it changed.
    pub async fn with_store<T>(
        self,
        f: impl AsyncFnOnce(&mut Store<BrowserEngine>) -> T,
    ) -> Option<T> {
        let _lock = tabs::lock().await;
        let mut store = self.take_store()?;
        let value = f(&mut store).await;
        self.usage.set(Some(store.usage()));
        self.store.set_value(Some(store));
        Some(value)
    }

    /// Changes this device's state and stores it; the state is only changed when stored.
    pub async fn change_device(self, f: impl FnOnce(&mut Device)) -> Result<(), String> {
        let mut device = self.device.get_untracked();
        f(&mut device);
        match self.with_store(async |s| s.set_device(&device).await).await {
            Some(Ok(())) => {
                self.device.set(device);
                Ok(())
            }
            Some(Err(e)) => Err(texts::store_error(&e)),
            None => Err(no_storage()),
        }
    }

    /// Remembers that the book as stored at `revision` has just been exported.
    pub async fn mark_exported(self, revision: u64) -> Result<(), String> {
        self.change_device(|d| {
            d.last_export = Some(ExportMark {
                at: browser::now(),
                revision,
            })
        })
        .await
    }

    /// Keeps a backup of the current book; refuses (with a message) if it cannot be written.
    pub async fn backup_current(self, label: &str) -> Result<(), String> {
        let book = self.book.get_untracked();
        let result = self
            .with_store(async |s| s.backup(label, &book, browser::now()).await)
            .await;
        self.backups_changed.update(|n| *n += 1);
        match result {
            Some(Ok(())) => Ok(()),
            Some(Err(e)) => Err(texts::backup_failed(&texts::store_error(&e))),
            None => Err(no_storage()),
        }
    }

    /// Replaces the whole book after keeping a backup of the current one.
    pub async fn replace_book(self, book: Book, label: &str) -> Result<(), String> {
        if !self.book.with_untracked(Book::is_empty) {
            self.backup_current(label).await?;
        }
        self.book.set(book);
        Ok(())
    }
}

fn no_storage() -> String {
    texts::store_error(&StoreError::Unavailable("kein Speicher".into()))
}

/// Runs `future`, adding the milliseconds spent inside its steps to `busy`.
async fn timed<F: std::future::Future>(future: F, busy: &mut f64) -> F::Output {
    let mut future = std::pin::pin!(future);
    std::future::poll_fn(|cx| {
        let started = browser::clock_ms();
        let poll = future.as_mut().poll(cx);
        *busy += browser::clock_ms() - started;
        poll
    })
    .await
}

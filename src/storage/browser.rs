//! The engines of the browser behind one type, and how the app picks one at start: IndexedDB
//! when it opens (moving over what an earlier version kept in localStorage), otherwise the
//! smaller localStorage, which the advisor is told about.

use super::engine::{Commit, Engine, EngineKind, Expect, Journaled, Write};
use super::indexed::IndexedDb;
use super::kv::StoreError;
use super::local::LocalKv;
use super::moving::move_book;
use super::store::{OpenError, RawDump, Store};
use crate::domain::book::Book;
use crate::domain::model::Timestamp;
use std::future::Future;
use std::pin::Pin;

pub enum BrowserEngine {
    Indexed(IndexedDb),
    Local(Journaled<LocalKv>),
}

impl BrowserEngine {
    fn local() -> Result<Journaled<LocalKv>, StoreError> {
        Journaled::new(LocalKv::open()?)
    }

    /// The engine of this kind, for setting aside data it could not read.
    pub async fn of_kind(kind: EngineKind) -> Result<Self, StoreError> {
        Ok(match kind {
            EngineKind::IndexedDb => Self::Indexed(IndexedDb::open().await?),
            EngineKind::LocalStorage => Self::Local(Self::local()?),
        })
    }
}

/// A future behind a pointer: each engine's steps exist once in the bundle instead of being
/// copied into every caller's state machine.
type Boxed<'a, T> = Pin<Box<dyn Future<Output = Result<T, StoreError>> + 'a>>;

impl Engine for BrowserEngine {
    fn kind(&self) -> EngineKind {
        match self {
            Self::Indexed(e) => e.kind(),
            Self::Local(e) => e.kind(),
        }
    }

    fn read_all(&self, prefix: &str) -> impl Future<Output = Result<RawDump, StoreError>> {
        let prefix = prefix.to_owned();
        let future: Boxed<'_, RawDump> = match self {
            Self::Indexed(e) => Box::pin(async move { e.read_all(&prefix).await }),
            Self::Local(e) => Box::pin(async move { e.read_all(&prefix).await }),
        };
        future
    }

    fn read(&self, key: &str) -> impl Future<Output = Result<Option<String>, StoreError>> {
        let key = key.to_owned();
        let future: Boxed<'_, Option<String>> = match self {
            Self::Indexed(e) => Box::pin(async move { e.read(&key).await }),
            Self::Local(e) => Box::pin(async move { e.read(&key).await }),
        };
        future
    }

    fn commit(
        &mut self,
        writes: Vec<Write>,
        expect: Expect,
    ) -> impl Future<Output = Result<Commit, StoreError>> {
        let future: Boxed<'_, Commit> = match self {
            Self::Indexed(e) => Box::pin(e.commit(writes, expect)),
            Self::Local(e) => Box::pin(e.commit(writes, expect)),
        };
        future
    }
}

/// Why opening failed, and on which engine (unreadable data is set aside where it lies).
pub struct Failed {
    pub error: OpenError,
    pub kind: EngineKind,
}

/// Opens the book on the best engine this browser offers.
pub async fn open(writer: String, now: Timestamp) -> Result<(Store<BrowserEngine>, Book), Failed> {
    // Both engines behind the one type: the move's steps exist once in the bundle.
    let engine = match IndexedDb::open().await {
        Ok(indexed) => {
            let mut indexed = BrowserEngine::Indexed(indexed);
            // localStorage may be blocked too; then there is nothing to move.
            match BrowserEngine::local() {
                Ok(local) => {
                    let mut local = BrowserEngine::Local(local);
                    match move_book(&mut local, &mut indexed, &writer, now).await {
                        Ok(_) => indexed,
                        Err(error @ OpenError::Unreadable { .. }) => {
                            return Err(Failed {
                                error,
                                kind: EngineKind::LocalStorage,
                            })
                        }
                        // IndexedDB took nothing: the book stays where it is, and is used there.
                        Err(OpenError::Unavailable(_)) => local,
                    }
                }
                Err(_) => indexed,
            }
        }
        Err(_) => match BrowserEngine::local() {
            Ok(local) => BrowserEngine::Local(local),
            Err(e) => {
                return Err(Failed {
                    error: OpenError::Unavailable(e),
                    kind: EngineKind::LocalStorage,
                })
            }
        },
    };
    let kind = engine.kind();
    Store::open(engine, writer, now)
        .await
        .map_err(|error| Failed { error, kind })
}

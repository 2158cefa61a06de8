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

impl Engine for BrowserEngine {
    fn kind(&self) -> EngineKind {
        match self {
            Self::Indexed(e) => e.kind(),
            Self::Local(e) => e.kind(),
        }
    }

    async fn read_all(&self, prefix: &str) -> Result<RawDump, StoreError> {
        match self {
            Self::Indexed(e) => e.read_all(prefix).await,
            Self::Local(e) => e.read_all(prefix).await,
        }
    }

    async fn read(&self, key: &str) -> Result<Option<String>, StoreError> {
        match self {
            Self::Indexed(e) => e.read(key).await,
            Self::Local(e) => e.read(key).await,
        }
    }

    async fn commit(&mut self, writes: Vec<Write>, expect: Expect) -> Result<Commit, StoreError> {
        match self {
            Self::Indexed(e) => e.commit(writes, expect).await,
            Self::Local(e) => e.commit(writes, expect).await,
        }
    }
}

/// Why opening failed, and on which engine (unreadable data is set aside where it lies).
pub struct Failed {
    pub error: OpenError,
    pub kind: EngineKind,
}

/// Opens the book on the best engine this browser offers.
pub async fn open(writer: String, now: Timestamp) -> Result<(Store<BrowserEngine>, Book), Failed> {
    let engine = match IndexedDb::open().await {
        Ok(mut indexed) => {
            // localStorage may be blocked too; then there is nothing to move.
            match BrowserEngine::local() {
                Ok(mut local) => match move_book(&mut local, &mut indexed, &writer, now).await {
                    Ok(_) => BrowserEngine::Indexed(indexed),
                    Err(error @ OpenError::Unreadable { .. }) => {
                        return Err(Failed {
                            error,
                            kind: EngineKind::LocalStorage,
                        })
                    }
                    // IndexedDB took nothing: the book stays where it is, and is used there.
                    Err(OpenError::Unavailable(_)) => BrowserEngine::Local(local),
                },
                Err(_) => BrowserEngine::Indexed(indexed),
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

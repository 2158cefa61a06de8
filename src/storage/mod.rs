//! The one door to the browser's storage: versioned, migrated, backed up, never overwritten
//! when unreadable. The logic is generic over [`kv::KeyValue`] so it runs natively in tests.

pub mod file;
pub mod kv;
pub mod layout;
#[cfg(target_arch = "wasm32")]
pub mod local;
pub mod migrate;
pub mod store;

pub use file::{export, parse_import, DecodeError, MAX_IMPORT_BYTES};
pub use kv::{KeyValue, MemoryStore, StoreError};
pub use store::{BackupInfo, OpenError, RawDump, SaveError, Saved, Store, Usage, UsageLevel};

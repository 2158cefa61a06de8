//! The one door to the browser's storage: versioned, migrated, backed up, never overwritten
//! when unreadable, and every change one atomic commit. The logic is generic over
//! [`engine::Engine`] so it runs natively in tests.

pub mod backups;
#[cfg(target_arch = "wasm32")]
pub mod browser;
pub mod codec;
pub mod compress;
pub mod device;
pub mod engine;
pub mod envelope;
pub mod file;
#[cfg(target_arch = "wasm32")]
pub mod indexed;
pub mod kv;
pub mod layout;
#[cfg(target_arch = "wasm32")]
pub mod local;
pub mod migrate;
pub mod moving;
pub mod store;

/// Serialises a value that cannot fail to serialise (our own plain data types).
/// Matching instead of `expect` keeps serde_json's error formatting out of the bundle.
pub fn to_json<T: serde::Serialize + ?Sized>(value: &T) -> String {
    match serde_json::to_string(value) {
        Ok(text) => text,
        Err(_) => unreachable!("plain data always serialises"),
    }
}

pub use backups::BackupInfo;
pub use engine::{Engine, EngineKind};
pub use file::{
    export, export_data, parse_import, read_import, Contents, DecodeError, Import, Scope,
    MAX_IMPORT_BYTES,
};
pub use kv::{KeyValue, MemoryStore, StoreError};
pub use store::{OpenError, RawDump, SaveError, Saved, Store, Usage, UsageLevel};

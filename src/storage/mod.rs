//! The one door to the browser's storage: versioned, migrated, backed up, never overwritten
//! when unreadable. The logic is generic over [`kv::KeyValue`] so it runs natively in tests.

pub mod device;
pub mod file;
pub mod kv;
pub mod layout;
#[cfg(target_arch = "wasm32")]
pub mod local;
pub mod migrate;
pub mod store;

/// Serialises a value that cannot fail to serialise (our own plain data types).
/// Matching instead of `expect` keeps serde_json's error formatting out of the bundle.
pub fn to_json<T: serde::Serialize + ?Sized>(value: &T) -> String {
    match serde_json::to_string(value) {
        Ok(text) => text,
        Err(_) => unreachable!("plain data always serialises"),
    }
}

pub use file::{export, parse_import, DecodeError, MAX_IMPORT_BYTES};
pub use kv::{KeyValue, MemoryStore, StoreError};
pub use store::{BackupInfo, OpenError, RawDump, SaveError, Saved, Store, Usage, UsageLevel};

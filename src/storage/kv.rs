//! The plain key-value interface of localStorage (in the browser) and of a shared in-memory
//! map with an optional quota (in native tests). It has no transactions: [`super::engine`]
//! builds atomic commits on top of it.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoreError {
    /// The browser refused the write: storage is full.
    Quota,
    /// Storage cannot be used at all (blocked, private mode, disabled).
    Unavailable(String),
    /// Any other failure, with the browser's own words.
    Other(String),
}

pub trait KeyValue {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError>;
    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError>;
    fn remove(&mut self, key: &str) -> Result<(), StoreError>;
    fn keys(&self) -> Result<Vec<String>, StoreError>;
}

/// Size as browsers count it: UTF-16 code units of key plus value.
pub fn entry_chars(key: &str, value: &str) -> usize {
    utf16_len(key) + utf16_len(value)
}

/// Stored chunks are ASCII, where the count is the length: no walk over megabytes of text.
fn utf16_len(text: &str) -> usize {
    if text.is_ascii() {
        text.len()
    } else {
        text.encode_utf16().count()
    }
}

/// An in-memory store. Clones share the same map, like two tabs share localStorage.
#[derive(Clone, Debug, Default)]
pub struct MemoryStore {
    map: Rc<RefCell<BTreeMap<String, String>>>,
    quota: Option<usize>,
}

impl MemoryStore {
    pub fn new() -> Self {
        Self::default()
    }

    /// A store that refuses writes beyond `chars` UTF-16 units in total, as browsers do.
    pub fn with_quota(chars: usize) -> Self {
        Self {
            quota: Some(chars),
            ..Self::default()
        }
    }

    pub fn snapshot(&self) -> BTreeMap<String, String> {
        self.map.borrow().clone()
    }

    /// Changes the limit of this handle only (as a tab with other room would see it).
    pub fn set_quota(&mut self, chars: Option<usize>) {
        self.quota = chars;
    }

    pub fn quota(&self) -> Option<usize> {
        self.quota
    }

    /// Swaps in a whole new state at once, as one committed transaction does.
    pub fn replace_all(&mut self, entries: BTreeMap<String, String>) {
        *self.map.borrow_mut() = entries;
    }
}

impl KeyValue for MemoryStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        Ok(self.map.borrow().get(key).cloned())
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        let mut map = self.map.borrow_mut();
        if let Some(quota) = self.quota {
            let others: usize = map
                .iter()
                .filter(|(k, _)| k.as_str() != key)
                .map(|(k, v)| entry_chars(k, v))
                .sum();
            if others + entry_chars(key, value) > quota {
                return Err(StoreError::Quota);
            }
        }
        map.insert(key.to_owned(), value.to_owned());
        Ok(())
    }

    fn remove(&mut self, key: &str) -> Result<(), StoreError> {
        self.map.borrow_mut().remove(key);
        Ok(())
    }

    fn keys(&self) -> Result<Vec<String>, StoreError> {
        Ok(self.map.borrow().keys().cloned().collect())
    }
}

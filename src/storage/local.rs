//! localStorage through web-sys. Used directly rather than through gloo-storage, because the
//! store needs key listing, the browser's exact quota error, and no panic when storage is
//! blocked (gloo's `raw()` panics there).

use super::kv::{KeyValue, StoreError};
use wasm_bindgen::{JsCast, JsValue};

pub struct LocalKv {
    storage: web_sys::Storage,
}

impl LocalKv {
    pub fn open() -> Result<Self, StoreError> {
        let window =
            web_sys::window().ok_or_else(|| StoreError::Unavailable("kein Fenster".into()))?;
        match window.local_storage() {
            Ok(Some(storage)) => Ok(Self { storage }),
            Ok(None) => Err(StoreError::Unavailable("localStorage fehlt".into())),
            Err(e) => Err(StoreError::Unavailable(describe(&e))),
        }
    }
}

pub fn describe(e: &JsValue) -> String {
    e.dyn_ref::<web_sys::DomException>()
        .map(|d| format!("{}: {}", d.name(), d.message()))
        .or_else(|| e.dyn_ref::<js_sys::Error>().map(|e| e.message().into()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "unbekannter Fehler".into())
}

/// Chromium and Safari say `QuotaExceededError`, Firefox `NS_ERROR_DOM_QUOTA_REACHED`,
/// old WebKit only code 22.
pub fn classify(e: JsValue) -> StoreError {
    if let Some(d) = e.dyn_ref::<web_sys::DomException>() {
        if d.name() == "QuotaExceededError"
            || d.name() == "NS_ERROR_DOM_QUOTA_REACHED"
            || d.code() == 22
        {
            return StoreError::Quota;
        }
    }
    StoreError::Other(describe(&e))
}

impl KeyValue for LocalKv {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.storage.get_item(key).map_err(classify)
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        self.storage.set_item(key, value).map_err(classify)
    }

    fn remove(&mut self, key: &str) -> Result<(), StoreError> {
        self.storage.remove_item(key).map_err(classify)
    }

    fn keys(&self) -> Result<Vec<String>, StoreError> {
        let n = self.storage.length().map_err(classify)?;
        let mut out = Vec::with_capacity(n as usize);
        for i in 0..n {
            if let Some(k) = self.storage.key(i).map_err(classify)? {
                out.push(k);
            }
        }
        Ok(out)
    }
}

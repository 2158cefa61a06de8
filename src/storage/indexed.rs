//! The IndexedDB engine: the primary store in the browser. The few calls it needs live in a
//! small JavaScript module beside this file; web-sys' IndexedDB bindings would need a closure
//! per request and cost more in the bundle.

use super::engine::{Commit, Engine, EngineKind, Expect, Write};
use super::kv::StoreError;
use super::local::classify;
use super::store::RawDump;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/src/storage/indexed.js")]
extern "C" {
    #[wasm_bindgen(catch, js_name = open)]
    async fn js_open(name: &str, wait_ms: u32) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch, js_name = readAll)]
    async fn js_read_all(db: &JsValue, prefix: &str) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch, js_name = read)]
    async fn js_read(db: &JsValue, key: &str) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch, js_name = commit)]
    async fn js_commit(
        db: &JsValue,
        writes: js_sys::Array,
        check: bool,
        expected: Option<String>,
    ) -> Result<JsValue, JsValue>;
}

/// The database's name; one per origin, like localStorage.
pub const DATABASE: &str = "kontaktnetz";
/// How long opening may take before the app falls back to localStorage.
const OPEN_WAIT_MS: u32 = 8_000;

pub struct IndexedDb {
    db: JsValue,
}

impl IndexedDb {
    pub async fn open() -> Result<Self, StoreError> {
        match js_open(DATABASE, OPEN_WAIT_MS).await {
            Ok(db) => Ok(Self { db }),
            Err(e) => Err(StoreError::Unavailable(super::local::describe(&e))),
        }
    }
}

impl Engine for IndexedDb {
    fn kind(&self) -> EngineKind {
        EngineKind::IndexedDb
    }

    async fn read_all(&self, prefix: &str) -> Result<RawDump, StoreError> {
        let flat: js_sys::Array = js_read_all(&self.db, prefix)
            .await
            .map_err(classify)?
            .unchecked_into();
        let mut out = RawDump::new();
        let mut items = flat.iter();
        while let (Some(k), Some(v)) = (items.next(), items.next()) {
            if let (Some(k), Some(v)) = (k.as_string(), v.as_string()) {
                out.insert(k, v);
            }
        }
        Ok(out)
    }

    async fn read(&self, key: &str) -> Result<Option<String>, StoreError> {
        Ok(js_read(&self.db, key).await.map_err(classify)?.as_string())
    }

    async fn commit(&mut self, writes: Vec<Write>, expect: Expect) -> Result<Commit, StoreError> {
        let flat = js_sys::Array::new();
        for (key, value) in writes {
            flat.push(&JsValue::from(key));
            flat.push(&value.map_or(JsValue::NULL, JsValue::from));
        }
        let (check, expected) = match expect {
            Expect::Anything => (false, None),
            Expect::Meta(meta) => (true, meta),
        };
        let done = js_commit(&self.db, flat, check, expected)
            .await
            .map_err(classify)?;
        Ok(if done.is_truthy() {
            Commit::Done
        } else {
            Commit::Stale
        })
    }
}

//! The advisor's backup folder (File System Access API, Chromium on the desktop), through
//! `pwa/folder.js`, which keeps the folder's handle in IndexedDB.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/pwa/folder.js")]
extern "C" {
    fn supported() -> bool;
    #[wasm_bindgen(catch)]
    async fn choose() -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch)]
    async fn current() -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch)]
    async fn allow() -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch)]
    async fn forget() -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch)]
    async fn write(name: &str, text: &str, keep: u32) -> Result<JsValue, JsValue>;
}

/// The chosen folder: its name, and whether the browser lets us write there right now.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Folder {
    pub name: String,
    pub granted: bool,
}

/// The browser's words for a failure ("AbortError: The user aborted a request.").
fn describe(e: JsValue) -> String {
    let get = |k: &str| {
        js_sys::Reflect::get(&e, &JsValue::from_str(k))
            .ok()
            .and_then(|v| v.as_string())
    };
    match (get("name"), get("message")) {
        (Some(n), Some(m)) => format!("{n}: {m}"),
        _ => e.as_string().unwrap_or_else(|| "unbekannter Fehler".into()),
    }
}

/// Did the advisor close the picker without choosing?
pub fn cancelled(message: &str) -> bool {
    message.starts_with("AbortError")
}

pub fn is_supported() -> bool {
    supported()
}

pub async fn pick() -> Result<(), String> {
    choose().await.map(|_| ()).map_err(describe)
}

pub async fn chosen() -> Result<Option<Folder>, String> {
    let value = current().await.map_err(describe)?;
    if value.is_null() || value.is_undefined() {
        return Ok(None);
    }
    let get = |k: &str| js_sys::Reflect::get(&value, &JsValue::from_str(k)).unwrap_or_default();
    Ok(Some(Folder {
        name: get("name").as_string().unwrap_or_default(),
        granted: get("granted").is_truthy(),
    }))
}

/// Asks for write access again; whether it was given shows in [`chosen`].
pub async fn ask_access() -> Result<(), String> {
    allow().await.map(|_| ()).map_err(describe)
}

pub async fn stop_using() -> Result<(), String> {
    forget().await.map(|_| ()).map_err(describe)
}

pub async fn save(name: &str, text: &str, keep: u32) -> Result<(), String> {
    write(name, text, keep).await.map(|_| ()).map_err(describe)
}

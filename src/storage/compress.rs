//! Compressing what is stored: each text becomes raw DEFLATE in base64, tagged (see
//! [`layout`]). In the browser the native `CompressionStream` does the work, off the wasm
//! bundle; a browser without it stores the text plain, which reads back the same. Natively
//! (in tests) miniz_oxide does it. Opening inflates with the browser's `DecompressionStream`
//! where it can and with miniz_oxide otherwise, so data written either way opens anywhere.

#[cfg(target_arch = "wasm32")]
use super::codec::data_chunk;
use super::store::RawDump;

#[cfg(not(target_arch = "wasm32"))]
pub async fn deflate_all(texts: Vec<String>) -> Vec<String> {
    texts
        .iter()
        .map(|t| super::layout::deflate_text(t))
        .collect()
}

#[cfg(target_arch = "wasm32")]
use wasm_bindgen::prelude::*;

#[cfg(target_arch = "wasm32")]
#[wasm_bindgen(module = "/src/storage/compress.js")]
extern "C" {
    #[wasm_bindgen(js_name = deflateAll)]
    async fn js_deflate_all(texts: Vec<String>) -> JsValue;
    #[wasm_bindgen(js_name = inflateAll)]
    async fn js_inflate_all(values: Vec<String>) -> JsValue;
}

/// The stored entries with their compressed data chunks already inflated (as plain "p1:"
/// values), by the browser's own decompressor: opening a large book is mostly inflating.
/// What it cannot read stays as stored, for the app's own reader to name the damage.
#[cfg(target_arch = "wasm32")]
pub async fn inflate_chunks(raw: &RawDump) -> RawDump {
    let keys: Vec<&String> = raw
        .iter()
        .filter(|(k, v)| data_chunk(k).is_some() && v.starts_with("z1:"))
        .map(|(k, _)| k)
        .collect();
    let values = keys.iter().map(|k| raw[*k].clone()).collect();
    let mut out = raw.clone();
    let texts = js_inflate_all(values).await;
    if let Some(texts) = texts.dyn_ref::<js_sys::Array>() {
        for (key, text) in keys.into_iter().zip(texts.iter()) {
            if let Some(text) = text.as_string() {
                out.insert(key.clone(), super::layout::plain(&text));
            }
        }
    }
    out
}

/// Natively miniz_oxide inflates while the records are read.
#[cfg(not(target_arch = "wasm32"))]
pub async fn inflate_chunks(raw: &RawDump) -> RawDump {
    raw.clone()
}

#[cfg(target_arch = "wasm32")]
pub async fn deflate_all(texts: Vec<String>) -> Vec<String> {
    use super::layout::{deflated, plain};

    let packed = js_deflate_all(texts.clone()).await;
    if packed.is_null() || packed.is_undefined() {
        return texts.iter().map(|t| plain(t)).collect();
    }
    let packed: js_sys::Array = packed.unchecked_into();
    texts
        .iter()
        .zip(packed.iter())
        .map(
            |(text, bytes)| match bytes.dyn_into::<js_sys::Uint8Array>() {
                Ok(bytes) => deflated(&bytes.to_vec()),
                Err(_) => plain(text),
            },
        )
        .collect()
}

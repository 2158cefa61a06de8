//! Compressing what is stored: each text becomes raw DEFLATE in base64, tagged (see
//! [`layout`]). In the browser the native `CompressionStream` does the work, off the wasm
//! bundle; a browser without it stores the text plain, which reads back the same. Natively
//! (in tests) miniz_oxide does it. Reading stays with miniz_oxide everywhere, so data written
//! either way opens anywhere. (Inflating with the browser's `DecompressionStream` was tried and
//! measured: opening got slower, 106 → 272 ms for the advisor book, with a stream per chunk.)

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

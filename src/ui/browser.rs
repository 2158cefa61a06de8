//! The few browser facts the views need: the clock, randomness, files, dialogs.

use chrono::{DateTime, FixedOffset, NaiveDate, Utc};
use wasm_bindgen::{JsCast, JsValue};

pub fn now() -> DateTime<Utc> {
    DateTime::from_timestamp_millis(js_sys::Date::now() as i64).unwrap_or_default()
}

/// The device's offset from UTC right now.
pub fn local_offset() -> FixedOffset {
    let minutes = -(js_sys::Date::new_0().get_timezone_offset() as i32);
    FixedOffset::east_opt(minutes * 60)
        .unwrap_or_else(|| FixedOffset::east_opt(0).expect("zero offset"))
}

/// The device's wall-clock time, to the minute: when a contact happens.
pub fn local_now() -> chrono::NaiveDateTime {
    let t = now().with_timezone(&local_offset()).naive_local();
    t.date()
        .and_hms_opt(chrono::Timelike::hour(&t), chrono::Timelike::minute(&t), 0)
        .unwrap_or(t)
}

/// A monotonic clock in milliseconds, finer than `Date`: for the figures benchmarks read.
pub fn clock_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or_else(js_sys::Date::now, |p| p.now())
}

pub fn today() -> NaiveDate {
    now().with_timezone(&local_offset()).date_naive()
}

/// Entropy for new ids: two draws of `Math.random` and the clock.
pub fn random_u64() -> u64 {
    let hi = (js_sys::Math::random() * 4_294_967_296.0) as u64;
    let lo = (js_sys::Math::random() * 4_294_967_296.0) as u64;
    ((hi << 32) | lo) ^ (js_sys::Date::now() as u64).rotate_left(17)
}

pub fn navigate(href: &str) {
    if let Some(w) = web_sys::window() {
        let _ = w.location().set_hash(href.trim_start_matches('#'));
    }
}

/// Replaces the hash without a navigation (no `hashchange`, no history entry): keeps view
/// state such as search filters in the address, so a reload or bookmark restores it.
pub fn replace_hash(href: &str) {
    let Some(w) = web_sys::window() else { return };
    let location = w.location();
    let base = format!(
        "{}{}",
        location.pathname().unwrap_or_default(),
        location.search().unwrap_or_default()
    );
    if let Ok(history) = w.history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&format!("{base}{href}")));
    }
}

pub fn current_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

pub fn reload() {
    if let Some(w) = web_sys::window() {
        let _ = w.location().reload();
    }
}

pub fn confirm(message: &str) -> bool {
    web_sys::window()
        .and_then(|w| w.confirm_with_message(message).ok())
        .unwrap_or(false)
}

/// Offers `text` as a file download.
pub fn download(filename: &str, mime: &str, text: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("kein Dokument")?;
    let a: web_sys::HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    a.set_href(&url);
    a.set_download(filename);
    a.click();
    web_sys::Url::revoke_object_url(&url)?;
    Ok(())
}

/// Opens the browser's print dialog; the print stylesheet lays the page out for A4.
pub fn print() {
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}

/// Reads a picked file as text.
pub async fn read_text(file: &web_sys::File) -> Result<String, JsValue> {
    let text = wasm_bindgen_futures::JsFuture::from(file.text()).await?;
    text.as_string()
        .ok_or_else(|| JsValue::from_str("kein Text"))
}

/// The file just picked in a file input (`ev` is its change event). The input is emptied,
/// so that picking the same file again after a fix is a change too.
pub fn picked_file(ev: &web_sys::Event) -> Option<web_sys::File> {
    let input = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())?;
    let file = input.files().and_then(|f| f.get(0));
    input.set_value("");
    file
}

/// A picked file's bytes, for files whose encoding is not known in advance.
pub async fn read_bytes(file: &web_sys::File) -> Result<Vec<u8>, JsValue> {
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// A per-tab id, so the meta key says which tab wrote last.
pub fn tab_id() -> String {
    format!("tab-{:x}", random_u64())
}

/// `n` bytes from the browser's cryptographic generator (also on plain http).
pub fn random_bytes(n: usize) -> Result<Vec<u8>, JsValue> {
    let mut bytes = vec![0u8; n];
    web_sys::window()
        .ok_or_else(|| JsValue::from_str("kein Fenster"))?
        .crypto()?
        .get_random_values_with_u8_array(&mut bytes)?;
    Ok(bytes)
}

/// Lets the browser paint and handle input before long work goes on.
pub async fn next_frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback(&resolve);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Text in Unicode normal form C: a passphrase typed on one device ("ü") and pasted from
/// another ("u" + combining diaeresis) gives the same key.
pub fn nfc(text: &str) -> String {
    js_sys::JsString::from(text)
        .normalize("NFC")
        .as_string()
        .unwrap_or_else(|| text.to_owned())
}

//! The offline web app as the page sees it: what `pwa/register.js` reports about the service
//! worker, whether the app runs installed, and what the browser promises about its storage.
//! Every browser feature here is optional (WebKitGTK has no `navigator.storage`, plain http has
//! no service worker), so each is looked up before it is used.
//!
//! All of it is one plain value in one signal, read with `get`: every further signal type or
//! reading closure would cost bundle size.

use js_sys::{Function, Promise, Reflect};
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

#[derive(Clone, Debug, PartialEq)]
pub enum Offline {
    Starting,
    Ready,
    /// Served over plain http: browsers offer service workers only to https and localhost.
    Insecure,
    Unsupported,
    Failed(String),
}

#[derive(Clone, Debug, PartialEq)]
pub struct PwaState {
    pub offline: Offline,
    /// A new version is installed and waits for "Jetzt neu laden".
    pub update: bool,
    pub installed: bool,
    /// iPad or iPhone (iPadOS presents itself as a Mac with a touch screen).
    pub ios: bool,
    pub persisted: Option<bool>,
    /// Bytes used and the quota, from `navigator.storage.estimate()`.
    pub estimate: Option<(f64, f64)>,
}

fn get(target: &JsValue, name: &str) -> JsValue {
    Reflect::get(target, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
}

/// Calls `target[name](arg?)` if it is a function.
fn call(target: &JsValue, name: &str, arg: Option<&JsValue>) -> Option<JsValue> {
    let f = get(target, name).dyn_into::<Function>().ok()?;
    match arg {
        Some(a) => f.call1(target, a),
        None => f.call0(target),
    }
    .ok()
}

/// Awaits `navigator.storage[name]()`, if the browser has it.
async fn storage_call(name: &str) -> Option<JsValue> {
    let storage = get(&get(&window(), "navigator"), "storage");
    let promise = call(&storage, name, None)?.dyn_into::<Promise>().ok()?;
    JsFuture::from(promise).await.ok()
}

fn registration() -> JsValue {
    get(&window(), "kontaktnetzPwa")
}

fn standalone() -> bool {
    let query = JsValue::from_str("(display-mode: standalone)");
    let media = call(&window(), "matchMedia", Some(&query)).unwrap_or(JsValue::UNDEFINED);
    get(&media, "matches").is_truthy()
        || get(&get(&window(), "navigator"), "standalone").is_truthy()
}

fn apple_touch() -> bool {
    let navigator = get(&window(), "navigator");
    let agent = get(&navigator, "userAgent").as_string().unwrap_or_default();
    let touch = get(&navigator, "maxTouchPoints").as_f64().unwrap_or(0.0) > 1.0;
    ["iPad", "iPhone", "iPod"].iter().any(|d| agent.contains(d))
        || (agent.contains("Macintosh") && touch)
}

/// What the registration script has found so far.
fn read_registration(state: &mut PwaState) {
    let reg = registration();
    state.offline = match get(&reg, "offline").as_string().as_deref() {
        Some("ready") => Offline::Ready,
        Some("insecure") => Offline::Insecure,
        Some("failed") => Offline::Failed(get(&reg, "error").as_string().unwrap_or_default()),
        Some("starting") => Offline::Starting,
        // No registration script at all counts as no offline use.
        _ => Offline::Unsupported,
    };
    state.update = get(&reg, "update").is_truthy();
}

/// Changes the state with `f`; the one writer of the signal.
fn change(state: RwSignal<PwaState>, f: impl FnOnce(&mut PwaState)) {
    let mut next = state.get_untracked();
    f(&mut next);
    state.set(next);
}

/// The state, kept up to date with the registration script's news.
pub fn start() -> RwSignal<PwaState> {
    let mut first = PwaState {
        offline: Offline::Starting,
        update: false,
        installed: standalone(),
        ios: apple_touch(),
        persisted: None,
        estimate: None,
    };
    read_registration(&mut first);
    let state = RwSignal::new(first);
    let handle =
        window_event_listener_untyped("kontaktnetz-pwa", move |_| change(state, read_registration));
    // The listener lives as long as the app.
    std::mem::forget(handle);
    refresh_storage(state, false);
    state
}

/// Lets the waiting version take over and reloads this tab (only this one).
pub fn apply_update() {
    if call(&registration(), "apply", None).is_none() {
        super::browser::reload();
    }
}

/// Reads whether storage is persistent and how much of the quota is used; with `ask`, first
/// asks the browser to keep the data even when space runs short (no prompt in Chromium and
/// Safari: they decide by how the app is used). Where a call is missing, its answer stays
/// unknown.
pub fn refresh_storage(state: RwSignal<PwaState>, ask: bool) {
    leptos::task::spawn_local(async move {
        if ask {
            storage_call("persist").await;
        }
        let persisted = storage_call("persisted").await.and_then(|v| v.as_bool());
        let estimate = storage_call("estimate")
            .await
            .and_then(|e| Some((get(&e, "usage").as_f64()?, get(&e, "quota").as_f64()?)));
        change(state, |s| {
            s.persisted = persisted;
            s.estimate = estimate;
        });
    });
}

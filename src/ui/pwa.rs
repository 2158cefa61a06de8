//! The offline web app as the page sees it: what `pwa/register.js` reports about the service
//! worker, whether the app runs installed, and what the browser promises about its storage.
//! Every browser feature here is optional (WebKitGTK has no `navigator.storage.persist`, plain
//! http has no service worker), so each is looked up before it is used.

use js_sys::{Function, Promise, Reflect};
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Offline {
    Starting,
    Ready,
    /// Served over plain http: browsers offer service workers only to https and localhost.
    Insecure,
    Unsupported,
    Failed(String),
}

#[derive(Clone, Copy)]
pub struct Pwa {
    pub offline: RwSignal<Offline>,
    /// A new version is installed and waits for "Jetzt neu laden".
    pub update: RwSignal<bool>,
    pub installed: bool,
    /// iPad or iPhone (iPadOS presents itself as a Mac with a touch screen).
    pub ios: bool,
    pub persisted: RwSignal<Option<bool>>,
    /// Bytes used and the quota, from `navigator.storage.estimate()`.
    pub estimate: RwSignal<Option<(f64, f64)>>,
}

pub fn use_pwa() -> Pwa {
    expect_context::<Pwa>()
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

impl Pwa {
    /// Reads what the registration script has found so far and follows its news.
    pub fn start() -> Pwa {
        let pwa = Pwa {
            offline: RwSignal::new(Offline::Starting),
            update: RwSignal::new(false),
            installed: standalone(),
            ios: apple_touch(),
            persisted: RwSignal::new(None),
            estimate: RwSignal::new(None),
        };
        pwa.read();
        let handle = window_event_listener_untyped("kontaktnetz-pwa", move |_| pwa.read());
        // The listener lives as long as the app.
        std::mem::forget(handle);
        pwa.refresh_storage();
        provide_context(pwa);
        pwa
    }

    fn read(self) {
        let state = get(&window(), "kontaktnetzPwa");
        let offline = match get(&state, "offline").as_string().as_deref() {
            Some("ready") => Offline::Ready,
            Some("insecure") => Offline::Insecure,
            Some("failed") => Offline::Failed(get(&state, "error").as_string().unwrap_or_default()),
            Some("starting") => Offline::Starting,
            // No registration script at all (e.g. a build without it) counts as no offline use.
            _ => Offline::Unsupported,
        };
        self.offline.set(offline);
        self.update.set(get(&state, "update").is_truthy());
    }

    /// Lets the waiting version take over and reloads this tab (only this one).
    pub fn apply_update(self) {
        let state = get(&window(), "kontaktnetzPwa");
        if call(&state, "apply", None).is_none() {
            super::browser::reload();
        }
    }

    /// Reads whether storage is persistent and how much of the quota is used.
    pub fn refresh_storage(self) {
        leptos::task::spawn_local(async move {
            let persisted = storage_call("persisted").await.and_then(|v| v.as_bool());
            self.persisted.set(persisted);
            let estimate = storage_call("estimate")
                .await
                .and_then(|e| Some((get(&e, "usage").as_f64()?, get(&e, "quota").as_f64()?)));
            self.estimate.set(estimate);
        });
    }

    /// Asks the browser to keep the data even when space runs short (no prompt in Chromium and
    /// Safari; they decide by how the app is used). Missing in some browsers: then nothing.
    pub fn request_persistence(self) {
        leptos::task::spawn_local(async move {
            if let Some(granted) = storage_call("persist").await.and_then(|v| v.as_bool()) {
                self.persisted.set(Some(granted));
            }
        });
    }
}

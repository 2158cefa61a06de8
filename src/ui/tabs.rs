//! Coordination between tabs: the save lock and the announcement of saves (see `tabs.js`).

use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/src/ui/tabs.js")]
extern "C" {
    fn listen(on_saved: &Closure<dyn Fn()>);
    pub fn announce();
    #[wasm_bindgen(js_name = lock)]
    async fn js_lock() -> JsValue;
}

/// Calls `on_saved` whenever another tab has saved.
pub fn on_other_tab_saved(on_saved: impl Fn() + 'static) {
    let callback = Closure::<dyn Fn()>::new(on_saved);
    listen(&callback);
    // Lives as long as the app.
    callback.forget();
}

/// Held while this tab uses the store; released when dropped. One holder at a time, in this
/// tab and, where the browser has Web Locks, across tabs.
pub struct SaveLock(js_sys::Function);

impl Drop for SaveLock {
    fn drop(&mut self) {
        let _ = self.0.call0(&JsValue::NULL);
    }
}

pub async fn lock() -> SaveLock {
    SaveLock(js_lock().await.unchecked_into())
}

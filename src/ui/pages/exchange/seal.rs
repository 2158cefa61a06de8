//! Sealing an export with a passphrase and opening a sealed import. The key is derived in
//! steps between which the browser paints, so a progress bar moves and the page stays usable.

use crate::domain::exchange::passphrase::{check, strength};
use crate::storage::envelope::{self, Derivation, Sealed, ITERATIONS, NONCE_LEN, SALT_LEN};
use crate::texts::exchange as say;
use crate::ui::browser;
use crate::ui::components::TextField;
use leptos::prelude::*;

/// Iterations between two paints: a few dozen milliseconds of work.
const STEP: u32 = 20_000;

/// Runs a derivation to its end, showing its progress (in percent) while it runs.
pub async fn derive(mut derivation: Derivation, progress: RwSignal<Option<u32>>) -> [u8; 32] {
    loop {
        let done = u64::from(derivation.done()) * 100 / u64::from(derivation.total().max(1));
        progress.set(Some(done as u32));
        browser::next_frame().await;
        if derivation.step(STEP) {
            break;
        }
    }
    progress.set(None);
    match derivation.key() {
        Some(key) => key,
        None => unreachable!("a finished derivation has its key"),
    }
}

/// The progress of a key derivation, while one runs.
#[component]
pub fn Deriving(progress: RwSignal<Option<u32>>) -> impl IntoView {
    move || {
        progress.get().map(|pct| {
            view! {
                <div class="field" role="status" data-testid="deriving">
                    <label for="derive-progress">{say::deriving(pct)}</label>
                    <progress id="derive-progress" max="100" value=pct></progress>
                </div>
            }
        })
    }
}

/// An export's choice to seal it, and the passphrase typed twice.
#[derive(Clone, Copy)]
pub struct Seal {
    on: RwSignal<bool>,
    passphrase: RwSignal<String>,
    again: RwSignal<String>,
    progress: RwSignal<Option<u32>>,
    error: RwSignal<Option<String>>,
}

impl Seal {
    pub fn new() -> Self {
        Seal {
            on: RwSignal::new(false),
            passphrase: RwSignal::new(String::new()),
            again: RwSignal::new(String::new()),
            progress: RwSignal::new(None),
            error: RwSignal::new(None),
        }
    }

    /// The file `name` with `text`, sealed if asked for ("…-verschluesselt.json"); `None`
    /// when the passphrase is not acceptable (the form says why) or a seal is running. Every
    /// signal is read before the derivation: the page may be gone when it ends.
    pub async fn file(self, name: &str, text: String) -> Option<(String, String)> {
        self.error.set(None);
        if !self.on.get_untracked() {
            return Some((name.to_owned(), text));
        }
        if self.progress.get_untracked().is_some() {
            return None;
        }
        let name = match name.strip_suffix(".json") {
            Some(stem) => format!("{stem}-verschluesselt.json"),
            None => name.to_owned(),
        };
        let passphrase = browser::nfc(&self.passphrase.get_untracked());
        if let Err(p) = check(&passphrase, &self.again.get_untracked()) {
            self.error.set(Some(say::passphrase_problem(p)));
            return None;
        }
        let random = browser::random_bytes(SALT_LEN + NONCE_LEN).ok();
        let Some((salt, nonce)) = random.as_ref().and_then(|r| {
            let (salt, nonce) = r.split_at(SALT_LEN);
            Some((salt, <[u8; NONCE_LEN]>::try_from(nonce).ok()?))
        }) else {
            self.error.set(Some(say::NO_RANDOMNESS.into()));
            return None;
        };
        // Not kept around once it has done its work.
        self.passphrase.set(String::new());
        self.again.set(String::new());
        let key = derive(
            Derivation::new(&passphrase, salt, ITERATIONS),
            self.progress,
        )
        .await;
        Some((name, envelope::seal(&text, &key, salt, &nonce, ITERATIONS)))
    }
}

/// The seal's fields: a checkbox, then the passphrase twice with a strength hint.
#[component]
pub fn SealFields(seal: Seal, id: &'static str) -> impl IntoView {
    let Seal {
        on,
        passphrase,
        again,
        progress,
        error,
    } = seal;
    let check_id = format!("{id}-seal");
    view! {
        <div class="field check">
            <input type="checkbox" id=check_id.clone() bind:checked=on data-testid=format!("{id}-seal") />
            <label for=check_id>{say::SEAL}</label>
        </div>
        {move || on.get().then(|| view! {
            <div class="seal">
                <p>{say::SEAL_EXPLAINED}</p>
                <TextField label="Kennwort (mindestens 12 Zeichen)" value=passphrase kind="password"
                    autocomplete="new-password" id=format!("{id}-passphrase") />
                <p class="hint" aria-live="polite" data-testid="strength">
                    {move || passphrase.with(|p| (!p.is_empty()).then(|| say::strength(strength(p))))}
                </p>
                <TextField label="Kennwort wiederholen" value=again kind="password"
                    autocomplete="new-password" id=format!("{id}-again") />
            </div>
        })}
        <Deriving progress=progress />
        {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
    }
}

/// Opens a sealed file with the passphrase typed in; says why it could not.
pub async fn open(
    sealed: &Sealed,
    passphrase: &str,
    progress: RwSignal<Option<u32>>,
) -> Result<String, String> {
    let key = derive(sealed.derivation(&browser::nfc(passphrase)), progress).await;
    sealed.open(&key).map_err(say::envelope_error)
}

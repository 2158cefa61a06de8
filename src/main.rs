//! Entry point: in the browser the app mounts itself; natively there is nothing to run.

#[cfg(target_arch = "wasm32")]
fn main() {
    kontaktnetz::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Kontaktnetz läuft im Browser: `bash scripts/serve.sh` baut und startet die App.");
}

//! Shown instead of the app when stored data cannot be read: nothing is overwritten until
//! the advisor has taken a copy and decided.

use crate::storage::browser::BrowserEngine;
use crate::storage::{EngineKind, RawDump, Store};
use crate::texts;
use crate::ui::browser;
use leptos::prelude::*;

#[component]
pub fn Quarantine(message: String, raw: RawDump, kind: EngineKind) -> impl IntoView {
    let error = RwSignal::new(None::<String>);
    let raw_for_export = raw.clone();
    let export = move |_| {
        let text = crate::storage::to_json(&raw_for_export);
        let name = format!(
            "kontaktnetz-rohdaten-{}.json",
            crate::ui::format::input_date(Some(browser::today()))
        );
        if browser::download(&name, "application/json", &text).is_err() {
            error.set(Some("Der Download konnte nicht gestartet werden.".into()));
        }
    };
    let set_aside = move |_| {
        if !browser::confirm(texts::QUARANTINE_CONFIRM) {
            return;
        }
        let raw = raw.clone();
        leptos::task::spawn_local(async move {
            let result = match BrowserEngine::of_kind(kind).await {
                Ok(engine) => Store::quarantine(engine, &raw, browser::now()).await,
                Err(e) => Err(e),
            };
            match result {
                Ok(()) => browser::reload(),
                Err(e) => error.set(Some(texts::store_error(&e))),
            }
        });
    };
    view! {
        <section class="page" data-testid="quarantine">
            <h1 tabindex="-1">"Gespeicherte Daten sind nicht lesbar"</h1>
            <div class="banner banner-error" role="alert">
                <p>{message}</p>
            </div>
            <p>"Ihre gespeicherten Daten bleiben unverändert erhalten. Kontaktnetz schreibt nichts darüber, bis Sie entscheiden."</p>
            <ol>
                <li>"Laden Sie die Rohdaten herunter und heben Sie die Datei auf (z. B. für die IT-Betreuung)."</li>
                <li>"Legen Sie die Daten danach beiseite: Sie bleiben als Kopie im Browser-Speicher, und die App startet leer. Danach können Sie einen Export importieren."</li>
            </ol>
            <div class="actions">
                <button type="button" class="primary" on:click=export>"Rohdaten herunterladen"</button>
                <button type="button" on:click=set_aside>"Beiseitelegen und leer beginnen"</button>
            </div>
            {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
        </section>
    }
}

//! The bars that report on the app: unsaved changes, the last message (with undo), storage use.

use crate::storage::{EngineKind, Usage, UsageLevel};
use crate::texts;
use crate::ui::browser;
use crate::ui::pwa;
use crate::ui::state::{use_app, SaveState};
use leptos::prelude::*;

/// A failed save stays on screen until a later save succeeds: nothing is dropped silently.
#[component]
pub fn SaveBanner() -> impl IntoView {
    let app = use_app();
    let retry = move |_| app.book.update(|_| {});
    view! {
        {move || match app.save_state.get() {
            SaveState::Saved => None,
            SaveState::Failed(message) => Some(view! {
                <div class="banner banner-error" role="alert" data-testid="save-error">
                    <p>{message}</p>
                    <div class="actions">
                        <button type="button" on:click=retry>"Erneut speichern"</button>
                        <a class="button" href="#/daten">"Zu Export und Sicherungen"</a>
                    </div>
                </div>
            }.into_any()),
            SaveState::Conflict(message) => Some(view! {
                <div class="banner banner-error" role="alert" data-testid="save-error">
                    <p>{message}</p>
                    <div class="actions">
                        <button type="button" on:click=|_| browser::reload()>"Neu laden"</button>
                    </div>
                </div>
            }.into_any()),
        }}
    }
}

#[component]
pub fn ToastView() -> impl IntoView {
    let app = use_app();
    view! {
        <div class="toast-region" role="status" aria-live="polite">
            {move || app.toast.get().map(|t| {
                let undo = t.undo.clone();
                view! {
                    <div class="toast">
                        <span>{t.message.clone()}</span>
                        {undo.map(|before| view! {
                            <button type="button" on:click=move |_| {
                                app.book.set(before.clone());
                                app.toast.set(None);
                                app.notify("Rückgängig gemacht.".into());
                            }>"Rückgängig"</button>
                        })}
                        <button type="button" class="quiet" aria-label="Meldung schließen"
                            on:click=move |_| app.toast.set(None)>"✕"</button>
                    </div>
                }
            })}
        </div>
    }
}

/// How much of its room the book takes: IndexedDB as the browser estimates it, or
/// localStorage's characters against Safari's worst case, with a notice of the smaller room.
#[component]
pub fn UsageMeter() -> impl IntoView {
    let app = use_app();
    pwa::refresh_storage(app.pwa, false);
    move || {
        let local = app.engine.get()? == EngineKind::LocalStorage;
        let (u, text) = if local {
            let u = app.usage.get()?;
            (u, texts::usage(u))
        } else {
            let (used, quota) = app.pwa.get().estimate?;
            let u = Usage {
                used: used as u64,
                budget: quota as u64,
            };
            (u, texts::storage::usage_bytes(u))
        };
        let level = match u.level() {
            UsageLevel::Fine => "fine",
            UsageLevel::Warning => "warning",
            UsageLevel::Critical => "critical",
        };
        let pct = u.percent().min(100);
        Some(view! {
            <div class=format!("meter meter-{level}") data-testid="usage">
                <p>{text}</p>
                <div class="meter-bar" role="meter" aria-label="Speicherbelegung"
                    aria-valuemin="0" aria-valuemax="100" aria-valuenow=pct.to_string()>
                    <span style=format!("width:{pct}%")></span>
                </div>
                {texts::usage_advice(u.level()).map(|a| view! { <p class="advice" role="alert">{a}</p> })}
                {local.then(|| view! {
                    <p class="advice" data-testid="fallback-notice">{texts::storage::FALLBACK_NOTICE}</p>
                })}
            </div>
        })
    }
}

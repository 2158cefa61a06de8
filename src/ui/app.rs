//! The shell: header and navigation, the page for the current hash route, messages.

use super::browser;
use super::components::{SaveBanner, ToastView};
use super::pages;
use super::pages::safety::{self, UpdateBanner};
use super::route::Route;
use super::state::{App, Boot};
use leptos::prelude::*;

pub fn start() {
    leptos::mount::mount_to_body(Shell);
}

#[component]
fn Shell() -> impl IntoView {
    let app = App::start();
    safety::watch(app);
    let route = RwSignal::new(Route::parse(&browser::current_hash()));
    let handle = window_event_listener(leptos::ev::hashchange, move |_| {
        route.set(Route::parse(&browser::current_hash()));
    });
    std::mem::forget(handle);

    // After navigation, move focus to the page heading so screen readers announce the page.
    Effect::new(move |prev: Option<()>| {
        route.track();
        if prev.is_some() {
            request_animation_frame(|| {
                if let Some(h1) = document().query_selector("main h1").ok().flatten() {
                    if let Ok(h1) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(h1) {
                        let _ = h1.focus();
                    }
                }
                window().scroll_to_with_x_and_y(0.0, 0.0);
            });
        }
    });

    let page = move || match app.boot.get() {
        Boot::Unreadable { message, raw, kind } => {
            pages::quarantine::Quarantine(pages::quarantine::QuarantineProps { message, raw, kind })
                .into_any()
        }
        // Nothing to touch until the book is open: an edit now would have nowhere to go.
        Boot::Opening => {
            view! { <p class="opening" aria-busy="true">"Daten werden geöffnet …"</p> }.into_any()
        }
        _ => pages::page(route.get()),
    };

    view! {
        <div class="app" class:has-toast=move || app.toast.with(Option::is_some) data-app-ready=move || (!matches!(app.boot.get(), Boot::Opening)).then_some("")
            data-saving=move || app.saving.get().then_some("")
            data-load-ms=move || (app.load_ms.get() as u32).to_string()
            data-save-ms=move || (app.save_ms.get() as u32).to_string()>
            <a class="skip" href="#inhalt" on:click=|ev| {
                ev.prevent_default();
                if let Some(m) = document().get_element_by_id("inhalt") {
                    if let Ok(m) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(m) {
                        let _ = m.focus();
                    }
                }
            }>"Zum Inhalt springen"</a>
            <header class="topbar">
                <a class="brand" href="#/">"Kontaktnetz"</a>
                <nav aria-label="Hauptnavigation">
                    <NavLink route=route target=Route::Home label="Übersicht" />
                    <NavLink route=route target=Route::Reminder label="Erinnerung" />
                    <NavLink route=route target=Route::Groups label="Verbünde" />
                    <NavLink route=route target=Route::Contacts label="Kontakte" />
                    <NavLink route=route target=Route::CallParty label="Telefonaktion" />
                    <NavLink route=route target=Route::CastingOverview label="Casting" />
                    <NavLink route=route target=Route::Dashboard label="Auswertung" />
                    <NavLink route=route target=Route::Colleagues label="Kolleg:innen" />
                    <NavLink route=route target=Route::Data label="Daten" />
                </nav>
            </header>
            <Show when=move || matches!(app.boot.get(), Boot::Unavailable(_))>
                <p class="banner banner-error" role="alert">
                    {move || match app.boot.get() { Boot::Unavailable(m) => m, _ => String::new() }}
                </p>
            </Show>
            <SaveBanner />
            <UpdateBanner route=route />
            <main id="inhalt" tabindex="-1">{page}</main>
            <ToastView />
        </div>
    }
}

/// Top navigation entry; marks the current section for screen readers.
#[component]
fn NavLink(route: RwSignal<Route>, target: Route, label: &'static str) -> impl IntoView {
    let href = target.href();
    let here = pages::section(&target);
    let section = move || pages::section(&route.get()) == here;
    view! {
        <a href=href class:active=section aria-current=move || section().then_some("page")>
            {label}
        </a>
    }
}

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
                HEADING_PENDING.set(!focus_heading());
                window().scroll_to_with_x_and_y(0.0, 0.0);
            });
        }
    });

    let keep_in_view = window_event_listener(leptos::ev::focusin, |ev| {
        if let Some(el) = ev
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
        {
            clear_of_bars(&el);
        }
    });
    std::mem::forget(keep_in_view);

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
                <a class="brand" href="#/" aria-current=move || (route.get() == Route::Home).then_some("page")>
                    "Kontaktnetz"
                </a>
                <MainNav route=route />
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

thread_local! {
    /// Set when a navigation found no heading to focus yet: a page loaded on first use
    /// focuses it when it arrives.
    static HEADING_PENDING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

fn focus_heading() -> bool {
    let Some(h1) = document().query_selector("main h1").ok().flatten() else {
        return false;
    };
    if let Ok(h1) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(h1) {
        let _ = h1.focus();
    }
    true
}

/// Called by a page that arrived after its navigation: takes the focus the shell could not give.
pub fn heading_ready() {
    if HEADING_PENDING.replace(false) {
        request_animation_frame(|| {
            focus_heading();
        });
    }
}

/// Scrolls a focused element out from under the sticky top bar and save bar: browsers scroll
/// focus into the viewport, not into the part of it those bars leave free. Only keyboard
/// focus: scrolling under a finger or mouse between press and release would lose the tap.
fn clear_of_bars(el: &web_sys::Element) {
    let by_keyboard = el.matches(":focus-visible").unwrap_or(true);
    let in_a_bar = el
        .closest(".topbar, .actions.sticky, .mainnav")
        .ok()
        .flatten()
        .is_some();
    if !by_keyboard || in_a_bar {
        return;
    }
    let rect_of = |selector: &str| {
        document()
            .query_selector(selector)
            .ok()
            .flatten()
            .map(|e| e.get_bounding_client_rect())
    };
    let height = window()
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(0.0);
    let top = rect_of(".topbar").map_or(0.0, |r| r.bottom().max(0.0));
    let bottom = rect_of(".actions.sticky").map_or(height, |r| r.top().min(height));
    let r = el.get_bounding_client_rect();
    const GAP: f64 = 8.0;
    if r.top() < top {
        window().scroll_by_with_x_and_y(0.0, r.top() - top - GAP);
    } else if r.bottom() > bottom {
        window().scroll_by_with_x_and_y(0.0, r.bottom() - bottom + GAP);
    }
}

/// Where a main page sits: in the bar on a phone (four, beside "Mehr" at the bottom of the
/// screen) and on a tablet (one row at the top; the brand leads to the start page), or
/// under "Mehr".
struct MainPage {
    route: Route,
    label: &'static str,
    phone: bool,
    tablet: bool,
}

fn main_pages() -> [MainPage; 10] {
    let page = |route, label, phone, tablet| MainPage {
        route,
        label,
        phone,
        tablet,
    };
    [
        page(Route::Home, "Übersicht", true, false),
        page(Route::Reminder, "Erinnerung", true, true),
        page(Route::Groups, "Verbünde", true, true),
        page(Route::Contacts, "Kontakte", true, true),
        page(Route::CastingOverview, "Casting", false, true),
        page(Route::Dashboard, "Auswertung", false, true),
        page(Route::CallParty, "Telefonaktion", false, false),
        page(Route::KeyAccounts, "Schlüsselkunden", false, false),
        page(Route::Colleagues, "Kolleg:innen", false, false),
        page(Route::Data, "Daten", false, false),
    ]
}

/// The main navigation: the most used pages in one bar, the rest under "Mehr". Each page is
/// in the bar and in the menu; the style sheet shows it in one of them by screen width.
#[component]
fn MainNav(route: RwSignal<Route>) -> impl IntoView {
    let more = NodeRef::<leptos::html::Details>::new();
    let close = move || {
        if let Some(details) = more.get_untracked() {
            let _ = details.remove_attribute("open");
        }
    };
    // A chosen page closes the menu, and so does a tap anywhere else.
    Effect::new(move |_| {
        route.track();
        close();
    });
    let outside = window_event_listener(leptos::ev::click, move |ev| {
        let target = ev
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Node>(t).ok());
        if let Some(details) = more.get_untracked() {
            if !details.contains(target.as_ref()) {
                close();
            }
        }
    });
    std::mem::forget(outside);
    let escape = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Escape" {
            close();
            if let Some(summary) = more.get_untracked().and_then(|d| d.first_element_child()) {
                if let Ok(summary) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(summary)
                {
                    let _ = summary.focus();
                }
            }
        }
    };
    // "Mehr" is marked while the current page is one of those under it.
    let under_more = move |in_bar: fn(&MainPage) -> bool| {
        let here = pages::section(&route.get());
        main_pages()
            .iter()
            .any(|p| !in_bar(p) && pages::section(&p.route) == here)
    };
    let link = move |page: MainPage| {
        let class = match (page.phone, page.tablet) {
            (true, true) => "phone tablet",
            (true, false) => "phone",
            (false, true) => "tablet",
            (false, false) => "",
        };
        view! { <NavLink route=route target=page.route label=page.label class=class /> }
    };
    view! {
        <nav class="mainnav" aria-label="Hauptnavigation">
            {main_pages().into_iter().map(link).collect_view()}
            <details class="nav-more" node_ref=more on:keydown=escape>
                <summary
                    class:here-phone=move || under_more(|p| p.phone)
                    class:here-tablet=move || under_more(|p| p.tablet)
                >
                    "Mehr"
                </summary>
                <div class="more-menu">
                    {main_pages().into_iter().map(link).collect_view()}
                </div>
            </details>
        </nav>
    }
}

/// Main navigation entry; marks the current section for screen readers.
#[component]
fn NavLink(
    route: RwSignal<Route>,
    target: Route,
    label: &'static str,
    class: &'static str,
) -> impl IntoView {
    let href = target.href();
    let here = pages::section(&target);
    let section = move || pages::section(&route.get()) == here;
    view! {
        <a href=href class=class class:active=section aria-current=move || section().then_some("page")>
            {label}
        </a>
    }
}

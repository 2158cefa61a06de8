//! The start page: what is in the book, a quick search, and sample data for a first try.

use crate::domain::casting::portfolio::{overview, CastingFilter};
use crate::domain::contact::reminder::agenda;
use crate::domain::sample::{self, SampleSize};
use crate::domain::time_format::format_clock;
use crate::texts;
use crate::ui::browser;
use crate::ui::components::UsageMeter;
use crate::ui::pages::safety::{BackupReminder, OfflineNotice};
use crate::ui::route::{groups_with, with_query, Route};
use crate::ui::state::use_app;
use leptos::prelude::*;

/// Loads a sample book, after confirmation and a backup when the book is not empty.
pub fn load_sample(size: SampleSize) {
    let app = use_app();
    let empty = app.book.with_untracked(|b| b.is_empty());
    if !empty && !browser::confirm(texts::SAMPLE_CONFIRM) {
        return;
    }
    let book = sample::generate(size, 2026, browser::now());
    let summary = texts::book_summary(&book);
    leptos::task::spawn_local(async move {
        match app.replace_book(book, texts::BACKUP_BEFORE_SAMPLE).await {
            Ok(()) => app.notify(texts::sample_loaded(&summary)),
            Err(e) => app.notify(e),
        }
    });
}

/// What to do today: contacts planned for today, overdue groups, what is due this week.
fn today_box(b: &crate::domain::book::Book) -> impl IntoView {
    let today = browser::today();
    let a = agenda(b, today);
    let planned = a
        .planned_today
        .iter()
        .filter_map(|id| b.planned().get(id))
        .map(|p| {
            let name = b
                .groups()
                .get(&p.group)
                .map(|g| g.name.to_string())
                .unwrap_or_default();
            let record = with_query(
                &Route::ContactNew(p.group.clone()).href(),
                &[("plan", p.id.as_str()), ("zurueck", "")],
            );
            view! {
                <li class="row">
                    <span>
                        {p.time.map(|t| format!("{} ", format_clock(t)))}
                        <a href=Route::Group(p.group.clone()).href()>{name}</a>
                        {format!(" · {}", texts::format(p.format))}
                    </span>
                    <a class="button primary" href=record>"Erledigen"</a>
                </li>
            }
        })
        .collect_view();
    let none_today = a.planned_today.is_empty();
    // Castings due are today's work too: the round starts here, one tap from the start page.
    let cast_due = overview(b, today).due;
    view! {
        <section class="box" data-testid="today">
            <h2>"Heute"</h2>
            <dl class="stats">
                <div class="stat"><dt>"Heute geplant"</dt><dd data-testid="today-planned">{texts::number(a.planned_today.len() as i64)}</dd></div>
                <div class="stat"><dt>"Überfällig"</dt><dd><a data-testid="today-overdue" href=with_query(&Route::Reminder.href(), &[("nur", "ueberfaellig")])>{texts::number(a.overdue as i64)}</a></dd></div>
                <div class="stat"><dt>"Diese Woche fällig"</dt><dd><a data-testid="today-week" href=Route::Reminder.href()>{texts::number(a.this_week as i64)}</a></dd></div>
                <div class="stat"><dt>"Casting fällig"</dt><dd><a data-testid="today-casting" href=groups_with(&CastingFilter::Due, None)>{texts::number(cast_due as i64)}</a></dd></div>
            </dl>
            {(!none_today).then(|| view! { <ul class="list">{planned}</ul> })}
            <div class="actions">
                <a class="button primary" href=Route::Reminder.href()>"Zur Erinnerung"</a>
                <a class="button" href=Route::CallParty.href()>"Telefonaktion"</a>
                {(cast_due > 0).then(|| view! {
                    <a class="button" href=Route::CastingRound.href() data-testid="home-round">{texts::start_round(cast_due)}</a>
                })}
            </div>
        </section>
    }
}

#[component]
pub fn Home() -> impl IntoView {
    let app = use_app();
    let query = RwSignal::new(String::new());
    let search = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let q = query.get_untracked();
        browser::navigate(&format!(
            "{}?q={}",
            Route::Groups.href(),
            js_sys::encode_uri_component(&q)
        ));
    };
    let me = move || {
        app.book.with(|b| {
            b.settings()
                .me
                .as_ref()
                .and_then(|id| b.colleagues().get(id))
                .map(|c| c.name.to_string())
        })
    };
    view! {
        <section class="page">
            <h1 tabindex="-1">"Übersicht"</h1>
            {move || me().map(|name| view! { <p class="lead">"Angemeldet als " <strong>{name}</strong></p> })}
            <OfflineNotice />
            <BackupReminder />
            <Show
                when=move || !app.book.with(|b| b.is_empty())
                fallback=move || view! {
                    <div class="card welcome">
                        <h2>"Willkommen bei Kontaktnetz"</h2>
                        <p>"Ihr Kundenbuch ist noch leer. Probieren Sie die App mit Beispieldaten aus, legen Sie Ihren ersten Kundenverbund an oder importieren Sie einen Export."</p>
                        <div class="actions">
                            <button type="button" class="primary" data-testid="load-sample"
                                on:click=move |_| load_sample(SampleSize::ADVISOR)>"Beispieldaten laden"</button>
                            <a class="button" href=Route::GroupNew.href()>"Ersten Verbund anlegen"</a>
                            <a class="button" href=Route::Data.href()>"Daten importieren"</a>
                        </div>
                    </div>
                }
            >
                <form class="search-box" role="search" on:submit=search>
                    <label for="home-suche">"Suchen"</label>
                    <input id="home-suche" type="search" bind:value=query
                        placeholder="Verbund, Kunde, Ansprechpartner, Kundennummer" />
                    <button type="submit" class="primary">"Suchen"</button>
                </form>
                {move || app.book.with(today_box)}
                <dl class="stats" data-testid="stats">
                    {move || app.book.with(|b| vec![
                        ("Kundenverbünde", b.groups().len(), Route::Groups.href()),
                        ("Kunden", b.customers().len(), Route::Groups.href()),
                        ("Ansprechpartner", b.persons().len(), Route::Groups.href()),
                        ("Kolleg:innen", b.colleagues().len(), Route::Colleagues.href()),
                    ]).into_iter().map(|(label, n, href)| view! {
                        <div class="stat">
                            <dt>{label}</dt>
                            <dd><a href=href>{texts::number(n as i64)}</a></dd>
                        </div>
                    }).collect_view()}
                </dl>
                <div class="actions">
                    <a class="button primary" href=Route::GroupNew.href()>"Neuer Kundenverbund"</a>
                    <a class="button" href=Route::Groups.href()>"Alle Verbünde"</a>
                </div>
            </Show>
            <UsageMeter />
        </section>
    }
}
